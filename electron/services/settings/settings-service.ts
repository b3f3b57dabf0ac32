/**
 * Settings: persisted as `settings.json` in the data dir, schema-validated, versioned with
 * migrations. A file that cannot be read as settings is moved aside (`settings.corrupt-<time>.json`)
 * with a warning, and the app starts with defaults rather than refusing to start.
 */
import { readFile, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
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
import { applySettingsPatch, withDefaults } from './settings-merge';
import {
  lockedFieldsIn,
  lockedMessage,
  patchedFields,
  settingsWithPolicy,
} from './settings-policy';
import { loadUserSet, saveUserSet } from './settings-user-set';
import { migrateSettings, type RawSettings } from './settings-migrations';

export const SETTINGS_FILE = 'settings.json';

export interface LoadedSettings {
  settings: Settings;
  /** Set when the file was unusable and was moved aside. */
  warning?: string;
}

/** Read, migrate and validate; never throws for a bad file, only for I/O it cannot recover. */
export async function loadSettingsFile(path: string, now = new Date()): Promise<LoadedSettings> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { settings: defaultSettings };
    throw error;
  }
  const problem = parseSettings(text);
  if (typeof problem !== 'string') return { settings: problem };
  const aside = path.replace(/\.json$/, `.corrupt-${now.toISOString().replace(/[:.]/g, '-')}.json`);
  await rename(path, aside);
  return {
    settings: defaultSettings,
    warning: `Settings file was unreadable (${problem}); moved it to ${aside} and started with defaults.`,
  };
}

/** The settings in `text`, or a string saying why they are not usable. */
function parseSettings(text: string): Settings | string {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return `not JSON: ${(error as Error).message}`;
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'not a JSON object';
  try {
    const migrated = migrateSettings(raw as RawSettings);
    const parsed = SettingsSchema.safeParse(withDefaults(migrated));
    return parsed.success
      ? parsed.data
      : describeZodError(parsed.error, migrated, { root: 'the file' });
  } catch (error) {
    return (error as Error).message;
  }
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
  ) {
    this.effective = current;
  }

  static async open(dataDir: string, bus: EventBus, log: Logger): Promise<SettingsService> {
    const path = join(dataDir, SETTINGS_FILE);
    const loaded = await loadSettingsFile(path);
    if (loaded.warning) log.warn(loaded.warning);
    const service = new SettingsService(path, loaded.settings, bus);
    service.startupWarning = loaded.warning;
    service.userSet = await loadUserSet(dataDir);
    return service;
  }

  /** The warning from start-up, if the file had to be moved aside; shown once in the UI. */
  startupWarning: string | undefined;

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

  private async commit(next: Settings): Promise<Settings> {
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
