/**
 * What the customer is asking now, as a term vector: the latest customer turns, the newest
 * weighing most (each older one half the next). Agent turns are left out: they echo the
 * customer or talk about other things ("anything else I can help with?").
 */
import { contentTerms } from './text';

/** The minimal turn the suggestion functions read. */
export interface SpokenTurn {
  readonly role: 'customer' | 'agent';
  readonly text: string;
}

/** Weighted terms of the newest `maxTurns` customer turns. */
export function customerQuery(turns: readonly SpokenTurn[], maxTurns = 3): Map<string, number> {
  const query = new Map<string, number>();
  const customer = turns.filter((t) => t.role === 'customer').slice(-maxTurns);
  customer.forEach((turn, i) => {
    const weight = Math.pow(0.5, customer.length - 1 - i);
    for (const t of contentTerms(turn.text)) query.set(t, (query.get(t) ?? 0) + weight);
  });
  return query;
}
