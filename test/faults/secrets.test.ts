/**
 * The bot token never reaches a log line or an error message: pino's path redaction, the scrub of
 * registered secrets in every line, the REST port's errors, and the start-up failure text.
 */
import { spawn } from 'node:child_process';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createRestPort } from '../../src/discord/rest-port.ts';
import { createLogger, redactSecret } from '../../src/shared/logger.ts';
import { startEmulator, type Emulator } from '../emulator/index.ts';
import { releaseEvent, startDeliveryRig } from './helpers/delivery-rig.ts';
import { childEnv } from '../helpers/child-env.ts';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.Gh7x9Q.fault-suite-secret-token-value-0001';

function capture(): { lines: string[]; logger: ReturnType<typeof createLogger> } {
  const lines: string[] = [];
  const sink = new Writable({ write(chunk: Buffer, _e, done) { lines.push(chunk.toString()); done(); } });
  return { lines, logger: createLogger({ level: 'trace', destination: sink }) };
}

beforeAll(() => {
  redactSecret(TOKEN);
});

describe('secrets', () => {
  test.each<{ name: string; log: (l: ReturnType<typeof createLogger>) => void }>([
    { name: 'a token field', log: (l) => l.info({ token: TOKEN }, 'connecting') },
    { name: 'a nested token field', log: (l) => l.info({ discord: { token: TOKEN } }, 'connecting') },
    { name: 'an authorization header', log: (l) => l.warn({ headers: { authorization: `Bot ${TOKEN}` } }, 'request failed') },
    { name: 'the config object', log: (l) => l.debug({ config: { discordToken: TOKEN } }, 'loaded') },
    { name: 'the message text', log: (l) => l.error(`login failed with token ${TOKEN}`) },
    { name: 'an error message', log: (l) => l.error({ err: new Error(`401 for ${TOKEN}`) }, 'REST failed') },
    { name: 'an error cause and stack', log: (l) => l.error({ err: new Error('outer', { cause: new Error(`inner ${TOKEN}`) }) }, 'failed') },
    { name: 'a URL', log: (l) => l.info({ url: `https://discord.example/api?token=${TOKEN}` }, 'calling') },
    { name: 'an unknown field name', log: (l) => l.info({ whatever: { deep: [TOKEN] } }, 'odd') },
  ])('never in a log line: $name', ({ log }) => {
    const { lines, logger } = capture();
    log(logger);
    expect(lines.length).toBe(1);
    expect(lines.join('')).not.toContain(TOKEN);
    expect(lines.join('')).not.toContain(TOKEN.split('.')[2]);
    expect(lines.join('')).toContain('[REDACTED]');
  });

  describe('against Discord', () => {
    let emulator: Emulator;
    beforeAll(async () => {
      emulator = await startEmulator();
    });
    afterAll(async () => {
      await emulator?.close();
    });

    test('a refused token: the delivery error and the worker\'s log lines do not carry it', async () => {
      const port = createRestPort({ token: TOKEN, apiUrl: emulator.apiUrl, timeoutMs: 2000 });
      const error = await port.send(emulator.guilds()[0]!.channels[0]!.id, { content: 'x', embeds: [], allowed_mentions: { parse: [] } }, 'n1').catch((e: unknown) => e);
      expect((error as { kind: string }).kind).toBe('unauthorized');
      expect(String((error as Error).message)).not.toContain(TOKEN);
      expect(JSON.stringify(error)).not.toContain(TOKEN);

      const rig = await startDeliveryRig();
      try {
        rig.emulator.injectFault({ method: 'POST', path: /messages$/, status: 401, times: Infinity });
        await rig.deliver(releaseEvent());
        expect(rig.fatal.length).toBe(1);
        expect(rig.logs.join('')).not.toContain(rig.emulator.token);
      } finally {
        await rig.close();
      }
    });

    test('start-up with a refused token says the token is bad, without printing it', async () => {
      const { botEnv, emptyFeedsFile } = await import('../e2e/bot-harness.ts');
      const env = childEnv({ PATH: process.env.PATH ?? '', ...botEnv(emulator, 'sqlite://:memory:', await emptyFeedsFile()), DISCORD_TOKEN: TOKEN, LOG_LEVEL: 'info' });
      const child = spawn(process.execPath, ['src/main.ts'], { cwd: process.cwd(), env, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code).toBe(1);
      expect(out).toMatch(/token/i);
      expect(out).not.toContain(TOKEN);
      expect(out).not.toContain(TOKEN.split('.')[2]);
    }, 20_000);
  });
});
