// The hook every validation variant runs: small, so the variants differ only in validation.
import { defineHook, deny } from 'hookpack';

export default defineHook({
  event: 'PreToolUse',
  matcher: 'Bash',
  run: ({ tool_input }) => (tool_input.command.includes('rm -rf /') ? deny('no') : undefined),
});
