/**
 * The live conversation and its suggestions as the services last sent them (`assist:updated`,
 * `assist:get-state`), with the agent's view state: which reply is highlighted (by the reply
 * itself, so it survives re-ranks), whose turn the composer types, the blanks being filled, the
 * thumbs given, the ingest endpoint's address. Actions send the agent's turns and decisions to
 * the services (which log the one-key decisions as feedback themselves) and record what the
 * agent did with replies and articles; the answer comes back as the next state.
 */
import type { InloopApi } from '../../../shared/api';
import type { Result } from '../../../shared/result';
import type {
  AssistState,
  EscalationFlag,
  FeedbackRequest,
  GenerationState,
  IngestInfo,
  NextActionState,
  ReplySuggestion,
} from '../../../shared/schemas/assist';
import type { Role } from '../../../shared/schemas/knowledge';
import { followHighlight, movedHighlight, replyKey } from './reply-focus';
import type { InloopState, SliceCreator } from './store';

export { replyKey } from './reply-focus';

export interface AssistSlice {
  assist: AssistState | null;
  /** Key of the reply the agent highlighted; null means the top one. */
  focusedReplyKey: string | null;
  /** Thumbs the agent gave, by reply key, in this conversation. */
  replyThumbs: Record<string, 'up' | 'down'>;
  /** The reply last copied and the text that went to the clipboard (the panel shows "Copied"). */
  copiedReply: { key: string; text: string } | null;
  /** The reply whose blanks are open for the agent to fill before copying, by key. */
  fillingReply: string | null;
  /** Who the next typed turn is from; every conversation starts with the customer. */
  composerRole: Role;
  handoffText: string | null;
  ingest: IngestInfo | null;
  applyAssist(state: AssistState): void;
  applyGeneration(generation: GenerationState): void;
  loadAssist(): Promise<void>;
  startConversation(): Promise<void>;
  endConversation(): Promise<void>;
  /** Add a turn; after the agent's own turn the composer goes back to the customer. */
  addTurn(role: Role, text: string): Promise<boolean>;
  setComposerRole(role: Role): void;
  switchSpeaker(): void;
  setStep(stepId: string, done: boolean): Promise<void>;
  /**
   * The agent's answer to a step the engine thinks is done: yes (done) or no. Like the two
   * below, the service logs the decision as feedback, with the rank it was shown at.
   */
  decideStep(step: NextActionState, done: boolean): Promise<void>;
  /** The agent picks the intent among the candidates; null is "none of these". */
  pickIntent(intentId: string | null): Promise<void>;
  /** "Not an escalation here": the flag's rule stays quiet for this conversation. */
  dismissFlag(flag: EscalationFlag): Promise<void>;
  moveReplyFocus(delta: 1 | -1): void;
  setReplyFocus(key: string | null): void;
  /** Open (key) or close (null) the blanks of a reply. */
  setFillingReply(key: string | null): void;
  /** Records that the agent copied `text` of a reply (the caller put it on the clipboard). */
  noteReplyCopied(reply: ReplySuggestion, text: string, position?: number): Promise<void>;
  thumbReply(reply: ReplySuggestion, thumb: 'up' | 'down', position?: number): Promise<void>;
  /** One record in the local, redacted feedback log (`assist:feedback`). */
  recordFeedback(feedback: FeedbackRequest): Promise<void>;
  requestHandoff(): Promise<void>;
  generateReply(): Promise<void>;
  cancelGeneration(): Promise<void>;
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
      focusedReplyKey: null,
      replyThumbs: {},
      copiedReply: null,
      fillingReply: null,
      composerRole: 'customer',
      handoffText: null,
      ingest: null,
      applyAssist: (next) =>
        set((state: InloopState) => {
          const current = state.assist;
          const sameConversation = current?.conversation?.id === next.conversation?.id;
          // Events and answers can cross: never go back to an older state of the same conversation.
          if (current && sameConversation && next.seq < current.seq) return state;
          const replies = next.suggestions?.replies ?? [];
          if (!sameConversation) {
            return {
              assist: next,
              focusedReplyKey: null,
              fillingReply: null,
              replyThumbs: {},
              copiedReply: null,
              handoffText: null,
              composerRole: 'customer',
            };
          }
          const ended =
            next.conversation?.endedAt != null && current?.conversation?.endedAt == null;
          return {
            assist: next,
            focusedReplyKey: followHighlight(replies, state.focusedReplyKey),
            fillingReply: followHighlight(replies, state.fillingReply),
            // The next turn starts a new conversation, and that starts with the customer.
            ...(ended ? { composerRole: 'customer' as const } : {}),
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
      addTurn: async (role, text) => {
        const added = await applyState('add the turn', api.assist.addTurn({ role, text }));
        // After the agent's own turn the next one is usually the customer's.
        if (added && role === 'agent') set({ composerRole: 'customer' });
        return added;
      },
      setComposerRole: (composerRole) => set({ composerRole }),
      switchSpeaker: () =>
        set((state) => ({
          composerRole: state.composerRole === 'customer' ? 'agent' : 'customer',
        })),
      setStep: async (stepId, done) => {
        await applyState('update the checklist', api.assist.setStep({ stepId, done }));
      },
      // The service records these decisions in the feedback log itself (with their rank).
      decideStep: async (step, done) => {
        await applyState('update the checklist', api.assist.setStep({ stepId: step.id, done }));
      },
      pickIntent: async (intentId) => {
        await applyState('pick the intent', api.assist.pickIntent({ intentId }));
      },
      dismissFlag: async (flag) => {
        if (flag.ruleId)
          await applyState('dismiss the flag', api.assist.dismissFlag({ ruleId: flag.ruleId }));
      },
      moveReplyFocus: (delta) =>
        set((state) => ({
          focusedReplyKey: movedHighlight(
            state.assist?.suggestions?.replies ?? [],
            state.focusedReplyKey,
            delta,
          ),
        })),
      setReplyFocus: (focusedReplyKey) => set({ focusedReplyKey }),
      setFillingReply: (fillingReply) => set({ fillingReply }),
      noteReplyCopied: async (reply, text, position) => {
        const key = replyKey(reply);
        set({ copiedReply: { key, text }, fillingReply: null });
        await get().recordFeedback({
          kind: 'copied',
          target: 'reply',
          id: key,
          text,
          ...(position === undefined ? {} : { position }),
        });
      },
      thumbReply: async (reply, thumb, position) => {
        const key = replyKey(reply);
        set((state) => ({ replyThumbs: { ...state.replyThumbs, [key]: thumb } }));
        await get().recordFeedback({
          kind: thumb === 'up' ? 'thumbs-up' : 'thumbs-down',
          target: 'reply',
          id: key,
          text: reply.text,
          ...(position === undefined ? {} : { position }),
        });
      },
      recordFeedback: async (feedback) => {
        await run('record feedback', api.assist.feedback(feedback));
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
