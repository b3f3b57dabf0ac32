/**
 * The live conversation's known names and ids (`knownPersonal`, what `redactStored` masks),
 * kept turn by turn: each new turn is read once and added to what the earlier turns gave,
 * instead of reading the whole conversation again at every turn (issue 16: a turn's cost must
 * not grow with the conversation). Reading the turns one batch at a time gives what reading
 * them all at once gives: every name and id found is kept, with each part of each name.
 */
import { knownPersonal, type KnownPersonal } from '../../../shared/assist/privacy';
import type { EntityTurn } from '../../../shared/assist/entities';

export class KnownPersonalTally {
  private readonly names = new Set<string>();
  private readonly ids = new Map<string, string>();
  private read = 0;
  private values: KnownPersonal = { names: [], ids: [] };

  /** How many turns have been read. */
  get turnsRead(): number {
    return this.read;
  }

  /** The known names and ids of `turns`, a conversation that only grows at its end. */
  of(turns: readonly EntityTurn[]): KnownPersonal {
    if (turns.length <= this.read) return this.values;
    const fresh = knownPersonal(turns.slice(this.read));
    for (const name of fresh.names) this.names.add(name);
    for (const { value, mask } of fresh.ids) this.ids.set(value, mask);
    this.read = turns.length;
    this.values = {
      names: [...this.names],
      ids: [...this.ids].map(([value, mask]) => ({ value, mask })),
    };
    return this.values;
  }
}
