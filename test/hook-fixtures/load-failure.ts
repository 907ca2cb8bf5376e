// A fail-closed hook whose module throws while loading when asked to (for the startup guard tests).
import { defineHook } from 'hookpack';

if (process.env.HOOKPACK_TEST_LOAD_FAILURE) JSON.parse('{not json');

export default defineHook({
  event: 'PostToolUseFailure',
  onError: 'block',
  run: () => undefined,
});
