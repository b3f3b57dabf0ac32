/** The API socket refuses callers without the launch token (401) or from another origin (403). */
import { WebSocket } from 'ws';
import { expect, test } from './fixtures/serve';

/** The HTTP status of a WebSocket upgrade: 101 when it opens, else the refusal's status. */
function upgradeStatus(url: string, origin: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { origin });
    socket.once('open', () => {
      socket.close();
      resolve(101);
    });
    socket.once('unexpected-response', (request, response) => {
      resolve(response.statusCode ?? 0);
      request.destroy();
    });
    socket.once('error', reject);
  });
}

test('the API opens for our own page with the token', async ({ server }) => {
  expect(await upgradeStatus(server.apiUrl(), server.origin)).toBe(101);
});

test('a socket without the token, or with a wrong one, is refused with 401', async ({ server }) => {
  expect(await upgradeStatus(server.apiUrl(null), server.origin)).toBe(401);
  expect(await upgradeStatus(server.apiUrl('not-the-token'), server.origin)).toBe(401);
});

test('a socket from a foreign origin is refused with 403, token or not', async ({ server }) => {
  expect(await upgradeStatus(server.apiUrl(), 'https://evil.example')).toBe(403);
  expect(await upgradeStatus(server.apiUrl(), 'http://127.0.0.1:1')).toBe(403);
});
