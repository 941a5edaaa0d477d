import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ean13, ean13CheckDigit, isValidEan13 } from './ean13.ts';

test('check digits of published barcodes', () => {
  // 4006381333931 is the usual EAN-13 reference example; 490108508929 → 3 was worked by hand:
  // 4+27+0+3+0+24+5+0+8+27+2+27 = 127, 10 − 7 = 3.
  assert.equal(ean13CheckDigit('490108508929'), 3);
  assert.equal(ean13CheckDigit('400638133393'), 1);
  assert.equal(ean13CheckDigit('978030640615'), 7); // ISBN 978-0-306-40615-7
  assert.equal(ean13('000000000000'), '0000000000000');
});

test('isValidEan13 accepts correct codes and rejects any single-digit change', () => {
  const good = '4901085089293';
  assert.ok(isValidEan13(good));
  for (let i = 0; i < 13; i++) {
    const d = Number(good[i]);
    const bad = good.slice(0, i) + String((d + 1) % 10) + good.slice(i + 1);
    assert.equal(isValidEan13(bad), false, bad);
  }
  assert.equal(isValidEan13('490108508929'), false);
  assert.equal(isValidEan13('49010850892a3'), false);
});

test('ean13CheckDigit refuses input that is not twelve digits', () => {
  assert.throws(() => ean13CheckDigit('12345'), RangeError);
  assert.throws(() => ean13CheckDigit('12345678901x'), RangeError);
});
