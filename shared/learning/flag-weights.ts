/**
 * Escalation rules weighed per device: "not an escalation here" on a flag lowers its rule's
 * weight (dismissals over the conversations it was raised in, plus two pseudo-conversations
 * that were not dismissed, so one dismissal never silences a rule). A rule at half weight is
 * shown one severity lower, at a quarter two lower. A flag is never hidden: a missed escalation
 * costs more than a low one; the team lead sees the dismissals and decides on the rule.
 */
import type { EscalationFlag } from '../schemas/assist';
import type { FlagStats, LearnedState } from './learned-state';

const SEVERITIES = ['low', 'medium', 'high'] as const;
/** Conversations that raised the rule and were not dismissed, assumed before any evidence. */
const FLAG_SMOOTHING = 2;

/** A rule's weight on this device, in (0, 1]. */
export function flagWeight(s: FlagStats | undefined): number {
  if (!s || s.dismissed === 0) return 1;
  const shown = Math.max(s.shown, s.dismissed);
  return 1 - s.dismissed / (shown + FLAG_SMOOTHING);
}

/** How many severity steps a weight takes off. */
export function severitySteps(weight: number): number {
  return weight < 0.25 ? 2 : weight < 0.5 ? 1 : 0;
}

/** Learns that the agent dismissed (or saw) a rule's flag (in place; once per conversation). */
export function learnFlag(state: LearnedState, ruleId: string, event: 'shown' | 'dismissed'): void {
  const s = state.flags.get(ruleId) ?? { shown: 0, dismissed: 0 };
  if (event === 'shown') s.shown += 1;
  else s.dismissed += 1;
  state.flags.set(ruleId, s);
}

/** The flags with each rule's learned weight applied, most severe first, then earliest. */
export function weighFlags(
  state: LearnedState,
  flags: readonly EscalationFlag[],
): EscalationFlag[] {
  if (state.flags.size === 0) return [...flags];
  const rank = (f: EscalationFlag) => SEVERITIES.indexOf(f.severity);
  return flags
    .map((flag) => {
      const steps = flag.ruleId ? severitySteps(flagWeight(state.flags.get(flag.ruleId))) : 0;
      if (steps === 0) return flag;
      return { ...flag, severity: SEVERITIES[Math.max(0, rank(flag) - steps)]! };
    })
    .sort((a, b) => rank(b) - rank(a) || a.turn - b.turn);
}
