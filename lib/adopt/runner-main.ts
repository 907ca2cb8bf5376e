// The entry of dist/adopt.cjs, the runner `hookpack adopt` copies next to a settings file
// (`<settings dir>/hookpack/adopt.cjs`): the table of adopted hooks sits beside it.
import { oneLine } from '../runtime/errors.ts';
import { runAdopted } from './runner.ts';

declare const __dirname: string;

try {
  runAdopted(process.argv.slice(2), __dirname);
} catch (error) {
  // Whatever a hand-edited table or a bug makes throw: one line and exit 1 (a guard's entry's `|| exit 2` blocks), never Node's stack trace of minified code.
  process.stderr.write(`hookpack adopt: ${oneLine(error instanceof Error ? error.message : String(error), 600)}\n`);
  process.exit(1);
}
