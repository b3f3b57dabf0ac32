// Lint fixture: linted as if it lived in electron/app/. Each line marked ✗ must FAIL (the
// composition root never imports a host); the others must PASS (it composes services).
import { startElectronHost } from '../hosts/electron-main/electron-host'; // ✗
import type { Command } from '../hosts/cli/run-cli'; // ✗
import { createKnowledge } from '../services/knowledge/create-knowledge';
import { EventBus } from '../services/core/event-bus';
import { ok } from '../../shared/result';

export const used = [startElectronHost, createKnowledge, EventBus, ok];
export type Used = Command;
