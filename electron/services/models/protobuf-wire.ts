/**
 * The protobuf wire format, lossless: a message is a list of fields, each kept as its raw
 * payload, so a reader can change the few fields it understands and write the rest back byte
 * for byte. Enough for rewriting an ONNX graph at load time (onnx-graph.ts) without a schema
 * compiler or a copy of onnx.proto; groups (wire types 3 and 4, unused by ONNX) are refused.
 */

/** Wire types: 0 varint, 1 fixed 64-bit, 2 length-delimited, 5 fixed 32-bit. */
export type WireType = 0 | 1 | 2 | 5;

export interface WireField {
  readonly no: number;
  readonly wire: WireType;
  /** The payload: a varint's own bytes, a fixed field's 4 or 8 bytes, a length-delimited field's content. */
  readonly raw: Uint8Array;
}

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder('utf-8', { fatal: true });

function readVarintAt(bytes: Uint8Array, start: number): { value: bigint; end: number } {
  let value = 0n;
  let shift = 0n;
  for (let at = start; at < bytes.length && at < start + 10; at++) {
    const byte = bytes[at]!;
    value |= BigInt(byte & 0x7f) << shift;
    if ((byte & 0x80) === 0) return { value, end: at + 1 };
    shift += 7n;
  }
  throw new Error(`protobuf: truncated or overlong varint at byte ${start}`);
}

function varintBytes(value: bigint | number): Uint8Array {
  let rest = BigInt.asUintN(64, BigInt(value));
  const out: number[] = [];
  do {
    const low = Number(rest & 0x7fn);
    rest >>= 7n;
    out.push(rest === 0n ? low : low | 0x80);
  } while (rest !== 0n);
  return Uint8Array.from(out);
}

/** The top-level fields of a message, in order; payloads are views into `bytes`, not copies. */
export function decodeFields(bytes: Uint8Array): WireField[] {
  const fields: WireField[] = [];
  let at = 0;
  while (at < bytes.length) {
    const tag = readVarintAt(bytes, at);
    const no = Number(tag.value >> 3n);
    const wire = Number(tag.value & 7n);
    at = tag.end;
    let end: number;
    let start = at;
    if (wire === 0) end = readVarintAt(bytes, at).end;
    else if (wire === 1) end = at + 8;
    else if (wire === 5) end = at + 4;
    else if (wire === 2) {
      const length = readVarintAt(bytes, at);
      start = length.end;
      end = start + Number(length.value);
    } else throw new Error(`protobuf: unsupported wire type ${wire} for field ${no}`);
    if (no === 0) throw new Error(`protobuf: field number 0 at byte ${at}`);
    if (end > bytes.length)
      throw new Error(`protobuf: field ${no} runs past the end of the message`);
    fields.push({ no, wire: wire as WireType, raw: bytes.subarray(start, end) });
    at = end;
  }
  return fields;
}

export function encodeFields(fields: readonly WireField[]): Uint8Array {
  const parts: Uint8Array[] = [];
  let size = 0;
  for (const field of fields) {
    const head = varintBytes((BigInt(field.no) << 3n) | BigInt(field.wire));
    const length = field.wire === 2 ? varintBytes(field.raw.length) : new Uint8Array(0);
    parts.push(head, length, field.raw);
    size += head.length + length.length + field.raw.length;
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

export const stringField = (no: number, text: string): WireField => ({
  no,
  wire: 2,
  raw: utf8.encode(text),
});

export const messageField = (no: number, fields: readonly WireField[]): WireField => ({
  no,
  wire: 2,
  raw: encodeFields(fields),
});

export const varintField = (no: number, value: number): WireField => ({
  no,
  wire: 0,
  raw: varintBytes(value),
});

export function fieldString(field: WireField): string {
  if (field.wire !== 2) throw new Error(`protobuf: field ${field.no} is not a string`);
  return fromUtf8.decode(field.raw);
}

export function fieldVarint(field: WireField): bigint {
  if (field.wire !== 0) throw new Error(`protobuf: field ${field.no} is not a varint`);
  return readVarintAt(field.raw, 0).value;
}

/**
 * The values of a repeated integer field `no` among `fields`, written packed (one
 * length-delimited field) or not (one varint field each), as signed 64-bit numbers.
 */
export function repeatedVarints(fields: readonly WireField[], no: number): number[] {
  const values: number[] = [];
  for (const field of fields) {
    if (field.no !== no) continue;
    if (field.wire === 0) {
      values.push(Number(BigInt.asIntN(64, fieldVarint(field))));
      continue;
    }
    if (field.wire !== 2) throw new Error(`protobuf: field ${no} is not a varint list`);
    for (let at = 0; at < field.raw.length;) {
      const varint = readVarintAt(field.raw, at);
      values.push(Number(BigInt.asIntN(64, varint.value)));
      at = varint.end;
    }
  }
  return values;
}
