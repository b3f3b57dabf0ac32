/**
 * The composition root every host calls: the Electron main process, `inloop serve` and the
 * CLI get the same capability modules and the same handler table. It only composes: each
 * capability's `create<Capability>(deps)` gives its service, its handlers and its `close`.
 * Hosts differ only in what they pass in (their overlay window, their clipboard, whether they
 * run the app) and in how they carry requests.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppInfo, HostKind } from '../../shared/schemas/app';
import { createAssist, type AssistCapability } from '../services/assist';
import { startClipboardWatch, type ClipboardLike } from '../services/assist/clipboard-watch';
import { createDispatcher, type Dispatch, type Handlers } from '../services/core/dispatcher';
import { EventBus } from '../services/core/event-bus';
import type { Logger } from '../services/core/log';
import { createDiagnostics } from '../services/diagnostics';
import type { ProcessStats } from '../services/diagnostics/process-stats';
import { createEmbeddings } from '../services/embeddings';
import type { KnowledgeService } from '../services/knowledge';
import { createLearning, type LearningService } from '../services/learning';
import { createOverlay, type CaptureService, type OverlayController } from '../services/overlay';
import { trustFromSettings, type PackInstaller } from '../services/packs';
import { createSecrets, type SecretStore } from '../services/secrets';
import { createSettings, type SettingsService } from '../services/settings';
import { createSpeech } from '../services/speech';
import { openKnowledge } from './open-knowledge';
import type { SpeechService } from '../services/speech/speech-service';
import { createPolicy, type PolicyService } from '../services/policy';
import type { PolicySource } from '../services/policy/policy-source';
import { platformPolicySources } from '../services/policy/platform-sources';
import { createFeeds, type FeedService } from '../services/packs/feed';

export interface ServiceOptions {
  host: HostKind;
  appVersion: string;
  /** Where `models/` and the bundled example pack (`packs/acme-retail`) are. */
  appRoot: string;
  dataDir: string;
  modelsDir: string;
  /** The environment model choices are read from (default: this process's). */
  env?: NodeJS.ProcessEnv;
  secretStore: SecretStore;
  logger: Logger;
  capabilities?: Partial<AppInfo['capabilities']>;
  /**
   * True for hosts that run the app for an agent (Electron, `inloop serve`): the ingest
   * endpoint starts, and the clipboard watch where the host gives a clipboard. A CLI command
   * runs the services without them.
   */
  runsApp?: boolean;
  /** The host's own event bus, settings and overlay window (Electron); others get defaults. */
  foundation?: Foundation;
  overlay?: OverlayController;
  /** The desktop clipboard, for the opt-in clipboard watch (Electron only). */
  clipboard?: ClipboardLike;
  /** The Electron version, when the host is Electron. */
  electronVersion?: string;
  /** Answer `diagnostics:process-sample` (`inloop serve --diagnostics`, for `npm run soak`). */
  processDiagnostics?: boolean;
  /**
   * Build installed packs' indexes in a child process, so an install (a feed's, mid-shift)
   * leaves no LanceDB write memory in this one (default: `runsApp`).
   */
  isolateIndexing?: boolean;
}

/** Where managed policy is read, for `createFoundation`. */
export interface PolicyPlaces {
  /** Default: this platform's places (policy/platform-sources). */
  readonly sources?: PolicySource[];
  /** A packaged app: `INLOOP_POLICY_FILE` is ignored. */
  readonly packaged?: boolean;
  readonly env?: NodeJS.ProcessEnv;
}

/** What the rest is built on: the event bus, the settings and the managed policy over them. */
export interface Foundation {
  readonly bus: EventBus;
  readonly settings: Awaited<ReturnType<typeof createSettings>>;
  readonly policy: Awaited<ReturnType<typeof createPolicy>>;
}

/**
 * The bus, the settings of `dataDir` and the policy laid over them (read before anything reads
 * a setting); a host that needs them before the rest opens them first. `repair`: move a
 * damaged settings file aside now and tell the screen (the app); a CLI command only reads it.
 */
export async function createFoundation(
  dataDir: string,
  logger: Logger,
  places: PolicyPlaces = {},
  repair = true,
): Promise<Foundation> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const bus = new EventBus();
  const settings = await createSettings({ dataDir, bus, logger, repair });
  const sources =
    places.sources ??
    platformPolicySources({
      platform: process.platform,
      env: places.env ?? process.env,
      packaged: places.packaged ?? false,
    });
  const policy = await createPolicy({ sources, settings: settings.service, bus, logger });
  return { bus, settings, policy };
}

export interface Services {
  readonly bus: EventBus;
  readonly dispatch: Dispatch;
  readonly settings: SettingsService;
  readonly overlay: OverlayController;
  readonly capture: CaptureService;
  readonly secrets: SecretStore;
  readonly packs: PackInstaller;
  readonly knowledge: KnowledgeService;
  readonly assist: AssistCapability;
  readonly speech: SpeechService;
  readonly learning: LearningService;
  readonly policy: PolicyService;
  /** The pack feeds; checked on a timer in hosts that run the app. */
  readonly feeds: FeedService;
  readonly options: ServiceOptions;
  /** Where the ingest endpoint listens, when this host runs the app and it started. */
  readonly ingestUrl: string | null;
  /** The process sampler when `processDiagnostics` is on: hosts add their own gauges. */
  readonly processStats: ProcessStats | null;
  close(): Promise<void>;
}

export async function createServices(options: ServiceOptions): Promise<Services> {
  const { dataDir, modelsDir, logger } = options;
  const env = options.env ?? process.env;
  const { bus, settings, policy } =
    options.foundation ??
    (await createFoundation(dataDir, logger, { env }, options.host !== 'cli'));
  const opened: Array<{ close(): Promise<void> }> = [settings, policy];
  const open = <T extends { close(): Promise<void> }>(module: T): T => {
    opened.push(module);
    return module;
  };
  try {
    const overlay = open(
      createOverlay({ bus, settings: settings.service, controller: options.overlay }),
    );
    const secrets = open(createSecrets(options.secretStore));
    const diagnostics = open(
      createDiagnostics({
        dataDir,
        modelsDir,
        secretStore: options.secretStore,
        electronVersion: options.electronVersion,
        env,
        processDiagnostics: options.processDiagnostics === true,
        policy: () => policy.service.report(),
      }),
    );
    diagnostics.service.processStats?.gauge('event-bus listeners', () => bus.listenerCount);
    const embeddings = open(await createEmbeddings({ modelsDir, env, logger }));
    // Learning first: search and assist apply what it learned; it learns from the feedback log.
    let packVersions = async (): Promise<readonly string[]> => [];
    const learning = open(
      await createLearning({
        dataDir,
        settings: settings.service,
        bus,
        logger,
        packs: () => packVersions(),
      }),
    );
    const { packs, knowledge } = open(
      await openKnowledge({
        dataDir,
        embeddings: embeddings.service,
        trust: () => trustFromSettings(settings.service),
        examplePackDir: join(options.appRoot, 'packs', 'acme-retail'),
        bus,
        logger,
        learned: learning.service.ranking,
        isolateIndexing: options.isolateIndexing ?? options.runsApp === true,
      }),
    );
    packVersions = async () =>
      (await packs.service.list()).map((p) => `${p.current.id}@${p.current.version}`);
    await learning.service.refreshPacks();
    const assist = open(
      await createAssist({
        bus,
        settings: settings.service,
        secrets: options.secretStore,
        dataDir,
        knowledge: knowledge.service,
        logger,
        env,
        learning: learning.service.assist,
      }),
    );
    assist.feedback.observe((record) => {
      const shown = assist.service.getState();
      learning.service.observe(record, {
        turns: shown.conversation?.turns ?? [],
        suggestions: shown.suggestions,
      });
    });
    const speech = open(
      createSpeech({
        bus,
        turns: assist.service,
        // Corrections are stored: redacted with the live conversation's known names and ids.
        redact: (text) => assist.service.redactForStorage(text),
        capture: overlay.service.capture,
        settings: settings.service,
        dataDir,
        modelsDir,
        logger,
        env,
      }),
    );

    const feeds = open(
      await createFeeds({
        dataDir,
        installer: packs.service,
        settings: settings.service,
        policy: () => policy.service.report(),
        bus,
        logger,
      }),
    );

    const info: AppInfo = {
      name: 'Inloop',
      version: options.appVersion,
      host: options.host,
      platform: process.platform,
      capabilities: {
        overlayWindow: false,
        globalHotkeys: false,
        tray: false,
        keychain: await options.secretStore.available(),
        ...options.capabilities,
      },
    };
    const handlers: Handlers = {
      'app:info': () => info,
      'app:notices': () => [...settings.service.startupNotices],
      ...settings.handlers,
      ...overlay.handlers,
      ...secrets.handlers,
      ...diagnostics.handlers,
      ...packs.handlers,
      ...knowledge.handlers,
      ...assist.handlers,
      ...speech.handlers,
      ...learning.handlers,
      ...policy.handlers,
      ...feeds.handlers,
    };

    const ingestUrl = options.runsApp ? await assist.startIngest() : null;
    if (options.runsApp) feeds.service.start();
    if (options.runsApp && options.clipboard) {
      const watch = startClipboardWatch({
        clipboard: options.clipboard,
        sink: assist.service,
        settings: () => settings.service.get(),
        onError: (error) => logger.warn('the clipboard watch failed', error),
      });
      opened.push({ close: async () => watch.stop() });
    }

    return {
      bus,
      dispatch: createDispatcher(handlers, logger),
      settings: settings.service,
      overlay: overlay.service.overlay,
      capture: overlay.service.capture,
      secrets: options.secretStore,
      packs: packs.service,
      knowledge: knowledge.service,
      assist,
      speech: speech.service,
      learning: learning.service,
      policy: policy.service,
      feeds: feeds.service,
      options,
      ingestUrl,
      processStats: diagnostics.service.processStats,
      close: () => closeAll(opened, logger),
    };
  } catch (error) {
    await closeAll(opened, logger);
    throw error;
  }
}

/** Closes modules the last opened first; one failing is logged and does not keep the others open. */
async function closeAll(modules: Array<{ close(): Promise<void> }>, logger: Logger): Promise<void> {
  for (const module of modules.splice(0).reverse()) {
    await module.close().catch((error: unknown) => logger.warn('a service failed to close', error));
  }
}
