/**
 * How containers reach the store: `useInloop(selector)` under a `StoreProvider`.
 * Select the smallest value you need; wrap derived arrays or objects in `useShallow`.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { InloopState, InloopStore } from './store';

const StoreContext = createContext<InloopStore | null>(null);

/** Makes `store` available to every container below. */
export function StoreProvider({ store, children }: { store: InloopStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

/** The selected part of the store; re-renders only when that part changes. */
export function useInloop<T>(selector: (state: InloopState) => T): T {
  return useStore(useInloopStore(), selector);
}

/** The store itself, for event handlers that read state without subscribing. */
export function useInloopStore(): InloopStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useInloop needs a StoreProvider above it');
  return store;
}
