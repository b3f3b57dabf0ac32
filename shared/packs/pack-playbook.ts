/**
 * What the assist engine reads of one installed pack: its intents (with playbooks), canned
 * replies (each carrying its pack id) and escalation rules. The knowledge service hands one
 * per installed pack to the assist service; tests build them in memory.
 */
import type { CannedResponse, EscalationRule, Intent } from './pack-schemas';

export interface PackPlaybook {
  readonly packId: string;
  readonly intents: readonly Intent[];
  readonly responses: readonly (CannedResponse & { readonly packId: string })[];
  readonly rules: readonly EscalationRule[];
}
