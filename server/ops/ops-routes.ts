// Operations endpoints: health, Prometheus metrics, and the OpenAPI document generated from protocol/.
import type { FastifyInstance } from 'fastify';
import type { Core } from '../core.ts';
import { buildOpenApi } from './openapi.ts';
import { routesOf } from '../http/route.ts';

export function opsRoutes(app: FastifyInstance, core: Core): void {
  app.get('/healthz', async () => {
    await core.db.query('SELECT 1');
    return { ok: true, store: core.db.kind, customers: core.customers.size, stockRows: core.matcher.size };
  });
  app.get('/metrics', async (_request, reply) => reply.type('text/plain; version=0.0.4').send(core.metrics.render()));
  let openapi: unknown;
  app.get('/openapi.json', async () => (openapi ??= buildOpenApi(routesOf(app))));
}
