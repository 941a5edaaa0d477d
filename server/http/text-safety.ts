// Text the store cannot hold: PostgreSQL refuses NUL characters in text and jsonb, and lone UTF-16
// surrogates in jsonb. Such input is refused up front with a 400 naming the field, instead of failing
// deep inside a transaction.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function badText(s: string): string | null {
  if (s.includes('\u0000')) return 'contains a NUL character';
  if (LONE_SURROGATE.test(s)) return 'contains an unpaired UTF-16 surrogate';
  return null;
}

/** The first string (key or value) in `value` the store cannot hold, as `{ field, problem }`; null when all is well. */
export function findUnstorableText(value: unknown, path: string, depth = 0): { field: string; problem: string } | null {
  if (typeof value === 'string') {
    const problem = badText(value);
    return problem ? { field: path, problem } : null;
  }
  if (depth > 64 || value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorableText(value[i], `${path}.${i}`, depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [key, v] of Object.entries(value)) {
    const keyProblem = badText(key);
    if (keyProblem) return { field: `${path}.${[...key].map((ch) => (badText(ch) ? '?' : ch)).join('')}`, problem: `key ${keyProblem}` };
    const found = findUnstorableText(v, `${path}.${key}`, depth + 1);
    if (found) return found;
  }
  return null;
}
