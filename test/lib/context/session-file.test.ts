import { describe, expect, it } from 'vitest';
import { bundlePaths, sessionFileStem } from '../../../lib/context/session-file.ts';

describe('sessionFileStem', () => {
  it('keeps a UUID as it is', () => {
    expect(sessionFileStem('00000000-0000-4000-8000-000000000001')).toBe('00000000-0000-4000-8000-000000000001');
  });

  it.each([
    '../../etc/passwd',
    '/etc/passwd',
    'a/b',
    '..',
    '.',
    '',
    'x.1',
    'a\0b',
    'ünïcode',
    'x'.repeat(129),
    'C:\\win',
  ])('hashes %j into a plain name', (id) => {
    const stem = sessionFileStem(id);
    expect(stem).toMatch(/^session-[0-9a-f]{16}$/);
    expect(sessionFileStem(id)).toBe(stem);
  });

  it('gives different ids different names', () => {
    expect(sessionFileStem('../a')).not.toBe(sessionFileStem('../b'));
  });
});

describe('bundlePaths', () => {
  it('puts a hostile id inside the bundles directory', () => {
    const { dir, file, rotated } = bundlePaths('/p', '../../../etc/passwd');
    expect(dir).toBe('/p/.claude/context-bundles');
    expect(file).toMatch(/^\/p\/\.claude\/context-bundles\/session-[0-9a-f]{16}\.jsonl$/);
    expect(rotated).toBe(file.replace(/\.jsonl$/, '.1.jsonl'));
  });
});
