// A PreToolUse Bash guard for the warm path's process tests: the command picks what the handler does.
import { defineHook, deny } from 'hookpack';

export default defineHook({
  event: 'PreToolUse',
  matcher: 'Bash',
  timeout: 5,
  async run({ tool_input }, ctx) {
    const command = tool_input.command;
    if (command === 'deny') return deny('warm-guard says no');
    if (command === 'throw') throw new TypeError('the handler broke');
    if (command === 'exit') process.exit(0);
    if (command === 'hang') return new Promise(() => {});
    if (command === 'stray') {
      // An error nobody can attribute: thrown from a timer, while the answer never comes.
      setTimeout(() => {
        throw new Error('a stray timer threw');
      }, 20);
      return new Promise(() => {});
    }
    if (command === 'busy') {
      // A slow synchronous first answer (a big rule set compiling): the daemon acks nobody meanwhile.
      for (const end = Date.now() + 1500; Date.now() < end; );
      return deny('busy, then no');
    }
    if (command === 'world') {
      // Slow enough that two calls overlap in one daemon: each must still see its own world.
      await new Promise((resolve) => setTimeout(resolve, 300));
      return deny(`mark=${ctx.env.WARM_MARK ?? ''} cwd=${ctx.cwd} home=${ctx.home}`);
    }
    return undefined;
  },
});
