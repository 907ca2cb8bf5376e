// What doctor reads out of a hook's command line: program, interpreter, script, with expansions.
import { describe, expect, it } from 'vitest';
import { readHookProgram } from '../../cli/doctor/hook-program.ts';

const vars = { CLAUDE_PROJECT_DIR: '/p', HOME: '/h', PATH: '/usr/bin:/bin' };
const parse = (command: string, args?: string[]) =>
  readHookProgram(args === undefined ? { command } : { command, args }, vars, '/p', '/h');

describe('readHookProgram', () => {
  it.each([
    ['node "$CLAUDE_PROJECT_DIR"/dist/a.cjs', 'node', '/p/dist/a.cjs'],
    ['node ${CLAUDE_PROJECT_DIR}/dist/a.cjs', 'node', '/p/dist/a.cjs'],
    ["python3 -u '$CLAUDE_PROJECT_DIR/x.py'", 'python', '/p/$CLAUDE_PROJECT_DIR/x.py'],
    ['python3 -X importtime ~/hooks/x.py --flag', 'python', '/h/hooks/x.py'],
    ['sh ./hooks/x.sh && echo done', 'shell', '/p/hooks/x.sh'],
    ['FOO=1 env -u NODE_EXTRA_CA_CERTS node --require ./r.cjs hooks/x.cjs', 'node', '/p/hooks/x.cjs'],
    ['timeout 5 bash -- /abs/x.sh', 'shell', '/abs/x.sh'],
  ])('%s runs a %s script at %s', (command, family, script) => {
    const program = parse(command);
    expect(program.family).toBe(family);
    expect(program.script?.path).toBe(script);
  });

  it.each(['python3 -c "import sys"', 'node -e 0', 'bash -ec "true"', 'python3 -m tool'])(
    'sees no file to check in inline code: %s',
    (command) => {
      const program = parse(command);
      expect(program.inline).toBe(true);
      expect(program.script).toBeUndefined();
    },
  );

  it('treats a bare path as the program and resolves it against the project', () => {
    const program = parse('"$CLAUDE_PROJECT_DIR"/.claude/hooks/x.sh --fast');
    expect(program).toMatchObject({ programIsPath: true, programPath: '/p/.claude/hooks/x.sh' });
  });

  it('marks words with variables it cannot expand instead of guessing', () => {
    expect(parse('$PLUGIN_ROOT/run.sh').program?.unresolved).toBe(true);
    expect(parse('node $(pwd)/x.cjs').script?.unresolved).toBe(true);
  });

  it('substitutes only ${NAME} placeholders in exec form, with no shell and no ~', () => {
    const program = parse('node', ['${CLAUDE_PROJECT_DIR}/dist/a.cjs']);
    expect(program.script?.path).toBe('/p/dist/a.cjs');
    expect(parse('node', ['~/a.cjs']).script?.path).toBe('/p/~/a.cjs');
  });

  it('notices when the command drops NODE_EXTRA_CA_CERTS', () => {
    expect(parse('env -u NODE_EXTRA_CA_CERTS node /a.cjs').unsetsCaCerts).toBe(true);
    expect(parse('node /a.cjs').unsetsCaCerts).toBe(false);
  });
});
