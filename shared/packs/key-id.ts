/**
 * A publisher key's id from its PEM, where node:crypto is not available (the renderer): the
 * first 16 hex characters of the SHA-256 of the SPKI DER, the id signatures, refusals and
 * `inloop pack keygen` print. Uses WebCrypto's digest, which browsers and Node both have.
 */

/** The DER bytes inside a `-----BEGIN PUBLIC KEY-----` block, or null when there are none. */
export function publicKeyDer(pem: string): Uint8Array<ArrayBuffer> | null {
  const match = /-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\s]+)-----END PUBLIC KEY-----/.exec(pem);
  if (!match) return null;
  const base64 = match[1]!.replace(/\s+/g, '');
  try {
    const binary = atob(base64);
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** The key id of a public key PEM, or null when the PEM holds no key. */
export async function publicKeyId(pem: string): Promise<string | null> {
  const der = publicKeyDer(pem);
  if (!der || der.length === 0) return null;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', der));
  return Array.from(digest.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join('');
}
