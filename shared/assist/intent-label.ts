/**
 * The human label of a pack intent for the agent's screen: the pack's `label` when it gives one,
 * else one made from the id's last part ("manage_account.manage_change_address" → "Manage change
 * address").
 */
import type { Intent } from '../packs/pack-schemas';

export function intentLabel(intent: Pick<Intent, 'id' | 'label'>): string {
  if (intent.label) return intent.label;
  const last = intent.id.split(/[.:]/).at(-1) ?? intent.id;
  const words = last.replace(/[_-]+/g, ' ').trim();
  return words === '' ? intent.id : words.charAt(0).toUpperCase() + words.slice(1);
}
