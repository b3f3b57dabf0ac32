/** `inloop search <text>` and `inloop search --batch <in.jsonl> --json`. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { SearchHit } from '../../../../shared/schemas/knowledge';
import { dataDirOption } from '../../core/cli/cli-context';
import {
  EXIT_OK,
  UsageError,
  type CliIo,
  type Command,
  type OpenServices,
  withServices,
} from '../../core/cli/command';
import { intOption, stringOption } from '../../core/cli/option-values';
import type { KnowledgeResults, KnowledgeService } from '../knowledge-service';
import { batchResultLine, parseBatchLines } from './batch-lines';

/** The results as a numbered, human-readable list. */
export function formatResults(results: KnowledgeResults): string {
  const { mode } = results;
  const head =
    mode.mode === 'hybrid'
      ? `hybrid search (${mode.embeddingModel}), ${results.ms.toFixed(1)} ms`
      : `lexical search (${mode.reason}), ${results.ms.toFixed(1)} ms`;
  if (results.hits.length === 0)
    return `${head}\nno results (is a pack installed? see inloop pack list)\n`;
  const cards = results.hits.map((h: SearchHit, i) => {
    const where = [h.packId, h.articleId, ...(h.section ?? [])].join(' › ');
    const lines = [`${i + 1}. ${h.title}  (${where})  score ${h.score.toFixed(2)}`];
    lines.push(
      ...h.passage
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => `   ${l}`),
    );
    if (h.url) lines.push(`   ${h.url}`);
    return lines.join('\n');
  });
  return `${head}\n\n${cards.join('\n\n')}\n`;
}

async function runBatch(knowledge: KnowledgeService, file: string, k: number, io: CliIo) {
  const path = resolve(io.cwd, file);
  const lines = parseBatchLines(await readFile(path, 'utf8'), file);
  for (const line of lines) {
    const request = 'query' in line ? { query: line.query, k } : { turns: line.turns, k };
    const { hits, ms } = await knowledge.search(request);
    io.stdout(`${batchResultLine(line.id, hits, ms)}\n`);
  }
}

export const searchCommand = (
  open: OpenServices<{ readonly knowledge: KnowledgeService }>,
): Command => ({
  name: 'search',
  summary: 'Search the installed knowledge packs',
  usage: 'search <text> [--k 5] [--json] [--data-dir D] | search --batch <in.jsonl> --json',
  options: {
    k: { type: 'string', value: '<n>', description: 'How many results (default 5, at most 50)' },
    json: { type: 'boolean', description: 'Print JSON' },
    batch: {
      type: 'string',
      value: '<in.jsonl>',
      description: 'Run every line ({"id","turns"} or {"id","query"}); print one JSON line each',
    },
    'data-dir': dataDirOption,
  },
  positionals: [0, 1000],
  async run(args, io) {
    const k = intOption(args, 'k', 5, 1, 50);
    const batch = stringOption(args, 'batch');
    const text = args.positionals.join(' ').trim();
    if (batch !== undefined && text !== '') {
      throw new UsageError('give either search text or --batch <file>, not both');
    }
    if (batch === undefined && text === '') throw new UsageError('give the text to search for');
    return withServices(open, args, io, async (services) => {
      if (batch !== undefined) {
        await runBatch(services.knowledge, batch, k, io);
        return EXIT_OK;
      }
      const results = await services.knowledge.search({ query: text, k });
      io.stdout(
        args.values.json ? `${JSON.stringify(results, null, 2)}\n` : formatResults(results),
      );
      return EXIT_OK;
    });
  },
});
