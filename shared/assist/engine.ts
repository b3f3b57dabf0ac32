/**
 * The assist engine as one pure composition: from the conversation so far, the cited passages
 * and the installed packs' intents, replies and rules to everything the overlay suggests
 * (`Suggestions`). `inloop assist --batch` and the running app both call `assess`, so they give the
 * same answers. The pack-dependent parts (the intent model) are built once per pack set by
 * `prepareEngine`, not once per turn.
 */
import type { EscalationRule, Intent } from '../packs/pack-schemas';
import type { PackPlaybook } from '../packs/pack-playbook';
import { entityMentions, extractEntities } from './entities';
import { intentLabel } from './intent-label';
import { escalationFlags } from './escalation/escalation-flags';
import { conversationIntent } from './intent/conversation-intent';
import { buildIntentModel, type IntentModel, type LearnedExamples } from './intent/intent-model';
import { checklist, groundworkDone } from './next-actions';
import { suggestReplies } from './replies';
import { scoreSentiment } from './sentiment/score-sentiment';
import { sentimentTrend } from './sentiment/sentiment-trend';
import { handoffSummary, liveGist, summaryAsText } from './summary';
import type { Suggestions, ConversationTurn, Summary } from '../schemas/assist';
import type { QueryTurn, SearchHit } from '../schemas/knowledge';

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
  /** The articles each canned reply's intents link, by reply id (grounding without an intent). */
  readonly replyArticles: ReadonlyMap<string, readonly string[]>;
}

/**
 * Builds the engine (and its intent model) for `packs`, with the examples this device learned
 * from its agent's intent picks (`learned`, redacted); call again when either changes.
 */
export function prepareEngine(
  packs: readonly PackPlaybook[],
  learned?: LearnedExamples,
): AssistEngine {
  const intents = new Map<string, { intent: Intent; packId: string }>();
  for (const pack of packs) {
    for (const intent of pack.intents) {
      if (!intents.has(intent.id)) intents.set(intent.id, { intent, packId: pack.packId });
    }
  }
  const all = [...intents.values()].map((entry) => entry.intent);
  const responses = packs.flatMap((pack) => pack.responses);
  return {
    packs,
    intentModel: all.length > 0 ? buildIntentModel(all, learned) : null,
    intents,
    responses,
    rules: packs.flatMap((pack) => pack.rules),
    replyArticles: replyArticles(all, responses),
  };
}

/** The articles linked by each reply's intents (its own `intents` and the intents listing it). */
function replyArticles(
  intents: readonly Intent[],
  responses: readonly PackResponse[],
): Map<string, string[]> {
  const byId = new Map(intents.map((i) => [i.id, i]));
  const out = new Map<string, string[]>();
  for (const r of responses) {
    const linked = new Set<string>();
    for (const id of r.intents) for (const a of byId.get(id)?.articles ?? []) linked.add(a);
    for (const i of intents)
      if (i.responses.includes(r.id)) for (const a of i.articles) linked.add(a);
    out.set(r.id, [...linked]);
  }
  return out;
}

/** The input of one assessment. */
export interface AssessInput {
  /** The conversation so far, oldest first (original text: the engine runs on what was said). */
  readonly turns: readonly ConversationTurn[];
  /** The passages retrieval cited for these turns, best first. */
  readonly hits: readonly SearchHit[];
  /** Steps the agent ticked (true) or unticked (false) by hand. */
  readonly manualSteps?: ReadonlyMap<string, boolean>;
  /** How many replies to offer (default 5). */
  readonly replyLimit?: number;
  /**
   * The intent the agent picked (`assist:pick-intent`): an id is the conversation's intent from
   * then on; null ("none of these") means no intent and no candidates until a later customer
   * turn (`atTurn` is the number of turns when it was picked).
   */
  readonly pickedIntent?: { readonly id: string | null; readonly atTurn: number };
  /** Rule ids (and concerns) the agent dismissed: they stay quiet for this conversation. */
  readonly dismissedFlags?: ReadonlySet<string>;
}

/** Everything the engine suggests for `input` (all but the timing, which the caller adds). */
export function assess(engine: AssistEngine, input: AssessInput): Omit<Suggestions, 'ms'> {
  const turns = input.turns;
  const queryTurns = turns.map(({ role, text }) => ({ role, text }));
  const { intent, candidates } = chooseIntent(engine, queryTurns, input.pickedIntent);
  const known = intent ? engine.intents.get(intent.id) : undefined;
  const perTurn = turns.map((t) =>
    t.role === 'customer' ? clamp(scoreSentiment(t.text)) : Number.NaN,
  );
  const history = perTurn.filter((score) => !Number.isNaN(score));
  const sentiment = {
    score: history.at(-1) ?? 0,
    trend: sentimentTrend(history),
    history,
  };
  const dismissed = input.dismissedFlags ?? new Set<string>();
  const escalation = escalationFlags(turns, {
    rules: engine.rules,
    intentId: intent?.id ?? null,
    ...(known?.intent.escalate ? { intentEscalate: known.intent.escalate } : {}),
    sentiment: perTurn,
  }).filter(
    (flag) =>
      !(flag.ruleId !== undefined && dismissed.has(flag.ruleId)) &&
      !(flag.concern !== undefined && dismissed.has(flag.concern)),
  );
  const entities = extractEntities(turns);
  const nextActions = checklist(known?.intent ?? null, turns, input.manualSteps ?? new Map());
  const replies = suggestReplies({
    responses: engine.responses,
    intentId: intent?.id ?? null,
    ...(known ? { intentResponses: known.intent.responses } : {}),
    turns,
    entities: entityMentions(turns),
    hits: input.hits,
    limit: input.replyLimit ?? 5,
    flags: escalation,
    groundworkDone: known ? groundworkDone(nextActions) : turns.some((t) => t.role === 'agent'),
    replyArticles: engine.replyArticles,
  });
  return {
    intent,
    candidates,
    sentiment,
    escalation,
    articles: [...input.hits],
    replies,
    nextActions,
    summary: { gist: liveGist(turns), entities },
  };
}

/** The conversation's intent as the screen shows it: the agent's pick, else the engine's. */
function chooseIntent(
  engine: AssistEngine,
  turns: readonly QueryTurn[],
  picked: AssessInput['pickedIntent'],
): Pick<Suggestions, 'intent' | 'candidates'> {
  if (picked?.id != null) {
    const known = engine.intents.get(picked.id);
    if (known) return { intent: describeIntent(engine, picked.id, 1, 'agent'), candidates: [] };
  }
  if (picked && picked.id === null) {
    const customerSince = turns.slice(picked.atTurn).some((t) => t.role === 'customer');
    if (!customerSince) return { intent: null, candidates: [] };
  }
  const { intent, candidates } = conversationIntent(engine.intentModel, turns);
  return {
    intent: intent ? describeIntent(engine, intent.id, intent.confidence, 'engine') : null,
    candidates: candidates.slice(0, 3).map((c) => {
      const { id, label, confidence, packId } = describeIntent(
        engine,
        c.id,
        c.confidence,
        'engine',
      );
      return { id, label, confidence, ...(packId === undefined ? {} : { packId }) };
    }),
  };
}

/** The detected intent with its pack's label, description and pack id. */
function describeIntent(
  engine: AssistEngine,
  id: string,
  confidence: number,
  by: 'engine' | 'agent',
): NonNullable<Suggestions['intent']> {
  const known = engine.intents.get(id);
  return {
    id,
    label: known ? intentLabel(known.intent) : id,
    confidence: Math.min(1, Math.max(0, confidence)),
    ...(known ? { description: known.intent.description, packId: known.packId } : {}),
    by,
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
