/**
 * The live conversation's mutable parts, kept together: the conversation, the agent's manual
 * ticks, picked intent and dismissed flags, what was used, and the last reply the agent copied
 * (to measure how much they edited it).
 */
import { randomUUID } from 'node:crypto';
import type { Conversation, ConversationTurn } from '../../../shared/schemas/assist';

export interface CopiedReply {
  readonly id: string;
  readonly text: string;
}

export class ConversationState {
  readonly conversation: Conversation;
  readonly manualSteps = new Map<string, boolean>();
  readonly repliesUsed = new Set<string>();
  readonly articlesUsed = new Set<string>();
  /** Rule ids and concerns the agent dismissed ("not an escalation here"). */
  readonly dismissedFlags = new Set<string>();
  /** The intent the agent picked (null = "none of these") and the turn count at the time. */
  pickedIntent: { id: string | null; atTurn: number } | null = null;
  lastCopied: CopiedReply | null = null;

  constructor(now: number, id: string = randomUUID()) {
    this.conversation = { id, startedAt: now, endedAt: null, endReason: null, turns: [] };
  }

  get ended(): boolean {
    return this.conversation.endedAt !== null;
  }

  /** Appends a turn (original text: it is redacted only when stored or sent) and returns it. */
  push(turn: Omit<ConversationTurn, 'index'>): ConversationTurn {
    const full = { ...turn, index: this.conversation.turns.length };
    this.conversation.turns.push(full);
    return full;
  }

  end(now: number, reason: 'agent' | 'idle'): void {
    this.conversation.endedAt = now;
    this.conversation.endReason = reason;
  }

  /** A copy safe to hand out (events, responses). */
  snapshot(): Conversation {
    return { ...this.conversation, turns: [...this.conversation.turns] };
  }
}
