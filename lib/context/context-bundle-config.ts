/**
 * context-bundle's configuration, `context-bundle.json` in the user and project config layers
 * (lib/config.ts), the later layer winning:
 *
 *   { "maxBytes": 1048576 }
 *
 * `maxBytes`: size past which `<session>.jsonl` is rotated to `<session>.1.jsonl`; 4 KiB to 1 GiB.
 */
import type { ConfigLayer } from '../config.ts';
import { configError } from '../config-error.ts';

export const DEFAULT_BUNDLE_MAX_BYTES = 1024 * 1024;
const MIN_BYTES = 4096;
const MAX_BYTES = 1024 * 1024 * 1024;
const KEYS = ['maxBytes', '$schema'];

/** The rotation size the layers ask for. Throws HookError E_CONFIG naming the file for a bad value or an unknown key. */
export function bundleMaxBytes(layers: readonly ConfigLayer[]): number {
  let maxBytes = DEFAULT_BUNDLE_MAX_BYTES;
  for (const layer of layers) {
    for (const key of Object.keys(layer.data)) {
      if (!KEYS.includes(key)) throw configError(layer.path, `unknown key \`${key}\`; the only key is \`maxBytes\``);
    }
    const value = layer.data.maxBytes;
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < MIN_BYTES || value > MAX_BYTES) {
      throw configError(
        layer.path,
        `\`maxBytes\` must be a whole number of bytes from ${MIN_BYTES} to ${MAX_BYTES}, got ${JSON.stringify(value)}`,
      );
    }
    maxBytes = value;
  }
  return maxBytes;
}
