/** Reply suggestions to review and copy; the agent always sends, Inloop never does. */
import { EmptyState } from '../components/empty-state';
import { PanelFrame } from './panel-frame';

export function RepliesPanel() {
  return (
    <PanelFrame id="replies">
      <EmptyState title="Reply suggestions appear here">
        Once the customer asks something, Inloop drafts replies from the cited articles. Review one,
        copy it into your helpdesk, and send it yourself.
      </EmptyState>
    </PanelFrame>
  );
}
