// Lint fixture: linted as if it lived in electron/hosts/web/. It must PASS: a host may import
// the composition root, services and shared/ (the control case for the layer rules).
import { createServices } from '../../app/create-services';
import { EventBus } from '../../services/core/event-bus';
import { searchCommand } from '../../services/knowledge/cli/search-command';
import { startWebHost } from '../web/web-host';
import { ok } from '../../../shared/result';

export const used = [createServices, EventBus, searchCommand, startWebHost, ok];
