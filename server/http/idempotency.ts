// Idempotent writes: every write from a terminal or companion page carries an Idempotency-Key.
// The first answer to a key is stored in the same transaction as the write and returned again on replay;
// the same key with a different request is refused (409) and changes nothing.
import { createHash } from 'node:crypto';
import { IdempotencyKey } from '../../protocol/common.ts';
import type { Db, Tx } from '../store/db.ts';
import { ApiError, badRequest, conflict } from './api-error.ts';

export interface WriteResult<T> {
  status: number;
  body: T;
  /** Side effects on in-memory state and pushes; run once, after COMMIT, and never on replay. */
  after?: () => void;
}

export function requestFingerprint(method: string, url: string, body: unknown): string {
  return createHash('sha256').update(`${method} ${url}\n${JSON.stringify(body ?? null)}`).digest('hex');
}

export function checkIdempotencyKey(raw: string | string[] | undefined): string {
  if (raw === undefined) throw badRequest('missing Idempotency-Key header: every write needs a unique key so a retry is not applied twice', 'headers.idempotency-key');
  const parsed = IdempotencyKey.safeParse(Array.isArray(raw) ? raw[0] : raw);
  if (!parsed.success) throw badRequest(`headers.idempotency-key: ${parsed.error.issues[0].message}`, 'headers.idempotency-key');
  return parsed.data;
}

interface StoredAnswer { request_hash: string; status: number; response: unknown }

async function storedAnswer(db: Db | Tx, scope: string, key: string): Promise<StoredAnswer | undefined> {
  const [row] = await db.query<StoredAnswer>('SELECT request_hash, status, response FROM idempotency WHERE scope = $1 AND key = $2', [scope, key]);
  return row;
}

function replay<T>(stored: StoredAnswer, fingerprint: string): { status: number; body: T; replayed: true } {
  if (stored.request_hash !== fingerprint) throw conflict('this Idempotency-Key was already used for a different request', 'headers.idempotency-key');
  return { status: stored.status, body: stored.response as T, replayed: true };
}

export async function idempotentWrite<T>(
  db: Db, scope: string, key: string, fingerprint: string, run: (tx: Tx) => Promise<WriteResult<T>>,
): Promise<{ status: number; body: T; replayed: boolean }> {
  let after: (() => void) | undefined;
  try {
    const outcome = await db.transaction(async (tx) => {
      const stored = await storedAnswer(tx, scope, key);
      if (stored) return replay<T>(stored, fingerprint);
      const result = await run(tx);
      await tx.query('INSERT INTO idempotency (scope, key, request_hash, status, response) VALUES ($1, $2, $3, $4, $5)',
        [scope, key, fingerprint, result.status, JSON.stringify(result.body)]);
      after = result.after;
      return { status: result.status, body: result.body, replayed: false };
    });
    if (!outcome.replayed) after?.();
    return outcome;
  } catch (err) {
    // Two requests with one key raced (PostgreSQL): the loser's write rolled back; answer as a replay.
    if ((err as { code?: string }).code === '23505' && !(err instanceof ApiError)) {
      const stored = await storedAnswer(db, scope, key);
      if (stored) return replay<T>(stored, fingerprint);
    }
    throw err;
  }
}
