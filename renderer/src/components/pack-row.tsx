/**
 * One installed pack in the pack manager: name and version, publisher, who signed it, what
 * it holds and when it was installed, with roll back (when a previous version is kept; the
 * button names the version, a second click confirms) and remove (after a confirming click).
 */
import { useState } from 'react';
import type { InstalledPack } from '../../../shared/schemas/packs';
import { Icon } from './icon';

export interface PackRowProps {
  pack: InstalledPack;
  /** An action on this pack is running: its buttons are off. */
  busy: boolean;
  onRemove(): void;
  onRollback(): void;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "12 articles · 80 passages · 5 replies · 9 intents" (empty parts left out). */
export function packContents(counts: InstalledPack['current']['counts']): string {
  return [
    plural(counts.articles, 'article', 'articles'),
    plural(counts.passages, 'passage', 'passages'),
    counts.responses > 0 ? plural(counts.responses, 'reply', 'replies') : '',
    counts.intents > 0 ? plural(counts.intents, 'intent', 'intents') : '',
    counts.rules > 0 ? plural(counts.rules, 'rule', 'rules') : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

function installedOn(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** The second click of a row action: an optional question, Cancel, and the action itself. */
function ConfirmGroup(props: {
  label: string;
  question?: string;
  action: string;
  danger?: boolean;
  busy: boolean;
  onCancel(): void;
  onConfirm(): void;
}) {
  return (
    <div className="pack-row__confirm" role="group" aria-label={props.label}>
      {props.question ? <p className="pack-row__line">{props.question}</p> : null}
      <button type="button" className="button button--small button--ghost" onClick={props.onCancel}>
        Cancel
      </button>
      <button
        type="button"
        className={`button button--small${props.danger ? ' button--danger' : ''}`}
        disabled={props.busy}
        onClick={props.onConfirm}
      >
        {props.action}
      </button>
    </div>
  );
}

/** Who signed a version, in words: "signed by key c370aaf4314d22ba" or "unsigned". */
const signedBy = (keyId: string | null) => (keyId ? `signed by key ${keyId}` : 'unsigned');

export function PackRow({ pack, busy, onRemove, onRollback }: PackRowProps) {
  /** The action waiting for the agent's second click. */
  const [confirming, setConfirming] = useState<'remove' | 'rollback' | null>(null);
  const { current, previous } = pack;
  const nameId = `pack-${current.id}`;
  return (
    <li className="pack-row" aria-labelledby={nameId}>
      <span className="pack-row__icon">
        <Icon name="package" size={16} />
      </span>
      <div className="pack-row__text">
        <p className="pack-row__name" id={nameId}>
          {current.name} <span className="pack-row__version">v{current.version}</span>
        </p>
        <p className="pack-row__line">
          {current.publisher} ·{' '}
          {current.signerKeyId ? (
            <span title="Signed by a trusted publisher key">
              signed, key <code>{current.signerKeyId}</code>
            </span>
          ) : (
            <span className="pack-row__unsigned">unsigned</span>
          )}
        </p>
        {current.demo ? (
          <p className="pack-row__line pack-row__demo">
            Example pack, to try Inloop: it removes in one step.
          </p>
        ) : null}
        <p className="pack-row__line">{packContents(current.counts)}</p>
        <p className="pack-row__line">Installed {installedOn(current.installedAt)}</p>
      </div>
      <div className="pack-row__actions">
        {confirming === 'rollback' && previous ? (
          <ConfirmGroup
            label={`Confirm rolling back ${current.name}`}
            question={`Switch from v${current.version} to v${previous.version} (${signedBy(previous.signerKeyId)})?`}
            action={`Roll back to v${previous.version}`}
            busy={busy}
            onCancel={() => setConfirming(null)}
            onConfirm={() => {
              setConfirming(null);
              onRollback();
            }}
          />
        ) : confirming === 'remove' ? (
          <ConfirmGroup
            label={`Confirm removing ${current.name}`}
            action="Remove"
            danger
            busy={busy}
            onCancel={() => setConfirming(null)}
            onConfirm={() => {
              setConfirming(null);
              onRemove();
            }}
          />
        ) : (
          <>
            {previous ? (
              <button
                type="button"
                className="button button--small"
                disabled={busy}
                title={`Go back to version ${previous.version}`}
                onClick={() => setConfirming('rollback')}
              >
                <Icon name="undo" size={13} />
                Roll back to v{previous.version}
              </button>
            ) : null}
            <button
              type="button"
              className="button button--small button--ghost"
              disabled={busy}
              aria-label={`Remove ${current.name}`}
              // The example pack comes back in one click: no need to confirm.
              onClick={() => (current.demo ? onRemove() : setConfirming('remove'))}
            >
              <Icon name="trash" size={13} />
              Remove
            </button>
          </>
        )}
      </div>
    </li>
  );
}
