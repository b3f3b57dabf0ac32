/**
 * Where the conversation goes for the saved endpoint: this computer, an allowed host (redacted
 * text), or a host that gets nothing until it is allowed, with the button that allows it.
 */
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { endpointReach, type EndpointReach } from '../../../../shared/assist/endpoint-host';
import { assertNever } from '../../../../shared/result';
import { Icon } from '../../components/icon';
import { useInloop } from '../../state/use-inloop';

/** The sentence for a reach; exported for the unit tests. */
export function reachText(reach: EndpointReach): string {
  switch (reach.kind) {
    case 'invalid':
      return `No reply can be generated with the saved endpoint: ${reach.problem}`;
    case 'on-device':
      return `${reach.host} is this computer: the conversation stays on the device.`;
    case 'allowed':
      return `${reach.host} is another computer, allowed under Privacy: it receives the conversation with names, numbers and other personal details redacted.`;
    case 'not-allowed':
      return `${reach.host} is another computer and not an allowed endpoint host, so Inloop sends it nothing and no reply is generated.`;
    default:
      return assertNever(reach);
  }
}

export function EndpointReachLine({ id }: { id: string }) {
  const endpoint = useInloop((s) => s.settings?.assist.generationEndpoint ?? '');
  const allowedHosts = useInloop(useShallow((s) => s.settings?.privacy.allowedEndpointHosts ?? []));
  const update = useInloop((s) => s.updateSettings);
  const [error, setError] = useState<string | null>(null);
  const reach = endpointReach(endpoint, allowedHosts);
  const local = reach.kind === 'on-device';

  const allow = async (host: string) => {
    const result = await update(
      { privacy: { allowedEndpointHosts: [...allowedHosts, host] } },
      { quiet: true },
    );
    setError(result.ok ? null : `Couldn't allow ${host}: ${result.error.message}`);
  };

  return (
    <div className={`endpoint-reach endpoint-reach--${reach.kind}`}>
      <p className="endpoint-reach__text" id={id} role="status">
        <Icon name={local ? 'info' : 'globe'} size={14} />
        <span>{reachText(reach)}</span>
      </p>
      {reach.kind === 'not-allowed' ? (
        <div className="endpoint-reach__allow">
          <p className="endpoint-reach__consequence" id={`${id}-consequence`}>
            Allowing it sends each conversation you generate a reply for to {reach.host}, with
            personal details redacted first. Only allow a host your organisation trusts.
          </p>
          <button
            type="button"
            className="button button--small"
            aria-describedby={`${id}-consequence`}
            onClick={() => void allow(reach.host)}
          >
            Allow {reach.host}
          </button>
        </div>
      ) : null}
      {error ? (
        <p className="packs-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
