/**
 * Which files a model folder needs. Pure: the manifest says so for its models; for any other
 * folder the floor is a config.json and some ONNX weights under onnx/.
 */
import type { ManifestModel } from './model-manifest';

/** transformers.js 4.3.1's file-name suffix per dtype (`DEFAULT_DTYPE_SUFFIX_MAPPING`). */
const DTYPE_SUFFIX: Readonly<Record<string, string>> = {
  fp32: '',
  fp16: '_fp16',
  int8: '_int8',
  uint8: '_uint8',
  q8: '_quantized',
  q4: '_q4',
  q4f16: '_q4f16',
  bnb4: '_bnb4',
};

/** The known dtypes, for messages. */
export const KNOWN_DTYPES = Object.keys(DTYPE_SUFFIX);

/** The ONNX file a single-session model (an encoder like MiniLM) loads for `dtype`. */
export function encoderWeightsFile(dtype: string): string | null {
  const suffix = DTYPE_SUFFIX[dtype];
  return suffix === undefined ? null : `onnx/model${suffix}.onnx`;
}

/** What a folder with no manifest entry must hold at least, as shown to people. */
export const GENERIC_REQUIREMENTS = ['config.json', 'onnx/*.onnx'] as const;

/**
 * The required files `listing` (relative paths present in the folder) lacks: the manifest's
 * files for a manifest model, else {@link GENERIC_REQUIREMENTS}.
 */
export function missingFiles(
  entry: ManifestModel | undefined,
  listing: readonly string[],
): string[] {
  const present = new Set(listing);
  if (entry) return entry.files.map((f) => f.path).filter((path) => !present.has(path));
  const missing: string[] = [];
  if (!present.has('config.json')) missing.push('config.json');
  if (!listing.some((p) => p.startsWith('onnx/') && p.endsWith('.onnx')))
    missing.push('onnx/*.onnx');
  return missing;
}
