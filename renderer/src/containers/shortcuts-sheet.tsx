/** `?`: every keyboard shortcut on one card, the in-app ones and the global ones. */
import { Keys } from '../components/kbd';
import { Sheet } from '../components/sheet';
import { displayAccelerator } from '../keyboard/accelerator';
import { hotkeyActions, hotkeyLabels } from '../keyboard/hotkey-labels';
import { shortcutHelp } from '../keyboard/shortcut-map';
import { useInloop } from '../state/use-inloop';

export function ShortcutsSheet() {
  const open = useInloop((s) => s.shortcutsOpen);
  const close = useInloop((s) => s.setShortcutsOpen);
  const hotkeys = useInloop((s) => s.settings?.hotkeys);
  const platform = useInloop((s) => s.appInfo?.platform ?? '');
  if (!open) return null;
  return (
    <Sheet title="Keyboard shortcuts" placement="center" onClose={() => close(false)}>
      <h3 className="shortcut-group__title">In Inloop</h3>
      <dl className="shortcut-list">
        {shortcutHelp.map((item) => (
          <div className="shortcut-list__row" key={item.description}>
            <dt className="shortcut-list__keys">
              <Keys keys={item.keys} />
            </dt>
            <dd className="shortcut-list__what">{item.description}</dd>
          </div>
        ))}
      </dl>
      {hotkeys ? (
        <>
          <h3 className="shortcut-group__title">Anywhere (global)</h3>
          <dl className="shortcut-list">
            {hotkeyActions.map((action) => (
              <div className="shortcut-list__row" key={action}>
                <dt className="shortcut-list__keys">
                  <Keys keys={displayAccelerator(hotkeys[action] ?? '', platform).split('+')} />
                </dt>
                <dd className="shortcut-list__what">{hotkeyLabels[action]}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
    </Sheet>
  );
}
