/**
 * Live call transcription: takes the renderer's AudioFrames (agent = microphone, customer =
 * system audio), runs each speaker through its own channel and recognition worker, pushes
 * `speech:segment` and `speech:state`, and hands every final to the assist engine as a turn.
 * Audio stays in memory unless `settings.speech.saveAudio` is on.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/result';
import {
  type AudioFrame,
  type Speaker,
  type SpeechState,
  type TranscriptSegment,
} from '../../../shared/schemas/speech';
import type { Settings } from '../../../shared/schemas/settings';
import { decodePcm16 } from '../../../shared/speech/pcm16';
import type { TurnSink } from '../assist/turn-sink';
import type { CaptureService } from '../overlay/capture-service';
import type { EventBus } from '../core/event-bus';
import { silentLogger, type Logger } from '../core/log';
import type { AsrEngine } from './asr-engine';
import { SpeakerChannel, type SegmentTiming } from './speaker-channel';
import { correctionLog, recordCorrection, saveUtteranceAudio } from './speech-files';
import { DEFAULT_LOG_LIMITS, logLimitsOf, type RotatingLog } from '../core/rotating-log';

/** Largest gap in a speaker's frame numbers filled with silence (10 s of 100 ms frames). */
const MAX_GAP_FRAMES = 100;
const KEEP_SEGMENTS = 1_000;
const SPEAKERS: readonly Speaker[] = ['agent', 'customer'];

export interface SpeechServiceOptions {
  readonly bus: EventBus;
  readonly turns: TurnSink;
  readonly modelId: string;
  readonly createEngine: (speaker: Speaker) => AsrEngine;
  readonly capture?: CaptureService;
  /** The data folder, for saved audio and the correction log; nothing is written without it. */
  readonly dataDir?: string;
  readonly settings?: () => Settings;
  /** Ask for partial hypotheses (off for file transcription, where only finals matter). */
  readonly partials?: boolean;
  readonly now?: () => number;
  readonly logger?: Logger;
  /** Masks PII in a correction before it is logged. */
  readonly redact?: (text: string) => string;
  /** The channels to run (default both); a mono file needs one worker, not two. */
  readonly speakers?: readonly Speaker[];
  /** Called with each segment and its timing (benchmarks). */
  readonly onSegment?: (segment: TranscriptSegment, timing: SegmentTiming) => void;
}

interface Session {
  readonly id: string;
  readonly channels: Partial<Record<Speaker, SpeakerChannel>>;
  readonly nextSeq: Record<Speaker, number>;
  readonly frameSamples: Record<Speaker, number>;
}

export class SpeechService {
  private state: SpeechState = { status: 'idle', model: null, message: null, droppedPartials: 0 };
  private engines: Partial<Record<Speaker, AsrEngine>> | null = null;
  private session: Session | null = null;
  private loaded: Promise<void> | null = null;
  private readonly finals = new Map<string, TranscriptSegment>();
  private readonly log: Logger;

  constructor(private readonly options: SpeechServiceOptions) {
    this.log = options.logger ?? silentLogger;
  }

  getState(): SpeechState {
    return this.state;
  }

  /**
   * Start listening: frames are taken at once (status `loading`) and recognised once the
   * model is loaded (`listening`); a model that cannot load ends the session with status
   * `error` and the fix. Returns without waiting for the model (see `ready`).
   */
  async start(): Promise<SpeechState> {
    if (this.session) return this.state;
    const speakers = this.options.speakers ?? SPEAKERS;
    this.engines ??= Object.fromEntries(speakers.map((s) => [s, this.options.createEngine(s)]));
    const engines = this.engines;
    const id = randomUUID().slice(0, 8);
    const channel = (speaker: Speaker) =>
      new SpeakerChannel(
        speaker,
        engines[speaker]!,
        { idPrefix: id, partials: this.options.partials ?? true, now: this.now },
        {
          segment: (segment, timing, audio) => this.onSegment(segment, timing, audio),
          dropped: (count) => this.publish({ droppedPartials: this.state.droppedPartials + count }),
          failed: (error) => this.log.warn(`speech: recognition failed for ${speaker}`, error),
        },
      );
    const session: Session = {
      id,
      channels: Object.fromEntries(speakers.map((s) => [s, channel(s)])),
      nextSeq: { agent: 0, customer: 0 },
      frameSamples: { agent: 1_600, customer: 1_600 },
    };
    this.session = session;
    this.loaded = Promise.all(speakers.map((s) => engines[s]!.load())).then(
      () => {
        if (this.session === session) this.publish({ status: 'listening', message: null });
      },
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        if (this.session === session) {
          this.session = null;
          this.options.capture?.setActive(false);
        }
        this.publish({ status: 'error', message });
        throw error instanceof AppError ? error : new AppError('unavailable', message);
      },
    );
    this.loaded.catch(() => undefined); // reported through the state; `ready` rethrows it
    this.options.capture?.setActive(true);
    return this.publish({ status: 'loading', model: this.options.modelId, message: null });
  }

  /** Resolves once the model of the current session is loaded; rejects with why it cannot. */
  ready(): Promise<void> {
    return this.loaded ?? Promise.reject(new AppError('conflict', 'Speech is not started.'));
  }

  /** Stop listening: open utterances become finals; resolves once they are transcribed. */
  async stop(): Promise<SpeechState> {
    const session = this.session;
    if (!session) return this.state;
    this.session = null;
    this.options.capture?.setActive(false);
    for (const channel of Object.values(session.channels)) channel.finish();
    await Promise.all(Object.values(session.channels).map((c) => c.idle()));
    return this.publish({ status: 'idle', message: null });
  }

  /** Take one frame. While capture is paused the frame counts as silence (timestamps stay right). */
  pushAudio(frame: AudioFrame): { accepted: boolean } {
    const session = this.session;
    if (!session) {
      throw new AppError(
        'conflict',
        'Speech is not started: call speech:start before pushing audio.',
      );
    }
    const expected = session.nextSeq[frame.speaker];
    if (frame.seq < expected) return { accepted: false }; // a duplicate or a late reorder
    const samples = decodePcm16(frame.pcm16);
    const channel = this.channelOf(session, frame.speaker);
    const gap = Math.min(frame.seq - expected, MAX_GAP_FRAMES);
    if (gap > 0) channel.push(new Float32Array(gap * session.frameSamples[frame.speaker]));
    session.nextSeq[frame.speaker] = frame.seq + 1;
    if (samples.length > 0) session.frameSamples[frame.speaker] = samples.length;
    const paused = this.options.capture?.getState().state === 'paused';
    channel.push(paused ? new Float32Array(samples.length) : samples);
    return { accepted: !paused };
  }

  /** Push 16 kHz samples straight in (files, benchmarks), without frame numbering. */
  pushSamples(speaker: Speaker, samples: Float32Array): void {
    if (!this.session) throw new AppError('conflict', 'Speech is not started.');
    this.channelOf(this.session, speaker).push(samples);
  }

  /** The agent corrected a final: update it, push it, and record the correction. */
  async editSegment(edit: { id: string; text: string }): Promise<TranscriptSegment> {
    const before = this.finals.get(edit.id);
    if (!before) {
      throw new AppError(
        'not_found',
        `No final transcript segment ${edit.id} (partials cannot be edited).`,
      );
    }
    const after: TranscriptSegment = { ...before, text: edit.text, edited: true };
    this.finals.set(after.id, after);
    this.options.bus.emit('speech:segment', after);
    if (this.options.dataDir && (this.options.settings?.().privacy.recordFeedback ?? true)) {
      const redact = this.options.redact ?? ((text: string) => text);
      await recordCorrection(
        this.correctionLog(this.options.dataDir),
        { ...before, text: redact(before.text) },
        redact(after.text),
      );
    }
    return after;
  }

  private corrections: RotatingLog | null = null;

  private correctionLog(dataDir: string): RotatingLog {
    const settings = this.options.settings;
    this.corrections ??= correctionLog(dataDir, () =>
      settings ? logLimitsOf(settings().privacy) : DEFAULT_LOG_LIMITS,
    );
    return this.corrections;
  }

  /** Stop and end the workers. */
  async close(): Promise<void> {
    await this.stop().catch(() => undefined);
    const engines = this.engines;
    this.engines = null;
    if (engines) await Promise.all(Object.values(engines).map((e) => e.close()));
  }

  private channelOf(session: Session, speaker: Speaker): SpeakerChannel {
    const channel = session.channels[speaker];
    if (!channel)
      throw new AppError('invalid_request', `This session does not capture the ${speaker}.`);
    return channel;
  }

  private readonly now = (): number => (this.options.now ?? performance.now.bind(performance))();

  private onSegment(segment: TranscriptSegment, timing: SegmentTiming, audio: Float32Array): void {
    this.options.onSegment?.(segment, timing);
    this.options.bus.emit('speech:segment', segment);
    if (!segment.final) return;
    this.finals.set(segment.id, segment);
    if (this.finals.size > KEEP_SEGMENTS) this.finals.delete(this.finals.keys().next().value!);
    if (segment.text) {
      this.options.turns
        .addTurn({ role: segment.speaker, text: segment.text, source: 'speech' })
        .catch((error: unknown) =>
          this.log.warn('speech: the assist engine refused a turn', error),
        );
    }
    if (this.options.dataDir && this.options.settings?.().speech.saveAudio) {
      saveUtteranceAudio(this.options.dataDir, segment.id, audio).catch((error: unknown) =>
        this.log.warn('speech: could not save the utterance audio', error),
      );
    }
  }

  private publish(patch: Partial<SpeechState>): SpeechState {
    this.state = { ...this.state, ...patch };
    this.options.bus.emit('speech:state', this.state);
    return this.state;
  }
}
