import { accessSync, constants, existsSync, realpathSync } from 'node:fs';
import { basename, isAbsolute } from 'node:path';
import { inCommittedFile } from './committed.ts';
import { consequence, missingScriptExit } from './consequence.ts';
import { at, type AnalyzedHook, type DoctorContext, type Finding } from './finding.ts';
import type { HookProgram } from './hook-program.ts';
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

const buildHint = (path: string) =>
  /\/dist\/[^/]+\.cjs$/.test(path) ? '; if it is a hookpack bundle, run `npm run build`' : '';

/** Whether /bin/sh, which Claude Code runs command hooks with, is dash here. */
function shIsDash(): boolean {
  try {
    return basename(realpathSync('/bin/sh')).includes('dash');
  } catch {
    return false;
  }
}

const BASHISM_FIX: Record<string, string> = {
  source: 'write `. FILE` (the POSIX spelling) instead of `source FILE`',
  '[[': "write `[ … ]` (or `test …`) instead of `[[ … ]]`, or run the line with `bash -c '…'`",
};

/** `source` and `[[` are bash's: dash says `not found` and exits 127. */
function bashismFindings({ hook, program }: AnalyzedHook, dash: boolean): Finding[] {
  return [...new Set(program.bashisms ?? [])].map((word) => ({
    severity: dash ? ('error' as const) : ('warning' as const),
    code: 'not-in-dash',
    message: `\`${word}\` is ${word === '[[' ? 'bash syntax' : 'a bash builtin'}, and Claude Code runs command hooks with /bin/sh, ${dash ? 'which is dash here' : 'which is dash on Debian and Ubuntu (here it is not)'}: dash says \`${word}: not found\` and that command fails with exit 127, so whatever is joined to it with && never runs (a guard fails open)`,
    fix: BASHISM_FIX[word] ?? 'use the POSIX form, or run the line with `bash -c`',
    ...at(hook),
  }));
}

function relativeWarning({ hook }: AnalyzedHook, written: string): Finding {
  const fixed =
    hook.args === undefined
      ? `"$CLAUDE_PROJECT_DIR"/${written.replace(/^\.\//, '')}`
      : `\${CLAUDE_PROJECT_DIR}/${written.replace(/^\.\//, '')}`;
  return {
    severity: 'warning',
    code: 'relative-path',
    message: `\`${written}\` is relative: hooks run in Claude's current directory, which follows \`cd\`, so the file goes missing as soon as Claude changes directory`,
    fix: `write it as ${fixed}`,
    ...at(hook),
  };
}

function checkOne(analyzed: AnalyzedHook, committed: boolean): Finding[] {
  const { hook, program } = analyzed;
  const word = program.program;
  if (word === undefined) {
    // Only builtins (`export A=1; echo hi`): the shell has them all, nothing to look up.
    if (program.builtinsOnly) return [];
    return [
      {
        severity: 'warning',
        code: 'no-program',
        message: 'cannot tell which program this command runs',
        fix: 'start the command with the program or interpreter to run',
        ...at(hook),
      },
    ];
  }
  if (word.unresolved) {
    return [
      {
        severity: 'info',
        code: 'unchecked',
        message: `\`${word.text}\` uses a variable that is not set here, so its file was not checked`,
        fix: 'set the variable in the environment Claude Code starts from, or write the path out',
        ...at(hook),
      },
    ];
  }
  const findings: Finding[] = [];
  if (program.programIsPath) {
    const path = program.programPath as string;
    if (!existsSync(path)) {
      findings.push({
        severity: 'error',
        code: 'missing-file',
        message: `${path} does not exist: ${consequence(127, hook.event)}`,
        fix: `correct the path in the settings file${buildHint(path)}`,
        ...at(hook),
      });
    } else if (!isExecutableFile(path)) {
      findings.push({
        severity: 'error',
        code: 'not-executable',
        message: `${path} is not executable: ${consequence(126, hook.event)}`,
        fix: `chmod +x ${path}, or run it through its interpreter (e.g. \`sh ${path}\`)`,
        ...at(hook),
      });
    }
    if (!isAbsolute(word.text) && !program.afterCd) findings.push(relativeWarning(analyzed, word.text));
  } else if (program.programPath === undefined) {
    const fix = committed
      ? `install ${word.text} on every machine that uses this project (it is looked up on PATH), or commit it with the project and write it as "$CLAUDE_PROJECT_DIR"/<path>; an absolute path of this machine would break the hook for everyone else`
      : `install ${word.text}, or write its absolute path (Claude Code's PATH is the one it was started with)`;
    findings.push({
      severity: 'error',
      code: 'command-not-found',
      message: `\`${word.text}\` is not on PATH: ${consequence(127, hook.event)}`,
      fix,
      ...at(hook),
    });
  }
  const script = program.script;
  if (script !== undefined && !script.unresolved) {
    if (!existsSync(script.path)) {
      findings.push({
        severity: 'error',
        code: 'missing-file',
        message: `${script.path} does not exist: ${consequence(missingScriptExit(program), hook.event)}`,
        fix: `correct the path in the settings file${buildHint(script.path)}`,
        ...at(hook),
      });
    } else if (!readable(script.path)) {
      findings.push({
        severity: 'error',
        code: 'not-readable',
        message: `${script.path} is not readable by you`,
        fix: `chmod u+r ${script.path}`,
        ...at(hook),
      });
    }
    if (!isAbsolute(script.written) && !program.afterCd) findings.push(relativeWarning(analyzed, script.written));
  } else if (script?.unresolved) {
    findings.push({
      severity: 'info',
      code: 'unchecked',
      message: `\`${script.written}\` uses a variable that is not set here, so the file was not checked`,
      fix: 'set the variable in the environment Claude Code starts from, or write the path out',
      ...at(hook),
    });
  }
  return findings;
}

/** The first program of a command line and those of the commands after it (`a && b; c`). */
const programsOf = (program: HookProgram): HookProgram[] => [program, ...(program.more ?? [])];

/**
 * Hook commands whose programs or scripts are missing, not executable, or not on PATH (every
 * command of a list, shell builtins and keywords skipped); relative paths; bash-only words.
 */
export function checkFiles(context: DoctorContext): Finding[] {
  const dash = context.hooks.some(({ program }) => (program.bashisms?.length ?? 0) > 0) && shIsDash();
  return context.hooks.flatMap((analyzed) => [
    ...programsOf(analyzed.program).flatMap((program) =>
      checkOne({ hook: analyzed.hook, program }, inCommittedFile(analyzed.hook, context.io.env, context.home)),
    ),
    ...bashismFindings(analyzed, dash),
  ]);
}
