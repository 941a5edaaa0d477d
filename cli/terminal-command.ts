// `beckon terminal --web`: a terminal without Electron. Starts the terminal agent on --data (enrolling
// with --code when given) and web mode on 127.0.0.1, and prints the page to open in a browser.
import { HardwareConfig } from '../protocol/terminal-api.ts';
import { intOption, parseArgs, UsageError } from './args.ts';
import { stopOnSignals } from './server-command.ts';
import { createTerminalAgent, type TerminalAgent } from '../main/agent/terminal-agent.ts';
import { startWebTerminal } from '../main/web/web-terminal.ts';

const SCANNERS = HardwareConfig.shape.scanner.unwrap().options;
const RADIOS = HardwareConfig.shape.ble.unwrap().options;

function choice<T extends string>(value: string | true | undefined, name: string, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')}`);
  return value as T;
}

async function enrollIfAsked(agent: TerminalAgent, server: string | undefined, code: string | undefined): Promise<void> {
  if (!code) return;
  if (!server) throw new UsageError('--code needs --server URL (the Beckon server to enroll with)');
  const status = agent.status();
  if (status.enrolled) {
    console.log(`already enrolled as "${status.label}" at ${status.serverUrl}; --code ignored (unenroll first to enroll again)`);
    return;
  }
  const enrolled = await agent.call('enroll', { serverUrl: server, code }) as { role: string; label: string };
  console.log(`enrolled as ${enrolled.role} terminal "${enrolled.label}"`);
}

export const terminalCommand = {
  summary: 'run a terminal (shop, kiosk or console) in web mode: its screen in a local browser',
  usage: 'beckon terminal --web [--server URL --code CODE] [--port P] [--data DIR] [--static DIR] [--scanner simulated|hid|serial|keyboard_wedge] [--ble noble|simulated|off]',
  async run(argv: string[]): Promise<number> {
    const { options, positional } = parseArgs(argv, { web: 'flag', server: 'value', port: 'value', data: 'value', code: 'value', scanner: 'value', ble: 'value', static: 'value' });
    if (positional.length) throw new UsageError(`unexpected argument "${positional[0]}"`);
    if (!options.web) throw new UsageError('only web mode runs from the command line (--web); the desktop app starts the Electron shell');
    const port = intOption(options.port, 'port', 5180, 0, 65535);
    const scanner = choice(options.scanner, 'scanner', SCANNERS);
    const ble = choice(options.ble, 'ble', RADIOS);
    const server = typeof options.server === 'string' ? options.server : undefined;
    if (server && !/^https?:\/\/[^/]/.test(server)) throw new UsageError('--server must be an http:// or https:// address');
    const agent = await createTerminalAgent({ dataDir: typeof options.data === 'string' ? options.data : '.data/terminal' });
    try {
      await enrollIfAsked(agent, server, typeof options.code === 'string' ? options.code : undefined);
      if (scanner || ble) await agent.call('setHardwareConfig', { ...agent.hardwareConfig(), ...(scanner ? { scanner } : {}), ...(ble ? { ble } : {}) });
      const web = await startWebTerminal({ agent, port, staticDir: typeof options.static === 'string' ? options.static : undefined });
      const status = agent.status();
      console.log(status.enrolled ? `terminal "${status.label}" (${status.role}) of ${status.serverUrl}` : 'terminal not enrolled yet: enroll it on the page');
      console.log(`scanner: ${status.hardware.scanner.state}${status.hardware.scanner.reason ? ` (${status.hardware.scanner.reason})` : ''}; Bluetooth: ${status.hardware.ble.state}${status.hardware.ble.reason ? ` (${status.hardware.ble.reason})` : ''}`);
      console.log(`open ${web.url} in a browser on this computer (Ctrl-C stops)`);
      await stopOnSignals(async () => {
        await web.close();
        await agent.close();
      });
      return 0;
    } catch (err) {
      await agent.close();
      throw err;
    }
  },
};
