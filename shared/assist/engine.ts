/**
 * The assist engine as one pure composition: from the conversation so far, the cited passages
 * and the installed packs' intents, replies and rules to everything the overlay suggests
 * (`Suggestions`). `inloop assist --batch` and the running app both call `assess`, so they give the
 * same answers. The pack-dependent parts (the intent model) are built once per pack set by
 * `prepareEngine`, not once per turn.
 */
import type { CannedResponse, EscalationRule, Intent } from '../packs/pack-schemas';
import type {
  Suggestions,
  ConversationTurn,
  EscalationFlag,
  Entity,
  ReplySuggestion,
  Summary,
} from '../schemas/assist';
import type { QueryTurn, SearchHit } from '../schemas/knowledge';

/** What one installed pack gives the engine. */
export interface PackContent {
  readonly packId: string;
  readonly intents: readonly Intent[];
  readonly responses: readonly CannedResponse[];
  readonly rules: readonly EscalationRule[];
}

/** A canned reply with the pack it came from. */
export type PackResponse = CannedResponse & { readonly packId: string };

export type SentimentTrend = Suggestions['sentiment']['trend'];
export type NextAction = Suggestions['nextActions'][number];

/**
 * The pure functions the engine composes (PII, intent, sentiment, escalation, entities,
 * replies, checklist, summaries). `engine-toolkit.ts` binds the real ones; the seam keeps this
 * file about composition only.
 */
export interface AssistToolkit<Model = unknown> {
  /** The text with PII masked: what is stored and what may leave the device. */
  redact(text: string): string;
  buildIntentModel(intents: readonly Intent[]): Model;
  detectIntent(
    model: Model,
    turns: readonly QueryTurn[],
  ): { id: string; confidence: number } | null;
  scoreSentiment(text: string): number;
  sentimentTrend(scores: readonly number[]): SentimentTrend;
  escalationFlags(
    turns: readonly ConversationTurn[],
    context: {
      rules: readonly EscalationRule[];
      intentId: string | null;
      intentEscalate?: string;
      /** One score per turn, NaN for agent turns. */
      sentiment: readonly number[];
    },
  ): EscalationFlag[];
  extractEntities(turns: readonly ConversationTurn[]): Entity[];
  suggestReplies(input: {
    responses: readonly PackResponse[];
    intentId: string | null;
    turns: readonly ConversationTurn[];
    entities: readonly Entity[];
    hits: readonly SearchHit[];
    limit?: number;
  }): ReplySuggestion[];
  checklist(
    intent: Intent | null,
    turns: readonly ConversationTurn[],
    manual: ReadonlyMap<string, boolean>,
  ): NextAction[];
  liveGist(turns: readonly ConversationTurn[]): string;
  handoffSummary(input: HandoffInput): Summary;
  summaryAsText(summary: Summary): string;
}

/** What the handoff summary is made from. */
export interface HandoffInput {
  readonly turns: readonly ConversationTurn[];
  readonly assist: Omit<Suggestions, 'ms'>;
  readonly intent: Intent | null;
  /** Titles (else ids) of the replies the agent copied or inserted. */
  readonly repliesUsed: readonly string[];
  /** Titles (else ids) of the articles the agent copied or opened. */
  readonly articlesUsed: readonly string[];
  readonly ended: boolean;
}

/** The engine for one set of installed packs. */
export interface AssistEngine {
  readonly toolkit: AssistToolkit;
  readonly packs: readonly PackContent[];
  /** Null when no installed pack declares an intent. */
  readonly intentModel: unknown;
  /** Every intent by id (the first pack that declares an id wins), with its pack. */
  readonly intents: ReadonlyMap<string, { intent: Intent; packId: string }>;
  readonly responses: readonly PackResponse[];
  readonly rules: readonly EscalationRule[];
}

/** Builds the engine (and its intent model) for `packs`; call again when the packs change. */
export function prepareEngine(packs: readonly PackContent[], toolkit: AssistToolkit): AssistEngine {
  const intents = new Map<string, { intent: Intent; packId: string }>();
  for (const pack of packs) {
    for (const intent of pack.intents) {
      if (!intents.has(intent.id)) intents.set(intent.id, { intent, packId: pack.packId });
    }
  }
  const all = [...intents.values()].map((entry) => entry.intent);
  return {
    toolkit,
    packs,
    intentModel: all.length > 0 ? toolkit.buildIntentModel(all) : null,
    intents,
    responses: packs.flatMap((pack) => pack.responses.map((r) => ({ ...r, packId: pack.packId }))),
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
  const { toolkit } = engine;
  const turns = input.turns;
  const queryTurns = turns.map(({ role, text }) => ({ role, text }));
  const detected = conversationIntent(engine, queryTurns);
  const known = detected ? engine.intents.get(detected.id) : undefined;
  const intent = detected
    ? {
        id: detected.id,
        confidence: Math.min(1, Math.max(0, detected.confidence)),
        ...(known ? { description: known.intent.description, packId: known.packId } : {}),
      }
    : null;
  const perTurn = turns.map((t) =>
    t.role === 'customer' ? clamp(toolkit.scoreSentiment(t.text)) : Number.NaN,
  );
  const history = perTurn.filter((score) => !Number.isNaN(score));
  const sentiment = {
    score: history.at(-1) ?? 0,
    trend: toolkit.sentimentTrend(history),
    history,
  };
  const escalation = toolkit.escalationFlags(turns, {
    rules: engine.rules,
    intentId: intent?.id ?? null,
    ...(known?.intent.escalate ? { intentEscalate: known.intent.escalate } : {}),
    sentiment: perTurn,
  });
  const entities = toolkit.extractEntities(turns);
  const replies = toolkit.suggestReplies({
    responses: engine.responses,
    intentId: intent?.id ?? null,
    turns,
    entities,
    hits: input.hits,
    limit: input.replyLimit ?? 5,
  });
  const nextActions = toolkit.checklist(
    known?.intent ?? null,
    turns,
    input.manualSteps ?? new Map(),
  );
  return {
    intent,
    sentiment,
    escalation,
    articles: [...input.hits],
    replies,
    nextActions,
    summary: { gist: toolkit.liveGist(turns), entities },
  };
}

/** Customer turns looked back over for an intent the latest turns no longer show. */
export const INTENT_LOOKBACK = 8;

/**
 * The conversation's intent: detected at the latest customer turn, or, when that turn says
 * nothing clear ("this is the third time!"), the one detected at the latest earlier customer
 * turn that had one, so the playbook does not vanish when the customer gets upset. A function
 * of the turns alone, so a replayed conversation gets the same answer as the live one.
 */
export function conversationIntent(
  engine: AssistEngine,
  turns: readonly QueryTurn[],
): { id: string; confidence: number } | null {
  if (engine.intentModel === null) return null;
  const ends = turns.flatMap((t, i) => (t.role === 'customer' ? [i + 1] : [])).reverse();
  for (const end of ends.slice(0, INTENT_LOOKBACK)) {
    const found = engine.toolkit.detectIntent(engine.intentModel, turns.slice(0, end));
    if (found) return found;
  }
  return null;
}

/** The structured handoff summary and its plain-text form for a helpdesk note. */
export function handoff(
  engine: AssistEngine,
  input: Omit<HandoffInput, 'intent'>,
): { summary: Summary; text: string } {
  const intentId = input.assist.intent?.id;
  const intent = intentId ? (engine.intents.get(intentId)?.intent ?? null) : null;
  const replyTitle = new Map(engine.responses.map((r) => [r.id, r.title]));
  const articleTitle = new Map(input.assist.articles.map((a) => [a.articleId, a.title]));
  const summary = engine.toolkit.handoffSummary({
    ...input,
    intent,
    repliesUsed: input.repliesUsed.map((id) => replyTitle.get(id) ?? id),
    articlesUsed: input.articlesUsed.map((id) => articleTitle.get(id) ?? id),
  });
  return { summary, text: engine.toolkit.summaryAsText(summary) };
}

const clamp = (score: number): number =>
  Number.isFinite(score) ? Math.max(-1, Math.min(1, score)) : 0;
