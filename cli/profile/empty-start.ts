// The interpreter's own empty start, measured beside each hook: how much of a hook's time is
// start-up is then a measurement, not a guess. It is launched the way the hook is (shell form
// through /bin/sh -c, the interpreter word as the hook resolves it, shims included, with the
// hook's environment), so the difference between the two is what the script itself does.
import { basename } from 'node:path';
import type { Family, HookProgram } from '../doctor/hook-program.ts';
import type { Launch } from './run-once.ts';

/** What to run for an interpreter that runs nothing, per family. */
const EMPTY: Partial<Record<Family, string[]>> = {
  python: ['-c', 'pass'],
  node: ['-e', '0'],
  shell: ['-c', ':'],
  ruby: ['-e', '0'],
  perl: ['-e', '0'],
};

/** One empty start to measure: `python3 -c pass` and how to launch it. */
export interface EmptyStart {
  /** `python3 -c pass`, `node -e 0 (NODE_EXTRA_CA_CERTS unset)`, `sh -c :`. */
  label: string;
  launch: Launch;
  /** Same key, same measurement: hooks that start the same interpreter the same way share it. */
  key: string;
}

const shellQuote = (word: string) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`);

/**
 * The empty start that matches a hook, or undefined when there is nothing to compare (an exec-form
 * binary: no interpreter, no shell). A shell-form hook whose program is no known interpreter (a
 * binary, `npx …`) gets `sh -c :`: the shell Claude Code starts it through is all that is known.
 */
export function emptyStartOf(
  program: HookProgram,
  hook: { args?: string[] },
  base: Omit<Launch, 'command' | 'args'>,
): EmptyStart | undefined {
  const args = EMPTY[program.family];
  const word =
    program.interpreterPath ??
    (program.program !== undefined && !program.program.unresolved ? program.program.text : undefined);
  const unsetCa = program.family === 'node' && program.unsetsCaCerts;
  if (args === undefined || word === undefined) {
    if (hook.args !== undefined) return undefined;
    return { label: 'sh -c :', launch: { ...base, command: ':' }, key: 'sh -c :' };
  }
  const label = `${basename(program.interpreter ?? word)} ${args.join(' ')}${unsetCa ? ' (NODE_EXTRA_CA_CERTS unset)' : ''}`;
  const key = JSON.stringify([word, args, unsetCa, hook.args === undefined]);
  if (hook.args !== undefined) {
    return unsetCa
      ? { label, launch: { ...base, command: 'env', args: ['-u', 'NODE_EXTRA_CA_CERTS', word, ...args] }, key }
      : { label, launch: { ...base, command: word, args }, key };
  }
  const command = `${unsetCa ? 'env -u NODE_EXTRA_CA_CERTS ' : ''}${[word, ...args].map(shellQuote).join(' ')}`;
  return { label, launch: { ...base, command }, key };
}
