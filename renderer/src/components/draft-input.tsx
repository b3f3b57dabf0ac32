import { useRef, useState, type KeyboardEvent } from 'react';

export interface DraftInputProps {
  id: string;
  /** The saved value; the field follows it except while the agent has an unsaved draft. */
  value: string;
  /** What is wrong with a draft (shown under the field), or null when it can be saved. */
  problem(draft: string): string | null;
  /** Save a valid, changed draft; resolves to the service's refusal, or null once saved. */
  onCommit(draft: string): Promise<string | null>;
  type?: 'text' | 'url' | 'number';
  /** Shown after a short (number) field, e.g. "minutes". */
  unit?: string;
  placeholder?: string;
  disabled?: boolean;
  describedBy?: string;
  /** `wide` fills the row (URLs); the default fits a short value. */
  size?: 'wide' | 'short';
}

/**
 * A text field that saves when the agent presses Enter or leaves it, once the draft passes
 * `problem`; the reason shows under it otherwise. Escape puts the saved value back (a second
 * Escape closes the sheet).
 */
export function DraftInput({
  id,
  value,
  problem,
  onCommit,
  type = 'text',
  unit,
  placeholder,
  disabled,
  describedBy,
  size = 'short',
}: DraftInputProps) {
  const [base, setBase] = useState(value);
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const saving = useRef(false);
  if (base !== value) {
    // Saved elsewhere (our commit, another window, a reset): show it, drop the draft.
    setBase(value);
    setDraft(value);
    setError(null);
  }

  const commit = async () => {
    const next = draft.trim();
    if (next === value || saving.current) return;
    const local = problem(next);
    if (local) return setError(local);
    saving.current = true;
    const refused = await onCommit(next);
    saving.current = false;
    setError(refused);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape' && draft !== value) {
      event.preventDefault();
      setDraft(value);
      setError(null);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      void commit();
    }
  };

  const errorId = `${id}-error`;
  return (
    <span className={`draft-input draft-input--${size}`}>
      <span className="draft-input__row">
        <input
          id={id}
          className="text-input draft-input__field"
          type={type}
          inputMode={type === 'number' ? 'numeric' : undefined}
          value={draft}
          placeholder={placeholder}
          disabled={disabled}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={
            [error ? errorId : undefined, describedBy].filter(Boolean).join(' ') || undefined
          }
          onChange={(event) => {
            setDraft(event.target.value);
            // Clear a shown problem as soon as the draft is fixed, not on the next save.
            if (error) setError(problem(event.target.value.trim()));
          }}
          onKeyDown={onKeyDown}
          onBlur={() => void commit()}
        />
        {unit ? <span className="draft-input__unit">{unit}</span> : null}
      </span>
      {error ? (
        <span id={errorId} className="draft-input__error" role="alert">
          {error}
        </span>
      ) : null}
    </span>
  );
}
