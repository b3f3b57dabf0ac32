/**
 * The effective policy from every source's reading: per key, the first valid enforced value
 * (sources in precedence order), else the first valid default. Malformed values are reported
 * and ignored key by key.
 *
 * While the app runs, a bad edit never unlocks anything: a place that cannot be read as a
 * whole keeps its previous reading, and a key that turns malformed keeps its last valid
 * value (both reported). Removing a key does unlock it: that is what IT asked for.
 */
import {
  policyDefinitions,
  policyKeys,
  type PolicyEntry,
  type PolicyKey,
  type PolicyLevel,
  type PolicyProblem,
  type PolicyReport,
} from '../../../shared/schemas/policy';
import type { PolicyReading } from './policy-source';
import { checkPolicyLevel, type PolicyRefinement } from './policy-values';

/** What one resolution remembers for the next. */
export interface PolicyMemory {
  readonly readings: ReadonlyMap<string, PolicyReading>;
  /** `source \0 level \0 key` → the last valid value. */
  readonly lastValid: ReadonlyMap<string, unknown>;
}

export const emptyPolicyMemory: PolicyMemory = { readings: new Map(), lastValid: new Map() };

const LEVELS = [
  ['enforced', 'enforced'],
  ['default', 'defaults'],
] as const satisfies readonly (readonly [PolicyLevel, 'enforced' | 'defaults'])[];

const memoryKey = (source: string, level: PolicyLevel, key: string) =>
  `${source}\0${level}\0${key}`;

export function resolvePolicy(
  readings: readonly PolicyReading[],
  previous: PolicyMemory = emptyPolicyMemory,
  refine?: PolicyRefinement,
): { report: PolicyReport; memory: PolicyMemory } {
  const problems: PolicyProblem[] = [];
  const kept = new Map<string, PolicyReading>();
  const lastValid = new Map<string, unknown>();
  /** Per level, the values of each source in precedence order. */
  const found: Record<PolicyLevel, { source: string; values: Map<PolicyKey, unknown> }[]> = {
    enforced: [],
    default: [],
  };

  for (const reading of readings) {
    problems.push(...reading.problems);
    let levels = reading.levels;
    if (levels === null) {
      const before = previous.readings.get(reading.source)?.levels ?? null;
      if (before) {
        problems.push({
          source: reading.source,
          key: null,
          level: null,
          message: 'kept the policy read before until this one can be read',
        });
      }
      levels = before;
    }
    kept.set(reading.source, { ...reading, levels });
    if (!levels) continue;
    for (const [level, field] of LEVELS) {
      const checked = checkPolicyLevel(levels[field], level, reading.source, refine);
      for (const problem of checked.problems) {
        const key = problem.key;
        const remembered = key === null ? undefined : memoryKey(reading.source, level, key);
        if (remembered !== undefined && previous.lastValid.has(remembered)) {
          checked.values.set(key as PolicyKey, previous.lastValid.get(remembered));
          problems.push({ ...problem, message: `${problem.message}; kept the last valid value` });
        } else {
          problems.push(problem);
        }
      }
      for (const [key, value] of checked.values) {
        lastValid.set(memoryKey(reading.source, level, key), value);
      }
      found[level].push({ source: reading.source, values: checked.values });
    }
  }

  const entries: PolicyEntry[] = [];
  for (const key of policyKeys) {
    for (const [level] of LEVELS) {
      const hit = found[level].find((f) => f.values.has(key));
      if (!hit) continue;
      entries.push({
        key,
        level,
        value: hit.values.get(key),
        setting: policyDefinitions[key].setting,
        source: hit.source,
      });
      break;
    }
  }
  return {
    report: { sources: readings.map((r) => r.source), entries, problems },
    memory: { readings: kept, lastValid },
  };
}
