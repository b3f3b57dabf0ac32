/**
 * Whether rolling back to an installed previous version is allowed now. A rollback makes a
 * version current without reading its file again, so it must pass the trust rules an install
 * would apply today: its publisher key still trusted, or unsigned packs still allowed. Pure.
 */
import type { InstalledVersion } from '../../../../shared/schemas/packs';
import { keyIdOf } from '../pack-file';
import type { PackTrust } from './check-pack';

/** Why rolling back to `target` is refused under `trust`, or null when it is allowed. */
export function rollbackRefusal(target: InstalledVersion, trust: PackTrust): string | null {
  const what = `${target.id} ${target.version}`;
  if (target.signerKeyId === null) {
    return trust.allowUnsigned
      ? null
      : `cannot roll back to ${what}: it is unsigned, and unsigned packs are not allowed on this device`;
  }
  const trusted = new Set(trust.trustedKeys.flatMap((pem) => keyIdOrNothing(pem)));
  return trusted.has(target.signerKeyId)
    ? null
    : `cannot roll back to ${what}: it is signed by key ${target.signerKeyId}, which this device no longer trusts`;
}

function keyIdOrNothing(pem: string): string[] {
  try {
    return [keyIdOf(pem)];
  } catch {
    return [];
  }
}
