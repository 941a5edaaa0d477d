import { test } from 'node:test';
import assert from 'node:assert/strict';
import { productKeyOf, StockMatcher, type StockRow } from './stock-matcher.ts';

const NOW = Date.UTC(2025, 0, 1);
const HOUR = 3_600_000;
let seq = 0;
function row(p: Partial<StockRow> & Pick<StockRow, 'shopId' | 'code' | 'name'>): StockRow {
  return { id: `s${++seq}`, keywords: [], quantity: 3, price: 1000, validUntil: NOW + HOUR, ...p };
}

const HEADPHONES = { code: '4901234567890', name: 'Aoba Wireless Headphones AB-1234', keywords: ['headphones', 'ヘッドホン'] };
const COFFEE = { code: '4909876543210', name: 'ブルーマウンテン コーヒー豆', keywords: ['coffee', 'コーヒー'] };

test('rows of one product in many shops share one product entry; the last row removes it', () => {
  const m = new StockMatcher();
  const a = row({ shopId: 'shop-a', ...HEADPHONES });
  const b = row({ shopId: 'shop-b', ...HEADPHONES, name: 'aoba wireless headphones AB1234' });
  const c = row({ shopId: 'shop-a', ...COFFEE });
  [a, b, c].forEach((r) => m.upsert(r));
  assert.equal(m.size, 3);
  assert.equal(m.productCount, 2);
  assert.equal(productKeyOf(a), productKeyOf(b));
  m.remove(a.id);
  assert.equal(m.productCount, 2);
  m.remove(b.id);
  assert.equal(m.productCount, 1);
  assert.deepEqual(m.match({ productCode: HEADPHONES.code, keywords: [] }, NOW), []);
  assert.equal(m.get(c.id), c);
  assert.equal(m.get(a.id), undefined);
  m.clear();
  assert.equal(m.size, 0);
  assert.deepEqual(m.match({ productName: COFFEE.name, keywords: [] }, NOW), []);
});

test('want matches by code, name, keyword (other language) and similar name', () => {
  const m = new StockMatcher();
  const h = row({ shopId: 'shop-a', ...HEADPHONES });
  const c = row({ shopId: 'shop-b', ...COFFEE });
  m.upsert(h);
  m.upsert(c);
  const first = (want: Parameters<StockMatcher['match']>[0]) => {
    const [x] = m.match(want, NOW);
    return x && { id: x.stock.id, reason: x.reason };
  };
  assert.deepEqual(first({ productCode: '4901234567890', keywords: [] }), { id: h.id, reason: 'code' });
  assert.deepEqual(first({ productName: 'ＡＯＢＡ Wireless Headphones AB1234', keywords: [] }), { id: h.id, reason: 'name' });
  assert.deepEqual(first({ productName: null, keywords: ['ヘッドホン'] }), { id: h.id, reason: 'keyword' });
  assert.deepEqual(first({ productName: 'こーひー', keywords: [] }), { id: c.id, reason: 'keyword' });
  assert.deepEqual(first({ productName: 'aoba hedphones', keywords: [] }), { id: h.id, reason: 'similar_name' });
  assert.deepEqual(first({ productName: 'ぶるーまうんてん', keywords: [] }), { id: c.id, reason: 'similar_name' });
  assert.deepEqual(m.match({ productName: 'umbrella', keywords: [] }, NOW), []);
});

test('liveness: expired or zero-quantity stock is never offered, and comes back when restocked', () => {
  const m = new StockMatcher();
  const live = row({ shopId: 'shop-a', ...COFFEE });
  const empty = row({ shopId: 'shop-b', ...COFFEE, quantity: 0 });
  const expired = row({ shopId: 'shop-c', ...COFFEE, validUntil: NOW });
  [live, empty, expired].forEach((r) => m.upsert(r));
  const want = { productCode: COFFEE.code, keywords: [] };
  assert.deepEqual(m.match(want, NOW).map((x) => x.stock.shopId), ['shop-a']);
  assert.deepEqual(m.match(want, NOW + 2 * HOUR), []);
  m.upsert({ ...empty, quantity: 5 });
  assert.deepEqual(m.match(want, NOW).map((x) => x.stock.shopId).sort(), ['shop-a', 'shop-b']);
  assert.equal(m.get(empty.id)?.quantity, 5);
  assert.deepEqual(m.searchProducts('コーヒー', NOW + 2 * HOUR, 10), []);
});

test('updating a row to another product moves it; keyword changes are re-indexed', () => {
  const m = new StockMatcher();
  const r = row({ shopId: 'shop-a', ...COFFEE });
  m.upsert(r);
  m.upsert({ ...r, ...HEADPHONES });
  assert.equal(m.productCount, 1);
  assert.deepEqual(m.match({ productCode: COFFEE.code, keywords: [] }, NOW), []);
  assert.equal(m.match({ productCode: HEADPHONES.code, keywords: [] }, NOW).length, 1);
  m.upsert({ ...r, ...HEADPHONES, keywords: ['gift'] });
  assert.equal(m.match({ keywords: ['gift'] }, NOW)[0]?.reason, 'keyword');
  assert.deepEqual(m.match({ keywords: ['ヘッドホン'] }, NOW).filter((x) => x.reason === 'keyword'), []);
});

test('product keywords are the union of the rows; removing one row keeps the others', () => {
  const m = new StockMatcher();
  const a = row({ shopId: 'shop-a', ...COFFEE, keywords: ['coffee'] });
  const b = row({ shopId: 'shop-b', ...COFFEE, keywords: ['beans'] });
  m.upsert(a);
  m.upsert(b);
  assert.equal(m.match({ keywords: ['beans'] }, NOW).length, 2);
  m.remove(b.id);
  assert.deepEqual(m.match({ keywords: ['beans'] }, NOW).filter((x) => x.reason === 'keyword'), []);
  assert.equal(m.match({ keywords: ['coffee'] }, NOW)[0]?.reason, 'keyword');
});

test('results: best product first; limit and productLimit', () => {
  const m = new StockMatcher();
  m.upsert(row({ shopId: 'shop-a', ...HEADPHONES, price: 300 }));
  m.upsert(row({ shopId: 'shop-b', ...HEADPHONES, price: 100 }));
  m.upsert(row({ shopId: 'shop-c', code: '4901234567899', name: 'Aoba Wireless Headphones AB-9999', keywords: [], price: 50 }));
  const all = m.match({ productName: HEADPHONES.name, keywords: [] }, NOW);
  assert.deepEqual(all.map((x) => x.stock.shopId).slice(0, 2).sort(), ['shop-a', 'shop-b']);
  assert.equal(all[2].stock.shopId, 'shop-c');
  assert.ok(all[1].score > all[2].score);
  assert.equal(m.match({ productName: HEADPHONES.name, keywords: [] }, NOW, { limit: 1 }).length, 1);
  assert.equal(m.match({ productName: HEADPHONES.name, keywords: [] }, NOW, { productLimit: 1 }).length, 2);
});

test('searchProducts: live products with shop counts; GTIN spellings merged, shop codes hidden', () => {
  const m = new StockMatcher();
  m.upsert(row({ shopId: 'shop-a', ...COFFEE }));
  m.upsert(row({ shopId: 'shop-b', ...COFFEE, name: 'Blue Mountain Coffee Beans' }));
  m.upsert(row({ shopId: 'shop-c', ...COFFEE, quantity: 0 }));
  m.upsert(row({ shopId: 'shop-c', code: 'OWN-1', name: 'ブルーマウンテン コーヒー ドリップ', keywords: ['coffee'] }));
  const hits = m.searchProducts('coffee', NOW, 10);
  const gtin = hits.find((h) => h.code === COFFEE.code);
  assert.equal(gtin?.shops, 2);
  assert.equal(hits.filter((h) => h.code === COFFEE.code).length, 1);
  const own = hits.find((h) => h.name.includes('ドリップ'));
  assert.equal(own?.code, null);
  assert.equal(m.searchProducts(COFFEE.code, NOW, 10)[0]?.code, COFFEE.code);
  assert.equal(m.searchProducts('coffee', NOW, 1).length, 1);
});
