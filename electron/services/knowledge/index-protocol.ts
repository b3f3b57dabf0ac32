/**
 * What the pack index worker (index-worker.ts) is asked and answers: build the LanceDB index of
 * the installed version in `folder` from its `content.json` (already written there) and, when
 * there are vectors, one flat Float32Array of `count × dimension` in passage order.
 */
export type IndexRequest = {
  readonly kind: 'build';
  readonly folder: string;
  readonly vectors: { readonly dimension: number; readonly data: Float32Array } | null;
};

export type IndexResponse = { readonly kind: 'built'; readonly passages: number };
