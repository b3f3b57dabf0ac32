/**
 * Where a finished turn of the conversation goes, whatever produced it: the agent typing or
 * pasting, the clipboard watch, the local ingest endpoint, or a final transcript of the call.
 * The assist service implements it; producers (speech, ingest) depend only on this.
 */
import type { TurnSource } from '../../../shared/schemas/assist';
import type { Role } from '../../../shared/schemas/knowledge';

export interface IncomingTurn {
  readonly role: Role;
  readonly text: string;
  readonly source: TurnSource;
  /** Milliseconds since the epoch; the sink stamps it when absent. */
  readonly at?: number;
}

export interface TurnSink {
  addTurn(turn: IncomingTurn): Promise<void>;
}
