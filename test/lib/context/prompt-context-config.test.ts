import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConfigLayer } from '../../../lib/config.ts';
import { resolvePromptContextConfig } from '../../../lib/context/prompt-context-config.ts';

const project = '/home/u/proj';
const user = (data: Record<string, unknown>): ConfigLayer => ({
  scope: 'user',
  path: '/home/u/.config/hookpack/prompt-context.json',
  data,
});
const projectLayer = (data: Record<string, unknown>): ConfigLayer => ({
  scope: 'project',
  path: join(project, '.claude/hookpack/prompt-context.json'),
  data,
});

describe('resolvePromptContextConfig', () => {
  it('defaults to the .claude paths of the project and 4,000 characters', () => {
    expect(resolvePromptContextConfig([], project)).toEqual({
      scratchDir: '/home/u/proj/.claude/scratch',
      knowledgeChecks: '/home/u/proj/.claude/knowledge-checks.json',
      antiPatterns: '/home/u/proj/.claude/anti-patterns.md',
      maxChars: 4000,
    });
  });

  it('resolves paths against the project, the project layer over the user layer', () => {
    const config = resolvePromptContextConfig(
      [
        user({ scratchDir: '/srv/scratch', maxChars: 2000, antiPatterns: 'docs/a.md' }),
        projectLayer({ antiPatterns: 'docs/anti.md' }),
      ],
      project,
    );
    expect(config).toEqual({
      scratchDir: '/srv/scratch',
      knowledgeChecks: '/home/u/proj/.claude/knowledge-checks.json',
      antiPatterns: '/home/u/proj/docs/anti.md',
      maxChars: 2000,
    });
  });

  it('ignores a project path that leads out of the project, and says so', () => {
    const notes: string[] = [];
    const config = resolvePromptContextConfig(
      [projectLayer({ knowledgeChecks: '../../.ssh/id_rsa', antiPatterns: '/etc/passwd' })],
      project,
      (m) => notes.push(m),
    );
    expect(config.knowledgeChecks).toBe('/home/u/proj/.claude/knowledge-checks.json');
    expect(config.antiPatterns).toBe('/home/u/proj/.claude/anti-patterns.md');
    expect(notes).toEqual([
      `${project}/.claude/hookpack/prompt-context.json: ignored \`knowledgeChecks\` "../../.ssh/id_rsa": a project config may only name paths inside the project`,
      `${project}/.claude/hookpack/prompt-context.json: ignored \`antiPatterns\` "/etc/passwd": a project config may only name paths inside the project`,
    ]);
  });

  it.each([
    [{ maxChars: 50 }, '`maxChars` must be a whole number from 200 to 9500, got 50'],
    [{ maxChars: '4000' }, '`maxChars` must be a whole number from 200 to 9500, got "4000"'],
    [{ scratchDir: '' }, '`scratchDir` must be a non-empty path string, got ""'],
    [
      { antiPattern: 'x.md' },
      'unknown key `antiPattern`; valid keys: `scratchDir`, `knowledgeChecks`, `antiPatterns`, `maxChars`',
    ],
  ])('rejects %j with E_CONFIG naming the file', (data, problem) => {
    expect(() => resolvePromptContextConfig([user(data)], project)).toThrow(
      expect.objectContaining({
        code: 'E_CONFIG',
        message: `/home/u/.config/hookpack/prompt-context.json: ${problem}; fix or remove it`,
      }),
    );
  });
});
