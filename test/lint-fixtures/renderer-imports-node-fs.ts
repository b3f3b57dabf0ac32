// Lint fixture: linted as if it lived in renderer/. It must FAIL the layering rule.
import { readFileSync } from 'node:fs';

export const leak = () => readFileSync('/etc/passwd', 'utf8');
