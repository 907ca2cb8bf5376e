// A PermissionRequest hook (fail-closed by default) for runner tests.
import { allow, defineHook, deny } from 'hookpack';

export default defineHook({
  event: 'PermissionRequest',
  timeout: 5,
  run({ tool_name, tool_input }) {
    if (tool_name === 'Bash' && (tool_input as { command?: string }).command === 'throw') throw new Error('broken');
    if (tool_name === 'Bash') return deny('no shell today', { interrupt: true });
    return allow({
      updatedPermissions: [
        { type: 'addRules', rules: [{ toolName: tool_name }], behavior: 'allow', destination: 'session' },
      ],
    });
  },
});
