// The file a bundle is: pure ASCII, the hook's code in a comment after the loader, surviving
// CRLF line ends, and a guard that blocks when that comment is gone.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { dir, fixture, outDir, useBuiltHook, useProjectDir } from './_build.ts';

useProjectDir();

describe('the file a bundle is (its code in a comment after the loader)', () => {
  // A hook whose code holds both comment delimiters, in a regex and in strings.
  const TRICKY_HOOK = `import { addContext, defineHook } from 'hookpack';
const STARS = /ba*/;
export default defineHook({
  event: 'UserPromptSubmit',
  timeout: 3,
  onError: 'block',
  run: ({ prompt }) => addContext(['/* not a comment */', String(STARS.test('aa/b')), prompt.toUpperCase(), 'caf\\u00e9'].join(' ')),
});
`;
  const run = (file: string, home: string) =>
    spawnSync(process.execPath, [file], {
      input: JSON.stringify({ ...fixture, prompt: 'hey' }),
      encoding: 'utf8',
      env: { ...process.env, HOOKPACK_HOME: home, HOOKPACK_DEBUG: '1', HOOKPACK_TELEMETRY: '0' },
    });
  const context = (stdout: string) =>
    (JSON.parse(stdout) as { hookSpecificOutput: { additionalContext: string } }).hookSpecificOutput.additionalContext;

  // One build for the file; each test gets a copy of it in its own project.
  beforeEach(useBuiltHook('tricky', TRICKY_HOOK));

  it('is pure ASCII and ends with the code comment, and the code inside it round-trips comment delimiters', () => {
    const file = join(outDir(), 'tricky.cjs');
    const bytes = readFileSync(file);
    expect(bytes.every((byte) => byte < 0x80)).toBe(true);
    expect(bytes.toString('latin1').endsWith('*/\n')).toBe(true);
    for (let i = 0; i < 2; i++) {
      const result = run(file, join(dir, 'state'));
      expect(result.status).toBe(0);
      expect(context(result.stdout)).toBe('/* not a comment */ true HEY caf\u00e9');
    }
  });

  it('answers the same after git turned its line ends into CRLF', () => {
    const file = join(outDir(), 'tricky.cjs');
    const lf = run(file, join(dir, 'state'));
    writeFileSync(file, readFileSync(file, 'latin1').replace(/\n/g, '\r\n'), 'latin1');
    for (let i = 0; i < 2; i++) {
      const crlf = run(file, join(dir, 'state'));
      expect(crlf.status).toBe(0);
      expect(crlf.stdout).toBe(lf.stdout);
    }
  });

  it("blocks, with one line naming the file and the fix, when a guard bundle's code comment is gone", () => {
    const file = join(outDir(), 'tricky.cjs');
    const text = readFileSync(file, 'latin1');
    // Still valid JavaScript, but the comment no longer opens with the bundle's key.
    writeFileSync(file, text.replace(/\n\/\*[0-9a-f]{16}\n/, '\n/*\n'), 'latin1');
    const result = run(file, join(dir, 'state'));
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual([
      `hookpack: ${file} is damaged (the code at its end is missing or cut short); rebuild it with hookpack build`,
    ]);
  });
});
