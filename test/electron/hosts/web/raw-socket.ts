/**
 * A hand-rolled WebSocket client for the crash probes: the `ws` client refuses to send what a
 * hostile local process would (unmasked frames, bad opcodes, RSV bits, close code 999,
 * invalid UTF-8), so these tests speak the wire format (RFC 6455) themselves.
 */
import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

export interface FrameOptions {
  fin?: boolean;
  rsv?: number;
  opcode: number;
  mask?: boolean;
  payload?: Buffer;
}

/** One frame as bytes; masked (as a client must) unless `mask: false`. */
export function frame({
  fin = true,
  rsv = 0,
  opcode,
  mask = true,
  payload = Buffer.alloc(0),
}: FrameOptions): Buffer {
  const head = [(fin ? 0x80 : 0) | ((rsv & 7) << 4) | (opcode & 0x0f)];
  const maskBit = mask ? 0x80 : 0;
  let length: Buffer;
  if (payload.length < 126) length = Buffer.from([maskBit | payload.length]);
  else if (payload.length < 65536) {
    length = Buffer.alloc(3);
    length[0] = maskBit | 126;
    length.writeUInt16BE(payload.length, 1);
  } else {
    length = Buffer.alloc(9);
    length[0] = maskBit | 127;
    length.writeBigUInt64BE(BigInt(payload.length), 1);
  }
  if (!mask) return Buffer.concat([Buffer.from(head), length, payload]);
  const key = randomBytes(4);
  const body = Buffer.from(payload);
  for (let i = 0; i < body.length; i++) body[i]! ^= key[i % 4]!;
  return Buffer.concat([Buffer.from(head), length, key, body]);
}

export const textFrame = (text: string | Buffer) =>
  frame({ opcode: 1, payload: Buffer.isBuffer(text) ? text : Buffer.from(text) });

export function closeFrame(code: number): Buffer {
  const payload = Buffer.alloc(2);
  payload.writeUInt16BE(code);
  return frame({ opcode: 8, payload });
}

export interface RawSocket {
  readonly socket: Socket;
  /** Resolves when the server closes or resets the connection. */
  readonly ended: Promise<void>;
}

/** Opens a TCP connection and sends an upgrade request for `path` (no wait for the reply). */
export function rawUpgrade(
  port: number,
  path: string,
  origin = `http://127.0.0.1:${port}`,
): RawSocket {
  const socket = connect(port, '127.0.0.1');
  socket.on('error', () => {});
  const ended = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.write(
    [
      `GET ${path} HTTP/1.1`,
      `Host: 127.0.0.1:${port}`,
      `Origin: ${origin}`,
      'Upgrade: websocket',
      'Connection: Upgrade',
      `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
      'Sec-WebSocket-Version: 13',
      '',
      '',
    ].join('\r\n'),
  );
  return { socket, ended };
}

/** An upgraded connection: resolves once the server answered 101. */
export async function rawWebSocket(port: number, token: string): Promise<RawSocket> {
  const raw = rawUpgrade(port, `/api?token=${token}`);
  await new Promise<void>((resolve, reject) => {
    let seen = '';
    const onData = (chunk: Buffer) => {
      seen += chunk.toString('latin1');
      if (!seen.includes('\r\n\r\n')) return;
      raw.socket.off('data', onData);
      if (seen.startsWith('HTTP/1.1 101')) resolve();
      else reject(new Error(seen.split('\r\n')[0]));
    };
    raw.socket.on('data', onData);
    raw.ended.then(() => reject(new Error('closed before the upgrade')));
  });
  return raw;
}
