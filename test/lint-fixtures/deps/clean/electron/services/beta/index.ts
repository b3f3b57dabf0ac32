import { createAlpha } from '../alpha';

export const createBeta = () => ({ alpha: createAlpha() });
