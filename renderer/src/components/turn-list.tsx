/** The transcript: each turn with who said it and where it came from, masked tokens marked. */
import type { ConversationTurn } from '../../../shared/schemas/assist';
import { MaskedText } from './masked-text';

const sourceLabels: Record<ConversationTurn['source'], string> = {
  typed: 'typed',
  clipboard: 'clipboard',
  ingest: 'connector',
  speech: 'call',
};

export interface TurnListProps {
  turns: readonly ConversationTurn[];
  /** Turns an escalation flag points at. */
  flagged: ReadonlySet<number>;
}

export function TurnList({ turns, flagged }: TurnListProps) {
  return (
    <ol className="turn-list" aria-label="Transcript">
      {turns.map((turn) => (
        <li
          key={turn.index}
          id={`turn-${turn.index}`}
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
  );
}
