// Lint fixture: linted as if it lived in electron/services/knowledge/. It must FAIL the layering rule.
import { App } from '../../renderer/src/app';

export const wrong = App;
