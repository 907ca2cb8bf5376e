import { describe, expect, it } from 'vitest';
import { compileGlobs, GlobError, globToRegExp, literalOf } from '../../lib/glob.ts';
import { BUILTIN_FILE_RULES } from '../../lib/guards/file-guard-rules.ts';

const HOME = '/home/ada';
const matches = (glob: string, path: string) => globToRegExp(glob, { homes: [HOME] }).test(path);

describe('globToRegExp', () => {
  it.each([
    // a glob without `/` matches the basename at any depth
    ['.env', '/repo/.env', true],
    ['.env', '/repo/deep/down/.env', true],
    ['.env', '/repo/.env/venv-file', false],
    ['.env', '/repo/my.env', false],
    ['*.pem', '/repo/certs/server.pem', true],
    ['*.pem', '/repo/monkey.pem.md', false],
    ['*.pem', '/repo/.pem', true],
    ['.env.*', '/repo/.env.local', true],
    ['.env.*', '/repo/.env', false],
    ['id_rsa', '/home/ada/.ssh/id_rsa.pub', false],
    ['service-account*.json', '/x/service-account-prod.json', true],
    // `*` and `?` never cross a `/`
    ['src/*.ts', '/repo/src/a.ts', true],
    ['src/*.ts', '/repo/src/lib/a.ts', false],
    ['?.txt', '/repo/a.txt', true],
    ['?.txt', '/repo/ab.txt', false],
    // `**` spans any number of segments
    ['.git/**', '/x/repo/.git/HEAD', true],
    ['.git/**', '/x/repo/.git/refs/heads/main', true],
    ['.git/**', '/x/repo/.git', false],
    ['.git/**', '/x/repo/.github/workflows/ci.yml', false],
    ['.git/**', '/x/repo/my.git/HEAD', false],
    ['src/**/*.ts', '/repo/src/a.ts', true],
    ['src/**/*.ts', '/repo/src/a/b/c.ts', true],
    ['**/secrets.yml', '/repo/secrets.yml', true],
    ['a**b', '/repo/aXb', true],
    ['a**b', '/repo/a/b', false],
    // a glob with `/` matches a path suffix that starts at a segment boundary
    ['.aws/credentials', '/home/ada/.aws/credentials', true],
    ['.aws/credentials', '/root/.aws/credentials', true],
    ['.aws/credentials', '/home/ada/x.aws/credentials', false],
    ['.aws/credentials', '/home/ada/.aws/credentials.bak', false],
    // a trailing `/` means everything under it
    ['secrets/', '/repo/secrets/a.txt', true],
    ['secrets/', '/repo/secrets', false],
    // a leading `/` anchors at the root, a leading `~/` at the home directory
    ['/etc/shadow', '/etc/shadow', true],
    ['/etc/shadow', '/chroot/etc/shadow', false],
    ['~/.netrc', '/home/ada/.netrc', true],
    ['~/.netrc', '/home/bob/.netrc', false],
    ['~/.netrc', '/home/ada/project/.netrc', false],
    // classes and alternatives
    ['[abc].txt', '/r/b.txt', true],
    ['[abc].txt', '/r/d.txt', false],
    ['[!abc].txt', '/r/d.txt', true],
    ['[^abc].txt', '/r/a.txt', false],
    ['[a-c]x', '/r/bx', true],
    ['{a,b}.lock', '/r/b.lock', true],
    ['{a,b}.lock', '/r/c.lock', false],
    ['.env{,.*}.{example,dist}', '/r/.env.example', true],
    ['.env{,.*}.{example,dist}', '/r/.env.local.dist', true],
    ['.env{,.*}.{example,dist}', '/r/.env.local', false],
    ['x.{a,{b,c}}', '/r/x.c', true],
    // escapes and regex characters are literal
    ['\\*.txt', '/r/*.txt', true],
    ['\\*.txt', '/r/a.txt', false],
    ['a+b(1).txt', '/r/a+b(1).txt', true],
    ['a.b', '/r/aXb', false],
    // case-sensitive, as on POSIX
    ['.env', '/repo/.ENV', false],
    // Windows paths arrive normalised to `/` with an upper-case drive
    ['.env', 'C:/repo/.env', true],
    ['.git/**', 'C:/repo/.git/config', true],
  ])('%s on %s: %s', (glob, path, expected) => {
    expect(matches(glob, path)).toBe(expected);
  });

  it('anchors `~/` at every spelling of the home directory it is given', () => {
    const regex = globToRegExp('~/.kube/config', { homes: ['/home/ada', '/data/home/ada'] });
    expect(regex.test('/home/ada/.kube/config')).toBe(true);
    expect(regex.test('/data/home/ada/.kube/config')).toBe(true);
    expect(regex.test('/data/home/ada2/.kube/config')).toBe(false);
  });

  it('escapes regex characters in the home directory', () => {
    expect(globToRegExp('~/x', { homes: ['/home/a.b'] }).test('/home/aXb/x')).toBe(false);
  });

  it.each([
    ['', 'non-empty'],
    ['{a,b', 'unclosed `{`'],
    ['[abc', 'unclosed `[`'],
    ['trailing\\', 'lone'],
    ['[z-a]', 'invalid'],
    ['~/x', 'no home directory'],
  ])('rejects %j with a GlobError that names the problem (%s)', (glob, problem) => {
    const compile = () => globToRegExp(glob);
    expect(compile).toThrow(GlobError);
    expect(compile).toThrow(problem);
  });
});

describe('compileGlobs', () => {
  it('is true when any glob matches', () => {
    const matchesAny = compileGlobs(['yarn.lock', '*.lockb']);
    expect(matchesAny('/r/yarn.lock')).toBe(true);
    expect(matchesAny('/r/bun.lockb')).toBe(true);
    expect(matchesAny('/r/package.json')).toBe(false);
  });

  it('matches nothing when given no globs', () => {
    expect(compileGlobs([])('/anything')).toBe(false);
  });
});

describe('compileGlobs runs a glob only for a path that holds its literal part', () => {
  const GLOBS = [
    ...BUILTIN_FILE_RULES.flatMap((rule) => [...rule.globs, ...(rule.except ?? [])]),
    '*',
    '**',
    '*.{pem,key}',
    '{a,b}/c.txt',
    'x{y,z}w',
    '[abc]d.txt',
    '[!x]y',
    'a\\*b',
    'secrets/',
    '/etc/**',
    '~/.config/gh/*.yml',
    'src/**/gen/*.ts',
    '?.env',
    'a}b',
    'a,b',
    // Found by review: the `/` after a whole-segment `**` belongs to the wildcard.
    '**//x',
    '**//.ssh/**',
    '**//',
    'a/**//b',
  ];
  /** Paths made from the globs themselves (wildcards filled in) and from everyday files. */
  function pathsFor(glob: string): string[] {
    const filled = glob
      .replace(/^~\//, `${HOME}/`)
      .replace(/\{([^{}]*)\}/g, (_m, inner: string) => inner.split(',')[0] ?? '')
      .replace(/\[!?([^\]]*)\]/g, (_m, inner: string) => (inner[0] === 'x' ? 'q' : (inner[0] ?? 'q')))
      .replace(/\\(.)/g, '$1')
      .replace(/\*\*/g, 'deep/er')
      .replace(/\*/g, 'any')
      .replace(/\?/g, 'Q')
      .replace(/\/$/, '/inside');
    const absolute = filled.startsWith('/') ? filled : `/repo/${filled}`;
    return [absolute, `${absolute}.bak`, `/repo/sub${absolute}`, absolute.toUpperCase()];
  }
  const PATHS = [
    ...GLOBS.flatMap(pathsFor),
    '/repo/src/index.ts',
    '/repo/README.md',
    `${HOME}/.ssh/id_ed25519`,
    `${HOME}/.aws/credentials`,
    '/repo/.env.local',
    '/repo/config/master.key',
    '/x',
    '/.ssh/id_rsa',
    '/a',
    '/a/b',
    '.env',
    'x',
  ];

  it('whenever a glob matches a path, the path holds the literal', () => {
    const missing: string[] = [];
    for (const glob of GLOBS)
      for (const path of PATHS)
        if (matches(glob, path) && !path.includes(literalOf(glob)))
          missing.push(`${glob} ${path} (${literalOf(glob)})`);
    expect(missing).toEqual([]);
  });

  it('answers as every glob run on every path would', () => {
    const compiled = compileGlobs(GLOBS, { homes: [HOME] });
    const eager = GLOBS.map((glob) => globToRegExp(glob, { homes: [HOME] }));
    let matched = 0;
    for (const path of PATHS) {
      const expected = eager.some((regex) => regex.test(path));
      if (expected) matched++;
      expect(compiled(path), path).toBe(expected);
    }
    expect(matched).toBeGreaterThan(100);
  });

  it.each([
    ['**/.env.*', '.env.'],
    ['**//x', '/x'],
    ['a/**/b', 'a/'],
    ['*.pem', '.pem'],
    ['~/.ssh/**', '.ssh/'],
    ['id_rsa*', 'id_rsa'],
    ['{a,b}/credentials', '/credentials'],
    ['[abc]x', 'x'],
    ['a\\*bcd', 'bcd'],
    ['*', ''],
  ])('literalOf(%s) is %s', (glob, literal) => {
    expect(literalOf(glob)).toBe(literal);
  });

  it.each([
    ['an unclosed [', '[ab'],
    ['an unclosed {', '{a,b'],
    ['a lone backslash', 'a\\'],
    ['an empty glob', ''],
    ['~/ without a home', '~/.ssh/**'],
  ])('still refuses %s when compiling, not when a path first reaches it', (_what, glob) => {
    expect(() => compileGlobs(['*.txt', glob], glob.startsWith('~/') ? {} : { homes: [HOME] })).toThrow(GlobError);
  });
});
