/**
 * The assist engine as one pure composition: from the conversation so far, the cited passages
 * and the installed packs' intents, replies and rules to everything the overlay suggests
 * (`Suggestions`). `inloop assist --batch` and the running app both call `assess`, so they give the
 * same answers. The pack-dependent parts (the intent model) are built once per pack set by
 * `prepareEngine`, not once per turn.
 */
import type { EscalationRule, Intent } from '../packs/pack-schemas';
import type { PackPlaybook } from '../packs/pack-playbook';
import { extractEntities } from './entities';
import { escalationFlags } from './escalation/escalation-flags';
import { conversationIntent } from './intent/conversation-intent';
import { buildIntentModel, type IntentModel } from './intent/intent-model';
import { checklist } from './next-actions';
import { suggestReplies } from './replies';
import { scoreSentiment } from './sentiment/score-sentiment';
import { sentimentTrend } from './sentiment/sentiment-trend';
import { handoffSummary, liveGist, summaryAsText } from './summary';
import type { Suggestions, ConversationTurn, Summary } from '../schemas/assist';
import type { SearchHit } from '../schemas/knowledge';

export type { PackPlaybook };

/** A canned reply with the pack it came from. */
export type PackResponse = PackPlaybook['responses'][number];

export type SentimentTrend = Suggestions['sentiment']['trend'];
export type NextAction = Suggestions['nextActions'][number];

/** What the handoff summary is made from. */
export interface HandoffInput {
  readonly turns: readonly ConversationTurn[];
  readonly assist: Omit<Suggestions, 'ms'>;
  /** Titles (else ids) of the replies the agent copied or inserted. */
  readonly repliesUsed: readonly string[];
  /** Titles (else ids) of the articles the agent copied or opened. */
  readonly articlesUsed: readonly string[];
  readonly ended: boolean;
}

/** The engine for one set of installed packs. */
export interface AssistEngine {
  readonly packs: readonly PackPlaybook[];
  /** Null when no installed pack declares an intent. */
  readonly intentModel: IntentModel | null;
  /** Every intent by id (the first pack that declares an id wins), with its pack. */
  readonly intents: ReadonlyMap<string, { intent: Intent; packId: string }>;
  readonly responses: readonly PackResponse[];
  readonly rules: readonly EscalationRule[];
}

/** Builds the engine (and its intent model) for `packs`; call again when the packs change. */
export function prepareEngine(packs: readonly PackPlaybook[]): AssistEngine {
  const intents = new Map<string, { intent: Intent; packId: string }>();
  for (const pack of packs) {
    for (const intent of pack.intents) {
      if (!intents.has(intent.id)) intents.set(intent.id, { intent, packId: pack.packId });
    }
  }
  const all = [...intents.values()].map((entry) => entry.intent);
  return {
    packs,
    intentModel: all.length > 0 ? buildIntentModel(all) : null,
    intents,
    responses: packs.flatMap((pack) => pack.responses),
    rules: packs.flatMap((pack) => pack.rules),
  };
}

/** The input of one assessment. */
export interface AssessInput {
  /** The conversation so far, oldest first (already redacted). */
  readonly turns: readonly ConversationTurn[];
  /** The passages retrieval cited for these turns, best first. */
  readonly hits: readonly SearchHit[];
  /** Steps the agent ticked (true) or unticked (false) by hand. */
  readonly manualSteps?: ReadonlyMap<string, boolean>;
  /** How many replies to offer (default 5). */
  readonly replyLimit?: number;
}

/** Everything the engine suggests for `input` (all but the timing, which the caller adds). */
export function assess(engine: AssistEngine, input: AssessInput): Omit<Suggestions, 'ms'> {
  const turns = input.turns;
  const queryTurns = turns.map(({ role, text }) => ({ role, text }));
  const detected = conversationIntent(engine.intentModel, queryTurns).intent;
  const known = detected ? engine.intents.get(detected.id) : undefined;
  const intent = detected
    ? {
        id: detected.id,
        confidence: Math.min(1, Math.max(0, detected.confidence)),
        ...(known ? { description: known.intent.description, packId: known.packId } : {}),
      }
    : null;
  const perTurn = turns.map((t) =>
    t.role === 'customer' ? clamp(scoreSentiment(t.text)) : Number.NaN,
  );
  const history = perTurn.filter((score) => !Number.isNaN(score));
  const sentiment = {
    score: history.at(-1) ?? 0,
    trend: sentimentTrend(history),
    history,
  };
  const escalation = escalationFlags(turns, {
    rules: engine.rules,
    intentId: intent?.id ?? null,
    ...(known?.intent.escalate ? { intentEscalate: known.intent.escalate } : {}),
    sentiment: perTurn,
  });
  const entities = extractEntities(turns);
  const replies = suggestReplies({
    responses: engine.responses,
    intentId: intent?.id ?? null,
    turns,
    entities,
    hits: input.hits,
    limit: input.replyLimit ?? 5,
  });
  const nextActions = checklist(known?.intent ?? null, turns, input.manualSteps ?? new Map());
  return {
    intent,
    sentiment,
    escalation,
    articles: [...input.hits],
    replies,
    nextActions,
    summary: { gist: liveGist(turns), entities },
  };
}

/** The structured handoff summary and its plain-text form for a helpdesk note. */
export function handoff(
  engine: AssistEngine,
  input: HandoffInput,
): { summary: Summary; text: string } {
  const replyTitle = new Map(engine.responses.map((r) => [r.id, r.title]));
  const articleTitle = new Map(input.assist.articles.map((a) => [a.articleId, a.title]));
  const summary = handoffSummary({
    turns: input.turns,
    entities: input.assist.summary.entities ?? [],
    intent: input.assist.intent,
    nextActions: input.assist.nextActions,
    articlesUsed: input.articlesUsed.map((id) => articleTitle.get(id) ?? id),
    repliesUsed: input.repliesUsed.map((id) => replyTitle.get(id) ?? id),
    sentiment: input.assist.sentiment,
    escalation: input.assist.escalation,
  });
  return { summary, text: summaryAsText(summary) };
}

const clamp = (score: number): number =>
  Number.isFinite(score) ? Math.max(-1, Math.min(1, score)) : 0;
