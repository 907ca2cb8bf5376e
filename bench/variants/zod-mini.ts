// The PreToolUse + Bash schema in zod/mini, validated at run time.
import * as z from 'zod/mini';
import { runHook } from '../../lib/runtime/main.ts';
import hook from './_hook.ts';

const bash = z.looseObject({
  command: z.string(),
  description: z.optional(z.string()),
  timeout: z.optional(z.number()),
  run_in_background: z.optional(z.boolean()),
});
const schema = z.looseObject({
  session_id: z.string(),
  transcript_path: z.string(),
  cwd: z.string(),
  hook_event_name: z.literal('PreToolUse'),
  permission_mode: z.optional(z.string()),
  prompt_id: z.optional(z.string()),
  effort: z.optional(z.looseObject({ level: z.string() })),
  agent_id: z.optional(z.string()),
  agent_type: z.optional(z.string()),
  tool_name: z.string(),
  tool_input: z.record(z.string(), z.unknown()),
  tool_use_id: z.string(),
  mcp_server: z.optional(z.string()),
});

runHook(hook, {
  name: 'zod-mini',
  validate(payload) {
    const result = schema.safeParse(payload);
    if (!result.success) return result.error.issues[0]?.message ?? 'invalid';
    if ((payload as { tool_name: string }).tool_name === 'Bash') {
      const input = bash.safeParse((payload as { tool_input: unknown }).tool_input);
      if (!input.success) return input.error.issues[0]?.message ?? 'invalid';
    }
    return undefined;
  },
});
