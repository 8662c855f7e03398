// Assessment → DOM, one module per section of the report. Formatting and layout only: every
// number, rate, flag, category, formula, finding and label comes from the engine. Values from
// the file are inserted as text, never as HTML. See parts.js for the context each section gets.

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
import { renderLetterForm } from './letter.js';
import { renderPrintReport } from './print.js';

/** The whole report, in reading order; the official report for paper last (print.js). */
export function renderReport(ctx) {
  const frag = document.createDocumentFragment();
  frag.append(
    renderSummary(ctx),
    renderDimensions(ctx),
    renderMethod(ctx),
    renderPillars(ctx),
    renderFindings(ctx),
    renderAgencies(ctx),
    renderQuickWins(ctx),
    renderPrograms(ctx),
    renderReadiness(ctx),
    renderNational(ctx),
    renderLetterForm(ctx, () => document.getElementById('print-report')?.replaceWith(renderPrintReport(ctx))),
    renderPrintReport(ctx),
  );
  return frag;
}

/**
 * After a file or sample is assessed: the index card comes into view and takes focus (its
 * name is the index), so a person on a phone sees that something happened and a screen
 * reader reads the result.
 */
export function revealResults() {
  const card = document.getElementById('index-card');
  if (!card) return;
  card.focus({ preventScroll: true });
  document.getElementById('summary')?.scrollIntoView({ block: 'start' });
}
