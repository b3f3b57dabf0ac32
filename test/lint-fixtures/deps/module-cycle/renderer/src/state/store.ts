import { createSlice, type Slice } from './slice';

export type State = Slice & { ready: boolean };
export const createStore = (): State => ({ ...createSlice(), ready: true });
