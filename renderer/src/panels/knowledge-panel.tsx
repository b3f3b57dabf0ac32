/**
 * Knowledge: the cards for the conversation so far, or for what the agent searches by hand,
 * one compact card per article. Typing never waits on a search (the slice debounces it and
 * drops late answers); the panel says in plain words when search matches words only (the
 * technical reason is in Settings), when nothing matched, and with no pack installed offers
 * the example pack in one click.
 */
import { useCallback, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { SearchHit } from '../../../shared/schemas/knowledge';
import { EmptyState } from '../components/empty-state';
import { Icon } from '../components/icon';
import { copyText } from './assist-shortcuts';
import type { Feedback } from '../components/knowledge-card';
import { KnowledgeCardList } from '../components/knowledge-card-list';
import { SearchField } from '../components/search-field';
import { useInloop } from '../state/use-inloop';
import { PanelFrame } from './panel-frame';

const NO_HITS: SearchHit[] = [];

export function KnowledgePanel() {
  const query = useInloop((s) => s.knowledgeQuery);
  const typeQuery = useInloop((s) => s.typeKnowledgeQuery);
  const search = useInloop((s) => s.knowledgeSearch);
  // The articles for the conversation so far come with its suggestions (also after a reload).
  const conversationHits = useInloop((s) => s.assist?.suggestions?.articles ?? NO_HITS);
  const status = useInloop((s) => s.knowledgeStatus);
  const unavailable = useInloop((s) => s.knowledgeUnavailable);
  const packNames = useInloop(
    useShallow((s) => Object.fromEntries(s.packs.map((p) => [p.current.id, p.current.name]))),
  );
  const packName = useCallback((id: string) => packNames[id] ?? id, [packNames]);
  // What the agent did with a card goes to the local, redacted feedback log (inloop report).
  const recordFeedback = useInloop((s) => s.recordFeedback);
  const onFeedback = useCallback(
    (hit: SearchHit, feedback: Feedback, position: number) =>
      void recordFeedback({
        kind: feedback === 'up' ? 'thumbs-up' : 'thumbs-down',
        target: 'article',
        id: hit.articleId,
        position,
      }),
    [recordFeedback],
  );
  const onCopy = useCallback(
    async (hit: SearchHit, position: number) => {
      const copied = await copyText(hit.passage);
      if (copied)
        void recordFeedback({
          kind: 'copied',
          target: 'article',
          id: hit.articleId,
          text: hit.passage,
          position,
        });
      return copied;
    },
    [recordFeedback],
  );
  const onOpen = useCallback(
    (hit: SearchHit, position: number) =>
      void recordFeedback({ kind: 'opened', target: 'article', id: hit.articleId, position }),
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
        onOpen={onOpen}
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
        // Why (a model missing, and the command that fetches it) is for Settings and doctor.
        <p className="knowledge-note" role="status">
          <Icon name="info" size={14} />
          <span>Word search: results match the words you type, not their meaning.</span>
        </p>
      ) : null}
      {body}
      <DemoPackNote />
    </PanelFrame>
  );
}

/** The example pack is in use: say so, and take it away in one step. */
function DemoPackNote() {
  const demo = useInloop((s) => s.packs.find((pack) => pack.current.demo)?.current ?? null);
  const removePack = useInloop((s) => s.removePack);
  const busy = useInloop((s) => s.packBusy);
  if (!demo) return null;
  return (
    <p className="knowledge-demo">
      <span>You are trying Inloop with the example pack (an online clothing shop).</span>
      <button
        type="button"
        className="button button--small button--ghost"
        disabled={busy !== null}
        onClick={() => void removePack(demo.id)}
      >
        Remove the example pack
      </button>
    </p>
  );
}

/**
 * Bring the element `id` into view once it is rendered (the sheet renders after the click,
 * its sections once the settings have loaded); gives up after about a second of frames.
 */
function scrollIntoViewOnceShown(id: string, frames = 60): void {
  requestAnimationFrame(() => {
    const element = document.getElementById(id);
    if (element) element.scrollIntoView({ block: 'start' });
    else if (frames > 0) scrollIntoViewOnceShown(id, frames - 1);
  });
}

/**
 * No pack installed: the example pack in one click (so a newcomer sees the whole product),
 * or the team's own pack from Settings.
 */
function NoPackState() {
  const openSettings = useInloop((s) => s.openSettings);
  const installDemoPack = useInloop((s) => s.installDemoPack);
  const busy = useInloop((s) => s.packBusy);
  return (
    <EmptyState
      title="No knowledge pack installed"
      hint={
        <span className="empty-state__actions">
          <button
            type="button"
            className="button button--small button--primary"
            disabled={busy !== null}
            onClick={() => void installDemoPack()}
          >
            {busy?.action === 'install-demo'
              ? 'Installing the example pack…'
              : 'Try the example pack'}
          </button>
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              openSettings();
              scrollIntoViewOnceShown('settings-packs');
            }}
          >
            Install your team's pack…
          </button>
        </span>
      }
    >
      Your team lead publishes articles, replies and checklists as a pack. The example pack (an
      online clothing shop) shows how it works and removes in one step.
    </EmptyState>
  );
}
