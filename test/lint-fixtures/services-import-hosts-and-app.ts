// Lint fixture: linted as if it lived in electron/services/knowledge/. Each line marked ✗ must
// FAIL (a service never imports a host or the composition root); the others must PASS.
import { startWebHost } from '../../hosts/web/web-host'; // ✗
import type { ElectronHost } from '../../hosts/electron-main/electron-host'; // ✗
import { createServices } from '../../app/create-services'; // ✗
import { createServices as deeper } from '../../../electron/app/create-services'; // ✗
export { runCli } from '../../hosts/cli/run-cli'; // ✗
import { EventBus } from '../core/event-bus';
import { createPacks } from '../packs';
import { AppError } from '../../../shared/result';

export const used = [startWebHost, createServices, deeper, EventBus, createPacks, AppError];
export type Used = ElectronHost;
