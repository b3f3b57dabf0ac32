/**
 * The live conversation and its suggestions as the services last sent them (`assist:updated`,
 * `assist:get-state`), with the agent's view state: which reply has the keyboard focus, the
 * thumbs given, the ingest endpoint's address. Actions send the agent's turns, ticks and
 * feedback to the services; the answer comes back as the next state.
 */
import type { InloopApi } from '../../../shared/api';
import type { Result } from '../../../shared/result';
import type {
  AssistState,
  FeedbackKind,
  GenerationState,
  IngestInfo,
  ReplySuggestion,
} from '../../../shared/schemas/assist';
import type { Role } from '../../../shared/schemas/knowledge';
import type { InloopState, SliceCreator } from './store';

export interface AssistSlice {
  assist: AssistState | null;
  /** Index of the reply the keyboard acts on. */
  focusedReply: number;
  /** Thumbs the agent gave, by reply key, in this conversation. */
  replyThumbs: Record<string, 'up' | 'down'>;
  /** Key of the reply last copied (the panel shows "Copied"). */
  copiedReply: string | null;
  handoffText: string | null;
  ingest: IngestInfo | null;
  applyAssist(state: AssistState): void;
  applyGeneration(generation: GenerationState): void;
  loadAssist(): Promise<void>;
  startConversation(): Promise<void>;
  endConversation(): Promise<void>;
  addTurn(role: Role, text: string): Promise<boolean>;
  setStep(stepId: string, done: boolean): Promise<void>;
  moveReplyFocus(delta: 1 | -1): void;
  setReplyFocus(index: number): void;
  /** Records that the agent copied a reply (the caller put it on the clipboard). */
  noteReplyCopied(reply: ReplySuggestion): Promise<void>;
  thumbReply(reply: ReplySuggestion, thumb: 'up' | 'down'): Promise<void>;
  recordFeedback(
    kind: FeedbackKind,
    target: 'reply' | 'article',
    id: string,
    text?: string,
  ): Promise<void>;
  requestHandoff(): Promise<void>;
  generateReply(): Promise<void>;
  cancelGeneration(): Promise<void>;
}

/** A stable key for a reply: its canned id, else its source and first citation. */
export function replyKey(reply: ReplySuggestion): string {
  if (reply.id) return reply.id;
  const cited = reply.citations?.[0]?.articleId;
  return cited ? `${reply.source}:${cited}` : reply.source;
}

export const createAssistSlice =
  (api: InloopApi): SliceCreator<AssistSlice> =>
  (set, get) => {
    const run = async <T>(action: string, request: Promise<Result<T>>): Promise<T | null> => {
      const result = await request;
      if (result.ok) return result.value;
      get().reportError(action, result.error);
      return null;
    };
    const applyState = async (action: string, request: Promise<Result<AssistState>>) => {
      const value = await run(action, request);
      if (value) get().applyAssist(value);
      return value !== null;
    };
    return {
      assist: null,
      focusedReply: 0,
      replyThumbs: {},
      copiedReply: null,
      handoffText: null,
      ingest: null,
      applyAssist: (next) =>
        set((state: InloopState) => {
          const current = state.assist;
          const sameConversation = current?.conversation?.id === next.conversation?.id;
          // Events and answers can cross: never go back to an older state of the same conversation.
          if (current && sameConversation && next.seq < current.seq) return state;
          const replies = next.suggestions?.replies.length ?? 0;
          return {
            assist: next,
            focusedReply: Math.min(
              sameConversation ? state.focusedReply : 0,
              Math.max(0, replies - 1),
            ),
            ...(sameConversation ? {} : { replyThumbs: {}, copiedReply: null, handoffText: null }),
          };
        }),
      applyGeneration: (generation) =>
        set((state) =>
          state.assist?.conversation?.id === generation.conversationId
            ? { assist: { ...state.assist, generation } }
            : state,
        ),
      loadAssist: async () => {
        await applyState('load the conversation', api.assist.getState());
        const info = await run('find the ingest endpoint', api.assist.ingestInfo());
        if (info) set({ ingest: info });
      },
      startConversation: async () => {
        await applyState('start a conversation', api.assist.start());
      },
      endConversation: async () => {
        if (await applyState('end the conversation', api.assist.end()))
          await get().requestHandoff();
      },
      addTurn: (role, text) => applyState('add the turn', api.assist.addTurn({ role, text })),
      setStep: async (stepId, done) => {
        await applyState('update the checklist', api.assist.setStep({ stepId, done }));
      },
      moveReplyFocus: (delta) =>
        set((state) => {
          const count = state.assist?.suggestions?.replies.length ?? 0;
          if (count === 0) return state;
          return { focusedReply: (state.focusedReply + delta + count) % count };
        }),
      setReplyFocus: (focusedReply) => set({ focusedReply }),
      noteReplyCopied: async (reply) => {
        set({ copiedReply: replyKey(reply) });
        await get().recordFeedback('copied', 'reply', replyKey(reply), reply.text);
      },
      thumbReply: async (reply, thumb) => {
        const key = replyKey(reply);
        set((state) => ({ replyThumbs: { ...state.replyThumbs, [key]: thumb } }));
        await get().recordFeedback(
          thumb === 'up' ? 'thumbs-up' : 'thumbs-down',
          'reply',
          key,
          reply.text,
        );
      },
      recordFeedback: async (kind, target, id, text) => {
        await run(
          'record feedback',
          api.assist.feedback({ kind, target, id, ...(text ? { text } : {}) }),
        );
      },
      requestHandoff: async () => {
        const value = await run('write the handoff summary', api.assist.handoff());
        if (value) set({ handoffText: value.text });
      },
      generateReply: async () => {
        await run('generate a reply', api.assist.generate());
      },
      cancelGeneration: async () => {
        await run('stop the generated reply', api.assist.cancelGeneration());
      },
    };
  };
