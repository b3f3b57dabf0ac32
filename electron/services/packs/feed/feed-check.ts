/**
 * One check of one feed: ask for the index (conditionally), verify it against the trusted
 * keys, refuse one older than the index accepted before, plan (feed-plan.ts), then download,
 * verify and install what the plan says through the one pack installer. Offline or refused,
 * the device keeps what it has and the status says why.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { FeedPackStatus, FeedSubscription } from '../../../../shared/schemas/feeds';
import { AppError } from '../../../../shared/result';
import type { TrustedKeys } from '../pack-file/pack-signature';
import { downloadFeedPack, fetchFeedIndex, type FetchOptions } from './feed-fetch';
import { verifyFeedIndex, type VerifiedFeedIndex } from './feed-index';
import { feedLocation, type FeedLocation } from './feed-location';
import { planFeed, type PackPlan } from './feed-plan';
import type { FeedRecord } from './feed-state';

/** The part of the one pack installer (`PackInstaller`) feeds use. */
export interface FeedInstaller {
  /** Verifies and installs a pack file atomically (the previous version kept for rollback). */
  install(source: { path: string }, choices: { allowDowngrade?: boolean }): Promise<unknown>;
  /** The installed packs; `current` is the version in use. */
  list(): Promise<readonly { current: { id: string; version: string } }[]>;
}

export interface FeedCheckContext {
  installer: FeedInstaller;
  /** Trusted publisher keys now (settings with policy). */
  trusted: () => TrustedKeys;
  bucket: number;
  /** Where downloads are staged; removed files only. */
  downloadDir: string;
  fetch?: FetchOptions;
  now?: () => Date;
  /** A line per step (`downloading …`, `installing …`) for the CLI. */
  onProgress?: (line: string) => void;
}

export interface FeedCheckResult {
  record: FeedRecord;
  packs: FeedPackStatus[];
}

/** Checks `subscription` once; never throws (failures are in the record and the packs). */
export async function checkFeed(
  subscription: FeedSubscription,
  before: FeedRecord,
  previousPacks: readonly FeedPackStatus[],
  context: FeedCheckContext,
): Promise<FeedCheckResult> {
  const now = (context.now ?? (() => new Date()))().toISOString();
  let record: FeedRecord = { ...before, checkedAt: now };
  let verified: VerifiedFeedIndex;
  let location: FeedLocation;
  try {
    const where = feedLocation(subscription.url);
    if (typeof where === 'string') throw new AppError('invalid_request', where);
    location = where;
    const accepted = await readIndex(location, before, context);
    verified = accepted.verified;
    record = { ...record, ...accepted.record };
  } catch (error) {
    return {
      record: { ...record, error: messageOf(error), failures: before.failures + 1 },
      packs: [...previousPacks],
    };
  }
  record = { ...record, okAt: now, error: null, failures: 0 };
  const installed = new Map(
    (await context.installer.list()).map((p) => [p.current.id, p.current.version]),
  );
  const plans = planFeed(verified.index, subscription, installed, context.bucket);
  const packs: FeedPackStatus[] = [];
  for (const plan of plans) packs.push(await carryOut(plan, location, context));
  return { record, packs };
}

/** The verified index to plan from, and what to remember of it. */
async function readIndex(
  location: FeedLocation,
  before: FeedRecord,
  context: FeedCheckContext,
): Promise<{ verified: VerifiedFeedIndex; record: Partial<FeedRecord> }> {
  const known = before.indexText !== null;
  const fetched = await fetchFeedIndex(
    location,
    known ? { etag: before.etag, lastModified: before.lastModified } : null,
    context.fetch,
  );
  if (!fetched.changed) {
    // 304: the index accepted before, checked again against the keys trusted now.
    return { verified: verifyFeedIndex(before.indexText!, context.trusted()), record: {} };
  }
  const verified = verifyFeedIndex(fetched.text, context.trusted());
  const { sequence } = verified.index;
  if (before.sequence !== null && sequence < before.sequence) {
    throw new AppError(
      'conflict',
      `the feed's index (sequence ${sequence}) is older than the one accepted before (${before.sequence}); kept the packs installed`,
    );
  }
  if (before.sequence === sequence && fetched.text !== before.indexText) {
    throw new AppError(
      'conflict',
      `the feed's index changed without a new sequence number (${sequence}); kept the packs installed`,
    );
  }
  return {
    verified,
    record: {
      ...fetched.validators,
      indexText: fetched.text,
      sequence,
      keyId: verified.keyId,
    },
  };
}

/** Downloads and installs one planned pack; the status says what happened. */
async function carryOut(
  plan: PackPlan,
  location: FeedLocation,
  context: FeedCheckContext,
): Promise<FeedPackStatus> {
  const status: FeedPackStatus = {
    id: plan.id,
    target: plan.target?.version ?? null,
    installed: plan.installed,
    state: plan.state,
    message: plan.message,
  };
  if (!plan.install || !plan.target) return status;
  const entry = plan.target;
  await mkdir(context.downloadDir, { recursive: true });
  const file = join(context.downloadDir, `${randomBytes(8).toString('hex')}.inloop`);
  try {
    context.onProgress?.(`downloading ${entry.id} ${entry.version}`);
    await downloadFeedPack(location, entry, file, context.fetch);
    context.onProgress?.(`installing ${entry.id} ${entry.version}`);
    await context.installer.install({ path: file }, { allowDowngrade: plan.downgrade });
    context.onProgress?.(`installed ${entry.id} ${entry.version}`);
    return { ...status, installed: entry.version, state: 'installed' };
  } catch (error) {
    return { ...status, state: 'failed', message: messageOf(error) };
  } finally {
    await rm(file, { force: true });
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
