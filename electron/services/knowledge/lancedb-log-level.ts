/**
 * Imported before `@lancedb/lancedb`, whose native module reads `LANCEDB_LOG` once as it
 * loads: LanceDB logs routine events ("No existing dataset ... will be created") as warnings on
 * stderr, and only its errors are news to an agent or a CLI user. An explicit setting wins.
 */
process.env.LANCEDB_LOG ??= 'error';

export {};
