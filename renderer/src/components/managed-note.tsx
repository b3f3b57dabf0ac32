/**
 * "Managed by your organisation": shown under a setting an enforced policy locks, with the
 * policy's name and where it was set for whoever asks IT about it.
 */
import { Icon } from './icon';

export interface ManagedBy {
  /** The policy key, e.g. `SaveAudio`. */
  readonly key: string;
  /** Where it was read, e.g. `/etc/inloop/policy.json`. */
  readonly source: string;
}

export function ManagedNote({ by, id }: { by: ManagedBy; id?: string }) {
  return (
    <p className="managed-note" id={id}>
      <Icon name="info" size={13} />
      <span>
        Managed by your organisation <span className="managed-note__policy">(policy {by.key})</span>
      </span>
    </p>
  );
}
