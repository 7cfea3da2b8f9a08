import { Transform, type TransformCallback, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';

/**
 * Reads a response body through its content decoders with a cap on the decoded size. The cap is
 * checked on every decoded chunk, so a 10 KiB gzip that expands to gigabytes is stopped after a
 * few megabytes instead of filling memory.
 */

export class TooLargeError extends Error {
  readonly limit: number;
  constructor(limit: number) {
    super(`the response is larger than ${formatBytes(limit)} once decompressed`);
    this.name = 'TooLargeError';
    this.limit = limit;
  }
}

export class UnsupportedEncodingError extends Error {
  constructor(coding: string) {
    super(`the server compressed the response with "${coding}", which cannot be read`);
    this.name = 'UnsupportedEncodingError';
  }
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${+(n / 1024 / 1024).toFixed(1)} MiB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}

/**
 * "deflate" should be zlib-wrapped, but enough servers send a raw stream that browsers accept
 * both; the first byte tells them apart.
 */
class DeflateEitherWay extends Transform {
  private inner: zlib.Inflate | zlib.InflateRaw | undefined;

  override _transform(chunk: Buffer, _enc: BufferEncoding, callback: TransformCallback): void {
    if (!this.inner) {
      const zlibWrapped = chunk.length > 0 && ((chunk[0] ?? 0) & 0x0f) === 0x08;
      this.inner = zlibWrapped ? zlib.createInflate() : zlib.createInflateRaw();
      this.inner.on('data', (d: Buffer) => this.push(d));
      this.inner.on('error', (e) => this.destroy(e));
    }
    this.inner.write(chunk, callback);
  }

  override _flush(callback: TransformCallback): void {
    if (!this.inner) return callback();
    this.inner.once('end', () => callback());
    this.inner.end();
  }

  override _destroy(error: Error | null, callback: (error: Error | null) => void): void {
    this.inner?.destroy();
    callback(error);
  }
}

function decoderFor(coding: string): Transform | undefined {
  switch (coding) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate':
      return new DeflateEitherWay();
    case 'br':
      return zlib.createBrotliDecompress();
    case 'identity':
    case '':
      return undefined;
    default:
      throw new UnsupportedEncodingError(coding);
  }
}

export async function readDecodedBody(
  body: Readable,
  contentEncoding: string | undefined,
  maxBytes: number,
  signal?: AbortSignal,
): Promise<Buffer> {
  // Codings are listed in the order they were applied; undo them last first.
  const codings = (contentEncoding ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter(Boolean)
    .reverse();
  const decoders = codings.map(decoderFor).filter((d): d is Transform => d !== undefined);
  const chunks: Buffer[] = [];
  let total = 0;
  const sink = async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) {
      total += chunk.length;
      if (total > maxBytes) throw new TooLargeError(maxBytes);
      chunks.push(chunk);
    }
  };
  const streams: (Readable | Transform)[] = [body, ...decoders];
  await (pipeline as (...args: unknown[]) => Promise<void>)(...streams, sink, signal ? { signal } : {});
  return Buffer.concat(chunks, total);
}
