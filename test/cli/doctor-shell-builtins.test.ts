// doctor on command lines that start with shell builtins or keywords: `cd`, `export`, `if`, `echo`
// are no programs on PATH; the command after `&&`, `;` or `||` is the one to check. `source` and
// `[[` are bash's, and Claude Code runs hooks with /bin/sh (dash on Debian and Ubuntu).
import { realpathSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { doctor } from '../../cli/commands/doctor.ts';
import { readHookProgram } from '../../cli/doctor/hook-program.ts';
import type { Finding } from '../../cli/doctor/finding.ts';
import { cleanEnv, runCli, tempDir, writeFile } from './_helpers.ts';

const { dir, cleanup } = tempDir('doctor-builtins');
afterAll(cleanup);
const bin = join(dir, 'bin');
const env = cleanEnv(dir, { PATH: `${bin}:${dirname(process.execPath)}:/usr/bin:/bin` });
writeFile(join(bin, 'npm'), '#!/bin/sh\nexit 0\n', 0o755);

const findingsFor = async (command: string) => {
  const settings = writeFile(
    join(dir, 'settings.json'),
    JSON.stringify({ hooks: { Stop: [{ hooks: [{ type: 'command', command, timeout: 5 }] }] } }),
  );
  const run = await runCli([doctor], ['doctor', '--settings', settings, '--json'], { cwd: dir, env });
  return (JSON.parse(run.stdout) as { findings: Finding[] }).findings;
};
const codes = async (command: string) => (await findingsFor(command)).map((f) => f.code);

describe('hookpack doctor and shell builtins', () => {
  it.each([
    'cd "$CLAUDE_PROJECT_DIR" && npm run lint',
    'if [ -f package.json ]; then npm test; fi',
    'export A=1; echo "$A"',
    'true',
    'set -e; cd /tmp || exit 0; npm run check 2>/dev/null',
    '! command -v jq >/dev/null || npm run jq-check',
    'for f in a b; do echo "$f"; done',
    'unset NODE_EXTRA_CA_CERTS; cd .. && npm test',
  ])('reports nothing for `%s`', async (command) => {
    expect(await codes(command)).toEqual([]);
  });

  it.each([
    ['cd "$CLAUDE_PROJECT_DIR" && no-such-linter --fix', '`no-such-linter` is not on PATH'],
    ['if true; then no-such-linter; fi', '`no-such-linter` is not on PATH'],
    ['export A=1; ./scripts/missing.sh', `${join(dir, 'scripts', 'missing.sh')} does not exist`],
    ['npm test || no-such-fallback', '`no-such-fallback` is not on PATH'],
  ])('checks the command after the builtins: `%s`', async (command, message) => {
    const findings = await findingsFor(command);
    expect(findings.filter((f) => f.severity === 'error').map((f) => f.message)).toEqual([
      expect.stringContaining(message),
    ]);
  });

  it('resolves relative paths from where a `cd` went, without a relative-path warning', async () => {
    writeFile(join(dir, 'project', 'hooks', 'check.sh'), '#!/bin/sh\nexit 0\n', 0o755);
    expect(await codes(`cd ${join(dir, 'project')} && ./hooks/check.sh`)).toEqual([]);
    expect((await findingsFor(`cd ${join(dir, 'project')} && ./hooks/gone.sh`)).map((f) => f.message)).toEqual([
      expect.stringContaining(`${join(dir, 'project', 'hooks', 'gone.sh')} does not exist`),
    ]);
    // Where `cd $SOMEWHERE` goes is unknown: the path is not checked, and not guessed.
    expect(await codes('cd "$SOMEWHERE" && ./hooks/x.sh')).toEqual(['unchecked']);
  });

  it.each([
    ['source ~/.profile && npm test', 'source', 'write `. FILE` (the POSIX spelling) instead of `source FILE`'],
    [
      '[[ -f package.json ]] && npm test',
      '[[',
      "write `[ … ]` (or `test …`) instead of `[[ … ]]`, or run the line with `bash -c '…'`",
    ],
  ])('says specifically that `%s` fails in dash', async (command, word, fix) => {
    const dash = basename(realpathSync('/bin/sh')).includes('dash');
    const findings = await findingsFor(command);
    expect(findings).toEqual([
      expect.objectContaining({ code: 'not-in-dash', severity: dash ? 'error' : 'warning', fix }),
    ]);
    expect(findings[0]?.message).toContain(`dash says \`${word}: not found\` and that command fails with exit 127`);
  });

  it('analyses every command of a list, keeping the first program as the one that runs', () => {
    const program = readHookProgram(
      { command: 'cd "$CLAUDE_PROJECT_DIR" && node dist/x.cjs; python3 tools/y.py' },
      { CLAUDE_PROJECT_DIR: '/p', PATH: '/usr/bin:/bin' },
      '/p',
      '/h',
    );
    expect(program).toMatchObject({ family: 'node', script: { path: '/p/dist/x.cjs' }, afterCd: true });
    expect(program.more?.map((p) => p.script?.path)).toEqual(['/p/tools/y.py']);
    expect(readHookProgram({ command: 'export A=1; echo hi' }, {}, '/p', '/h')).toMatchObject({
      program: undefined,
      builtinsOnly: true,
    });
  });
});
