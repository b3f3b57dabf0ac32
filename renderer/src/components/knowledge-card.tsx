/**
 * One knowledge card, compact: the article title, its pack, where in the article the best
 * passage sits, that passage with its matches marked, "more from this article" for the
 * article's other passages, and the agent's actions (open the source, copy, helpful or not).
 * Presentational: the container does the copying and recording. The card is its list's one
 * Tab stop; focused, Enter opens the source, `c` copies, `m` shows more, `+`/`-` rate. Its
 * buttons stay out of the Tab order (a mouse reaches them; the keys do the same).
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { SearchHit } from '../../../shared/schemas/knowledge';
import type { ArticleGroup } from '../panels/knowledge-groups';
import { HighlightedPassage } from './highlighted-passage';
import { Icon } from './icon';
import { ThumbButtons } from './thumb-buttons';

export type Feedback = 'up' | 'down';

export interface KnowledgeCardProps {
  group: ArticleGroup;
  /** The pack's display name (falls back to its id). */
  packName: string;
  /** Copy the passage; resolves true when it reached the clipboard. */
  onCopy(hit: SearchHit): Promise<boolean>;
  onFeedback(hit: SearchHit, feedback: Feedback): void;
  /** The agent opened the article's source. */
  onOpen?(hit: SearchHit): void;
  /** The one card of the list that Tab reaches (roving focus). */
  tabbable: boolean;
  onFocus(): void;
}

/** How long the copy button says "Copied". */
const COPIED_MS = 1500;

export function KnowledgeCard({
  group,
  packName,
  onCopy,
  onFeedback,
  onOpen,
  tabbable,
  onFocus,
}: KnowledgeCardProps) {
  const hit = group.best;
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [copied, setCopied] = useState(false);
  const [showMore, setShowMore] = useState(false);
  const link = useRef<HTMLAnchorElement>(null);
  const titleId = useId();
  const moreId = useId();
  // The path often starts with the article's own title, which the card already shows.
  const section = (hit.section ?? []).filter((part, i) => !(i === 0 && part === hit.title));

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), COPIED_MS);
    return () => clearTimeout(timer);
  }, [copied]);

  const copy = () => void onCopy(hit).then((done) => setCopied(done));
  const press = (next: Feedback) => {
    setFeedback((current) => (current === next ? null : next));
    if (feedback !== next) onFeedback(hit, next);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    // Keys typed on the card's own buttons and link keep their usual meaning.
    if (event.target !== event.currentTarget || event.ctrlKey || event.metaKey || event.altKey)
      return;
    const action: Record<string, (() => void) | undefined> = {
      Enter: link.current ? () => link.current?.click() : undefined,
      c: copy,
      m: group.more.length > 0 ? () => setShowMore((open) => !open) : undefined,
      '+': () => press('up'),
      '=': () => press('up'),
      '-': () => press('down'),
    };
    const run = action[event.key];
    if (!run) return;
    event.preventDefault();
    run();
  };

  return (
    <article
      className="knowledge-card"
      data-knowledge-card=""
      data-roving-item=""
      tabIndex={tabbable ? 0 : -1}
      aria-labelledby={titleId}
      onKeyDown={onKeyDown}
      onFocus={(event) => {
        if (event.target === event.currentTarget) onFocus();
      }}
    >
      <header className="knowledge-card__head">
        <h3 className="knowledge-card__title" id={titleId}>
          {hit.title}
        </h3>
        <p className="knowledge-card__section">
          <span className="knowledge-card__pack" title={`From the pack ${packName}`}>
            {packName}
          </span>
          {section.length > 0 ? <span> · {section.join(' › ')}</span> : null}
        </p>
      </header>
      <HighlightedPassage text={hit.passage} highlights={hit.highlights} />
      {showMore ? (
        <ul className="knowledge-card__more" id={moreId} aria-label="More from this article">
          {group.more.map((other) => (
            <li key={other.passage}>
              {other.section && other.section.length > 0 ? (
                <p className="knowledge-card__section">{other.section.join(' › ')}</p>
              ) : null}
              <HighlightedPassage text={other.passage} highlights={other.highlights} />
            </li>
          ))}
        </ul>
      ) : null}
      <footer className="knowledge-card__actions">
        {hit.url ? (
          <a
            ref={link}
            className="knowledge-card__source"
            href={hit.url}
            target="_blank"
            rel="noopener noreferrer"
            tabIndex={-1}
            onClick={() => onOpen?.(hit)}
          >
            <Icon name="external" size={13} />
            Open article
          </a>
        ) : null}
        {group.more.length > 0 ? (
          <button
            type="button"
            className="knowledge-card__more-toggle"
            tabIndex={-1}
            aria-expanded={showMore}
            aria-controls={showMore ? moreId : undefined}
            title="More from this article (m)"
            onClick={() => setShowMore((open) => !open)}
          >
            {showMore ? 'Less' : `More from this article (${group.more.length})`}
          </button>
        ) : null}
        <span className="knowledge-card__buttons">
          <button
            type="button"
            className="icon-button knowledge-card__copy"
            tabIndex={-1}
            aria-label={copied ? 'Copied' : 'Copy the passage'}
            title="Copy the passage (c)"
            onClick={copy}
          >
            <Icon name={copied ? 'check' : 'copy'} size={14} />
          </button>
          <ThumbButtons
            value={feedback}
            onThumb={press}
            labels={{ up: 'Helpful', down: 'Not helpful' }}
          />
        </span>
      </footer>
    </article>
  );
}
