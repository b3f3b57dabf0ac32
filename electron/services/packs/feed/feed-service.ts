/**
 * The feeds this device follows (settings `feeds.subscriptions`, which policy may set or lock):
 * each is checked at start, then at the poll interval, sooner after a failure with back-off
 * (feed-schedule.ts). One check runs at a time; each ends with `feeds:changed`.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type {
  FeedPackStatus,
  FeedStatus,
  FeedsStatus,
  FeedSubscription,
} from '../../../../shared/schemas/feeds';
import type { Logger } from '../../core/log';
import { checkFeed, type FeedCheckContext } from './feed-check';
import { nextCheckDelay } from './feed-schedule';
import {
  emptyFeedRecord,
  FEEDS_FOLDER,
  loadFeedState,
  saveFeedState,
  type FeedRecord,
} from './feed-state';

export interface FeedServiceOptions extends Omit<FeedCheckContext, 'downloadDir'> {
  dataDir: string;
  /** The subscriptions and the poll interval now. */
  subscriptions: () => readonly FeedSubscription[];
  pollMinutes: () => number;
  /** Where the subscriptions come from (shown in Settings). */
  origin: () => 'policy' | 'settings';
  onStatus?: (status: FeedsStatus) => void;
  logger?: Logger;
  random?: () => number;
}

/** The longest a timer may be set for (setTimeout's limit). */
const MAX_TIMER_MS = 2 ** 31 - 1;

export class FeedService {
  private records = new Map<string, FeedRecord>();
  private packs = new Map<string, FeedPackStatus[]>();
  private nextAt = new Map<string, number>();
  private queue: Promise<unknown> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;

  private constructor(private readonly options: FeedServiceOptions) {}

  /** Loads what was remembered and sweeps downloads a killed process left. */
  static async open(options: FeedServiceOptions): Promise<FeedService> {
    const service = new FeedService(options);
    service.records = await loadFeedState(options.dataDir);
    await rm(service.downloadDir, { recursive: true, force: true });
    return service;
  }

  private get downloadDir(): string {
    return join(this.options.dataDir, FEEDS_FOLDER, 'downloads');
  }

  status(): FeedsStatus {
    const origin = this.options.origin();
    const feeds: FeedStatus[] = this.options.subscriptions().map((sub) => {
      const record = this.records.get(sub.url) ?? emptyFeedRecord;
      const next = this.nextAt.get(sub.url);
      return {
        url: sub.url,
        channel: sub.channel,
        from: origin,
        checkedAt: record.checkedAt,
        okAt: record.okAt,
        error: record.error,
        sequence: record.sequence,
        signedBy: record.keyId,
        nextCheckAt: next === undefined ? null : new Date(next).toISOString(),
        packs: this.packs.get(sub.url) ?? [],
      };
    });
    return { feeds, bucket: this.options.bucket };
  }

  /** Checks every feed now, one after another (`onProgress`: a line per step, the CLI's). */
  checkAll(onProgress?: (line: string) => void): Promise<FeedsStatus> {
    return this.serialised(async () => {
      for (const sub of this.options.subscriptions()) await this.checkOne(sub, onProgress);
      this.schedule();
      return this.status();
    });
  }

  /** Starts the timer: feeds never checked are due at once. */
  start(): void {
    this.schedule();
  }

  /** The subscriptions or the interval changed: plan the checks again. */
  reschedule(): void {
    this.nextAt.clear();
    this.schedule();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.queue;
  }

  private async checkOne(
    sub: FeedSubscription,
    onProgress?: (line: string) => void,
  ): Promise<void> {
    const before = this.records.get(sub.url) ?? emptyFeedRecord;
    const result = await checkFeed(sub, before, this.packs.get(sub.url) ?? [], {
      ...this.options,
      downloadDir: this.downloadDir,
      onProgress: onProgress ?? this.options.onProgress,
    });
    this.records.set(sub.url, result.record);
    this.packs.set(sub.url, result.packs);
    if (result.record.error) {
      this.options.logger?.warn(`feed ${sub.url}: ${result.record.error}`);
    }
    try {
      await saveFeedState(this.options.dataDir, this.records);
    } catch (error) {
      this.options.logger?.warn('could not save the feed state', error);
    }
    this.nextAt.set(sub.url, this.dueAfter(result.record));
    this.options.onStatus?.(this.status());
  }

  /** When the feed of `record` is next due (epoch ms). */
  private dueAfter(record: FeedRecord): number {
    if (record.checkedAt === null) return Date.now();
    const delay = nextCheckDelay(
      record.failures,
      this.options.pollMinutes() * 60_000,
      (this.options.random ?? Math.random)(),
    );
    return Date.parse(record.checkedAt) + delay;
  }

  private schedule(): void {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const subs = this.options.subscriptions();
    const urls = new Set(subs.map((s) => s.url));
    for (const url of [...this.nextAt.keys()]) if (!urls.has(url)) this.nextAt.delete(url);
    for (const sub of subs) {
      if (!this.nextAt.has(sub.url)) {
        this.nextAt.set(sub.url, this.dueAfter(this.records.get(sub.url) ?? emptyFeedRecord));
      }
    }
    if (subs.length === 0) return;
    const earliest = Math.min(...subs.map((s) => this.nextAt.get(s.url)!));
    const delay = Math.min(Math.max(0, earliest - Date.now()), MAX_TIMER_MS);
    this.timer = setTimeout(() => void this.runDue(), delay);
    this.timer.unref?.();
  }

  private runDue(): Promise<unknown> {
    return this.serialised(async () => {
      const now = Date.now();
      for (const sub of this.options.subscriptions()) {
        if (this.closed) return;
        if ((this.nextAt.get(sub.url) ?? 0) <= now) await this.checkOne(sub);
      }
      this.schedule();
    });
  }

  private serialised<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch((error: unknown) =>
      this.options.logger?.error('a feed check failed', error),
    );
    return run;
  }
}
