/** What Inloop keeps about the agent's use of it, and which other computers may receive text. */
import { FieldRow } from '../../components/field-row';
import { Switch } from '../../components/switch';
import { useInloop } from '../../state/use-inloop';
import { AllowedHosts } from './allowed-hosts';
import { SettingsSection } from './settings-section';
import { useManaged } from './use-managed';

export function PrivacySection() {
  const recordFeedback = useInloop((s) => s.settings?.privacy.recordFeedback ?? false);
  const update = useInloop((s) => s.updateSettings);
  const feedbackLock = useManaged('privacy.recordFeedback');
  return (
    <SettingsSection id="privacy" title="Privacy">
      <FieldRow
        label="Record feedback"
        htmlFor="record-feedback"
        description="Note which suggestions you used, redacted and stored on this computer, to make them better."
        descriptionId="record-feedback-help"
        managed={feedbackLock}
      >
        <Switch
          id="record-feedback"
          checked={recordFeedback}
          disabled={feedbackLock !== undefined}
          describedBy="record-feedback-help"
          onChange={(next) => void update({ privacy: { recordFeedback: next } })}
        />
      </FieldRow>
      <AllowedHosts />
    </SettingsSection>
  );
}
