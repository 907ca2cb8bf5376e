// doctor on settings files Claude Code cannot use as a whole, or may reject: a top-level array
// or string (error), a directory where the file should be (error, "is a directory"), comments
// (warning, as install warns), bytes that are not UTF-8 (warning).
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
  return { code: run.code, findings: (JSON.parse(run.stdout) as { findings: Finding[] }).findings.filter((f) => f.code !== 'no-hooks') };
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
    expect(findings).toEqual([expect.objectContaining({ severity: 'error', code: 'settings-invalid', layer: 'project' })]);
    expect(findings[0]?.message).toBe(`${join(project, '.claude', 'settings.json')}: the top level must be a JSON object, found ${found}; Claude Code skips what it cannot parse, so these hooks never run`);
  });

  it('says a settings path that is a directory "is a directory"', async () => {
    const project = join(dir, 'eisdir');
    mkdirSync(join(project, '.claude', 'settings.local.json'), { recursive: true });
    const { code, findings } = await doctorIn(project);
    expect(code).toBe(1);
    expect(findings).toEqual([expect.objectContaining({ severity: 'error', code: 'settings-invalid', layer: 'local' })]);
    expect(findings[0]?.message).toMatch(/settings\.local\.json: is a directory, not a settings file;/);
  });

  it('warns about comments, as install does, saying where the first one is', async () => {
    const project = join(dir, 'comments');
    writeFile(join(project, '.claude', 'settings.json'), '{\n  "model": "opus" // the big one\n}\n');
    const { code, findings } = await doctorIn(project);
    expect(code).toBe(0);
    expect(findings).toEqual([expect.objectContaining({ severity: 'warning', code: 'settings-comments', layer: 'project', message: 'comments (the first at 2:19) are not JSON: Claude Code reads settings as JSON and may reject the whole file' })]);
  });

  it('warns about bytes that are not UTF-8', async () => {
    const project = join(dir, 'latin1');
    writeFile(join(project, '.claude', 'settings.json'), '');
    writeFileSync(join(project, '.claude', 'settings.json'), Buffer.concat([Buffer.from('{ "env": { "A": "caf'), Buffer.from([0xe9]), Buffer.from('" } }\n')]));
    const { findings } = await doctorIn(project);
    expect(findings).toEqual([expect.objectContaining({ severity: 'warning', code: 'settings-not-utf8' })]);
    expect(findings[0]?.message).toMatch(/^line 1, byte 21: byte 0xe9 is not UTF-8/);
  });
});
