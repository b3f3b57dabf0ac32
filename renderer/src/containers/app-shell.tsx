/**
 * The whole window: header, app-wide banners, the five panels, the notices, and the sheets.
 * The panels stack with a jump strip when narrow; from 760 px the conversation gets its own
 * column; from 1000 px the decisions (replies, next actions) get the middle column, above the
 * fold beside the conversation, and knowledge, the summary and the call transcript's controls the
 * third. Only the columns (and the lists in them) scroll, never the window.
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
        <div className="panels__column panels__column--conversation">
          <ConversationPanel />
        </div>
        <div className="panels__side">
          <div className="panels__column panels__column--decisions">
            <RepliesPanel />
            <NextActionsPanel />
          </div>
          <div className="panels__column panels__column--reference">
            <KnowledgePanel />
            <SummaryPanel />
            <TranscriptPanel />
          </div>
        </div>
      </main>
      <NoticeArea />
      <SettingsDialog />
      <ShortcutsSheet />
      <TeamView />
    </div>
  );
}
