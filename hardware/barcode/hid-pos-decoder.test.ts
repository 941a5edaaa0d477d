import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HidPosDecoder, buildScannedDataReport, parseScannedDataReport, scannedDataReports } from './hid-pos-decoder.ts';

// A Honeywell-style scanned-data report for EAN-13 "4901234567894", written out byte by byte.
const EAN13_REPORT = [
  0x02, 13, 0x5d, 0x45, 0x30, // report ID 2, 13 data bytes, AIM "]E0"
  0x34, 0x39, 0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x34, // "4901234567894"
  ...new Array(43).fill(0), // rest of the 56-byte data field
  0x64, 0x00, 0x00, // vendor code id "d" (EAN-13), reserved, not continued
];

test('a recorded scanned-data report parses into AIM id and data', () => {
  assert.equal(EAN13_REPORT.length, 64);
  assert.deepEqual(parseScannedDataReport(EAN13_REPORT), { aim: ']E0', data: '4901234567894', continued: false });
  assert.deepEqual(buildScannedDataReport('4901234567894', ']E0').slice(0, 61), EAN13_REPORT.slice(0, 61));
});

test('other report IDs and short reports are not scans', () => {
  assert.equal(parseScannedDataReport([0x04, 1, 2, 3]), null);
  assert.equal(parseScannedDataReport([0x02, 1]), null);
  assert.equal(new HidPosDecoder().push([0x01, 0, 0, 0, 0, 0, 0, 0]), null);
});

test('a long 2D code spans continued reports and is reassembled', () => {
  const url = 'https://mall.example/p/' + 'x'.repeat(100);
  const reports = scannedDataReports(url, ']Q1');
  assert.equal(reports.length, 3);
  assert.deepEqual(reports.map((r) => r[63]), [1, 1, 0]);
  const decoder = new HidPosDecoder();
  const results = reports.map((r) => decoder.push(r));
  assert.deepEqual(results, [null, null, { text: url, aim: ']Q1' }]);
});

test('a length byte larger than the report is clamped', () => {
  const report = [0x02, 200, 0x5d, 0x41, 0x30, 0x41, 0x42];
  assert.deepEqual(parseScannedDataReport(report), { aim: ']A0', data: 'AB', continued: false });
});
