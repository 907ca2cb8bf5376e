// The entry of dist/adopt.cjs, the runner `hookpack adopt` copies next to a settings file
// (`<settings dir>/hookpack/adopt.cjs`): the table of adopted hooks sits beside it.
import { runAdopted } from './runner.ts';

declare const __dirname: string;

runAdopted(process.argv.slice(2), __dirname);
