/**
 * Persists the overlay's remembered bounds as `window-state.json` in the data dir, written
 * atomically. A missing or unreadable file means "nothing remembered": window placement is
 * a convenience and must never stop the app from starting.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../../services/core/atomic-file';
import { emptyWindowState, type WindowState } from './window-state';

export const WINDOW_STATE_FILE = 'window-state.json';

const RectangleSchema = z.object({
  x: z.number(),
  y: z.number(),
  width: z.number().positive(),
  height: z.number().positive(),
});

/** The file's shape (main-process only, so it lives beside its one reader). */
export const WindowStateFileSchema = z.object({
  version: z.literal(1),
  lastDisplay: z.string().nullable(),
  displays: z.record(z.string(), RectangleSchema),
});

export interface WindowStateStore {
  readonly path: string;
  load(): Promise<WindowState>;
  save(state: WindowState): Promise<void>;
}

/** The store for `dataDir`. */
export function createWindowStateStore(dataDir: string): WindowStateStore {
  const path = join(dataDir, WINDOW_STATE_FILE);
  return {
    path,
    async load() {
      try {
        const parsed = WindowStateFileSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
        if (!parsed.success) return emptyWindowState;
        return { lastDisplay: parsed.data.lastDisplay, displays: parsed.data.displays };
      } catch {
        return emptyWindowState;
      }
    },
    async save(state) {
      const file = { version: 1, lastDisplay: state.lastDisplay, displays: state.displays };
      await writeFileAtomic(path, `${JSON.stringify(file, null, 2)}\n`);
    },
  };
}

export interface DebouncedSaver {
  /** Schedule a save of `state`; a later call within the delay replaces it. */
  schedule(state: WindowState): void;
  /** Write the pending state now (on quit). */
  flush(): Promise<void>;
}

/** Coalesce the bursts of move/resize events into one write per `delayMs`. */
export function createDebouncedSaver(
  save: (state: WindowState) => Promise<void>,
  delayMs = 500,
  onError: (error: unknown) => void = () => {},
): DebouncedSaver {
  let pending: WindowState | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const write = async () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const state = pending;
    pending = null;
    if (state) await save(state).catch(onError);
  };
  return {
    schedule(state) {
      pending = state;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void write(), delayMs);
    },
    flush: write,
  };
}
