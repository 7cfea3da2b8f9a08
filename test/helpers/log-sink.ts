/** A logger whose lines a test can read back, parsed. */
import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/shared/logger.ts';

export interface LogSink {
  logger: Logger;
  lines: Record<string, unknown>[];
}

export function logSink(level = 'debug'): LogSink {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger({ level, destination }), lines };
}
