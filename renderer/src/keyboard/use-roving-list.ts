/**
 * A list with roving focus (keyboard/roving.ts) as a hook: the props for the list element and
 * which item is the list's Tab stop. `current` is `active` kept inside the list's length.
 */
import { useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { moveRovingFocus } from './roving';

export interface RovingList<E extends HTMLElement> {
  /** Spread on the list element. */
  listProps: {
    ref: RefObject<E | null>;
    'data-roving-list': '';
    onKeyDown(event: KeyboardEvent<E>): void;
  };
  /** The item that is the list's one Tab stop. */
  current: number;
  /** An item took the focus (its onFocus). */
  setActive(index: number): void;
}

export function useRovingList<E extends HTMLElement>(count: number): RovingList<E> {
  const ref = useRef<E>(null);
  const [active, setActive] = useState(0);
  return {
    listProps: {
      ref,
      'data-roving-list': '',
      onKeyDown: (event) => {
        const next = ref.current ? moveRovingFocus(ref.current, event) : null;
        if (next !== null) setActive(next);
      },
    },
    current: Math.min(active, Math.max(0, count - 1)),
    setActive,
  };
}
