/**
 * Verifying a pack file for its publisher, outside any device: every check an install makes
 * (`checkPack`, the same function, order and limits), except the one that needs a device's
 * trusted keys. With the publisher's public key the signature must verify with it; without
 * one, the signature block is read and its key id reported, unchecked.
 */
import { checkPack } from '../install/check-pack';
import type { PackVerdict } from '../pack-installer';

export async function verifyPackFile(file: string, publisherKeyPem?: string): Promise<PackVerdict> {
  const trust =
    publisherKeyPem === undefined
      ? { trustedKeys: [], allowUnsigned: true, signature: 'report' as const }
      : { trustedKeys: [publisherKeyPem], allowUnsigned: false };
  const checked = await checkPack(file, { trust });
  return { checked, signedBy: checked.pack.claimedKeyId, trusted: checked.pack.signer !== null };
}
