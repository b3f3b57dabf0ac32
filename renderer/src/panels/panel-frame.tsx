/** Wires a `Panel` to the store: folded or not, and which panel the agent is in. */
import type { ReactNode } from 'react';
import { Panel } from '../components/panel';
import { useInloop } from '../state/use-inloop';
import { panelIcons } from './panel-icons';
import { panelIds, panelTitles, type PanelId } from './panel-ids';

export interface PanelFrameProps {
  id: PanelId;
  meta?: ReactNode;
  children: ReactNode;
}

export function PanelFrame({ id, meta, children }: PanelFrameProps) {
  const collapsed = useInloop((s) => s.collapsedPanels.includes(id));
  const togglePanel = useInloop((s) => s.togglePanel);
  const setActivePanel = useInloop((s) => s.setActivePanel);
  return (
    // Focus anywhere inside marks the panel as the one in use (the strip highlights it).
    <div className="panel-slot" data-panel={id} onFocus={() => setActivePanel(id)}>
      <Panel
        id={id}
        title={panelTitles[id]}
        icon={panelIcons[id]}
        shortcut={['Alt', String(panelIds.indexOf(id) + 1)]}
        collapsed={collapsed}
        onToggle={() => togglePanel(id)}
        meta={meta}
      >
        {children}
      </Panel>
    </div>
  );
}
