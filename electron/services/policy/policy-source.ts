/**
 * Where policy is read: one interface over the Linux file, the Windows registry and the macOS
 * managed preferences (and the fakes tests put in their place). A source pushes a reading at
 * start and one after each change; it never throws for what it finds, it reports it.
 */
import type { PolicyProblem } from '../../../shared/schemas/policy';

/** The raw values of one level, by key name, as the place holds them (strings for JSON). */
export type RawPolicyLevel = Readonly<Record<string, unknown>>;

/** What a source holds right now. */
export interface PolicyReading {
  /** Names the place for people: a path, a registry key, a preferences domain. */
  readonly source: string;
  /**
   * The two levels; null when the place could not be read as a whole this time (a file
   * half-written by an editor): the service keeps the reading before it.
   */
  readonly levels: { readonly enforced: RawPolicyLevel; readonly defaults: RawPolicyLevel } | null;
  /** What was wrong with the place as a whole (not JSON, an unknown section). */
  readonly problems: readonly PolicyProblem[];
}

export interface PolicySource {
  readonly label: string;
  /**
   * Starts reading. `onReading` gets the first reading before the promise resolves, then one
   * after every change while the source is open.
   */
  start(onReading: (reading: PolicyReading) => void): Promise<void>;
  /** Stops watching; idempotent. */
  close(): void;
}

/** A problem with the place as a whole, not with one key. */
export function sourceProblem(source: string, message: string): PolicyProblem {
  return { source, key: null, level: null, message };
}
