/**
 * An append-only log of lines (JSONL) that cannot fill the disk: a size cap for all of its files
 * together and a retention in days. Lines go to the active file (`feedback.jsonl`); when it
 * reaches a quarter of the cap, or is a day old, it is renamed to a closed segment
 * `feedback.<first>-<last>.jsonl` (the times, in ms, of its first and last write). Closed
 * segments whose last write is older than the retention are deleted, then the oldest ones while
 * all files together exceed the cap. So the log holds at most `maxBytes`, and nothing older than
 * `retentionDays` plus one day (the active file's age).
 *
 * Readers read every segment, oldest first (`readLogLines`); the active file keeps its name, so
 * a log written before rotation existed is read the same way. Appends are serialised.
 */
import { appendFile, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { AppError } from '../../../shared/result';
import { defaultSettings, type Settings } from '../../../shared/schemas/settings';

/** How much a log may hold; read at each append (settings and policy may change). */
export interface LogLimits {
  readonly maxBytes: number;
  readonly retentionDays: number;
}

const MIB = 1024 * 1024;

/** The limits the privacy settings give every local log. */
export function logLimitsOf(privacy: Settings['privacy']): LogLimits {
  return { maxBytes: privacy.logMaxMiB * MIB, retentionDays: privacy.retentionDays };
}

/** The limits of the default settings (callers without settings: tests, benchmarks). */
export const DEFAULT_LOG_LIMITS: LogLimits = logLimitsOf(defaultSettings.privacy);

const DAY_MS = 24 * 60 * 60 * 1000;
/** The active file is closed at this share of the cap, so the cap holds with it included. */
const SEGMENTS_PER_CAP = 4;

/** A closed segment of the log at `path`. */
interface Segment {
  readonly path: string;
  readonly first: number;
  readonly last: number;
  readonly bytes: number;
}

function nameParts(path: string): { dir: string; stem: string; ext: string } {
  const ext = extname(path);
  return { dir: dirname(path), stem: basename(path, ext), ext };
}

/** The closed segments of the log whose active file is `path`, oldest first. */
async function closedSegments(path: string): Promise<Segment[]> {
  const { dir, stem, ext } = nameParts(path);
  const pattern = new RegExp(`^${escape(stem)}\\.(\\d+)-(\\d+)${escape(ext)}$`);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const segments: Segment[] = [];
  for (const name of names) {
    const m = pattern.exec(name);
    if (!m) continue;
    const file = join(dir, name);
    const bytes = await sizeOf(file);
    if (bytes !== null)
      segments.push({ path: file, first: Number(m[1]), last: Number(m[2]), bytes });
  }
  return segments.sort((a, b) => a.first - b.first || a.last - b.last);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function sizeOf(path: string): Promise<number | null> {
  try {
    return (await stat(path)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Every file of the log at `path`, oldest first: closed segments, then the active file. */
export async function logFiles(path: string): Promise<string[]> {
  return [...(await closedSegments(path)).map((s) => s.path), path];
}

/** Every line of the log at `path` (all segments, oldest first; blank lines left out). */
export async function readLogLines(path: string): Promise<string[]> {
  const lines: string[] = [];
  for (const file of await logFiles(path)) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    for (const line of text.split('\n')) if (line.trim() !== '') lines.push(line);
  }
  return lines;
}

/** Sum of the sizes of every file of the log at `path`. */
export async function logBytes(path: string): Promise<number> {
  const closed = await closedSegments(path);
  return closed.reduce((sum, s) => sum + s.bytes, 0) + ((await sizeOf(path)) ?? 0);
}

/** An append-only, size-capped, time-limited log; see the module comment. */
export class RotatingLog {
  private queue: Promise<void> = Promise.resolve();
  /** Known state of the active file; null until first read from disk. */
  private active: { bytes: number; first: number; last: number } | null = null;

  constructor(
    readonly path: string,
    private readonly limits: () => LogLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** Appends one line (no newline inside), after rotating and pruning when due. */
  append(line: string): Promise<void> {
    if (line.includes('\n')) {
      return Promise.reject(new AppError('invalid_request', 'a log line cannot hold a newline'));
    }
    const run = this.queue.then(() => this.write(`${line}\n`));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Applies the limits now (rotation by age, retention, cap) without writing. */
  prune(): Promise<void> {
    const run = this.queue.then(async () => {
      const active = await this.activeState();
      if (active.bytes > 0 && this.now() - active.first >= DAY_MS) await this.rotate();
      await this.dropOld();
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private segmentBytes(): number {
    return Math.floor(this.limits().maxBytes / SEGMENTS_PER_CAP);
  }

  private async write(text: string): Promise<void> {
    const bytes = Buffer.byteLength(text);
    const cap = this.segmentBytes();
    if (bytes > cap) {
      throw new AppError(
        'invalid_request',
        `a ${bytes}-byte line is over the ${cap}-byte segment of ${basename(this.path)} (a quarter of its size cap)`,
      );
    }
    const active = await this.activeState();
    const now = this.now();
    const due = active.bytes > 0 && (active.bytes + bytes > cap || now - active.first >= DAY_MS);
    if (due) {
      await this.rotate();
      await this.dropOld();
    }
    await appendFile(this.path, text, { mode: 0o600 });
    const state = this.active!;
    if (state.bytes === 0) state.first = now;
    state.bytes += bytes;
    state.last = now;
  }

  private async activeState(): Promise<{ bytes: number; first: number; last: number }> {
    if (this.active) return this.active;
    try {
      const s = await stat(this.path);
      // The first write's time: the file's birth where the file system records it, else its
      // last change (later than the first write, so rotation by age comes late, never early).
      const first = s.birthtimeMs > 0 ? Math.min(s.birthtimeMs, s.mtimeMs) : s.mtimeMs;
      this.active = { bytes: s.size, first, last: s.mtimeMs };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      this.active = { bytes: 0, first: this.now(), last: this.now() };
    }
    return this.active;
  }

  /** Closes the active file as a segment named by its first and last write. */
  private async rotate(): Promise<void> {
    const state = this.active!;
    const { dir, stem, ext } = nameParts(this.path);
    const first = Math.floor(state.first);
    const last = Math.max(first, Math.floor(state.last));
    let target = join(dir, `${stem}.${first}-${last}${ext}`);
    // Two rotations within the same millisecond: keep both.
    for (let n = 1; (await sizeOf(target)) !== null; n++) {
      target = join(dir, `${stem}.${first}-${last + n}${ext}`);
    }
    await rename(this.path, target);
    this.active = { bytes: 0, first: this.now(), last: this.now() };
  }

  /**
   * Deletes closed segments past the retention, then the oldest while they and a full active
   * file would exceed the cap.
   */
  private async dropOld(): Promise<void> {
    const { maxBytes, retentionDays } = this.limits();
    const oldest = this.now() - retentionDays * DAY_MS;
    const segments = await closedSegments(this.path);
    const budget = maxBytes - Math.max(this.segmentBytes(), this.active!.bytes);
    let total = segments.reduce((sum, s) => sum + s.bytes, 0);
    for (const segment of segments) {
      if (segment.last >= oldest && total <= budget) break;
      await rm(segment.path, { force: true });
      total -= segment.bytes;
    }
  }
}
