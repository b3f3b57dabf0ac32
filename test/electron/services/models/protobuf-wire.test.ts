import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  decodeFields,
  encodeFields,
  fieldString,
  fieldVarint,
  messageField,
  repeatedVarints,
  stringField,
  varintField,
} from '../../../../electron/services/models/protobuf-wire';
import { hasSharedModel, sharedModelsDir } from '../embeddings/shared-models';

const WHISPER = 'inloop-test/whisper-tiny-random';

describe('protobuf wire format', () => {
  it('writes back what it read, field by field', () => {
    const message = encodeFields([
      varintField(1, 300),
      stringField(2, 'logits'),
      messageField(3, [varintField(1, 0), stringField(4, 'é')]),
      varintField(5, -1),
    ]);
    const fields = decodeFields(message);
    expect(fields.map((field) => field.no)).toEqual([1, 2, 3, 5]);
    expect(fieldVarint(fields[0]!)).toBe(300n);
    expect(fieldString(fields[1]!)).toBe('logits');
    expect(fieldString(decodeFields(fields[2]!.raw)[1]!)).toBe('é');
    // A negative int64 is a ten-byte varint of its two's complement.
    expect(fieldVarint(fields[3]!)).toBe(2n ** 64n - 1n);
    expect(encodeFields(fields)).toEqual(message);
  });

  it.skipIf(!hasSharedModel(WHISPER))('re-encodes a real ONNX model byte for byte', () => {
    const model = readFileSync(
      join(sharedModelsDir, WHISPER, 'onnx', 'decoder_model_merged_quantized.onnx'),
    );
    expect(Buffer.from(encodeFields(decodeFields(model))).equals(model)).toBe(true);
  });

  it('reads a repeated integer field written packed or one value at a time', () => {
    const packed = { no: 1, wire: 2 as const, raw: Uint8Array.from([0x03, 0x80, 0x01]) }; // 3, 128
    const fields = [packed, varintField(2, 7), varintField(1, -1), varintField(1, 5)];
    expect(repeatedVarints(fields, 1)).toEqual([3, 128, -1, 5]);
    expect(repeatedVarints(fields, 3)).toEqual([]);
    expect(() => repeatedVarints([{ no: 1, wire: 5, raw: new Uint8Array(4) }], 1)).toThrow(
      /not a varint list/,
    );
  });

  it('names the problem in a truncated or malformed message', () => {
    const message = encodeFields([stringField(2, 'abcdef')]);
    expect(() => decodeFields(message.subarray(0, 4))).toThrow(/field 2 runs past the end/);
    expect(() => decodeFields(Uint8Array.from([0x08, 0x80]))).toThrow(
      /truncated or overlong varint/,
    );
    expect(() => decodeFields(Uint8Array.from([0x0b]))).toThrow(/unsupported wire type 3/);
    expect(() => fieldString(varintField(1, 3))).toThrow(/not a string/);
  });
});
