// The public surface of hookpack for hook authors. Everything here is side-effect free, so a
// hook's bundle holds only what it uses.
export { defineHook, isHookDefinition, DEFAULT_TIMEOUT_SECONDS, HookDefinitionError } from './define.ts';
export type { AnswerFor, HookContext, HookDefinition, HookOptions, HookWorld, InputFor, OnError } from './define.ts';
export { addContext, allow, ask, block, defer, deny, halt, notice, retry } from './answers.ts';
export type {
  Allow,
  Answer,
  Ask,
  Block,
  Context,
  Defer,
  Deny,
  Halt,
  Notice,
  PermissionUpdate,
  Retry,
} from './answers.ts';
export { EVENT_NAMES, isKnownEvent } from './events.ts';
export type { EventName, ToolEventName } from './events.ts';
export type { GenericPayload, HookPayloads, ToolInputs } from './schemas/index.ts';
export { HookError } from './runtime/errors.ts';
export type { HookErrorCode } from './runtime/errors.ts';
