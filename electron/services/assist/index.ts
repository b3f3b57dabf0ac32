/**
 * The assist capability: the service, the generated-reply runner, the feedback log, the
 * ingest endpoint and the clipboard watch (started by the composition root for hosts that run
 * the app: Electron and `inloop serve`), and the `assist:*` handlers. Nothing here knows the host.
 */
import type { AssistLearning } from '../../../shared/learning/assist-learning';
import type { Capability } from '../core/capability';
import type { EventBus } from '../core/event-bus';
import type { Logger } from '../core/log';
import type { SecretStore } from '../secrets/secret-store';
import type { SettingsService } from '../settings/settings-service';
import type { AssistKnowledge } from './assist-knowledge';
import { AssistService } from './assist-service';
import { FeedbackLog } from './feedback-log';
import { logLimitsOf } from '../core/rotating-log';
import { GenerationRunner } from './generation/generation-runner';
import { startIngestServer, type IngestServer } from './ingest-server';
import { loadIngestToken } from './ingest-token';

/** The ingest port when `INLOOP_INGEST_PORT` does not say otherwise (0 picks a free one). */
export const DEFAULT_INGEST_PORT = 4478;

export interface AssistOptions {
  bus: EventBus;
  settings: SettingsService;
  secrets: SecretStore;
  dataDir: string;
  knowledge: AssistKnowledge;
  logger: Logger;
  env?: NodeJS.ProcessEnv;
  /** What the device learned from its agent's decisions (the learning capability). */
  learning?: AssistLearning;
}

export interface AssistCapability extends Capability<AssistService, 'assist'> {
  readonly generation: GenerationRunner;
  /** The feedback log every decision goes through (learning observes it). */
  readonly feedback: FeedbackLog;
  /**
   * Starts the ingest endpoint (hosts that run the app call it: `inloop serve`, Electron);
   * resolves with its URL, or null with the reason logged.
   */
  startIngest(): Promise<string | null>;
  close(): Promise<void>;
}

export async function createAssist(options: AssistOptions): Promise<AssistCapability> {
  const { bus, settings } = options;
  const feedback = FeedbackLog.in(
    options.dataDir,
    () => settings.get().privacy.recordFeedback,
    () => logLimitsOf(settings.get().privacy),
  );
  const service = new AssistService({
    bus,
    knowledge: options.knowledge,
    feedback,
    idleTimeoutMinutes: () => settings.get().assist.idleTimeoutMinutes,
    learning: options.learning,
  });
  const generation = new GenerationRunner({
    bus,
    assist: service,
    secrets: options.secrets,
    settings: () => settings.get(),
    redact: (text) => service.redactForStorage(text),
  });
  let ingest: OpenedIngest | null = null;

  const handlers: AssistCapability['handlers'] = {
    'assist:start': () => service.start(),
    'assist:end': () => service.end(),
    'assist:add-turn': async ({ role, text }) => {
      await service.addTurn({ role, text, source: 'typed' });
      return service.getState();
    },
    'assist:get-state': () => service.getState(),
    'assist:set-step': ({ stepId, done }) => service.setStep(stepId, done),
    'assist:pick-intent': ({ intentId }) => service.pickIntent(intentId),
    'assist:dismiss-flag': ({ ruleId }) => service.dismissFlag(ruleId),
    'assist:feedback': (request) => service.feedback(request),
    'assist:handoff': () => service.handoff(),
    'assist:generate': () => generation.start(),
    'assist:cancel-generation': () => generation.cancel(),
    'assist:ingest-info': () =>
      ingest && 'server' in ingest
        ? { url: ingest.server.url, tokenStorage: ingest.storage, reason: null }
        : {
            url: null,
            tokenStorage: null,
            reason: ingest?.reason ?? 'This host runs no ingest endpoint.',
          },
  };

  return {
    service,
    generation,
    feedback,
    handlers,
    startIngest: async () => {
      ingest ??= await openIngest(options, service);
      return 'server' in ingest ? ingest.server.url : null;
    },
    close: async () => {
      generation.cancel();
      service.close();
      if (ingest && 'server' in ingest) await ingest.server.close();
    },
  };
}

type OpenedIngest = { server: IngestServer; storage: 'keychain' | 'file' } | { reason: string };

async function openIngest(options: AssistOptions, service: AssistService): Promise<OpenedIngest> {
  const raw = (options.env ?? process.env).INLOOP_INGEST_PORT;
  const port = raw === undefined || raw === '' ? DEFAULT_INGEST_PORT : Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    return { reason: `INLOOP_INGEST_PORT must be a port number from 0 to 65535, got '${raw}'` };
  }
  try {
    const { token, storage } = await loadIngestToken(options.secrets, options.dataDir);
    const server = await startIngestServer({
      sink: service,
      startConversation: () => service.start(),
      token,
      port,
    });
    return { server, storage };
  } catch (error) {
    const reason = `The ingest endpoint could not start on 127.0.0.1:${port}: ${error instanceof Error ? error.message : String(error)}`;
    options.logger.warn(reason);
    return { reason };
  }
}
