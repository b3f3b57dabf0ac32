/**
 * Summaries without a model: the live gist (summary-gist.ts) and, at handoff or wrap-up, the
 * structured summary of shared/schemas/assist.ts, built from the conversation and what the
 * engine already knows (entities, intent, checklist, articles and replies the agent used,
 * sentiment, escalation flags). `summaryAsText` (summary-text.ts) makes it a helpdesk note.
 */
import type { z } from 'zod';
import type { EscalationFlag, Entity, SentimentSchema, Summary } from '../schemas/assist';
import type { NextActionState } from './next-actions';
import {
  detailLines,
  issueStatement,
  nextStepText,
  outcomeText,
  triedList,
} from './handoff-fields';
import { inferResolution, agentPromises } from './summary-closing';
import { liveGist } from './summary-gist';
import type { SpokenTurn } from './suggest/customer-query';
import { isSmallTalk } from './suggest/small-talk';
import { clipWords, cosine, sentences, termVector, wordCount } from './suggest/text';

export { liveGist } from './summary-gist';
export { summaryAsText } from './summary-text';

/** What the handoff summary is built from. */
export interface HandoffInput {
  readonly turns: readonly SpokenTurn[];
  readonly entities: readonly Entity[];
  /** The conversation's intent: its label names it, else its description, else its id. */
  readonly intent: {
    readonly id: string;
    readonly label?: string;
    readonly description?: string;
  } | null;
  readonly nextActions: readonly NextActionState[];
  /** The articles the agent opened or cited: titles, or hits / citations with a title. */
  readonly articlesUsed: readonly (string | { readonly title: string })[];
  /** The replies the agent copied or inserted: titles, or suggestions (title, else text). */
  readonly repliesUsed: readonly (string | { readonly title?: string; readonly text: string })[];
  readonly sentiment: z.infer<typeof SentimentSchema> | null;
  readonly escalation: readonly EscalationFlag[];
  /** The agent's own name, never taken for the customer's. */
  readonly agentName?: string;
}

/** The issue in the customer's own words: at most this many sentences. */
export const MAX_ISSUE_SENTENCES = 2;

const ISSUE_CUE =
  /\b(?:problem|issue|wrong|broken|damaged|missing|never (?:arrived|came|received)|hasn't|haven't|didn't|can't|cannot|won't|doesn't|not|refund|return|exchange|cancel|charged|late|still|want|need|would like|trying to|help)\b/i;

/** The customer's key sentences: central to the conversation, telling a problem or a want. */
export function issueSentences(turns: readonly SpokenTurn[], max = MAX_ISSUE_SENTENCES): string[] {
  const whole = termVector(turns.map((t) => t.text).join(' '));
  const candidates = turns.flatMap((t, turn) =>
    t.role === 'customer'
      ? sentences(t.text).map((text, k) => ({ text, order: turn * 100 + k, turn }))
      : [],
  );
  const scored = candidates
    .map((c) => {
      if (wordCount(c.text) < 4 || isSmallTalk(c.text)) return { ...c, score: -1 };
      const v = termVector(c.text);
      const early = 1 / (1 + c.turn / 4);
      return { ...c, score: cosine(v, whole) + (ISSUE_CUE.test(c.text) ? 0.3 : 0) + 0.2 * early };
    })
    .filter((c) => c.score > 0)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, max);
  return scored.sort((a, b) => a.order - b.order).map((c) => clipWords(c.text, 40));
}

function customerName(input: HandoffInput): string | null {
  const agent = input.agentName?.trim().toLowerCase();
  const names = input.entities.filter(
    (e) => e.kind === 'name' && e.value.trim() && e.value.trim().toLowerCase() !== agent,
  );
  const said = names.filter((e) => input.turns[e.turn]?.role === 'customer');
  const pick = (said.length > 0 ? said : names).sort((a, b) => a.turn - b.turn);
  return pick.length > 0 ? pick[pick.length - 1]!.value.trim() : null;
}

function uniqueEntities(entities: readonly Entity[]): Entity[] {
  const seen = new Set<string>();
  return entities.filter((e) => {
    const key = `${e.kind}:${e.value.trim().toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function sentimentText(sentiment: HandoffInput['sentiment']): string | undefined {
  if (!sentiment) return undefined;
  const mood =
    sentiment.score <= -0.3 ? 'negative' : sentiment.score >= 0.3 ? 'positive' : 'neutral';
  return `${sentiment.trend}; the latest customer turn reads ${mood} (${sentiment.score.toFixed(2)})`;
}

/** The structured handoff summary; see the file comment. */
export function handoffSummary(input: HandoffInput): Summary {
  const escalationReasons = [...new Set(input.escalation.map((f) => f.reason))];
  const open = input.nextActions.filter((a) => !a.done).map((a) => a.text);
  const issue = issueSentences(input.turns);
  const articlesUsed = [
    ...new Set(input.articlesUsed.map((a) => (typeof a === 'string' ? a : a.title))),
  ];
  const repliesUsed = [
    ...new Set(
      input.repliesUsed.map((r) =>
        typeof r === 'string' ? r : (r.title ?? clipWords(r.text, 12)),
      ),
    ),
  ];
  const resolution = input.turns.length > 0 ? inferResolution(input.turns) : 'unknown';
  const issueText = issueStatement(input.turns) ?? issue[0];
  const nextStep = nextStepText({
    resolution,
    steps: input.nextActions,
    escalation: input.escalation,
    turns: input.turns,
  });
  return {
    gist: liveGist(input.turns),
    customer: customerName(input),
    intent: input.intent
      ? (input.intent.label ?? input.intent.description ?? input.intent.id)
      : null,
    issue,
    entities: uniqueEntities(input.entities),
    actionsTaken: input.nextActions.filter((a) => a.done).map((a) => a.text),
    articlesUsed,
    repliesUsed,
    resolution,
    sentimentTrend: sentimentText(input.sentiment),
    escalationReasons,
    followUps: [...open, ...agentPromises(input.turns)],
    ...(issueText ? { issueStatement: issueText } : {}),
    tried: triedList(input.nextActions, repliesUsed, articlesUsed),
    outcome: outcomeText(resolution),
    ...(nextStep ? { nextStep } : {}),
    details: detailLines(input.entities),
  };
}
