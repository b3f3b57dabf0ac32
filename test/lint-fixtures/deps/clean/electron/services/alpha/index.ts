import { EventBus } from '../core/event-bus';
import { gamma } from '../../../shared/gamma/gamma';

export const createAlpha = () => ({ bus: new EventBus(), gamma: gamma() });
