/**
 * Roving focus: a list is one Tab stop (the item last used); arrow keys, Home and End move
 * between its items. `nextRovingIndex` is the pure part; `moveRovingFocus` applies it to the
 * items of a list element marked `data-roving-item`.
 */

/**
 * The index an arrow key moves to, or null when the key does not move. Down and Right go to
 * the next item, Up and Left to the previous one, so rows and columns work alike.
 */
export function nextRovingIndex(key: string, current: number, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowDown':
    case 'ArrowRight':
      return Math.min(count - 1, current + 1);
    case 'ArrowUp':
    case 'ArrowLeft':
      return Math.max(0, current - 1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/** The list's own items (not those of a list nested in it). */
function itemsOf(list: HTMLElement): HTMLElement[] {
  return [...list.querySelectorAll<HTMLElement>('[data-roving-item]')].filter(
    (item) => item.closest('[data-roving-list]') === list,
  );
}

/**
 * Handle a key pressed on one of `list`'s items: focus the item it moves to and return its
 * index, or null (the key is left alone) when the key does not move or the focus is not on an
 * item itself (a button inside a card keeps its keys).
 */
export function moveRovingFocus(
  list: HTMLElement,
  event: { key: string; target: EventTarget | null; preventDefault(): void },
): number | null {
  const items = itemsOf(list);
  const current = items.indexOf(event.target as HTMLElement);
  if (current === -1) return null;
  const next = nextRovingIndex(event.key, current, items.length);
  if (next === null) return null;
  event.preventDefault();
  items[next]?.focus();
  return next;
}
