/**
 * One compact line per tool call for the context bundle (hooks/context-bundle.ts):
 *
 *   {"ts":"2026-11-21T10:00:00.000Z","tool":"Edit","paths":["src/app.ts"],"success":true,"duration_ms":12,"tool_use_id":"toolu_01…"}
 *
 * `paths` come from the tool's input (`file_path`, `notebook_path`, `path`, `paths`, `file_paths`,
 * and MultiEdit `edits[].file_path`), relative to the project when inside it, at most 20 of them.
 * `command` (Bash, PowerShell) is cut at 300 characters. `success` is false when the response
 * says so: `interrupted: true` (Bash), `success: false` (Write …), `is_error`/`isError: true` (MCP).
 */
import { isAbsolute, relative, resolve } from 'node:path';

export interface ToolRecord {
  ts: string;
  tool: string;
  paths: string[];
  command?: string;
  success: boolean;
  duration_ms?: number;
  tool_use_id: string;
}

/** The PostToolUse fields a record is made of. */
export interface ToolCall {
  cwd: string;
  tool_name: string;
  tool_input: Record<string, unknown>;
  tool_response?: unknown;
  tool_use_id: string;
  duration_ms?: number | undefined;
}

const MAX_PATHS = 20;
const MAX_PATH_CHARS = 1000;
export const MAX_COMMAND_CHARS = 300;
const PATH_KEYS = ['file_path', 'notebook_path', 'path'];
const PATH_LIST_KEYS = ['paths', 'file_paths'];
const COMMAND_TOOLS = new Set(['Bash', 'PowerShell']);

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** `path` (resolved against `cwd`) relative to `projectDir` when inside it, `.` for the project itself, else absolute. */
export function projectRelative(path: string, cwd: string, projectDir: string): string {
  const absolute = resolve(cwd, path);
  const rel = relative(projectDir, absolute);
  if (rel === '') return '.';
  return rel.startsWith('..') || isAbsolute(rel) ? absolute : rel;
}

/** Every path the tool input names, in order, deduplicated, at most 20, each shown relative to the project when inside it. */
export function toolPaths(input: Record<string, unknown>, cwd: string, projectDir: string): string[] {
  const raw: unknown[] = [];
  for (const key of PATH_KEYS) raw.push(input[key]);
  for (const key of PATH_LIST_KEYS) if (Array.isArray(input[key])) raw.push(...(input[key] as unknown[]));
  if (Array.isArray(input.edits))
    for (const edit of input.edits as unknown[]) raw.push((edit as { file_path?: unknown } | null)?.file_path);
  const out = new Set<string>();
  for (const value of raw) {
    if (typeof value !== 'string' || value === '' || value.includes('\0')) continue;
    out.add(clip(projectRelative(value, cwd, projectDir), MAX_PATH_CHARS));
    if (out.size === MAX_PATHS) break;
  }
  return [...out];
}

/** Whether the tool response reports success; anything it doesn't contradict counts as success (PostToolUse fires after the tool ran). */
export function toolSucceeded(response: unknown): boolean {
  if (typeof response !== 'object' || response === null || Array.isArray(response)) return true;
  const r = response as Record<string, unknown>;
  return !(r.interrupted === true || r.success === false || r.is_error === true || r.isError === true);
}

/** The record for one call, at `now`. */
export function toolRecord(call: ToolCall, projectDir: string, now: Date = new Date()): ToolRecord {
  const record: ToolRecord = {
    ts: now.toISOString(),
    tool: call.tool_name,
    paths: toolPaths(call.tool_input, call.cwd, projectDir),
    success: toolSucceeded(call.tool_response),
    tool_use_id: call.tool_use_id,
  };
  const command = call.tool_input.command;
  if (COMMAND_TOOLS.has(call.tool_name) && typeof command === 'string')
    record.command = clip(command, MAX_COMMAND_CHARS);
  if (typeof call.duration_ms === 'number' && Number.isFinite(call.duration_ms)) record.duration_ms = call.duration_ms;
  // Key order as documented: command before success, duration before the id.
  return {
    ts: record.ts,
    tool: record.tool,
    paths: record.paths,
    ...(record.command !== undefined ? { command: record.command } : {}),
    success: record.success,
    ...(record.duration_ms !== undefined ? { duration_ms: record.duration_ms } : {}),
    tool_use_id: record.tool_use_id,
  };
}
