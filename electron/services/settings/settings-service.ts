/**
 * Settings: persisted as `settings.json` in the data dir, schema-validated, versioned with
 * migrations. A damaged file costs only its damaged fields (settings-file.ts,
 * settings-recovery.ts): the rest is kept, privacy settings are never turned back on, the
 * old file is moved aside (`settings.corrupt-<time>.json`) and the next screen is told.
 * A read-only opener (a CLI command) recovers in memory and leaves the file alone.
 */
import { dirname, join } from 'node:path';
import type { Notice } from '../../../shared/schemas/app';
import {
  defaultSettings,
  SettingsSchema,
  type Settings,
  type SettingsPatch,
} from '../../../shared/schemas/settings';
import { AppError } from '../../../shared/result';
import { writeFileAtomic } from '../core/atomic-file';
import type { EventBus } from '../core/event-bus';
import type { Logger } from '../core/log';
import { describeZodError } from '../../../shared/zod-issues';
import { emptyPolicyReport, type PolicyReport } from '../../../shared/schemas/policy';
import { applySettingsPatch } from './settings-merge';
import { damageNotice, moveAside, readSettingsFile, type SettingsDamage } from './settings-file';
import {
  lockedFieldsIn,
  lockedMessage,
  patchedFields,
  settingsWithPolicy,
} from './settings-policy';
import { loadUserSet, saveUserSet } from './settings-user-set';

export const SETTINGS_FILE = 'settings.json';

export interface OpenSettingsOptions {
  /**
   * Move a damaged file aside and write the recovered settings now (the app at start). False
   * for read-only commands: the file is left as it is until a change is saved.
   */
  readonly repair?: boolean;
}

export class SettingsService {
  /** Managed policy laid over the stored settings (settings-policy.ts). */
  private policy: PolicyReport = emptyPolicyReport;
  /** Fields the user set themselves: policy defaults no longer apply to them. */
  private userSet = new Set<string>();
  /** `current` with the policy laid over it: what `get()` returns. */
  private effective: Settings;

  private constructor(
    private readonly path: string,
    private current: Settings,
    private readonly bus: EventBus,
    private readonly log: Logger,
  ) {
    this.effective = current;
  }

  static async open(
    dataDir: string,
    bus: EventBus,
    log: Logger,
    options: OpenSettingsOptions = {},
  ): Promise<SettingsService> {
    const path = join(dataDir, SETTINGS_FILE);
    const read = await readSettingsFile(path);
    const service = new SettingsService(path, read.settings, bus, log);
    if (read.damage) {
      if (options.repair === false) service.damage = read.damage;
      else await service.repair(read.damage);
    }
    service.userSet = await loadUserSet(dataDir);
    return service;
  }

  /** What the agent must be told about this start (a settings file recovered), once. */
  readonly startupNotices: Notice[] = [];

  /** A damage found by a read-only opener, repaired before the first write. */
  private damage: SettingsDamage | null = null;

  /** The tail of the chain of changes; see `serialised`. */
  private queue: Promise<unknown> = Promise.resolve();

  /** The settings in force: the user's, with managed policy laid over them. */
  get(): Settings {
    return this.effective;
  }

  /** The managed policy laid over these settings. */
  policyReport(): PolicyReport {
    return this.policy;
  }

  /** The policy in force; an enforced field refuses updates (a change notifies at once). */
  applyPolicy(report: PolicyReport): void {
    this.policy = report;
    this.refreshEffective();
  }

  update(patch: SettingsPatch): Promise<Settings> {
    return this.serialised(async () => {
      const locked = lockedFieldsIn(patch, this.policy);
      if (locked.length > 0) throw new AppError('unauthorized', lockedMessage(locked));
      const next = SettingsSchema.safeParse(applySettingsPatch(this.current, patch));
      if (!next.success) throw new AppError('invalid_request', describeZodError(next.error, patch));
      const userSet = new Set([...this.userSet, ...patchedFields(patch)]);
      if (userSet.size !== this.userSet.size) await saveUserSet(dirname(this.path), userSet);
      this.userSet = userSet;
      return this.commit(next.data);
    });
  }

  reset(): Promise<Settings> {
    return this.serialised(async () => {
      this.userSet = new Set();
      await saveUserSet(dirname(this.path), this.userSet);
      return this.commit(defaultSettings);
    });
  }

  /**
   * Runs changes one after another, so each patch applies to the settings the previous one
   * wrote; otherwise two updates in flight both start from the same settings and the later
   * write drops the earlier change. A failed change does not block the ones after it.
   */
  private serialised(change: () => Promise<Settings>): Promise<Settings> {
    const run = this.queue.then(change);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Moves the damaged file aside, writes the recovered settings, and notes the notice. */
  private async repair(damage: SettingsDamage): Promise<void> {
    const aside = await moveAside(this.path);
    await writeFileAtomic(this.path, `${JSON.stringify(this.current, null, 2)}\n`);
    const notice = damageNotice(damage, aside);
    this.startupNotices.push(notice);
    this.log.warn(notice.message);
  }

  private async commit(next: Settings): Promise<Settings> {
    if (this.damage) {
      await this.repair(this.damage);
      this.damage = null;
    }
    await writeFileAtomic(this.path, `${JSON.stringify(next, null, 2)}\n`);
    this.current = next;
    this.refreshEffective(true);
    return this.effective;
  }

  private refreshEffective(always = false): void {
    const next = settingsWithPolicy(this.current, this.policy, this.userSet);
    const changed = JSON.stringify(next) !== JSON.stringify(this.effective);
    this.effective = next;
    if (changed || always) this.bus.emit('settings:changed', next);
  }
}
