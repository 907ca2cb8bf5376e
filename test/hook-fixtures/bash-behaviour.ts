// A PreToolUse Bash guard (fail-closed by default) whose behaviour the command selects, for runner tests.
import { allow, ask, defer, defineHook, deny } from 'hookpack';

export default defineHook({
  event: 'PreToolUse',
  matcher: 'Bash',
  timeout: 5,
  run({ tool_input }) {
    const command = tool_input.command;
    if (command === 'deny') return deny('use the safe variant instead');
    if (command === 'ask') return ask('are you sure?');
    if (command === 'defer') return defer();
    if (command === 'rewrite')
      return allow({ reason: 'rewritten', updatedInput: { ...tool_input, command: 'echo safe' } });
    if (command === 'context') return allow({ additionalContext: 'note for Claude' });
    if (command === 'throw') throw new TypeError('cannot read property x of undefined');
    if (command === 'hang') return new Promise(() => {});
    if (command === 'stack-overflow') return overflow(0);
    if (command === 'out-of-memory') {
      const hoard: number[][] = [];
      for (;;) hoard.push(new Array(1_000_000).fill(hoard.length));
    }
    return undefined;
  },
});

function overflow(depth: number): undefined {
  return depth < 0 ? undefined : overflow(depth + 1);
}
