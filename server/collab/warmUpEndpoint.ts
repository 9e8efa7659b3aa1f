import WebSocket from 'ws';
import { TOKEN_PREFIX } from '../auth/credentialSecrets.ts';
import { COLLAB_PATH_PREFIX } from './upgrade.ts';

/**
 * Opens one WebSocket to the server's own live-sync endpoint with a token no
 * account holds, and waits for the refusal. V8 compiles a function on its
 * first call, so in a fresh process the first editor to connect would pay
 * for compiling the upgrade, the token lookup and the WebSocket handshake
 * (about 10 ms here); this pays it at boot instead. Read-only: an unknown
 * token is looked up, nothing is written. Never fails: a warm-up that cannot
 * connect just leaves the work to the first real client.
 */
export async function warmUpEndpoint(port: number, host: string, timeoutMs = 2000): Promise<void> {
  const target = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '[::1]' : host.includes(':') ? `[${host}]` : host;
  const url = `ws://${target}:${port}${COLLAB_PATH_PREFIX}warm-up?token=${TOKEN_PREFIX}warm-up`;
  await new Promise<void>((resolve) => {
    const socket = new WebSocket(url);
    const timer = setTimeout(() => {
      socket.terminate();
      resolve();
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    socket.once('close', done);
    socket.once('error', done);
  });
}
