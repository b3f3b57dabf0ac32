/**
 * The AudioWorklet of one captured channel: downmixes its input to mono, resamples it to
 * 16 kHz with the shared low-pass resampler, and posts 100 ms frames (1,600 samples) with
 * their level to the main thread, which sends them to the speech service.
 * Built as its own module (`?worker&url`) and loaded from our origin ('self' in the CSP).
 */
import { downmix, createResampler } from '../../../shared/speech/resample';
import { rms } from '../../../shared/speech/pcm16';

/** Posted for each 100 ms of audio. */
export interface CaptureFrameMessage {
  readonly samples: Float32Array;
  readonly level: number;
}

declare const sampleRate: number;
declare function registerProcessor(name: string, processor: unknown): void;
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
}

const TARGET_RATE = 16_000;
const FRAME = TARGET_RATE / 10;

class CaptureProcessor extends AudioWorkletProcessor {
  private readonly resampler = createResampler(sampleRate, TARGET_RATE);
  private frame = new Float32Array(FRAME);
  private filled = 0;

  process(inputs: Float32Array[][]): boolean {
    const channels = inputs[0];
    if (!channels || channels.length === 0) return true;
    const out = this.resampler.push(downmix(channels));
    for (let i = 0; i < out.length; i++) {
      this.frame[this.filled++] = out[i]!;
      if (this.filled === FRAME) {
        const message: CaptureFrameMessage = { samples: this.frame, level: rms(this.frame) };
        this.port.postMessage(message, [this.frame.buffer]);
        this.frame = new Float32Array(FRAME);
        this.filled = 0;
      }
    }
    return true;
  }
}

registerProcessor('inloop-capture', CaptureProcessor);
