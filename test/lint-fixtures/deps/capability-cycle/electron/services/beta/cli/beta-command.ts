import { alpha } from '../../alpha';

export const betaCommand = () => alpha();
