/** Which built-in tools read or write a file, and where their input names it (hooks-protocol §1). */

/** What a tool call does to its file. */
export type FileOperation = 'read' | 'write';

const OPERATIONS: Readonly<Record<string, FileOperation>> = {
  Read: 'read',
  Write: 'write',
  Edit: 'write',
  MultiEdit: 'write',
  NotebookEdit: 'write',
};

/** `'read'` for Read, `'write'` for Edit/Write/MultiEdit/NotebookEdit, undefined for any other tool. */
export function fileOperationOf(tool: string): FileOperation | undefined {
  return Object.hasOwn(OPERATIONS, tool) ? OPERATIONS[tool] : undefined;
}

/** The path a file tool's input targets (`notebook_path` for NotebookEdit), or undefined when absent or not a non-empty string. */
export function filePathOf(tool: string, toolInput: unknown): string | undefined {
  if (fileOperationOf(tool) === undefined || typeof toolInput !== 'object' || toolInput === null) return undefined;
  const path = (toolInput as Record<string, unknown>)[tool === 'NotebookEdit' ? 'notebook_path' : 'file_path'];
  return typeof path === 'string' && path !== '' ? path : undefined;
}

/** What a search or listing tool names: the directory or file it works in, Grep's `glob`, Glob's `pattern`. */
export interface SearchInput {
  path?: string;
  glob?: string;
  pattern?: string;
}

/** Tools that read many files (Grep) or list names (Glob; LS in clients before 2.1) rather than open one. */
const SEARCH_TOOLS = ['Grep', 'Glob', 'LS'];

/** The search input of a Grep, Glob or LS call (`path` only when a non-empty string), or undefined for any other tool. */
export function searchInputOf(tool: string, toolInput: unknown): SearchInput | undefined {
  if (!SEARCH_TOOLS.includes(tool) || typeof toolInput !== 'object' || toolInput === null) return undefined;
  const input = toolInput as Record<string, unknown>;
  const text = (key: string) =>
    typeof input[key] === 'string' && input[key] !== '' ? (input[key] as string) : undefined;
  return { path: text('path'), glob: text('glob'), pattern: text('pattern') };
}
