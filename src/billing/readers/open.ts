import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { BillingInputError, describeIoError } from '../errors.js';

/** How a file's bytes are laid out, told from its first bytes rather than its name. */
export type Container = 'parquet' | 'gzip' | 'plain';

/** Reads the first bytes of `path` to tell Parquet, gzip and plain text apart. */
export async function sniffContainer(path: string, file: string): Promise<Container> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (cause) {
    throw new BillingInputError(file, 0, `cannot read file: ${describeIoError(cause)}`, { cause });
  }
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    if (bytesRead >= 4 && head.toString('latin1') === 'PAR1') return 'parquet';
    if (bytesRead >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
    return 'plain';
  } catch (cause) {
    throw new BillingInputError(file, 0, `cannot read file: ${describeIoError(cause)}`, { cause });
  } finally {
    await handle.close();
  }
}

/**
 * The file as a stream of UTF-8 text chunks, gunzipped through a zlib stream when it is gzip,
 * so a file of any size passes through bounded buffers. Chunks stay at 64 KiB: with larger
 * ones the tokenizer's joined strings leave V8's young generation and parsing runs at half
 * speed.
 */
export function openText(path: string, container: Container): Readable {
  const bytes = createReadStream(path, { highWaterMark: 64 * 1024 });
  const text = container === 'gzip' ? bytes.pipe(createGunzip({ chunkSize: 64 * 1024 })) : bytes;
  if (container === 'gzip') bytes.on('error', (error) => text.destroy(error));
  text.setEncoding('utf8');
  return text;
}

/** The first non-blank character of a text file (after any byte-order mark), or ''. */
export async function firstCharacter(path: string, container: Container): Promise<string> {
  const stream = openText(path, container);
  try {
    for await (const chunk of stream) {
      const match = /[^\s\uFEFF]/.exec(String(chunk));
      if (match) return match[0];
    }
    return '';
  } finally {
    stream.destroy();
  }
}
