// normalizePath answers most paths without splitting them (bash-guard resolves every operand of
// every command through it); those fast answers must be the ones the general case gives.
import { describe, expect, it } from 'vitest';
import { normalizeAnyPath, normalizePath } from '../../lib/paths.ts';

const PIECES = ['a', 'b.c', '.', '..', '', '~', '~x', '.env', 'fix\\.env', 'C:', '\\\\srv', '*', ' ', 'é'];
const CWDS = [
  '/',
  '//',
  '/home/user/project',
  '/home/user/project/',
  '/a/./b/../c',
  '//srv/x',
  'C:\\work',
  'rel/dir',
  '',
];

/** Every path of up to three pieces, joined with `/` and led by nothing, `/`, `//`, `~/` or `./`. */
function* paths(): Generator<string> {
  const leads = ['', '/', '//', '~/', './', '../'];
  for (const lead of leads)
    for (const a of PIECES) {
      yield `${lead}${a}`;
      for (const b of PIECES) {
        yield `${lead}${a}/${b}`;
        for (const c of ['x', '', '..']) yield `${lead}${a}/${b}/${c}`;
      }
    }
}

describe('normalizePath', () => {
  it('gives what the general case gives, for every path, directory and home', () => {
    const differ: string[] = [];
    let compared = 0;
    for (const cwd of CWDS)
      for (const home of [undefined, '/home/user', 'C:\\Users\\me'])
        for (const path of paths()) {
          const expected = normalizeAnyPath(path, cwd, home);
          // Twice: the second call may take the fast path with the directory remembered.
          for (const got of [normalizePath(path, cwd, home), normalizePath(path, cwd, home)])
            if (got !== expected) differ.push(`${path} in ${cwd}: ${got}, not ${expected}`);
          compared += 1;
        }
    expect(differ).toEqual([]);
    expect(compared).toBeGreaterThan(40_000);
  });

  it.each([
    ['/home/user/project/src/a.ts', '/x', '/home/user/project/src/a.ts'],
    ['src/a.ts', '/home/user/project', '/home/user/project/src/a.ts'],
    ['src/a.ts', '/', '/src/a.ts'],
    ['src/../a.ts', '/p', '/p/a.ts'],
    ['/a//b/', '/p', '/a/b'],
    ['~/.ssh/id_rsa', '/p', '/home/user/.ssh/id_rsa'],
  ])('%s in %s is %s', (path, cwd, expected) => {
    expect(normalizePath(path, cwd, '/home/user')).toBe(expected);
  });
});
