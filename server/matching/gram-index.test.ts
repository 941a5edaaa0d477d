import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { GramIndex } from './gram-index.ts';

type Visit = [slot: number, all: number, name: number];
function collect(index: GramIndex, query: string[], direct: number[], canReach: (m: number, n?: number) => boolean): Visit[] {
  const visits: Visit[] = [];
  index.search(query, direct, canReach, (slot, all, name) => visits.push([slot, all, name]));
  return visits.sort((a, b) => a[0] - b[0]);
}

test('exact shared counts, in all grams and in the name; each slot once', () => {
  const index = new GramIndex();
  index.set(0, ['a', 'b', 'c'], ['d']);
  index.set(1, ['c', 'd'], []);
  index.set(2, ['x'], ['a']);
  assert.deepEqual(collect(index, ['a', 'c', 'd', 'zz'], [2], () => true), [[0, 3, 2], [1, 2, 2], [2, 1, 0]]);
  assert.equal(index.nameGramCount(0), 3);
});

test('when nothing can reach the bar only the direct slots are visited', () => {
  const index = new GramIndex();
  index.set(0, ['a'], []);
  index.set(1, ['a'], []);
  assert.deepEqual(collect(index, ['a'], [1], () => false), [[1, 1, 1]]);
  assert.deepEqual(collect(index, ['q'], [], () => true), []);
});

test('delete and re-set a slot', () => {
  const index = new GramIndex();
  index.set(0, ['a', 'b'], []);
  index.set(1, ['b'], []);
  index.delete(0);
  assert.deepEqual(collect(index, ['a', 'b'], [], () => true), [[1, 1, 1]]);
  index.set(0, ['c'], ['b']);
  assert.deepEqual(collect(index, ['a', 'b', 'c'], [], () => true), [[0, 2, 1], [1, 1, 1]]);
  index.delete(7); // unknown: no-op
});

test('property: with a permissive bar, visits equal a brute-force count; search state is reset between calls', () => {
  const gram = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
  const slotGrams = fc.record({ name: fc.uniqueArray(gram, { maxLength: 4 }), extra: fc.uniqueArray(gram, { maxLength: 3 }) }, { noNullPrototype: true });
  fc.assert(fc.property(fc.array(slotGrams, { maxLength: 8 }), fc.uniqueArray(gram, { maxLength: 5 }), (slots, query) => {
    const index = new GramIndex();
    slots.forEach((s, slot) => index.set(slot, s.name, s.extra.filter((g) => !s.name.includes(g))));
    const expected: Visit[] = [];
    slots.forEach((s, slot) => {
      const all = new Set([...s.name, ...s.extra]);
      const shared = query.filter((g) => all.has(g)).length;
      if (shared > 0) expected.push([slot, shared, query.filter((g) => s.name.includes(g)).length]);
    });
    for (let round = 0; round < 2; round++) assert.deepEqual(collect(index, query, [], () => true), expected);
  }));
});
