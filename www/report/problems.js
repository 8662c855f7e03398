// The problems of a file that could not be assessed: each located (line and column, JSON
// location) and in the reader's language; severities named by the engine.

import { h } from '../lib/dom.js';
import { badge } from './parts.js';

export function renderProblems(ctx, problems) {
  const { t, v, locale } = ctx;
  return problems.map((p) =>
    h('li', { class: `problem sev-${p.severity}` },
      badge(`sev-${p.severity}`, v ? v.label('severities', p.severity, locale) : p.severity),
      h('p', { class: 'problem-msg' }, ctx.msg(p.message)),
      h('p', { class: 'where' },
        p.line ? t('where.lineCol', { line: p.line, column: p.column ?? '?' }) : null,
        p.line && p.path ? ' · ' : null,
        p.path ? [t('where.path'), ' ', h('code', {}, p.path)] : null,
        !p.line && !p.path ? t('where.file') : null),
      p.code ? h('p', { class: 'small' }, t('where.code'), ' ', h('code', {}, p.code)) : null));
}
