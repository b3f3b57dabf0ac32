/**
 * Settings as a side sheet: Appearance, Overlay, Shortcuts, Assist, Privacy, Learning, Knowledge packs.
 * Every change is saved at once.
 */
import { Sheet } from '../../components/sheet';
import { useInloop } from '../../state/use-inloop';
import { AppearanceSection } from './appearance-section';
import { AssistSection } from './assist-section';
import { OverlaySection } from './overlay-section';
import { PacksSection } from './packs-section';
import { PrivacySection } from './privacy-section';
import { LearningSection } from './learning-section';
import { ResetSettings } from './reset-settings';
import { ShortcutsSection } from './shortcuts-section';

export function SettingsDialog() {
  const open = useInloop((s) => s.settingsOpen);
  const close = useInloop((s) => s.closeSettings);
  const loaded = useInloop((s) => s.settings !== null);
  if (!open) return null;
  return (
    <Sheet
      title="Settings"
      subtitle="Changes save as you make them."
      onClose={close}
      footer={loaded ? <ResetSettings /> : undefined}
    >
      {loaded ? (
        <>
          <AppearanceSection />
          <OverlaySection />
          <ShortcutsSection />
          <AssistSection />
          <PrivacySection />
          <LearningSection />
          <PacksSection />
        </>
      ) : (
        <p className="settings-loading">Loading settings…</p>
      )}
    </Sheet>
  );
}
