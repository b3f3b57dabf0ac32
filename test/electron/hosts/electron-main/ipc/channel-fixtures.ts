/**
 * For every request channel of the contract: a valid request, the value the services
 * answer, and a malformed payload. Typed over `RequestChannel`, so a new channel does not
 * compile until it has its fixtures (and thus its IPC tests).
 */
import type { Handlers } from '../../../../../electron/services/core/dispatcher';
import type { RequestChannel } from '../../../../../shared/contract';
import { defaultSettings } from '../../../../../shared/schemas/settings';
import type { OverlayState } from '../../../../../shared/schemas/overlay';
import type { Fixture } from './fixtures/fixture';
import { knowledgeFixtures } from './fixtures/knowledge';
// ── assist: import the assist fixtures here ──
import { assistFixtures } from './fixtures/assist';
// ── speech: import the speech fixtures here ──
import { speechFixtures } from './fixtures/speech';
import { learningFixtures } from './fixtures/learning';
// ── policy and feeds ──
import { policyFixtures } from './fixtures/policy';

const overlayState: OverlayState = {
  visible: true,
  mode: 'overlay',
  clickThrough: true,
  hotkeyProblems: [],
};
const secretStatus = {
  available: true,
  backend: 'test keychain',
  stored: ['llm-api-key' as const],
};

export const channelFixtures: { [C in RequestChannel]: Fixture<C> } = {
  'app:info': {
    request: undefined,
    response: {
      name: 'Inloop',
      version: '0.1.0',
      host: 'electron',
      platform: 'linux',
      capabilities: { overlayWindow: true, globalHotkeys: true, tray: true, keychain: true },
    },
    malformed: { please: 'info' },
  },
  'app:notices': {
    request: undefined,
    response: [{ id: 'settings-recovered', level: 'warning', message: 'Settings were reset.' }],
    malformed: { all: true },
  },
  'settings:get': { request: undefined, response: defaultSettings, malformed: 42 },
  'settings:update': {
    request: { overlay: { opacity: 0.8 } },
    response: { ...defaultSettings, overlay: { ...defaultSettings.overlay, opacity: 0.8 } },
    malformed: { overlay: { opacity: 'very' } },
  },
  'settings:reset': { request: undefined, response: defaultSettings, malformed: 'now' },
  'overlay:get-state': { request: undefined, response: overlayState, malformed: [] },
  'overlay:set-click-through': {
    request: { enabled: true },
    response: overlayState,
    malformed: { enabled: 'yes' },
  },
  'overlay:set-mode': {
    request: { mode: 'docked' },
    response: { ...overlayState, mode: 'docked' },
    malformed: { mode: 'fullscreen' },
  },
  'overlay:hide': {
    request: undefined,
    response: { ...overlayState, visible: false },
    malformed: true,
  },
  'capture:get-state': { request: undefined, response: { state: 'listening' }, malformed: {} },
  'capture:set-paused': {
    request: { paused: true },
    response: { state: 'paused' },
    malformed: { paused: true, extra: 1 },
  },
  'secrets:status': { request: undefined, response: secretStatus, malformed: 'all' },
  'secrets:set': {
    request: { name: 'llm-api-key', value: 'sk-test' },
    response: secretStatus,
    malformed: { name: 'ssh-private-key', value: 'x' },
  },
  'secrets:delete': {
    request: { name: 'llm-api-key' },
    response: { ...secretStatus, stored: [] },
    malformed: { name: 42 },
  },
  'diagnostics:doctor': {
    request: undefined,
    response: { checks: [{ id: 'node', label: 'Node.js', verdict: 'ok', detail: '22' }] },
    malformed: { verbose: true },
  },
  'diagnostics:process-sample': {
    request: undefined,
    response: {
      at: 1_800_000_000_000,
      uptimeSeconds: 60,
      memory: { rss: 2e8, heapTotal: 6e7, heapUsed: 4e7, external: 1e7, arrayBuffers: 5e6 },
      handles: { TCPServerWrap: 2, Timeout: 3 },
      gauges: { 'event-bus listeners': 4, 'web sockets': 1 },
      eventLoopDelay: { p50: 10.2, p99: 12.5, max: 20.1 },
    },
    malformed: { reset: true },
  },
  ...knowledgeFixtures,
  // ── assist fixtures ──
  ...assistFixtures,
  // ── speech fixtures ──
  ...speechFixtures,
  // ── learning fixtures ──
  ...learningFixtures,
  // ── policy and feeds fixtures ──
  ...policyFixtures,
};

/** Services that answer each channel with its fixture response and record the requests. */
export function fixtureHandlers(
  received: { channel: RequestChannel; request: unknown }[],
): Handlers {
  const handlers = {} as Record<RequestChannel, (request: unknown) => unknown>;
  for (const channel of Object.keys(channelFixtures) as RequestChannel[]) {
    handlers[channel] = (request) => {
      received.push({ channel, request });
      return channelFixtures[channel].response;
    };
  }
  return handlers as Handlers;
}
