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
import { createLearning, type LearningService } from '../services/learning';

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
  readonly learning: LearningService;
  close(): Promise<void>;
}

export async function createServices(options: ServiceOptions): Promise<Services> {
  await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
  const bus = new EventBus();
  const settings = await SettingsService.open(options.dataDir, bus, options.logger);
  const capture = new CaptureService(bus);
  const overlay =
    options.createOverlay?.(bus, settings) ??
    createDetachedOverlay(bus, settings.get().overlay.mode);
  const secrets = options.secretStore;
  const keychain = await secrets.available();
  // ── learning: what the agents' decisions teach this device (search and assist apply it) ──
  const learning = await createLearning({
    dataDir: options.dataDir,
    settings,
    bus,
    logger: options.logger,
    packs: async () => (await knowledge.list()).map((p) => `${p.current.id}@${p.current.version}`),
  });
  // ── knowledge: create the knowledge service here ──
  const knowledgeCapability = await createKnowledge({
    dataDir: options.dataDir,
    modelsDir: options.modelsDir,
    env: process.env,
    settings,
    bus,
    logger: options.logger,
    learned: learning.service.ranking,
  });
  const knowledge = knowledgeCapability.knowledge;
  await learning.service.refreshPacks();
  // ── assist: create the assist service here ──
  const assist = await createAssist({
    bus,
    settings,
    secrets,
    dataDir: options.dataDir,
    knowledge,
    logger: options.logger,
    learning: learning.service.assist,
  });
  assist.feedback.observe((record) => {
    const shown = assist.service.getState();
    learning.service.observe(record, {
      turns: shown.conversation?.turns ?? [],
      suggestions: shown.suggestions,
    });
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
      }),
    // ── knowledge handlers ──
    ...knowledgeHandlers(knowledge),
    // ── assist handlers ──
    ...assist.handlers,
    // ── speech handlers ──
    ...speechHandlers(speech),
    // ── learning handlers ──
    ...learning.handlers,
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
    learning: learning.service,
    close: async () => {
      // ── close services here, the last created first ──
      await speech.close();
      await assist.close();
      await knowledgeCapability.close();
      await learning.close();
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
