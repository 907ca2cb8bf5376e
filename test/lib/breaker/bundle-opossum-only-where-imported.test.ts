import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';

const lib = (file: string) => fileURLToPath(new URL(`../../../lib/${file}`, import.meta.url));
// Strings only opossum's source holds (its open-breaker and semaphore errors).
const OPOSSUM_MARKERS = ['Breaker is open', 'EOPENBREAKER', 'Semaphore locked'];
// What a hook pays for a breaker, opossum included; raise it in the same commit as a deliberate growth.
const BREAKER_BUNDLE_CEILING_BYTES = 24_000;

function bundle(contents: string): string {
  const result = buildSync({
    stdin: { contents, resolveDir: lib('.'), loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minify: true,
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

describe('bundle cost of the breaker', () => {
  it('a bundle that imports the breaker carries opossum, within its byte ceiling', () => {
    const code = bundle(
      `import { breaker } from ${JSON.stringify(lib('breaker.ts'))}; breaker('x', async () => 1).fire().then(console.log);`,
    );
    for (const marker of OPOSSUM_MARKERS) expect(code).toContain(marker);
    expect(Buffer.byteLength(code), `breaker bundle grew past ${BREAKER_BUNDLE_CEILING_BYTES} B`).toBeLessThanOrEqual(
      BREAKER_BUNDLE_CEILING_BYTES,
    );
  });

  it('a bundle of everything lib/index.ts exports carries no opossum', () => {
    const code = bundle(`export * from ${JSON.stringify(lib('index.ts'))};`);
    expect(code.length).toBeGreaterThan(0);
    for (const marker of OPOSSUM_MARKERS) expect(code).not.toContain(marker);
  });
});
