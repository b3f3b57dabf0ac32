/**
 * Knowledge: the cards for the conversation so far, or for what the agent searches by hand.
 * Typing never waits on a search (the slice debounces it and drops late answers); the panel
 * says when search is lexical only, when no pack is installed, and when nothing matched.
 */
import { useCallback, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { SearchHit } from '../../../shared/schemas/knowledge';
import { EmptyState } from '../components/empty-state';
import { Icon } from '../components/icon';
import type { Feedback } from '../components/knowledge-card';
import { KnowledgeCardList } from '../components/knowledge-card-list';
import { SearchField } from '../components/search-field';
import { useInloop } from '../state/use-inloop';
import { PanelFrame } from './panel-frame';

/** Copy a passage for pasting into the helpdesk; false when the clipboard refused. */
async function copyPassage(hit: SearchHit): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(hit.passage);
    return true;
  } catch {
    return false;
  }
}

export function KnowledgePanel() {
  const query = useInloop((s) => s.knowledgeQuery);
  const typeQuery = useInloop((s) => s.typeKnowledgeQuery);
  const search = useInloop((s) => s.knowledgeSearch);
  const conversationHits = useInloop((s) => s.conversationHits);
  const status = useInloop((s) => s.knowledgeStatus);
  const unavailable = useInloop((s) => s.knowledgeUnavailable);
  const packNames = useInloop(
    useShallow((s) => Object.fromEntries(s.packs.map((p) => [p.current.id, p.current.name]))),
  );
  const packName = useCallback((id: string) => packNames[id] ?? id, [packNames]);
  // What the agent did with a card goes to the local, redacted feedback log (inloop report).
  const recordFeedback = useInloop((s) => s.recordFeedback);
  const onFeedback = useCallback(
    (hit: SearchHit, feedback: Feedback) =>
      void recordFeedback(
        feedback === 'up' ? 'thumbs-up' : 'thumbs-down',
        'article',
        hit.articleId,
      ),
    [recordFeedback],
  );
  const onCopy = useCallback(
    async (hit: SearchHit) => {
      const copied = await copyPassage(hit);
      if (copied) void recordFeedback('copied', 'article', hit.articleId, hit.passage);
      return copied;
    },
    [recordFeedback],
  );

  const typed = query.trim();
  const noPacks = status !== null && status.packs === 0;
  // While a new search runs, the last answer stays up: results never flicker as the agent types.
  const answer =
    search.state === 'searching' ? search.last : search.state === 'done' ? search : null;
  const hits = typed === '' ? conversationHits : (answer?.hits ?? null);
  const meta = hits && hits.length > 0 ? `${hits.length}` : undefined;

  let body: ReactNode;
  if (noPacks) {
    body = <NoPackState />;
  } else if (typed !== '' && search.state === 'failed') {
    body = (
      <p className="knowledge-note knowledge-note--error" role="alert">
        <Icon name="error" size={14} />
        <span>Search failed: {search.message}</span>
      </p>
    );
  } else if (typed !== '' && answer === null) {
    body = <p className="knowledge-searching">Searching…</p>;
  } else if (hits && hits.length > 0) {
    body = (
      <KnowledgeCardList
        label={typed === '' ? 'Articles for the conversation' : `Articles for "${typed}"`}
        hits={hits}
        packName={packName}
        onCopy={onCopy}
        onFeedback={onFeedback}
      />
    );
  } else if (typed !== '') {
    body = (
      <EmptyState title={`No results for "${answer?.query ?? typed}"`}>
        Try other words, or fewer of them. Only the installed packs are searched.
      </EmptyState>
    );
  } else {
    body = (
      <EmptyState title="Cited articles appear here">
        As the customer talks, Inloop finds the passages that answer them and cites the source.
        Search to look something up yourself.
      </EmptyState>
    );
  }

  return (
    <PanelFrame id="knowledge" meta={meta}>
      <SearchField
        id="knowledge-search"
        label="Search knowledge"
        placeholder="Search articles"
        value={query}
        onChange={typeQuery}
      />
      {unavailable !== null ? (
        <p className="knowledge-note knowledge-note--warning" role="status">
          <Icon name="warning" size={14} />
          <span>Knowledge isn't available right now: {unavailable}</span>
        </p>
      ) : status && !noPacks && status.mode.mode === 'lexical' ? (
        <p
          className="knowledge-note knowledge-note--clamped"
          role="status"
          title={status.mode.reason ?? undefined}
        >
          <Icon name="info" size={14} />
          <span>
            Lexical search only: {sentence(status.mode.reason ?? 'no embedding model is loaded')}
          </span>
        </p>
      ) : null}
      {body}
    </PanelFrame>
  );
}

/** `reason` ending in one full stop. */
const sentence = (reason: string) => reason.replace(/[.\s]*$/, '.');

/** No pack installed: say what a pack is and where to install one. */
function NoPackState() {
  const openSettings = useInloop((s) => s.openSettings);
  return (
    <EmptyState
      title="No knowledge pack installed"
      hint={
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            openSettings();
            // Once the sheet has rendered, bring the pack manager into view.
            requestAnimationFrame(() =>
              document.getElementById('settings-packs')?.scrollIntoView({ block: 'start' }),
            );
          }}
        >
          Install a pack…
        </button>
      }
    >
      Your team lead publishes articles and replies as a pack (a <code>.inloop</code> file). Install
      it in Settings → Knowledge packs, and cited passages show here.
    </EmptyState>
  );
}
