/** The quiet line at the foot of the window: link state, version, and the shortcuts hint. */
import { Keys } from '../components/kbd';
import { useInloop } from '../state/use-inloop';

const connectionWords = {
  connecting: 'Connecting',
  open: 'Connected',
  reconnecting: 'Reconnecting',
  unreachable: 'Offline',
} as const;

export function StatusLine() {
  const connection = useInloop((s) => s.connection);
  const version = useInloop((s) => s.appInfo?.version);
  const host = useInloop((s) => s.appInfo?.host);
  const showShortcuts = useInloop((s) => s.setShortcutsOpen);
  return (
    <div className="status-line">
      <span className={`status-line__link status-line__link--${connection}`}>
        <span className="status-line__dot" aria-hidden="true" />
        {connectionWords[connection]}
        {host === 'web' ? ' to inloop serve' : ''}
      </span>
      {version ? <span className="status-line__version">v{version}</span> : null}
      <button type="button" className="status-line__help" onClick={() => showShortcuts(true)}>
        <Keys keys={['?']} label="Question mark" /> Shortcuts
      </button>
    </div>
  );
}
