/**
 * What the assist engine takes from learning: the learned intent examples its intent model
 * trains on, and the last step of an assessment (replies ranked by acceptance and offered as
 * their common rewrite, flags weighed per device). The learning service implements it; without
 * one the engine's suggestions are exactly the pack's.
 */
import type { EscalationFlag, ReplySuggestion } from '../schemas/assist';
import { weighFlags } from './flag-weights';
import type { LearnedState } from './learned-state';
import { adjustReplies } from './reply-learning';

export interface AssistLearning {
  /** Intent id → learned examples (redacted); the same map until they change. */
  intentExamples(): ReadonlyMap<string, readonly string[]> | undefined;
  /** The suggestions with what the device learned about replies and flags applied. */
  adjust<T extends LearnedSuggestions>(suggestions: T): T;
}

/** The parts of the suggestions learning adjusts. */
export interface LearnedSuggestions {
  readonly replies: readonly ReplySuggestion[];
  readonly escalation: readonly EscalationFlag[];
}

/** `suggestions` with the learned reply ranking, rewrites and flag weights of `state`. */
export function adjustSuggestions<T extends LearnedSuggestions>(
  state: LearnedState,
  suggestions: T,
): T {
  return {
    ...suggestions,
    replies: adjustReplies(state, suggestions.replies),
    escalation: weighFlags(state, suggestions.escalation),
  };
}
