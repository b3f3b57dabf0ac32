/**
 * The WebSocket framing `inloop serve` uses at `/api` to carry the contract to a browser.
 * Connect to `ws://127.0.0.1:<port>/api?token=<launch token>` from the served origin.
 */
import { z } from 'zod';

export const WS_PATH = '/api';
export const TOKEN_PARAM = 'token';

export const ClientMessageSchema = z.object({
  type: z.literal('request'),
  id: z.number().int().nonnegative(),
  channel: z.string().max(100),
  payload: z.unknown().optional(),
});
export type ClientMessage = z.infer<typeof ClientMessageSchema>;

export type ServerMessage =
  | { type: 'response'; id: number; result: unknown }
  | { type: 'event'; event: string; payload: unknown };
