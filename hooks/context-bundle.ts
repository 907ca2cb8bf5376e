/**
 * Records every tool call of a session, one JSON line each, in
 * `<project>/.claude/context-bundles/<session_id>.jsonl` (rotated to `<session_id>.1.jsonl` past
 * `maxBytes`, default 1 MiB): what was touched and run, for a later session or a summary to read.
 * A recorder must never disturb the turn: when the line can't be written (read-only project, a
 * full disk) the hook still exits 0 silently and says why under HOOKPACK_DEBUG. A broken
 * `context-bundle.json` is the one failure it shows (fail open: exit 1, one stderr line naming the
 * file), since silence would lose every record until someone looked. Line format:
 * lib/context/tool-record.ts; writing and rotation: lib/context/append-line.ts.
 */
import { defineHook } from 'hookpack';
import { loadConfigLayers } from 'hookpack/config.ts';
import { appendLine } from 'hookpack/context/append-line.ts';
import { bundleMaxBytes } from 'hookpack/context/context-bundle-config.ts';
import { ensurePrivateDir } from 'hookpack/context/private-dir.ts';
import { bundlePaths } from 'hookpack/context/session-file.ts';
import { toolRecord } from 'hookpack/context/tool-record.ts';

export default defineHook({
  event: 'PostToolUse',
  timeout: 5,
  onError: 'allow',
  run(input, ctx) {
    const project = ctx.env.CLAUDE_PROJECT_DIR || input.cwd;
    const maxBytes = bundleMaxBytes(loadConfigLayers('context-bundle', project, ctx.env));
    const { dir, file, rotated } = bundlePaths(project, input.session_id);
    const line = `${JSON.stringify(toolRecord(input, project))}\n`;
    try {
      ensurePrivateDir(dir);
      appendLine(file, line, { maxBytes, rotatedPath: rotated });
    } catch (error) {
      ctx.debug(`not recorded in ${file}: ${(error as Error).message}`);
    }
    return undefined;
  },
});
