// Lint fixture: linted as if it lived in renderer/. It must PASS (the control case).
import type { InloopApi } from '../../shared/api';

export const describeApi = (api: InloopApi) => typeof api.settings.get;
