/**
 * Every check an install makes before it writes anything, in the order it makes them, as one
 * function: `inloop pack verify`, `packs:install` and a feed's install all run it, so verify
 * never says "ok" to a pack install refuses. Order: the file (a regular file within the
 * limits), its frame and signature (trust), the manifest and every entry against its hash,
 * the version against the one installed (downgrade, publisher change), then every content row
 * against its schema.
 */
import { readPackFile, type ReadPackOptions, type VerifiedPack } from '../pack-file';
import type { InstalledVersion } from '../../../../shared/schemas/packs';
import { readPackContent, type InstalledContent } from './installed-content';
import { checkUpgrade } from './upgrade-check';

export interface PackTrust {
  trustedKeys: readonly string[];
  allowUnsigned: boolean;
  /**
   * Set when managed policy enforces "no unsigned packs": why no development flag, rollback or
   * example pack may get an unsigned pack in.
   */
  unsignedLocked?: string;
}

/** A pack that passed every check, with its parsed content. */
export interface CheckedPack {
  readonly pack: VerifiedPack;
  readonly content: InstalledContent;
}

export interface CheckOptions {
  /** Who to trust; `report` only reads the signature's key id (verify without a key). */
  readonly trust: PackTrust & { signature?: ReadPackOptions['signature'] };
  /** The version of the same pack id installed now, if any. */
  readonly installed?: (id: string) => InstalledVersion | undefined;
  readonly allowDowngrade?: boolean;
}

export async function checkPack(file: string, options: CheckOptions): Promise<CheckedPack> {
  const pack = await readPackFile(file, options.trust);
  const { id, version } = pack.manifest.pack;
  checkUpgrade(
    options.installed?.(id),
    version,
    pack.signer?.keyId ?? pack.claimedKeyId,
    options.allowDowngrade === true,
  );
  return { pack, content: readPackContent(pack) };
}
