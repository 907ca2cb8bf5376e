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

// The Agent SDK sdk.e2e.test.ts drives (test/e2e/sdk/package.json), pinned to this client's version.
const sdkDir = join(dir, '..', 'sdk');
const sdkWanted = JSON.parse(readFileSync(join(sdkDir, 'package.json'), 'utf8')).devDependencies['@anthropic-ai/claude-agent-sdk'];
const sdkInstalled = join(sdkDir, 'node_modules', '@anthropic-ai', 'claude-agent-sdk', 'package.json');
if (!existsSync(sdkInstalled) || JSON.parse(readFileSync(sdkInstalled, 'utf8')).version !== sdkWanted) {
  process.stderr.write(`installing the pinned Agent SDK ${sdkWanted} into test/e2e/sdk (npm ci)\n`);
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: sdkDir, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
