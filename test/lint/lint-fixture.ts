/**
 * Lints a file of test/lint-fixtures/ as if it lived at another path of the tree, with the
 * project's real ESLint config. A fixture marks each line that must fail with `// ✗`; every
 * other line must pass, so a fixture shows a rule failing and its control case side by side.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ESLint, type Linter } from 'eslint';

export const root = join(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

/** The rules that carry the layering rules of eslint.config.js. */
const LAYERING_RULES = new Set(['no-restricted-imports', 'no-restricted-syntax']);

export interface FixtureLint {
  /** The 1-based lines the fixture marks with `// ✗`. */
  readonly marked: number[];
  /** The layering errors ESLint reports. */
  readonly errors: Linter.LintMessage[];
}

/**
 * The first lint loads eslint.config.js, typescript-eslint and TypeScript (seconds, and more
 * on a busy machine); a test file runs this once in `beforeAll` with this timeout so that no
 * single test carries the cost.
 */
export const WARM_UP_TIMEOUT_MS = 120_000;
export async function warmUp(): Promise<void> {
  await eslint.lintText('export {};\n', { filePath: join(root, 'shared', 'warm-up.ts') });
}

/** Lint `fixture` as if it were the file `pretendPath` (relative to the repo root). */
export async function lintAs(fixture: string, pretendPath: string): Promise<FixtureLint> {
  const code = await readFile(join(root, 'test', 'lint-fixtures', fixture), 'utf8');
  const [result] = await eslint.lintText(code, { filePath: join(root, pretendPath) });
  const marked = code
    .split('\n')
    .flatMap((line, index) => (line.includes('// ✗') ? [index + 1] : []));
  const errors = result!.messages.filter(
    (m) => m.severity === 2 && m.ruleId !== null && LAYERING_RULES.has(m.ruleId),
  );
  return { marked, errors };
}

/** The distinct lines with an error whose message matches `message`, in order. */
export function linesMatching(errors: readonly Linter.LintMessage[], message: RegExp): number[] {
  return [...new Set(errors.filter((e) => message.test(e.message)).map((e) => e.line))].sort(
    (a, b) => a - b,
  );
}
