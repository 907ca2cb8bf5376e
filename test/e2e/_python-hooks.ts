// Python hooks of the kinds people keep, shared by the adoption scenarios with the real client.

/** A Bash guard: exit 2 with its reason on stderr for any `rm -rf`. */
export const GUARD_PY = [
  'import json, sys',
  'data = json.load(sys.stdin)',
  "if 'rm -rf' in data['tool_input'].get('command', ''):",
  "    print('guard.py: rm -rf is not allowed here', file=sys.stderr)",
  '    sys.exit(2)',
  '',
].join('\n');

/** A context hook: plain text on UserPromptSubmit. */
export const NOTES_PY = [
  'import json, sys',
  'json.load(sys.stdin)',
  "print('notes: the scratch folder holds plan.md')",
  '',
].join('\n');
