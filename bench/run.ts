/**
 * `npm run bench`: runs the benchmarks, prints one table (and the peer tables), and writes
 * the rows to bench/results/latest.json. Pass names to run a subset (`npm run bench --
 * search-peers`), `--quick` for the short peer runs (doc2dial-dev and 10k only), and
 * `--compare <old.json>` to print new / old per row against an earlier results file.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { benchAssist } from './assist.bench';
import { benchCorpus } from './corpora';
import { benchEmbed } from './embed.bench';
import { benchIngest } from './ingest.bench';
import { benchMemory } from './memory/memory.bench';
import { benchPackBuild } from './pack-build.bench';
import { benchEmbedPeers, benchSpeechPeers } from './peers/models.peers';
import { benchSearchPeers } from './peers/search.peers';
import { compareResults, LATEST, machineFacts, readResults, writeResults } from './results';
import { benchSearch } from './search.bench';
import { benchSlowClients } from './slow-clients.bench';
import { benchServeStart } from './serve-start.bench';
import { benchSpeech } from './speech.bench';
import { formatTable, passes, peerWinsSummary, type BenchRow } from './table';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    quick: { type: 'boolean', default: false },
    compare: { type: 'string' },
  },
});
const quick = values.quick === true;

const benchmarks: Record<string, () => Promise<BenchRow[]>> = {
  serve: () => benchServeStart(),
  // ── knowledge: pack build, search ──
  'pack-build': () => benchPackBuild(),
  search: () => benchSearch(),
  memory: () => benchMemory({ quick }),
  embed: () => benchEmbed(),
  // ── assist: turn to suggestions ──
  assist: () => benchAssist(),
  ingest: () => benchIngest(),
  'slow-clients': () => benchSlowClients(),
  // ── speech: transcription ──
  speech: () => benchSpeech(),
  // ── peers: the same measurements of what a developer would pick instead ──
  'search-peers': () => benchCorpus((embedder) => benchSearchPeers(embedder, { quick })),
  'embed-peers': () => benchEmbedPeers(),
  'speech-peers': () => benchSpeechPeers(),
};

const unknown = positionals.filter((name) => !(name in benchmarks));
if (unknown.length) {
  console.error(
    `bench: no benchmark ${unknown.join(', ')}; there are ${Object.keys(benchmarks).join(', ')}`,
  );
  process.exit(2);
}
const old = values.compare ? await readResults(values.compare) : null;
const loadAtStart = loadavg()[0]!;
const started = performance.now();
const rows: BenchRow[] = [];
const ran: string[] = [];
for (const [name, run] of Object.entries(benchmarks)) {
  if (positionals.length > 0 && !positionals.includes(name)) continue;
  process.stderr.write(`bench: ${name}…\n`);
  rows.push(...(await run()));
  ran.push(name);
}
console.log(formatTable(rows));
const missed = rows.filter((r) => passes(r) === false);
if (missed.length) console.log(`\n${missed.length} target(s) missed.`);
const wins = peerWinsSummary(rows);
if (wins.length) console.log(`\nRows a peer wins:\n${wins.map((w) => `- ${w}`).join('\n')}`);
const results = {
  format: 1 as const,
  at: new Date().toISOString(),
  benchmarks: ran,
  machine: machineFacts(loadAtStart),
  rows,
};
await writeResults(LATEST, results);
console.log(
  `\nWrote ${LATEST} (${rows.length} rows, ${Math.round((performance.now() - started) / 1000)} s; load ${loadAtStart.toFixed(1)} → ${results.machine.load[1].toFixed(1)} on ${results.machine.cores} cores).`,
);
if (old) console.log(`\nAgainst ${values.compare}:\n\n${compareResults(old, results)}`);
