/**
 * Where an installed pack's vectors come from, decided at install: the pack's own (built with
 * the model this device uses), re-embedded on the device (the pack has none, or another
 * model's), or none (the device has no embedding model and the pack brings none).
 */

/** What to do about vectors when installing a pack. */
export type VectorPlan =
  | { readonly kind: 'use-pack'; readonly model: string }
  | { readonly kind: 're-embed'; readonly model: string }
  | { readonly kind: 'none' };

/**
 * `packModel`: the embedding model named in the pack's manifest (null when it has none);
 * `deviceModel`: the model of this device's embedder (null in lexical mode).
 */
export function planVectors(packModel: string | null, deviceModel: string | null): VectorPlan {
  if (deviceModel === null) {
    // Keep the pack's vectors: they become usable if the device later gets that model.
    return packModel === null ? { kind: 'none' } : { kind: 'use-pack', model: packModel };
  }
  if (packModel === deviceModel) return { kind: 'use-pack', model: packModel };
  return { kind: 're-embed', model: deviceModel };
}
