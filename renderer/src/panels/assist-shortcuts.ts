/** What the assist keys do: copy, move between and rate reply suggestions, tick the next step. */
import type { ShortcutCommand } from '../keyboard/shortcut-map';
import type { InloopState } from '../state/store';

type AssistCommand = Extract<
  ShortcutCommand,
  { kind: 'copy-reply' | 'move-suggestion' | 'thumb-reply' | 'toggle-step' }
>;

/** Puts a reply on the clipboard; false when the browser refused. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function runAssistShortcut(command: AssistCommand, state: InloopState): void {
  const replies = state.assist?.suggestions?.replies ?? [];
  const focused = replies[state.focusedReply];
  switch (command.kind) {
    case 'copy-reply':
      if (focused) {
        void copyText(focused.text).then((done) => {
          if (done) void state.noteReplyCopied(focused);
        });
      }
      return;
    case 'move-suggestion':
      state.moveReplyFocus(command.direction);
      document
        .querySelector(`[data-reply-index="${state.focusedReply}"]`)
        ?.scrollIntoView?.({ block: 'nearest' });
      return;
    case 'thumb-reply':
      if (focused) void state.thumbReply(focused, command.thumb);
      return;
    case 'toggle-step': {
      const next = state.assist?.suggestions?.nextActions.find((step) => !step.done);
      if (next) void state.setStep(next.id, true);
      return;
    }
  }
}
