import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearMemoryCache } from '../../../lib/cache/index.ts';
import { resetHookpackHome } from '../../../lib/home.ts';
import { resolvePromptContextConfig } from '../../../lib/context/prompt-context-config.ts';
import { MAX_NOTES_FILE_BYTES, promptNotes } from '../../../lib/context/prompt-notes.ts';

let root: string;
let project: string;
let savedHome: string | undefined;
const notes: string[] = [];
const debug = (message: string) => notes.push(message);
const config = (maxChars = 4000) => ({ ...resolvePromptContextConfig([], project), maxChars });
const write = (path: string, text: string) => writeFileSync(join(project, path), text);

const CHECKS = [
  { keywords: ['migration', 'schema'], check: 'Run npm run db:check before committing a migration' },
  { keywords: ['release'], check: 'Releases are tagged by CI, never by hand' },
  { keywords: ['migration'], check: 'Migrations need a down step' },
];
const ANTI =
  '# Anti-patterns\n\n## Editing generated migrations\nKeywords: sql\nGenerate a new migration instead.\n\n## Mocking the database\nUse the test container.\n';

beforeEach(() => {
  savedHome = process.env.HOOKPACK_HOME;
  root = mkdtempSync(join(tmpdir(), 'hookpack-prompt-notes-'));
  project = join(root, 'project');
  process.env.HOOKPACK_HOME = join(root, 'home');
  resetHookpackHome();
  clearMemoryCache();
  mkdirSync(join(project, '.claude', 'scratch', 'old'), { recursive: true });
  notes.length = 0;
});
afterEach(() => {
  process.env.HOOKPACK_HOME = savedHome;
  resetHookpackHome();
  clearMemoryCache();
  rmSync(root, { recursive: true, force: true });
});

describe('promptNotes', () => {
  it('gives the relevant entries of every source, labelled, most relevant first', () => {
    write('.claude/knowledge-checks.json', JSON.stringify(CHECKS));
    write('.claude/anti-patterns.md', ANTI);
    write('.claude/scratch/schema-migration-plan.md', 'x');
    write('.claude/scratch/release.md', 'x');
    utimesSync(
      join(project, '.claude/scratch/schema-migration-plan.md'),
      new Date('2026-01-02T00:00:00Z'),
      new Date('2026-01-02T00:00:00Z'),
    );
    const result = promptNotes('Please write the schema migration for users', config(), project, debug);
    expect(result?.text).toBe(
      [
        'Project notes matching this prompt:',
        'Knowledge checks (.claude/knowledge-checks.json):',
        '- Run npm run db:check before committing a migration',
        '- Migrations need a down step',
        'Anti-patterns (.claude/anti-patterns.md):',
        '## Editing generated migrations\nGenerate a new migration instead.',
        'Scratch files (.claude/scratch):',
        '- .claude/scratch/schema-migration-plan.md (modified 2026-01-02)',
      ].join('\n'),
    );
    expect(notes).toEqual([]);
  });

  it('gives nothing when nothing is relevant, or the prompt has no words worth matching', () => {
    write('.claude/knowledge-checks.json', JSON.stringify(CHECKS));
    expect(promptNotes('refactor the router', config(), project, debug)).toBeUndefined();
    expect(promptNotes('yes, do it', config(), project, debug)).toBeUndefined();
  });

  it('gives nothing, and says nothing, when no source exists', () => {
    rmSync(join(project, '.claude'), { recursive: true });
    expect(promptNotes('schema migration', config(), project, debug)).toBeUndefined();
    expect(notes).toEqual([]);
  });

  it('lists the whole scratch area, newest first, when the prompt asks about the notes', () => {
    for (const [name, day] of [
      ['a.md', 1],
      ['b.md', 3],
      ['old/c.md', 2],
      ['.hidden.md', 4],
    ] as const) {
      write(`.claude/scratch/${name}`, 'x');
      const when = new Date(`2026-01-0${day}T00:00:00Z`);
      utimesSync(join(project, '.claude/scratch', name), when, when);
    }
    expect(promptNotes('what is in my scratch notes?', config(), project, debug)?.text).toBe(
      'Project notes matching this prompt:\nScratch files (.claude/scratch):\n- .claude/scratch/b.md (modified 2026-01-03)\n- .claude/scratch/old/c.md (modified 2026-01-02)\n- .claude/scratch/a.md (modified 2026-01-01)',
    );
  });

  it('keeps at most 20 scratch files', () => {
    for (let i = 0; i < 30; i++) write(`.claude/scratch/note-${i}.md`, 'x');
    expect(
      promptNotes('scratch', config(), project, debug)
        ?.text.split('\n')
        .filter((l) => l.startsWith('- ')),
    ).toHaveLength(20);
  });

  it('drops whole entries, least relevant first, to stay within maxChars', () => {
    const checks = Array.from({ length: 40 }, (_, i) => ({
      keywords: i % 2 ? ['deploy'] : ['deploy', 'canary'],
      check: `Check ${i}: ${'x'.repeat(60)}`,
    }));
    write('.claude/knowledge-checks.json', JSON.stringify(checks));
    const result = promptNotes('deploy the canary', config(600), project, debug);
    expect(result?.text.length).toBeLessThanOrEqual(600);
    const lines = result?.text.split('\n') ?? [];
    expect(lines.filter((l) => l.startsWith('- ')).every((l) => /^- Check \d*[02468]: x{60}$/.test(l))).toBe(true);
    expect(lines.at(-1)).toMatch(/^\(\d+ less relevant entries left out to stay within 600 characters\)$/);
  });

  it('skips a malformed file, says why under debug, and still uses the others', () => {
    write('.claude/knowledge-checks.json', '[{"keywords": ["migration"], "check": ');
    write('.claude/anti-patterns.md', ANTI);
    expect(promptNotes('fix the migration', config(), project, debug)?.text).toBe(
      'Project notes matching this prompt:\nAnti-patterns (.claude/anti-patterns.md):\n## Editing generated migrations\nGenerate a new migration instead.',
    );
    expect(notes).toEqual([expect.stringMatching(/knowledge-checks\.json: not valid JSON \(/)]);
  });

  it('skips a file over the size limit and a directory where a file belongs', () => {
    write(
      '.claude/knowledge-checks.json',
      JSON.stringify([{ keywords: ['migration'], check: 'x'.repeat(MAX_NOTES_FILE_BYTES) }]),
    );
    mkdirSync(join(project, '.claude/anti-patterns.md'));
    expect(promptNotes('fix the migration', config(), project, debug)).toBeUndefined();
    expect(notes).toEqual([
      expect.stringMatching(/knowledge-checks\.json is \d+ bytes, over the 1048576-byte limit; skipped/),
      expect.stringMatching(/anti-patterns\.md is not a file; skipped$/),
    ]);
  });

  it('reads configured paths', () => {
    mkdirSync(join(project, 'docs'));
    write('docs/checks.json', JSON.stringify(CHECKS));
    const custom = resolvePromptContextConfig(
      [
        {
          scope: 'project',
          path: join(project, '.claude/hookpack/prompt-context.json'),
          data: { knowledgeChecks: 'docs/checks.json' },
        },
      ],
      project,
    );
    expect(promptNotes('cut a release', custom, project, debug)?.text).toBe(
      'Project notes matching this prompt:\nKnowledge checks (docs/checks.json):\n- Releases are tagged by CI, never by hand',
    );
  });
});

describe('promptNotes on a long prompt', () => {
  it('matches only the first 20,000 characters', () => {
    write('.claude/knowledge-checks.json', JSON.stringify(CHECKS));
    expect(promptNotes(`${'log line '.repeat(2500)} release`, config(), project, debug)).toBeUndefined();
    expect(promptNotes(`release ${'log line '.repeat(2500)}`, config(), project, debug)?.text).toContain(
      'Releases are tagged by CI',
    );
  });
});
