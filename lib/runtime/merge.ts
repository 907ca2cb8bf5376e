import type { Evaluation, Outcome } from './outcome.ts';
import { OUTPUT_CHAR_CAP, truncateForClaude } from './truncate.ts';

type Json = Record<string, unknown>;

/** Claude Code's precedence for PreToolUse decisions (hooks-protocol §4.3): most restrictive wins. */
const DECISION_RANK: Record<string, number> = { deny: 4, defer: 3, ask: 2, allow: 1 };

interface Part {
  name: string;
  text: string;
}

const hso = (json: Json | undefined): Json | undefined => json?.hookSpecificOutput as Json | undefined;

/** Labels each part with its hook when several hooks speak, so Claude can tell them apart. */
function label(parts: Part[]): string[] {
  return parts.length === 1 ? [parts[0]?.text ?? ''] : parts.map((p) => `[${p.name}] ${p.text}`);
}

/**
 * Joins labelled parts within `cap` characters. When they don't fit, every part gets a fair
 * share (short parts keep all of theirs, the rest is split evenly) and is cut with the visible
 * marker, so one verbose hook can't crowd out the others.
 */
export function joinWithinBudget(parts: Part[], separator: string, cap = OUTPUT_CHAR_CAP): string | undefined {
  if (parts.length === 0) return undefined;
  const texts = label(parts);
  const joined = texts.join(separator);
  if (joined.length <= cap) return joined;
  let budget = cap - separator.length * (texts.length - 1);
  const shares = new Array<number>(texts.length).fill(0);
  const order = texts.map((_t, i) => i).sort((a, b) => (texts[a]?.length ?? 0) - (texts[b]?.length ?? 0));
  order.forEach((index, position) => {
    const fair = Math.floor(budget / (order.length - position));
    shares[index] = Math.min(texts[index]?.length ?? 0, fair);
    budget -= shares[index] ?? 0;
  });
  return texts.map((t, i) => truncateForClaude(t, shares[i] ?? 0)).join(separator);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Applies several `updatedInput` rewrites as a pipeline in declared order. Every hook saw the
 * original input, so each rewrite is reduced to the keys it changed (or removed) relative to
 * it, and those changes are applied one after another: deterministic, unlike upstream, where
 * the last hook to finish wins (#83353).
 */
export function pipelineUpdatedInput(original: Json, rewrites: Json[]): Json | undefined {
  if (rewrites.length === 0) return undefined;
  const result: Json = { ...original };
  for (const rewrite of rewrites) {
    for (const key of Object.keys(rewrite)) if (!same(rewrite[key], original[key])) result[key] = rewrite[key];
    for (const key of Object.keys(original)) if (!(key in rewrite)) delete result[key];
  }
  return result;
}

function collect(evaluations: Evaluation[], pick: (json: Json) => unknown): Part[] {
  const parts: Part[] = [];
  for (const e of evaluations) {
    const value = e.outcome.json === undefined ? undefined : pick(e.outcome.json);
    if (typeof value === 'string' && value !== '') parts.push({ name: e.name, text: value });
  }
  return parts;
}

function compact(record: Json): Json {
  for (const key of Object.keys(record)) if (record[key] === undefined) delete record[key];
  return record;
}

function mergePreToolUse(evaluations: Evaluation[], toolInput: Json, out: Json, context: string | undefined): void {
  let decision: string | undefined;
  for (const e of evaluations) {
    const d = hso(e.outcome.json)?.permissionDecision;
    if (typeof d === 'string' && (DECISION_RANK[d] ?? 0) > (DECISION_RANK[decision ?? ''] ?? 0)) decision = d;
  }
  if (decision === undefined && context === undefined) return;
  const deciding = evaluations.filter((e) => hso(e.outcome.json)?.permissionDecision === decision);
  const reason =
    decision === 'defer'
      ? undefined
      : joinWithinBudget(
          collect(deciding, (j) => hso(j)?.permissionDecisionReason),
          '\n',
        );
  const rewrites =
    decision === 'allow' || decision === 'ask'
      ? deciding
          .map((e) => hso(e.outcome.json)?.updatedInput)
          .filter((u): u is Json => typeof u === 'object' && u !== null)
      : [];
  out.hookSpecificOutput = compact({
    hookEventName: 'PreToolUse',
    permissionDecision: decision,
    permissionDecisionReason: reason,
    updatedInput: pipelineUpdatedInput(toolInput, rewrites),
    additionalContext: context,
  });
}

function mergePermissionRequest(evaluations: Evaluation[], toolInput: Json, out: Json): void {
  const decisions = evaluations
    .map((e) => ({ e, d: hso(e.outcome.json)?.decision as Json | undefined }))
    .filter((x) => x.d !== undefined);
  if (decisions.length === 0) return;
  const denies = decisions.filter((x) => x.d?.behavior === 'deny');
  if (denies.length > 0) {
    out.hookSpecificOutput = {
      hookEventName: 'PermissionRequest',
      decision: compact({
        behavior: 'deny',
        message: joinWithinBudget(
          denies.map((x) => ({ name: x.e.name, text: String(x.d?.message ?? '') })).filter((p) => p.text),
          '\n',
        ),
        interrupt: denies.some((x) => x.d?.interrupt === true) ? true : undefined,
      }),
    };
    return;
  }
  const permissions = decisions.flatMap((x) =>
    Array.isArray(x.d?.updatedPermissions) ? (x.d?.updatedPermissions as unknown[]) : [],
  );
  out.hookSpecificOutput = {
    hookEventName: 'PermissionRequest',
    decision: compact({
      behavior: 'allow',
      updatedInput: pipelineUpdatedInput(
        toolInput,
        decisions.map((x) => x.d?.updatedInput).filter((u): u is Json => typeof u === 'object' && u !== null),
      ),
      updatedPermissions: permissions.length > 0 ? permissions : undefined,
    }),
  };
}

/**
 * Merges the answers of several hooks on one event into the one answer Claude Code would have
 * arrived at (hooks-protocol §4.3): deny > defer > ask > allow; any block wins; any
 * `continue:false` wins; context and messages joined, labelled, within the 10,000-character
 * budget; exit 2 when any hook failed closed. `evaluations` must be in declared order.
 */
export function mergeEvaluations(event: string, payload: Json, evaluations: Evaluation[]): Outcome {
  const out: Json = {};
  const toolInput = (
    typeof payload.tool_input === 'object' && payload.tool_input !== null ? payload.tool_input : {}
  ) as Json;
  const context = joinWithinBudget(
    collect(evaluations, (j) => hso(j)?.additionalContext),
    '\n\n',
  );

  if (evaluations.some((e) => e.outcome.json?.continue === false)) {
    out.continue = false;
    out.stopReason = joinWithinBudget(
      collect(evaluations, (j) => j.stopReason),
      '\n',
    );
  }
  const blocks = collect(evaluations, (j) => (j.decision === 'block' ? j.reason : undefined));
  if (blocks.length > 0) {
    out.decision = 'block';
    out.reason = joinWithinBudget(blocks, '\n');
  }
  if (event === 'PreToolUse') mergePreToolUse(evaluations, toolInput, out, context);
  else if (event === 'PermissionRequest') mergePermissionRequest(evaluations, toolInput, out);
  else {
    const specific: Json = {};
    if (context !== undefined) specific.additionalContext = context;
    const title = collect(evaluations, (j) => hso(j)?.sessionTitle)[0];
    if (title) specific.sessionTitle = title.text;
    if (evaluations.some((e) => hso(e.outcome.json)?.retry === true)) specific.retry = true;
    if (Object.keys(specific).length > 0) out.hookSpecificOutput = { hookEventName: event, ...specific };
  }
  const systemMessage = joinWithinBudget(
    collect(evaluations, (j) => j.systemMessage),
    '\n',
  );
  if (systemMessage !== undefined) out.systemMessage = systemMessage;

  const stderr = evaluations.map((e) => e.outcome.stderr).filter((s): s is string => typeof s === 'string' && s !== '');
  const hasJson = Object.keys(out).length > 0;
  const exitCode = evaluations.some((e) => e.outcome.exitCode === 2)
    ? 2
    : !hasJson && evaluations.some((e) => e.outcome.exitCode === 1)
      ? 1
      : 0;
  const outcome: Outcome = { exitCode };
  if (hasJson) outcome.json = out;
  if (stderr.length > 0) outcome.stderr = stderr.join('\n');
  return outcome;
}
