import type { State } from './store';

export type Slice = { count: number };
export const createSlice = (): Slice => ({ count: 0 });
export const isReady = (state: State) => state.ready;
