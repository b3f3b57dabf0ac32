/**
 * Who may publish packs to this computer: trusted publisher keys (a name, its key id, and the
 * pasted public key PEM) and the switch that lets unsigned packs in (for a team lead's own
 * tests). The key id matches what signatures and refusals name ("key c370aaf4314d22ba").
 * Either may be managed by the organisation's policy, and is then read-only here.
 */
import { useEffect, useState } from 'react';
import { publicKeyId } from '../../../../shared/packs/key-id';
import { FieldRow } from '../../components/field-row';
import { Icon } from '../../components/icon';
import { ManagedNote } from '../../components/managed-note';
import { Switch } from '../../components/switch';
import { useInloop } from '../../state/use-inloop';
import { useManaged } from './use-managed';

/** What is wrong with a key the agent is about to add, or null when it looks right. */
export function publisherKeyProblem(name: string, pem: string, taken: readonly string[]) {
  if (name.trim() === '') return 'Give the key a name, e.g. the team that publishes with it.';
  if (taken.includes(name.trim())) return `A key named "${name.trim()}" is already trusted.`;
  if (!/-----BEGIN PUBLIC KEY-----[\s\S]+-----END PUBLIC KEY-----/.test(pem))
    return 'Paste the public key PEM, from -----BEGIN PUBLIC KEY----- to -----END PUBLIC KEY-----.';
  return null;
}

/** "key c370aaf4314d22ba", computed from the PEM (nothing while it computes or if it cannot). */
function KeyId({ pem }: { pem: string }) {
  const [id, setId] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    publicKeyId(pem).then(
      (value) => live && setId(value),
      () => live && setId(null),
    );
    return () => {
      live = false;
    };
  }, [pem]);
  return id ? <span className="trusted-keys__id">key {id}</span> : null;
}

export function TrustedKeys() {
  const keysLock = useManaged('knowledge.trustedPublisherKeys');
  const unsignedLock = useManaged('knowledge.allowUnsignedPacks');
  const keys = useInloop((s) => s.settings?.knowledge.trustedPublisherKeys ?? []);
  const allowUnsigned = useInloop((s) => s.settings?.knowledge.allowUnsignedPacks ?? false);
  const update = useInloop((s) => s.updateSettings);
  const [name, setName] = useState('');
  const [pem, setPem] = useState('');
  const [error, setError] = useState<string | null>(null);

  const add = async () => {
    const problem = publisherKeyProblem(
      name,
      pem,
      keys.map((key) => key.name),
    );
    if (problem) return setError(problem);
    const next = [...keys, { name: name.trim(), publicKeyPem: pem.trim() }];
    const result = await update({ knowledge: { trustedPublisherKeys: next } }, { quiet: true });
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setName('');
    setPem('');
  };
  const remove = (index: number) =>
    void update({ knowledge: { trustedPublisherKeys: keys.filter((_, i) => i !== index) } });

  return (
    <div className="trusted-keys">
      <FieldRow
        label="Allow unsigned packs"
        htmlFor="allow-unsigned-packs"
        description="Install packs no trusted publisher signed. Only for trying out a pack you built yourself."
        descriptionId="allow-unsigned-packs-help"
        managed={unsignedLock}
      >
        <Switch
          id="allow-unsigned-packs"
          checked={allowUnsigned}
          disabled={unsignedLock !== undefined}
          describedBy="allow-unsigned-packs-help"
          onChange={(next) => void update({ knowledge: { allowUnsignedPacks: next } })}
        />
      </FieldRow>
      <p className="trusted-keys__label">Trusted publisher keys</p>
      {keysLock ? <ManagedNote by={keysLock} /> : null}
      {keys.length === 0 ? (
        <p className="packs-empty">
          No publisher key trusted yet. Paste a publisher's public key to install the packs they
          sign.
        </p>
      ) : (
        <ul className="trusted-keys__list" aria-label="Trusted publisher keys">
          {keys.map((key, index) => (
            <li key={`${index}:${key.name}`} className="trusted-keys__item">
              <Icon name="key" size={14} />
              <span className="trusted-keys__name">{key.name}</span>
              <KeyId pem={key.publicKeyPem} />
              {keysLock ? null : (
                <button
                  type="button"
                  className="button button--small button--ghost"
                  aria-label={`Stop trusting ${key.name}`}
                  onClick={() => remove(index)}
                >
                  Remove
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {keysLock ? null : (
        <form
          className="trusted-keys__form"
          aria-label="Trust a publisher key"
          onSubmit={(event) => {
            event.preventDefault();
            void add();
          }}
        >
          <input
            className="text-input trusted-keys__name-input"
            aria-label="Key name"
            placeholder="Name, e.g. Acme Support Ops"
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
          <textarea
            className="text-input trusted-keys__pem"
            aria-label="Public key PEM"
            placeholder="-----BEGIN PUBLIC KEY-----"
            rows={3}
            spellCheck={false}
            value={pem}
            aria-invalid={error ? true : undefined}
            onChange={(event) => setPem(event.target.value)}
          />
          <div className="trusted-keys__row">
            {error ? (
              <p className="packs-error" role="alert">
                {error}
              </p>
            ) : (
              <span />
            )}
            <button type="submit" className="button button--small">
              Trust key
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
