import { ok } from '../result';

export const gamma = () => ok('gamma');
