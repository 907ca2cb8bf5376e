// Embeds cli/payloads/<Event>.json (one realistic payload per event, captured from Claude Code
// 2.1.329) and cli/payloads/tools/<Tool>.PreToolUse.json as JSON imports, so esbuild carries them
// in dist/cli.cjs, where `hookpack test` and `hookpack profile` need them at run time. One import
// per file, listed from the directory; test/cli/test-fixtures-embedded.test.ts fails until a new
// fixture file is added here.
import ConfigChange from './payloads/ConfigChange.json';
import CwdChanged from './payloads/CwdChanged.json';
import DirectoryAdded from './payloads/DirectoryAdded.json';
import Elicitation from './payloads/Elicitation.json';
import ElicitationResult from './payloads/ElicitationResult.json';
import FileChanged from './payloads/FileChanged.json';
import InstructionsLoaded from './payloads/InstructionsLoaded.json';
import MessageDisplay from './payloads/MessageDisplay.json';
import Notification from './payloads/Notification.json';
import PermissionDenied from './payloads/PermissionDenied.json';
import PermissionRequest from './payloads/PermissionRequest.json';
import PostCompact from './payloads/PostCompact.json';
import PostModelSwitch from './payloads/PostModelSwitch.json';
import PostToolBatch from './payloads/PostToolBatch.json';
import PostToolUse from './payloads/PostToolUse.json';
import PostToolUseFailure from './payloads/PostToolUseFailure.json';
import PreCompact from './payloads/PreCompact.json';
import PreModelSwitch from './payloads/PreModelSwitch.json';
import PreToolUse from './payloads/PreToolUse.json';
import SessionEnd from './payloads/SessionEnd.json';
import SessionStart from './payloads/SessionStart.json';
import Setup from './payloads/Setup.json';
import Stop from './payloads/Stop.json';
import StopFailure from './payloads/StopFailure.json';
import SubagentStart from './payloads/SubagentStart.json';
import SubagentStop from './payloads/SubagentStop.json';
import TaskCompleted from './payloads/TaskCompleted.json';
import TaskCreated from './payloads/TaskCreated.json';
import TeammateIdle from './payloads/TeammateIdle.json';
import UserPromptExpansion from './payloads/UserPromptExpansion.json';
import UserPromptSubmit from './payloads/UserPromptSubmit.json';
import WorktreeCreate from './payloads/WorktreeCreate.json';
import WorktreeRemove from './payloads/WorktreeRemove.json';
import AgentTool from './payloads/tools/Agent.PreToolUse.json';
import EditTool from './payloads/tools/Edit.PreToolUse.json';
import GlobTool from './payloads/tools/Glob.PreToolUse.json';
import GrepTool from './payloads/tools/Grep.PreToolUse.json';
import MultiEditTool from './payloads/tools/MultiEdit.PreToolUse.json';
import NotebookEditTool from './payloads/tools/NotebookEdit.PreToolUse.json';
import ReadTool from './payloads/tools/Read.PreToolUse.json';
import WebFetchTool from './payloads/tools/WebFetch.PreToolUse.json';
import WebSearchTool from './payloads/tools/WebSearch.PreToolUse.json';
import WriteTool from './payloads/tools/Write.PreToolUse.json';

type Payload = Record<string, unknown>;

/** One realistic payload per event, keyed by event name. */
export const EVENT_FIXTURES: Readonly<Record<string, Payload>> = {
  ConfigChange,
  CwdChanged,
  DirectoryAdded,
  Elicitation,
  ElicitationResult,
  FileChanged,
  InstructionsLoaded,
  MessageDisplay,
  Notification,
  PermissionDenied,
  PermissionRequest,
  PostCompact,
  PostModelSwitch,
  PostToolBatch,
  PostToolUse,
  PostToolUseFailure,
  PreCompact,
  PreModelSwitch,
  PreToolUse,
  SessionEnd,
  SessionStart,
  Setup,
  Stop,
  StopFailure,
  SubagentStart,
  SubagentStop,
  TaskCompleted,
  TaskCreated,
  TeammateIdle,
  UserPromptExpansion,
  UserPromptSubmit,
  WorktreeCreate,
  WorktreeRemove,
};

/** A PreToolUse payload per built-in tool (Bash is the PreToolUse fixture itself), keyed by tool name. */
export const TOOL_FIXTURES: Readonly<Record<string, Payload>> = {
  Bash: PreToolUse,
  Agent: AgentTool,
  Edit: EditTool,
  Glob: GlobTool,
  Grep: GrepTool,
  MultiEdit: MultiEditTool,
  NotebookEdit: NotebookEditTool,
  Read: ReadTool,
  WebFetch: WebFetchTool,
  WebSearch: WebSearchTool,
  Write: WriteTool,
};
