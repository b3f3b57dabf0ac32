/**
 * The conversation's known names and ids, kept turn by turn (issue 16, item 3: a turn's cost
 * must not grow with the conversation): reading only the new turns gives what reading them
 * all at once gives.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KnownPersonalTally } from '../../../../electron/services/assist/known-personal-tally';
import { knownPersonal } from '../../../../shared/assist/privacy';

const dialogue = [
  { role: 'customer' as const, text: 'Hi, my name is Sarah Connor, order 88231934 is late' },
  { role: 'agent' as const, text: 'Thanks, Sarah. Let me check order 88231934.' },
  { role: 'customer' as const, text: 'my username is sconnor77 and account ACC-55120' },
  { role: 'agent' as const, text: 'Hello Sarah, I found account ACC-55120.' },
  { role: 'customer' as const, text: 'This is Kyle Reese, her husband, order 99120001 too' },
];

/** What the values mask: `redact` masks each part of each name wherever it appears. */
const asSets = (k: ReturnType<typeof knownPersonal>) => ({
  names: new Set(k.names.flatMap((name) => name.split(/ +/))),
  ids: new Set(k.ids.map((i) => `${i.mask} ${i.value}`)),
});

describe('the known names and ids, turn by turn', () => {
  it('equal those of the whole conversation read at once, after every turn', () => {
    const turns: typeof dialogue = [];
    const tally = new KnownPersonalTally();
    for (const turn of dialogue) {
      turns.push(turn);
      expect(asSets(tally.of(turns))).toEqual(asSets(knownPersonal(turns)));
    }
    expect(tally.of(turns).names).toEqual(expect.arrayContaining(['Sarah Connor', 'Kyle Reese']));
  });

  it('read each turn once', () => {
    const tally = new KnownPersonalTally();
    const turns = [...dialogue];
    tally.of(turns);
    expect(tally.turnsRead).toBe(turns.length);
    turns.push({ role: 'customer', text: 'any news?' });
    tally.of(turns);
    tally.of(turns);
    expect(tally.turnsRead).toBe(turns.length);
  });

  it('match on a long real conversation (doc2dial turns)', () => {
    const file = join(import.meta.dirname, '../../../../../shared/data/doc2dial-dev/turns.jsonl');
    let lines: string[];
    try {
      lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    } catch {
      return; // the shared data is absent on this machine
    }
    const all = lines.flatMap(
      (l) => (JSON.parse(l) as { turns: { role: 'customer' | 'agent'; text: string }[] }).turns,
    );
    const turns = all.slice(0, 300);
    const tally = new KnownPersonalTally();
    for (let n = 50; n <= turns.length; n += 50) tally.of(turns.slice(0, n));
    expect(asSets(tally.of(turns))).toEqual(asSets(knownPersonal(turns)));
  });
});
