/**
 * A fake of electron-updater's `autoUpdater` (it needs a packaged Electron app to run): it
 * records how it was configured and each request it would have made, and answers a check with
 * the outcome the test scripted, through the same events the real one emits.
 */
import type { UpdaterLike } from '../../electron/hosts/electron-main/app-updates';
import { FakeEmitter } from './fake-emitter';

export type FakeUpdateOutcome =
  { kind: 'none' } | { kind: 'update'; version: string } | { kind: 'error'; message: string };

export class FakeUpdater extends FakeEmitter implements UpdaterLike {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  allowPrerelease = false;
  allowDowngrade = true;
  channel: string | null = null;
  /** Every setFeedURL call, in order. */
  readonly feeds: { provider: 'generic'; url: string; channel: string }[] = [];
  /** Every update request it was asked to make (URL and channel at the time). */
  readonly requests: { url: string; channel: string | null }[] = [];
  /** What the next checks find. */
  outcome: FakeUpdateOutcome = { kind: 'none' };

  setFeedURL(options: { provider: 'generic'; url: string; channel: string }): void {
    this.feeds.push(options);
  }

  async checkForUpdates(): Promise<unknown> {
    const feed = this.feeds.at(-1);
    if (!feed) throw new Error('checkForUpdates before setFeedURL');
    this.requests.push({ url: feed.url, channel: this.channel });
    const outcome = this.outcome;
    switch (outcome.kind) {
      case 'none':
        this.emit('update-not-available');
        return null;
      case 'update':
        this.emit('update-available', { version: outcome.version });
        if (this.autoDownload) this.emit('update-downloaded', { version: outcome.version });
        return { updateInfo: { version: outcome.version } };
      case 'error': {
        const error = new Error(outcome.message);
        this.emit('error', error);
        throw error;
      }
    }
  }
}
