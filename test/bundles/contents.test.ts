// What may go into a hook bundle: every byte is loaded on every hook start. build.mjs records
// each bundle's inputs (esbuild's metafile) in dist/inputs.json; these rules hold them to it.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const inputsFile = fileURLToPath(new URL('../../dist/inputs.json', import.meta.url));
if (!existsSync(inputsFile)) throw new Error('dist/inputs.json is missing: run npm run build first');
const all = JSON.parse(readFileSync(inputsFile, 'utf8')) as Record<string, string[]>;
// dist/cli.cjs is the CLI itself, not a hook: the rules below are for hook and event bundles.
const bundles = Object.entries(all).filter(([file]) => file !== 'cli.cjs');

it('builds the CLI into its own bundle, dist/cli.cjs', () => {
  expect(all['cli.cjs']?.some((i) => i.startsWith('cli/'))).toBe(true);
});

describe.each(bundles)('%s', (_file, inputs) => {
  it('holds no zod: schemas are for authoring and the build, validators are generated', () => {
    expect(inputs.filter((i) => i.includes('node_modules/zod') || i.startsWith('lib/schemas/'))).toEqual([]);
  });

  it('holds none of the CLI, the test helpers or the build', () => {
    expect(
      inputs.filter(
        (i) => i.startsWith('cli/') || i === 'lib/testing.ts' || i.startsWith('bench/') || i === 'build.mjs',
      ),
    ).toEqual([]);
  });

  it('holds opossum only when it uses the circuit breaker', () => {
    const usesBreaker = inputs.some((i) => i === 'lib/breaker.ts' || i.startsWith('lib/breaker/'));
    expect(inputs.some((i) => i.includes('node_modules/opossum'))).toBe(usesBreaker);
  });

  it('holds no package outside the allowed runtime dependencies', () => {
    const packages = new Set(
      inputs.filter((i) => i.includes('node_modules/')).map((i) => i.split('node_modules/')[1]?.split('/')[0]),
    );
    expect([...packages].filter((p) => p !== 'quick-lru' && p !== 'opossum')).toEqual([]);
  });
});
