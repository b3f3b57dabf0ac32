/**
 * The knowledge cards, one per article, as one list with roving focus: Tab enters at the last
 * card used, ArrowUp/ArrowDown (and Home/End) move between cards.
 */
import { useMemo } from 'react';
import type { SearchHit } from '../../../shared/schemas/knowledge';
import { useRovingList } from '../keyboard/use-roving-list';
import { groupByArticle } from '../panels/knowledge-groups';
import { KnowledgeCard, type Feedback } from './knowledge-card';

export interface KnowledgeCardListProps {
  /** What the list is, for screen readers, e.g. "Articles for the conversation". */
  label: string;
  hits: readonly SearchHit[];
  packName(packId: string): string;
  onCopy(hit: SearchHit, position: number): Promise<boolean>;
  onFeedback(hit: SearchHit, feedback: Feedback, position: number): void;
  onOpen(hit: SearchHit, position: number): void;
}

export function KnowledgeCardList({
  label,
  hits,
  packName,
  onCopy,
  onFeedback,
  onOpen,
}: KnowledgeCardListProps) {
  const groups = useMemo(() => groupByArticle(hits), [hits]);
  const { listProps, current, setActive } = useRovingList<HTMLUListElement>(groups.length);

  return (
    <ul className="knowledge-list" aria-label={label} {...listProps}>
      {groups.map((group, index) => (
        <li key={group.key} className="knowledge-list__item">
          <KnowledgeCard
            group={group}
            packName={packName(group.best.packId)}
            onCopy={(hit) => onCopy(hit, index)}
            onFeedback={(hit, feedback) => onFeedback(hit, feedback, index)}
            onOpen={(hit) => onOpen(hit, index)}
            tabbable={index === current}
            onFocus={() => setActive(index)}
          />
        </li>
      ))}
    </ul>
  );
}
