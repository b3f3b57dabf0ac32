/**
 * One reply suggestion: where it comes from (canned, from an article, generated), its text with
 * blanks left by unknown placeholders marked, its sources, and copy and thumbs. Presentational.
 */
import type { ReplySuggestion } from '../../../shared/schemas/assist';
import { Icon } from './icon';
import { ThumbButtons } from './thumb-buttons';
import { MaskedText } from './masked-text';

const sourceLabels: Record<ReplySuggestion['source'], string> = {
  canned: 'Saved reply',
  snippet: 'From an article',
  generated: 'Generated',
};

export interface ReplyCardProps {
  reply: ReplySuggestion;
  index: number;
  selected: boolean;
  copied: boolean;
  thumb: 'up' | 'down' | undefined;
  onSelect(): void;
  onCopy(): void;
  onThumb(thumb: 'up' | 'down'): void;
}

export function ReplyCard({
  reply,
  index,
  selected,
  copied,
  thumb,
  onSelect,
  onCopy,
  onThumb,
}: ReplyCardProps) {
  const missing = reply.missing ?? [];
  return (
    <li
      className={`reply-card reply-card--${reply.source}${selected ? ' reply-card--selected' : ''}`}
      data-reply-index={index}
      aria-current={selected ? 'true' : undefined}
      onClick={onSelect}
    >
      <header className="reply-card__head">
        <span className={`reply-card__source reply-card__source--${reply.source}`}>
          {sourceLabels[reply.source]}
        </span>
        {reply.title ? <span className="reply-card__title">{reply.title}</span> : null}
      </header>
      <p className="reply-card__text">
        <MaskedText text={reply.text} missing={missing} />
      </p>
      {missing.length > 0 ? (
        <p className="reply-card__missing">
          Fill in before sending: {missing.map((name) => name.replace(/[_.]+/g, ' ')).join(', ')}
        </p>
      ) : null}
      {reply.citations && reply.citations.length > 0 ? (
        <p className="reply-card__sources">
          Sources: {reply.citations.map((c) => c.title).join(' · ')}
        </p>
      ) : null}
      <footer className="reply-card__actions">
        <button type="button" className="icon-button" title="Copy the reply (c)" onClick={onCopy}>
          {copied ? <Icon name="check" size={14} /> : <Icon name="copy" size={14} />}
          <span>{copied ? 'Copied' : 'Copy'}</span>
        </button>
        <ThumbButtons
          value={thumb}
          onThumb={onThumb}
          labels={{
            up: 'Good reply',
            down: 'Bad reply',
            upTitle: 'Good reply (+)',
            downTitle: 'Bad reply (-)',
          }}
        />
      </footer>
    </li>
  );
}
