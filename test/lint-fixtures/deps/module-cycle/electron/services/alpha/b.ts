import { a } from './a';

export const b = (): number => (a ? 1 : 0);
