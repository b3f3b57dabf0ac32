import { createServices } from '../../app/create-services';
import { ok } from '../../../shared/result';

export const startHost = () => ok(createServices());
