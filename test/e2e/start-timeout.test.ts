/**
 * `npm start` against a Discord that takes the connection but never answers: it says where it is
 * connecting, and gives up with a message instead of minutes of silence.
 */
import net from 'node:net';
import { describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config/env.ts';
import { startHyosan } from '../../src/start-hyosan.ts';
import { emptyFeedsFile } from './bot-harness.ts';

describe('starting against a Discord that never answers', () => {
  test('gives up after the stated time with a message naming the address', async () => {
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((socket) => void sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    const apiUrl = `http://127.0.0.1:${port}/api`;
    const config = loadConfig({
      DISCORD_TOKEN: 'MTAwMDAwMDAwMDAwMDAwMDAw.silent.test-token-not-a-secret', DISCORD_API_URL: apiUrl,
      STORE_URL: 'sqlite://:memory:', FEEDS_FILE: await emptyFeedsFile(), READ_ARTICLE_PAGES: 'false',
    });
    try {
      await expect(startHyosan(config, { connectTimeoutSeconds: 1, tickCron: '0 0 1 1 *' }))
        .rejects.toThrow(`Discord at ${apiUrl} did not answer within 1 s. Check your network and DISCORD_API_URL, then try again.`);
    } finally {
      silent.close();
      for (const s of sockets) s.destroy();
    }
  });
});
