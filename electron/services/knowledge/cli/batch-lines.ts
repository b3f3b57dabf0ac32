/**
 * `inloop search --batch`: the input and output line formats outside evaluation relies on.
 * Input: `{"id", "turns": [{"role","text"}]}` or `{"id", "query"}` per line. Output: `{"id",
 * "results": [{"articleId","title","packId","passage","score","url"?}], "ms"}` per line.
 */
import { z } from 'zod';
import { QueryTurnSchema, type SearchHit } from '../../../../shared/schemas/knowledge';
import { AppError } from '../../../../shared/result';
import { describeZodError } from '../../../../shared/zod-issues';

const QueryLineSchema = z.object({ id: z.string().min(1), query: z.string().min(1) }).strict();
const TurnsLineSchema = z
  .object({ id: z.string().min(1), turns: z.array(QueryTurnSchema).min(1) })
  .strict();
/** One input line. */
export type BatchLine = z.infer<typeof TurnsLineSchema> | z.infer<typeof QueryLineSchema>;

/** Parses every non-blank line; the first bad one is an error naming its line number. */
export function parseBatchLines(text: string, file: string): BatchLine[] {
  const out: BatchLine[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const where = `${file} line ${i + 1}`;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      throw new AppError('invalid_request', `${where}: not valid JSON`);
    }
    // Validate against the shape the line means, so the message names the wrong field.
    const shape =
      typeof raw === 'object' && raw !== null && 'query' in raw ? QueryLineSchema : TurnsLineSchema;
    const parsed = shape.safeParse(raw);
    if (!parsed.success) {
      throw new AppError(
        'invalid_request',
        `${where}: expected {"id", "turns": [{"role", "text"}]} or {"id", "query"} (${describeZodError(parsed.error, raw, { root: 'the line' })})`,
      );
    }
    out.push(parsed.data);
  });
  return out;
}

/** One output line (JSON, no newline). */
export function batchResultLine(id: string, hits: readonly SearchHit[], ms: number): string {
  const results = hits.map((h) => ({
    articleId: h.articleId,
    title: h.title,
    packId: h.packId,
    passage: h.passage,
    score: h.score,
    ...(h.url ? { url: h.url } : {}),
  }));
  return JSON.stringify({ id, results, ms: Math.round(ms * 1000) / 1000 });
}
