/**
 * The hosts a generation endpoint may be on besides this computer (`privacy.allowedEndpointHosts`).
 * Each receives redacted conversation text; removing one stops that at once.
 */
import { useShallow } from 'zustand/react/shallow';
import { Icon } from '../../components/icon';
import { ManagedNote } from '../../components/managed-note';
import { useInloop } from '../../state/use-inloop';
import { useManaged } from './use-managed';

export function AllowedHosts() {
  const hosts = useInloop(useShallow((s) => s.settings?.privacy.allowedEndpointHosts ?? []));
  const update = useInloop((s) => s.updateSettings);
  const lock = useManaged('privacy.allowedEndpointHosts');
  const remove = (host: string) =>
    void update({ privacy: { allowedEndpointHosts: hosts.filter((entry) => entry !== host) } });
  return (
    <div className="allowed-hosts">
      <p className="allowed-hosts__label" id="allowed-hosts-label">
        Allowed endpoint hosts
      </p>
      <p className="allowed-hosts__help">
        Computers other than this one that may receive the conversation, redacted, to generate a
        reply. Allow one from Assist → Generated replies.
      </p>
      {lock ? <ManagedNote by={lock} /> : null}
      {hosts.length === 0 ? (
        <p className="packs-empty">
          None: nothing leaves this computer. Generated replies only use an endpoint on it.
        </p>
      ) : (
        <ul className="allowed-hosts__list" aria-labelledby="allowed-hosts-label">
          {hosts.map((host) => (
            <li key={host} className="allowed-hosts__item">
              <Icon name="globe" size={14} />
              <span className="allowed-hosts__host">{host}</span>
              {lock ? null : (
                <button
                  type="button"
                  className="button button--small button--ghost"
                  aria-label={`Stop sending text to ${host}`}
                  onClick={() => remove(host)}
                >
                  Remove
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
