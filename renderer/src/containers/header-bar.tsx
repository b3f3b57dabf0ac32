/**
 * The header: the window's drag handle, the product name, where it runs, the capture
 * status with pause/resume, and the overlay's click-through and mode toggles.
 */
import { CapturePill } from '../components/capture-pill';
import { Icon, LogoMark } from '../components/icon';
import { IconButton } from '../components/icon-button';
import { useInloop } from '../state/use-inloop';

export function HeaderBar() {
  const capture = useInloop((s) => s.capture?.state ?? 'unknown');
  const mode = useInloop((s) => s.overlay?.mode ?? s.settings?.overlay.mode ?? 'overlay');
  const clickThrough = useInloop((s) => s.overlay?.clickThrough ?? false);
  const host = useInloop((s) => s.appInfo?.host);
  const setCapturePaused = useInloop((s) => s.setCapturePaused);
  const setClickThrough = useInloop((s) => s.setClickThrough);
  const setOverlayMode = useInloop((s) => s.setOverlayMode);
  const openSettings = useInloop((s) => s.openSettings);
  const showShortcuts = useInloop((s) => s.setShortcutsOpen);
  const paused = capture === 'paused';

  return (
    <header className="app-header" data-region="header" tabIndex={-1} aria-label="Inloop">
      <div className="app-header__brand">
        <LogoMark />
        <h1 className="app-header__name">Inloop</h1>
        {host === 'web' ? (
          <span className="host-badge" title="Running in a browser through inloop serve">
            <Icon name="globe" size={12} />
            Browser
          </span>
        ) : null}
      </div>
      <div className="app-header__status">
        <CapturePill state={capture} />
        <IconButton
          icon={paused ? 'play' : 'pause'}
          label={paused ? 'Resume capture' : 'Pause capture'}
          disabled={capture === 'unknown'}
          onClick={() => void setCapturePaused(!paused)}
        />
      </div>
      <div className="app-header__tools">
        <IconButton
          icon="pointer"
          label={
            clickThrough
              ? 'Click-through is on: turn it off'
              : 'Click-through: let clicks pass to the app below'
          }
          pressed={clickThrough}
          tone={clickThrough ? 'warning' : 'default'}
          onClick={() => void setClickThrough(!clickThrough)}
        />
        <IconButton
          icon={mode === 'docked' ? 'docked' : 'overlay'}
          label={
            mode === 'docked'
              ? 'Docked side panel: switch to overlay'
              : 'Floating overlay: switch to docked'
          }
          onClick={() => void setOverlayMode(mode === 'docked' ? 'overlay' : 'docked')}
        />
        <IconButton
          icon="keyboard"
          label="Keyboard shortcuts (?)"
          className="wide-only"
          onClick={() => showShortcuts(true)}
        />
        <IconButton icon="sliders" label="Settings (Ctrl+,)" onClick={openSettings} />
      </div>
    </header>
  );
}
