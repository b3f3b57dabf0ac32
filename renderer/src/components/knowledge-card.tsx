/**
 * One knowledge card: the article title, where in the article the passage sits, the passage
 * with its matches marked, the pack it came from, and the agent's actions (open the source,
 * copy, thumbs up or down). Presentational: the container does the copying and recording.
 * Focused, Enter opens the source and `c` copies; arrow keys belong to the list.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { SearchHit } from '../../../shared/schemas/knowledge';
import { Icon } from './icon';
import { ThumbButtons } from './thumb-buttons';
import { HighlightedPassage } from './highlighted-passage';

export type Feedback = 'up' | 'down';

export interface KnowledgeCardProps {
  hit: SearchHit;
  /** The pack's display name (falls back to its id). */
  packName: string;
  /** Copy the passage; resolves true when it reached the clipboard. */
  onCopy(hit: SearchHit): Promise<boolean>;
  onFeedback(hit: SearchHit, feedback: Feedback): void;
  /** The one card of the list that Tab reaches (roving focus). */
  tabbable: boolean;
  onFocus(): void;
}

/** How long the copy button says "Copied". */
const COPIED_MS = 1500;

export function KnowledgeCard({
  hit,
  packName,
  onCopy,
  onFeedback,
  tabbable,
  onFocus,
}: KnowledgeCardProps) {
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [copied, setCopied] = useState(false);
  const link = useRef<HTMLAnchorElement>(null);
  // The path often starts with the article's own title, which the card already shows.
  const section = (hit.section ?? []).filter((part, i) => !(i === 0 && part === hit.title));
  const titleId = `knowledge-card-${hit.packId}-${hit.articleId}-${hit.score}`.replace(
    /[^A-Za-z0-9_-]/g,
    '-',
  );

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
    if (event.key === 'Enter' && link.current) {
      event.preventDefault();
      link.current.click();
    } else if (event.key === 'c') {
      event.preventDefault();
      copy();
    }
  };

  return (
    <article
      className="knowledge-card"
      data-knowledge-card=""
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
        <span className="knowledge-card__pack" title={`From the pack ${packName}`}>
          {packName}
        </span>
      </header>
      {section.length > 0 ? <p className="knowledge-card__section">{section.join(' › ')}</p> : null}
      <HighlightedPassage text={hit.passage} highlights={hit.highlights} />
      <footer className="knowledge-card__actions">
        {hit.url ? (
          <a
            ref={link}
            className="knowledge-card__source"
            href={hit.url}
            target="_blank"
            rel="noopener noreferrer"
          >
            <Icon name="external" size={13} />
            Open article
          </a>
        ) : (
          <span className="knowledge-card__source knowledge-card__source--none">
            No source link
          </span>
        )}
        <span className="knowledge-card__buttons">
          <button
            type="button"
            className="icon-button knowledge-card__copy"
            title="Copy the passage (c)"
            onClick={copy}
          >
            {copied ? <Icon name="check" size={14} /> : <Icon name="copy" size={14} />}
            <span className={copied ? undefined : 'visually-hidden'}>
              {copied ? 'Copied' : 'Copy'}
            </span>
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
