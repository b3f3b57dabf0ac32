import { app } from 'electron';
import { startHost } from '../../hosts/web/web-host';
import { createServices } from '../../app/create-services';

export const leak = [app, startHost, createServices];
