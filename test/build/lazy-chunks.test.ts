// A module named `<name>.lazy.ts` becomes a chunk of its own in every bundle that imports it
// (build/lazy-chunks.mjs): its code is in the same file, but compiled (through a code cache of
// its own) only the first time one of its functions is called.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: build/index.mjs is plain JS (checked with // @ts-check), without declarations
import { checkBuild } from '../../build/index.mjs';
import { build, dir, hooksDir, outDir, ROOT, useProjectDir, writeHook } from './_build.ts';

useProjectDir();

const GATE = `import { defineHook, deny } from 'hookpack';
import { verdict } from './_judge.lazy.ts';
export default defineHook({
  event: 'PreToolUse',
  matcher: 'Bash',
  timeout: 5,
  onError: 'block',
  run: ({ tool_input }) => (tool_input.command.startsWith('ok') ? undefined : deny(verdict(tool_input.command))),
});
`;
const JUDGE = `const PREFIX = ['judged', 'by', 'the', 'chunk:'].join(' ');
export function verdict(command: string): string {
  return PREFIX + ' ' + command;
}
`;
const payload = JSON.parse(readFileSync(join(ROOT, 'cli', 'payloads', 'PreToolUse.json'), 'utf8')) as Record<
  string,
  unknown
>;

function setUp(...flags: string[]) {
  writeHook('gate', GATE);
  writeFileSync(join(hooksDir(), '_judge.lazy.ts'), JUDGE);
  const built = build('--no-typecheck', ...flags);
  expect(built.stderr).not.toMatch(/error/i);
  expect(built.status).toBe(0);
}

const run = (file: string, command: string) =>
  spawnSync(process.execPath, [join(outDir(), file)], {
    input: JSON.stringify({ ...payload, tool_name: 'Bash', tool_input: { command } }),
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      HOME: join(dir, 'home'),
      HOOKPACK_HOME: join(dir, 'state'),
      HOOKPACK_DEBUG: '1',
      HOOKPACK_TELEMETRY: '0',
    },
  });
const reason = (stdout: string) =>
  (JSON.parse(stdout) as { hookSpecificOutput: { permissionDecisionReason: string } }).hookSpecificOutput
    .permissionDecisionReason;
const cacheFiles = () => {
  const cache = join(dir, 'state', 'code-cache');
  return existsSync(cache) ? readdirSync(cache) : [];
};

describe('a lazily loaded chunk', () => {
  it('is not compiled when the hook answers without it', () => {
    setUp();
    for (const file of ['gate.cjs', 'on-PreToolUse.cjs']) {
      const result = run(file, 'ok go');
      expect(result.status).toBe(0);
      expect(result.stdout).toBe('');
      expect(result.stderr).not.toContain('._judge-');
    }
    expect(cacheFiles().filter((name) => name.includes('._judge-'))).toEqual([]);
    expect(cacheFiles().length).toBe(2);
  });

  it('is compiled the first time it is called, and read from a code cache of its own after', () => {
    setUp();
    const first = run('gate.cjs', 'rm -rf build');
    expect(first.status).toBe(0);
    expect(reason(first.stdout)).toBe('judged by the chunk: rm -rf build');
    expect(first.stderr).toMatch(/code cache miss, writing .*\/gate\._judge-[0-9a-f]+-[0-9a-f]{16}-/);
    const second = run('gate.cjs', 'rm -rf dist');
    expect(reason(second.stdout)).toBe('judged by the chunk: rm -rf dist');
    expect(second.stderr).toMatch(/code cache hit .*\/gate\._judge-/);
    // The main code and the chunk each keep their own file; neither removes the other's.
    expect(cacheFiles().sort()).toEqual([expect.stringMatching(/^gate-/), expect.stringMatching(/^gate\._judge-/)]);
  });

  it('is loaded the same way from an event bundle', () => {
    setUp();
    const result = run('on-PreToolUse.cjs', 'rm -rf build');
    expect(reason(result.stdout)).toBe('judged by the chunk: rm -rf build');
    expect(result.stderr).toContain('/on-PreToolUse._judge-');
  });

  it("blocks with one reason naming the file when a guard's chunk is gone, and still answers without it", () => {
    setUp();
    const file = join(outDir(), 'gate.cjs');
    const text = readFileSync(file, 'latin1');
    const keys = [...text.matchAll(/\n\/\*([0-9a-f]{16})\n/g)].map((m) => m[1]);
    expect(keys.length).toBe(2);
    // Still valid JavaScript: only the chunk's comment no longer opens with its key.
    writeFileSync(file, text.replace(`\n/*${keys[1]}\n`, '\n/*\n'), 'latin1');
    const blocked = run('gate.cjs', 'rm -rf build');
    expect(blocked.status).toBe(2);
    expect(reason(blocked.stdout)).toContain(
      `${file} is damaged (its part "_judge" is missing or cut short); rebuild it with hookpack build`,
    );
    const allowed = run('gate.cjs', 'ok go');
    expect(allowed.status).toBe(0);
    expect(allowed.stdout).toBe('');
  });

  it("keeps a HookError's code when the chunk throws one (its copy of the class is not the runtime's)", () => {
    writeHook('gate', GATE);
    writeFileSync(
      join(hooksDir(), '_judge.lazy.ts'),
      `import { HookError } from 'hookpack';
export function verdict(command: string): string {
  throw new HookError('E_CONFIG', 'the judge cannot read its rules for ' + command);
}
`,
    );
    expect(build('--no-typecheck').status).toBe(0);
    const result = run('gate.cjs', 'rm -rf build');
    expect(result.status).toBe(2);
    expect(reason(result.stdout)).toContain(
      'hookpack gate failed closed (E_CONFIG: the judge cannot read its rules for rm -rf build)',
    );
  });

  it('is found the same after git turned the line ends into CRLF', () => {
    setUp();
    const file = join(outDir(), 'gate.cjs');
    writeFileSync(file, readFileSync(file, 'latin1').replace(/\n/g, '\r\n'), 'latin1');
    for (let i = 0; i < 2; i++) {
      const result = run('gate.cjs', 'rm -rf build');
      expect(result.status).toBe(0);
      expect(reason(result.stdout)).toBe('judged by the chunk: rm -rf build');
    }
  });

  it('is bundled in place without the code cache (--no-code-cache)', () => {
    setUp('--no-code-cache');
    const text = readFileSync(join(outDir(), 'gate.cjs'), 'utf8');
    expect(text).not.toContain('__hookpackChunk');
    expect(text).toContain('judged');
    const result = run('gate.cjs', 'rm -rf build');
    expect(reason(result.stdout)).toBe('judged by the chunk: rm -rf build');
  });

  it("counts as one of the bundle's sources: changing it makes the build stale", () => {
    setUp();
    const options = { hooksDir: hooksDir(), outDir: outDir(), projectRoot: dir };
    expect(checkBuild(options)).toEqual([]);
    writeFileSync(join(hooksDir(), '_judge.lazy.ts'), JUDGE.replace('judged', 'weighed'));
    expect((checkBuild(options) as string[]).join('\n')).toMatch(/_judge\.lazy\.ts/);
  });

  it('refuses two chunks of one name in one bundle (the loader finds a chunk by its name)', () => {
    writeHook(
      'gate',
      GATE.replace(
        "import { verdict } from './_judge.lazy.ts';",
        "import { verdict } from './_judge.lazy.ts';\nimport { verdict as other } from './more/_judge.lazy.ts';\nother('x');",
      ),
    );
    writeFileSync(join(hooksDir(), '_judge.lazy.ts'), JUDGE);
    mkdirSync(join(hooksDir(), 'more'));
    writeFileSync(join(hooksDir(), 'more', '_judge.lazy.ts'), JUDGE);
    const built = build('--no-typecheck');
    expect(built.status).not.toBe(0);
    expect(built.stderr).toContain('would be two chunks named "_judge" in one bundle; rename one');
  });

  it('must have a name of lowercase letters, digits, _ and -', () => {
    writeHook('gate', GATE.replace('./_judge.lazy.ts', './_Judge.lazy.ts'));
    writeFileSync(join(hooksDir(), '_Judge.lazy.ts'), JUDGE);
    const built = build('--no-typecheck');
    expect(built.status).not.toBe(0);
    expect(built.stderr).toContain("a chunk's file name is <name>.lazy.ts");
  });
});

describe('a chunk whose code cannot sit in a comment', () => {
  it('is carried in a string, as the main code is, and loads the same', async () => {
    // @ts-expect-error: build/code-cache-loader.mjs is plain JS (checked with // @ts-check), without declarations
    const { withCodeCacheLoader } = await import('../../build/code-cache-loader.mjs');
    // \x01 is the comment escape: code holding one goes into string literals, main and chunks alike.
    const file = join(dir, 'strings.cjs');
    writeFileSync(
      file,
      withCodeCacheLoader(
        'strings',
        '// banner\nprocess.stdout.write(__hookpackChunk("odd").say() + "\\n");',
        '// banner',
        true,
        [{ name: 'odd', code: 'module.exports = { say: () => "one\x01two".length + " chars" };' }],
      ),
    );
    const text = readFileSync(file, 'utf8');
    expect(text).not.toMatch(/\n\/\*[0-9a-f]{16}\n/);
    for (let i = 0; i < 2; i++) {
      const result = spawnSync(process.execPath, [file], {
        encoding: 'utf8',
        env: { PATH: process.env.PATH, HOOKPACK_HOME: join(dir, 'state'), HOOKPACK_DEBUG: '1' },
      });
      expect(result.stdout).toBe('7 chars\n');
      expect(result.stderr).toMatch(i === 0 ? /miss, writing .*\/strings\.odd-/ : /hit .*\/strings\.odd-/);
    }
  });
});
