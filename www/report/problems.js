// The problems of a file that could not be assessed (or the notes on a workbook read or
// written): each located — line and column of a text, or sheet and cell of a workbook — in the
// reader's language; severities named by the engine. The JSON location (path) and the
// problem's code stay in the data (data-path, data-code) for tools, never as text to read.

import { h } from '../lib/dom.js';
import { badge } from './parts.js';

/** "lembar Program, sel H14" (or the row alone, or the sheet alone). */
function sheetPlace(t, p) {
  if (p.cell) return t('where.sheetCell', { sheet: p.sheet, cell: p.cell });
  if (p.row) return t('where.sheetRow', { sheet: p.sheet, row: p.row });
  return t('where.sheet', { sheet: p.sheet });
}

/** "program ke-8" / "butir kesiapan ke-3" from a JSON location (1-based, for people). */
function pathPlace(t, path) {
  const m = typeof path === 'string' ? /^\/(programs|readiness\/items)\/(\d+)(?:\/|$)/.exec(path) : null;
  if (!m) return t('where.file');
  return t(m[1] === 'programs' ? 'where.program' : 'where.readinessItem', { n: Number(m[2]) + 1 });
}

export function renderProblems(ctx, problems) {
  const { t, v, locale } = ctx;
  return problems.map((p) =>
    h('li', { class: `problem sev-${p.severity}`, 'data-sheet': p.sheet, 'data-cell': p.cell, 'data-path': p.path, 'data-code': p.code },
      badge(`sev-${p.severity}`, v ? v.label('severities', p.severity, locale) : p.severity),
      h('p', { class: 'problem-msg' }, ctx.msg(p.message)),
      h('p', { class: 'where' },
        p.sheet ? sheetPlace(t, p) : null,
        p.line ? t('where.lineCol', { line: p.line, column: p.column ?? '?' }) : null,
        !p.line && !p.sheet ? pathPlace(t, p.path) : null)));
}
