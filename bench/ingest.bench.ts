/**
 * One long conversation pushed through the ingest endpoint, as a runaway connector would:
 * `POST /v1/turns` 2,000 times (doc2dial-dev customer and agent turns, one after the other)
 * into the services `inloop serve` runs, the example pack installed and one screen connected
 * over the WebSocket. Prints p50 and p95 of each POST by band of 250 turns: a turn's cost
 * must not grow with the conversation (the per-turn window, `turn-window.ts`).
 */
import { readTurns, startIngestRig } from './ingest-rig';
import { percentile, type BenchRow } from './table';

const TURNS = 2000;
const BAND = 250;

export async function benchIngest(): Promise<BenchRow[]> {
  const rig = await startIngestRig('ingest');
  if (!rig) return [];
  const samples: number[] = [];
  try {
    await rig.screen();
    for (const turn of await readTurns(TURNS)) {
      const t0 = performance.now();
      const status = await rig.post(turn, 'bench');
      samples.push(performance.now() - t0);
      if (status !== 202) throw new Error(`bench ingest: HTTP ${status}`);
    }
  } finally {
    await rig.close();
  }

  const rows: BenchRow[] = [];
  for (let from = 0; from < samples.length; from += BAND) {
    const band = samples.slice(from, from + BAND);
    const label = `ingest turns ${from}-${from + band.length}`;
    rows.push(
      { benchmark: label, metric: 'POST p50', value: percentile(band, 50), unit: 'ms' },
      { benchmark: label, metric: 'POST p95', value: percentile(band, 95), unit: 'ms' },
    );
  }
  const first = percentile(samples.slice(0, BAND), 50);
  const last = percentile(samples.slice(-BAND), 50);
  rows.push({
    benchmark: `ingest ${samples.length} turns`,
    metric: 'last band p50 / first band p50',
    value: last / first,
    unit: 'x',
    target: { op: '<=', value: 2 },
  });
  return rows;
}
