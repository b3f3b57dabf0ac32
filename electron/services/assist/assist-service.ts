/**
 * The running assist engine. It keeps the live conversation (turns from typing, the clipboard
 * watch, the ingest endpoint and call transcripts all arrive through `addTurn`), recomputes the
 * suggestions on every new customer turn (an agent turn only refreshes the checklist), drops a
 * suggestion computed for an older turn when a newer one has arrived, and emits
 * `assist:updated`. Turn text is redacted on arrival: the redacted text is what is stored,
 * logged and sent anywhere; masked tokens show as such in the UI.
 */
import {
  assess,
  handoff,
  prepareEngine,
  type AssistEngine,
  type PackPlaybook,
} from '../../../shared/assist/engine';
import { redact } from '../../../shared/assist/pii/redact';
import { answerCoverage, GAP_COVERAGE, isQuestion } from '../../../shared/assist/engine-gaps';
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
import { editDistance, type FeedbackLog } from './feedback-log';
import type { IncomingTurn, TurnSink } from './turn-sink';

export interface AssistServiceOptions {
  bus: EventBus;
  knowledge: AssistKnowledge;
  feedback: FeedbackLog;
  /** Minutes without a turn before the conversation ends by itself (read at every turn). */
  idleTimeoutMinutes: () => number;
  now?: () => number;
  /** Passages cited per update. */
  articles?: number;
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
  private engine: { packs: readonly PackPlaybook[]; engine: AssistEngine } | null = null;
  private idle: NodeJS.Timeout | null = null;
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
    const text = redact(turn.text.trim()).text;
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
    if (turn.role === 'customer' || !this.suggestions) {
      const queryTurns = state.conversation.turns.map(({ role, text: t }) => ({ role, text: t }));
      const hits = await this.options.knowledge.searchTurns(queryTurns, this.options.articles ?? 5);
      // A newer turn arrived while searching: its update supersedes this one.
      if (mySeq !== this.turnSeq || state !== this.state) return;
      this.hits = hits;
    }
    const result = assess(this.currentEngine(), {
      turns: state.conversation.turns,
      hits: this.hits,
      manualSteps: state.manualSteps,
    });
    this.suggestions = { ...result, ms: Math.round((performance.now() - started) * 10) / 10 };
    this.publish();
    if (turn.role === 'customer') await this.logAssessed(state, added.index, text);
  }

  /**
   * Assesses a whole conversation on its own, outside the live one (`inloop assist`): the same
   * search and engine as the live path, so both give the same answer.
   */
  async assessOnce(
    turns: readonly { role: 'customer' | 'agent'; text: string }[],
  ): Promise<Suggestions> {
    this.currentEngine();
    const started = performance.now();
    const redacted = turns.map((turn, index) => ({
      index,
      role: turn.role,
      text: redact(turn.text).text,
      at: 0,
      source: 'typed' as const,
    }));
    const queryTurns = redacted.map(({ role, text }) => ({ role, text }));
    const hits = await this.options.knowledge.searchTurns(queryTurns, this.options.articles ?? 5);
    const result = assess(this.currentEngine(), { turns: redacted, hits });
    return { ...result, ms: Math.round((performance.now() - started) * 10) / 10 };
  }

  /** The agent ticks or unticks a step of the checklist. */
  setStep(stepId: string, done: boolean): AssistState {
    const state = this.requireConversation();
    if (!this.suggestions?.nextActions.some((step) => step.id === stepId)) {
      throw new AppError('not_found', `The checklist has no step '${stepId}'.`);
    }
    state.manualSteps.set(stepId, done);
    this.refresh();
    return this.publish();
  }

  /** Records what the agent did with a suggestion; false when recording is off. */
  async feedback(request: FeedbackRequest): Promise<{ recorded: boolean }> {
    const state = this.requireConversation();
    const text = request.text === undefined ? undefined : redact(request.text).text;
    if (request.kind === 'copied' || request.kind === 'inserted') {
      (request.target === 'reply' ? state.repliesUsed : state.articlesUsed).add(request.id);
      if (request.target === 'reply' && text) state.lastCopied = { id: request.id, text };
    }
    const recorded = await this.options.feedback.append({
      at: this.now(),
      conversationId: state.conversation.id,
      kind: request.kind,
      target: request.target,
      id: request.id,
      ...(text === undefined ? {} : { text }),
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
      ...assess(this.currentEngine(), { turns: state.conversation.turns, hits: [] }),
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
    const result = assess(this.currentEngine(), {
      turns: state.conversation.turns,
      hits: this.hits,
      manualSteps: state.manualSteps,
    });
    this.suggestions = { ...result, ms: this.suggestions.ms };
  }

  private currentEngine(): AssistEngine {
    const packs = this.options.knowledge.content();
    if (!this.engine || !samePacks(this.engine.packs, packs)) {
      this.engine = { packs, engine: prepareEngine(packs) };
    }
    return this.engine.engine;
  }

  private async noteAgentTurn(state: ConversationState, text: string): Promise<void> {
    const copied = state.lastCopied;
    if (!copied) return;
    state.lastCopied = null;
    const distance = editDistance(copied.text.slice(0, EDIT_LIMIT), text.slice(0, EDIT_LIMIT));
    await this.options.feedback.append({
      at: this.now(),
      conversationId: state.conversation.id,
      kind: 'edited',
      id: copied.id,
      distance,
      ratio: Math.round((distance / Math.max(1, copied.text.length)) * 1000) / 1000,
    });
  }

  private async logAssessed(state: ConversationState, turn: number, text: string): Promise<void> {
    const gap = isQuestion(text) && answerCoverage(text, this.hits) < GAP_COVERAGE;
    await this.options.feedback.append({
      at: this.now(),
      conversationId: state.conversation.id,
      kind: 'assessed',
      turn,
      intentId: this.suggestions?.intent?.id ?? null,
      escalations: (this.suggestions?.escalation ?? [])
        .filter((f) => f.turn === turn)
        .map((f) => f.reason),
      ...(gap ? { gap: text } : {}),
    });
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
