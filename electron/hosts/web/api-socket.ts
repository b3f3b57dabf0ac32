/**
 * One browser connection to the API: requests run through the same dispatcher the Electron
 * IPC uses; service events are pushed to the socket until it closes. A client that does not
 * read fast enough gets the newest state of each channel rather than every event
 * (`EventOutbox`), and one that stops reading altogether is dropped.
 */
import type { WebSocket } from 'ws';
import { ClientMessageSchema, type ServerMessage } from '../../../shared/ws-protocol';
import { fail } from '../../../shared/result';
import type { Dispatch } from '../../services/core/dispatcher';
import type { EventBus } from '../../services/core/event-bus';
import { EventOutbox } from './event-outbox';

/** Past this many unsent bytes on a socket, its events wait in its outbox (newest wins). */
export const EVENT_HIGH_WATER_BYTES = 512 * 1024;
/** A client this far behind is not reading at all (responses cannot be coalesced): drop it. */
export const MAX_UNSENT_BYTES = 16 * 1024 * 1024;

export function attachApiSocket(socket: WebSocket, dispatch: Dispatch, bus: EventBus): void {
  const outbox = new EventOutbox();
  const send = (message: ServerMessage) => {
    if (socket.readyState !== socket.OPEN) return;
    if (socket.bufferedAmount > MAX_UNSENT_BYTES) {
      socket.terminate();
      return;
    }
    socket.send(JSON.stringify(message), flush);
  };
  // Called again as each write completes, so parked events go out once the client reads.
  function flush() {
    while (
      outbox.size > 0 &&
      socket.readyState === socket.OPEN &&
      socket.bufferedAmount <= EVENT_HIGH_WATER_BYTES
    ) {
      const { event, payload } = outbox.shift()!;
      send({ type: 'event', event, payload });
    }
  }
  const unsubscribe = bus.subscribe((event, payload) => {
    outbox.park(event, payload);
    flush();
  });
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
