/**
 * What the assist keys do: pick an intent candidate, confirm or dismiss a suggested step, tick
 * the next step, and (only inside Replies) copy, move between and rate replies. Copying a reply
 * with blanks opens its fields first; a withheld reply is never copied; after a copy the focus
 * goes back to the composer, ready for the next turn.
 */
import type { NextActionState, ReplySuggestion } from '../../../shared/schemas/assist';
import type { ShortcutCommand } from '../keyboard/shortcut-map';
import { highlightedReply, movedHighlight, replyKey } from '../state/reply-focus';
import type { InloopState } from '../state/store';

type AssistCommand = Extract<
  ShortcutCommand,
  {
    kind:
      | 'copy-reply'
      | 'move-suggestion'
      | 'thumb-reply'
      | 'toggle-step'
      | 'pick-intent'
      | 'decide-step';
  }
>;

/** Puts text on the clipboard; false when the browser refused. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** The box where the agent types a turn. */
export const COMPOSER_ID = 'turn-text';

/**
 * Put the focus in the composer (after a copy, on Alt+1 or Alt+S); false when there is none.
 * A panel unfolded in the same moment renders on the next frame, so focus waits for it.
 */
export function focusComposer(): boolean {
  const composer = document.getElementById(COMPOSER_ID);
  if (!composer) return false;
  const focus = () => {
    composer.focus({ preventScroll: true });
    composer.scrollIntoView?.({ block: 'nearest' });
  };
  focus();
  if (document.activeElement !== composer) requestAnimationFrame(focus);
  return true;
}

/** The reply card for `key`. */
export const replyCard = (key: string): HTMLElement | null =>
  document.querySelector<HTMLElement>(`[data-reply-key="${CSS.escape(key)}"]`);

/** The reply card for `key` when it is on screen: its panel unfolded and it in view. */
function visibleReplyCard(key: string): HTMLElement | null {
  const card = replyCard(key);
  if (!card || card.closest('[hidden]')) return null;
  const box = card.getBoundingClientRect();
  if (box.height === 0) return null;
  // Its scroll area (the column or the panel list) must show some of it.
  let area = card.parentElement;
  while (area && !/(auto|scroll)/.test(getComputedStyle(area).overflowY)) area = area.parentElement;
  const bounds = area?.getBoundingClientRect() ?? { top: 0, bottom: window.innerHeight };
  return box.bottom > bounds.top && box.top < bounds.bottom ? card : null;
}

/**
 * Copy `reply` as it stands, or open its blanks when it has any; a withheld reply is refused.
 * `text` is the filled text when the agent filled the blanks. Resolves true once copied.
 */
export async function copyReply(
  state: InloopState,
  reply: ReplySuggestion,
  position: number,
  text?: string,
): Promise<boolean> {
  if (reply.withheld) {
    // Never copied; say why where the agent looks for what happened.
    state.showNotice({
      id: 'reply-withheld',
      level: 'warning',
      message: `Not copied: ${reply.withheld}`,
      source: 'request',
    });
    return false;
  }
  if (text === undefined && (reply.blanks?.length ?? 0) > 0) {
    state.setFillingReply(replyKey(reply));
    return false;
  }
  const copied = text ?? reply.text;
  if (!(await copyText(copied))) {
    state.reportError('copy the reply', {
      code: 'unavailable',
      message: 'The clipboard refused it; select the text and copy it by hand.',
    });
    return false;
  }
  void state.noteReplyCopied(reply, copied, position);
  focusComposer();
  return true;
}

/** The step y/n answer: the suggested step the focus is on, else the first one suggested. */
export function decidingStep(
  steps: readonly NextActionState[],
  focused: Element | null,
): NextActionState | undefined {
  const asking = steps.filter((step) => step.suggested && !step.done);
  const here = focused?.closest('[data-step-id]')?.getAttribute('data-step-id');
  return asking.find((step) => step.id === here) ?? asking[0];
}

export function runAssistShortcut(command: AssistCommand, state: InloopState): void {
  const suggestions = state.assist?.suggestions;
  const replies = suggestions?.replies ?? [];
  const highlighted = highlightedReply(replies, state.focusedReplyKey);
  switch (command.kind) {
    case 'copy-reply':
      // Only a reply the agent can see: never one scrolled away or in a folded panel.
      if (highlighted && visibleReplyCard(replyKey(highlighted.reply)))
        void copyReply(state, highlighted.reply, highlighted.index);
      return;
    case 'move-suggestion': {
      // The highlight moves with the focus: the next card takes both.
      const key = movedHighlight(replies, state.focusedReplyKey, command.direction);
      state.setReplyFocus(key);
      if (key !== null) replyCard(key)?.focus();
      return;
    }
    case 'thumb-reply':
      if (highlighted) void state.thumbReply(highlighted.reply, command.thumb, highlighted.index);
      return;
    case 'pick-intent': {
      const candidates = suggestions?.candidates ?? [];
      if (candidates.length === 0) return;
      if (command.choice === 0) void state.pickIntent(null);
      else {
        const candidate = candidates[command.choice - 1];
        if (candidate) void state.pickIntent(candidate.id);
      }
      return;
    }
    case 'decide-step': {
      const step = decidingStep(suggestions?.nextActions ?? [], document.activeElement);
      if (step) void state.decideStep(step, command.done);
      return;
    }
    case 'toggle-step': {
      const steps = suggestions?.nextActions ?? [];
      const next = steps.find((s) => s.suggested && !s.done) ?? steps.find((s) => !s.done);
      if (next) void state.decideStep(next, true);
      return;
    }
  }
}
