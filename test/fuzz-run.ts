/**
 * Property-test runs for the fuzz suites: a fresh seed each run (or FC_SEED to replay one),
 * printed before the run so a failure in CI can be replayed, and a time budget so a suite
 * stays bounded on a slow machine. fast-check prints the seed and the shrunk counterexample
 * of a failure; a case it finds becomes a fixed test beside the property.
 */
import type { Parameters } from 'fast-check';

export interface FuzzBudget {
  /** At most this many cases. */
  readonly runs: number;
  /** Stop (passing) after this long, however many cases ran. */
  readonly ms: number;
}

/** fast-check parameters for the suite `name`, its seed printed. */
export function fuzzRun<T>(name: string, budget: FuzzBudget): Parameters<T> {
  const fromEnv = process.env.FC_SEED;
  const seed =
    fromEnv !== undefined && fromEnv !== '' ? Number(fromEnv) : (Math.random() * 2 ** 31) | 0;
  console.log(`[fuzz] ${name}: seed ${seed} (replay with FC_SEED=${seed})`);
  return {
    seed,
    numRuns: budget.runs,
    interruptAfterTimeLimit: budget.ms,
    markInterruptAsFailure: false,
  };
}
