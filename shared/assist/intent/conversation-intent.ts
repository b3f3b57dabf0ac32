/**
 * The intent of a conversation, from its customer turns, each classified on its own. The newest
 * turn that states a need confidently wins, so "also, my refund still hasn't shown up" after a
 * password reset moves to the refund. A newest turn with no clear need ("this is the third
 * time!", "yes please") keeps the intent of the latest earlier turn that had one, so the
 * playbook does not vanish when the customer gets upset; one that points elsewhere without
 * being sure gives candidates instead. A function of the turns alone: a replayed conversation
 * gets the same answer as the live one.
 */
import {
  classifyMessage,
  type IntentGuess,
  type IntentTurn,
  type MessageIntent,
} from './detect-intent';
import type { IntentModel } from './intent-model';

/** The conversation's intent, or, when unsure, the candidates for the agent to pick from. */
export interface ConversationIntent {
  readonly intent: IntentGuess | null;
  /** At most three; non-empty only when `intent` is null. */
  readonly candidates: readonly IntentGuess[];
}

/** Customer turns looked back over for an intent the newest turn does not state. */
export const INTENT_LOOKBACK = 8;
/**
 * A newest turn whose best intent is at least this probable (more likely right than wrong)
 * states a need of its own: it does not keep an earlier, different intent.
 */
export const NEW_NEED = 0.5;

const NONE: ConversationIntent = { intent: null, candidates: [] };

/** Memo of classified texts per model: each assessment reclassifies the same earlier turns. */
const memo = new WeakMap<IntentModel, Map<string, MessageIntent>>();
const MEMO_SIZE = 256;

function classify(model: IntentModel, text: string): MessageIntent {
  let cache = memo.get(model);
  if (!cache) memo.set(model, (cache = new Map()));
  let found = cache.get(text);
  if (!found) {
    found = classifyMessage(model, text);
    if (cache.size >= MEMO_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(text, found);
  }
  return found;
}

/** The conversation's intent (see the file comment); nothing without a model or customer turn. */
export function conversationIntent(
  model: IntentModel | null,
  turns: readonly IntentTurn[],
): ConversationIntent {
  if (model === null) return NONE;
  const customer = turns
    .filter((t) => t.role === 'customer' && t.text.trim() !== '')
    .slice(-INTENT_LOOKBACK)
    .reverse();
  if (customer.length === 0) return NONE;
  const latest = classify(model, customer[0]!.text);
  if (latest.intent) return { intent: latest.intent, candidates: [] };
  const earlier = customer
    .slice(1)
    .map((t) => classify(model, t.text))
    .find((r) => r.intent !== null)?.intent;
  if (earlier) {
    const top = latest.ranked[0];
    const newNeed = top !== undefined && top.id !== earlier.id && top.confidence >= NEW_NEED;
    return newNeed
      ? { intent: null, candidates: latest.candidates }
      : { intent: earlier, candidates: [] };
  }
  const asking = customer.map((t) => classify(model, t.text)).find((r) => r.candidates.length > 0);
  return asking ? { intent: null, candidates: asking.candidates } : NONE;
}
