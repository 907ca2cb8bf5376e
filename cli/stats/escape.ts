const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text made safe for HTML and SVG, in element content and in quoted attributes alike. Every
 * string that comes from telemetry (hook names, events, decisions, error codes, project paths)
 * passes through here: a hook is named after a file in a repository someone else may control.
 * Control characters other than tab and newline become U+FFFD (they are not allowed in HTML).
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/[&<>"']/g, (c) => ENTITIES[c] as string)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '\ufffd');
}
