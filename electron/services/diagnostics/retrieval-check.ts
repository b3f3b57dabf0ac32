/**
 * The doctor's "Retrieval mode" check: hybrid (full-text and vector search) with the
 * embedding model, or lexical (full-text only) with the reason and the fix. Pure: the facts
 * come from `resolveEmbeddingModel`, the same decision the knowledge service makes.
 */
import { assertNever } from '../../../shared/result';
import type { DoctorCheck } from '../../../shared/schemas/diagnostics';
import type { EmbeddingModelChoice } from '../embeddings/embedding-model';

export function retrievalModeCheck(choice: EmbeddingModelChoice): DoctorCheck {
  const base = { id: 'retrieval-mode', label: 'Retrieval mode' };
  if (choice.kind === 'model') {
    const source = choice.fromEnv ? ', from INLOOP_EMBED_MODEL' : '';
    return {
      ...base,
      verdict: 'ok',
      detail: `hybrid: full-text + vector search with ${choice.id} (${choice.dtype}${source})`,
    };
  }
  switch (choice.cause) {
    case 'disabled':
      return {
        ...base,
        verdict: 'ok',
        detail: 'lexical: full-text search only, as asked (INLOOP_EMBED_MODEL=none)',
      };
    case 'invalid-id':
    case 'missing':
      return {
        ...base,
        verdict: 'warn',
        detail: `lexical: full-text search only, because ${choice.reason}`,
        fix: `for hybrid search, ${choice.fix ?? 'install an embedding model'}`,
      };
    default:
      return assertNever(choice.cause);
  }
}
