/**
 * The composition root every host calls: the Electron main process, `inloop serve` and the
 * CLI get the same services and the same handler table. Hosts differ only in what they
 * pass in (the overlay controller, their capabilities) and in how they carry requests.
 */
import { mkdir } from 'node:fs/promises';
import type { AppInfo, HostKind } from '../../shared/schemas/app';
import { AppError } from '../../shared/result';
import { CaptureService } from '../services/overlay/capture-service';
import { createDispatcher, type Dispatch, type Handlers } from '../services/core/dispatcher';
import { EventBus } from '../services/core/event-bus';
import type { Logger } from '../services/core/log';
import { runDoctor } from '../services/diagnostics/doctor';
import {
  createDetachedOverlay,
  type OverlayController,
} from '../services/overlay/overlay-controller';
import { secretStatus } from '../services/secrets/secret-status';
import type { SecretStore } from '../services/secrets/secret-store';
import { SettingsService } from '../services/settings/settings-service';
import { createAssist, type AssistCapability } from '../services/assist/create-assist';
import { redact } from '../../shared/assist/pii/redact';
import { createSpeechService, speechHandlers } from '../services/speech/create-speech-service';
import type { SpeechService } from '../services/speech/speech-service';
import { createKnowledge } from '../services/knowledge/create-knowledge';
import { knowledgeHandlers } from '../services/knowledge/knowledge-handlers';
import type { KnowledgeService } from '../services/knowledge/knowledge-service';
import { createPolicy, type PolicyService } from '../services/policy';
import type { PolicySource } from '../services/policy/policy-source';
import { platformPolicySources } from '../services/policy/platform-sources';
import { createFeeds, type FeedService } from '../services/packs/feed';
import type { Capability } from '../services/core/capability';

export interface ServiceOptions {
  host: HostKind;
  appVersion: string;
  dataDir: string;
  modelsDir: string;
  secretStore: SecretStore;
  logger: Logger;
  capabilities?: Partial<AppInfo['capabilities']>;
  /** The Electron host passes its window-backed controller; others get a detached one. */
  createOverlay?: (bus: EventBus, settings: SettingsService) => OverlayController;
  /** The Electron version, when the host is Electron. */
  electronVersion?: string;
  /** Where managed policy is read; default: this platform's places (policy/platform-sources). */
  policySources?: PolicySource[];
  /** A packaged app: `INLOOP_POLICY_FILE` is ignored. */
  packaged?: boolean;
}

export interface Services {
  readonly bus: EventBus;
  readonly dispatch: Dispatch;
  readonly settings: SettingsService;
  readonly capture: CaptureService;
  readonly overlay: OverlayController;
  readonly secrets: SecretStore;
  readonly options: ServiceOptions;
  // ── services: knowledge, assist, speech ──
  readonly knowledge: KnowledgeService;
  readonly assist: AssistCapability;
  readonly speech: SpeechService;
  // ── policy and feeds ──
  readonly policy: PolicyService;
  /** Hosts that run the app call `feeds.start()`; the CLI only asks when told. */
  readonly feeds: FeedService;
  close(): Promise<void>;
}

export async function createServices(options: ServiceOptions): Promise<Services> {
  await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
  const bus = new EventBus();
  const settings = await SettingsService.open(options.dataDir, bus, options.logger);
  // ── policy: before anything reads the settings, so they are laid under it from the start ──
  const policy = await createPolicy({
    sources:
      options.policySources ??
      platformPolicySources({
        platform: process.platform,
        env: process.env,
        packaged: options.packaged ?? false,
      }),
    settings,
    bus,
    logger: options.logger,
  });
  const capture = new CaptureService(bus);
  const overlay =
    options.createOverlay?.(bus, settings) ??
    createDetachedOverlay(bus, settings.get().overlay.mode);
  const secrets = options.secretStore;
  const keychain = await secrets.available();
  // ── knowledge: create the knowledge service here ──
  const knowledgeCapability = await createKnowledge({
    dataDir: options.dataDir,
    modelsDir: options.modelsDir,
    env: process.env,
    settings,
    bus,
    logger: options.logger,
  });
  const knowledge = knowledgeCapability.knowledge;
  // ── assist: create the assist service here ──
  const assist = await createAssist({
    bus,
    settings,
    secrets,
    dataDir: options.dataDir,
    knowledge,
    logger: options.logger,
  });
  // ── speech: create the speech service here ──
  const speech = createSpeechService({
    bus,
    turns: assist.service,
    redact: (text) => redact(text).text,
    capture,
    settings,
    dataDir: options.dataDir,
    modelsDir: options.modelsDir,
    logger: options.logger,
  });

  // ── feeds: pack feeds install through the knowledge service's installer ──
  const feeds: Capability<FeedService, 'feeds'> = await createFeeds({
    dataDir: options.dataDir,
    installer: {
      install: (path, { allowDowngrade }) => knowledge.install({ path }, { allowDowngrade }),
      list: () => knowledge.list(),
    },
    settings,
    policy: () => policy.service.report(),
    bus,
    logger: options.logger,
  });

  const info: AppInfo = {
    name: 'Inloop',
    version: options.appVersion,
    host: options.host,
    platform: process.platform,
    capabilities: {
      overlayWindow: false,
      globalHotkeys: false,
      tray: false,
      keychain,
      ...options.capabilities,
    },
  };

  const handlers: Handlers = {
    'app:info': () => info,
    'settings:get': () => settings.get(),
    'settings:update': (patch) => settings.update(patch),
    'settings:reset': () => settings.reset(),
    'overlay:get-state': () => overlay.getState(),
    'overlay:set-click-through': ({ enabled }) => overlay.setClickThrough(enabled),
    'overlay:set-mode': async ({ mode }) => {
      await settings.update({ overlay: { mode } });
      return overlay.setMode(mode);
    },
    'overlay:hide': () => overlay.hide(),
    'capture:get-state': () => capture.getState(),
    'capture:set-paused': ({ paused }) => capture.setPaused(paused),
    'secrets:status': () => secretStatus(secrets),
    'secrets:set': async ({ name, value }) => {
      await requireKeychain(secrets);
      await secrets.set(name, value);
      return secretStatus(secrets);
    },
    'secrets:delete': async ({ name }) => {
      await requireKeychain(secrets);
      await secrets.delete(name);
      return secretStatus(secrets);
    },
    'diagnostics:doctor': () =>
      runDoctor({
        dataDir: options.dataDir,
        modelsDir: options.modelsDir,
        secretStore: secrets,
        electronVersion: options.electronVersion,
        policy: policy.service.report(),
      }),
    // ── knowledge handlers ──
    ...knowledgeHandlers(knowledge),
    // ── assist handlers ──
    ...assist.handlers,
    // ── speech handlers ──
    ...speechHandlers(speech),
    // ── policy and feeds handlers ──
    ...policy.handlers,
    ...feeds.handlers,
  };

  return {
    bus,
    dispatch: createDispatcher(handlers, options.logger),
    settings,
    capture,
    overlay,
    secrets,
    options,
    knowledge,
    assist,
    speech,
    policy: policy.service,
    feeds: feeds.service,
    close: async () => {
      // ── close services here, the last created first ──
      await feeds.close();
      await speech.close();
      await assist.close();
      await knowledgeCapability.close();
      await policy.close();
    },
  };
}

async function requireKeychain(secrets: SecretStore): Promise<void> {
  if (!(await secrets.available())) {
    throw new AppError(
      'unavailable',
      `The OS keychain (${secrets.backend}) is not available, so secrets cannot be stored. ` +
        'Run `inloop doctor` for the fix; Inloop never writes secrets to disk in its place.',
    );
  }
}
