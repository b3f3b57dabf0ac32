/**
 * The pack manager: install a pack file, see what is installed (version, publisher, signer,
 * contents, date), roll back or remove one; then who is trusted to publish packs here.
 * Errors from the service (an untrusted publisher, a tampered file) show beside the control.
 */
import { useRef, useState } from 'react';
import type { Result } from '../../../../shared/result';
import { FieldRow } from '../../components/field-row';
import { Icon } from '../../components/icon';
import { PackRow } from '../../components/pack-row';
import { useInloop } from '../../state/use-inloop';
import { readFileBase64 } from './read-file-base64';
import { FeedsStatus } from './feeds-status';
import { SettingsSection } from './settings-section';
import { TrustedKeys } from './trusted-keys';

export function PacksSection() {
  const packs = useInloop((s) => s.packs);
  const busy = useInloop((s) => s.packBusy);
  const installPack = useInloop((s) => s.installPack);
  const removePack = useInloop((s) => s.removePack);
  const rollbackPack = useInloop((s) => s.rollbackPack);
  const unavailable = useInloop((s) => s.knowledgeUnavailable);
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const install = async (file: File) => {
    setError(null);
    setDone(null);
    let bytesBase64: string;
    try {
      bytesBase64 = await readFileBase64(file);
    } catch (cause) {
      setError(`${file.name} could not be read: ${(cause as Error).message}`);
      return;
    }
    const result = await installPack({ fileName: file.name, bytesBase64 }, { quiet: true });
    if (result.ok) {
      const { name, version } = result.value.current;
      setDone(`Installed ${name} v${version}.`);
    } else {
      setError(`Couldn't install ${file.name}: ${result.error.message}`);
    }
  };

  const run = async <T,>(
    what: string,
    action: () => Promise<Result<T>>,
    said?: (value: T) => string,
  ) => {
    setError(null);
    setDone(null);
    const result = await action();
    if (!result.ok) setError(`Couldn't ${what}: ${result.error.message}`);
    else if (said) setDone(said(result.value));
  };

  return (
    <SettingsSection
      id="packs"
      title="Knowledge packs"
      intro="Articles, replies and next steps your team lead publishes as a .inloop file. They stay on this computer."
      note={unavailable ?? undefined}
    >
      <div className="packs-install">
        <input
          ref={input}
          id="pack-file"
          type="file"
          accept=".inloop"
          className="visually-hidden"
          aria-label="Pack file"
          tabIndex={-1}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void install(file);
          }}
        />
        <button
          type="button"
          className="button"
          disabled={busy !== null}
          onClick={() => input.current?.click()}
        >
          <Icon name="upload" size={14} />
          Install a pack…
        </button>
        <span className="packs-install__status" role="status">
          {busy?.action === 'install' ? (
            <>
              <span className="packs-spinner" aria-hidden="true" />
              Checking and installing {busy.fileName}…
            </>
          ) : done ? (
            <span className="packs-install__done">{done}</span>
          ) : null}
        </span>
      </div>
      {error ? (
        <p className="packs-error" role="alert">
          {error}
        </p>
      ) : null}
      {packs.length === 0 ? (
        <p className="packs-empty">No pack installed yet.</p>
      ) : (
        <ul className="packs-list" aria-label="Installed packs">
          {packs.map((pack) => (
            <PackRow
              key={pack.current.id}
              pack={pack}
              busy={busy !== null}
              onRemove={() =>
                void run(`remove ${pack.current.name}`, () =>
                  removePack(pack.current.id, { quiet: true }),
                )
              }
              onRollback={() =>
                void run(
                  `roll back ${pack.current.name}`,
                  () => rollbackPack(pack.current.id, { quiet: true }),
                  (now) => `${now.current.name} v${now.current.version} is now active.`,
                )
              }
            />
          ))}
        </ul>
      )}
      <SearchMode />
      <FeedsStatus />
      <TrustedKeys />
    </SettingsSection>
  );
}

/**
 * How search works here and, when it matches words only, the technical reason (a missing
 * model and the command that fetches it): the agent's panel says it in plain words only.
 */
function SearchMode() {
  const mode = useInloop((s) => s.knowledgeStatus?.mode ?? null);
  if (!mode) return null;
  return (
    <FieldRow
      label="Search"
      description={
        mode.mode === 'hybrid' ? (
          <>
            Words and meaning, with the on-device model <code>{mode.embeddingModel}</code>.
          </>
        ) : (
          <>
            Words only. Why: {mode.reason ?? 'no embedding model is loaded'}. See{' '}
            <code>inloop doctor</code> for the fix.
          </>
        )
      }
      stacked
    >
      {null}
    </FieldRow>
  );
}
