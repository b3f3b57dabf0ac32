/**
 * One global shortcut: type it or press it, then Enter (or Save). Checked here first, so
 * the message says what to fix; the service's own refusal is shown the same way.
 */
import { useState, type KeyboardEvent } from 'react';
import type { HotkeyAction } from '../../../../shared/schemas/settings';
import { acceleratorProblem, clashingAction } from '../../keyboard/accelerator';
import { acceleratorFromKey } from '../../keyboard/accelerator-from-key';
import { hotkeyLabels } from '../../keyboard/hotkey-labels';
import { useInloop } from '../../state/use-inloop';

export interface HotkeyFieldProps {
  action: HotkeyAction;
  label: string;
  /** The saved accelerator. */
  saved: string;
  hotkeys: Partial<Record<HotkeyAction, string>>;
  /** What the OS said when registering it, if it failed. */
  problem?: string;
}

export function HotkeyField({ action, label, saved, hotkeys, problem }: HotkeyFieldProps) {
  const update = useInloop((s) => s.updateSettings);
  const platform = useInloop((s) => s.appInfo?.platform ?? '');
  const [base, setBase] = useState(saved);
  const [draft, setDraft] = useState(saved);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  if (base !== saved) {
    // The saved value changed (our save, or another window): show it, drop the draft.
    setBase(saved);
    setDraft(saved);
    setError(null);
  }

  const inputId = `hotkey-${action}`;
  const messageId = `${inputId}-message`;
  const dirty = draft.trim() !== saved;

  const save = async () => {
    const value = draft.trim();
    if (value === saved) return setError(null);
    const clash = clashingAction(action, value, hotkeys);
    const local =
      acceleratorProblem(value) ?? (clash ? `Already used for "${hotkeyLabels[clash]}".` : null);
    if (local) return setError(local);
    setSaving(true);
    const result = await update({ hotkeys: { [action]: value } }, { quiet: true });
    setSaving(false);
    setError(result.ok ? null : result.error.message);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape' && dirty) {
      event.preventDefault(); // revert first; a second Escape closes settings
      setDraft(saved);
      setError(null);
      return;
    }
    const recorded = acceleratorFromKey(event, platform);
    if (recorded) {
      event.preventDefault();
      setDraft(recorded);
      setError(null);
    }
  };

  const message = error ?? problem;
  return (
    <form
      className="hotkey-field"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <label className="hotkey-field__label" htmlFor={inputId}>
        {label}
      </label>
      <div className="hotkey-field__row">
        <input
          id={inputId}
          className="text-input hotkey-field__input"
          value={draft}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={message ? messageId : undefined}
          onChange={(event) => {
            setDraft(event.target.value);
            setError(null);
          }}
          onKeyDown={onKeyDown}
        />
        <button type="submit" className="button button--small" disabled={!dirty || saving}>
          Save
        </button>
      </div>
      {message ? (
        <p
          id={messageId}
          className={`hotkey-field__message hotkey-field__message--${error ? 'error' : 'warning'}`}
          role={error ? 'alert' : undefined}
        >
          {message}
        </p>
      ) : null}
    </form>
  );
}
