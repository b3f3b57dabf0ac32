/**
 * The call's two channels in the renderer: the agent's microphone (getUserMedia, the device
 * picked in settings) and the customer's audio (an input device such as a PulseAudio or
 * PipeWire "Monitor of …" source on Linux, or system audio shared through getDisplayMedia,
 * which Electron's display-media handler answers with loopback audio on Windows and macOS).
 * Each goes through the capture worklet and comes out as 100 ms 16 kHz frames.
 */
import type { Speaker } from '../../../shared/schemas/speech';
import {
  problemFromError,
  silenceProblem,
  SILENCE_LEVEL,
  type CaptureProblem,
} from './capture-problems';
import type { CaptureFrameMessage } from './capture-worklet';
import workletUrl from './capture-worklet.ts?worker&url';

/** Where the customer's voice comes from. */
export type CustomerSource =
  | { readonly kind: 'device'; readonly deviceId: string }
  | { readonly kind: 'display' }
  | { readonly kind: 'none' };

export interface CaptureCallbacks {
  frame(speaker: Speaker, samples: Float32Array): void;
  level(speaker: Speaker, level: number): void;
  /** A problem on a channel, or null when it cleared. */
  problem(speaker: Speaker, problem: CaptureProblem | null): void;
}

export interface CaptureOptions {
  readonly microphoneId: string | null;
  readonly customer: CustomerSource;
}

/** The audio inputs the agent can pick from (labels need a granted permission). */
export async function listInputDevices(): Promise<{ deviceId: string; label: string }[]> {
  const devices = await navigator.mediaDevices.enumerateDevices();
  return devices
    .filter((d) => d.kind === 'audioinput')
    .map((d, i) => ({ deviceId: d.deviceId, label: d.label || `Input ${i + 1}` }));
}

const voice: MediaTrackConstraints = { echoCancellation: true, noiseSuppression: true };

export class CallCapture {
  private readonly streams: MediaStream[] = [];
  private readonly quietMs: Record<Speaker, number> = { agent: 0, customer: 0 };

  private constructor(
    private readonly context: AudioContext,
    private readonly sink: AudioNode,
    private readonly callbacks: CaptureCallbacks,
  ) {}

  /** Open both channels; a channel that fails reports its problem and the other still runs. */
  static async open(options: CaptureOptions, callbacks: CaptureCallbacks): Promise<CallCapture> {
    const context = new AudioContext();
    await context.audioWorklet.addModule(workletUrl);
    // Worklets only run when connected to the destination: through a muted gain.
    const sink = context.createGain();
    sink.gain.value = 0;
    sink.connect(context.destination);
    const capture = new CallCapture(context, sink, callbacks);
    await Promise.all([
      capture.openChannel('agent', () =>
        navigator.mediaDevices.getUserMedia({
          audio: options.microphoneId
            ? { ...voice, deviceId: { exact: options.microphoneId } }
            : voice,
        }),
      ),
      capture.openCustomer(options.customer),
    ]);
    return capture;
  }

  /** Stop every track and the audio graph. */
  async close(): Promise<void> {
    for (const stream of this.streams) for (const track of stream.getTracks()) track.stop();
    await this.context.close();
  }

  private openCustomer(source: CustomerSource): Promise<void> {
    switch (source.kind) {
      case 'none':
        return Promise.resolve();
      case 'device':
        return this.openChannel('customer', () =>
          navigator.mediaDevices.getUserMedia({
            // The far end is already processed by the softphone: leave it as it is.
            audio: { deviceId: { exact: source.deviceId }, echoCancellation: false },
          }),
        );
      case 'display':
        return this.openChannel('customer', async () => {
          const stream = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: true });
          for (const track of stream.getVideoTracks()) track.stop();
          if (stream.getAudioTracks().length === 0) {
            throw new DOMException('The shared source has no audio.', 'NotFoundError');
          }
          return stream;
        });
    }
  }

  private async openChannel(speaker: Speaker, open: () => Promise<MediaStream>): Promise<void> {
    let stream: MediaStream;
    try {
      stream = await open();
    } catch (error) {
      this.callbacks.problem(speaker, problemFromError(speaker, error));
      return;
    }
    this.streams.push(stream);
    this.callbacks.problem(speaker, null);
    const node = new AudioWorkletNode(this.context, 'inloop-capture');
    this.context.createMediaStreamSource(stream).connect(node);
    node.connect(this.sink);
    node.port.onmessage = (event: MessageEvent<CaptureFrameMessage>) => {
      const { samples, level } = event.data;
      this.callbacks.frame(speaker, samples);
      this.callbacks.level(speaker, level);
      this.trackSilence(speaker, level);
    };
  }

  private trackSilence(speaker: Speaker, level: number): void {
    const before = this.quietMs[speaker];
    this.quietMs[speaker] = level < SILENCE_LEVEL ? before + 100 : 0;
    const problem = silenceProblem(speaker, this.quietMs[speaker]);
    // Tell once when it starts, and once when sound comes back.
    if (problem && !silenceProblem(speaker, before)) this.callbacks.problem(speaker, problem);
    if (!problem && silenceProblem(speaker, before)) this.callbacks.problem(speaker, null);
  }
}
