// /openapi.json, generated from the zod schemas every route declares (server/http/route.ts).
import { z } from 'zod';
import { API_PREFIX, ErrorBody, IDEMPOTENCY_HEADER } from '../../protocol/common.ts';
import type { RouteSpec } from '../http/route.ts';

const toSchema = (schema: z.ZodType, io: 'input' | 'output') => z.toJSONSchema(schema, { io, unrepresentable: 'any' });

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const json = toSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({ name, in: where, required: where === 'path' || (json.required ?? []).includes(name), schema: s }));
}

export function buildOpenApi(routeCatalog: readonly RouteSpec<z.ZodType, z.ZodType, z.ZodType>[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  const errorResponse = { description: 'error', content: { 'application/json': { schema: toSchema(ErrorBody, 'output') } } };
  for (const r of routeCatalog) {
    const path = API_PREFIX + r.path.replace(/:(\w+)/g, '{$1}');
    const isWrite = r.method !== 'GET';
    const op: Record<string, unknown> = {
      summary: r.summary,
      security: r.auth === 'public' || r.auth === 'companion' ? [] : [{ deviceToken: [] }],
      'x-roles': r.auth,
      parameters: [
        ...parameters(r.params, 'path'),
        ...parameters(r.query, 'query'),
        ...(isWrite ? [{ name: IDEMPOTENCY_HEADER, in: 'header', required: true, schema: { type: 'string', minLength: 8, maxLength: 128 } }] : []),
      ],
      responses: {
        '2XX': { description: 'ok', ...(r.response ? { content: { 'application/json': { schema: toSchema(r.response, 'output') } } } : {}) },
        '400': errorResponse, '401': errorResponse, '403': errorResponse, '404': errorResponse, '409': errorResponse, '413': errorResponse,
      },
    };
    if (r.body) op.requestBody = { required: true, content: { 'application/json': { schema: toSchema(r.body, 'input') } } };
    (paths[path] ??= {})[r.method.toLowerCase()] = op;
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Beckon information server', version: '1' },
    components: { securitySchemes: { deviceToken: { type: 'http', scheme: 'bearer' } } },
    paths,
  };
}
