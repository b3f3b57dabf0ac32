/**
 * `inloop feedback --batch`: agent decisions recorded exactly as the screen records them, through
 * the same request channels (`assist:start`, `assist:add-turn`, `assist:feedback`, `assist:end`)
 * and so through the same feedback log and learning. One input line is one conversation:
 * `{"id", "turns": [{"role","text"}], "intent": "<picked id>" | null, "used": ["<articleId>"],
 * "dismissed": ["<articleId>"], "reply": {"id","sentText"} | null}` (all but `id` and `turns`
 * optional). Keep the field names stable: evaluation outside the app writes them.
 */
import { z } from 'zod';
import { AppError } from '../../../../shared/result';
import type { AssistState } from '../../../../shared/schemas/assist';
import { QueryTurnSchema } from '../../../../shared/schemas/knowledge';
import type { Dispatch } from '../../core/dispatcher';
import { describeZodError } from '../../../../shared/zod-issues';

export const FeedbackLineSchema = z
  .object({
    id: z.union([z.string().min(1), z.number()]),
    turns: z.array(QueryTurnSchema).min(1).max(500),
    /** The intent the agent picked; null for "none of these"; absent when they picked none. */
    intent: z.string().min(1).max(128).nullable().optional(),
    /** Articles the agent used (copied, opened, "this answered it"), by article id. */
    used: z.array(z.string().min(1).max(300)).max(50).optional(),
    /** Articles the agent marked "not relevant". */
    dismissed: z.array(z.string().min(1).max(300)).max(50).optional(),
    /** The canned reply the agent copied, and the text they sent after it. */
    reply: z
      .object({ id: z.string().min(1).max(400), sentText: z.string().trim().min(1).max(20_000) })
      .strict()
      .nullable()
      .optional(),
  })
  .strict();
export type FeedbackLine = z.infer<typeof FeedbackLineSchema>;

/** Parses one input line; `where` names it in the error (`events.jsonl line 3`). */
export function parseFeedbackLine(text: string, where: string): FeedbackLine {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError('invalid_request', `${where}: not valid JSON`);
  }
  const parsed = FeedbackLineSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError(
      'invalid_request',
      `${where}: expected {"id","turns":[...],"intent"?,"used"?,"dismissed"?,"reply"?} (${describeZodError(parsed.error)})`,
    );
  }
  return parsed.data;
}

/** What one line did: the decisions recorded and those skipped, with why. */
export interface FeedbackOutcome {
  readonly id: string | number;
  readonly recorded: number;
  readonly skipped: string[];
}

async function call(dispatch: Dispatch, channel: string, payload?: unknown): Promise<unknown> {
  const result = await dispatch(channel, payload);
  if (!result.ok) throw new AppError(result.error.code, `${channel}: ${result.error.message}`);
  return result.value;
}

/** Plays one conversation and its decisions through the services, as the screen does. */
export async function recordConversation(
  dispatch: Dispatch,
  line: FeedbackLine,
): Promise<FeedbackOutcome> {
  const skipped: string[] = [];
  let recorded = 0;
  await call(dispatch, 'assist:start');
  let state: AssistState | null = null;
  for (const turn of line.turns) {
    state = (await call(dispatch, 'assist:add-turn', turn)) as AssistState;
  }
  const shown = () => state?.suggestions ?? null;
  const decide = async (payload: Record<string, unknown>) => {
    await call(dispatch, 'assist:feedback', payload);
    recorded += 1;
  };
  if (line.intent !== undefined) {
    // The agent's one-key pick: it becomes the conversation's intent and is logged by the service.
    const picked = await dispatch('assist:pick-intent', { intentId: line.intent });
    if (picked.ok) {
      state = picked.value as AssistState;
      recorded += 1;
    } else {
      skipped.push(`intent ${line.intent}: ${picked.error.message}`);
    }
  }
  const cards = shown()?.articles ?? [];
  for (const [kind, ids] of [
    ['copied', line.used ?? []],
    ['dismissed', line.dismissed ?? []],
  ] as const) {
    for (const id of ids) {
      const position = cards.findIndex((card) => card.articleId === id);
      if (position < 0) {
        skipped.push(
          `${kind === 'copied' ? 'used' : 'dismissed'} ${id}: not among the cards shown`,
        );
        continue;
      }
      await decide({ kind, target: 'article', id, text: cards[position]!.passage, position });
    }
  }
  if (line.reply) {
    const reply = shown()?.replies.find((r) => r.id === line.reply!.id);
    if (!reply) {
      skipped.push(`reply ${line.reply.id}: not among the replies shown`);
    } else {
      const position = shown()!.replies.indexOf(reply);
      await decide({
        kind: 'copied',
        target: 'reply',
        id: line.reply.id,
        text: reply.text,
        position,
      });
      // The agent's sent turn is what tells the log how much the reply was edited.
      await call(dispatch, 'assist:add-turn', { role: 'agent', text: line.reply.sentText });
    }
  }
  await call(dispatch, 'assist:end');
  return { id: line.id, recorded, skipped };
}
