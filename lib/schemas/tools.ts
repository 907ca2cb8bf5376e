/**
 * `tool_input` and `tool_response` shapes of the built-in tools (hooks-protocol §1.2, "Tool-specific
 * tool_input shapes", and §8). The tool events type `tool_input` as a generic record; these
 * narrow it once `tool_name` is known. All objects are loose: tools gain parameters often.
 */
import { z } from 'zod';
import { nullable, openEnum } from './common.ts';

/** Bash and PowerShell take the same input; `timeout` is in milliseconds. */
const shellInput = z.looseObject({
  command: z.string(),
  description: z.string().optional(),
  timeout: z.number().optional(),
  run_in_background: z.boolean().optional(),
});

/** One replacement of Edit, or one entry of MultiEdit's `edits`. */
const replacement = {
  old_string: z.string(),
  new_string: z.string(),
  replace_all: z.boolean().optional(),
};

/** Agent was called Task before; both names reach hooks depending on the client version. */
const agentInput = z.looseObject({
  prompt: z.string(),
  description: z.string(),
  subagent_type: z.string(),
  model: z.string().optional(),
});

/** Typed `tool_input` per built-in tool name; `file_path`s are absolute since 2.1.89. */
export const toolInputSchemas = {
  Bash: shellInput,
  PowerShell: shellInput,
  Write: z.looseObject({ file_path: z.string(), content: z.string() }),
  Edit: z.looseObject({ file_path: z.string(), ...replacement }),
  MultiEdit: z.looseObject({ file_path: z.string(), edits: z.array(z.looseObject(replacement)) }),
  Read: z.looseObject({ file_path: z.string(), offset: z.number().optional(), limit: z.number().optional() }),
  Glob: z.looseObject({ pattern: z.string(), path: z.string().optional() }),
  Grep: z.looseObject({
    pattern: z.string(),
    path: z.string().optional(),
    glob: z.string().optional(),
    type: z.string().optional(),
    output_mode: openEnum(['content', 'files_with_matches', 'count']).optional(),
    '-i': z.boolean().optional(),
    '-n': z.boolean().optional(),
    '-A': z.number().optional(),
    '-B': z.number().optional(),
    '-C': z.number().optional(),
    head_limit: z.number().optional(),
    multiline: z.boolean().optional(),
  }),
  WebFetch: z.looseObject({ url: z.string(), prompt: z.string() }),
  WebSearch: z.looseObject({
    query: z.string(),
    allowed_domains: z.array(z.string()).optional(),
    blocked_domains: z.array(z.string()).optional(),
  }),
  Agent: agentInput,
  Task: agentInput,
  NotebookEdit: z.looseObject({
    notebook_path: z.string(),
    new_source: z.string(),
    cell_id: z.string().optional(),
    cell_type: openEnum(['code', 'markdown']).optional(),
    edit_mode: openEnum(['replace', 'insert', 'delete']).optional(),
  }),
  // The two below are only loosely documented, so everything past the top-level shape is optional.
  AskUserQuestion: z.looseObject({
    questions: z.array(
      z.looseObject({
        question: z.string(),
        header: z.string().optional(),
        multiSelect: z.boolean().optional(),
        options: z.array(z.looseObject({ label: z.string(), description: z.string().optional() })).optional(),
      }),
    ),
    answers: z.record(z.string(), z.unknown()).optional(),
  }),
  ExitPlanMode: z.looseObject({
    plan: z.string().optional(),
    planFilePath: z.string().optional(),
    // Ignored by Claude Code since 2.1.205; kept untyped.
    allowedPrompts: z.array(z.unknown()).optional(),
  }),
};

/** Edit-family responses: the path plus, depending on the version, the patch that was applied. */
const fileEditResponse = z.looseObject({
  filePath: z.string(),
  oldString: z.string().optional(),
  newString: z.string().optional(),
  originalFile: nullable(z.string()).optional(),
  structuredPatch: z.array(z.unknown()).optional(),
  userModified: z.boolean().optional(),
  replaceAll: z.boolean().optional(),
});

/** Agent/Task response (§1.2); `status` says whether it ran or was launched in the background. */
const agentResponse = z.looseObject({
  status: openEnum(['completed', 'async_launched']),
  agentId: z.string().optional(),
  content: z.array(z.looseObject({ type: z.string(), text: z.string().optional() })).optional(),
  resolvedModel: z.string().optional(),
  modelsUsed: z.array(z.string()).optional(),
  totalTokens: z.number().optional(),
  totalDurationMs: z.number().optional(),
  totalToolUseCount: z.number().optional(),
  usage: z.record(z.string(), z.unknown()).optional(),
});

/**
 * PostToolUse `tool_response` per built-in tool, for the tools whose response is known. Typing
 * only: the payload validators do not check responses (MCP tools even send arrays there).
 */
export const toolResponseSchemas = {
  // §8: exactly these five keys on 2.1.329; `noOutputExpected` is newer than the docs.
  Bash: z.looseObject({
    stdout: z.string(),
    stderr: z.string(),
    interrupted: z.boolean(),
    isImage: z.boolean(),
    noOutputExpected: z.boolean().optional(),
  }),
  Write: z.looseObject({
    filePath: z.string(),
    success: z.boolean().optional(),
    type: openEnum(['create', 'update']).optional(),
    content: z.string().optional(),
    structuredPatch: z.array(z.unknown()).optional(),
    originalFile: nullable(z.string()).optional(),
  }),
  Edit: fileEditResponse,
  MultiEdit: fileEditResponse,
  Agent: agentResponse,
  Task: agentResponse,
};

/** Names of the built-in tools whose `tool_input` is typed. */
export type KnownToolName = keyof typeof toolInputSchemas;

/** Whether `name` has a typed `tool_input` (own keys only: `constructor` is not a tool). */
export function isKnownTool(name: unknown): name is KnownToolName {
  return typeof name === 'string' && Object.hasOwn(toolInputSchemas, name);
}
