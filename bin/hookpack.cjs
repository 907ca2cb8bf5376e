#!/usr/bin/env node
// The `hookpack` command: the CLI is one bundle, dist/cli.cjs, built by `npm run build` (and by
// `npm pack` through prepack). A checkout linked with `npm install --save-dev ../hookpack` that
// was never built has no bundle yet: say so in one line instead of a module-not-found trace.
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const cli = join(__dirname, '..', 'dist', 'cli.cjs');
if (!existsSync(cli)) {
  process.stderr.write(`hookpack: ${cli} is missing: this hookpack checkout was never built; run \`npm install && npm run build\` in ${join(__dirname, '..')}\n`);
  process.exit(3);
}
require(cli);
