import { ok } from '../../shared/result';

export const view = () => ok('view');
