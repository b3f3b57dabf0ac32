/**
 * App updates: a thin shell over electron-updater's generic provider, configured from the
 * settings as policy leaves them (`updates.mode`, `.channel`, `.url`; policy UpdateMode,
 * UpdateChannel, UpdateUrl). Modes as VS Code has them:
 *
 * - none: no update request at all (electron-updater is not even loaded);
 * - manual: only when the user asks (the tray's "Check for updates");
 * - start: once at start-up;
 * - default: at start-up and every few hours.
 *
 * A found update downloads in the background and installs when the app quits. No update URL,
 * or a development build, means no request either. The decisions are `updatePlan` (pure);
 * the updater comes in through `loadUpdater`, so tests drive a fake.
 */
import type { Settings } from '../../../shared/schemas/settings';
import { assertNever } from '../../../shared/result';
import type { Logger } from '../../services/core/log';

/** The part of electron-updater's `autoUpdater` this shell uses. */
export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowPrerelease: boolean;
  allowDowngrade: boolean;
  channel: string | null;
  setFeedURL(options: { provider: 'generic'; url: string; channel: string }): void;
  checkForUpdates(): Promise<unknown>;
  on(
    event: 'update-available' | 'update-downloaded',
    listener: (info: { version: string }) => void,
  ): unknown;
  on(event: 'update-not-available', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/** Hours between two checks in the default mode. */
export const PERIODIC_CHECK_HOURS = 6;

export interface UpdatePlan {
  /** When checks happen. */
  readonly checks: 'never' | 'when-asked' | 'at-start' | 'at-start-and-periodically';
  readonly url: string | null;
  readonly channel: Settings['updates']['channel'];
  /** Why nothing is ever asked, when `checks` is never. */
  readonly reason: string | null;
}

/** What the settings (with policy) say about updates on this build. Pure. */
export function updatePlan(updates: Settings['updates'], isPackaged: boolean): UpdatePlan {
  const never = (reason: string): UpdatePlan => ({
    checks: 'never',
    url: null,
    channel: updates.channel,
    reason,
  });
  if (updates.mode === 'none') return never('update mode is none: no update request is made');
  if (updates.url === '') return never('no update server is set (policy UpdateUrl)');
  if (!isPackaged) return never('a development build does not update itself');
  const plan = { url: updates.url, channel: updates.channel, reason: null };
  switch (updates.mode) {
    case 'manual':
      return { ...plan, checks: 'when-asked' };
    case 'start':
      return { ...plan, checks: 'at-start' };
    case 'default':
      return { ...plan, checks: 'at-start-and-periodically' };
    default:
      return assertNever(updates.mode);
  }
}

export type UpdateStatus =
  | { state: 'off'; reason: string }
  | { state: 'idle' }
  | { state: 'checking' }
  | { state: 'up-to-date' }
  | { state: 'downloading'; version: string }
  | { state: 'ready'; version: string }
  | { state: 'failed'; message: string };

export interface AppUpdatesDeps {
  /** electron-updater's autoUpdater, loaded on the first check only. */
  loadUpdater(): Promise<UpdaterLike>;
  /** The update settings now (policy applied). */
  settings(): Settings['updates'];
  /** Calls back when the settings change; returns the unsubscribe. */
  onSettingsChanged(listener: () => void): () => void;
  isPackaged: boolean;
  logger: Logger;
  onStatus?(status: UpdateStatus): void;
  /** Timers (tests pass fakes). */
  setInterval?: (run: () => void, ms: number) => { unref?(): void } | number;
  clearInterval?: (handle: unknown) => void;
}

export interface AppUpdates {
  plan(): UpdatePlan;
  status(): UpdateStatus;
  /** The user asked (any mode but none); resolves when the check is done. */
  checkNow(): Promise<UpdateStatus>;
  stop(): void;
}

export function startAppUpdates(deps: AppUpdatesDeps): AppUpdates {
  const every = deps.setInterval ?? ((run, ms) => setInterval(run, ms));
  const clear = deps.clearInterval ?? ((handle) => clearInterval(handle as NodeJS.Timeout));
  let plan = updatePlan(deps.settings(), deps.isPackaged);
  let status: UpdateStatus = plan.reason
    ? { state: 'off', reason: plan.reason }
    : { state: 'idle' };
  let updater: Promise<UpdaterLike> | null = null;
  let timer: unknown = null;
  let configured = '';

  const setStatus = (next: UpdateStatus) => {
    status = next;
    deps.onStatus?.(next);
  };

  const updaterFor = async (current: UpdatePlan): Promise<UpdaterLike> => {
    updater ??= deps.loadUpdater().then((loaded) => {
      loaded.autoDownload = true;
      loaded.autoInstallOnAppQuit = true;
      loaded.allowDowngrade = false;
      loaded.on('update-available', ({ version }) => setStatus({ state: 'downloading', version }));
      loaded.on('update-downloaded', ({ version }) => setStatus({ state: 'ready', version }));
      loaded.on('update-not-available', () => setStatus({ state: 'up-to-date' }));
      loaded.on('error', (error) => {
        deps.logger.warn('the update check failed', error);
        setStatus({ state: 'failed', message: error.message });
      });
      return loaded;
    });
    const loaded = await updater;
    const feed = `${current.url}\n${current.channel}`;
    if (configured !== feed) {
      loaded.setFeedURL({ provider: 'generic', url: current.url!, channel: current.channel });
      loaded.channel = current.channel;
      loaded.allowPrerelease = current.channel !== 'latest';
      configured = feed;
    }
    return loaded;
  };

  const check = async (): Promise<UpdateStatus> => {
    const current = plan;
    if (current.checks === 'never') return status;
    setStatus({ state: 'checking' });
    try {
      await (await updaterFor(current)).checkForUpdates();
    } catch (error) {
      deps.logger.warn('the update check failed', error);
      setStatus({ state: 'failed', message: (error as Error).message });
    }
    return status;
  };

  const schedule = () => {
    if (timer !== null) clear(timer);
    timer = null;
    if (plan.checks !== 'at-start-and-periodically') return;
    const handle = every(() => void check(), PERIODIC_CHECK_HOURS * 3_600_000);
    if (typeof handle === 'object') handle.unref?.();
    timer = handle;
  };

  const replan = () => {
    const next = updatePlan(deps.settings(), deps.isPackaged);
    if (JSON.stringify(next) === JSON.stringify(plan)) return;
    const wasOff = plan.checks === 'never';
    plan = next;
    if (next.reason) setStatus({ state: 'off', reason: next.reason });
    else if (wasOff) setStatus({ state: 'idle' });
    schedule();
    // Turned on while running (policy lifted "none"): a start-up check is due now.
    if (wasOff && (next.checks === 'at-start' || next.checks === 'at-start-and-periodically')) {
      void check();
    }
  };

  const unsubscribe = deps.onSettingsChanged(replan);
  schedule();
  if (plan.checks === 'at-start' || plan.checks === 'at-start-and-periodically') void check();

  return {
    plan: () => plan,
    status: () => status,
    checkNow: check,
    stop() {
      unsubscribe();
      if (timer !== null) clear(timer);
      timer = null;
    },
  };
}
