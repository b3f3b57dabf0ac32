/**
 * Reply suggestions to review and copy; the agent always sends, Inloop never does. The list is
 * one Tab stop; the highlight is the reply itself (it stays on it when the list re-ranks) and
 * moves with the focus (arrow keys, j/k).
 */
import { useEffect } from 'react';
import type { ReplySuggestion } from '../../../shared/schemas/assist';
import { EmptyState } from '../components/empty-state';
import { GeneratedReply } from '../components/generated-reply';
import { ReplyCard } from '../components/reply-card';
import { useRovingList } from '../keyboard/use-roving-list';
import { highlightedReply, replyKey } from '../state/reply-focus';
import { useInloop, useInloopStore } from '../state/use-inloop';
import { copyReply } from './assist-shortcuts';
import { PanelFrame } from './panel-frame';

const EMPTY: ReplySuggestion[] = [];

/** Suggestions already recorded as displayed, by conversation and reply (once each). */
const shown = new Set<string>();

export function RepliesPanel() {
  const store = useInloopStore();
  const replies = useInloop((s) => s.assist?.suggestions?.replies ?? EMPTY);
  const conversationId = useInloop((s) => s.assist?.conversation?.id);
  const generation = useInloop((s) => s.assist?.generation ?? null);
  const canGenerate = useInloop((s) => s.settings?.assist.generationEnabled ?? false);
  const focusedKey = useInloop((s) => s.focusedReplyKey);
  const filling = useInloop((s) => s.fillingReply);
  const copied = useInloop((s) => s.copiedReply?.key ?? null);
  const thumbs = useInloop((s) => s.replyThumbs);
  // The highlighted reply is the list's Tab stop (its cards set it as they take the focus).
  const { listProps } = useRovingList<HTMLOListElement>(replies.length);
  const {
    setReplyFocus,
    setFillingReply,
    thumbReply,
    generateReply,
    cancelGeneration,
    recordFeedback,
  } = store.getState();
  const highlighted = highlightedReply(replies, focusedKey);

  // Each suggestion is recorded once per conversation as displayed, with its rank.
  useEffect(() => {
    replies.forEach((reply, position) => {
      const key = `${conversationId}:${replyKey(reply)}`;
      if (shown.has(key)) return;
      shown.add(key);
      void recordFeedback({
        kind: 'displayed',
        target: 'reply',
        id: replyKey(reply),
        text: reply.text,
        position,
      });
    });
  }, [replies, conversationId, recordFeedback]);

  return (
    <PanelFrame id="replies" meta={replies.length > 0 ? String(replies.length) : undefined}>
      {replies.length > 0 ? (
        <ol className="reply-list" aria-label="Reply suggestions" {...listProps}>
          {replies.map((reply, index) => {
            const key = replyKey(reply);
            return (
              <ReplyCard
                key={`${key}-${index}`}
                reply={reply}
                replyKey={key}
                highlighted={highlighted?.index === index}
                copied={copied === key}
                filling={filling === key}
                thumb={thumbs[key]}
                onHighlight={() => setReplyFocus(key)}
                onSelect={() => {
                  if (highlighted?.index !== index)
                    void recordFeedback({
                      kind: 'clicked',
                      target: 'reply',
                      id: key,
                      position: index,
                    });
                  setReplyFocus(key);
                }}
                onCopy={(text) => void copyReply(store.getState(), reply, index, text)}
                onCancelFill={() => setFillingReply(null)}
                onThumb={(thumb) => void thumbReply(reply, thumb, index)}
              />
            );
          })}
        </ol>
      ) : (
        <EmptyState title="Reply suggestions appear here">
          Once the customer asks something, Inloop drafts replies from your team's saved replies and
          articles. Review one, copy it into your helpdesk, and send it yourself.
        </EmptyState>
      )}
      {generation ? (
        <GeneratedReply
          generation={generation}
          onStop={() => void cancelGeneration()}
          onCopy={(text) =>
            void copyReply(
              store.getState(),
              { text, source: 'generated', citations: generation.citations },
              replies.length,
            )
          }
        />
      ) : null}
      {canGenerate && replies.length > 0 && generation?.status !== 'streaming' ? (
        <button
          type="button"
          className="button button--small button--ghost"
          onClick={() => void generateReply()}
        >
          Generate a reply
        </button>
      ) : null}
    </PanelFrame>
  );
}
