/** The shapes the knowledge service takes and returns (the contract's, without zod). */
import type { Turn } from '../../../shared/knowledge/types';
import type { QueryTurn, RetrievalMode, SearchHit } from '../../../shared/schemas/knowledge';

/** A search request: free text, the conversation so far, or both (the text comes last). */
export interface KnowledgeQuery {
  readonly query?: string;
  readonly turns?: readonly QueryTurn[];
  readonly k?: number;
}

export interface KnowledgeResults {
  readonly hits: SearchHit[];
  readonly mode: RetrievalMode;
  readonly ms: number;
}

export interface KnowledgeStatus {
  readonly mode: RetrievalMode;
  readonly packs: number;
  readonly passages: number;
}

/** Results per search unless asked. */
export const DEFAULT_K = 5;
/** The conversation a request stands for: its turns, then its free text as a customer turn. */
export function turnsOf(request: KnowledgeQuery): Turn[] {
  const turns: Turn[] = (request.turns ?? []).filter((t) => t.text.trim() !== '');
  if (request.query !== undefined && request.query.trim() !== '') {
    turns.push({ role: 'customer', text: request.query });
  }
  return turns;
}
