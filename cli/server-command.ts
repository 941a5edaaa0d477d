// `beckon server`: the headless information server.
import { intOption, parseArgs } from './args.ts';
import { startServer } from '../server/server.ts';

export function storeFromOptions(options: Record<string, string | true>) {
  const url = process.env.DATABASE_URL || undefined;
  const dataDir = typeof options.data === 'string' ? options.data : '.data/beckon';
  return url ? { url } : { dataDir };
}

export function stopOnSignals(stop: () => Promise<void>): Promise<void> {
  return new Promise((resolve) => {
    const handler = async () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
      await stop();
      resolve();
    };
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
  });
}

export const serverCommand = {
  summary: 'run the information server headless',
  usage: 'beckon server [--data DIR] [--port N] [--host H]   (DATABASE_URL=postgres://… for PostgreSQL)',
  async run(argv: string[]): Promise<number> {
    const { options } = parseArgs(argv, { data: 'value', port: 'value', host: 'value' });
    const store = storeFromOptions(options);
    const server = await startServer({
      ...store,
      port: intOption(options.port, 'port', 8080, 0, 65535),
      host: typeof options.host === 'string' ? options.host : '127.0.0.1',
      logger: { level: process.env.LOG_LEVEL ?? 'info' },
    });
    server.app.log.info({ url: server.url, store: store.url ? 'postgres' : store.dataDir }, 'beckon server listening');
    await stopOnSignals(() => server.close());
    return 0;
  },
};
