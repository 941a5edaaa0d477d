// importStockCsv: parse and check every row, then save the valid ones one by one (each with its own
// idempotency key, in file order) and report progress. Once the server stops answering, the rest of
// the rows go to the outbox in one durable write; rows the server refuses are reported with their row.
import type { z } from 'zod';
import type { CsvImportResult } from '../../protocol/terminal-api.ts';
import { AgentError } from './agent-errors.ts';
import type { AgentContext } from './terminal-agent.ts';
import { parseStockCsv, type CsvRowError } from './stock-csv.ts';

type ImportResult = z.output<typeof CsvImportResult>;

export async function importStockCsv(ctx: AgentContext, csv: string): Promise<ImportResult> {
  let parsed: ReturnType<typeof parseStockCsv>;
  try {
    parsed = parseStockCsv(csv);
  } catch (err) {
    throw new AgentError('bad_request', (err as Error).message, 'csv');
  }
  const errors: CsvRowError[] = [...parsed.errors];
  const total = parsed.valid.length;
  const step = Math.max(1, Math.floor(total / 100));
  let saved = 0;
  let queued = 0;
  const progress = (done: number) => ctx.emit({ type: 'import_progress', done, total });
  const entries = parsed.valid.map(({ row, input }) => ({ row, entry: ctx.entry('saveStock', 'POST', '/stock', input, `stock ${input.code} "${input.name}" (CSV row ${row})`) }));
  for (let i = 0; i < entries.length; i++) {
    const { row, entry } = entries[i];
    try {
      const result = await ctx.outbox.submit(entry);
      if (!result.queued) saved++;
      else {
        // the server is gone: queue the rest at once (one durable write), in file order
        const rest = entries.slice(i + 1).map((e) => e.entry);
        await ctx.outbox.enqueue(rest);
        queued += 1 + rest.length;
        break;
      }
    } catch (err) {
      const e = err instanceof AgentError ? err : new AgentError('internal', (err as Error).message);
      errors.push({ row, ...(e.field ? { field: e.field.replace(/^body\./, '') } : {}), message: e.message });
    }
    if ((i + 1) % step === 0) progress(i + 1);
  }
  progress(total);
  errors.sort((a, b) => a.row - b.row);
  return { rows: parsed.total, saved, queued, errors };
}
