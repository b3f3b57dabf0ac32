// ESLint flat config. The layering rules of ../shared/STYLE.md (docs/ARCHITECTURE.md, "Layers"):
//   shared/                      pure TypeScript: no Node built-ins, no Electron, no DOM-only code,
//                                never electron/ or renderer/
//   renderer/                    no Node built-ins, no Electron, no main-process code
//   electron/services/<name>/    plain Node: no Electron in any form, never a host or electron/app
//   electron/app/                the composition root: services only, no host, no Electron
//   electron/hosts/{web,cli}/    plain Node: no Electron
//   electron/hosts/electron-main the only Electron code; ipcMain, ipcRenderer and
//                                webContents.send only in its ipc/ and preload/ wrappers
//   electron/                    never imports the renderer
// Each group below is one named constant whose message says what to do instead. ESLint reads
// import strings file by file; .dependency-cruiser.cjs checks the resolved graph (the same layer
// rules, plus cycles) as a second net. test/lint-fixtures/ holds files that must FAIL these
// rules (checked by test/lint/layering.test.ts and test/lint/ipc-rules.test.ts).
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// ── no-restricted-imports groups ───────────────────────────────────────────────────────────

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
const NODE_MESSAGE = 'Node built-ins belong in electron/ (main-process services), not here.';
const nodeImports = [
  { group: ['node:*'], message: NODE_MESSAGE },
  ...nodeBuiltins.map((name) => ({ group: [name, `${name}/*`], message: NODE_MESSAGE })),
];
const nativeModules = [
  {
    group: ['keytar', '@lancedb/*', 'onnxruntime-node', 'ws'],
    message: 'Native and server modules stay in electron/.',
  },
];

/** 'electron', 'electron/main', 'electron/renderer', 'electron/common' (not a relative path). */
const ELECTRON_MODULE = '^electron(/.*)?$';
const ELECTRON_IN_RENDERER =
  'The renderer reaches the main process only through window.inloop (InloopApi).';
const electronInRenderer = [{ regex: ELECTRON_MODULE, message: ELECTRON_IN_RENDERER }];
const ELECTRON_IN_SHARED =
  'shared/ is pure TypeScript that every layer runs: Electron code belongs in ' +
  'electron/hosts/electron-main.';
const electronInShared = [{ regex: ELECTRON_MODULE, message: ELECTRON_IN_SHARED }];
const ELECTRON_ONLY_IN_MAIN_HOST =
  'Only electron/hosts/electron-main imports Electron; services, electron/app and the web and ' +
  'CLI hosts run in plain Node: take what you need as a dependency the Electron host passes in.';
const electronOutsideMainHost = [{ regex: ELECTRON_MODULE, message: ELECTRON_ONLY_IN_MAIN_HOST }];

const mainProcessImports = [
  {
    group: ['**/electron/**', '../electron/*', '../../electron/*'],
    message: 'The renderer reaches the services only through InloopApi.',
  },
];
const rendererImports = [
  {
    regex: '^\\.\\.?/(.*/)?renderer(/|$)',
    message: 'electron/ never imports the renderer: share types and logic through shared/.',
  },
];
/** shared/ → electron/ or renderer/, whatever the relative depth. */
const sharedImportsAppLayers = [
  {
    regex: '^(\\.\\./)+(electron|renderer)(/|$)',
    message:
      'shared/ never imports electron/ or renderer/: move what both need into shared/ ' +
      '(pure TypeScript), or let the caller pass it in.',
  },
];
/** A service → electron/hosts/ or electron/app/ (up to the electron/ folder, then down). */
const servicesImportHostsOrApp = [
  {
    regex: '^(\\.\\./)+(electron/)?(hosts|app)(/|$)',
    message:
      'A service never imports a host or the composition root: take it as a dependency ' +
      'that electron/app passes in, or move the shared code to electron/services/core.',
  },
];
const appImportsHosts = [
  {
    regex: '^(\\.\\./)+(electron/)?hosts(/|$)',
    message:
      'electron/app composes the services for every host and never imports one: let the ' +
      'host pass in what is host-specific.',
  },
];

// ── no-restricted-syntax groups ────────────────────────────────────────────────────────────

const noSyncIpc = [
  {
    selector: "MemberExpression[property.name='sendSync']",
    message: 'No synchronous IPC: requests are promises.',
  },
];

/**
 * Loading Electron in the forms no-restricted-imports does not see: require(), module.require(),
 * import() and `typeof import('electron')` (it does see import, import type, export from and
 * `import x = require()`).
 */
const ELECTRON_SOURCE = '/^electron($|\\/)/';
const electronLoads = (message) =>
  [
    `CallExpression[callee.name='require'][arguments.0.value=${ELECTRON_SOURCE}]`,
    `CallExpression[callee.property.name='require'][arguments.0.value=${ELECTRON_SOURCE}]`,
    `ImportExpression[source.value=${ELECTRON_SOURCE}]`,
    `TSImportType[source.value=${ELECTRON_SOURCE}]`,
  ].map((selector) => ({ selector, message }));

const IPC_NAME = '/^ipc(Main|Renderer)$/';
const IPC_MESSAGE =
  'ipcMain and ipcRenderer live only in electron/hosts/electron-main/ipc and preload: declare ' +
  "a channel in shared/contract.ts and add it to the capability's handlers.";
/** ipcMain / ipcRenderer by name, however reached (import, electron.ipcMain, destructuring). */
const ipcOutsideWrappers = [
  {
    selector:
      `Identifier[name=${IPC_NAME}]` +
      ':not(ImportSpecifier > Identifier.local, Property[shorthand=true] > Identifier.value)',
    message: IPC_MESSAGE,
  },
  {
    selector: `MemberExpression[computed=true][property.value=${IPC_NAME}]`,
    message: IPC_MESSAGE,
  },
];

/**
 * Sending to a window (webContents.send, sendToFrame, postMessage; WebFrameMain.send) by the
 * names it is usually reached through: `win.webContents.send`, `event.sender.send`,
 * `webContents.fromId(id).send`, `contents.send`, `frame.send`, `const { send } = win.webContents`.
 * Not caught (no type information here): an alias whose name does not end in contents, frame
 * or sender (`const w = win.webContents; w.send()`), or a webContents handed to a function
 * under another name. Review catches those; forward-events.ts is the one place that sends.
 */
const SEND = '/^(send|sendToFrame|postMessage)$/';
const TO_WINDOW =
  '[object.property.name=/^(webContents|sender|mainFrame|senderFrame)$/],' +
  '[object.name=/([cC]ontents|[fF]rame|^sender)$/],' +
  "[object.callee.object.name='webContents']";
const WINDOW_SEND_MESSAGE =
  'Only electron/hosts/electron-main/ipc/forward-events.ts sends to a window: publish the event ' +
  'on the EventBus (declared in shared/contract.ts) and it reaches every window.';
const webContentsSend = [
  {
    selector: `MemberExpression:matches([property.name=${SEND}], [property.value=${SEND}]):matches(${TO_WINDOW})`,
    message: WINDOW_SEND_MESSAGE,
  },
  {
    selector:
      "VariableDeclarator:matches([init.property.name='webContents'], [init.name=/[cC]ontents$/])" +
      ` > ObjectPattern > Property[key.name=${SEND}]`,
    message: WINDOW_SEND_MESSAGE,
  },
  {
    selector: `Property[key.name='webContents'] > ObjectPattern > Property[key.name=${SEND}]`,
    message: WINDOW_SEND_MESSAGE,
  },
];

// ── per-layer options (a later block's rule options replace an earlier block's) ───────────

const IPC_WRAPPERS = [
  'electron/hosts/electron-main/ipc/**',
  'electron/hosts/electron-main/preload/**',
];
const ipcOnlyInWrappers = [...ipcOutsideWrappers, ...webContentsSend];

/** A part of electron/ that runs in plain Node (no Electron), with its own import groups. */
const plainNodeLayer = (files, importGroups) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: [...rendererImports, ...electronOutsideMainHost, ...importGroups] },
    ],
    'no-restricted-syntax': [
      'error',
      ...noSyncIpc,
      ...electronLoads(ELECTRON_ONLY_IN_MAIN_HOST),
      ...ipcOnlyInWrappers,
    ],
  },
});

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'out/**',
      'dist/**',
      '.bench-build/**',
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
      'no-restricted-syntax': ['error', ...noSyncIpc],
    },
  },
  {
    files: ['shared/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...nodeImports,
            ...electronInShared,
            ...sharedImportsAppLayers,
            ...nativeModules,
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        ...noSyncIpc,
        ...electronLoads(ELECTRON_IN_SHARED),
        ...ipcOnlyInWrappers,
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
        {
          patterns: [
            ...nodeImports,
            ...electronInRenderer,
            ...mainProcessImports,
            ...nativeModules,
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        ...noSyncIpc,
        ...electronLoads(ELECTRON_IN_RENDERER),
        ...ipcOutsideWrappers,
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'The renderer has no process object.' },
        { name: 'require', message: 'The renderer has no require.' },
      ],
    },
  },
  {
    // All of electron/ (the electron-main host keeps just this): Electron allowed, IPC only
    // through the wrappers; the plain-Node layers below add their own groups.
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: rendererImports }],
      'no-restricted-syntax': ['error', ...noSyncIpc, ...ipcOnlyInWrappers],
    },
  },
  plainNodeLayer(['electron/services/**/*.ts'], servicesImportHostsOrApp),
  plainNodeLayer(['electron/app/**/*.ts'], appImportsHosts),
  plainNodeLayer(['electron/hosts/web/**/*.ts', 'electron/hosts/cli/**/*.ts'], []),
  {
    // The typed IPC wrappers: the one place that touches ipcMain, ipcRenderer and webContents.send.
    files: IPC_WRAPPERS,
    rules: { 'no-restricted-syntax': ['error', ...noSyncIpc] },
  },
);
