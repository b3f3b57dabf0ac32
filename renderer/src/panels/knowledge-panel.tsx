/** Cited knowledge cards, with a search box for looking something up by hand. */
import { EmptyState } from '../components/empty-state';
import { SearchField } from '../components/search-field';
import { useInloop } from '../state/use-inloop';
import { PanelFrame } from './panel-frame';

export function KnowledgePanel() {
  const query = useInloop((s) => s.knowledgeQuery);
  const setQuery = useInloop((s) => s.setKnowledgeQuery);
  const searching = query.trim() !== '';
  return (
    <PanelFrame id="knowledge">
      <SearchField
        id="knowledge-search"
        label="Search knowledge"
        placeholder="Search articles"
        value={query}
        onChange={setQuery}
      />
      {searching ? (
        <EmptyState title={`No articles for "${query.trim()}"`}>
          No knowledge pack is loaded yet. Once your team adds one, matching passages show here with
          their source.
        </EmptyState>
      ) : (
        <EmptyState title="Cited articles appear here">
          As the customer talks, Inloop finds the passages that answer them and cites the source.
          Search to look something up yourself.
        </EmptyState>
      )}
    </PanelFrame>
  );
}
