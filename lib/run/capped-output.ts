import type { Readable } from 'node:stream';

/** One captured stream: its first `maxBytes` bytes, and whether more came. */
export interface CappedOutput {
  text(): string;
  readonly truncated: boolean;
}

/**
 * Keeps the first `maxBytes` bytes of `stream` and reads and discards the rest, so a chatty child
 * never blocks on a full pipe and still exits with its own status (a never-ending one runs until
 * `timeoutMs`). The cut is at a byte, so a character split there decodes as U+FFFD.
 */
export function captureCapped(stream: Readable, maxBytes: number): CappedOutput {
  const chunks: Buffer[] = [];
  let kept = 0;
  const output = {
    truncated: false,
    text: () => Buffer.concat(chunks).toString('utf8'),
  };
  stream.on('data', (chunk: Buffer) => {
    const room = maxBytes - kept;
    if (chunk.length > room) output.truncated = true;
    if (room <= 0) return;
    const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
    chunks.push(part);
    kept += part.length;
  });
  // A read error on a pipe ends the capture; without a listener it would crash the hook.
  stream.on('error', () => {});
  return output;
}
