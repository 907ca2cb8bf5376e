// A second PreToolUse hook so the guard's bundle is an event bundle (on-PreToolUse.cjs) that merges answers.
import { defineHook } from 'hookpack';

export default defineHook({
  event: 'PreToolUse',
  matcher: 'Write',
  onError: 'allow',
  run() {
    return undefined;
  },
});
