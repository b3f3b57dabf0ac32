/**
 * Generated replies: the switch, the OpenAI-compatible endpoint (URL, model, timeout), its API
 * key in the keychain, and a line saying where the conversation goes for the saved endpoint.
 */
import { endpointUrlProblem } from '../../../../shared/assist/endpoint-host';
import type { SettingsPatch } from '../../../../shared/schemas/settings';
import { DraftInput } from '../../components/draft-input';
import { FieldRow } from '../../components/field-row';
import { Switch } from '../../components/switch';
import { useInloop } from '../../state/use-inloop';
import { ApiKeyField } from './api-key-field';
import { generationTimeoutLimits, modelNameProblem, wholeNumberProblem } from './assist-limits';
import { EndpointReachLine } from './endpoint-reach-line';
import { useManaged } from './use-managed';

export function GenerationSettings() {
  const generationLock = useManaged('assist.generationEnabled');
  const assist = useInloop((s) => s.settings?.assist);
  const update = useInloop((s) => s.updateSettings);
  if (!assist) return null;
  /** Save one field quietly; the field shows the service's refusal. */
  const save = async (patch: NonNullable<SettingsPatch['assist']>) => {
    const result = await update({ assist: patch }, { quiet: true });
    return result.ok ? null : result.error.message;
  };
  const { min, max } = generationTimeoutLimits;
  return (
    <div className="settings-group" role="group" aria-labelledby="settings-generation">
      <h4 className="settings-group__title" id="settings-generation">
        Generated replies
      </h4>
      <p className="settings-group__intro">
        Ask a language model for a reply drafted from your knowledge articles. Any OpenAI-compatible
        endpoint works, such as a local Ollama.
      </p>
      <FieldRow
        label="Generate replies"
        htmlFor="generation-enabled"
        description="Offer a generated reply beside the suggested ones. You review it before it is used."
        descriptionId="generation-enabled-help"
        managed={generationLock}
      >
        <Switch
          id="generation-enabled"
          checked={assist.generationEnabled}
          disabled={generationLock !== undefined}
          describedBy="generation-enabled-help"
          onChange={(next) => void update({ assist: { generationEnabled: next } })}
        />
      </FieldRow>
      <FieldRow
        label="Endpoint URL"
        htmlFor="generation-endpoint"
        description="The base URL; Inloop adds /chat/completions."
        descriptionId="generation-endpoint-help"
        stacked
      >
        <DraftInput
          id="generation-endpoint"
          type="url"
          size="wide"
          value={assist.generationEndpoint}
          placeholder="http://127.0.0.1:11434/v1"
          describedBy="generation-endpoint-help generation-reach"
          problem={endpointUrlProblem}
          onCommit={(generationEndpoint) => save({ generationEndpoint })}
        />
        <EndpointReachLine id="generation-reach" />
      </FieldRow>
      <FieldRow label="Model" htmlFor="generation-model">
        <DraftInput
          id="generation-model"
          value={assist.generationModel}
          placeholder="llama3.2"
          problem={modelNameProblem}
          onCommit={(generationModel) => save({ generationModel })}
        />
      </FieldRow>
      <FieldRow
        label="Give up after"
        htmlFor="generation-timeout"
        description={`A reply still unfinished after this long is stopped (${min} to ${max} seconds).`}
        descriptionId="generation-timeout-help"
      >
        <DraftInput
          id="generation-timeout"
          type="number"
          unit="seconds"
          value={String(assist.generationTimeoutSeconds)}
          describedBy="generation-timeout-help"
          problem={(draft) => wholeNumberProblem(draft, generationTimeoutLimits, 'seconds')}
          onCommit={(draft) => save({ generationTimeoutSeconds: Number(draft) })}
        />
      </FieldRow>
      <ApiKeyField />
    </div>
  );
}
