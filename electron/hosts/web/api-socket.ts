/**
 * One browser connection to the API: requests run through the same dispatcher the Electron
 * IPC uses; every service event is pushed to the socket until it closes.
 */
import type { WebSocket } from 'ws';
import { ClientMessageSchema, type ServerMessage } from '../../../shared/ws-protocol';
import { fail } from '../../../shared/result';
import type { Dispatch } from '../../services/core/dispatcher';
import type { EventBus } from '../../services/core/event-bus';

export function attachApiSocket(socket: WebSocket, dispatch: Dispatch, bus: EventBus): void {
  const send = (message: ServerMessage) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };
  const unsubscribe = bus.subscribe((event, payload) => send({ type: 'event', event, payload }));
  socket.on('close', unsubscribe);
  // A protocol error (bad frame, invalid UTF-8, an oversized message, close code 999): `ws`
  // has already closed this socket with the matching code; the others carry on.
  socket.on('error', () => undefined);
  socket.on('message', (data, isBinary) => {
    if (isBinary) {
      socket.close(1003, 'binary frames are not part of the API');
      return;
    }
    handle(data.toString()).catch(() => socket.terminate());
  });

  async function handle(text: string): Promise<void> {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      socket.close(1007, 'messages must be JSON');
      return;
    }
    const message = ClientMessageSchema.safeParse(raw);
    if (!message.success) {
      const id = (raw as { id?: unknown })?.id;
      if (typeof id === 'number') {
        send({ type: 'response', id, result: fail('invalid_request', 'malformed API message') });
      } else {
        socket.close(1008, 'malformed API message');
      }
      return;
    }
    const { id, channel, payload } = message.data;
    send({ type: 'response', id, result: await dispatch(channel, payload) });
  }
}
