import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * The `hookpack` import alias, defined once: tsconfig.json's `paths` (what the type checker and
 * editors read), turned into vitest's resolve aliases. The build resolves the same names for
 * bundles (build/bundle.mjs resolveHookpackImport), for a user's project as for this one.
 */
export function tsconfigAliases(): Array<{ find: RegExp; replacement: string }> {
  const tsconfig = JSON.parse(readFileSync(resolve(ROOT, 'tsconfig.json'), 'utf8')) as {
    compilerOptions: { paths: Record<string, string[]> };
  };
  return Object.entries(tsconfig.compilerOptions.paths).map(([name, [target = '']]) =>
    name.endsWith('/*')
      ? {
          find: new RegExp(`^${escapeRegExp(name.slice(0, -2))}/(.*)$`),
          replacement: `${resolve(ROOT, target.slice(0, -2))}/$1`,
        }
      : { find: new RegExp(`^${escapeRegExp(name)}$`), replacement: resolve(ROOT, target) },
  );
}
