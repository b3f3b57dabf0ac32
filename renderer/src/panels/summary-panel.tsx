/** The handoff summary that grows during the conversation, for the ticket or the next agent. */
import { EmptyState } from '../components/empty-state';
import { PanelFrame } from './panel-frame';

export function SummaryPanel() {
  return (
    <PanelFrame id="summary">
      <EmptyState title="The handoff summary writes itself">
        The issue, what was tried and what is left, kept up to date as you talk. Copy it into the
        ticket when you wrap up.
      </EmptyState>
    </PanelFrame>
  );
}
