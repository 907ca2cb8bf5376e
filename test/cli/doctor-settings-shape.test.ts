// doctor on settings files Claude Code cannot use as a whole, or may reject: a top-level array
// or string (error), a directory where the file should be (error, "is a directory"), comments
// and trailing commas (error: Claude Code 2.1.329 ignores the whole file), bytes that are not
// UTF-8 (warning).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { doctor } from '../../cli/commands/doctor.ts';
import type { Finding } from '../../cli/doctor/finding.ts';
import { cleanEnv, runCli, tempDir, writeFile } from './_helpers.ts';

const { dir, cleanup } = tempDir('doctor-shape');
afterAll(cleanup);
const env = cleanEnv(dir);

const doctorIn = async (project: string) => {
  const run = await runCli([doctor], ['doctor', '--json'], { cwd: project, env });
  return {
    code: run.code,
    findings: (JSON.parse(run.stdout) as { findings: Finding[] }).findings.filter((f) => f.code !== 'no-hooks'),
  };
};

describe('hookpack doctor on the shape of a settings file', () => {
  it.each([
    ['an array', '[{ "hooks": {} }]\n', 'an array'],
    ['a string', '"hooks"\n', 'a string'],
  ])('reports a top level that is %s as an error', async (_name, text, found) => {
    const project = join(dir, `top-${found.replace(' ', '-')}`);
    writeFile(join(project, '.claude', 'settings.json'), text);
    const { code, findings } = await doctorIn(project);
    expect(code).toBe(1);
    expect(findings).toEqual([
      expect.objectContaining({ severity: 'error', code: 'settings-invalid', layer: 'project' }),
    ]);
    expect(findings[0]?.message).toBe(
      `${join(project, '.claude', 'settings.json')}: the top level must be a JSON object, found ${found}; Claude Code skips what it cannot parse, so these hooks never run`,
    );
  });

  it('says a settings path that is a directory "is a directory"', async () => {
    const project = join(dir, 'eisdir');
    mkdirSync(join(project, '.claude', 'settings.local.json'), { recursive: true });
    const { code, findings } = await doctorIn(project);
    expect(code).toBe(1);
    expect(findings).toEqual([
      expect.objectContaining({ severity: 'error', code: 'settings-invalid', layer: 'local' }),
    ]);
    expect(findings[0]?.message).toMatch(/settings\.local\.json: is a directory, not a settings file;/);
  });

  it.each([
    ['a line comment', '{\n  "model": "opus" // the big one\n}\n', 'settings-comments', '2:19: a comment'],
    ['a block comment', '/* mine */ {"model": "opus"}\n', 'settings-comments', '1:1: a comment'],
    ['a trailing comma', '{\n  "model": "opus",\n}\n', 'settings-trailing-comma', '2:18: a trailing comma'],
  ])(
    'reports %s as an error, as install refuses it: Claude Code ignores the whole file',
    async (name, text, code, start) => {
      const project = join(dir, code + name.length);
      writeFile(join(project, '.claude', 'settings.json'), text);
      const { code: exit, findings } = await doctorIn(project);
      expect(exit).toBe(1);
      expect(findings).toEqual([expect.objectContaining({ severity: 'error', code, layer: 'project' })]);
      expect(findings[0]?.message).toMatch(
        new RegExp(`^${start}: Claude Code reads settings as strict JSON and ignores a file with`),
      );
    },
  );

  it('warns about bytes that are not UTF-8', async () => {
    const project = join(dir, 'latin1');
    writeFile(join(project, '.claude', 'settings.json'), '');
    writeFileSync(
      join(project, '.claude', 'settings.json'),
      Buffer.concat([Buffer.from('{ "env": { "A": "caf'), Buffer.from([0xe9]), Buffer.from('" } }\n')]),
    );
    const { findings } = await doctorIn(project);
    expect(findings).toEqual([expect.objectContaining({ severity: 'warning', code: 'settings-not-utf8' })]);
    expect(findings[0]?.message).toMatch(/^line 1, byte 21: byte 0xe9 is not UTF-8/);
  });
});
