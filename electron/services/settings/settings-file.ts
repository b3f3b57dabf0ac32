/**
 * Reading `settings.json` whatever is in its place: a byte-order mark is skipped; a folder, a
 * device, a FIFO or a file over 1 MiB is never read (only moved aside); a file that is not
 * JSON gives the private defaults; anything else is recovered field by field
 * (settings-recovery.ts). What was damaged becomes one notice for the agent, naming what was
 * reset and where the old file went.
 */
import { constants } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import type { Notice } from '../../../shared/schemas/app';
import { defaultSettings, type Settings } from '../../../shared/schemas/settings';
import {
  privateDefaults,
  privateFields,
  recoverSettings,
  type Recovery,
} from './settings-recovery';

/** A settings file is a few kilobytes; past this it is not one. */
export const MAX_SETTINGS_BYTES = 1024 * 1024;

/** Why the file must be moved aside and rewritten. */
export interface SettingsDamage {
  /** Why the file could not be read at all; null when only some fields were damaged. */
  readonly unreadable: string | null;
  readonly recovery: Recovery;
}

export interface SettingsRead {
  readonly settings: Settings;
  /** Null when the file was read as it is (or there was none). */
  readonly damage: SettingsDamage | null;
}

/** Reads and recovers the settings at `path`; throws only for I/O it cannot explain. */
export async function readSettingsFile(path: string): Promise<SettingsRead> {
  const text = await readSmallFile(path);
  if (text === null) return { settings: defaultSettings, damage: null };
  if (typeof text !== 'string') return unreadable(text.problem);
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return unreadable(`it is not JSON (${(error as Error).message})`);
  }
  const recovery = recoverSettings(raw);
  const damaged = recovery.reset.length > 0 || recovery.newerVersion !== null;
  return { settings: recovery.settings, damage: damaged ? { unreadable: null, recovery } : null };
}

function unreadable(problem: string): SettingsRead {
  const settings = privateDefaults();
  return {
    settings,
    damage: {
      unreadable: problem,
      recovery: { settings, reset: ['*'], madePrivate: privateFields(), newerVersion: null },
    },
  };
}

/** The file's text; null when there is none; a problem when it is not a small regular file. */
async function readSmallFile(path: string): Promise<string | null | { problem: string }> {
  let handle;
  try {
    // Non-blocking, so a FIFO in its place cannot hang the start.
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code === 'EISDIR' || code === 'EPERM' || code === 'EACCES') {
      return { problem: `it is not a file that can be read (${code})` };
    }
    throw error;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile())
      return { problem: 'it is not a file (a folder or a device is in its place)' };
    if (info.size > MAX_SETTINGS_BYTES) return { problem: tooLarge(info.size) };
    const buffer = Buffer.alloc(MAX_SETTINGS_BYTES + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > MAX_SETTINGS_BYTES) return { problem: tooLarge(length) };
    }
    return buffer.toString('utf8', 0, length);
  } finally {
    await handle.close();
  }
}

const MiB = 1024 * 1024;
const tooLarge = (bytes: number) =>
  `it is too large (${Math.round(bytes / MiB)} MiB; a settings file is at most ${MAX_SETTINGS_BYTES / MiB} MiB)`;

/** Moves whatever is at `path` (a file or a folder) beside it; returns where it went. */
export async function moveAside(path: string, now = new Date()): Promise<string> {
  const aside = path.replace(/\.json$/, `.corrupt-${now.toISOString().replace(/[:.]/g, '-')}.json`);
  await rename(path, aside);
  return aside;
}

/** What the agent is told at the start after a recovery. */
export function damageNotice(damage: SettingsDamage, aside: string): Notice {
  const { recovery } = damage;
  const parts: string[] = [];
  if (damage.unreadable) {
    parts.push(
      `Your settings file could not be read: ${damage.unreadable}. Inloop started with its default settings.`,
    );
  } else if (recovery.reset.includes('*')) {
    parts.push('None of your settings could be read. Inloop started with its default settings.');
  } else {
    if (recovery.newerVersion !== null) {
      parts.push(
        `Your settings file was written by a newer Inloop (settings version ${recovery.newerVersion}); the settings this version knows were kept.`,
      );
    }
    if (recovery.reset.length > 0) {
      parts.push(
        `These settings were damaged and reset: ${recovery.reset.join(', ')}. The others were kept.`,
      );
    }
  }
  if (recovery.madePrivate.length > 0) {
    const described = recovery.madePrivate.map(
      (path) => `${path} is ${onOff(valueAt(recovery.settings, path))}`,
    );
    parts.push(
      `To protect privacy, ${described.join(', ')}; change ${described.length > 1 ? 'them' : 'it'} in Settings if you want.`,
    );
  }
  parts.push(`The old file is at ${aside}.`);
  return { id: 'settings-recovered', level: 'warning', message: parts.join(' ') };
}

function valueAt(settings: Settings, path: string): unknown {
  const [section, field] = path.split('.') as [keyof Settings, string];
  return (settings[section] as Record<string, unknown>)[field];
}

const onOff = (value: unknown) =>
  value === true ? 'on' : value === false ? 'off' : JSON.stringify(value);
