/** Builds the renderer once before the suite: `inloop serve` serves out/renderer. */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function globalSetup(): void {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  execFileSync(
    'npx',
    ['vite', 'build', '--config', 'vite.renderer.config.ts', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
}
