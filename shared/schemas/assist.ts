/**
 * What the assist engine says about a conversation: the one shape the overlay panels, the
 * `assist:*` channels and `inloop assist --json` share. Outside evaluation reads the JSON form
 * of `Suggestions`: keep its field names stable (add fields, never rename).
 */
import { z } from 'zod';
import { SeveritySchema } from '../packs/pack-schemas';
import { RoleSchema, SearchHitSchema } from './knowledge';

/** Where a turn came from. */
export const TurnSourceSchema = z.enum(['typed', 'clipboard', 'ingest', 'speech']);
export type TurnSource = z.infer<typeof TurnSourceSchema>;

/**
 * One turn of the live conversation. In memory and on the agent's screen `text` is the ORIGINAL
 * text; everything stored (feedback log, corrections, learned state, report) or sent (the
 * generation endpoint) is redacted on the way out, names and ids included.
 */
export const ConversationTurnSchema = z.object({
  /** 0-based position in the conversation. */
  index: z.number().int().min(0),
  role: RoleSchema,
  text: z.string(),
  /** Milliseconds since the epoch. */
  at: z.number(),
  source: TurnSourceSchema,
});
export type ConversationTurn = z.infer<typeof ConversationTurnSchema>;

/** One intent the engine offers for the agent to pick when it is unsure. */
export const IntentCandidateSchema = z.object({
  id: z.string(),
  /** The pack's human label, e.g. "Change address". */
  label: z.string(),
  /** Calibrated probability, 0..1. */
  confidence: z.number().min(0).max(1),
  packId: z.string().optional(),
});
export type IntentCandidate = z.infer<typeof IntentCandidateSchema>;

/** The conversation's intent, or null for "no intent" (the engine is unsure or nothing fits). */
export const DetectedIntentSchema = z.object({
  id: z.string(),
  /** The pack's human label, e.g. "Change address". */
  label: z.string(),
  confidence: z.number().min(0).max(1),
  /** The pack's description of the intent, for the UI. */
  description: z.string().optional(),
  packId: z.string().optional(),
  /** Who set it: the engine (detected) or the agent (picked with `assist:pick-intent`). */
  by: z.enum(['engine', 'agent']).optional(),
});
export type DetectedIntent = z.infer<typeof DetectedIntentSchema>;

export const SentimentSchema = z.object({
  /** The latest customer turn, -1 (very negative) .. 1 (very positive). */
  score: z.number().min(-1).max(1),
  trend: z.enum(['improving', 'steady', 'worsening']),
  /** One score per customer turn, oldest first. */
  history: z.array(z.number()).optional(),
});

/** One escalation flag: why, how serious, and the turn (index) that raised it. */
export const EscalationFlagSchema = z.object({
  reason: z.string(),
  severity: SeveritySchema,
  turn: z.number().int().min(0),
  /** The pack rule or built-in trigger id (what `assist:dismiss-flag` names). */
  ruleId: z.string().optional(),
  /** The concern the flag stands for, e.g. "churn": one flag per concern. */
  concern: z.string().optional(),
});
export type EscalationFlag = z.infer<typeof EscalationFlagSchema>;

export const ReplySourceSchema = z.enum(['canned', 'snippet', 'generated']);

/** A reply the agent may copy: a canned reply filled in, a grounded snippet, or a generated one. */
export const ReplySuggestionSchema = z.object({
  /** The canned reply's id; absent for snippets and generated replies. */
  id: z.string().optional(),
  text: z.string(),
  source: ReplySourceSchema,
  title: z.string().optional(),
  /** Placeholders left blank because the conversation does not tell them, e.g. ["order_id"]. */
  missing: z.array(z.string()).optional(),
  /**
   * Each unfilled placeholder, shown in `text` as `[label]`: the UI asks for each before the
   * reply is copied.
   */
  blanks: z.array(z.object({ name: z.string(), label: z.string() })).optional(),
  /**
   * Why this reply must not be sent now (e.g. "A chargeback is open: do not promise a refund");
   * the UI shows it greyed with the reason and never copies it.
   */
  withheld: z.string().optional(),
  /** Articles the text rests on (snippets and generated replies). */
  citations: z
    .array(z.object({ articleId: z.string(), title: z.string(), packId: z.string() }))
    .optional(),
});
export type ReplySuggestion = z.infer<typeof ReplySuggestionSchema>;

/** One step of the detected intent's playbook. */
export const NextActionStateSchema = z.object({
  id: z.string(),
  text: z.string(),
  done: z.boolean(),
  /** Who ticked it: the engine (from the agent's turns) or the agent. */
  by: z.enum(['engine', 'agent']).optional(),
  /**
   * The engine thinks the step was done but is not sure: `done` stays false until the agent
   * confirms (`assist:set-step` done:true) or dismisses it (done:false).
   */
  suggested: z.boolean().optional(),
});
export type NextActionState = z.infer<typeof NextActionStateSchema>;

export const EntitySchema = z.object({
  kind: z.enum(['name', 'order', 'account', 'email', 'phone', 'date', 'amount', 'other']),
  value: z.string(),
  turn: z.number().int().min(0),
  /** Who said it. */
  role: RoleSchema.optional(),
  /**
   * For dates: when it stands as said, past ("since 3 March"), a promise already made ("you
   * said by 2 March") or ahead ("by Friday"); absent when the words do not say.
   */
  time: z.enum(['past', 'promised', 'future']).optional(),
});
export type Entity = z.infer<typeof EntitySchema>;

/** The live gist, and at handoff the structured summary. */
export const SummarySchema = z.object({
  gist: z.string(),
  customer: z.string().nullable().optional(),
  intent: z.string().nullable().optional(),
  /** The issue in the customer's own key sentences. */
  issue: z.array(z.string()).optional(),
  entities: z.array(EntitySchema).optional(),
  actionsTaken: z.array(z.string()).optional(),
  articlesUsed: z.array(z.string()).optional(),
  repliesUsed: z.array(z.string()).optional(),
  resolution: z.enum(['resolved', 'unresolved', 'escalated', 'unknown']).optional(),
  sentimentTrend: z.string().optional(),
  escalationReasons: z.array(z.string()).optional(),
  followUps: z.array(z.string()).optional(),
  /** The customer's first statement of need, as the handoff's "Issue" line. */
  issueStatement: z.string().optional(),
  /** What was tried (steps confirmed or done, replies and articles used). */
  tried: z.array(z.string()).optional(),
  /** Where the conversation ended up. */
  outcome: z.string().optional(),
  /** What the next agent should do first. */
  nextStep: z.string().optional(),
  /** Key details, labelled and deduplicated, e.g. { label: "Order", value: "4417-2209" }. */
  details: z.array(z.object({ label: z.string(), value: z.string() })).optional(),
});
export type Summary = z.infer<typeof SummarySchema>;

/** Everything the engine suggests for a conversation at one moment. */
export const SuggestionsSchema = z.object({
  intent: DetectedIntentSchema.nullable(),
  /**
   * At most 3 intents for the agent to pick from; non-empty only when `intent` is null because
   * the engine is unsure. Always present.
   */
  candidates: z.array(IntentCandidateSchema).max(3),
  sentiment: SentimentSchema,
  escalation: z.array(EscalationFlagSchema),
  articles: z.array(SearchHitSchema),
  replies: z.array(ReplySuggestionSchema),
  nextActions: z.array(NextActionStateSchema),
  summary: SummarySchema,
  /** Milliseconds the engine took for this update. */
  ms: z.number(),
});
export type Suggestions = z.infer<typeof SuggestionsSchema>;

// ── The live conversation and the assist channels (electron/services/assist) ──

/** One conversation as the service keeps it (original text: redacted only when stored or sent). */
export const ConversationSchema = z.object({
  id: z.string(),
  startedAt: z.number(),
  /** Set when the conversation ended (explicitly or on the idle timeout). */
  endedAt: z.number().nullable(),
  endReason: z.enum(['agent', 'idle']).nullable(),
  turns: z.array(ConversationTurnSchema),
});
export type Conversation = z.infer<typeof ConversationSchema>;

/** A streamed generated reply: its text so far and where it stands. */
export const GenerationStateSchema = z.object({
  conversationId: z.string(),
  status: z.enum(['streaming', 'done', 'cancelled', 'failed']),
  text: z.string(),
  /** Why it failed, for the UI. */
  error: z.string().optional(),
  citations: ReplySuggestionSchema.shape.citations,
});
export type GenerationState = z.infer<typeof GenerationStateSchema>;

/** What `assist:updated` carries and `assist:get-state` answers. */
export const AssistStateSchema = z.object({
  conversation: ConversationSchema.nullable(),
  /** The suggestions for the latest customer turn; null before the first one. */
  suggestions: SuggestionsSchema.nullable(),
  /** Grows with every recompute; a UI drops an update older than the one it shows. */
  seq: z.number().int().min(0),
  /** The structured handoff summary, once asked for or at the end. */
  handoff: SummarySchema.nullable(),
  generation: GenerationStateSchema.nullable(),
});
export type AssistState = z.infer<typeof AssistStateSchema>;

const TurnTextSchema = z.string().trim().min(1, 'the turn has no text').max(20_000);

/** `assist:add-turn`: a turn the agent typed or pasted. */
export const AddTurnRequestSchema = z.object({ role: RoleSchema, text: TurnTextSchema }).strict();

/** `POST /v1/turns` of the ingest endpoint. */
export const IngestTurnSchema = z
  .object({
    role: RoleSchema,
    text: TurnTextSchema,
    conversationId: z.string().max(200).optional(),
  })
  .strict();

/** `assist:set-step`: the agent ticks or unticks a step of the checklist. */
export const SetStepRequestSchema = z
  .object({ stepId: z.string().min(1).max(128), done: z.boolean() })
  .strict();

/** `assist:pick-intent`: the agent picks the conversation's intent (null = "none of these"). */
export const PickIntentRequestSchema = z
  .object({ intentId: z.string().min(1).max(128).nullable() })
  .strict();

/** `assist:dismiss-flag`: "not an escalation here"; the rule stays quiet for this conversation. */
export const DismissFlagRequestSchema = z.object({ ruleId: z.string().min(1).max(128) }).strict();

export const FeedbackKindSchema = z.enum([
  'displayed',
  'clicked',
  'copied',
  'inserted',
  'thumbs-up',
  'thumbs-down',
  'opened',
  'dismissed',
  'sent',
  'picked',
  'confirmed',
]);
export type FeedbackKind = z.infer<typeof FeedbackKindSchema>;

/** What a feedback record is about. */
export const FeedbackTargetSchema = z.enum(['reply', 'article', 'intent', 'flag', 'step']);
export type FeedbackTarget = z.infer<typeof FeedbackTargetSchema>;

/** `assist:feedback`: what the agent did with a suggestion. */
export const FeedbackRequestSchema = z
  .object({
    kind: FeedbackKindSchema,
    target: FeedbackTargetSchema,
    /**
     * The canned reply id, the article id, `snippet:<articleId>` / `generated`, the intent id,
     * the flag's rule id or the step id.
     */
    id: z.string().min(1).max(400),
    /** The suggestion's text as shown (redacted before it is stored). */
    text: z.string().max(20_000).optional(),
    /** The 0-based rank the item was shown at. */
    position: z.number().int().min(0).max(1000).optional(),
  })
  .strict();
export type FeedbackRequest = z.infer<typeof FeedbackRequestSchema>;

export const HandoffSchema = z.object({ summary: SummarySchema, text: z.string() });

/** Where the ingest endpoint listens and where its token is kept (never the token itself). */
export const IngestInfoSchema = z.object({
  url: z.string().nullable(),
  tokenStorage: z.enum(['keychain', 'file']).nullable(),
  /** Why the endpoint is not running, when it is not. */
  reason: z.string().nullable(),
});
export type IngestInfo = z.infer<typeof IngestInfoSchema>;
