/**
 * App-wide states shown as strips under the header: a lost or unreachable link to the
 * services, and click-through (the window lets clicks through, so it must say so loudly).
 */
import { assertNever } from '../../../shared/result';
import type { ConnectionStatus } from '../api/connection';
import { Banner } from '../components/banner';
import { displayAccelerator } from '../keyboard/accelerator';
import { useInloop } from '../state/use-inloop';

export function ConnectionBanner() {
  const connection = useInloop((s) => s.connection);
  return <div role="status">{connectionBanner(connection)}</div>;
}

function connectionBanner(connection: ConnectionStatus) {
  switch (connection) {
    case 'open':
      return null;
    case 'connecting':
      return (
        <Banner tone="info" icon="info" delayed>
          Connecting to Inloop…
        </Banner>
      );
    case 'reconnecting':
      return (
        <Banner tone="warning" icon="offline">
          Connection to Inloop lost. Reconnecting… Changes can't be saved until it's back.
        </Banner>
      );
    case 'unreachable':
      return (
        <Banner tone="error" icon="offline">
          Can't reach Inloop. If <code>inloop serve</code> was restarted, open the new link it
          printed.
        </Banner>
      );
    default:
      return assertNever(connection);
  }
}

export function ClickThroughBanner() {
  const clickThrough = useInloop((s) => s.overlay?.clickThrough ?? false);
  const hotkey = useInloop((s) => s.settings?.hotkeys.toggleClickThrough);
  const platform = useInloop((s) => s.appInfo?.platform ?? '');
  const setClickThrough = useInloop((s) => s.setClickThrough);
  if (!clickThrough) return null;
  return (
    <Banner
      tone="warning"
      icon="pointer"
      action={
        <button
          type="button"
          className="button button--small"
          onClick={() => void setClickThrough(false)}
        >
          Turn off
        </button>
      }
    >
      <strong>Click-through is on.</strong> Clicks go to the app underneath
      {hotkey ? (
        <>
          ; press <kbd className="kbd">{displayAccelerator(hotkey, platform)}</kbd> to turn it off.
        </>
      ) : (
        '.'
      )}
    </Banner>
  );
}
