import 'global-jsdom/register';
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { ApiProvider } from '../app/agent-hooks.tsx';
import { LocaleProvider } from '../i18n/i18n.tsx';
import { fakeTerminalApi } from '../test-support/fake-terminal-api.ts';
import { CsvImport } from './CsvImport.tsx';

afterEach(cleanup);

test('a CSV file is imported with a progress bar and a per-row error report', async () => {
  let finish: (() => void) | null = null;
  const fake = fakeTerminalApi({
    importStockCsv: () => new Promise((resolve) => {
      finish = () => resolve({ rows: 3, saved: 2, queued: 0, errors: [{ row: 3, field: 'price', message: 'price must be a number' }] });
    }),
  });
  render(<LocaleProvider initial="en"><ApiProvider api={fake.api}><CsvImport /></ApiProvider></LocaleProvider>);
  const csv = 'code,name,quantity,price,keywords,validUntil\n4901234567894,Tripod,2,100,,2030-01-01\n';
  const input = document.querySelector('input[type=file]') as HTMLInputElement;
  fireEvent.change(input, { target: { files: [new File([csv], 'stock.csv', { type: 'text/csv' })] } });
  await screen.findByRole('progressbar', { name: 'Import progress' });
  act(() => fake.emit({ type: 'import_progress', done: 2, total: 3 }));
  assert.equal(screen.getByRole('progressbar').getAttribute('value'), '2');
  assert.ok(screen.getByText('2 of 3 rows'));
  await act(async () => finish!());
  assert.ok(await screen.findByText('3 rows: 2 saved, 0 queued, 1 error'));
  const report = screen.getByRole('table', { name: 'Rows with errors' });
  assert.deepEqual([...report.querySelectorAll('tbody td')].map((td) => td.textContent), ['3', 'price', 'price must be a number']);
  assert.deepEqual(fake.callsOf('importStockCsv'), [{ csv }]);
});
