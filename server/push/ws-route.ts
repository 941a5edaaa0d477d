// The push WebSocket: the client says hello (terminal token or companion link token, optional resume
// point), then receives its channel's events. A malformed frame closes that socket only.
import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { ClientMessage, WS_PATH, type ServerMessage } from '../../protocol/push.ts';
import type { Core } from '../core.ts';
import { hashSecret } from '../auth/secrets.ts';
import { customerChannel, terminalChannel } from './push-hub.ts';

export const WS_MAX_FRAME_BYTES = 16_384;
const HELLO_TIMEOUT_MS = 10_000;

function refuse(socket: WebSocket, code: string, message: string, closeCode: number): void {
  try {
    socket.send(JSON.stringify({ type: 'error', code, message } satisfies ServerMessage));
  } finally {
    socket.close(closeCode, code);
  }
}

function parseFrame(data: unknown): ClientMessage | string {
  let json: unknown;
  try {
    json = JSON.parse(String(data));
  } catch {
    return 'frame is not JSON';
  }
  const parsed = ClientMessage.safeParse(json);
  if (!parsed.success) return `${parsed.error.issues[0].path.join('.') || 'message'}: ${parsed.error.issues[0].message}`;
  return parsed.data;
}

function channelFor(core: Core, hello: Extract<ClientMessage, { type: 'hello' }>): string | null {
  if (hello.auth.kind === 'companion') {
    const c = core.customers.byCompanion(hashSecret(hello.auth.token));
    return c ? customerChannel(c.id) : null;
  }
  try {
    return terminalChannel(core.terminals.authenticate(hello.auth.token).id);
  } catch {
    return null;
  }
}

export function wsRoute(app: FastifyInstance, core: Core): void {
  app.route({
    method: 'GET',
    url: WS_PATH,
    // A plain HTTP GET (no upgrade) is told what this endpoint is.
    handler: (_request, reply) => reply.status(426).header('upgrade', 'websocket').send({ error: { code: 'bad_request', message: 'this is the push WebSocket: connect with a WebSocket upgrade' } }),
    wsHandler: (socket) => {
    let unsubscribe: (() => void) | null = null;
    const helloTimer = setTimeout(() => refuse(socket, 'no_hello', 'say hello first', 4000), HELLO_TIMEOUT_MS);
    socket.on('message', (data, isBinary) => {
      const msg = isBinary ? 'binary frames are not accepted' : parseFrame(data);
      if (typeof msg === 'string') return refuse(socket, 'bad_message', msg, 4400);
      if (msg.type === 'ping') return socket.send(JSON.stringify({ type: 'pong' } satisfies ServerMessage));
      if (unsubscribe) return refuse(socket, 'bad_message', 'hello was already said on this socket', 4400);
      clearTimeout(helloTimer);
      const channel = channelFor(core, msg);
      if (!channel) return refuse(socket, 'unauthorized', 'unknown or revoked token', 4401);
      unsubscribe = core.push.subscribe(channel, { send: (t) => socket.send(t), close: (c, r) => socket.close(c, r) }, msg.resume);
    });
    socket.on('close', () => {
      clearTimeout(helloTimer);
      unsubscribe?.();
    });
    socket.on('error', () => socket.terminate());
    },
  });
}
