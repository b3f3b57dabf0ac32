/**
 * `npm run bench`: runs the benchmarks and prints one table. Pass names to run a subset:
 * `npm run bench -- serve`.
 */
import { benchAssist } from './assist.bench';
import { benchEmbed } from './embed.bench';
import { benchIngest } from './ingest.bench';
import { benchPackBuild } from './pack-build.bench';
import { benchSearch } from './search.bench';
import { benchSlowClients } from './slow-clients.bench';
import { benchServeStart } from './serve-start.bench';
import { benchSpeech } from './speech.bench';
import { formatTable, passes, type BenchRow } from './table';

const benchmarks: Record<string, () => Promise<BenchRow[]>> = {
  serve: () => benchServeStart(),
  // ── knowledge: pack build, search ──
  'pack-build': () => benchPackBuild(),
  search: () => benchSearch(),
  embed: () => benchEmbed(),
  // ── assist: turn to suggestions ──
  assist: () => benchAssist(),
  ingest: () => benchIngest(),
  'slow-clients': () => benchSlowClients(),
  // ── speech: transcription ──
  speech: () => benchSpeech(),
};

const wanted = process.argv.slice(2);
const rows: BenchRow[] = [];
for (const [name, run] of Object.entries(benchmarks)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  process.stderr.write(`bench: ${name}…\n`);
  rows.push(...(await run()));
}
console.log(formatTable(rows));
const missed = rows.filter((r) => passes(r) === false);
if (missed.length) console.log(`\n${missed.length} target(s) missed.`);
