/** What the policy templates share: XML escaping, stable ids, the example levels. */
import { createHash } from 'node:crypto';
import {
  policyDefinitions,
  policyKeys,
  type PolicyDefinition,
  type PolicyKey,
  type PolicyLevel,
} from '../../../../shared/schemas/policy';

/** Text escaped for an XML text node or a double-quoted attribute. */
export function xml(text: string, attribute = false): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return attribute ? escaped.replace(/"/g, '&quot;') : escaped;
}

/** A UUID derived from `name`, so regenerating a template changes nothing. */
export function stableUuid(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `4${hex.slice(13, 16)}`,
    `${'89ab'[parseInt(hex[16]!, 16) % 4]}${hex.slice(17, 20)}`,
    hex.slice(20, 32),
  ]
    .join('-')
    .toUpperCase();
}

/** The keys the examples set at `level`, in schema order. */
export function exampleKeys(level: PolicyLevel): PolicyKey[] {
  return policyKeys.filter(
    (key) => ((policyDefinitions[key] as PolicyDefinition).exampleLevel ?? 'enforced') === level,
  );
}

/**
 * A value as the registry and managed preferences hold it: booleans, numbers and strings
 * as they are, a list one item per line, JSON as JSON text.
 */
export function textForm(key: PolicyKey, value: unknown): string | number | boolean {
  switch (policyDefinitions[key].kind) {
    case 'boolean':
    case 'number':
    case 'enum':
    case 'string':
      return value as string | number | boolean;
    case 'list':
      return (value as string[]).join('\n');
    case 'json':
      return JSON.stringify(value);
  }
}
