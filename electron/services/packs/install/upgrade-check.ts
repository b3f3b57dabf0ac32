/** Whether a pack file may replace the installed version of its id. Pure. */
import { AppError } from '../../../../shared/result';
import type { InstalledVersion } from '../../../../shared/schemas/packs';
import { compareSemver } from './semver';

/** Refuse a downgrade (unless asked) and a pack id taken over by another publisher's key. */
export function checkUpgrade(
  existing: InstalledVersion | undefined,
  version: string,
  signerKeyId: string | null,
  allowDowngrade: boolean,
): void {
  if (!existing) return;
  if (existing.signerKeyId && signerKeyId !== existing.signerKeyId) {
    throw new AppError(
      'unauthorized',
      `pack ${existing.id} was installed from publisher key ${existing.signerKeyId}; this file is ${signerKeyId ? `signed by ${signerKeyId}` : 'unsigned'}. Remove the installed pack first to change its publisher.`,
    );
  }
  if (!allowDowngrade && compareSemver(version, existing.version) < 0) {
    throw new AppError(
      'conflict',
      `pack ${existing.id} ${existing.version} is installed; ${version} is older. To go back, roll back, or install it as a downgrade (confirm it in Settings, or \`inloop pack install --allow-downgrade\`)`,
    );
  }
}
