/**
 * How much of a conversation one turn's update works on. Every part of the engine (search,
 * intent, sentiment, flags, entities, gist) costs more the more turns it reads, so a runaway
 * connector pushing thousands of turns would make each update slower than the last. The engine
 * reads a window instead: the opening turns (where the customer states the issue) and the
 * newest ones. A contact-centre chat or call rarely reaches this many turns, so for nearly
 * every conversation the window is the whole of it. What the engine found in turns that have
 * since left the window (an escalation flag, an order number) is carried over, so nothing the
 * agent was shown disappears. One conversation holds at most `MAX_CONVERSATION_TURNS`.
 */
import { AppError } from '../../../shared/result';
import type { Suggestions } from '../../../shared/schemas/assist';

/** Turns one update reads at most: the opening ones and the newest. */
export const TURN_WINDOW = 64;
/** Of the window, the conversation's first turns (the issue is usually stated there). */
export const OPENING_TURNS = 4;
/** Turns one conversation may hold (a two-hour call is about a thousand utterances). */
export const MAX_CONVERSATION_TURNS = 2000;

/** The turns an update reads: all of them, or the opening plus the newest. */
export function turnWindow<T>(turns: readonly T[], size = TURN_WINDOW): readonly T[] {
  if (turns.length <= size) return turns;
  return [...turns.slice(0, OPENING_TURNS), ...turns.slice(turns.length - (size - OPENING_TURNS))];
}

/** Refuses a turn past the cap, saying what to do instead. */
export function checkTurnCap(turnsSoFar: number, max = MAX_CONVERSATION_TURNS): void {
  if (turnsSoFar >= max) {
    throw new AppError(
      'conflict',
      `This conversation already has ${max} turns, the most one can hold. End it and start a new one (an ingest connector: send a new conversationId).`,
    );
  }
}

/** The conversation index of the first newest-turn of the window (0 when it is all read). */
export function windowStart(turnCount: number, size = TURN_WINDOW): number {
  return turnCount <= size ? 0 : turnCount - (size - OPENING_TURNS);
}

const SEVERITY = { low: 0, medium: 1, high: 2 } as const;

/**
 * `current` with what `previous` showed from turns the window no longer reads (before
 * `start`): its escalation flags (by reason; not one the agent has since dismissed, by rule or
 * concern) and entities (by kind and value).
 */
export function withEarlierFindings<S extends Omit<Suggestions, 'ms'>>(
  current: S,
  previous: Omit<Suggestions, 'ms'> | null,
  start: number,
  dismissed: ReadonlySet<string> = new Set(),
): S {
  if (!previous || start === 0) return current;
  const stillShown = previous.escalation.filter(
    (flag) =>
      !(flag.ruleId !== undefined && dismissed.has(flag.ruleId)) &&
      !(flag.concern !== undefined && dismissed.has(flag.concern)),
  );
  const escalation = carryOver(current.escalation, stillShown, start, (f) => f.reason).sort(
    (a, b) => SEVERITY[b.severity] - SEVERITY[a.severity] || a.turn - b.turn,
  );
  const entities = carryOver(
    current.summary.entities ?? [],
    previous.summary.entities,
    start,
    (e) => `${e.kind}\u0000${e.value}`,
  ).sort((a, b) => a.turn - b.turn);
  return { ...current, escalation, summary: { ...current.summary, entities } };
}

function carryOver<T extends { readonly turn: number }>(
  current: readonly T[],
  previous: readonly T[] | undefined,
  start: number,
  key: (item: T) => string,
): T[] {
  const have = new Set(current.map(key));
  const kept = (previous ?? []).filter((item) => item.turn < start && !have.has(key(item)));
  return [...kept, ...current];
}
