/**
 * The running assist engine. It keeps the live conversation (turns from typing, the clipboard
 * watch, the ingest endpoint and call transcripts all arrive through `addTurn`), recomputes the
 * suggestions on every new customer turn (an agent turn only refreshes the checklist), drops a
 * suggestion computed for an older turn when a newer one has arrived, and emits
 * `assist:updated`. Privacy by where text goes: the conversation in memory and on the agent's
 * screen keeps the original text (the agent needs the real address or phone number); whatever is
 * stored (the feedback log, speech corrections) or sent (the generation endpoint) goes through
 * `redactForStorage`, which masks the conversation's known names and ids as well as what the
 * PII detectors find.
 */
import { NO_INTENT } from '../../../shared/learning/intent-examples';
import {
  assess,
  handoff,
  prepareEngine,
  type AssessInput,
  type AssistEngine,
  type PackPlaybook,
} from '../../../shared/assist/engine';
import { knownPersonal, redactStored, type KnownPersonal } from '../../../shared/assist/privacy';
import { isKnowledgeGap } from '../../../shared/assist/engine-gaps';
import type { AssistLearning } from '../../../shared/learning/assist-learning';
import { editDistance, editRatio } from '../../../shared/learning/edits';
import { AppError } from '../../../shared/result';
import type {
  Suggestions,
  AssistState,
  FeedbackRequest,
  Summary,
} from '../../../shared/schemas/assist';
import type { EventBus } from '../core/event-bus';
import type { AssistKnowledge } from './assist-knowledge';
import { ConversationState } from './conversation-state';
import type { FeedbackLog, FeedbackRecord } from './feedback-log';
import { KnownPersonalTally } from './known-personal-tally';
import type { IncomingTurn, TurnSink } from './turn-sink';
import { checkTurnCap, turnWindow, windowStart, withEarlierFindings } from './turn-window';

export interface AssistServiceOptions {
  bus: EventBus;
  knowledge: AssistKnowledge;
  feedback: FeedbackLog;
  /** Minutes without a turn before the conversation ends by itself (read at every turn). */
  idleTimeoutMinutes: () => number;
  now?: () => number;
  /** Passages cited per update. */
  articles?: number;
  /** Turns one conversation may hold (default `MAX_CONVERSATION_TURNS`). */
  maxTurns?: number;
  /** What the device learned from its agent's decisions (the learning capability). */
  learning?: AssistLearning;
}

const EDIT_LIMIT = 4000;

export class AssistService implements TurnSink {
  private state: ConversationState | null = null;
  private suggestions: Suggestions | null = null;
  private hits: Suggestions['articles'] = [];
  private handoffSummary: Summary | null = null;
  private generation: AssistState['generation'] = null;
  private seq = 0;
  private turnSeq = 0;
  private engine: PreparedEngine | null = null;
  private idle: NodeJS.Timeout | null = null;
  private known: { state: ConversationState; tally: KnownPersonalTally } | null = null;
  private readonly now: () => number;

  constructor(private readonly options: AssistServiceOptions) {
    this.now = options.now ?? Date.now;
  }

  /** The conversation, the latest suggestions and the handoff summary, as the UI shows them. */
  getState(): AssistState {
    return {
      conversation: this.state?.snapshot() ?? null,
      suggestions: this.suggestions,
      seq: this.seq,
      handoff: this.handoffSummary,
      generation: this.generation,
    };
  }

  /** Starts a new conversation (ending the current one first). */
  start(): AssistState {
    if (this.state && !this.state.ended) this.finish('agent');
    this.state = new ConversationState(this.now());
    this.suggestions = null;
    this.hits = [];
    this.handoffSummary = null;
    this.generation = null;
    return this.publish();
  }

  /** Ends the conversation and writes its handoff summary. */
  end(): AssistState {
    if (!this.state || this.state.ended) {
      throw new AppError('conflict', 'There is no conversation in progress to end.');
    }
    this.finish('agent');
    return this.publish();
  }

  /** Adds a finished turn; resolves once the suggestions for it are computed (or dropped). */
  async addTurn(turn: IncomingTurn): Promise<void> {
    if (!this.state || this.state.ended) this.start();
    const state = this.state!;
    checkTurnCap(state.conversation.turns.length, this.options.maxTurns);
    const text = turn.text.trim();
    const added = state.push({
      role: turn.role,
      text,
      at: turn.at ?? this.now(),
      source: turn.source,
    });
    this.armIdle();
    if (turn.role === 'agent') await this.noteAgentTurn(state, text);
    const mySeq = ++this.turnSeq;
    // Building the intent model (once per pack set) is not part of a turn's latency.
    this.currentEngine();
    const started = performance.now();
    // A long conversation's update reads a window of it (turn-window.ts).
    const window = turnWindow(state.conversation.turns);
    if (turn.role === 'customer' || !this.suggestions) {
      const queryTurns = window.map(({ role, text: t }) => ({ role, text: t }));
      const hits = await this.options.knowledge.searchTurns(
        queryTurns,
        this.options.articles ?? 5,
        {
          intentId: this.suggestions?.intent?.id ?? null,
          conversationId: state.conversation.id,
        },
      );
      // A newer turn arrived while searching: its update supersedes this one.
      if (mySeq !== this.turnSeq || state !== this.state) return;
      this.hits = hits;
    }
    const result = this.assessWindow(state);
    this.suggestions = { ...result, ms: Math.round((performance.now() - started) * 10) / 10 };
    this.publish();
    if (turn.role === 'customer') await this.logAssessed(state, added.index, text);
  }

  /**
   * `text` as it may be stored or sent: the live conversation's known names and ids masked,
   * then whatever the PII detectors find (speech corrections and the generation endpoint use
   * it too).
   */
  redactForStorage(text: string): string {
    return redactStored(text, this.knownPersonal());
  }

  /**
   * Assesses a whole conversation on its own, outside the live one (`inloop assist`): the same
   * search and engine on the same original text as the live path, so both give the same answer;
   * the result is redacted (its output is usually stored), names and ids included.
   */
  async assessOnce(
    turns: readonly { role: 'customer' | 'agent'; text: string }[],
  ): Promise<Suggestions> {
    this.currentEngine();
    const started = performance.now();
    const full = turns.map((turn, index) => ({
      index,
      role: turn.role,
      text: turn.text,
      at: 0,
      source: 'typed' as const,
    }));
    const queryTurns = full.map(({ role, text }) => ({ role, text }));
    const hits = await this.options.knowledge.searchTurns(queryTurns, this.options.articles ?? 5);
    const result = this.assessLearned({ turns: full, hits });
    const known = knownPersonal(turns);
    const redacted = redactStrings(result, (text) => redactStored(text, known));
    return { ...redacted, ms: Math.round((performance.now() - started) * 10) / 10 };
  }

  /**
   * The agent ticks or unticks a step of the checklist; on a step the engine only suggested,
   * that confirms or dismisses the suggestion (logged as feedback, in the background: the log
   * keeps call order).
   */
  setStep(stepId: string, done: boolean): AssistState {
    const state = this.requireConversation();
    const steps = this.suggestions?.nextActions ?? [];
    const position = steps.findIndex((step) => step.id === stepId);
    if (position < 0) throw new AppError('not_found', `The checklist has no step '${stepId}'.`);
    state.manualSteps.set(stepId, done);
    this.refresh();
    if (steps[position]!.suggested) {
      void this.record(state, {
        kind: done ? 'confirmed' : 'dismissed',
        target: 'step',
        id: stepId,
        position,
      }).catch(() => undefined);
    }
    return this.publish();
  }

  /**
   * The agent picks the conversation's intent (one key): an id is the intent from then on, null
   * ("none of these") clears the candidates until the customer says more. Logged as feedback.
   */
  async pickIntent(intentId: string | null): Promise<AssistState> {
    const state = this.requireConversation();
    if (intentId !== null && !this.currentEngine().intents.has(intentId)) {
      throw new AppError('not_found', `No installed pack has the intent '${intentId}'.`);
    }
    const shown = this.suggestions?.candidates ?? [];
    const position = shown.findIndex((c) => c.id === intentId);
    // Logged against what the agent saw when deciding (learning compares it with the pick).
    await this.record(state, {
      kind: 'picked',
      target: 'intent',
      id: intentId ?? NO_INTENT,
      ...(position >= 0 ? { position } : {}),
    });
    state.pickedIntent = { id: intentId, atTurn: state.conversation.turns.length };
    this.refresh();
    return this.publish();
  }

  /**
   * The agent says a flag is not an escalation here: its rule (and its concern) stays quiet for
   * the rest of this conversation. Logged as feedback.
   */
  async dismissFlag(ruleId: string): Promise<AssistState> {
    const state = this.requireConversation();
    const flags = this.suggestions?.escalation ?? [];
    const position = flags.findIndex((f) => f.ruleId === ruleId);
    const flag = flags[position];
    if (!flag) throw new AppError('not_found', `No flag with the rule '${ruleId}' is shown.`);
    state.dismissedFlags.add(ruleId);
    if (flag.concern) state.dismissedFlags.add(flag.concern);
    this.refresh();
    await this.record(state, { kind: 'dismissed', target: 'flag', id: ruleId, position });
    return this.publish();
  }

  /** Records what the agent did with a suggestion; false when recording is off. */
  async feedback(request: FeedbackRequest): Promise<{ recorded: boolean }> {
    const state = this.requireConversation();
    const text = request.text === undefined ? undefined : this.redactForStorage(request.text);
    if (request.kind === 'copied' || request.kind === 'inserted') {
      (request.target === 'reply' ? state.repliesUsed : state.articlesUsed).add(request.id);
      if (request.target === 'reply' && text) state.lastCopied = { id: request.id, text };
    }
    const recorded = await this.record(state, {
      kind: request.kind,
      target: request.target,
      id: request.id,
      ...(text === undefined ? {} : { text }),
      ...(request.position === undefined ? {} : { position: request.position }),
    });
    return { recorded };
  }

  /** The structured handoff summary of the conversation so far, and its plain text. */
  handoff(): { summary: Summary; text: string } {
    const state = this.requireConversation();
    const result = this.summarise(state);
    this.handoffSummary = result.summary;
    this.publish();
    return result;
  }

  /** The latest suggestions' sources, for the generated reply. */
  generationContext(): {
    conversationId: string;
    turns: AssistState['conversation'];
    hits: Suggestions['articles'];
  } {
    const state = this.requireConversation();
    return { conversationId: state.conversation.id, turns: state.snapshot(), hits: this.hits };
  }

  /**
   * Keeps a generated reply's progress in the state `assist:get-state` answers. Progress is
   * published once, as `assist:generation` (the runner's), not as a whole `assist:updated`.
   */
  setGeneration(generation: AssistState['generation']): void {
    this.generation = generation;
  }

  close(): void {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
  }

  private finish(reason: 'agent' | 'idle'): void {
    const state = this.state!;
    state.end(this.now(), reason);
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    this.handoffSummary = this.summarise(state).summary;
  }

  private summarise(state: ConversationState): { summary: Summary; text: string } {
    const assist = this.suggestions ?? {
      ...assess(this.currentEngine(), { ...this.assessInput(state), hits: [] }),
    };
    return handoff(this.currentEngine(), {
      turns: state.conversation.turns,
      assist,
      repliesUsed: [...state.repliesUsed],
      articlesUsed: [...state.articlesUsed],
      ended: state.ended,
    });
  }

  private refresh(): void {
    const state = this.state;
    if (!state || !this.suggestions) return;
    const result = this.assessWindow(state);
    this.suggestions = { ...result, ms: this.suggestions.ms };
  }

  /** The engine on the conversation's window, keeping what it showed from older turns. */
  private assessWindow(state: ConversationState): Omit<Suggestions, 'ms'> {
    const result = this.assessLearned(this.assessInput(state));
    return withEarlierFindings(
      result,
      this.suggestions,
      windowStart(state.conversation.turns.length),
      state.dismissedFlags,
    );
  }

  /** What the engine assesses for the live conversation: its window and the agent's decisions. */
  private assessInput(state: ConversationState): AssessInput {
    return {
      turns: turnWindow(state.conversation.turns),
      hits: this.hits,
      manualSteps: state.manualSteps,
      dismissedFlags: state.dismissedFlags,
      ...(state.pickedIntent ? { pickedIntent: state.pickedIntent } : {}),
    };
  }

  /** Appends one decision of the agent's to the feedback log. */
  private record(
    state: ConversationState,
    decision: Omit<Extract<FeedbackRecord, { target: unknown }>, 'at' | 'conversationId'>,
  ): Promise<boolean> {
    return this.options.feedback.append({
      at: this.now(),
      conversationId: state.conversation.id,
      ...decision,
    });
  }

  /** The engine's assessment with what the device learned applied (replies, flags). */
  private assessLearned(input: Parameters<typeof assess>[1]): ReturnType<typeof assess> {
    const result = assess(this.currentEngine(), input);
    return this.options.learning?.adjust(result) ?? result;
  }

  private currentEngine(): AssistEngine {
    const packs = this.options.knowledge.content();
    const learned = this.options.learning?.intentExamples();
    const now = this.now();
    const current = this.engine;
    const rebuild = engineRebuild(current, packs, learned, now);
    if (current && rebuild === 'keep') return current.engine;
    const next: PreparedEngine = {
      packs,
      learned,
      engine: prepareEngine(packs, learned),
      learnedAt: rebuild === 'learned' ? now : (current?.learnedAt ?? -Infinity),
    };
    this.engine = next;
    return next.engine;
  }

  private async noteAgentTurn(state: ConversationState, original: string): Promise<void> {
    const copied = state.lastCopied;
    if (!copied) return;
    state.lastCopied = null;
    // Both sides redacted alike, so masking does not count as editing.
    const text = this.redactForStorage(original);
    const distance = editDistance(copied.text.slice(0, EDIT_LIMIT), text.slice(0, EDIT_LIMIT));
    await this.options.feedback.append({
      at: this.now(),
      conversationId: state.conversation.id,
      kind: 'edited',
      id: copied.id,
      distance,
      ratio: editRatio(distance, copied.text.slice(0, EDIT_LIMIT), text.slice(0, EDIT_LIMIT)),
      text: text.slice(0, EDIT_LIMIT),
    });
  }

  private async logAssessed(state: ConversationState, turn: number, text: string): Promise<void> {
    const gap = isKnowledgeGap(text, this.hits);
    const shown = this.suggestions;
    await this.options.feedback.append({
      at: this.now(),
      conversationId: state.conversation.id,
      kind: 'assessed',
      turn,
      intentId: this.suggestions?.intent?.id ?? null,
      escalations: (this.suggestions?.escalation ?? [])
        .filter((f) => f.turn === turn)
        .map((f) => f.reason),
      ...(gap ? { gap: this.redactForStorage(text) } : {}),
      articles: [...new Set((shown?.articles ?? []).map((a) => a.articleId))],
      replies: (shown?.replies ?? []).flatMap((r) => (r.source === 'canned' && r.id ? [r.id] : [])),
    });
  }

  /** The live conversation's known names and ids, each new turn read once (known-personal-tally.ts). */
  private knownPersonal(): KnownPersonal {
    const state = this.state;
    if (!state) return { names: [], ids: [] };
    if (this.known?.state !== state) this.known = { state, tally: new KnownPersonalTally() };
    return this.known.tally.of(state.conversation.turns);
  }

  private armIdle(): void {
    if (this.idle) clearTimeout(this.idle);
    const ms = this.options.idleTimeoutMinutes() * 60_000;
    this.idle = setTimeout(() => {
      this.idle = null;
      if (this.state && !this.state.ended) {
        this.finish('idle');
        this.publish();
      }
    }, ms);
    this.idle.unref?.();
  }

  private requireConversation(): ConversationState {
    if (!this.state) {
      throw new AppError('conflict', 'No conversation yet: start one or add a turn first.');
    }
    return this.state;
  }

  private publish(): AssistState {
    this.seq += 1;
    const snapshot = this.getState();
    this.options.bus.emit('assist:updated', snapshot);
    return snapshot;
  }
}

/** The engine in use, what it was prepared from, and when learning last made it retrain. */
export interface PreparedEngine {
  readonly packs: readonly PackPlaybook[];
  readonly learned: ReadonlyMap<string, readonly string[]> | undefined;
  readonly engine: AssistEngine;
  /** When new learned examples last rebuilt it (ms); -Infinity before they ever did. */
  readonly learnedAt: number;
}

/**
 * How often new learned examples may retrain the intent model. A retrain is the whole model
 * with its cross-validated calibration (~0.3–0.5 s on the main process for the example pack),
 * and a busy agent picks intents many times a minute; retraining on each pick kept the
 * process's event loop blocked for a third of a shift (`npm run soak`: loop p99 350–680 ms).
 * The pick itself applies to its conversation at once; the next conversations learn from it
 * at most this much later.
 */
export const LEARNED_RETRAIN_MS = 10_000;

/**
 * Whether the engine must be prepared again (pure): at once when the packs changed or there is
 * none yet ('packs'); when only the learned examples changed, at once the first time and then
 * at most every `LEARNED_RETRAIN_MS` ('learned'), the latest examples winning, and at once when
 * there are none any more (learning turned off or cleared); else 'keep'.
 */
export function engineRebuild(
  current: PreparedEngine | null,
  packs: readonly PackPlaybook[],
  learned: ReadonlyMap<string, readonly string[]> | undefined,
  now: number,
): 'packs' | 'learned' | 'keep' {
  if (!current || !samePacks(current.packs, packs)) return 'packs';
  if (current.learned === learned) return 'keep';
  // Learning turned off or cleared: the agent expects that at once.
  if (learned === undefined) return 'learned';
  return now - current.learnedAt >= LEARNED_RETRAIN_MS ? 'learned' : 'keep';
}

/** True when both lists hold the same packs' content (by identity: a reload makes new arrays). */
function samePacks(a: readonly PackPlaybook[], b: readonly PackPlaybook[]): boolean {
  return (
    a === b ||
    (a.length === b.length &&
      a.every((p, i) => {
        const q = b[i]!;
        return (
          p.packId === q.packId &&
          p.intents === q.intents &&
          p.responses === q.responses &&
          p.rules === q.rules
        );
      }))
  );
}

/** `value` with every string in it passed through `redact` (a copy; the structure kept). */
function redactStrings<T>(value: T, redactText: (text: string) => string): T {
  if (typeof value === 'string') return redactText(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => redactStrings(v, redactText)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, redactStrings(v, redactText)]),
    ) as T;
  }
  return value;
}
