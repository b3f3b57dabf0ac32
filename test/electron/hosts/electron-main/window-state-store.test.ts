import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  emptyWindowState,
  rememberBounds,
} from '../../../../electron/hosts/electron-main/window-state';
import {
  createDebouncedSaver,
  createWindowStateStore,
  WINDOW_STATE_FILE,
} from '../../../../electron/hosts/electron-main/window-state-store';
import { monitor } from '../../../electron-mock';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'inloop-window-state-'));
});
afterEach(async () => {
  vi.useRealTimers();
  await rm(dataDir, { recursive: true, force: true });
});

describe('window state store', () => {
  it('keeps remembered bounds across restarts in window-state.json', async () => {
    const state = rememberBounds(emptyWindowState, monitor, {
      x: 3000,
      y: 200,
      width: 420,
      height: 700,
    });
    await createWindowStateStore(dataDir).save(state);

    expect(JSON.parse(await readFile(join(dataDir, WINDOW_STATE_FILE), 'utf8'))).toMatchObject({
      version: 1,
    });
    expect(await createWindowStateStore(dataDir).load()).toEqual(state);
  });

  it('starts with nothing remembered when the file is missing or damaged', async () => {
    const store = createWindowStateStore(dataDir);
    expect(await store.load()).toEqual(emptyWindowState);
    await writeFile(store.path, '{"version":1,"displays":{"2:2560x1400":{"x":"left"}}}');
    expect(await store.load()).toEqual(emptyWindowState);
    await writeFile(store.path, 'not json');
    expect(await store.load()).toEqual(emptyWindowState);
  });

  it('writes a burst of moves once, with the last position, and flushes on quit', async () => {
    vi.useFakeTimers();
    const saved: unknown[] = [];
    const saver = createDebouncedSaver(async (state) => void saved.push(state), 500);
    const first = rememberBounds(emptyWindowState, monitor, {
      x: 1500,
      y: 0,
      width: 400,
      height: 600,
    });
    const last = rememberBounds(first, monitor, { x: 1600, y: 0, width: 400, height: 600 });
    saver.schedule(first);
    saver.schedule(last);
    await vi.advanceTimersByTimeAsync(499);
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(saved).toEqual([last]);

    saver.schedule(first);
    await saver.flush();
    expect(saved).toEqual([last, first]);
  });
});
