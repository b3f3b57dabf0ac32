/**
 * Reading `settings.json` whatever is in its place: a byte-order mark is skipped; empty bytes
 * (NUL) after the settings, as a crash or a `truncate` leaves them, are dropped, however many
 * (up to 1 GiB, read a chunk at a time); a folder, a device, a FIFO or a file with more than
 * 1 MiB of anything else is never read (only moved aside); a file that is not JSON gives the
 * private defaults; anything else is recovered field by field (settings-recovery.ts). What
 * was damaged becomes one notice for the agent, naming what was reset and where the old file
 * went.
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

const MiB = 1024 * 1024;
/** A settings file is a few kilobytes; past this it is not one. */
export const MAX_SETTINGS_BYTES = MiB;
/** A larger file is not even scanned for empty bytes after the settings. */
export const MAX_SCANNED_BYTES = 1024 * MiB;

/** Why the file must be moved aside and rewritten. */
export interface SettingsDamage {
  /** Why the file could not be read at all; null when it was read. */
  readonly unreadable: string | null;
  /** Empty bytes found after the settings (dropped), or null. */
  readonly padding: string | null;
  readonly recovery: Recovery;
}

export interface SettingsRead {
  readonly settings: Settings;
  /** Null when the file was read as it is (or there was none). */
  readonly damage: SettingsDamage | null;
}

/** Reads and recovers the settings at `path`; throws only for I/O it cannot explain. */
export async function readSettingsFile(path: string): Promise<SettingsRead> {
  const read = await readSmallFile(path);
  if (read === null) return { settings: defaultSettings, damage: null };
  if ('problem' in read) return unreadable(read.problem);
  let raw: unknown;
  try {
    raw = JSON.parse(read.text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return unreadable(`it is not JSON (${(error as Error).message})`);
  }
  const recovery = recoverSettings(raw);
  const padding = read.emptyBytes > 0 ? `${size(read.emptyBytes)} of empty bytes` : null;
  const damaged = recovery.reset.length > 0 || recovery.newerVersion !== null || padding !== null;
  return {
    settings: recovery.settings,
    damage: damaged ? { unreadable: null, padding, recovery } : null,
  };
}

function unreadable(problem: string): SettingsRead {
  const settings = privateDefaults();
  return {
    settings,
    damage: {
      unreadable: problem,
      padding: null,
      recovery: { settings, reset: ['*'], madePrivate: privateFields(), newerVersion: null },
    },
  };
}

/** A file's text, with the count of the empty (NUL) bytes dropped from its end. */
interface FileText {
  readonly text: string;
  readonly emptyBytes: number;
}

/**
 * The file's text; null when there is none; a problem when it is not a regular file or holds
 * more than `MAX_SETTINGS_BYTES` that are not trailing empty bytes. Reads a chunk at a time.
 */
async function readSmallFile(path: string): Promise<FileText | null | { problem: string }> {
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
    if (info.size > MAX_SCANNED_BYTES) return { problem: tooLarge(info.size) };
    const head = Buffer.alloc(MAX_SETTINGS_BYTES);
    let headLength = 0;
    let length = 0;
    const chunk = Buffer.alloc(MiB);
    for (;;) {
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, length);
      if (bytesRead === 0) break;
      const bytes = chunk.subarray(0, bytesRead);
      const lastOther = lastNonEmpty(bytes);
      if (lastOther >= 0) {
        // Something after the limit that is not empty: the file is not a settings file.
        if (length + lastOther >= MAX_SETTINGS_BYTES) return { problem: tooLarge(info.size) };
        headLength = length + lastOther + 1;
      }
      if (length < MAX_SETTINGS_BYTES) bytes.copy(head, length);
      length += bytesRead;
      if (length > MAX_SCANNED_BYTES) return { problem: tooLarge(length) };
    }
    return { text: head.toString('utf8', 0, headLength), emptyBytes: length - headLength };
  } finally {
    await handle.close();
  }
}

const EMPTY_CHUNK = Buffer.alloc(MiB);

/** The index of the last byte of `bytes` that is not NUL, or -1. */
function lastNonEmpty(bytes: Buffer): number {
  if (bytes.equals(EMPTY_CHUNK.subarray(0, bytes.length))) return -1;
  for (let i = bytes.length - 1; i >= 0; i--) if (bytes[i] !== 0) return i;
  return -1;
}

const size = (bytes: number) =>
  bytes >= MiB ? `${Math.round(bytes / MiB)} MiB` : `${bytes} byte${bytes === 1 ? '' : 's'}`;
const tooLarge = (bytes: number) =>
  `it is too large (${size(bytes)}; a settings file is at most ${MAX_SETTINGS_BYTES / MiB} MiB)`;

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
    if (damage.padding) {
      parts.push(
        `Your settings file had ${damage.padding} after the settings (a crash can leave them); they were dropped${recovery.reset.length === 0 ? ' and every setting was kept' : ''}.`,
      );
    }
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
