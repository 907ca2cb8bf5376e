// The built prompt-context as Claude Code runs it: `node dist/prompt-context.cjs`, a
// UserPromptSubmit payload on stdin. Project, HOOKPACK_HOME (caches, telemetry) and the user
// config directory are temp dirs, so nothing on this machine changes an answer.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { spawnHook, type HookRun } from '../../lib/testing.ts';

const BUNDLE = fileURLToPath(new URL('../../dist/prompt-context.cjs', import.meta.url));
/** lib/cache/_stamp.ts distrusts stamps younger than 3 s: a directory listed sooner is not cached. */
const RACY_WINDOW_MS = 3000;

const CHECKS = [
  { keywords: ['migration', 'schema'], check: 'Run npm run db:check before committing a migration' },
  { keywords: ['release'], check: 'Releases are tagged by CI, never by hand' },
];
const ANTI_PATTERNS =
  '# Anti-patterns\n\n## Editing generated migrations\nKeywords: sql, schema\nGenerate a new migration instead.\n\n## Mocking the database\nUse the test container.\n';

let dir: string;
let project: string;
let home: string;
let userConfig: string;
let env: NodeJS.ProcessEnv;

beforeAll(() => {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run npm run build first`);
});
beforeEach(() => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'hookpack-prompt-context-')));
  project = join(dir, 'project');
  home = join(dir, 'hookpack-home');
  userConfig = join(dir, 'config');
  mkdirSync(join(project, '.claude', 'scratch'), { recursive: true });
  mkdirSync(userConfig);
  env = {
    HOME: join(dir, 'home'),
    XDG_CONFIG_HOME: join(dir, 'xdg'),
    HOOKPACK_CONFIG_DIR: userConfig,
    HOOKPACK_HOME: home,
    CLAUDE_PROJECT_DIR: project,
  };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const write = (path: string, text: string) => writeFileSync(join(project, path), text);
const run = (prompt: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<HookRun> =>
  spawnHook(
    BUNDLE,
    {
      session_id: '00000000-0000-4000-8000-000000000001',
      transcript_path: join(dir, 't.jsonl'),
      cwd: project,
      permission_mode: 'default',
      hook_event_name: 'UserPromptSubmit',
      prompt,
    },
    { cleanEnv: true, env: { ...env, ...extraEnv } },
  );
const answer = (context: string) =>
  `${JSON.stringify({ hookSpecificOutput: { hookEventName: 'UserPromptSubmit', additionalContext: context } })}\n`;
const telemetry = () =>
  readFileSync(join(home, 'telemetry.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { cacheHits: number; cacheMisses: number });

function writeAllSources(): void {
  write('.claude/knowledge-checks.json', JSON.stringify(CHECKS));
  write('.claude/anti-patterns.md', ANTI_PATTERNS);
  write('.claude/scratch/schema-migration-plan.md', '');
  write('.claude/scratch/release-checklist.md', '');
  const when = new Date('2026-11-02T12:00:00Z');
  utimesSync(join(project, '.claude/scratch/schema-migration-plan.md'), when, when);
}

describe('dist/prompt-context.cjs', () => {
  it('adds the relevant knowledge checks, anti-patterns and scratch files, each part labelled', async () => {
    writeAllSources();
    const result = await run('The schema migration for users fails, can you fix it?');
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      answer(
        [
          'Project notes matching this prompt:',
          'Knowledge checks (.claude/knowledge-checks.json):',
          '- Run npm run db:check before committing a migration',
          'Anti-patterns (.claude/anti-patterns.md):',
          '## Editing generated migrations\nGenerate a new migration instead.',
          'Scratch files (.claude/scratch):',
          '- .claude/scratch/schema-migration-plan.md (modified 2026-11-02)',
        ].join('\n'),
      ),
    );
  });

  it('prints nothing when nothing is relevant', async () => {
    writeAllSources();
    const result = await run('Rename the router component');
    expect([result.exitCode, result.stdout, result.stderr]).toEqual([0, '', '']);
  });

  it('prints nothing when the notes files are missing', async () => {
    rmSync(join(project, '.claude'), { recursive: true });
    const result = await run('The schema migration fails', { HOOKPACK_DEBUG: '1' });
    expect([result.exitCode, result.stdout]).toEqual([0, '']);
    expect(result.stderr).not.toMatch(/prompt-context: /);
  });

  it('keeps within the configured maxChars by dropping whole entries, most relevant kept', async () => {
    const checks = Array.from({ length: 30 }, (_, i) => ({
      keywords: i < 5 ? ['deploy', 'canary'] : ['deploy'],
      check: `Check ${i}: ${'x'.repeat(80)}`,
    }));
    write('.claude/knowledge-checks.json', JSON.stringify(checks));
    mkdirSync(join(project, '.claude/hookpack'));
    write('.claude/hookpack/prompt-context.json', JSON.stringify({ maxChars: 500 }));
    const result = await run('deploy the canary');
    const context = (result.json!.hookSpecificOutput as { additionalContext: string }).additionalContext;
    expect(context.length).toBeLessThanOrEqual(500);
    const entries = context.split('\n').filter((line) => line.startsWith('- '));
    expect(entries.map((line) => line.slice(0, 9))).toEqual(['- Check 0', '- Check 1', '- Check 2']);
    expect(entries.every((line) => line.endsWith('x'.repeat(80)))).toBe(true);
    expect(context.split('\n').at(-1)).toBe('(27 less relevant entries left out to stay within 500 characters)');
  });

  it('reads the paths a user config names, relative to the project', async () => {
    mkdirSync(join(project, 'docs'));
    write('docs/checks.json', JSON.stringify(CHECKS));
    writeFileSync(join(userConfig, 'prompt-context.json'), JSON.stringify({ knowledgeChecks: 'docs/checks.json' }));
    const result = await run('cut the release');
    expect(result.stdout).toBe(
      answer(
        'Project notes matching this prompt:\nKnowledge checks (docs/checks.json):\n- Releases are tagged by CI, never by hand',
      ),
    );
  });

  it('ignores a project config path that leads out of the project', async () => {
    writeFileSync(join(dir, 'outside.json'), JSON.stringify(CHECKS));
    mkdirSync(join(project, '.claude/hookpack'));
    write('.claude/hookpack/prompt-context.json', JSON.stringify({ knowledgeChecks: '../outside.json' }));
    const result = await run('cut the release', { HOOKPACK_DEBUG: '1' });
    expect([result.exitCode, result.stdout]).toEqual([0, '']);
    expect(result.stderr).toContain(
      'ignored `knowledgeChecks` "../outside.json": a project config may only name paths inside the project',
    );
  });

  it('does not list a scratch directory that is a committed symlink leading out of the project', async () => {
    mkdirSync(join(dir, 'outside'));
    writeFileSync(join(dir, 'outside', 'release-secret-plan.md'), '');
    rmSync(join(project, '.claude', 'scratch'), { recursive: true });
    symlinkSync('../../outside', join(project, '.claude', 'scratch'));
    const result = await run('prepare the release notes', { HOOKPACK_DEBUG: '1' });
    expect([result.exitCode, result.stdout]).toEqual([0, '']);
    expect(result.stderr).toContain(
      `${join(project, '.claude', 'scratch')} leads out of the project (to ${join(dir, 'outside')}); not read`,
    );
  });

  it('does not read a notes file that is a committed symlink leading out of the project', async () => {
    writeFileSync(join(dir, 'outside.json'), JSON.stringify(CHECKS));
    symlinkSync('../../outside.json', join(project, '.claude', 'knowledge-checks.json'));
    const result = await run('cut the release', { HOOKPACK_DEBUG: '1' });
    expect([result.exitCode, result.stdout]).toEqual([0, '']);
    expect(result.stderr).toContain('knowledge-checks.json leads out of the project');
  });

  it('follows a symlink that stays inside the project', async () => {
    mkdirSync(join(project, 'notes'));
    write('notes/release-plan.md', '');
    rmSync(join(project, '.claude', 'scratch'), { recursive: true });
    symlinkSync('../notes', join(project, '.claude', 'scratch'));
    const result = await run('the release');
    expect(result.stdout).toContain('.claude/scratch/release-plan.md');
  });

  it('lists a scratch directory the user config names outside the project: the user chose it', async () => {
    mkdirSync(join(dir, 'my-notes'));
    writeFileSync(join(dir, 'my-notes', 'release-plan.md'), '');
    writeFileSync(join(userConfig, 'prompt-context.json'), JSON.stringify({ scratchDir: join(dir, 'my-notes') }));
    const result = await run('the release');
    expect(result.stdout).toContain(`${join(dir, 'my-notes', 'release-plan.md')}`);
  });

  it.each([
    [
      'more than 5,000 entries',
      () => Array.from({ length: 5001 }, (_, i) => write(`.claude/scratch/n${i}.md`, '')),
      /holds more entries than the listing may read/,
    ],
    [
      'more than 8 levels',
      () => {
        const deep = '.claude/scratch/a/b/c/d/e/f/g/h/i';
        mkdirSync(join(project, deep), { recursive: true });
        write(`${deep}/release.md`, '');
      },
      /lies more than 8 levels deep/,
    ],
  ])('gives up listing a scratch directory with %s, and says so under HOOKPACK_DEBUG', async (_, make, message) => {
    write('.claude/scratch/release-plan.md', '');
    make();
    const result = await run('the release', { HOOKPACK_DEBUG: '1' });
    expect([result.exitCode, result.stdout]).toEqual([0, '']);
    expect(result.stderr).toMatch(message);
  });

  it('skips malformed JSON and Markdown, says why under HOOKPACK_DEBUG, and uses what is valid', async () => {
    write(
      '.claude/knowledge-checks.json',
      '[{"keywords": ["release"], "check": "Tag it"}, {"keywords": "migration"}, ',
    );
    write('.claude/anti-patterns.md', 'no sections, just release talk\n');
    write('.claude/scratch/release-notes.md', '');
    const result = await run('prepare the release', { HOOKPACK_DEBUG: '1' });
    expect(result.exitCode).toBe(0);
    const context = (result.json!.hookSpecificOutput as { additionalContext: string }).additionalContext;
    expect(context).toMatch(
      /^Project notes matching this prompt:\nScratch files \(\.claude\/scratch\):\n- \.claude\/scratch\/release-notes\.md \(modified \d{4}-\d\d-\d\d\)$/,
    );
    expect(result.stderr).toMatch(/knowledge-checks\.json: not valid JSON \(/);
    expect(result.stderr).toContain('anti-patterns.md: no `## Title` sections found');
  });

  it('skips a notes file over 1 MiB', async () => {
    write('.claude/knowledge-checks.json', JSON.stringify([{ keywords: ['release'], check: 'x'.repeat(1024 * 1024) }]));
    const result = await run('prepare the release', { HOOKPACK_DEBUG: '1' });
    expect([result.exitCode, result.stdout]).toEqual([0, '']);
    expect(result.stderr).toMatch(/knowledge-checks\.json is \d+ bytes, over the 1048576-byte limit; skipped/);
  });

  it('fails open, naming the file, when its config is not JSON', async () => {
    writeFileSync(join(userConfig, 'prompt-context.json'), '{ "maxChars": ');
    const result = await run('prepare the release');
    expect([result.exitCode, result.stdout]).toEqual([1, '']);
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(
        /^hookpack prompt-context failed open \(E_CONFIG: .*prompt-context\.json is not valid JSON/,
      ),
    ]);
  });

  it('serves a second run from the disk cache, and sees an edited file at once', async () => {
    writeAllSources();
    await new Promise((resolve) => setTimeout(resolve, RACY_WINDOW_MS + 200));
    const first = await run('The schema migration fails');
    const second = await run('Another schema migration question');
    expect(second.stdout).toBe(first.stdout);
    write(
      '.claude/knowledge-checks.json',
      JSON.stringify([{ keywords: ['schema'], check: 'Schema changes need a review' }]),
    );
    const third = await run('The schema migration fails');
    expect((third.json!.hookSpecificOutput as { additionalContext: string }).additionalContext).toContain(
      '- Schema changes need a review',
    );
    expect(telemetry().map(({ cacheHits, cacheMisses }) => ({ cacheHits, cacheMisses }))).toEqual([
      { cacheHits: 0, cacheMisses: 3 },
      { cacheHits: 3, cacheMisses: 0 },
      { cacheHits: 2, cacheMisses: 1 },
    ]);
  });
});
