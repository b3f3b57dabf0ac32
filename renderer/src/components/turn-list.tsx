/**
 * The transcript: each turn with who said it and where it came from, masked tokens marked. It
 * sticks to the newest turn; when the agent has scrolled up to read, new turns do not pull
 * them away but show a "new messages" pill that brings them down.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ConversationTurn } from '../../../shared/schemas/assist';
import { Icon } from './icon';
import { MaskedText } from './masked-text';

const sourceLabels: Record<ConversationTurn['source'], string> = {
  typed: 'typed',
  clipboard: 'clipboard',
  ingest: 'connector',
  speech: 'call',
};

/** How close to the end (px) still counts as "at the newest turn". */
const STICK_PX = 24;

/** True when a scroll area shows its end (within STICK_PX). */
export function isAtEnd(area: { scrollTop: number; scrollHeight: number; clientHeight: number }) {
  return area.scrollHeight - area.scrollTop - area.clientHeight <= STICK_PX;
}

export interface TurnListProps {
  turns: readonly ConversationTurn[];
  /** Turns an escalation flag points at. */
  flagged: ReadonlySet<number>;
}

export function TurnList({ turns, flagged }: TurnListProps) {
  const list = useRef<HTMLOListElement>(null);
  // Whether the agent was at the newest turn before this render; starts true.
  const following = useRef(true);
  const seen = useRef(turns.length);
  const [unseen, setUnseen] = useState(0);
  const last = turns.at(-1);

  useLayoutEffect(() => {
    const area = list.current;
    if (!area) return;
    const added = turns.length - seen.current;
    seen.current = turns.length;
    if (following.current) {
      area.scrollTop = area.scrollHeight;
      setUnseen(0);
    } else if (added > 0) {
      setUnseen((count) => count + added);
    }
  }, [turns.length, last?.text]);

  // The window or the text size changed: a reader at the newest turn stays there.
  useEffect(() => {
    const area = list.current;
    if (!area || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      if (following.current) area.scrollTop = area.scrollHeight;
    });
    observer.observe(area);
    if (area.lastElementChild) observer.observe(area.lastElementChild);
    return () => observer.disconnect();
  }, [turns.length]);

  const toEnd = () => {
    const area = list.current;
    if (!area) return;
    following.current = true;
    area.scrollTop = area.scrollHeight;
    setUnseen(0);
  };

  return (
    <div className="turn-list-frame">
      <ol
        className="turn-list"
        aria-label="Transcript"
        // A keyboard stop of its own, so arrow keys scroll what was said.
        tabIndex={0}
        ref={list}
        onScroll={(event) => {
          following.current = isAtEnd(event.currentTarget);
          if (following.current) setUnseen(0);
        }}
      >
        {turns.map((turn) => (
          <li
            key={turn.index}
            id={`turn-${turn.index}`}
            tabIndex={-1}
            className={`turn turn--${turn.role}${flagged.has(turn.index) ? ' turn--flagged' : ''}`}
          >
            <span className="turn__who">
              {turn.role === 'customer' ? 'Customer' : 'Agent'}
              <span className="turn__source">{sourceLabels[turn.source]}</span>
            </span>
            <p className="turn__text">
              <MaskedText text={turn.text} />
            </p>
          </li>
        ))}
      </ol>
      {unseen > 0 ? (
        <button type="button" className="turn-list__new" onClick={toEnd}>
          <Icon name="chevron" size={12} />
          {unseen === 1 ? '1 new message' : `${unseen} new messages`}
        </button>
      ) : null}
    </div>
  );
}
