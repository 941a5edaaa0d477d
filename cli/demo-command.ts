// `beckon demo`: the whole system on one machine. The server on the embedded store (a fresh .data/demo
// unless --data is given), the demo mall with its terminals and stock, N simulated customers walking,
// buying and leaving (sim/driver) on a virtual clock the server shares (--speed), and three terminals in
// web mode (console, a shop counter, the west kiosk) driven by the real terminal agent. Prints where to
// look; stops after --minutes (simulated) or on Ctrl-C; --report writes the run's JSON report.
import { rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { intOption, parseArgs, UsageError } from './args.ts';
import { startServer } from '../server/server.ts';
import { companionHtmlPath } from '../server/ops/companion-page.ts';
import { runMallDriver, VirtualClock } from '../sim/driver/mall-driver.ts';
import type { EnrolledTerminal } from '../sim/driver/mall-setup.ts';
import { ApiClient } from '../sim/driver/api-client.ts';
import { createTerminalAgent } from '../main/agent/terminal-agent.ts';
import { startWebTerminal, type WebTerminal } from '../main/web/web-terminal.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const STATIC_DIR = join(ROOT, 'dist/renderer');

function positiveNumber(value: string | true | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (typeof value !== 'string' || !Number.isFinite(n) || n <= 0) throw new UsageError(`--${name} must be a positive number`);
  return n;
}

/** One terminal of the demo in web mode: the real agent, enrolled with a fresh code, Bluetooth off. */
async function webTerminal(admin: ApiClient, serverUrl: string, dataDir: string, spec: { role: 'console' | 'shop' | 'kiosk'; label: string; shopId?: string; nodeId?: string }) {
  const agent = await createTerminalAgent({ dataDir });
  try {
    const { code } = await admin.post<{ code: string }>('/admin/enrollment-codes', spec);
    await agent.call('enroll', { serverUrl, code });
    await agent.call('setHardwareConfig', { ...agent.hardwareConfig(), ble: 'off', scanner: 'keyboard_wedge' });
    const web = await startWebTerminal({ agent, port: 0, staticDir: STATIC_DIR });
    return { web, close: async () => { await web.close(); await agent.close(); } };
  } catch (err) {
    await agent.close();
    throw err;
  }
}

export const demoCommand = {
  summary: 'run the demo mall: server, simulated customers and terminals, web-mode screens',
  usage: 'beckon demo [--customers N] [--minutes M] [--speed X] [--port P] [--data DIR] [--report FILE] [--seed S]',
  async run(argv: string[]): Promise<number> {
    const { options, positional } = parseArgs(argv, { customers: 'value', minutes: 'value', speed: 'value', port: 'value', data: 'value', report: 'value', seed: 'value' });
    if (positional.length) throw new UsageError(`unexpected argument "${positional[0]}"`);
    const customers = intOption(options.customers, 'customers', 300, 0, 100_000);
    const minutes = options.minutes === undefined ? null : positiveNumber(options.minutes, 'minutes', 60);
    const speed = positiveNumber(options.speed, 'speed', 1);
    const dataDir = resolve(typeof options.data === 'string' ? options.data : '.data/demo');
    if (options.data === undefined) await rm(dataDir, { recursive: true, force: true });

    const clock = new VirtualClock(Date.now());
    const server = await startServer({
      dataDir: join(dataDir, 'server'), port: intOption(options.port, 'port', 8080, 0, 65535), host: '127.0.0.1', clock,
      webRoot: STATIC_DIR,
    });
    const closers: (() => Promise<void>)[] = [];
    let terminalsStarted: Promise<void> = Promise.resolve();
    const abort = new AbortController();
    const onSignal = () => { console.log('\nstopping…'); abort.abort(); };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      const { token } = await server.core.terminals.create(server.core.db, { role: 'console', shopId: null, nodeId: null, label: 'demo driver' });
      const admin = new ApiClient(server.url, token);
      console.log(`Beckon demo: server ${server.url} (API ${server.url}/api/v1, data ${dataDir})`);
      if (!existsSync(companionHtmlPath(STATIC_DIR))) console.log('note: the screens are not built yet — run `npx vite build` for the companion page and the terminal screens');
      let companionShown = false;
      const report = await runMallDriver({
        baseUrl: server.url, adminToken: token, clock, customers, speed, signal: abort.signal,
        terminals: 'agent', terminalDataDir: join(dataDir, 'sim-terminals'),
        seed: intOption(options.seed, 'seed', 1),
        durationMs: minutes === null ? Number.POSITIVE_INFINITY : minutes * 60_000,
        arrivalWindowMs: (minutes === null ? 30 : minutes * 0.6) * 60_000,
        log: (line) => console.log(line),
        onSetUp: (terminals) => { terminalsStarted = showTerminals(admin, server.url, dataDir, terminals, closers, abort.signal); },
        onCustomerRegistered: (path) => {
          if (companionShown) return;
          companionShown = true;
          console.log(`  companion page of the first customer: ${server.url}${path}`);
        },
      });
      console.log(`done: ${report.customers.registered} customers, ${report.listsDelivered} lists, ${report.arrivalsShown} arrivals shown, ${report.purchases.applied} purchases, oracle violations: ${report.oracle.violations}`);
      if (typeof options.report === 'string') {
        await writeFile(options.report, JSON.stringify(report, null, 2) + '\n');
        console.log(`report written to ${options.report}`);
      }
      return report.oracle.violations === 0 ? 0 : 1;
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await terminalsStarted.catch(() => {});
      for (const close of closers) await close().catch(() => {});
      await server.close();
    }
  },
};

/** Starts the console, one shop counter and one kiosk in web mode and prints their addresses. */
async function showTerminals(admin: ApiClient, serverUrl: string, dataDir: string, terminals: readonly EnrolledTerminal[], closers: (() => Promise<void>)[], signal: AbortSignal): Promise<void> {
  const shop = terminals.find((t) => t.role === 'shop')!;
  const kiosk = terminals.find((t) => t.role === 'kiosk')!;
  const specs = [
    { name: 'console', spec: { role: 'console' as const, label: 'Demo console' } },
    { name: `shop terminal (${shop.label})`, spec: { role: 'shop' as const, label: `${shop.label} (web)`, shopId: shop.shopId, nodeId: shop.nodeId } },
    { name: `kiosk (${kiosk.label})`, spec: { role: 'kiosk' as const, label: `${kiosk.label} (web)`, nodeId: kiosk.nodeId } },
  ];
  for (const { name, spec } of specs) {
    if (signal.aborted) return;
    try {
      const t: { web: WebTerminal; close(): Promise<void> } = await webTerminal(admin, serverUrl, join(dataDir, `terminal-${spec.role}`), spec);
      closers.push(t.close);
      console.log(`  ${name}: ${t.web.url}`);
    } catch (err) {
      console.log(`  ${name}: not started (${(err as Error).message}); run \`beckon terminal --web\` and enroll it with a code from the console`);
    }
  }
}
