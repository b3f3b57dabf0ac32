/** Theme and text size. */
import type { Theme } from '../../../../shared/schemas/settings';
import { FieldRow } from '../../components/field-row';
import { RangeSlider } from '../../components/range-slider';
import { SegmentedControl } from '../../components/segmented-control';
import { useInloop } from '../../state/use-inloop';
import { SettingsSection } from './settings-section';

const themes = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'high-contrast', label: 'High contrast' },
] as const satisfies readonly { value: Theme; label: string }[];

const percent = (value: number) => `${Math.round(value * 100)}%`;

export function AppearanceSection() {
  const theme = useInloop((s) => s.settings?.appearance.theme);
  const fontScale = useInloop((s) => s.settings?.appearance.fontScale ?? 1);
  const update = useInloop((s) => s.updateSettings);
  return (
    <SettingsSection id="appearance" title="Appearance">
      <FieldRow
        label="Theme"
        description="System follows your OS, including its high-contrast setting."
        descriptionId="theme-help"
        stacked
      >
        <SegmentedControl
          name="theme"
          label="Theme"
          options={themes}
          value={theme}
          onChange={(next) => void update({ appearance: { theme: next } })}
        />
      </FieldRow>
      <FieldRow label="Text size" htmlFor="font-scale">
        <RangeSlider
          id="font-scale"
          min={0.8}
          max={1.6}
          step={0.1}
          value={fontScale}
          format={percent}
          onCommit={(next) => update({ appearance: { fontScale: Math.round(next * 10) / 10 } })}
        />
      </FieldRow>
    </SettingsSection>
  );
}
