// Assessment → DOM, one module per section of the report. Formatting and layout only: every
// number, rate, flag, category, formula, finding and label comes from the engine. Values from
// the file are inserted as text, never as HTML. See parts.js for the context each section gets.

import { h } from '../lib/dom.js';
import { renderAgencies } from './agencies.js';
import { renderDimensions } from './dimensions.js';
import { renderFindings } from './findings.js';
import { renderMethod } from './method.js';
import { renderNational } from './national.js';
import { renderPillars } from './pillars.js';
import { renderPrograms } from './programs.js';
import { renderQuickWins } from './quickwins.js';
import { renderReadiness } from './readiness.js';
import { renderSummary } from './summary.js';

/** The whole report, in reading order. */
export function renderReport(ctx) {
  const frag = document.createDocumentFragment();
  frag.append(
    renderSummary(ctx),
    renderMethod(ctx),
    renderDimensions(ctx),
    renderPillars(ctx),
    renderFindings(ctx),
    renderAgencies(ctx),
    renderQuickWins(ctx),
    renderPrograms(ctx),
    renderReadiness(ctx),
    renderNational(ctx),
    renderPrintFooter(ctx),
  );
  return frag;
}

function renderPrintFooter(ctx) {
  const { a, t } = ctx;
  return h('section', { class: 'print-only print-footer', 'aria-hidden': 'true' },
    h('p', {}, t('print.footer', { engine: `${a.engine.name} ${a.engine.version}`, method: `${a.method.id} v${a.method.version}`, hash: a.input_sha256 })),
    h('p', {}, t('summary.notOfficial')));
}
