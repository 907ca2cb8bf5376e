// @ts-check
// A SHA-256 hasher with node:crypto loaded on first use. The CLI bundles the build modules, and
// loading node:crypto at its start cost every `hookpack` command ~4 ms, though only build,
// doctor and plugin hash anything.
import { createRequire } from 'node:module';

/** @type {typeof import('node:crypto') | undefined} */
let crypto;

/** A new SHA-256 hash. */
export function sha256() {
  // process.getBuiltinModule: Node >= 20.16; createRequire (any absolute path) before that, in an ES module.
  crypto ??= /** @type {typeof import('node:crypto')} */ (
    process.getBuiltinModule?.('node:crypto') ?? createRequire('/')('node:crypto')
  );
  return crypto.createHash('sha256');
}
