/**
 * The one way a pack gets onto, off or back on this device: verify, install (and upgrade),
 * roll back, remove, and the bundled example pack. The `packs:*` channels, `inloop pack` and a
 * pack feed all call it. Trust is read at each call (settings and policy may change), every
 * install goes through the atomic `PackStore`, and after every change the knowledge service is
 * told to index what is now current.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../../shared/result';
import type { InstalledPack, InstalledVersion } from '../../../shared/schemas/packs';
import { buildPack } from './build';
import { checkPack, type CheckedPack, type PackTrust } from './install/check-pack';
import { currentOf, PackStore, type PackIndexer } from './install/pack-store';
import { withUploadedFile } from './install/pack-upload';
import { rollbackRefusal } from './install/rollback-check';

/** What to install: a file on this machine, or uploaded bytes (the browser host). */
export type PackSource =
  { readonly path: string } | { readonly fileName: string; readonly bytesBase64: string };

/** What the agent chose for this install; each defaults to no. */
export interface InstallChoices {
  /** Install an unsigned pack even where settings do not allow it (the CLI's development flag). */
  readonly allowUnsigned?: boolean;
  /** Install an older version over a newer one (asked for and confirmed). */
  readonly allowDowngrade?: boolean;
}

/** What `verify` found: the checked pack, and who signed it. */
export interface PackVerdict {
  readonly checked: CheckedPack;
  /** The key id in the signature block, or null for an unsigned pack. */
  readonly signedBy: string | null;
  /** True only when the signature verified with a trusted (or the given) publisher key. */
  readonly trusted: boolean;
}

export interface PackInstallerDeps {
  readonly dataDir: string;
  /** Which publishers to trust, read at each call. */
  readonly trust: () => PackTrust;
  /** Builds an installed version's index (the knowledge service's, with this device's model). */
  readonly indexer: PackIndexer;
  /** The bundled example pack's source folder (`<app root>/packs/acme-retail`). */
  readonly examplePackDir?: string;
}

type Listener = () => Promise<void> | void;

export class PackInstaller {
  private readonly listeners = new Set<Listener>();

  private constructor(
    readonly store: PackStore,
    private readonly deps: PackInstallerDeps,
  ) {}

  /** Opens the packs of `dataDir`, sweeping what an interrupted install left behind. */
  static async open(deps: PackInstallerDeps): Promise<PackInstaller> {
    const store = new PackStore(deps.dataDir);
    await store.sweep();
    return new PackInstaller(store, deps);
  }

  /** Calls `listener` after every change of the installed packs (the knowledge service reloads). */
  onChanged(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  list(): Promise<InstalledPack[]> {
    return this.store.list();
  }

  /** Absolute folder of an installed version. */
  folderOf(version: InstalledVersion): string {
    return this.store.folderOf(version);
  }

  /**
   * Runs every check an install runs, in the same order and with the same limits, without
   * installing. With `publisherKeyPem` the signature must verify with that key; without it,
   * with this device's trusted keys when `againstDevice`, else the signature's key id is only
   * reported. `againstDevice` also checks the version against what is installed.
   */
  async verify(
    file: string,
    options: { publisherKeyPem?: string; againstDevice?: boolean } = {},
  ): Promise<PackVerdict> {
    const trust =
      options.publisherKeyPem !== undefined
        ? { trustedKeys: [options.publisherKeyPem], allowUnsigned: false }
        : options.againstDevice
          ? this.deps.trust()
          : { trustedKeys: [], allowUnsigned: true, signature: 'report' as const };
    const registry = options.againstDevice ? await this.store.registry() : null;
    const checked = await checkPack(file, {
      trust,
      installed: (id) => (registry ? currentOf(registry, id) : undefined),
    });
    const { pack } = checked;
    return { checked, signedBy: pack.claimedKeyId, trusted: pack.signer !== null };
  }

  /** Verifies and installs (or upgrades) a pack atomically; the previous version is kept. */
  async install(source: PackSource, choices: InstallChoices = {}): Promise<InstalledPack> {
    return this.installFile(source, choices, false);
  }

  /**
   * Builds the bundled example pack and installs it, marked as a demo (removable in one step),
   * so a newcomer sees the whole product with one click. Unsigned by design: it comes with the
   * app itself, not from a publisher.
   */
  async installDemo(): Promise<InstalledPack> {
    const source = this.deps.examplePackDir;
    if (!source) throw new AppError('unavailable', 'This app has no bundled example pack.');
    const { unsignedLocked } = this.deps.trust();
    if (unsignedLocked) {
      throw new AppError('unauthorized', `The example pack is unsigned. ${unsignedLocked}`);
    }
    const folder = await mkdtemp(join(tmpdir(), 'inloop-example-'));
    try {
      const out = join(folder, 'example.inloop');
      const built = await buildPack(source, { out });
      if (!built.ok) {
        const first = built.problems[0];
        throw new AppError(
          'internal',
          `the bundled example pack does not build (${built.problems.length} problems; first: ${first?.file}:${first?.line ?? 0}: ${first?.message})`,
        );
      }
      return await this.installFile({ path: out }, { allowUnsigned: true }, true);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }

  /**
   * Makes the previous version of `id` current again. Refused when that version could not be
   * installed now: signed by a key this device no longer trusts, or unsigned where unsigned
   * packs are not allowed (`allowUnsigned` is the CLI's development flag, as for install).
   */
  async rollback(
    id: string,
    choices: Pick<InstallChoices, 'allowUnsigned'> = {},
  ): Promise<InstalledPack> {
    const entry = (await this.store.list()).find((p) => p.current.id === id);
    const trust = this.deps.trust();
    if (choices.allowUnsigned && trust.unsignedLocked) {
      throw new AppError('unauthorized', trust.unsignedLocked);
    }
    const refusal = entry?.previous
      ? rollbackRefusal(entry.previous, {
          ...trust,
          allowUnsigned: trust.allowUnsigned || choices.allowUnsigned === true,
        })
      : null;
    if (refusal) throw new AppError('unauthorized', refusal);
    const current = await this.store.rollback(id);
    await this.changed();
    return this.entryOf(current);
  }

  /** Removes every version of `id`; resolves with what is still installed. */
  async remove(id: string): Promise<InstalledPack[]> {
    await this.store.remove(id);
    await this.changed();
    return this.store.list();
  }

  private async installFile(
    source: PackSource,
    choices: InstallChoices,
    demo: boolean,
  ): Promise<InstalledPack> {
    const trust = this.deps.trust();
    if (choices.allowUnsigned && !demo && trust.unsignedLocked) {
      throw new AppError('unauthorized', trust.unsignedLocked);
    }
    const options = {
      trust: { ...trust, allowUnsigned: trust.allowUnsigned || choices.allowUnsigned === true },
      indexer: this.deps.indexer,
      allowDowngrade: choices.allowDowngrade === true,
      demo,
    };
    const installed =
      'path' in source
        ? await this.store.install(source.path, options)
        : await withUploadedFile(this.deps.dataDir, source.bytesBase64, (path) =>
            this.store.install(path, options),
          );
    await this.changed();
    return this.entryOf(installed);
  }

  private async entryOf(version: InstalledVersion): Promise<InstalledPack> {
    return (await this.store.list()).find((p) => p.current.folder === version.folder)!;
  }

  private async changed(): Promise<void> {
    for (const listener of this.listeners) await listener();
  }
}
