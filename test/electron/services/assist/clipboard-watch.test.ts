/** The clipboard watch against a fake clipboard (no Electron binary runs here). */
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../../shared/schemas/settings';
import type { IncomingTurn } from '../../../../electron/services/assist/turn-sink';
import { startClipboardWatch } from '../../../../electron/services/assist/clipboard-watch';

function setup(on = true, own: string[] = []) {
  const clipboard = { text: 'copied before the call', readText: () => clipboard.text };
  const turns: IncomingTurn[] = [];
  const settings = {
    ...defaultSettings,
    assist: { ...defaultSettings.assist, clipboardWatch: on },
  };
  const watch = startClipboardWatch({
    clipboard,
    sink: { addTurn: async (turn) => void turns.push(turn) },
    settings: () => settings,
    ownTexts: () => own,
    intervalMs: 60_000,
  });
  return { clipboard, turns, settings, watch };
}

describe('clipboard watch', () => {
  it('adds newly copied text as a customer turn from the clipboard, once', async () => {
    const { clipboard, turns, watch } = setup();
    expect(await watch.poll()).toBe(false); // what was there before is not a turn
    clipboard.text = '  Where is my order?  ';
    expect(await watch.poll()).toBe(true);
    expect(await watch.poll()).toBe(false);
    expect(turns).toEqual([{ role: 'customer', text: 'Where is my order?', source: 'clipboard' }]);
    watch.stop();
  });

  it('does nothing while off, and ignores blank text and replies Inloop copied', async () => {
    const off = setup(false);
    off.clipboard.text = 'hello';
    await off.watch.poll();
    expect(off.turns).toHaveLength(0);
    off.watch.stop();
    const on = setup(true, ['Your refund is on its way.']);
    await on.watch.poll();
    on.clipboard.text = '   ';
    await on.watch.poll();
    on.clipboard.text = 'Your refund is on its way.';
    await on.watch.poll();
    expect(on.turns).toHaveLength(0);
    on.watch.stop();
  });
});
