/**
 * Where the agent types or pastes a turn: the customer's message (pasted from the helpdesk) or
 * what they sent. Enter adds it, Shift+Enter makes a new line; Alt+S switches who said it.
 * Presentational: whose turn it is lives in the store (every conversation starts as Customer).
 */
import { useState, type KeyboardEvent } from 'react';
import type { Role } from '../../../shared/schemas/knowledge';
import { COMPOSER_ID } from '../panels/assist-shortcuts';
import { SegmentedControl } from './segmented-control';

export interface TurnComposerProps {
  role: Role;
  onRole(role: Role): void;
  onAdd(role: Role, text: string): Promise<boolean>;
}

const roles = [
  { value: 'customer', label: 'Customer' },
  { value: 'agent', label: 'Agent' },
] as const;

export function TurnComposer({ role, onRole, onAdd }: TurnComposerProps) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (text.trim() === '' || busy) return;
    setBusy(true);
    const added = await onAdd(role, text);
    setBusy(false);
    if (added) setText('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void submit();
    }
  };
  return (
    <form
      className={`turn-composer turn-composer--${role}`}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <div className="turn-composer__head">
        <label className="turn-composer__label" htmlFor={COMPOSER_ID}>
          {role === 'customer' ? 'Customer says' : 'You said (agent)'}
        </label>
        <span className="turn-composer__hint" id={`${COMPOSER_ID}-hint`}>
          Enter adds it · Alt+S: {role === 'customer' ? 'you said it' : 'the customer said it'}
        </span>
      </div>
      <textarea
        id={COMPOSER_ID}
        className="turn-composer__text"
        rows={2}
        placeholder={role === 'customer' ? "Paste the customer's message" : 'Paste what you sent'}
        value={text}
        aria-keyshortcuts="Alt+1"
        aria-describedby={`${COMPOSER_ID}-hint`}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <div className="turn-composer__row">
        <SegmentedControl
          name="turn-role"
          label="Who said it"
          options={roles}
          value={role}
          onChange={(value) => onRole(value as Role)}
        />
        <button
          type="submit"
          className="button button--small"
          disabled={busy || text.trim() === ''}
        >
          Add turn
        </button>
      </div>
    </form>
  );
}
