import { startHost } from '../hosts/web/web-host';

export const createServices = () => startHost();
