/** Reply suggestions to review and copy; the agent always sends, Inloop never does. */
import { useEffect } from 'react';
import type { ReplySuggestion } from '../../../shared/schemas/assist';
import { EmptyState } from '../components/empty-state';
import { GeneratedReply } from '../components/generated-reply';
import { ReplyCard } from '../components/reply-card';
import { replyKey } from '../state/assist-slice';
import { useInloop, useInloopStore } from '../state/use-inloop';
import { copyText } from './assist-shortcuts';
import { PanelFrame } from './panel-frame';

const EMPTY: ReplySuggestion[] = [];

export function RepliesPanel() {
  const store = useInloopStore();
  const replies = useInloop((s) => s.assist?.suggestions?.replies ?? EMPTY);
  const conversationId = useInloop((s) => s.assist?.conversation?.id);
  const generation = useInloop((s) => s.assist?.generation ?? null);
  const canGenerate = useInloop((s) => s.settings?.assist.generationEnabled ?? false);
  const focused = useInloop((s) => s.focusedReply);
  const copied = useInloop((s) => s.copiedReply);
  const thumbs = useInloop((s) => s.replyThumbs);
  const {
    setReplyFocus,
    noteReplyCopied,
    thumbReply,
    generateReply,
    cancelGeneration,
    recordFeedback,
  } = store.getState();

  // Each suggestion is recorded once per conversation as displayed (for acceptance rates).
  useEffect(() => {
    for (const reply of replies) {
      const key = `${conversationId}:${replyKey(reply)}`;
      if (shown.has(key)) continue;
      shown.add(key);
      void recordFeedback('displayed', 'reply', replyKey(reply), reply.text);
    }
  }, [replies, conversationId, recordFeedback]);

  const copy = (reply: ReplySuggestion) =>
    void copyText(reply.text).then((done) => {
      if (done) void noteReplyCopied(reply);
    });
  return (
    <PanelFrame id="replies" meta={replies.length > 0 ? String(replies.length) : undefined}>
      {replies.length > 0 ? (
        <ol className="reply-list" aria-label="Reply suggestions">
          {replies.map((reply, index) => (
            <ReplyCard
              key={`${replyKey(reply)}-${index}`}
              reply={reply}
              index={index}
              selected={index === focused}
              copied={copied === replyKey(reply)}
              thumb={thumbs[replyKey(reply)]}
              onSelect={() => {
                if (index !== focused) void recordFeedback('clicked', 'reply', replyKey(reply));
                setReplyFocus(index);
              }}
              onCopy={() => copy(reply)}
              onThumb={(thumb) => void thumbReply(reply, thumb)}
            />
          ))}
        </ol>
      ) : (
        <EmptyState title="Reply suggestions appear here">
          Once the customer asks something, Inloop drafts replies from the cited articles. Review
          one, copy it into your helpdesk, and send it yourself.
        </EmptyState>
      )}
      {generation ? (
        <GeneratedReply
          generation={generation}
          onStop={() => void cancelGeneration()}
          onCopy={(text) => copy({ text, source: 'generated', citations: generation.citations })}
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

const shown = new Set<string>();
