/**
 * Learned intent examples: when the agent picks an intent the engine did not give (a candidate
 * when it was unsure, a correction when it was wrong, "none of these" when it should have
 * stayed silent), the customer's words become an example of the picked intent, which the intent
 * model trains on from the next turn on, and the correction is counted for the team lead.
 */
import { analyze } from '../knowledge/analyzer';
import { correctionKey, LEARNED_LIMITS, noteText, type LearnedState } from './learned-state';

/** The `id` a pick of "none of these" is recorded with. */
export const NO_INTENT = '(none)';

/** A customer turn with fewer content terms says too little to be an example on its own. */
const MIN_EXAMPLE_TERMS = 2;

/**
 * The customer's words an intent pick teaches: the latest customer turn that says something
 * (two content terms or more), else the latest two customer turns together.
 */
export function exampleText(turns: readonly { role: string; text: string }[]): string | null {
  const customer = turns.filter((t) => t.role === 'customer' && t.text.trim() !== '');
  if (customer.length === 0) return null;
  for (let i = customer.length - 1; i >= 0; i--) {
    const text = customer[i]!.text.trim();
    if (analyze(text).length >= MIN_EXAMPLE_TERMS) return cut(text);
  }
  return cut(
    customer
      .slice(-2)
      .map((t) => t.text.trim())
      .join(' '),
  );
}

const cut = (text: string): string =>
  text.replace(/\s+/g, ' ').slice(0, LEARNED_LIMITS.exampleChars).trim();

/** One intent decision of the agent. */
export interface IntentPick {
  /** What the engine showed (null: no intent, or it was unsure and showed candidates). */
  readonly engineIntentId: string | null;
  /** What the agent picked (null: "none of these"). */
  readonly pickedIntentId: string | null;
  readonly turns: readonly { role: string; text: string }[];
  readonly at: number;
}

/**
 * Learns a pick (in place): the correction is counted once per conversation; the example is
 * added when the pick differs from what the engine said.
 */
export function learnIntentPick(state: LearnedState, pick: IntentPick, firstTime: boolean): void {
  if (pick.engineIntentId === pick.pickedIntentId) return;
  if (firstTime) {
    const key = correctionKey(pick.engineIntentId, pick.pickedIntentId);
    state.corrections.set(key, (state.corrections.get(key) ?? 0) + 1);
  }
  if (pick.pickedIntentId === null) return;
  const text = exampleText(pick.turns);
  if (text === null || text === '') return;
  const list = state.examples.get(pick.pickedIntentId) ?? [];
  state.examples.set(
    pick.pickedIntentId,
    noteText(list, text, pick.at, LEARNED_LIMITS.examplesPerIntent),
  );
  state.examplesRevision += 1;
}

/** Intent id → its learned examples (redacted texts). */
export function learnedExamples(state: LearnedState): Map<string, string[]> {
  return new Map([...state.examples].map(([id, list]) => [id, list.map((s) => s.text)]));
}
