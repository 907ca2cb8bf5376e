import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

declare const __dirname: string | undefined;

/**
 * The hookpack package this CLI belongs to (node_modules/hookpack in a project, or this
 * repository): dist/cli.cjs sits one level below it, and so does cli/ when run from source.
 */
export function packageRoot(): string {
  if (typeof __dirname === 'string') return resolve(__dirname, '..');
  return fileURLToPath(new URL('..', import.meta.url));
}
