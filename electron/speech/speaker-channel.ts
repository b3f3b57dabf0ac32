/**
 * One speaker's side of the call: their audio stream, cut into utterances by the VAD, with
 * a recognition queue of its own (partials about every second while they talk, a final per
 * utterance) served by its own engine.
 */
import type { Speaker, TranscriptSegment } from '../../shared/schemas/speech';
import { SPEECH_SAMPLE_RATE } from '../../shared/schemas/speech';
import {
  enqueueJob,
  maxTokensFor,
  partialDue,
  takeJob,
  type AsrJob,
} from '../../shared/speech/asr-queue';
import { AudioHistory } from '../../shared/speech/audio-history';
import { rms } from '../../shared/speech/pcm16';
import { defaultVadOptions, inHangover, initialVadState, vadStep } from '../../shared/speech/vad';
import type { AsrEngine } from './asr-engine';

/** Audio before the detected onset, so the first phoneme is not clipped. */
const PRE_ROLL = Math.round(0.2 * SPEECH_SAMPLE_RATE);

interface Job extends AsrJob {
  readonly audio: Float32Array;
  readonly voicedStart: number;
}

/** When a segment came out, for latency: `queuedAt`/`doneAt` on the channel's clock. */
export interface SegmentTiming {
  readonly queuedAt: number;
  readonly doneAt: number;
  readonly modelMs: number;
}

export interface ChannelCallbacks {
  segment(segment: TranscriptSegment, timing: SegmentTiming, audio: Float32Array): void;
  dropped(count: number): void;
  failed(error: unknown): void;
}

export interface ChannelOptions {
  readonly idPrefix: string;
  readonly partials: boolean;
  readonly now: () => number;
}

export class SpeakerChannel {
  private readonly history = new AudioHistory();
  private vad = initialVadState;
  private leftover = new Float32Array(0);
  private queue: readonly Job[] = [];
  private busy = false;
  private utterances = 0;
  private openId: string | null = null;
  private openStart = 0;
  private lastPartialMs = 0;
  private partialCostMs = 0;
  private readonly finalised = new Set<string>();
  private idleWaiters: (() => void)[] = [];

  constructor(
    readonly speaker: Speaker,
    private readonly engine: AsrEngine,
    private readonly options: ChannelOptions,
    private readonly callbacks: ChannelCallbacks,
  ) {}

  /** Samples pushed so far (the channel's clock, in samples). */
  get position(): number {
    return this.history.end;
  }

  /** Append 16 kHz mono samples. */
  push(samples: Float32Array): void {
    this.history.append(samples);
    const frame = defaultVadOptions.frameSamples;
    const joined = new Float32Array(this.leftover.length + samples.length);
    joined.set(this.leftover);
    joined.set(samples, this.leftover.length);
    let at = 0;
    for (; at + frame <= joined.length; at += frame) {
      this.step(rms(joined.subarray(at, at + frame)));
    }
    this.leftover = joined.slice(at);
    if (this.openId === null) this.history.trimBefore(this.position - PRE_ROLL);
  }

  /** End the open utterance, if any, as a final (the capture stopped). */
  finish(): void {
    if (this.openId === null || this.vad.startFrame === null) return;
    const end = (this.vad.lastVoicedFrame + 1) * defaultVadOptions.frameSamples;
    this.enqueue('final', this.openStart, end);
    this.openId = null;
    this.vad = { ...this.vad, startFrame: null };
  }

  /** Resolves once nothing is queued or running. */
  idle(): Promise<void> {
    if (!this.busy && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private step(level: number): void {
    const { state, event } = vadStep(this.vad, level);
    this.vad = state;
    switch (event?.type) {
      case 'start':
        this.openId = `${this.options.idPrefix}-${this.speaker}-${++this.utterances}`;
        this.openStart = event.at;
        this.lastPartialMs = 0;
        break;
      case 'end':
        this.enqueue('final', event.start, event.end);
        // A cut at the maximum length goes straight on as a new utterance.
        this.openId = event.cut
          ? `${this.options.idPrefix}-${this.speaker}-${++this.utterances}`
          : null;
        if (event.cut) {
          this.openStart = event.end;
          this.vad = { ...this.vad, startFrame: this.vad.frame };
          this.lastPartialMs = 0;
        }
        break;
      case 'discard':
        this.openId = null;
        break;
      case undefined:
        break;
    }
    if (this.options.partials && this.openId !== null) {
      const utteranceMs = ((this.position - this.openStart) / SPEECH_SAMPLE_RATE) * 1000;
      const due = partialDue({
        utteranceMs,
        lastPartialMs: this.lastPartialMs,
        inHangover: inHangover(this.vad),
        partialCostMs: this.partialCostMs,
      });
      if (due) {
        this.lastPartialMs = utteranceMs;
        this.enqueue('partial', this.openStart, this.position);
      }
    }
  }

  private enqueue(kind: Job['kind'], voicedStart: number, end: number): void {
    const utteranceId =
      this.openId ?? `${this.options.idPrefix}-${this.speaker}-${this.utterances}`;
    const start = Math.max(0, voicedStart - PRE_ROLL);
    const job: Job = {
      kind,
      utteranceId,
      start,
      end,
      voicedStart,
      queuedAt: this.options.now(),
      audio: this.history.slice(start, end),
    };
    const change = enqueueJob(this.queue, job);
    this.queue = change.queue;
    if (change.dropped > 0) this.callbacks.dropped(change.dropped);
    if (kind === 'final') this.finalised.add(utteranceId);
    this.pump();
  }

  private pump(): void {
    if (this.busy) return;
    const { job, queue } = takeJob(this.queue);
    this.queue = queue;
    if (!job) {
      for (const resolve of this.idleWaiters.splice(0)) resolve();
      return;
    }
    if (job.kind === 'partial' && this.finalised.has(job.utteranceId)) {
      this.callbacks.dropped(1);
      return this.pump();
    }
    this.busy = true;
    const seconds = job.audio.length / SPEECH_SAMPLE_RATE;
    this.engine
      .transcribe(job.audio, maxTokensFor(seconds))
      .then((reply) => {
        if (job.kind === 'partial') this.partialCostMs = reply.ms;
        // A partial that finished after its final was queued would flash stale text.
        if (job.kind === 'partial' && this.finalised.has(job.utteranceId)) {
          this.callbacks.dropped(1);
          return;
        }
        const segment: TranscriptSegment = {
          id: job.utteranceId,
          speaker: this.speaker,
          start: job.voicedStart / SPEECH_SAMPLE_RATE,
          end: job.end / SPEECH_SAMPLE_RATE,
          text: reply.text,
          final: job.kind === 'final',
        };
        const timing = { queuedAt: job.queuedAt, doneAt: this.options.now(), modelMs: reply.ms };
        this.callbacks.segment(segment, timing, job.audio);
      })
      .catch((error: unknown) => this.callbacks.failed(error))
      .finally(() => {
        this.busy = false;
        this.pump();
      });
  }
}
