/**
 * One speaker's side of the call: their audio stream, cut into utterances by the VAD, with
 * a recognition queue of its own (partials while they talk, a final per utterance) served by
 * its own engine. When they go quiet, a speculative final starts before the VAD's hangover
 * is over and becomes the final if they do not go on (shared/speech/speculative-final.ts);
 * a running partial is cancelled when a final or a speculation is queued behind it.
 */
import type { Speaker, TranscriptSegment } from '../../../shared/schemas/speech';
import { SPEECH_SAMPLE_RATE } from '../../../shared/schemas/speech';
import {
  enqueueJob,
  maxTokensFor,
  partialDue,
  takeJob,
  type AsrJob,
} from '../../../shared/speech/asr-queue';
import { AudioHistory } from '../../../shared/speech/audio-history';
import {
  optionalPassAffordable,
  PARTIAL_SHARE,
  RECOGNITION_SHARE,
  recentSpans,
  type BusySpan,
} from '../../../shared/speech/recognition-budget';
import { rms } from '../../../shared/speech/pcm16';
import {
  cancelsRunning,
  finalFromSpeculation,
  speculationDue,
  type PassRole,
} from '../../../shared/speech/speculative-final';
import {
  defaultVadOptions,
  inHangover,
  initialVadState,
  vadStep,
} from '../../../shared/speech/vad';
import type { AsrEngine } from './asr-engine';

/** Audio before the detected onset, so the first phoneme is not clipped. */
const PRE_ROLL = Math.round(0.2 * SPEECH_SAMPLE_RATE);

interface Job extends AsrJob {
  readonly audio: Float32Array;
  readonly voicedStart: number;
}

/** The speculation of the open (or just ended) utterance, until it is shown as a final. */
interface Speculation {
  readonly job: Job;
  /** Its result, once its pass is done (shown as a partial until promoted). */
  result: { readonly text: string; readonly ms: number } | null;
}

const FRAME_MS = (defaultVadOptions.frameSamples / defaultVadOptions.sampleRate) * 1000;

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
  private running: Job | null = null;
  private cancelSent = false;
  private speculation: Speculation | null = null;
  /** Speculations promoted while their pass runs: their result is the final. */
  private readonly promoted = new WeakSet<Job>();
  private utterances = 0;
  private openId: string | null = null;
  private openStart = 0;
  private lastPartialMs = 0;
  private partialCostMs = 0;
  /** Recent passes (the last one's length is the expected cost), for the CPU budget. */
  private spans: BusySpan[] = [];
  private runningSince = 0;
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
    if (!this.running && this.queue.length === 0) return Promise.resolve();
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
    if (this.options.partials) this.speculate();
    if (this.options.partials && this.openId !== null) {
      const utteranceMs = ((this.position - this.openStart) / SPEECH_SAMPLE_RATE) * 1000;
      const due = partialDue({
        utteranceMs,
        lastPartialMs: this.lastPartialMs,
        inHangover: inHangover(this.vad),
        partialCostMs: this.partialCostMs,
      });
      if (due && this.optionalPassAffordable(PARTIAL_SHARE)) {
        this.lastPartialMs = utteranceMs;
        this.enqueue('partial', this.openStart, this.position);
      }
    }
  }

  /** Demote the speculation when the speaker went on; start one when they have gone quiet. */
  private speculate(): void {
    const { startFrame, lastVoicedFrame, frame } = this.vad;
    const open = this.openId !== null && startFrame !== null;
    const voicedEnd = (lastVoicedFrame + 1) * defaultVadOptions.frameSamples;
    const spec = this.speculation;
    if (spec && (!open || spec.job.end !== voicedEnd)) {
      // New speech: what it finds is only a partial. Not started yet, it is dropped (the
      // worker is behind, and the next pause speculates again); running, it is shown.
      this.speculation = null;
      if (this.queue.includes(spec.job)) {
        this.queue = this.queue.filter((j) => j !== spec.job);
        this.callbacks.dropped(1);
      }
    }
    const due = speculationDue({
      open,
      silentMs: (frame - 1 - lastVoicedFrame) * FRAME_MS,
      voicedMs: (lastVoicedFrame + 1 - (startFrame ?? 0)) * FRAME_MS,
      minUtteranceMs: defaultVadOptions.minUtteranceMs,
      voicedEnd,
      speculatedEnd: this.speculation?.job.end ?? null,
    });
    if (!due || !this.optionalPassAffordable(RECOGNITION_SHARE)) return;
    this.lastPartialMs = ((this.position - this.openStart) / SPEECH_SAMPLE_RATE) * 1000;
    this.enqueue('speculative', this.openStart, voicedEnd);
  }

  /** Is there CPU budget for a speculation or a partial (finals need none)? */
  private optionalPassAffordable(share: number): boolean {
    const now = this.options.now();
    const spans = this.running
      ? [...this.spans, { start: this.runningSince, end: now }]
      : this.spans;
    const last = this.spans.at(-1);
    const costMs = last ? last.end - last.start : 0;
    return optionalPassAffordable({ spans, now, costMs, share });
  }

  /** How the result of a pass will be shown, as things stand. */
  private roleOf(job: Job): PassRole {
    if (job.kind !== 'speculative') return job.kind;
    if (this.promoted.has(job)) return 'final';
    return this.speculation?.job === job ? 'undecided' : 'partial';
  }

  private enqueue(kind: Job['kind'], voicedStart: number, end: number): void {
    const utteranceId =
      this.openId ?? `${this.options.idPrefix}-${this.speaker}-${this.utterances}`;
    const start = Math.max(0, voicedStart - PRE_ROLL);
    if (kind === 'final') {
      this.finalised.add(utteranceId);
      const spec = this.speculation;
      if (spec && finalFromSpeculation(spec.job, { utteranceId, start, end }) === 'promote') {
        this.promote(spec);
        this.cancelStale(kind);
        return this.pump();
      }
      this.speculation = null;
    }
    const job: Job = {
      kind,
      utteranceId,
      start,
      end,
      voicedStart,
      queuedAt: this.options.now(),
      audio: this.history.slice(start, end),
    };
    if (kind === 'speculative') this.speculation = { job, result: null };
    const change = enqueueJob(this.queue, job);
    this.queue = change.queue;
    if (change.dropped > 0) this.callbacks.dropped(change.dropped);
    this.cancelStale(kind);
    this.pump();
  }

  /** The utterance ended on the speculation's audio: its result is the final. */
  private promote(spec: Speculation): void {
    this.speculation = null;
    if (spec.result) {
      this.emit(spec.job, 'final', spec.result);
    } else if (this.running === spec.job) {
      this.promoted.add(spec.job);
    } else {
      // Still waiting: it queues as the final it now is, in the order finals keep.
      const final: Job = { ...spec.job, kind: 'final' };
      this.queue = this.queue.map((j) => (j === spec.job ? final : j));
    }
  }

  /** Stop a running pass that can only be a partial when a final or a speculation waits. */
  private cancelStale(queued: Job['kind']): void {
    if (!this.running || this.cancelSent) return;
    if (!cancelsRunning(this.roleOf(this.running), queued)) return;
    this.cancelSent = true;
    this.engine.cancel();
  }

  private emit(job: Job, role: 'partial' | 'final', reply: { text: string; ms: number }): void {
    const segment: TranscriptSegment = {
      id: job.utteranceId,
      speaker: this.speaker,
      start: job.voicedStart / SPEECH_SAMPLE_RATE,
      end: job.end / SPEECH_SAMPLE_RATE,
      text: reply.text,
      final: role === 'final',
    };
    const timing = { queuedAt: job.queuedAt, doneAt: this.options.now(), modelMs: reply.ms };
    this.callbacks.segment(segment, timing, job.audio);
  }

  private pump(): void {
    if (this.running) return;
    const { job, queue } = takeJob(this.queue);
    this.queue = queue;
    if (!job) {
      for (const resolve of this.idleWaiters.splice(0)) resolve();
      return;
    }
    if (this.roleOf(job) === 'partial' && this.finalised.has(job.utteranceId)) {
      this.callbacks.dropped(1);
      return this.pump();
    }
    this.running = job;
    this.runningSince = this.options.now();
    this.cancelSent = false;
    const seconds = job.audio.length / SPEECH_SAMPLE_RATE;
    this.engine
      .transcribe(job.audio, maxTokensFor(seconds))
      .then((reply) => this.done(job, reply))
      .catch((error: unknown) => this.callbacks.failed(error))
      .finally(() => {
        const now = this.options.now();
        this.spans = recentSpans([...this.spans, { start: this.runningSince, end: now }], now);
        this.running = null;
        this.pump();
      });
  }

  private done(job: Job, reply: { text: string; ms: number; cancelled?: boolean }): void {
    const role = this.roleOf(job);
    if (reply.cancelled) {
      this.callbacks.dropped(1);
      return;
    }
    if (role !== 'final') this.partialCostMs = reply.ms;
    switch (role) {
      case 'final':
        return this.emit(job, 'final', reply);
      case 'undecided':
        // Quiet still, the hangover not over: show it now, promote it if the utterance ends.
        this.speculation!.result = { text: reply.text, ms: reply.ms };
        return this.emit(job, 'partial', reply);
      case 'partial':
        // A partial that finished after its final was queued would flash stale text.
        if (this.finalised.has(job.utteranceId)) return this.callbacks.dropped(1);
        return this.emit(job, 'partial', reply);
    }
  }
}
