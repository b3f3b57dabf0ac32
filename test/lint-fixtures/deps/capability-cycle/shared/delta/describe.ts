import type { Gamma } from '../gamma/gamma';

export const describe = (gamma: Gamma) => gamma.delta.name;
