// A UserPromptSubmit hook (fail-open by default) whose behaviour the prompt selects, for runner tests.
import { addContext, block, defineHook, halt, notice } from 'hookpack';

export default defineHook({
  event: 'UserPromptSubmit',
  timeout: 5,
  async run({ prompt }, ctx) {
    const [verb = '', arg = ''] = prompt.split(' ');
    switch (verb) {
      case 'context':
        return addContext('x'.repeat(Number(arg)));
      case 'title':
        return addContext('ctx', { sessionTitle: arg });
      case 'block':
        return block(arg);
      case 'halt':
        return halt(arg, { systemMessage: 'stopped by test' });
      case 'notice':
        return notice(arg);
      case 'throw':
        throw new Error(`boom ${arg}`);
      case 'hang':
        await new Promise(() => {});
        return undefined;
      case 'abortable':
        await new Promise((resolve) => ctx.signal.addEventListener('abort', resolve));
        return addContext('too late');
      case 'invalid':
        return 42 as never;
      case 'wrong-kind':
        return { kind: 'deny', reason: 'not for prompts' } as never;
      case 'stdout':
        process.stdout.write('raw write');
        console.dir({ raw: 'dir' });
        return addContext('clean');
      case 'exit':
        process.exit(0);
        return undefined;
      case 'log':
        console.log('noise on stdout would corrupt the protocol');
        ctx.debug('a debug line');
        return addContext('clean');
      default:
        return undefined;
    }
  },
});
