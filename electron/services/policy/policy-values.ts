/**
 * One policy value from the place it was read to the value a setting takes: decoded from the
 * text form the registry and managed preferences need (one item per line, JSON text), then
 * checked by the setting's own schema. Pure: every rule here is unit-tested.
 */
import { describeZodError } from '../../../shared/zod-issues';
import {
  isPolicyKey,
  policyDefinitions,
  type PolicyKey,
  type PolicyLevel,
  type PolicyProblem,
  type PolicyValueKind,
} from '../../../shared/schemas/policy';
import type { RawPolicyLevel } from './policy-source';

/** A value that is right, or why it is not. */
export type Checked = { ok: true; value: unknown } | { ok: false; reason: string };

/** Extra checks the schema cannot make in shared code (a PEM that must parse as a key). */
export type PolicyRefinement = (key: PolicyKey, value: unknown) => string | null;

/** The raw value in the form its schema reads (text forms decoded). */
export function decodePolicyValue(kind: PolicyValueKind, raw: unknown): Checked {
  switch (kind) {
    case 'boolean':
    case 'number':
    case 'enum':
    case 'string':
      return { ok: true, value: raw };
    case 'list':
      return typeof raw === 'string'
        ? {
            ok: true,
            value: raw
              .split(/\r?\n/)
              .map((line) => line.trim())
              .filter((line) => line !== ''),
          }
        : { ok: true, value: raw };
    case 'json':
      if (typeof raw !== 'string') return { ok: true, value: raw };
      try {
        return { ok: true, value: JSON.parse(raw) as unknown };
      } catch (error) {
        return { ok: false, reason: `not JSON (${(error as Error).message})` };
      }
  }
}

/** Decodes and validates one value of `key`. */
export function checkPolicyValue(key: PolicyKey, raw: unknown, refine?: PolicyRefinement): Checked {
  const definition = policyDefinitions[key];
  const decoded = decodePolicyValue(definition.kind, raw);
  if (!decoded.ok) return decoded;
  const parsed = definition.schema.safeParse(decoded.value);
  if (!parsed.success) {
    return {
      ok: false,
      reason: describeZodError(parsed.error, decoded.value, { root: 'the value' }),
    };
  }
  const problem = refine?.(key, parsed.data) ?? null;
  return problem === null ? { ok: true, value: parsed.data } : { ok: false, reason: problem };
}

/** The valid values of one level; every other key is a problem, and the rest still count. */
export function checkPolicyLevel(
  raw: RawPolicyLevel,
  level: PolicyLevel,
  source: string,
  refine?: PolicyRefinement,
): { values: Map<PolicyKey, unknown>; problems: PolicyProblem[] } {
  const values = new Map<PolicyKey, unknown>();
  const problems: PolicyProblem[] = [];
  for (const [name, rawValue] of Object.entries(raw)) {
    if (rawValue === undefined) continue;
    if (!isPolicyKey(name)) {
      problems.push({ source, key: name, level, message: `unknown policy ${name} (ignored)` });
      continue;
    }
    const checked = checkPolicyValue(name, rawValue, refine);
    if (checked.ok) values.set(name, checked.value);
    else problems.push({ source, key: name, level, message: `${name}: ${checked.reason}` });
  }
  return { values, problems };
}
