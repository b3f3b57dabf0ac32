/** How the window sits on the desktop. Window-level controls are off in a browser host. */
import { FieldRow } from '../../components/field-row';
import { RangeSlider } from '../../components/range-slider';
import { SegmentedControl } from '../../components/segmented-control';
import { Switch } from '../../components/switch';
import { useInloop } from '../../state/use-inloop';
import { sectionNoteId, SettingsSection } from './settings-section';
import { useManaged } from './use-managed';

const percent = (value: number) => `${Math.round(value * 100)}%`;

export function OverlaySection() {
  const protectionLock = useManaged('overlay.contentProtection');
  const overlay = useInloop((s) => s.settings?.overlay);
  const canWindow = useInloop((s) => s.appInfo?.capabilities.overlayWindow ?? false);
  const update = useInloop((s) => s.updateSettings);
  const setOverlayMode = useInloop((s) => s.setOverlayMode);
  if (!overlay) return null;
  // Off-here controls also point at the section note that says why.
  const describe = (id?: string) =>
    [id, canWindow ? undefined : sectionNoteId('overlay')].filter(Boolean).join(' ') || undefined;
  return (
    <SettingsSection
      id="overlay"
      title="Overlay"
      note={
        canWindow
          ? undefined
          : 'Inloop is running in a browser tab here. Dock side, always on top, opacity and hiding from screen capture work in the desktop app.'
      }
    >
      <FieldRow
        label="Window"
        description="Float over your helpdesk, or dock to the side of the screen."
        stacked
      >
        <SegmentedControl
          name="overlay-mode"
          label="Window"
          options={[
            { value: 'overlay', label: 'Floating overlay' },
            { value: 'docked', label: 'Docked panel' },
          ]}
          value={overlay.mode}
          onChange={(mode) => void setOverlayMode(mode)}
        />
      </FieldRow>
      <FieldRow
        label="Dock to"
        description="The screen edge the docked panel uses."
        descriptionId="dock-side-help"
      >
        <SegmentedControl
          name="dock-side"
          label="Dock to"
          options={[
            { value: 'left', label: 'Left' },
            { value: 'right', label: 'Right' },
          ]}
          value={overlay.dockSide}
          disabled={!canWindow}
          describedBy={describe('dock-side-help')}
          onChange={(dockSide) => void update({ overlay: { dockSide } })}
        />
      </FieldRow>
      <FieldRow
        label="Always on top"
        htmlFor="always-on-top"
        description="Stay above other windows."
        descriptionId="always-on-top-help"
      >
        <Switch
          id="always-on-top"
          checked={overlay.alwaysOnTop}
          disabled={!canWindow}
          describedBy={describe('always-on-top-help')}
          onChange={(alwaysOnTop) => void update({ overlay: { alwaysOnTop } })}
        />
      </FieldRow>
      <FieldRow label="Opacity" htmlFor="opacity">
        <RangeSlider
          id="opacity"
          min={0.5}
          max={1}
          step={0.05}
          value={overlay.opacity}
          format={percent}
          disabled={!canWindow}
          describedBy={describe()}
          onCommit={(opacity) => update({ overlay: { opacity: Math.round(opacity * 100) / 100 } })}
        />
      </FieldRow>
      <FieldRow
        label="Hide from screen capture"
        htmlFor="content-protection"
        description="Keep Inloop out of screenshots, recordings and screen shares."
        descriptionId="content-protection-help"
        managed={protectionLock}
      >
        <Switch
          id="content-protection"
          checked={overlay.contentProtection}
          disabled={!canWindow || protectionLock !== undefined}
          describedBy={describe('content-protection-help')}
          onChange={(contentProtection) => void update({ overlay: { contentProtection } })}
        />
      </FieldRow>
    </SettingsSection>
  );
}
