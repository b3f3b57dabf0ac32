/**
 * Escalation flags of a conversation: the pack's rules (phrases, intents, a sentiment floor)
 * and the built-in triggers (legal threats, chargebacks and fraud, churn, vulnerability,
 * hardship, repeated failures, anger rising across turns). Only customer turns raise flags.
 * One flag per concern (concerns.ts): a built-in trigger and a pack rule about the same thing
 * merge into one flag in the pack's wording, with the highest severity of the two, at the
 * earliest turn either raised it.
 */
import type { EscalationRule } from '../../packs/pack-schemas';
import type { EscalationFlag } from '../../schemas/assist';
import { BUILTIN_TRIGGERS, WEAK_PHRASE_SENTIMENT } from './builtin-triggers';
import { concernOfReason, concernOfRule } from './concerns';
import { matchPhrase, prepare, preparePhrase, type MatchText } from './phrase-match';

/** What the triggers read of a turn; `index` defaults to the position in the list. */
export interface EscalationTurn {
  readonly role: 'customer' | 'agent';
  readonly text: string;
  readonly index?: number;
}

/** Inputs beside the turns. */
export interface EscalationContext {
  readonly rules: readonly EscalationRule[];
  readonly intentId: string | null;
  /** The detected intent's `escalate` reason, when the pack sets one. */
  readonly intentEscalate?: string;
  /** One score per turn (NaN for agent turns), as `scoreSentiment` gives. */
  readonly sentiment: readonly number[];
}

const SEVERITY_RANK = { low: 0, medium: 1, high: 2 } as const;

/** The rising-anger trigger: three falling customer scores ending low, or a sharp fall. */
export function angerRisingAt(customerScores: readonly { turn: number; score: number }[]): number {
  for (let i = 2; i < customerScores.length; i++) {
    const [a, b, c] = [customerScores[i - 2]!, customerScores[i - 1]!, customerScores[i]!];
    if (a.score > b.score && b.score > c.score && c.score <= -0.4) return c.turn;
  }
  for (let i = 1; i < customerScores.length; i++) {
    const first = customerScores[0]!.score;
    const s = customerScores[i]!.score;
    if (s <= -0.6 && first - s >= 0.6) return customerScores[i]!.turn;
  }
  return -1;
}

/** Every flag the conversation raises, one per concern, most severe first, then earliest. */
export function escalationFlags(
  turns: readonly EscalationTurn[],
  context: EscalationContext,
): EscalationFlag[] {
  const raised: Raised[] = [];
  const customer = turns
    .map((t, i) => ({
      turn: t.index ?? i,
      text: prepare(t.text),
      score: context.sentiment[i] ?? NaN,
      role: t.role,
    }))
    .filter((t) => t.role === 'customer');
  const firstMatch = (phrases: readonly MatchText[], maxScore = Infinity) =>
    customer.find((t) => !(t.score > maxScore) && phrases.some((p) => matchPhrase(t.text, p) >= 0))
      ?.turn;
  for (const trigger of BUILTIN_TRIGGERS) {
    const strong = firstMatch(trigger.phrases.map(preparePhrase));
    const weak = trigger.weakPhrases
      ? firstMatch(trigger.weakPhrases.map(preparePhrase), WEAK_PHRASE_SENTIMENT)
      : undefined;
    const turn = Math.min(strong ?? Infinity, weak ?? Infinity);
    if (Number.isFinite(turn)) {
      raised.push({
        flag: { reason: trigger.reason, severity: trigger.severity, turn, ruleId: trigger.id },
        concern: trigger.concern,
        fromPack: false,
      });
    }
  }
  const scored = customer.filter((t) => Number.isFinite(t.score));
  const anger = angerRisingAt(scored);
  if (anger >= 0) {
    raised.push({
      flag: { reason: 'Anger rising', severity: 'medium', turn: anger, ruleId: 'builtin:anger' },
      concern: 'anger',
      fromPack: false,
    });
  }
  const latest = customer.at(-1)?.turn;
  for (const rule of context.rules) {
    const turnsRaised: number[] = [];
    const phraseTurn = firstMatch(rule.phrases.map(preparePhrase));
    if (phraseTurn !== undefined) turnsRaised.push(phraseTurn);
    if (latest !== undefined && context.intentId && rule.intents.includes(context.intentId)) {
      turnsRaised.push(latest);
    }
    if (rule.sentimentBelow !== undefined) {
      const low = scored.find((t) => t.score <= rule.sentimentBelow!);
      if (low) turnsRaised.push(low.turn);
    }
    if (turnsRaised.length > 0) {
      raised.push({
        flag: {
          reason: rule.reason,
          severity: rule.severity,
          turn: Math.min(...turnsRaised),
          ruleId: rule.id,
        },
        concern: concernOfRule(rule),
        fromPack: true,
      });
    }
  }
  if (context.intentEscalate && context.intentId && latest !== undefined) {
    raised.push({
      flag: {
        reason: context.intentEscalate,
        severity: 'medium',
        turn: latest,
        ruleId: `intent:${context.intentId}`,
      },
      concern: concernOfReason(context.intentEscalate) ?? `intent:${context.intentId}`,
      fromPack: true,
    });
  }
  return mergeByConcern(raised, context.rules).sort(
    (a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || a.turn - b.turn,
  );
}

/** One trigger or rule that fired, before merging. */
interface Raised {
  readonly flag: EscalationFlag;
  readonly concern: string;
  readonly fromPack: boolean;
}

/**
 * One flag per concern: the wording and rule id of the pack's rule for the concern (the first
 * that fired, else the first the pack has), the highest severity among those that fired and
 * that rule, the earliest turn.
 */
function mergeByConcern(
  raised: readonly Raised[],
  rules: readonly EscalationRule[],
): EscalationFlag[] {
  const byConcern = new Map<string, Raised[]>();
  for (const r of raised) byConcern.set(r.concern, [...(byConcern.get(r.concern) ?? []), r]);
  return [...byConcern].map(([concern, group]) => {
    const packRule =
      group.find((r) => r.fromPack)?.flag ??
      rules
        .filter((rule) => concernOfRule(rule) === concern)
        .map((rule) => ({ reason: rule.reason, severity: rule.severity, ruleId: rule.id }))[0];
    const worded = packRule ?? group[0]!.flag;
    const severity = [
      ...group.map((r) => r.flag.severity),
      ...(packRule ? [packRule.severity] : []),
    ].sort((a, b) => SEVERITY_RANK[b] - SEVERITY_RANK[a])[0]!;
    return {
      reason: worded.reason,
      severity,
      turn: Math.min(...group.map((r) => r.flag.turn)),
      ...(worded.ruleId === undefined ? {} : { ruleId: worded.ruleId }),
      concern,
    };
  });
}
