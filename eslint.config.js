// ESLint flat config. The layering rules of ../shared/STYLE.md are enforced here:
//   shared/    plain TypeScript: no Node built-ins, no Electron, no DOM-only code
//   renderer/  no Node built-ins, no Electron, no main-process code
//   electron/  never imports the renderer
// and only electron/ipc and electron/preload may touch ipcMain / ipcRenderer.
// test/lint-fixtures/ holds files that must FAIL these rules (checked by test/lint/layering.test.ts).
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'assert',
  'buffer',
  'child_process',
  'cluster',
  'crypto',
  'dgram',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'http2',
  'https',
  'module',
  'net',
  'os',
  'path',
  'perf_hooks',
  'process',
  'readline',
  'stream',
  'timers',
  'tls',
  'tty',
  'url',
  'util',
  'v8',
  'vm',
  'worker_threads',
  'zlib',
];
const nodeImports = [
  {
    group: ['node:*'],
    message: 'Node built-ins belong in electron/ (main-process services), not here.',
  },
  ...nodeBuiltins.map((name) => ({
    group: [name, `${name}/*`],
    message: 'Node built-ins belong in electron/ (main-process services), not here.',
  })),
];
const electronImports = [
  { group: ['electron', 'electron/*'], message: 'Only electron/ may import Electron.' },
];
const mainProcessImports = [
  {
    group: ['**/electron/**', '../electron/*', '../../electron/*'],
    message: 'The renderer reaches the services only through InloopApi.',
  },
];
const rendererImports = [
  { group: ['**/renderer/**'], message: 'Services never import the renderer.' },
];
const nativeModules = [
  {
    group: ['keytar', '@lancedb/*', 'onnxruntime-node', 'ws'],
    message: 'Native and server modules stay in electron/.',
  },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'out/**',
      'dist/**',
      '.tools/**',
      'test-results/**',
      'playwright-report/**',
      'test/lint-fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='sendSync']",
          message: 'No synchronous IPC: requests are promises.',
        },
      ],
    },
  },
  {
    files: ['shared/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...nodeImports, ...electronImports, ...rendererImports, ...nativeModules] },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        { patterns: [...nodeImports, ...electronImports, ...mainProcessImports, ...nativeModules] },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'The renderer has no process object.' },
        { name: 'require', message: 'The renderer has no require.' },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/hosts/electron-main/ipc/**', 'electron/hosts/electron-main/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: rendererImports,
          paths: [
            {
              name: 'electron',
              importNames: ['ipcMain', 'ipcRenderer'],
              message: 'Only the typed wrappers in electron/ipc and electron/preload touch IPC.',
            },
          ],
        },
      ],
    },
  },
);
