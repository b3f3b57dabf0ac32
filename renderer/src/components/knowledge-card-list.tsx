/**
 * The knowledge cards as one list with roving focus: Tab enters at the last card used,
 * ArrowUp/ArrowDown (and Home/End) move between cards.
 */
import { useRef, useState, type KeyboardEvent } from 'react';
import type { SearchHit } from '../../../shared/schemas/knowledge';
import { KnowledgeCard, type Feedback } from './knowledge-card';

export interface KnowledgeCardListProps {
  /** What the list is, for screen readers, e.g. "Articles for the conversation". */
  label: string;
  hits: readonly SearchHit[];
  packName(packId: string): string;
  onCopy(hit: SearchHit): Promise<boolean>;
  onFeedback(hit: SearchHit, feedback: Feedback): void;
}

/** The card index an arrow key moves to, or null when the key does not move. */
export function nextCardIndex(key: string, current: number, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowDown':
      return Math.min(count - 1, current + 1);
    case 'ArrowUp':
      return Math.max(0, current - 1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

export function KnowledgeCardList({
  label,
  hits,
  packName,
  onCopy,
  onFeedback,
}: KnowledgeCardListProps) {
  const [active, setActive] = useState(0);
  const list = useRef<HTMLUListElement>(null);
  const current = Math.min(active, Math.max(0, hits.length - 1));

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const target = event.target as HTMLElement;
    if (!target.hasAttribute('data-knowledge-card')) return;
    const next = nextCardIndex(event.key, current, hits.length);
    if (next === null) return;
    event.preventDefault();
    setActive(next);
    const cards = list.current?.querySelectorAll<HTMLElement>('[data-knowledge-card]');
    cards?.[next]?.focus();
  };

  return (
    <ul className="knowledge-list" aria-label={label} ref={list} onKeyDown={onKeyDown}>
      {hits.map((hit, index) => (
        <li key={`${hit.packId}/${hit.articleId}/${hit.passage}`} className="knowledge-list__item">
          <KnowledgeCard
            hit={hit}
            packName={packName(hit.packId)}
            onCopy={onCopy}
            onFeedback={onFeedback}
            tabbable={index === current}
            onFocus={() => setActive(index)}
          />
        </li>
      ))}
    </ul>
  );
}
