/** The live transcript. Until speech and paste land, it explains how a conversation starts. */
import { EmptyState } from '../components/empty-state';
import { useInloop } from '../state/use-inloop';
import { PanelFrame } from './panel-frame';

export function ConversationPanel() {
  const capture = useInloop((s) => s.capture?.state);
  const setCapturePaused = useInloop((s) => s.setCapturePaused);
  return (
    <PanelFrame id="conversation" meta={capture === 'listening' ? 'Live' : undefined}>
      {capture === 'listening' ? (
        <EmptyState icon="mic" title="Listening…">
          The transcript appears here as people speak, marked by who said what.
        </EmptyState>
      ) : capture === 'paused' ? (
        <EmptyState
          icon="pause"
          title="Capture is paused"
          hint={
            <button
              type="button"
              className="button button--small"
              onClick={() => void setCapturePaused(false)}
            >
              Resume capture
            </button>
          }
        >
          Nothing is transcribed while paused. Resume when the customer is back on the line.
        </EmptyState>
      ) : (
        <EmptyState icon="conversation" title="Paste the customer's message or start a call">
          The transcript appears here as the conversation goes. Knowledge, replies and next actions
          follow from it.
        </EmptyState>
      )}
    </PanelFrame>
  );
}
