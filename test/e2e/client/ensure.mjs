// Installs the pinned Claude Code client (test/e2e/client/package.json) when it is missing or
// another version, so `npm run test:e2e` works in any clone. It is a package of its own so a
// git URL install of hookpack, which installs the root's devDependencies, never downloads it.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = dirname(fileURLToPath(import.meta.url));
const wanted = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).devDependencies['@anthropic-ai/claude-code'];
const installed = join(dir, 'node_modules', '@anthropic-ai', 'claude-code', 'package.json');
const version = existsSync(installed) ? JSON.parse(readFileSync(installed, 'utf8')).version : undefined;
if (version !== wanted || !existsSync(join(dir, 'node_modules', '.bin', 'claude'))) {
  process.stderr.write(`installing the pinned Claude Code client ${wanted} into test/e2e/client (npm ci)\n`);
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
