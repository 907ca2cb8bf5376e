/**
 * bash-guard's `readsSecret` condition: the command reads a file file-guard protects and shows
 * or sends it on (lib/guards/bash-secret-reads.ts says which operands are read). Paths resolve
 * as for every other path rule: `~`, `$HOME`, variables assigned earlier, the working directory.
 */
import type { CommandGraph } from './bash-command-graph.ts';
import { operandPaths, type PathBase } from './bash-operand-paths.ts';
import { builtInSecretFileTest } from './bash-secret-files.ts';
import { globProbe, secretReadCandidates } from './bash-secret-reads.ts';
import type { SimpleCommand } from '../shell/commands.ts';
import { snippetOf } from './bash-snippet.ts';

/** The snippet to quote (`cat .env`) when `argv` reads a protected file, else undefined. */
export function findSecretRead(
  command: SimpleCommand,
  argv: readonly string[],
  base: PathBase,
  graph: CommandGraph,
): string | undefined {
  const candidates = secretReadCandidates(command, argv, (id) => graph.commandById(id));
  if (candidates.length === 0) return undefined;
  const test = base.secretFiles?.() ?? builtInSecretFileTest(base.home);
  for (const candidate of candidates) {
    for (const resolved of operandPaths(globProbe(candidate.path), base)) {
      if (test(resolved.path) !== undefined) return snippetOf([candidate.word]);
    }
  }
  return undefined;
}
