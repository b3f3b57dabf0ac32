/**
 * Installed knowledge packs on this device (`<data>/packs/`). Install and upgrade are atomic:
 * the pack is verified, copied and indexed in a staging folder, renamed into its version
 * folder, and only then does the registry name it current. A crash (even `kill -9`) at any
 * moment leaves the previous version fully usable; leftovers are swept at the next open.
 */
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../../shared/result';
import { writeFileAtomic } from '../../core/atomic-file';
import { describeZodError } from '../../../../shared/zod-issues';
import type { VerifiedPack } from '../pack-file';
import { checkPack, type PackTrust } from './check-pack';
import type { InstalledContent } from './installed-content';
import {
  emptyRegistry,
  referencedFolders,
  RegistrySchema,
  withInstalled,
  withRemoved,
  withRolledBack,
  type InstalledVersion,
  type Registry,
} from './pack-registry';
import { withStoreLock } from './store-lock';

/** Builds a pack's searchable index into an empty folder; returns the model its vectors use. */
export interface PackIndexer {
  build(
    pack: VerifiedPack,
    content: InstalledContent,
    folder: string,
  ): Promise<{ embeddingModel: string | null }>;
}

export interface InstallOptions {
  trust: PackTrust;
  indexer: PackIndexer;
  /** Install an older version over a newer one. */
  allowDowngrade?: boolean;
  /** Installed from the bundled example pack. */
  demo?: boolean;
}

export const PACK_FILE_NAME = 'pack.inloop';

export class PackStore {
  private queue: Promise<unknown> = Promise.resolve();
  readonly root: string;

  constructor(dataDir: string) {
    this.root = join(dataDir, 'packs');
  }

  private get registryPath() {
    return join(this.root, 'registry.json');
  }

  /** The registry as committed. A damaged registry is an error, never silently emptied. */
  async registry(): Promise<Registry> {
    let text: string;
    try {
      text = await readFile(this.registryPath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyRegistry;
      throw error;
    }
    const raw: unknown = JSON.parse(text);
    const parsed = RegistrySchema.safeParse(raw);
    if (!parsed.success) {
      throw new AppError(
        'internal',
        `pack registry ${this.registryPath} is damaged: ${describeZodError(parsed.error, raw, { root: 'the registry' })}`,
      );
    }
    return parsed.data;
  }

  /** The current version of `id` in the committed registry, if installed. */
  async current(id: string): Promise<InstalledVersion | undefined> {
    return currentOf(await this.registry(), id);
  }

  /** Installed packs, current versions, each with what it would roll back to. */
  async list(): Promise<Array<{ current: InstalledVersion; previous: InstalledVersion | null }>> {
    return Object.values((await this.registry()).packs).sort((a, b) =>
      a.current.id.localeCompare(b.current.id),
    );
  }

  /** Absolute folder of an installed version. */
  folderOf(version: InstalledVersion): string {
    return join(this.root, version.folder);
  }

  install(file: string, options: InstallOptions): Promise<InstalledVersion> {
    return this.exclusive(async () => {
      const registry = await this.registry();
      const { pack, content } = await checkPack(file, {
        trust: options.trust,
        installed: (id) => currentOf(registry, id),
        allowDowngrade: options.allowDowngrade,
      });
      const { pack: meta } = pack.manifest;
      const folder = `${meta.id}/${meta.version}-${randomBytes(4).toString('hex')}`;
      const staging = join(this.root, '.staging', randomBytes(8).toString('hex'));
      await mkdir(staging, { recursive: true });
      try {
        await copyFile(file, join(staging, PACK_FILE_NAME));
        const { embeddingModel } = await options.indexer.build(pack, content, staging);
        const installed: InstalledVersion = {
          id: meta.id,
          version: meta.version,
          name: meta.name,
          publisher: meta.publisher,
          description: meta.description,
          signerKeyId: pack.signer?.keyId ?? null,
          installedAt: new Date().toISOString(),
          counts: pack.manifest.counts,
          embeddingModel,
          ...(options.demo ? { demo: true } : {}),
          folder,
        };
        await writeFileAtomic(join(staging, 'version.json'), JSON.stringify(installed, null, 2));
        await mkdir(join(this.root, meta.id), { recursive: true });
        await rename(staging, join(this.root, folder));
        await this.commit(withInstalled(registry, installed));
        return installed;
      } finally {
        // Under the store lock no other install is staging: drop the whole staging folder.
        await rm(join(this.root, '.staging'), { recursive: true, force: true });
      }
    });
  }

  rollback(id: string): Promise<InstalledVersion> {
    return this.exclusive(async () => {
      const next = withRolledBack(await this.registry(), id);
      if (!next)
        throw new AppError('not_found', `pack ${id} has no previous version to roll back to`);
      await this.commit(next);
      return next.packs[id]!.current;
    });
  }

  remove(id: string): Promise<InstalledVersion> {
    return this.exclusive(async () => {
      const registry = await this.registry();
      const entry = registry.packs[id];
      if (!entry) throw new AppError('not_found', `no installed pack with id ${id}`);
      await this.commit(withRemoved(registry, id));
      return entry.current;
    });
  }

  /** Sweep what an interrupted install or a superseded version left behind. */
  sweep(): Promise<void> {
    return this.exclusive(() => this.sweepUnlocked());
  }

  private async commit(next: Registry): Promise<void> {
    await writeFileAtomic(this.registryPath, `${JSON.stringify(next, null, 2)}\n`);
    await this.sweepUnlocked();
  }

  private async sweepUnlocked(): Promise<void> {
    await rm(join(this.root, '.staging'), { recursive: true, force: true });
    const keep = referencedFolders(await this.registry());
    for (const pack of await readdir(this.root, { withFileTypes: true }).catch(() => [])) {
      // A registry write killed before its rename leaves its temp file (writeFileAtomic).
      if (pack.isFile() && /^\.registry\.json\..*\.tmp$/.test(pack.name)) {
        await rm(join(this.root, pack.name), { force: true });
        continue;
      }
      if (!pack.isDirectory() || pack.name.startsWith('.')) continue;
      const versions = await readdir(join(this.root, pack.name));
      for (const version of versions) {
        if (!keep.has(`${pack.name}/${version}`)) {
          await rm(join(this.root, pack.name, version), { recursive: true, force: true });
        }
      }
      if (versions.every((v) => !keep.has(`${pack.name}/${v}`))) {
        await rm(join(this.root, pack.name), { recursive: true, force: true });
      }
    }
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => {
      await mkdir(this.root, { recursive: true });
      return withStoreLock(join(this.root, '.lock'), work);
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}

/** The current version of `id`, looked up without reaching inherited object properties. */
export function currentOf(registry: Registry, id: string): InstalledVersion | undefined {
  return Object.hasOwn(registry.packs, id) ? registry.packs[id]!.current : undefined;
}
