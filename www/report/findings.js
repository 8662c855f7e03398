// Findings and recommendations, the most serious first; the counts are the engine's
// finding_counts.

import { h } from '../lib/dom.js';
import { findingList, section } from './parts.js';
import { severityCounts } from './summary.js';

export function renderFindings(ctx) {
  const { a, t } = ctx;
  return section('findings', t('findings.heading'),
    h('p', { class: 'lead', id: 'findings-lead' }, t('findings.lead', { counts: severityCounts(ctx, a.finding_counts ?? {}) })),
    a.findings.length ? findingList(ctx, a.findings.map((_, i) => i), 'findings-list') : h('p', {}, t('findings.none')));
}
