/** The checklist of next steps, with escalation flags when a case needs someone else. */
import { EmptyState } from '../components/empty-state';
import { PanelFrame } from './panel-frame';

export function NextActionsPanel() {
  return (
    <PanelFrame id="actions">
      <EmptyState title="Next steps build up here">
        A checklist of what to do next, with a flag when the case should go to a supervisor or a
        specialist team.
      </EmptyState>
    </PanelFrame>
  );
}
