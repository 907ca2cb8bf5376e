import { accessSync, constants, existsSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { consequence, missingScriptExit } from './consequence.ts';
import { at, type AnalyzedHook, type DoctorContext, type Finding } from './finding.ts';
import { isExecutableFile } from './which.ts';

// A missing file makes a hook either fail open silently (exit 1/126/127: a guard with a typo'd path
// checks nothing) or block everything (exit 2 from python3, dash, perl): errors either way.

function readable(path: string): boolean {
  try {
    accessSync(path, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

const buildHint = (path: string) => (/\/dist\/[^/]+\.cjs$/.test(path) ? '; if it is a hookpack bundle, run `npm run build`' : '');

function relativeWarning({ hook }: AnalyzedHook, written: string): Finding {
  const fixed = hook.args === undefined ? `"$CLAUDE_PROJECT_DIR"/${written.replace(/^\.\//, '')}` : `\${CLAUDE_PROJECT_DIR}/${written.replace(/^\.\//, '')}`;
  return {
    severity: 'warning',
    code: 'relative-path',
    message: `\`${written}\` is relative: hooks run in Claude's current directory, which follows \`cd\`, so the file goes missing as soon as Claude changes directory`,
    fix: `write it as ${fixed}`,
    ...at(hook),
  };
}

function checkOne(analyzed: AnalyzedHook): Finding[] {
  const { hook, program } = analyzed;
  const word = program.program;
  if (word === undefined) {
    return [{ severity: 'warning', code: 'no-program', message: 'cannot tell which program this command runs', fix: 'start the command with the program or interpreter to run', ...at(hook) }];
  }
  if (word.unresolved) {
    return [{ severity: 'info', code: 'unchecked', message: `\`${word.text}\` uses a variable that is not set here, so its file was not checked`, fix: 'set the variable in the environment Claude Code starts from, or write the path out', ...at(hook) }];
  }
  const findings: Finding[] = [];
  if (program.programIsPath) {
    const path = program.programPath as string;
    if (!existsSync(path)) {
      findings.push({ severity: 'error', code: 'missing-file', message: `${path} does not exist: ${consequence(127, hook.event)}`, fix: `correct the path in the settings file${buildHint(path)}`, ...at(hook) });
    } else if (!isExecutableFile(path)) {
      findings.push({ severity: 'error', code: 'not-executable', message: `${path} is not executable: ${consequence(126, hook.event)}`, fix: `chmod +x ${path}, or run it through its interpreter (e.g. \`sh ${path}\`)`, ...at(hook) });
    }
    if (!isAbsolute(word.text)) findings.push(relativeWarning(analyzed, word.text));
  } else if (program.programPath === undefined) {
    findings.push({ severity: 'error', code: 'command-not-found', message: `\`${word.text}\` is not on PATH: ${consequence(127, hook.event)}`, fix: `install ${word.text}, or write its absolute path (Claude Code's PATH is the one it was started with)`, ...at(hook) });
  }
  const script = program.script;
  if (script !== undefined && !script.unresolved) {
    if (!existsSync(script.path)) {
      findings.push({ severity: 'error', code: 'missing-file', message: `${script.path} does not exist: ${consequence(missingScriptExit(program), hook.event)}`, fix: `correct the path in the settings file${buildHint(script.path)}`, ...at(hook) });
    } else if (!readable(script.path)) {
      findings.push({ severity: 'error', code: 'not-readable', message: `${script.path} is not readable by you`, fix: `chmod u+r ${script.path}`, ...at(hook) });
    }
    if (!isAbsolute(script.written)) findings.push(relativeWarning(analyzed, script.written));
  } else if (script?.unresolved) {
    findings.push({ severity: 'info', code: 'unchecked', message: `\`${script.written}\` uses a variable that is not set here, so the file was not checked`, fix: 'set the variable in the environment Claude Code starts from, or write the path out', ...at(hook) });
  }
  return findings;
}

/** Hook commands whose program or script is missing, not executable, or not on PATH; relative paths. */
export function checkFiles(context: DoctorContext): Finding[] {
  return context.hooks.flatMap(checkOne);
}
