import { isAbsolute, relative } from 'node:path';
import { inCommittedFile } from './committed.ts';
import { at, type DoctorContext, type Finding } from './finding.ts';
import type { HookProgram } from './hook-program.ts';

const inside = (dir: string, path: string) => {
  const rel = relative(dir, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
};

/** The paths a command line names, as written (not from a variable), each with whether it is the interpreter. */
function writtenPaths(program: HookProgram, raw: string): { path: string; interpreter: boolean }[] {
  const found: { path: string; interpreter: boolean }[] = [];
  const word = program.program;
  // Expanded words hold $CLAUDE_PROJECT_DIR's value: only a path the raw text spells out was written absolute.
  if (word !== undefined && !word.unresolved && isAbsolute(word.text) && raw.includes(word.text))
    found.push({ path: word.text, interpreter: program.interpreter !== undefined && program.family !== 'other' });
  const script = program.script;
  if (script !== undefined && !script.unresolved && isAbsolute(script.written) && raw.includes(script.written))
    found.push({ path: script.written, interpreter: false });
  return found;
}

/**
 * Absolute paths of this machine in a committed settings file: inside the project (another clone
 * lives elsewhere) or under the home directory (a pyenv interpreter, a script in ~/bin). They
 * work here and nowhere else; system paths (/usr/bin/python3) are left alone.
 */
export function checkMachinePaths(context: DoctorContext): Finding[] {
  const findings: Finding[] = [];
  for (const analyzed of context.hooks) {
    const { hook } = analyzed;
    if (!inCommittedFile(hook, context.io.env, context.home)) continue;
    const raw = hook.args === undefined ? hook.command : [hook.command, ...hook.args].join(' ');
    const programs = [analyzed.program, ...(analyzed.program.more ?? [])];
    for (const { path, interpreter } of programs.flatMap((program) => writtenPaths(program, raw))) {
      const projectVar = hook.args === undefined ? '"$CLAUDE_PROJECT_DIR"' : '${CLAUDE_PROJECT_DIR}';
      let fix: string | undefined;
      if (inside(context.project, path)) fix = `write it as ${projectVar}/${relative(context.project, path)}`;
      else if (inside(context.home, path)) {
        fix = interpreter
          ? `write the bare interpreter name (looked up on PATH on each machine), or move this hook to .claude/settings.local.json or ~/.claude/settings.json, which are yours alone`
          : `commit the file with the project and write it as ${projectVar}/<path in the project>, or move this hook to .claude/settings.local.json or ~/.claude/settings.json, which are yours alone`;
      }
      if (fix === undefined) continue;
      findings.push({
        severity: 'warning',
        code: 'machine-path',
        message: `\`${path}\` is a path on this machine (${inside(context.project, path) ? 'this clone of the project' : 'your home directory'}) in a settings file meant to be committed: on every other clone the hook fails to start`,
        fix,
        ...at(hook),
      });
    }
  }
  return findings;
}
