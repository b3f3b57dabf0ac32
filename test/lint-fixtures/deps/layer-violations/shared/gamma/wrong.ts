import { startHost } from '../../electron/hosts/web/web-host';
import { view } from '../../renderer/src/view';

export const wrong = [startHost, view];
