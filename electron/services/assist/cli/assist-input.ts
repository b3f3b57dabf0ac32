/**
 * The input of `inloop assist`: one conversation per JSON value, as `inloop search --batch`
 * takes it: `{"id", "turns": [{"role","text"}, ...]}` or `{"id", "query"}` (a query is one
 * customer turn).
 */
import { z } from 'zod';
import { QueryTurnSchema } from '../../../../shared/schemas/knowledge';
import { describeZodError } from '../../../../shared/zod-issues';
import { UsageError } from '../../core/cli/command';

export const AssistInputSchema = z.union([
  z.object({
    id: z.union([z.string(), z.number()]).optional(),
    turns: z.array(QueryTurnSchema).min(1).max(500),
  }),
  z.object({
    id: z.union([z.string(), z.number()]).optional(),
    query: z.string().min(1).max(20_000),
  }),
]);

export interface AssistInput {
  readonly id: string | number | null;
  readonly turns: { role: 'customer' | 'agent'; text: string }[];
}

/** Parses one input value; `where` names it in the error (e.g. `in.jsonl line 3`). */
export function parseAssistInput(text: string, where: string): AssistInput {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new UsageError(`${where}: not valid JSON`);
  }
  const parsed = AssistInputSchema.safeParse(raw);
  if (!parsed.success) {
    throw new UsageError(
      `${where}: give {"id","turns":[...]} or {"id","query"} (${describeZodError(parsed.error, raw, { root: 'the line' })})`,
    );
  }
  const value = parsed.data;
  const turns = 'turns' in value ? value.turns : [{ role: 'customer' as const, text: value.query }];
  return { id: value.id ?? null, turns };
}
