import { beta } from '../beta/helper';

export const alpha = () => beta;
