import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gramsOfNormalized, isGtinLike, normalizeCode, normalizeText, tokens, trigrams } from './normalize.ts';

test('width: full-width Latin and digits and half-width katakana fold to one form', () => {
  assert.equal(normalizeText('ＳＯＮＹ　ＷＨ１０００'), normalizeText('sony wh1000'));
  assert.equal(normalizeText('ｺｰﾋｰ'), normalizeText('コーヒー'));
  assert.equal(normalizeText('ｶﾞﾑ'), 'ガム');
});

test('case, diacritics and punctuation', () => {
  assert.equal(normalizeText('  Café   CRÈME!! '), 'cafe creme');
  assert.equal(normalizeText('Headphones, wireless (black)'), 'headphones wireless black');
});

test('hiragana and katakana meet', () => {
  assert.equal(normalizeText('こーひー'), normalizeText('コーヒー'));
  assert.equal(normalizeText('りんご'), normalizeText('リンゴ'));
  assert.notEqual(normalizeText('りんご'), normalizeText('みかん'));
});

test('small kana fold to large, so old spellings meet', () => {
  assert.equal(normalizeText('キャンディ'), normalizeText('キヤンデイ'));
});

test('long-vowel mark: dashes after kana, repeats, and the trailing mark of long words', () => {
  assert.equal(normalizeText('コ-ヒ-'), normalizeText('コーヒー'));
  assert.equal(normalizeText('コーーヒー'), normalizeText('コーヒー'));
  assert.equal(normalizeText('コンピューター'), normalizeText('コンピュータ'));
  assert.equal(normalizeText('コーヒ'), normalizeText('コーヒー'));
  // two-letter words keep it: キー (key) is not キ
  assert.equal(normalizeText('キー'), 'キー');
  // a mark inside the word is kept: コーヒー is not コヒ
  assert.notEqual(normalizeText('コーヒー'), normalizeText('コヒ'));
});

test('joiners inside Latin words are dropped; Japanese and Latin runs become separate tokens', () => {
  assert.equal(normalizeText('WH-1000XM5'), 'wh1000xm5');
  assert.equal(normalizeText('T-shirt'), normalizeText('tshirt'));
  assert.deepEqual(tokens('Tシャツ'), ['t', 'シヤツ']);
  assert.deepEqual(tokens('ソニーWH-1000XM5ヘッドホン'), ['ソニー', 'wh1000xm5', 'ヘツドホン']);
  assert.deepEqual(tokens('ワイヤレス・ヘッドホン'), ['ワイヤレス', 'ヘツドホン']);
  assert.deepEqual(tokens(' ,. '), []);
});

test('trigrams: padded Latin trigrams, Japanese bigrams, distinct', () => {
  assert.deepEqual(trigrams('cat'), [' ca', 'cat', 'at ']);
  assert.deepEqual(trigrams('t'), [' t ']);
  assert.deepEqual(trigrams('お茶'), [' オ', 'オ茶', '茶 ']);
  assert.deepEqual(trigrams('aaaa').filter((g) => g === 'aaa').length, 1);
  assert.deepEqual(trigrams(''), []);
  assert.deepEqual(gramsOfNormalized('ab ab'), [' ab', 'ab ']);
});

test('a typo shares most grams with the right word and few with another', () => {
  const shared = (a: string, b: string) => trigrams(a).filter((g) => trigrams(b).includes(g)).length;
  assert.ok(shared('hedphones', 'headphones') >= 6);
  assert.ok(shared('hedphones', 'keyboard') <= 1);
});

test('codes: case, width, spaces and hyphens; GTIN-like detection', () => {
  assert.equal(normalizeCode('４９０１-２３４５ ６７８９０'), '4901234567890');
  assert.equal(normalizeCode('ab-12'), 'AB12');
  assert.ok(isGtinLike('4901234567890'));
  assert.ok(isGtinLike('49012345'));
  assert.ok(isGtinLike('012345678905'));
  assert.ok(!isGtinLike('SKU-123'));
  assert.ok(!isGtinLike('1234567'));
});

test('ヴ-syllables fold to the バ row', () => {
  assert.equal(normalizeText('ヴィンテージ'), normalizeText('ビンテージ'));
  assert.equal(normalizeText('ヴァイオリン'), normalizeText('バイオリン'));
  assert.equal(normalizeText('ゔぇーる'), normalizeText('ベール'));
});
