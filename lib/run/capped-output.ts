import type { Readable } from 'node:stream';

/** One captured stream: its first `maxBytes` bytes, and whether more came. */
export interface CappedOutput {
  text(): string;
  readonly truncated: boolean;
}

/** A capture fed chunk by chunk. */
export interface CappedCollector extends CappedOutput {
  add(chunk: Uint8Array): void;
}

/**
 * Keeps the first `maxBytes` bytes of what it is fed and discards the rest, so a chatty child
 * never blocks on a full pipe and still exits with its own status (a never-ending one runs until
 * `timeoutMs`). The cut is at a byte, so a character split there decodes as U+FFFD.
 */
export function cappedCollector(maxBytes: number): CappedCollector {
  const chunks: Uint8Array[] = [];
  let kept = 0;
  const output = {
    truncated: false,
    text: () => Buffer.concat(chunks).toString('utf8'),
    add(chunk: Uint8Array) {
      const room = maxBytes - kept;
      if (chunk.length > room) output.truncated = true;
      if (room <= 0) return;
      const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
      chunks.push(part);
      kept += part.length;
    },
  };
  return output;
}

/** Captures `stream` (read to its end, the rest discarded past `maxBytes`). */
export function captureCapped(stream: Readable, maxBytes: number): CappedOutput {
  const output = cappedCollector(maxBytes);
  stream.on('data', output.add);
  // A read error on a pipe ends the capture; without a listener it would crash the hook.
  stream.on('error', () => {});
  return output;
}
