/**
 * Where the agent types or pastes a turn: the customer's message (pasted from the helpdesk)
 * or what they sent. Enter adds it, Shift+Enter makes a new line.
 */
import { useState, type KeyboardEvent } from 'react';
import type { Role } from '../../../shared/schemas/knowledge';
import { SegmentedControl } from './segmented-control';

export interface TurnComposerProps {
  onAdd(role: Role, text: string): Promise<boolean>;
}

const roles = [
  { value: 'customer', label: 'Customer' },
  { value: 'agent', label: 'Agent' },
] as const;

export function TurnComposer({ onAdd }: TurnComposerProps) {
  const [role, setRole] = useState<Role>('customer');
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
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      void submit();
    }
  };
  return (
    <form
      className="turn-composer"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <label className="visually-hidden" htmlFor="turn-text">
        Add a turn
      </label>
      <textarea
        id="turn-text"
        className="turn-composer__text"
        rows={2}
        placeholder={role === 'customer' ? "Paste the customer's message" : 'What you sent'}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <div className="turn-composer__row">
        <SegmentedControl
          name="turn-role"
          label="Who said it"
          options={roles}
          value={role}
          onChange={(value) => setRole(value as Role)}
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
