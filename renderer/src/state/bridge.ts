/**
 * The one place the renderer listens to the services: it subscribes to the API's events
 * and to the connection, and writes what arrives into the store. Components only read the
 * store. On every (re)connect it reloads the state, since events may have been missed.
 */
import type { z } from 'zod';
import type { InloopApi } from '../../../shared/api';
import { events, type EventChannel, type EventOf } from '../../../shared/contract';
import type { Result } from '../../../shared/result';
import type { ConnectionMonitor } from '../api/connection';
import { requestNoticeId } from './notices-slice';
import type { InloopStore } from './store';

/** Start mirroring the services into `store`; returns the function that stops it. */
export function startBridge(
  api: InloopApi,
  connection: ConnectionMonitor,
  store: InloopStore,
): () => void {
  const state = () => store.getState();
  const stops = [
    listen(api, 'settings:changed', (settings) => state().applySettings(settings)),
    listen(api, 'overlay:state', (overlay) => state().setOverlay(overlay)),
    listen(api, 'capture:state', (capture) => state().setCapture(capture)),
    listen(api, 'app:notice', (notice) => state().showNotice({ ...notice, source: 'app' })),
    listen(api, 'knowledge:changed', (status) => state().knowledgeChanged(status)),
    // ── assist ──
    listen(api, 'assist:updated', (assist) => state().applyAssist(assist)),
    listen(api, 'assist:generation', (generation) => state().applyGeneration(generation)),
    // ── speech ──
    listen(api, 'speech:segment', (segment) => state().applySegment(segment)),
    listen(api, 'speech:state', (speech) => state().setSpeechState(speech)),
    // ── learning ──
    listen(api, 'learning:changed', (summary) => state().setLearning(summary)),
    // ── policy and feeds ──
    listen(api, 'policy:changed', (policy) => state().applyPolicy(policy)),
    listen(api, 'feeds:changed', (feeds) => state().applyFeeds(feeds)),
  ];
  const onStatus = (status: ReturnType<ConnectionMonitor['status']>) => {
    state().setConnection(status);
    if (status === 'open') void loadState(api, store);
  };
  stops.push(connection.onStatus(onStatus));
  onStatus(connection.status());
  return () => {
    for (const stop of stops) stop();
  };
}

/** Subscribe to one event, dropping payloads that do not match the contract. */
function listen<E extends EventChannel>(
  api: InloopApi,
  event: E,
  write: (payload: EventOf<E>) => void,
): () => void {
  const schema: z.ZodType<EventOf<E>> = events[event] as unknown as z.ZodType<EventOf<E>>;
  return api.on(event, (payload: unknown) => {
    const parsed = schema.safeParse(payload);
    if (parsed.success) write(parsed.data);
    else console.warn(`inloop: dropped a malformed ${event} event`);
  });
}

/** Load everything the shell shows; a failed part is reported, the rest still shows. */
export async function loadState(api: InloopApi, store: InloopStore): Promise<void> {
  const state = store.getState();
  await Promise.all([
    apply('load app info', api.app.info(), state.setAppInfo),
    apply('load settings', api.settings.get(), state.applySettings),
    apply('load the overlay state', api.overlay.getState(), state.setOverlay),
    apply('load the capture state', api.capture.getState(), state.setCapture),
    // Knowledge reports its own failures in the knowledge panel, not as a notice.
    state.loadKnowledge(),
    state.loadAssist(),
    state.loadSpeech(),
    state.loadPolicy(),
  ]);

  async function apply<T>(action: string, request: Promise<Result<T>>, write: (value: T) => void) {
    const result = await request;
    if (result.ok) {
      write(result.value);
      store.getState().dismissNotice(requestNoticeId(action));
    } else {
      store.getState().reportError(action, result.error);
    }
  }
}
