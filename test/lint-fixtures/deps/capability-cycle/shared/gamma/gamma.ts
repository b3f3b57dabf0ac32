import type { Delta } from '../delta/delta';

export type Gamma = { delta: Delta };
