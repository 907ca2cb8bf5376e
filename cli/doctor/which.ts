import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Whether `path` is a regular file this user may execute. */
export function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first executable `name` on `pathVar` (like `command -v`), or undefined. */
export function which(name: string, pathVar: string | undefined): string | undefined {
  for (const dir of (pathVar ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, name);
    if (isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

/** Version managers whose PATH entries are shims: each call re-resolves the version, 100+ ms. */
const SHIMS: { pattern: RegExp; manager: string; which: (name: string) => string }[] = [
  { pattern: /\/\.pyenv\/shims\//, manager: 'pyenv', which: (n) => `pyenv which ${n}` },
  { pattern: /\/\.asdf\/shims\//, manager: 'asdf', which: (n) => `asdf which ${n}` },
  { pattern: /\/\.rbenv\/shims\//, manager: 'rbenv', which: (n) => `rbenv which ${n}` },
  { pattern: /\/\.nodenv\/shims\//, manager: 'nodenv', which: (n) => `nodenv which ${n}` },
  { pattern: /\/mise\/shims\//, manager: 'mise', which: (n) => `mise which ${n}` },
  { pattern: /\/\.volta\/bin\//, manager: 'volta', which: (n) => `volta which ${n}` },
];

/** The version manager behind `path` when it is a shim, and the command that prints the real binary. */
export function shimOf(path: string, name: string): { manager: string; which: string } | undefined {
  const shim = SHIMS.find((s) => s.pattern.test(path));
  return shim === undefined ? undefined : { manager: shim.manager, which: shim.which(name) };
}
