/**
 * `{{placeholders}}` of canned replies: which names a text uses, the values a conversation
 * gives them, and the filled text. A name the conversation does not tell stays visibly blank as
 * a `[order id]` marker, so the agent sees the gap before sending instead of a customer seeing
 * `{{order_id}}`. The pack checker (electron/services/packs/source/placeholders.ts) reuses the parsing.
 */
import type { Entity } from '../schemas/assist';

/** One `{{ name }}` occurrence; group 1 is the raw name between the braces. */
export const PLACEHOLDER_PATTERN = /\{\{([^{}]*)\}\}/g;

/** A well-formed placeholder name: `customer_name`, `order.id`. */
export const PLACEHOLDER_NAME = /^[A-Za-z_][A-Za-z0-9_.]*$/;

/**
 * A blank left by `fillPlaceholders`, e.g. `[order id]`; group 1 is the spaced name. The UI
 * highlights these (only those whose name is in the suggestion's `missing`).
 */
export const BLANK_MARKER_PATTERN = /\[([a-z][a-z0-9]*(?: [a-z0-9]+)*)\]/g;

/** The placeholder names a text uses, in order of first use. */
export function placeholdersIn(text: string): string[] {
  const names = [...text.matchAll(PLACEHOLDER_PATTERN)]
    .map((m) => m[1]!.trim())
    .filter((n) => PLACEHOLDER_NAME.test(n));
  return [...new Set(names)];
}

/** The label of a placeholder's blank: `order_id` → `order id`. */
export function blankLabel(name: string): string {
  return name.toLowerCase().replace(/[_.]+/g, ' ').trim();
}

/** The visible blank for a placeholder name: `order_id` → `[order id]`. */
export function blankMarker(name: string): string {
  return `[${blankLabel(name)}]`;
}

const CURRENCY = /^[$€£¥]/;

/** A canned text with its placeholders filled, and the names that had no value (in order). */
export interface FilledText {
  readonly text: string;
  readonly missing: string[];
}

/**
 * Fills `{{name}}` from `values` (names match case-insensitively); names without a non-empty
 * value become blank markers and are listed in `missing`. Malformed placeholders are left as
 * they are (the pack checker reports them).
 */
export function fillPlaceholders(
  text: string,
  values: Readonly<Record<string, string>>,
): FilledText {
  const lookup = new Map<string, string>();
  for (const [k, v] of Object.entries(values)) {
    if (v.trim()) lookup.set(k.toLowerCase(), v.trim());
  }
  const missing: string[] = [];
  const filled = text.replace(PLACEHOLDER_PATTERN, (whole, raw: string, at: number) => {
    const name = raw.trim();
    if (!PLACEHOLDER_NAME.test(name)) return whole;
    const value = lookup.get(name.toLowerCase());
    // "${{amount}}" with the amount "$59.90": the currency sign is written once.
    if (value !== undefined)
      return CURRENCY.test(value) && value[0] === text[at - 1] ? value.slice(1) : value;
    if (!missing.includes(name)) missing.push(name);
    return blankMarker(name);
  });
  return { text: filled, missing };
}

/** The placeholder names each entity kind fills (the usual names of helpdesk macros). */
const NAMES_BY_KIND: Readonly<Record<Entity['kind'], readonly string[]>> = {
  name: ['customer_name', 'name', 'customer'],
  order: ['order_id', 'order_number', 'order', 'order_no'],
  account: ['account_id', 'account_number', 'account', 'customer_id', 'username'],
  email: ['email', 'email_address', 'customer_email'],
  phone: ['phone', 'phone_number', 'customer_phone'],
  date: ['date', 'order_date', 'delivery_date'],
  amount: ['amount', 'refund_amount', 'total'],
  other: [],
};

/**
 * Placeholder values from the conversation's entities. The latest entity of a kind wins (a
 * customer who corrects an order number means the new one); `first_name` and `last_name` come
 * from the customer's name. A name equal to `extra.agent_name` is the agent's own, never the
 * customer's. `extra` (agent_name, company, ...) is added last and overrides.
 */
export function placeholderValues(
  entities: readonly Entity[],
  extra: Readonly<Record<string, string>> = {},
): Record<string, string> {
  const agentName = (extra.agent_name ?? '').trim().toLowerCase();
  const latest = new Map<Entity['kind'], Entity>();
  for (const e of [...entities].sort((a, b) => a.turn - b.turn)) {
    if (!e.value.trim()) continue;
    if (e.kind === 'name' && agentName && e.value.trim().toLowerCase() === agentName) continue;
    latest.set(e.kind, e);
  }
  const values: Record<string, string> = {};
  for (const [kind, entity] of latest) {
    for (const name of NAMES_BY_KIND[kind]) values[name] = entity.value.trim();
  }
  const name = latest.get('name')?.value.trim();
  if (name) {
    const parts = name.split(/\s+/);
    values.first_name = parts[0]!;
    if (parts.length > 1) values.last_name = parts[parts.length - 1]!;
  }
  return { ...values, ...extra };
}
