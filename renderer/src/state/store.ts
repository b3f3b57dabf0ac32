/**
 * The renderer's one zustand store, built from typed slices. Each slice keeps its actions
 * beside its state; actions that talk to the services get the `InloopApi` by closure, so
 * tests build a store over a fake API.
 */
import { createStore, type StateCreator, type StoreApi } from 'zustand/vanilla';
import type { InloopApi } from '../../../shared/api';
import { createKnowledgeSlice, type KnowledgeSlice } from './knowledge-slice';
import { createAssistSlice, type AssistSlice } from './assist-slice';
import { createNoticesSlice, type NoticesSlice } from './notices-slice';
import { createPolicySlice, type PolicySlice } from './policy-slice';
import { createSettingsSlice, type SettingsSlice } from './settings-slice';
import { createSpeechSlice, type SpeechSlice } from './speech-slice';
import { createStatusSlice, type StatusSlice } from './status-slice';
import { createUiSlice, type UiSlice } from './ui-slice';
import { createLearningSlice, type LearningSlice } from './learning-slice';

export type InloopState = SettingsSlice &
  StatusSlice &
  NoticesSlice &
  UiSlice &
  KnowledgeSlice &
  AssistSlice &
  SpeechSlice &
  LearningSlice &
  PolicySlice;

/** A slice's creator, typed against the whole state so actions can read other slices. */
export type SliceCreator<Slice> = StateCreator<InloopState, [], [], Slice>;

export type InloopStore = StoreApi<InloopState>;

/** A fresh store; the app makes one at start-up (main.tsx), tests one per case. */
export function createInloopStore(api: InloopApi): InloopStore {
  return createStore<InloopState>()((...args) => ({
    ...createSettingsSlice(api)(...args),
    ...createStatusSlice(api)(...args),
    ...createNoticesSlice(...args),
    ...createUiSlice(...args),
    ...createKnowledgeSlice(api)(...args),
    ...createAssistSlice(api)(...args),
    ...createSpeechSlice(api)(...args),
    ...createLearningSlice(api)(...args),
    ...createPolicySlice(api)(...args),
  }));
}
