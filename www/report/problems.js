// The problems of a file that could not be assessed (or the notes on a workbook read or
// written): each located — line and column of a text, or sheet and cell of a workbook — with
// its JSON location, in the reader's language; severities named by the engine.

import { h } from '../lib/dom.js';
import { badge } from './parts.js';

/** "lembar Program, sel H14" (or the row alone, or the sheet alone). */
function sheetPlace(t, p) {
  if (p.cell) return t('where.sheetCell', { sheet: p.sheet, cell: p.cell });
  if (p.row) return t('where.sheetRow', { sheet: p.sheet, row: p.row });
  return t('where.sheet', { sheet: p.sheet });
}

export function renderProblems(ctx, problems) {
  const { t, v, locale } = ctx;
  return problems.map((p) =>
    h('li', { class: `problem sev-${p.severity}`, 'data-sheet': p.sheet, 'data-cell': p.cell },
      badge(`sev-${p.severity}`, v ? v.label('severities', p.severity, locale) : p.severity),
      h('p', { class: 'problem-msg' }, ctx.msg(p.message)),
      h('p', { class: 'where' },
        p.sheet ? sheetPlace(t, p) : null,
        p.line ? t('where.lineCol', { line: p.line, column: p.column ?? '?' }) : null,
        (p.line || p.sheet) && p.path ? ' · ' : null,
        p.path ? [t('where.path'), ' ', h('code', {}, p.path)] : null,
        !p.line && !p.sheet && !p.path ? t('where.file') : null),
      p.code ? h('p', { class: 'small' }, t('where.code'), ' ', h('code', {}, p.code)) : null));
}
