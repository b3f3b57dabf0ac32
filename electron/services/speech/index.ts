/**
 * The speech capability: call transcription with one recognition worker per speaker on the
 * model from `INLOOP_ASR_MODEL` (default whisper-tiny.en, q8) in the models folder, and the
 * `speech:*` handlers. Workers start on `speech:start`, not before.
 */
import type { Capability } from '../core/capability';
import type { TurnSink } from '../assist/turn-sink';
import type { CaptureService } from '../overlay/capture-service';
import type { EventBus } from '../core/event-bus';
import type { Logger } from '../core/log';
import type { SettingsService } from '../settings/settings-service';
import { asrModelId, asrThreads, createWorkerAsrEngine } from './asr-engine';
import { SpeechService } from './speech-service';

export interface SpeechDeps {
  readonly bus: EventBus;
  readonly turns: TurnSink;
  readonly capture: CaptureService;
  readonly settings: SettingsService;
  readonly dataDir: string;
  readonly modelsDir: string;
  readonly logger: Logger;
  readonly env?: NodeJS.ProcessEnv;
  /** Masks PII in corrections before they are logged (the assist toolkit's redactor). */
  readonly redact?: (text: string) => string;
}

export function createSpeech(deps: SpeechDeps): Capability<SpeechService, 'speech'> {
  const modelId = asrModelId(deps.env ?? process.env);
  const speech = new SpeechService({
    bus: deps.bus,
    turns: deps.turns,
    capture: deps.capture,
    modelId,
    createEngine: () =>
      createWorkerAsrEngine({
        modelsDir: deps.modelsDir,
        modelId,
        threads: asrThreads(deps.env ?? process.env),
      }),
    dataDir: deps.dataDir,
    settings: () => deps.settings.get(),
    logger: deps.logger,
    ...(deps.redact ? { redact: deps.redact } : {}),
  });
  return {
    service: speech,
    handlers: {
      'speech:start': () => speech.start(),
      'speech:stop': () => speech.stop(),
      'speech:push-audio': (frame) => speech.pushAudio(frame),
      'speech:get-state': () => speech.getState(),
      'speech:edit-segment': (edit) => speech.editSegment(edit),
    },
    close: () => speech.close(),
  };
}
