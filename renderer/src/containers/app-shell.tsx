/**
 * The whole window: header, app-wide banners, the five panels (stacked with a jump strip
 * when narrow, two columns when wide), the notices, and the sheets.
 */
import { ConversationPanel } from '../panels/conversation-panel';
import { KnowledgePanel } from '../panels/knowledge-panel';
import { NextActionsPanel } from '../panels/next-actions-panel';
import { PanelStrip } from '../panels/panel-strip';
import { RepliesPanel } from '../panels/replies-panel';
import { SummaryPanel } from '../panels/summary-panel';
import { TranscriptPanel } from '../panels/transcript-panel';
import { useInloop } from '../state/use-inloop';
import { HeaderBar } from './header-bar';
import { NoticeArea } from './notice-area';
import { SettingsDialog } from './settings/settings-dialog';
import { ShortcutsSheet } from './shortcuts-sheet';
import { TeamView } from './team/team-view';
import { ClickThroughBanner, ConnectionBanner } from './status-banners';
import { useAppShortcuts } from './use-app-shortcuts';
import { useTheme } from './use-theme';

export function AppShell() {
  useTheme();
  useAppShortcuts();
  const mode = useInloop((s) => s.overlay?.mode ?? s.settings?.overlay.mode ?? 'overlay');
  return (
    <div className={`app app--${mode}`}>
      <HeaderBar />
      <ConnectionBanner />
      <ClickThroughBanner />
      <PanelStrip />
      <main className="panels" aria-label="Assist">
        <div className="panels__primary">
          <ConversationPanel />
          <TranscriptPanel />
        </div>
        <div className="panels__secondary">
          <KnowledgePanel />
          <RepliesPanel />
          <NextActionsPanel />
          <SummaryPanel />
        </div>
      </main>
      <NoticeArea />
      <SettingsDialog />
      <ShortcutsSheet />
      <TeamView />
    </div>
  );
}
