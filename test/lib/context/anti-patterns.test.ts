import { describe, expect, it } from 'vitest';
import { parseAntiPatterns } from '../../../lib/context/anti-patterns.ts';

describe('parseAntiPatterns', () => {
  it('makes one entry per `## ` section with its title words and Keywords line, dropping the preamble', () => {
    const text = [
      '# Anti-patterns',
      'Things that bit us.',
      '',
      '## Editing generated migrations',
      'Keywords: SQL, db schema',
      '',
      'Never edit db/migrations by hand.',
      '### Instead',
      'Generate a new one.',
      '',
      '## Mocking the database  ##',
      '**Keywords:** tests',
      'Use the test container.',
      '',
    ].join('\n');
    expect(parseAntiPatterns(text)).toEqual({
      entries: [
        {
          title: 'Editing generated migrations',
          words: ['editing', 'generated', 'migration', 'sql', 'db', 'schema'],
          text: '## Editing generated migrations\nNever edit db/migrations by hand.\n### Instead\nGenerate a new one.',
        },
        {
          title: 'Mocking the database',
          words: ['mocking', 'database', 'test'],
          text: '## Mocking the database\nUse the test container.',
        },
      ],
      problems: [],
    });
  });

  it('does not start a section at a `## ` inside a fenced code block', () => {
    const text = [
      '## Shell heredocs',
      '```md',
      '## not a section',
      '```',
      'After the fence.',
      '~~~',
      '## nor this',
      '~~~',
    ].join('\n');
    const { entries } = parseAntiPatterns(text);
    expect(entries).toHaveLength(1);
    expect(entries[0]?.text).toBe(text);
  });

  it('keeps only the first Keywords line out of the body', () => {
    const { entries } = parseAntiPatterns('## Caching\nKeywords: redis\nKeywords: this one is body\n');
    expect(entries[0]).toMatchObject({ words: ['caching', 'redis'], text: '## Caching\nKeywords: this one is body' });
  });

  it('reads CRLF files', () => {
    expect(parseAntiPatterns('## Windows line ends\r\nbody\r\n').entries).toEqual([
      { title: 'Windows line ends', words: ['window', 'line', 'end'], text: '## Windows line ends\nbody' },
    ]);
  });

  it('skips untitled sections and says so', () => {
    const { entries, problems } = parseAntiPatterns('## \nbody\n## The\nmore\n## Real one\ntext');
    expect(entries.map((e) => e.title)).toEqual(['Real one']);
    expect(problems).toEqual([
      'line 1: a `##` heading without a title; section skipped',
      'line 3: "The" has no usable word in its title or keywords; section skipped',
    ]);
  });

  it.each([
    ['prose without sections', 'Just some notes\n# A title\n### deeper', ['no `## Title` sections found']],
    ['an empty file', '', []],
    ['binary-looking bytes', '\u0000\u0001PNG\u0000', ['no `## Title` sections found']],
  ])('yields no entries for %s', (_label, text, problems) => {
    expect(parseAntiPatterns(text)).toEqual({ entries: [], problems });
  });
});
