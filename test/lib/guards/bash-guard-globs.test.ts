// The lazy glob lists bash-guard matches with (textGlobs, PathGlobs) skip compiling RegExps with
// string tests. These tests hold them to the RegExps they stand for: same answer for every glob
// list and text below, including the corners of case folding and of lib/glob.ts anchoring.
import { describe, expect, it } from 'vitest';
import { globToRegExp } from '../../../lib/glob.ts';
import { PathGlobs } from '../../../lib/guards/bash-path-globs.ts';
import { compileTextGlobs, textGlobs } from '../../../lib/guards/bash-text-glob.ts';

const TEXT_LISTS: string[][] = [
  ['rm'],
  ['mkfs', 'mkfs.*', 'newfs_*', 'wipefs'],
  ['python*', 'pypy*', 'node', 'perl*', '.', 'eval'],
  ['RM', 'Git'],
  ['*777', 'a+rwx', '+rwx'],
  ['main', '*:main', '+refs/heads/main'],
  ['{a,b}c', 'x\\*y', 'a?c', 'ka', 'é', 'Ék*', 'ſ*'],
  ['of=/dev/sd*', 'of=/etc'],
];
const TEXTS = [
  '',
  'rm',
  'RM',
  'Rm',
  'rmdir',
  'mkfs',
  'mkfs.ext4',
  'MKFS.EXT4',
  'mkfs.',
  'newfs_hfs',
  'newfs',
  'python3',
  'Python3.12',
  'pypy',
  'node',
  'nodejs',
  '.',
  'eval',
  'git',
  'GIT',
  '777',
  '0777',
  'a+rwx',
  'A+RWX',
  '+rwx',
  'main',
  'MAIN',
  'origin:main',
  '+refs/heads/main',
  'ac',
  'bc',
  'abc',
  'x*y',
  'xzy',
  'abc',
  'a c',
  'ka',
  'KA',
  '\u212aa',
  'é',
  'É',
  'ék',
  'Ékx',
  's',
  'S',
  'ſ',
  'ſx',
  'of=/dev/sda',
  'of=/etc',
  'of=/etc/x',
];

const PATH_LISTS: string[][] = [
  ['/dev/sd*', '/dev/disk/**', '/dev/mapper/**', '/dev/root', '/dev/mem'],
  ['/etc', '/etc/**'],
  ['/*'],
  ['~/.ssh/**', '~/.bashrc', '~/'],
  ['*.pem', 'secrets/', '.git/**', 'a/b'],
  ['/srv/', '/usr/[lb]*/**', '/a\\*b', '/x{y,z}', '/p?q', '/a]b', '/a,b}'],
  ['/'],
];
const PATHS = [
  '/',
  '/dev',
  '/dev/sda',
  '/dev/sda1',
  '/dev/null',
  '/dev/disk',
  '/dev/disk/by-id/x',
  '/dev/mapper',
  '/dev/mapper/root',
  '/dev/root',
  '/dev/rootx',
  '/etc',
  '/etc/',
  '/etc/hosts',
  '/etcetera',
  '/etc\n',
  '/usr',
  '/usr/lib',
  '/usr/lib/x',
  '/usr/bin/x/y',
  '/home/ada/.ssh',
  '/home/ada/.ssh/id',
  '/home/ada/.bashrc',
  '/home/ada',
  '/home/ada/x',
  '/home/adam/.bashrc',
  '/repo/key.pem',
  '/repo/secrets',
  '/repo/secrets/a',
  '/repo/.git/HEAD',
  '/x/a/b',
  '/a/bb',
  '/srv',
  '/srv/app',
  '/a*b',
  '/axb',
  '/xy',
  '/xz',
  '/x{y,z}',
  '/pq',
  '/p/q',
  '/pzq',
  '/a]b',
  '/a,b}',
];

describe('textGlobs', () => {
  for (const ignoreCase of [false, true]) {
    it(`answers like compileTextGlobs (ignoreCase ${ignoreCase})`, () => {
      for (const globs of TEXT_LISTS) {
        const lazy = textGlobs(globs, { ignoreCase });
        const eager = compileTextGlobs(globs, { ignoreCase });
        for (const text of TEXTS) expect([globs, text, lazy.test(text)]).toEqual([globs, text, eager.test(text)]);
      }
    });
  }

  it('folds only ASCII case, as a RegExp without the u flag does', () => {
    const names = textGlobs(['k', 'ka*'], { ignoreCase: true });
    expect(['k', 'K', 'kab', 'KAB'].map((text) => names.test(text))).toEqual([true, true, true, true]);
    // The Kelvin sign lower-cases to `k`, but /k/i does not match it.
    expect(['\u212a', '\u212aab'].map((text) => names.test(text))).toEqual([false, false]);
  });
});

describe('PathGlobs', () => {
  for (const home of ['/home/ada', '/home/ada/', '/']) {
    it(`answers like globToRegExp with home ${home}`, () => {
      for (const globs of PATH_LISTS) {
        const lazy = new PathGlobs(globs, home);
        const eager = globs.map((glob) => globToRegExp(glob, { homes: [home] }));
        for (const path of PATHS)
          expect([globs, path, lazy.test(path)]).toEqual([globs, path, eager.some((regExp) => regExp.test(path))]);
      }
    });
  }
});
