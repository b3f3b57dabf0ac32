// Lint fixture: linted as if it lived in shared/. It must FAIL the layering rule.
import { join } from 'path';

export const where = join('a', 'b');
