/** The three global shortcuts, editable, with the problems the OS reported registering them. */
import { useShallow } from 'zustand/react/shallow';
import { hotkeyActions, hotkeyLabels } from '../../keyboard/hotkey-labels';
import { useInloop } from '../../state/use-inloop';
import { HotkeyField } from './hotkey-field';
import { SettingsSection } from './settings-section';

export function ShortcutsSection() {
  const hotkeys = useInloop((s) => s.settings?.hotkeys);
  const canRegister = useInloop((s) => s.appInfo?.capabilities.globalHotkeys ?? false);
  const problems = useInloop(useShallow((s) => s.overlay?.hotkeyProblems ?? []));
  if (!hotkeys) return null;
  return (
    <SettingsSection
      id="shortcuts"
      title="Global shortcuts"
      intro="Work from any app, even when Inloop is in the background. Click a field and press the keys, or type them; Enter saves."
      note={
        canRegister
          ? undefined
          : 'A browser cannot register global shortcuts. They are saved here and work in the desktop app.'
      }
    >
      {hotkeyActions.map((action) => (
        <HotkeyField
          key={action}
          action={action}
          label={hotkeyLabels[action]}
          saved={hotkeys[action] ?? ''}
          hotkeys={hotkeys}
          problem={problems.find((problem) => problem.action === action)?.message}
        />
      ))}
    </SettingsSection>
  );
}
