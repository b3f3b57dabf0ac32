/**
 * How the assist engine listens and when a conversation ends: the clipboard watch, the idle
 * timeout, where connectors push turns, then the generated-replies group (endpoint, model,
 * key, where the text goes).
 */
import { DraftInput } from '../../components/draft-input';
import { FieldRow } from '../../components/field-row';
import { Switch } from '../../components/switch';
import { useInloop } from '../../state/use-inloop';
import { idleTimeoutLimits, wholeNumberProblem } from './assist-limits';
import { GenerationSettings } from './generation-settings';
import { sectionNoteId, SettingsSection } from './settings-section';

export function AssistSection() {
  const clipboardWatch = useInloop((s) => s.settings?.assist.clipboardWatch ?? false);
  const idleTimeout = useInloop((s) => s.settings?.assist.idleTimeoutMinutes);
  // AppInfo names no clipboard capability: the watch is wired by the Electron host alone
  // (electron/hosts/electron-main/clipboard-watch.ts); `inloop serve` and the CLI have none.
  const watchHere = useInloop((s) => s.appInfo?.host === 'electron');
  const update = useInloop((s) => s.updateSettings);
  const ingest = useInloop((s) => s.ingest);
  if (idleTimeout === undefined) return null;
  const { min, max } = idleTimeoutLimits;
  return (
    <SettingsSection
      id="assist"
      title="Assist"
      note={
        watchHere
          ? undefined
          : "A browser cannot watch the clipboard, so the clipboard watch works only in the desktop app. Here, paste or type the customer's message."
      }
    >
      <FieldRow
        label="Watch the clipboard"
        htmlFor="clipboard-watch"
        description="When you copy the customer's message in your helpdesk, Inloop takes it as their turn. Desktop app only."
        descriptionId="clipboard-watch-help"
      >
        <Switch
          id="clipboard-watch"
          checked={clipboardWatch}
          disabled={!watchHere}
          describedBy={
            watchHere ? 'clipboard-watch-help' : `clipboard-watch-help ${sectionNoteId('assist')}`
          }
          onChange={(next) => void update({ assist: { clipboardWatch: next } })}
        />
      </FieldRow>
      <FieldRow
        label="End a quiet conversation after"
        htmlFor="idle-timeout"
        description={`With no new turn for this long, the conversation ends by itself (${min} to ${max} minutes).`}
        descriptionId="idle-timeout-help"
      >
        <DraftInput
          id="idle-timeout"
          type="number"
          unit="minutes"
          value={String(idleTimeout)}
          describedBy="idle-timeout-help"
          problem={(draft) => wholeNumberProblem(draft, idleTimeoutLimits, 'minutes')}
          onCommit={async (draft) => {
            const result = await update(
              { assist: { idleTimeoutMinutes: Number(draft) } },
              { quiet: true },
            );
            return result.ok ? null : result.error.message;
          }}
        />
      </FieldRow>
      <FieldRow
        label="Connector endpoint"
        description={
          ingest?.url
            ? 'A browser extension or phone system pushes turns here, with the token from inloop assist --ingest-token.'
            : `Not running${ingest?.reason ? `: ${ingest.reason}` : '.'}`
        }
        descriptionId="ingest-help"
        stacked
      >
        {ingest?.url ? <code className="settings-code">{ingest.url}</code> : null}
      </FieldRow>
      <GenerationSettings />
    </SettingsSection>
  );
}
