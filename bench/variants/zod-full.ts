// The authoring schemas themselves (full zod) validated at run time.
import { runHook } from '../../lib/runtime/main.ts';
import { parsePayload } from '../../lib/schemas/index.ts';
import hook from './_hook.ts';

runHook(hook, {
  name: 'zod-full',
  validate(payload) {
    const result = parsePayload(payload);
    return result.ok ? undefined : result.error;
  },
});
