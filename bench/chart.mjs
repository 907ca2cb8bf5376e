// The chart for people: one horizontal bar per program, its startup time as a ratio to
// `node -e 0` in the same run, with lines at 1.0 (the floor) and at the budget. Hand-written
// SVG, no dependency; bars past the axis are cut and labelled with their value.

const ROW = 22;
const SECTION = 28;
const LABEL_W = 290;
const BAR_W = 500;
const RIGHT = 90;
const TOP = 64;
const BOTTOM = 56;
const WIDTH = LABEL_W + BAR_W + RIGHT;
const COLORS = {
  baseline: '#9ca3af',
  ok: '#16a34a',
  near: '#d97706',
  over: '#dc2626',
  text: '#111827',
  muted: '#6b7280',
  grid: '#e5e7eb',
};

/** Escapes text for XML content and attribute values. */
export function xml(text) {
  return String(text).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c],
  );
}

/** The axis end: at least 2, at most `clip`, on a 0.5 step above the largest ratio. */
export function axisMax(ratios, clip = 4) {
  const max = Math.max(2, ...ratios.filter((r) => typeof r === 'number'));
  return Math.min(clip, Math.ceil(max * 2) / 2);
}

function colorOf(row, budget) {
  if (row.baseline || row.section === 'baselines') return COLORS.baseline;
  const limit = row.budget ?? budget;
  if (row.ratio <= limit) return COLORS.ok;
  if (row.ratio <= limit * 1.25) return COLORS.near;
  return COLORS.over;
}

/**
 * The SVG document. `sections`: [{ title, rows: [{ name, ratio, medianMs, section, budget?, baseline? }] }];
 * `budget`: the ratio budget line (1.2); `title`, `subtitle`: header text.
 */
export function renderSvg({ sections, budget = 1.2, title = 'hookpack: cold start vs node -e 0', subtitle = '' }) {
  const shown = sections
    .map((s) => ({ ...s, rows: s.rows.filter((r) => typeof r.ratio === 'number') }))
    .filter((s) => s.rows.length > 0);
  const max = axisMax(shown.flatMap((s) => s.rows.map((r) => r.ratio)));
  const x = (ratio) => LABEL_W + (Math.min(ratio, max) / max) * BAR_W;
  const height = TOP + shown.reduce((h, s) => h + SECTION + s.rows.length * ROW, 0) + BOTTOM;
  const out = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="12">`,
  );
  out.push(`<title>${xml(title)}</title>`);
  out.push(`<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`);
  out.push(`<text x="16" y="24" font-size="16" font-weight="600" fill="${COLORS.text}">${xml(title)}</text>`);
  if (subtitle) out.push(`<text x="16" y="42" fill="${COLORS.muted}">${xml(subtitle)}</text>`);

  // Grid every 0.5, labelled at the top of the plot.
  const plotTop = TOP - 6;
  const plotBottom = height - BOTTOM + 6;
  for (let t = 0; t <= max + 1e-9; t += 0.5) {
    out.push(`<line x1="${x(t)}" y1="${plotTop}" x2="${x(t)}" y2="${plotBottom}" stroke="${COLORS.grid}"/>`);
    out.push(
      `<text x="${x(t)}" y="${plotTop - 4}" text-anchor="middle" fill="${COLORS.muted}">${t.toFixed(1)}x</text>`,
    );
  }

  let y = TOP;
  for (const section of shown) {
    out.push(`<text x="16" y="${y + 18}" font-weight="600" fill="${COLORS.text}">${xml(section.title)}</text>`);
    y += SECTION;
    for (const row of section.rows) {
      const w = Math.max(1, x(row.ratio) - LABEL_W);
      const cut = row.ratio > max;
      out.push(
        `<text x="${LABEL_W - 8}" y="${y + 15}" text-anchor="end" fill="${COLORS.text}">${xml(row.name)}</text>`,
      );
      out.push(
        `<rect x="${LABEL_W}" y="${y + 4}" width="${w.toFixed(1)}" height="${ROW - 8}" rx="2" fill="${colorOf(row, budget)}"/>`,
      );
      const value = `${row.ratio.toFixed(2)}x${typeof row.medianMs === 'number' ? ` · ${row.medianMs.toFixed(0)} ms` : ''}`;
      if (cut) {
        // A white zigzag across the bar's end says "longer than drawn".
        const e = LABEL_W + w;
        out.push(
          `<path d="M${e - 14} ${y + 4} l4 7 l-4 7 M${e - 9} ${y + 4} l4 7 l-4 7" stroke="#ffffff" stroke-width="2" fill="none"/>`,
        );
        out.push(
          `<text x="${e - 18}" y="${y + 15}" text-anchor="end" fill="#ffffff" font-weight="600">${xml(value)}</text>`,
        );
      } else {
        out.push(`<text x="${LABEL_W + w + 6}" y="${y + 15}" fill="${COLORS.text}">${xml(value)}</text>`);
      }
      y += ROW;
    }
  }

  out.push(
    `<line x1="${x(1)}" y1="${plotTop}" x2="${x(1)}" y2="${plotBottom}" stroke="${COLORS.text}" stroke-width="1.5"/>`,
  );
  out.push(
    `<line x1="${x(budget)}" y1="${plotTop}" x2="${x(budget)}" y2="${plotBottom}" stroke="${COLORS.over}" stroke-width="1.5" stroke-dasharray="5 4"/>`,
  );
  out.push(
    `<text x="${x(1) - 4}" y="${plotBottom + 16}" text-anchor="end" fill="${COLORS.text}">1.0 = node -e 0</text>`,
  );
  out.push(`<text x="${x(budget) + 4}" y="${plotBottom + 16}" fill="${COLORS.over}">${budget}x budget</text>`);
  out.push(
    `<text x="16" y="${height - 12}" fill="${COLORS.muted}">median ratio to node -e 0 in the same run · green: within budget · amber: up to 25% over · red: over</text>`,
  );
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
