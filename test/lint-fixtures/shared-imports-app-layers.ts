// Lint fixture: linted as if it lived in shared/assist/. Each line marked ✗ must FAIL with the
// shared/ message (not the Electron or Node one); the others must PASS.
import { EventBus } from '../../electron/services/core/event-bus'; // ✗
import type { Services } from '../../electron/app/create-services'; // ✗
import { App } from '../../renderer/src/app'; // ✗
export { startWebHost } from '../../electron/hosts/web/web-host'; // ✗
import { ok } from '../result';
import { SettingsSchema } from '../schemas/settings';
import { z } from 'zod';

export const used = [EventBus, App, ok, SettingsSchema, z];
export type Used = Services;
