import {
  chmodSync,
  chownSync,
  lchownSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hookpackHome, hookpackSubdir, resetHookpackHome, unsafeReason } from '../../lib/home.ts';

const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;
const posix = process.platform !== 'win32';

let root = '';
let saved: string | undefined;
beforeEach(() => {
  saved = process.env.HOOKPACK_HOME;
  // realpath: tmpdir() itself may be reached through a link (macOS /var -> /private/var).
  root = realpathSync(mkdtempSync(join(tmpdir(), 'hookpack-home-test-')));
  chmodSync(root, 0o700);
  resetHookpackHome();
});
afterEach(() => {
  if (saved === undefined) delete process.env.HOOKPACK_HOME;
  else process.env.HOOKPACK_HOME = saved;
  resetHookpackHome();
  rmSync(root, { recursive: true, force: true });
});

/** A directory with exactly `mode`. */
function dir(name: string, mode = 0o700): string {
  const path = join(root, name);
  mkdirSync(path, { recursive: true });
  chmodSync(path, mode);
  return path;
}

/** HOOKPACK_HOME = `path`, resolved afresh. */
function useHome(path: string): NodeJS.ProcessEnv {
  process.env.HOOKPACK_HOME = path;
  resetHookpackHome();
  return { ...process.env, HOOKPACK_DEBUG: '' };
}

describe.runIf(posix)('a HOOKPACK_HOME that is a symbolic link', () => {
  it('owned by us and leading to our 0700 directory: accepted, and resolved to the real directory', () => {
    const real = dir('real');
    const link = join(root, 'link');
    symlinkSync(real, link);
    const env = useHome(link);
    expect(unsafeReason(link)).toBeUndefined();
    expect(hookpackHome(env)).toBe(real);
    expect(hookpackSubdir('cache', env)).toBe(join(real, 'cache'));
    expect(lstatSync(join(real, 'cache')).isDirectory()).toBe(true);
    expect(statSync(join(real, 'cache')).mode & 0o777).toBe(0o700);
  });

  it('through a chain of links and a linked parent: resolved to the real directory', () => {
    const real = dir('parent/real');
    symlinkSync(join(root, 'parent'), join(root, 'parent-link'));
    symlinkSync(join(root, 'parent-link', 'real'), join(root, 'first'));
    symlinkSync(join(root, 'first'), join(root, 'second'));
    const env = useHome(join(root, 'second'));
    expect(hookpackHome(env)).toBe(real);
    // a plain directory reached through a linked parent is resolved as well
    expect(hookpackHome(useHome(join(root, 'parent-link', 'real')))).toBe(real);
  });

  it('is resolved once: re-pointing the link later changes nothing for this process', () => {
    const first = dir('first');
    const second = dir('second');
    const link = join(root, 'link');
    symlinkSync(first, link);
    const env = useHome(link);
    expect(hookpackHome(env)).toBe(first);
    expect(hookpackSubdir('breakers', env)).toBe(join(first, 'breakers'));
    unlinkSync(link);
    symlinkSync(second, link);
    expect(hookpackHome(env)).toBe(first);
    expect(hookpackSubdir('cache', env)).toBe(join(first, 'cache'));
  });

  it.each([
    ['777', 0o777],
    ['770', 0o770],
    ['707', 0o707],
    ['720', 0o720],
    ['702', 0o702],
  ] as const)('is refused when the real directory is writable by group or others (mode %s)', (_octal, mode) => {
    const real = dir('real', mode);
    const link = join(root, 'link');
    symlinkSync(real, link);
    const env = useHome(link);
    expect(hookpackHome(env)).toBeUndefined();
    expect(hookpackSubdir('cache', env)).toBeUndefined();
    expect(unsafeReason(link)).toBe(
      `${real} (where it leads) is writable by group or others (mode ${mode.toString(8)}); run chmod 700 on it`,
    );
  });

  it('is refused when it leads to a file, or nowhere', () => {
    const target = join(root, 'file');
    writeFileSync(target, '');
    symlinkSync(target, join(root, 'to-file'));
    expect(hookpackHome(useHome(join(root, 'to-file')))).toBeUndefined();
    expect(unsafeReason(join(root, 'to-file'))).toBe(`${target} (where it leads) is not a directory`);
    symlinkSync(join(root, 'nowhere'), join(root, 'dangling'));
    expect(hookpackHome(useHome(join(root, 'dangling')))).toBeUndefined();
  });

  it.skipIf(!isRoot)(
    'is refused when the link is owned by another user, even leading to our 0700 directory [root only: lchown needs it]',
    () => {
      const real = dir('real');
      const link = join(root, 'link');
      symlinkSync(real, link);
      lchownSync(link, NOBODY, NOBODY);
      expect(hookpackHome(useHome(link))).toBeUndefined();
      expect(unsafeReason(link)).toBe(`it is a symbolic link owned by uid ${NOBODY}, not by you (uid 0) or root`);
    },
  );

  it.skipIf(!isRoot)('is refused when the real directory is owned by another user [root only: chown needs it]', () => {
    const real = dir('real');
    chownSync(real, NOBODY, NOBODY);
    const link = join(root, 'link');
    symlinkSync(real, link);
    expect(hookpackHome(useHome(link))).toBeUndefined();
    expect(unsafeReason(link)).toBe(`${real} (where it leads) is owned by uid ${NOBODY}, not by you (uid 0)`);
  });
});

describe.runIf(posix)('a plain HOOKPACK_HOME directory', () => {
  it('is created 0700 and accepted; group/other read bits alone are fine', () => {
    const env = useHome(join(root, 'new', 'home'));
    expect(hookpackHome(env)).toBe(join(root, 'new', 'home'));
    expect(statSync(join(root, 'new', 'home')).mode & 0o777).toBe(0o700);
    expect(hookpackHome(useHome(dir('readable', 0o755)))).toBe(join(root, 'readable'));
  });

  it.each([
    ['777', 0o777],
    ['770', 0o770],
    ['702', 0o702],
  ] as const)('is refused when writable by group or others (mode %s)', (_octal, mode) => {
    const home = dir('home', mode);
    expect(hookpackHome(useHome(home))).toBeUndefined();
    expect(unsafeReason(home)).toBe(
      `it is writable by group or others (mode ${mode.toString(8)}); run chmod 700 on it`,
    );
  });

  it('a relative HOOKPACK_HOME is resolved to an absolute real path', () => {
    const home = dir('relative-home');
    const cwd = process.cwd();
    try {
      process.chdir(root);
      expect(hookpackHome(useHome('relative-home'))).toBe(home);
    } finally {
      process.chdir(cwd);
    }
  });
});

describe.runIf(posix)('a subdirectory of HOOKPACK_HOME', () => {
  it('that is a link of ours to our 0700 directory: resolved to it', () => {
    const home = dir('home');
    const elsewhere = dir('elsewhere');
    symlinkSync(elsewhere, join(home, 'cache'));
    expect(hookpackSubdir('cache', useHome(home))).toBe(elsewhere);
  });

  it('that is a link to a directory writable by others: refused, though the home is fine', () => {
    const home = dir('home');
    symlinkSync(dir('shared', 0o777), join(home, 'cache'));
    const env = useHome(home);
    expect(hookpackHome(env)).toBe(home);
    expect(hookpackSubdir('cache', env)).toBeUndefined();
  });

  it.skipIf(!isRoot)('that is a link owned by another user: refused [root only: lchown needs it]', () => {
    const home = dir('home');
    const link = join(home, 'breakers');
    symlinkSync(dir('elsewhere'), link);
    lchownSync(link, NOBODY, NOBODY);
    expect(hookpackSubdir('breakers', useHome(home))).toBeUndefined();
  });
});

describe('on Windows (process.platform stubbed)', () => {
  // libuv reports 0o777 for every writable directory there, so the mode check is skipped; the
  // directory check is not.
  const platform = Object.getOwnPropertyDescriptor(process, 'platform')!;
  afterEach(() => Object.defineProperty(process, 'platform', platform));

  it.runIf(posix)('accepts a directory whose mode bits say writable by others, but still refuses a file', () => {
    const home = dir('home', 0o777);
    const plain = join(root, 'plain');
    writeFileSync(plain, '');
    Object.defineProperty(process, 'platform', { ...platform, value: 'win32' });
    expect(unsafeReason(home)).toBeUndefined();
    expect(hookpackHome(useHome(home))).toBe(home);
    expect(unsafeReason(plain)).toBe('it is not a directory');
  });
});
