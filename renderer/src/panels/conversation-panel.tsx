/**
 * The live transcript: turns with who said them and where they came from, the box to type or
 * paste a turn, start and end, the detected intent and the escalation flags with their turns.
 */
import { useMemo } from 'react';
import { EmptyState } from '../components/empty-state';
import { EscalationFlags } from '../components/escalation-flags';
import { TurnComposer } from '../components/turn-composer';
import { TurnList } from '../components/turn-list';
import { useInloop } from '../state/use-inloop';
import { PanelFrame } from './panel-frame';

export function ConversationPanel() {
  const capture = useInloop((s) => s.capture?.state);
  const conversation = useInloop((s) => s.assist?.conversation ?? null);
  const suggestions = useInloop((s) => s.assist?.suggestions ?? null);
  const ingestUrl = useInloop((s) => s.ingest?.url ?? null);
  const addTurn = useInloop((s) => s.addTurn);
  const setCapturePaused = useInloop((s) => s.setCapturePaused);
  const start = useInloop((s) => s.startConversation);
  const end = useInloop((s) => s.endConversation);
  const flags = useMemo(() => suggestions?.escalation ?? [], [suggestions]);
  const flagged = useMemo(() => new Set(flags.map((f) => f.turn)), [flags]);
  const live = conversation !== null && conversation.endedAt === null;
  const turns = conversation?.turns ?? [];
  const intent = suggestions?.intent;
  return (
    <PanelFrame
      id="conversation"
      meta={live ? 'Live' : capture === 'listening' ? 'Listening' : undefined}
    >
      <div className="conversation-bar">
        {intent ? (
          <span className="intent-chip" title={intent.description ?? intent.id}>
            Intent: <strong>{intent.id}</strong> {Math.round(intent.confidence * 100)}%
          </span>
        ) : suggestions ? (
          <span className="intent-chip intent-chip--none">No clear intent</span>
        ) : null}
        <span className="conversation-bar__spacer" />
        {live ? (
          <button
            type="button"
            className="button button--small button--ghost"
            onClick={() => void end()}
          >
            End conversation
          </button>
        ) : (
          <button
            type="button"
            className="button button--small button--ghost"
            onClick={() => void start()}
          >
            Start conversation
          </button>
        )}
      </div>
      <EscalationFlags flags={flags} />
      {capture === 'paused' ? (
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
          Inloop is not listening to the call. Typed and pushed turns still work.
        </EmptyState>
      ) : null}
      {turns.length > 0 ? (
        <TurnList turns={turns} flagged={flagged} />
      ) : (
        <EmptyState icon="conversation" title="Paste the customer's message or start a call">
          The transcript appears here as the conversation goes. Knowledge, replies and next actions
          follow from it.
        </EmptyState>
      )}
      {conversation?.endedAt ? (
        <p className="conversation-ended">
          Conversation ended{conversation.endReason === 'idle' ? ' after a quiet spell' : ''}. The
          next turn starts a new one.
        </p>
      ) : null}
      <TurnComposer onAdd={addTurn} />
      {ingestUrl ? (
        <p className="conversation-ingest" title="Connectors push turns here with the ingest token">
          Connector endpoint: <code>{ingestUrl}</code>
        </p>
      ) : null}
    </PanelFrame>
  );
}
