// Child process of the HTTP crash test: runs the real server (startServer) in THIS process on a free
// port, then hammers it over real HTTP with concurrent idempotent writes and prints one line per 2xx:
//   ACK stock:<code>                 POST /api/v1/stock answered 201 (quantity STOCK_QUANTITY)
//   ACK sale:<saleId>:<code>         POST /api/v1/sales answered 201 (one unit of <code> sold)
// It never stops by itself: the parent SIGKILLs it mid-load.
//   env WRITER_DATA_DIR=<PGlite folder> | WRITER_DB_URL=<postgres://…>
//       WRITER_PREFIX=<code prefix, unique per round>  WRITER_CONCURRENCY=<in-flight requests, default 8>

import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { API_PREFIX, IDEMPOTENCY_HEADER } from '../../protocol/common.ts';
import { startServer } from '../../server/server.ts';
import { scenarioMall } from './scenario-mall.ts';

export const STOCK_QUANTITY = 1000;
export const WRITER_SHOP = 'east';

async function call(base: string, token: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${base}${API_PREFIX}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(method === 'GET' ? {} : { [IDEMPOTENCY_HEADER]: `w-${randomUUID()}` }),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

async function main(): Promise<void> {
  const { WRITER_DATA_DIR: dataDir, WRITER_DB_URL: url } = process.env;
  const prefix = process.env.WRITER_PREFIX ?? 'r';
  const concurrency = Number(process.env.WRITER_CONCURRENCY ?? 8);
  const server = await startServer({ ...(url ? { url } : { dataDir }), port: 0, host: '127.0.0.1', sweeper: false });
  const base = server.url;
  const { token: adminToken } = await server.core.terminals.create(server.core.db, { role: 'console', shopId: null, nodeId: null, label: `writer admin ${prefix}` });
  if ((await call(base, adminToken, 'GET', '/mall')).status === 404) {
    const put = await call(base, adminToken, 'PUT', '/mall', scenarioMall());
    if (put.status !== 200) throw new Error(`mall refused: ${JSON.stringify(put.body)}`);
  }
  const code = await call(base, adminToken, 'POST', '/admin/enrollment-codes', { role: 'shop', shopId: WRITER_SHOP, nodeId: 'n-east', label: `writer shop ${prefix}` });
  if (code.status !== 201) throw new Error(`enrollment code refused: ${JSON.stringify(code.body)}`);
  const enrolled = await fetch(`${base}${API_PREFIX}/enroll`, {
    method: 'POST', headers: { 'content-type': 'application/json', [IDEMPOTENCY_HEADER]: `w-${randomUUID()}` }, body: JSON.stringify({ code: code.body.code }),
  });
  if (enrolled.status !== 201) throw new Error(`enroll refused: ${await enrolled.text()}`);
  const shopToken = ((await enrolled.json()) as { token: string }).token;
  process.stdout.write(`READY ${base}\n`);

  const acked: string[] = [];
  let next = 0;
  const worker = async (w: number): Promise<never> => {
    for (let i = 0; ; i++) {
      // Every fourth request (once there is stock) sells one unit of an acknowledged item.
      if (i % 4 === 3 && acked.length > 0) {
        const item = acked[(next * 7919 + w) % acked.length];
        const res = await call(base, shopToken, 'POST', '/sales', { items: [{ code: item, quantity: 1 }] });
        if (res.status !== 201) throw new Error(`sale refused: ${res.status} ${JSON.stringify(res.body)}`);
        process.stdout.write(`ACK sale:${res.body.saleId}:${item}\n`);
        continue;
      }
      const itemCode = `${prefix}-${next++}`;
      const res = await call(base, shopToken, 'POST', '/stock', {
        code: itemCode, name: `Crash probe ${itemCode}`, keywords: ['crash'], quantity: STOCK_QUANTITY, price: 100 + next, validUntil: '2035-01-01T00:00:00Z',
      });
      if (res.status !== 201) throw new Error(`stock refused: ${res.status} ${JSON.stringify(res.body)}`);
      acked.push(itemCode);
      process.stdout.write(`ACK stock:${itemCode}\n`); // stdout to a pipe is synchronous on Linux
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err) => {
    process.stderr.write(`server-writer: ${err?.stack ?? err}\n`);
    process.exit(1);
  });
}
