/**
 * The generation endpoint's API key, kept in the OS keychain as secret `llm-api-key`. The UI
 * only learns whether it is set: Save sends the typed key and clears the field, Remove deletes
 * it, and a keychain that does not answer is named with what to do.
 */
import { useEffect, useState } from 'react';
import type { SecretStatus } from '../../../../shared/schemas/secrets';
import { useInloop } from '../../state/use-inloop';

const KEY = 'llm-api-key';

/** The line under the field for a keychain status (null: not asked yet). */
export function apiKeyStatusText(status: SecretStatus | null): string {
  if (!status) return 'Checking the keychain…';
  if (!status.available) {
    return (
      `The OS keychain (${status.backend}) is not available here, so an API key cannot be ` +
      'stored: Inloop keeps keys only in the keychain, never on disk. Run "inloop doctor" to see ' +
      'why and how to fix it. A local endpoint such as Ollama needs no key.'
    );
  }
  return status.stored.includes(KEY) ? 'Stored in the keychain.' : 'Not set.';
}

export function ApiKeyField() {
  const status = useInloop((s) => s.secrets);
  const loadSecrets = useInloop((s) => s.loadSecrets);
  const storeSecret = useInloop((s) => s.storeSecret);
  const removeSecret = useInloop((s) => s.removeSecret);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    // Ask each time Settings opens: the keychain may have been unlocked since.
    void loadSecrets().then((result) => {
      if (!result.ok) setError(`Couldn't ask the keychain: ${result.error.message}`);
    });
  }, [loadSecrets]);

  const run = async (what: string, action: () => ReturnType<typeof loadSecrets>) => {
    setBusy(true);
    const result = await action();
    setBusy(false);
    setError(result.ok ? null : `Couldn't ${what}: ${result.error.message}`);
    return result.ok;
  };
  const save = async () => {
    if (draft.trim() === '') return setError('Paste the key first.');
    if (await run('store the key', () => storeSecret(KEY, draft.trim()))) setDraft('');
  };

  const usable = status?.available ?? false;
  const stored = usable && (status?.stored.includes(KEY) ?? false);
  return (
    <form
      className="api-key"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <label className="field-row__label" htmlFor="generation-api-key">
        API key
      </label>
      <div className="api-key__row">
        <input
          id="generation-api-key"
          className="text-input api-key__input"
          type="password"
          value={draft}
          placeholder={stored ? 'Paste a new key to replace it' : 'Paste the key'}
          autoComplete="off"
          spellCheck={false}
          disabled={!usable || busy}
          aria-describedby="generation-api-key-status"
          aria-invalid={error ? true : undefined}
          onChange={(event) => {
            setDraft(event.target.value);
            setError(null);
          }}
        />
        <button type="submit" className="button button--small" disabled={!usable || busy}>
          Save
        </button>
        {stored ? (
          <button
            type="button"
            className="button button--small button--ghost"
            aria-label="Remove the API key"
            disabled={busy}
            onClick={() => void run('remove the key', () => removeSecret(KEY))}
          >
            Remove
          </button>
        ) : null}
      </div>
      <p
        id="generation-api-key-status"
        className={`api-key__status${stored ? ' api-key__status--stored' : ''}`}
        role="status"
      >
        {apiKeyStatusText(status)}
      </p>
      {error ? (
        <p className="packs-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
