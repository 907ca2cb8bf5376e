import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * Puts a directory holding `python3`, a link to the interpreter itself, first on this process's
 * PATH (the test workers and what they spawn inherit it): the tests start python3 hooks by the
 * hundred (adopt, profile, the warm path), and a version manager's shim in front of the
 * interpreter (pyenv's is a bash script) costs ~100 ms of CPU and ~200 ms per start. The same
 * python3 runs, as `hookpack doctor`'s slow-shim advice and bench/programs.mjs findPython start
 * it. Tests that build their own PATH (the doctor's shim tests) are unchanged. No python3: nothing.
 */
export function putDirectPythonFirst(binDir: string): void {
  const found = spawnSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' });
  const interpreter = found.status === 0 ? found.stdout.trim() : '';
  if (interpreter === '') return;
  mkdirSync(binDir, { recursive: true });
  symlinkSync(interpreter, join(binDir, 'python3'));
  process.env.PATH = `${binDir}${delimiter}${process.env.PATH ?? ''}`;
}
