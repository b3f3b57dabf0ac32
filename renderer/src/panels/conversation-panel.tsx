/**
 * The live transcript: what the customer wants (intent by its label, or candidates to pick in
 * one key), escalation flags with their turns, the turns (following the newest), the box to
 * type or paste a turn, and start or end the conversation.
 */
import { useMemo, type KeyboardEvent } from 'react';
import type { IntentCandidate } from '../../../shared/schemas/assist';
import { EmptyState } from '../components/empty-state';
import { EscalationFlags } from '../components/escalation-flags';
import { IntentBar } from '../components/intent-bar';
import { TurnComposer } from '../components/turn-composer';
import { TurnList } from '../components/turn-list';
import { useInloop } from '../state/use-inloop';
import { PanelFrame } from './panel-frame';

const NO_CANDIDATES: IntentCandidate[] = [];

/** Space on Start/End must not end a call by accident (it ticks steps elsewhere): Enter or a click. */
const ignoreSpace = (event: KeyboardEvent<HTMLButtonElement>) => {
  if (event.key === ' ') event.preventDefault();
};

export function ConversationPanel() {
  const capture = useInloop((s) => s.capture?.state);
  const conversation = useInloop((s) => s.assist?.conversation ?? null);
  const suggestions = useInloop((s) => s.assist?.suggestions ?? null);
  const role = useInloop((s) => s.composerRole);
  const setRole = useInloop((s) => s.setComposerRole);
  const addTurn = useInloop((s) => s.addTurn);
  const pickIntent = useInloop((s) => s.pickIntent);
  const dismissFlag = useInloop((s) => s.dismissFlag);
  const setCapturePaused = useInloop((s) => s.setCapturePaused);
  const start = useInloop((s) => s.startConversation);
  const end = useInloop((s) => s.endConversation);
  const flags = useMemo(() => suggestions?.escalation ?? [], [suggestions]);
  const flagged = useMemo(() => new Set(flags.map((f) => f.turn)), [flags]);
  const live = conversation !== null && conversation.endedAt === null;
  const turns = conversation?.turns ?? [];
  return (
    <PanelFrame
      id="conversation"
      meta={live ? 'Live' : capture === 'listening' ? 'Listening' : undefined}
    >
      <div className="conversation-bar">
        <IntentBar
          intent={suggestions?.intent ?? null}
          candidates={suggestions?.candidates ?? NO_CANDIDATES}
          assessed={suggestions !== null}
          onPick={(id) => void pickIntent(id)}
        />
        <button
          type="button"
          className="button button--small button--ghost conversation-bar__end"
          onKeyDown={ignoreSpace}
          onKeyUp={ignoreSpace}
          onClick={() => void (live ? end() : start())}
        >
          {live ? 'End conversation' : 'Start conversation'}
        </button>
      </div>
      <EscalationFlags flags={flags} onDismiss={(flag) => void dismissFlag(flag)} />
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
        <TurnList key={conversation?.id} turns={turns} flagged={flagged} />
      ) : (
        <EmptyState icon="conversation" title="Paste the customer's message or start a call">
          The transcript appears here as the conversation goes. Replies, next steps and knowledge
          follow from it.
        </EmptyState>
      )}
      {conversation?.endedAt ? (
        <p className="conversation-ended">
          Conversation ended{conversation.endReason === 'idle' ? ' after a quiet spell' : ''}. The
          next turn starts a new one.
        </p>
      ) : null}
      <TurnComposer role={role} onRole={setRole} onAdd={addTurn} />
    </PanelFrame>
  );
}
