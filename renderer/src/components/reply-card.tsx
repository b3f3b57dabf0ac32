/**
 * One reply suggestion: where it comes from (saved, from an article, generated), its text with
 * its blanks marked, its sources, and copy and thumbs. A withheld reply is greyed with the
 * reason and has no copy. Copying a reply with blanks first opens a field per blank, and the
 * copy carries what the agent typed. The card is its list's one Tab stop when highlighted; its
 * buttons stay out of the Tab order (`c`, `+`, `-` and Enter do the same from the card).
 */
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { ReplySuggestion } from '../../../shared/schemas/assist';
import { fillBlanks } from '../state/reply-focus';
import { Icon } from './icon';
import { MaskedText } from './masked-text';
import { ThumbButtons } from './thumb-buttons';

const sourceLabels: Record<ReplySuggestion['source'], string> = {
  canned: 'Saved reply',
  snippet: 'From an article',
  generated: 'Generated',
};

export interface ReplyCardProps {
  reply: ReplySuggestion;
  /** Its key, on the element (`data-reply-key`) for the keys that act on it. */
  replyKey: string;
  highlighted: boolean;
  copied: boolean;
  /** Its blanks are open for the agent to fill. */
  filling: boolean;
  thumb: 'up' | 'down' | undefined;
  /** The card took the focus (arrow keys, Tab): it becomes the highlighted reply. */
  onHighlight(): void;
  /** The agent pressed the mouse on the card. */
  onSelect(): void;
  /** Copy as it stands (opens the blanks when it has any), or `text` once they are filled. */
  onCopy(text?: string): void;
  onCancelFill(): void;
  onThumb(thumb: 'up' | 'down'): void;
}

export function ReplyCard({
  reply,
  replyKey,
  highlighted,
  copied,
  filling,
  thumb,
  onHighlight,
  onSelect,
  onCopy,
  onCancelFill,
  onThumb,
}: ReplyCardProps) {
  const titleId = useId();
  const card = useRef<HTMLElement>(null);
  const blanks = reply.blanks ?? [];
  const withheld = reply.withheld;
  return (
    <li className="reply-list__item">
      <article
        ref={card}
        className={[
          'reply-card',
          `reply-card--${reply.source}`,
          highlighted ? 'reply-card--selected' : '',
          withheld ? 'reply-card--withheld' : '',
        ]
          .filter(Boolean)
          .join(' ')}
        data-reply-key={replyKey}
        data-roving-item=""
        tabIndex={highlighted ? 0 : -1}
        aria-labelledby={titleId}
        aria-current={highlighted ? 'true' : undefined}
        onFocus={(event) => {
          if (event.target === event.currentTarget) onHighlight();
        }}
        // Before the focus moves, so the reply's old highlight is still known.
        onMouseDown={onSelect}
        onKeyDown={(event) => {
          if (event.target === event.currentTarget && event.key === 'Enter' && !withheld) {
            event.preventDefault();
            onCopy();
          }
        }}
      >
        <header className="reply-card__head" id={titleId}>
          <span className={`reply-card__source reply-card__source--${reply.source}`}>
            {sourceLabels[reply.source]}
          </span>
          {reply.title ? <span className="reply-card__title">{reply.title}</span> : null}
        </header>
        {withheld ? (
          <p className="reply-card__withheld">
            <Icon name="warning" size={14} />
            <span>
              <strong>Don't send this now.</strong> {withheld}
            </span>
          </p>
        ) : null}
        <p className="reply-card__text">
          <MaskedText text={reply.text} missing={reply.missing ?? []} />
        </p>
        {!withheld && blanks.length > 0 && !filling ? (
          <p className="reply-card__missing">
            Fill in before sending: {blanks.map((blank) => blank.label).join(', ')}
          </p>
        ) : null}
        {filling && !withheld ? (
          <BlankFields
            text={reply.text}
            blanks={blanks}
            onDone={(text) => onCopy(text)}
            onCancel={() => {
              onCancelFill();
              card.current?.focus();
            }}
          />
        ) : null}
        {reply.citations && reply.citations.length > 0 ? (
          <p className="reply-card__sources">
            Sources: {reply.citations.map((c) => c.title).join(' · ')}
          </p>
        ) : null}
        <footer className="reply-card__actions">
          {withheld ? null : (
            <button
              type="button"
              className="icon-button icon-button--with-text reply-card__copy"
              tabIndex={-1}
              title={blanks.length > 0 ? 'Fill in the blanks, then copy (c)' : 'Copy the reply (c)'}
              onClick={() => onCopy()}
            >
              <Icon name={copied ? 'check' : 'copy'} size={14} />
              <span>{copied ? 'Copied' : blanks.length > 0 ? 'Fill in and copy' : 'Copy'}</span>
            </button>
          )}
          <ThumbButtons
            value={thumb}
            onThumb={onThumb}
            labels={{ up: 'Good reply', down: 'Bad reply' }}
          />
        </footer>
      </article>
    </li>
  );
}

/**
 * A field per blank, the first one focused; Enter moves to the next empty one and copies once
 * all are filled, Escape closes them.
 */
function BlankFields({
  text,
  blanks,
  onDone,
  onCancel,
}: {
  text: string;
  blanks: NonNullable<ReplySuggestion['blanks']>;
  onDone(text: string): void;
  onCancel(): void;
}) {
  const [values, setValues] = useState<Record<string, string>>({});
  const form = useRef<HTMLFormElement>(null);
  const baseId = useId();
  const filled = fillBlanks(text, blanks, values);

  useEffect(() => {
    form.current?.querySelector<HTMLInputElement>('input')?.focus();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (filled !== null) {
      onDone(filled);
      return;
    }
    const empty = blanks.findIndex((blank) => (values[blank.name]?.trim() ?? '') === '');
    form.current?.querySelectorAll<HTMLInputElement>('input')[empty]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    }
  };

  return (
    <form
      ref={form}
      className="reply-blanks"
      aria-label="Fill in the blanks"
      onSubmit={submit}
      onKeyDown={onKeyDown}
      onClick={(event) => event.stopPropagation()}
    >
      {blanks.map((blank, index) => (
        <label key={blank.name} className="reply-blanks__field" htmlFor={`${baseId}-${index}`}>
          <span>{blank.label}</span>
          <input
            id={`${baseId}-${index}`}
            type="text"
            autoComplete="off"
            value={values[blank.name] ?? ''}
            onChange={(event) => setValues({ ...values, [blank.name]: event.target.value })}
          />
        </label>
      ))}
      <div className="reply-blanks__actions">
        <button type="submit" className="button button--small button--primary">
          {filled === null ? 'Next blank' : 'Copy filled reply'}
        </button>
        <button type="button" className="button button--small button--ghost" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
