// A second PreToolUse hook (Bash and Write) for event-bundle tests: it rewrites, adds context, or denies.
import { allow, ask, defineHook, deny } from 'hookpack';

export default defineHook({
  event: 'PreToolUse',
  matcher: 'Bash|Write',
  timeout: 5,
  order: -1,
  onError: 'allow',
  async run(input) {
    if (input.tool_name !== 'Bash') return allow({ additionalContext: 'second saw a write' });
    const command = input.tool_input.command;
    if (command === 'deny') return allow({ additionalContext: 'second would allow' });
    if (command === 'rewrite') return allow({ updatedInput: { ...input.tool_input, timeout: 1000 } });
    if (command === 'ask-second') return ask('second asks');
    if (command === 'deny-second') return deny('second denies');
    if (command === 'throw') throw new Error('second broke');
    if (command === 'hang') return new Promise(() => {});
    if (command === 'stray') {
      // A fire-and-forget task that fails after this hook's sibling has already answered.
      setTimeout(() => void Promise.reject(new Error('stray upload failed')), 0);
      return new Promise((resolve) => setTimeout(() => resolve(undefined), 100));
    }
    if (command === 'context') return allow({ additionalContext: 'y'.repeat(9000) });
    return undefined;
  },
});
