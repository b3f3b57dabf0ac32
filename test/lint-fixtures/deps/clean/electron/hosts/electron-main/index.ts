import { app } from 'electron';
import { createServices } from '../../app/create-services';

export const start = () => app.whenReady().then(createServices);
