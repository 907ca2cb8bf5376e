// Embeds test/fixtures/<Event>.json (one realistic payload per event, captured from Claude Code
// 2.1.329) and test/fixtures/tools/<Tool>.PreToolUse.json as JSON imports, so esbuild carries them
// in dist/cli.cjs, where `hookpack test` and `hookpack profile` need them at run time. One import
// per file, listed from the directory; test/cli/test-fixtures-embedded.test.ts fails until a new
// fixture file is added here.
import ConfigChange from '../../test/fixtures/ConfigChange.json';
import CwdChanged from '../../test/fixtures/CwdChanged.json';
import DirectoryAdded from '../../test/fixtures/DirectoryAdded.json';
import Elicitation from '../../test/fixtures/Elicitation.json';
import ElicitationResult from '../../test/fixtures/ElicitationResult.json';
import FileChanged from '../../test/fixtures/FileChanged.json';
import InstructionsLoaded from '../../test/fixtures/InstructionsLoaded.json';
import MessageDisplay from '../../test/fixtures/MessageDisplay.json';
import Notification from '../../test/fixtures/Notification.json';
import PermissionDenied from '../../test/fixtures/PermissionDenied.json';
import PermissionRequest from '../../test/fixtures/PermissionRequest.json';
import PostCompact from '../../test/fixtures/PostCompact.json';
import PostModelSwitch from '../../test/fixtures/PostModelSwitch.json';
import PostToolBatch from '../../test/fixtures/PostToolBatch.json';
import PostToolUse from '../../test/fixtures/PostToolUse.json';
import PostToolUseFailure from '../../test/fixtures/PostToolUseFailure.json';
import PreCompact from '../../test/fixtures/PreCompact.json';
import PreModelSwitch from '../../test/fixtures/PreModelSwitch.json';
import PreToolUse from '../../test/fixtures/PreToolUse.json';
import SessionEnd from '../../test/fixtures/SessionEnd.json';
import SessionStart from '../../test/fixtures/SessionStart.json';
import Setup from '../../test/fixtures/Setup.json';
import Stop from '../../test/fixtures/Stop.json';
import StopFailure from '../../test/fixtures/StopFailure.json';
import SubagentStart from '../../test/fixtures/SubagentStart.json';
import SubagentStop from '../../test/fixtures/SubagentStop.json';
import TaskCompleted from '../../test/fixtures/TaskCompleted.json';
import TaskCreated from '../../test/fixtures/TaskCreated.json';
import TeammateIdle from '../../test/fixtures/TeammateIdle.json';
import UserPromptExpansion from '../../test/fixtures/UserPromptExpansion.json';
import UserPromptSubmit from '../../test/fixtures/UserPromptSubmit.json';
import WorktreeCreate from '../../test/fixtures/WorktreeCreate.json';
import WorktreeRemove from '../../test/fixtures/WorktreeRemove.json';
import AgentTool from '../../test/fixtures/tools/Agent.PreToolUse.json';
import EditTool from '../../test/fixtures/tools/Edit.PreToolUse.json';
import GlobTool from '../../test/fixtures/tools/Glob.PreToolUse.json';
import GrepTool from '../../test/fixtures/tools/Grep.PreToolUse.json';
import MultiEditTool from '../../test/fixtures/tools/MultiEdit.PreToolUse.json';
import NotebookEditTool from '../../test/fixtures/tools/NotebookEdit.PreToolUse.json';
import ReadTool from '../../test/fixtures/tools/Read.PreToolUse.json';
import WebFetchTool from '../../test/fixtures/tools/WebFetch.PreToolUse.json';
import WebSearchTool from '../../test/fixtures/tools/WebSearch.PreToolUse.json';
import WriteTool from '../../test/fixtures/tools/Write.PreToolUse.json';

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
