// The `hookpack` executable (built to dist/cli.cjs). Never imported by a hook.
import { commands } from './commands/index.ts';
import { processIo } from './io.ts';
import { main } from './main.ts';

main(process.argv.slice(2), processIo(), commands).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`hookpack: internal error: ${String(error)}\n`);
    process.exitCode = 1;
  },
);
