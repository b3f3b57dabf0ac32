// dependency-cruiser: the second, independent net under eslint.config.js. ESLint reads the
// import strings of one file; this tool resolves every import to a file and checks the
// graph: no cycle between capability folders, no module cycle, and the layer rules that a
// resolved path states best (services never import a host or the composition root; Electron
// only in electron/hosts/electron-main; shared/ never imports electron/ or renderer/).
// Run: npm run lint:deps (scripts/check-deps.sh; also part of npm run lint and npm test).
// test/lint/dependency-rules.test.ts shows each rule failing on a fixture tree.

/**
 * A capability folder: electron/services/<name>, electron/hosts/<name>, electron/app or
 * shared/<name> (a subfolder such as services/packs/cli belongs to its capability).
 * `no-capability-cycle` sees a cycle when its imports land in the capability folders
 * themselves or in subfolders that lead back; dependency-cruiser links a folder to the exact
 * folder of each imported file, so a cycle that enters a capability through one subfolder and
 * leaves through another (knowledge → packs/install, packs/cli → knowledge) escapes it.
 * scripts/capability-cycles.ts reads the to.path below to catch those on the same graph.
 */
const CAPABILITY = '(electron/services/[^/]+|electron/hosts/[^/]+|electron/app|shared/[^/]+)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-capability-cycle',
      comment:
        'Two capability folders import each other (through any chain). Move the shared piece ' +
        'down (services/core or shared/) or pass it in as a dependency from electron/app.',
      severity: 'error',
      scope: 'folder',
      from: { path: `^${CAPABILITY}$` },
      to: { path: `^${CAPABILITY}(/|$)`, circular: true },
    },
    {
      name: 'no-circular',
      comment:
        'These modules import each other (through any chain). Split out what both need, or ' +
        'invert one import by passing the dependency in.',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'services-not-hosts-or-app',
      comment:
        'A service never imports a host or the composition root: take what you need as a ' +
        'dependency (electron/app passes it in), or move shared code to services/core.',
      severity: 'error',
      from: { path: '^electron/services/' },
      to: { path: '^electron/(hosts|app)/' },
    },
    {
      name: 'electron-only-in-main-host',
      comment:
        'Only electron/hosts/electron-main imports Electron: services, electron/app, the web and ' +
        'CLI hosts run in plain Node, and shared/ and renderer/ never load it. Take what you ' +
        'need as a dependency the Electron host passes in.',
      severity: 'error',
      from: { path: '^(electron|shared|renderer)/', pathNot: '^electron/hosts/electron-main/' },
      to: { path: '^electron(/(main|renderer|common))?$|(^|/)node_modules/electron/' },
    },
    {
      name: 'app-not-hosts',
      comment:
        'The composition root (electron/app) composes services for every host; it never ' +
        'imports one. The host passes in what is host-specific.',
      severity: 'error',
      from: { path: '^electron/app/' },
      to: { path: '^electron/hosts/' },
    },
    {
      name: 'shared-not-electron-or-renderer',
      comment:
        'shared/ is pure TypeScript used by every layer: it never imports electron/ or ' +
        'renderer/. Move the code into shared/ or let the caller pass it in.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(electron|renderer)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^test/lint-fixtures/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
