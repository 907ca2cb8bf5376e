import { inCommittedFile, portableShimFix } from './committed.ts';
import { at, type DoctorContext, type Finding } from './finding.ts';
import { shimOf } from './which.ts';

/** Interpreters reached through a version manager's shim: each call pays 100+ ms to pick a version. */
export function checkShims(context: DoctorContext): Finding[] {
  const findings: Finding[] = [];
  for (const { hook, program } of context.hooks) {
    const path = program.interpreterPath ?? program.programPath;
    const name = program.interpreter ?? program.program?.text;
    if (path === undefined || name === undefined) continue;
    const shim = shimOf(path, name);
    if (shim === undefined) continue;
    findings.push({
      severity: 'warning',
      code: 'slow-shim',
      message: `${name} resolves to ${path}, a ${shim.manager} shim that costs 100+ ms on every call`,
      // An absolute interpreter path is right for the user's own settings, wrong in a committed file.
      fix: inCommittedFile(hook, context.io.env, context.home)
        ? portableShimFix(name, shim.manager, shim.which)
        : `write the interpreter's absolute path instead (\`${shim.which}\` prints it)`,
      ...at(hook),
    });
  }
  return findings;
}
