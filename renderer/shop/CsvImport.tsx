// CSV import of stock: pick a file, watch the progress, read the per-row error report.
import { useState } from 'react';
import type { TerminalApiResult } from '../../protocol/terminal-api.ts';
import { useAgentAction, useAgentEvents, useApi } from '../app/agent-hooks.tsx';
import { useT } from '../i18n/i18n.tsx';
import { Notice } from '../ui/Field.tsx';

type Report = TerminalApiResult<'importStockCsv'>;

export function CsvImport() {
  const t = useT();
  const api = useApi();
  const { busy, error, run } = useAgentAction();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [report, setReport] = useState<Report | null>(null);

  useAgentEvents((event) => {
    if (event.type === 'import_progress') setProgress({ done: event.done, total: event.total });
  });

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setReport(null);
    setProgress({ done: 0, total: 0 });
    const result = await run(async () => api.importStockCsv({ csv: await file.text() }));
    if (result) setReport(result);
  };

  return (
    <section className="csv-import">
      <h2>{t.importTitle}</h2>
      <p>{t.importHelp}</p>
      <label className="file-pick">
        <span className="button">{t.chooseCsv}</span>
        <input type="file" accept=".csv,text/csv" disabled={busy} onChange={(e) => void importFile(e.target.files?.[0])} />
      </label>
      {busy && progress && (
        <progress aria-label={t.importProgress} max={progress.total || 1} value={progress.done}>{progress.done}/{progress.total}</progress>
      )}
      {busy && progress && progress.total > 0 && <p>{t.importedOf(progress.done, progress.total)}</p>}
      {error && <Notice kind="error">{error.message}</Notice>}
      {report && (
        <>
          <Notice kind={report.errors.length ? 'warn' : 'ok'}>{t.importSummary(report.rows, report.saved, report.queued, report.errors.length)}</Notice>
          {report.errors.length > 0 && (
            <table className="table" aria-label={t.importErrors}>
              <thead><tr><th>{t.row}</th><th>{t.field}</th><th>{t.problem}</th></tr></thead>
              <tbody>
                {report.errors.map((e, i) => <tr key={i}><td className="num">{e.row}</td><td>{e.field ?? ''}</td><td>{e.message}</td></tr>)}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
