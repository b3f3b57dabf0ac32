/**
 * Five authenticated screens that stop reading (issue 16, item 3: they took `inloop serve`
 * from 273 to 765 MB) while a connector posts a long conversation through the ingest
 * endpoint: every turn pushes the whole assist state to each screen. Prints what the process
 * holds after a full collection (V8 heap and buffers) and its RSS, before, at the peak and at
 * the end; then the screens read again and must each get the newest state. The server keeps
 * at most the newest state per channel for a slow screen (`event-outbox.ts`).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { WebSocket } from 'ws';
import { readTurns, startIngestRig } from './ingest-rig';
import type { BenchRow } from './table';

const SCREENS = 5;
const TURNS = 1000;
const SAMPLE_EVERY = 100;
const MiB = 1024 * 1024;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Heap and buffers still held after a full collection, and the RSS, in MiB. */
function memory(): { held: number; rss: number } {
  gc();
  const { heapUsed, arrayBuffers, rss } = process.memoryUsage();
  return { held: (heapUsed + arrayBuffers) / MiB, rss: rss / MiB };
}

/** The newest `assist:updated` seq each screen has read. */
function watchSeq(screens: readonly WebSocket[]): number[] {
  const seen = screens.map(() => -1);
  screens.forEach((ws, i) =>
    ws.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString());
      if (message.type === 'event' && message.event === 'assist:updated') {
        seen[i] = message.payload.seq;
      }
    }),
  );
  return seen;
}

export async function benchSlowClients(): Promise<BenchRow[]> {
  const rig = await startIngestRig('slow-clients');
  if (!rig) return [];
  try {
    const screens = await Promise.all(Array.from({ length: SCREENS }, () => rig.screen()));
    const seen = watchSeq(screens);
    let pushedBytes = 0;
    rig.services.bus.subscribe((event, payload) => {
      pushedBytes += JSON.stringify({ type: 'event', event, payload }).length;
    });
    for (const ws of screens) ws.pause();
    const turns = await readTurns(TURNS);
    const before = memory();
    let peak = before;
    for (const [i, turn] of turns.entries()) {
      const status = await rig.post(turn, 'slow-clients');
      if (status !== 202) throw new Error(`bench slow-clients: HTTP ${status}`);
      if ((i + 1) % SAMPLE_EVERY === 0) {
        const now = memory();
        if (now.held > peak.held) peak = { ...now };
        if (now.rss > peak.rss) peak = { ...peak, rss: now.rss };
      }
    }
    const after = memory();
    const state = await rig.services.dispatch('assist:get-state', undefined);
    if (!state.ok) throw new Error('bench slow-clients: no assist state');
    const newest = (state.value as { seq: number }).seq;
    for (const ws of screens) ws.resume();
    const deadline = Date.now() + 60_000;
    while (seen.some((s) => s !== newest) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const label = `${SCREENS} screens not reading, ${turns.length} turns`;
    return [
      {
        benchmark: label,
        metric: 'events pushed (all screens)',
        value: (pushedBytes * SCREENS) / MiB,
        unit: 'MiB',
      },
      { benchmark: label, metric: 'held before (heap+buffers)', value: before.held, unit: 'MiB' },
      {
        benchmark: label,
        metric: 'held growth at peak',
        value: peak.held - before.held,
        unit: 'MiB',
        target: { op: '<=', value: 64 },
      },
      {
        benchmark: label,
        metric: 'held growth at end',
        value: after.held - before.held,
        unit: 'MiB',
      },
      { benchmark: label, metric: 'RSS before', value: before.rss, unit: 'MiB' },
      { benchmark: label, metric: 'RSS peak', value: peak.rss, unit: 'MiB' },
      { benchmark: label, metric: 'RSS at end', value: after.rss, unit: 'MiB' },
      {
        benchmark: label,
        metric: 'screens with the newest state once reading',
        value: seen.filter((s) => s === newest).length,
        unit: `of ${SCREENS}`,
        target: { op: '>=', value: SCREENS },
      },
    ];
  } finally {
    await rig.close();
  }
}
