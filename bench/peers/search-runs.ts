/**
 * One engine on one corpus in a fresh process (bench/peers/search-child.ts), remembered for
 * the rest of the `bench/run.ts` process: the search bench and the peer bench ask for the
 * same Inloop runs, which then run once.
 */
import { join } from 'node:path';
import { runChild } from '../child';
import type { InstalledCorpus } from '../corpora';
import type { SearchChildInput, SearchChildResult } from './search-child';
import type { EngineName } from './search-engines';

const CHILD = join(import.meta.dirname, 'search-child.ts');
const runs = new Map<string, Promise<SearchChildResult | { error: string }>>();

export type SearchOutcome = SearchChildResult | { error: string };

/** Runs (or recalls) `engine` on `corpus` with `input`'s states, hits and budget. */
export function searchRun(
  engine: EngineName,
  corpus: InstalledCorpus,
  input: Omit<SearchChildInput, 'engine' | 'dataDir'>,
): Promise<SearchOutcome> {
  const key = JSON.stringify([engine, corpus.dataDir, input]);
  let run = runs.get(key);
  if (!run) {
    run = (async () => {
      process.stderr.write(`bench: ${engine} on ${corpus.name}…\n`);
      try {
        return await runChild<SearchChildResult>(
          CHILD,
          { engine, dataDir: corpus.dataDir, ...input },
          { timeoutMs: 45 * 60_000 },
        );
      } catch (error) {
        const message = (error as Error).message;
        process.stderr.write(`bench: ${engine} on ${corpus.name} failed: ${message}\n`);
        return { error: message.split('\n')[0]!.slice(0, 60) };
      }
    })();
    runs.set(key, run);
  }
  return run;
}
