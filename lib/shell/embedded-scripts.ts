/**
 * Shell scripts a command carries that are not `-c` strings: what an interpreter one-liner runs
 * (lib/shell/inline-programs.ts) and what `ssh host …` runs remotely (lib/shell/remote-command.ts).
 */
import { inlineProgramScripts } from './inline-programs.ts';
import { sshRemoteScript } from './remote-command.ts';

/** The scripts `argv` (one unwrapped view) runs besides a shell's `-c` script. */
export function embeddedScripts(argv: readonly string[]): string[] {
  const remote = sshRemoteScript(argv);
  return remote === undefined ? inlineProgramScripts(argv) : [remote];
}
