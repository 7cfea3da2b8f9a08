/**
 * Loaded into every test process (vitest's setupFiles) and every process a test starts (through
 * NODE_OPTIONS, see child-env.ts), so that no test can reach Discord or read a developer's .env:
 *
 * - a connection to any Discord host fails at once with words that say why, before DNS or TLS,
 *   so a real token can never leave the machine because a test was pointed at the wrong URL;
 * - `process.loadEnvFile` does nothing: the bot reads `.env` from its working directory, and a
 *   developer who followed the README has a real token there.
 */
import net from 'node:net';

const DISCORD_HOST = /(^|\.)(discord\.com|discordapp\.com|discord\.gg|discord\.media|discordapp\.net)\.?$/i;

export const REFUSAL = 'tests talk to the local Discord emulator only';

function hostOf(args: unknown[]): string | undefined {
  const [first, second] = args;
  if (typeof first === 'object' && first !== null) {
    const options = first as { host?: unknown; servername?: unknown };
    if (typeof options.servername === 'string') return options.servername;
    if (typeof options.host === 'string') return options.host;
    return undefined;
  }
  return typeof second === 'string' ? second : undefined;
}

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]): net.Socket {
  const host = hostOf(args);
  if (host !== undefined && DISCORD_HOST.test(host)) {
    process.nextTick(() => this.destroy(new Error(`refused to connect to ${host}: ${REFUSAL}`)));
    return this;
  }
  return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof net.Socket.prototype.connect;

process.loadEnvFile = () => undefined;
