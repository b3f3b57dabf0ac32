/**
 * In a narrow window, a strip of the five panels to jump between (hidden when two columns
 * fit). Icons and words when there is room, words at overlay width, icons alone below that.
 */
import { Icon } from '../components/icon';
import { useInloop } from '../state/use-inloop';
import { focusRegion } from '../keyboard/focus-region';
import { panelIcons } from './panel-icons';
import { panelIds, panelTitles } from './panel-ids';

const shortTitles = { ...panelTitles, actions: 'Actions' };

export function PanelStrip() {
  const active = useInloop((s) => s.activePanel);
  const expandPanel = useInloop((s) => s.expandPanel);
  return (
    <nav className="panel-strip" aria-label="Panels">
      {panelIds.map((id, index) => (
        <a
          key={id}
          href={`#panel-${id}`}
          className="panel-strip__link"
          aria-current={active === id ? 'true' : undefined}
          title={`${panelTitles[id]} (Alt+${index + 1})`}
          onClick={(event) => {
            event.preventDefault();
            expandPanel(id);
            focusRegion(id);
          }}
        >
          <Icon name={panelIcons[id]} size={14} />
          <span className="panel-strip__label">{shortTitles[id]}</span>
        </a>
      ))}
    </nav>
  );
}
