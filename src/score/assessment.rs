//! The assessment (spec §4): everything computed from one masterplan with one method,
//! rounded once, here, for output.

use crate::support::map::Map;

use serde::Serialize;

use crate::method::{Counting, Grade, Method, Source};
use crate::model::decimal::Num;
use crate::model::framework::{Aspect, Dimension, Pillar, QuickWinStatus, RegionKind};
use crate::model::masterplan::Masterplan;
use crate::model::text::Text;
use crate::score::evaluation::{self, EvaluationResult, Evidence};
use crate::score::findings::{self, Finding};
use crate::score::implementation::{self, NotCounted, Tally};
use crate::score::national::{self, National};
use crate::score::quick_wins::{self, Counts, State};
use crate::score::readiness::{self, Distribution};

/// The engine's name and version.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Engine {
    /// Crate name.
    pub name: &'static str,
    /// Crate version.
    pub version: &'static str,
}

/// The engine that produced an assessment.
pub const ENGINE: Engine = Engine {
    name: "kota-cerdas-mandiri",
    version: env!("CARGO_PKG_VERSION"),
};

/// The method used, as recorded in the assessment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MethodUsed {
    /// Id.
    pub id: String,
    /// Version.
    pub version: String,
    /// Name.
    pub name: Text,
    /// Weights.
    pub weights: Map<Dimension, Num>,
    /// How well its sources support it.
    pub note: Text,
    /// Sources disagree.
    pub disputed: bool,
    /// Sources.
    pub sources: Vec<Source>,
    /// Horizons counted as planned.
    pub outcome_horizons: Vec<crate::model::framework::Horizon>,
    /// How implemented programs are counted.
    pub counting: Counting,
}

/// The region, as given.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RegionOut {
    /// Kemendagri code.
    pub code: Option<String>,
    /// Name.
    pub name: String,
    /// Kabupaten or kota.
    pub kind: RegionKind,
    /// Province.
    pub province: Option<String>,
}

/// Planned vs implemented for one pillar (or overall).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rate {
    /// Planned programs.
    pub planned: i64,
    /// Implemented programs (a sum of progress shares when counting by progress).
    pub implemented: Num,
    /// Percentage, `null` without planned programs.
    pub percent: Option<Num>,
    /// More implemented programs needed to reach the method's target.
    pub needed_for_target: i64,
}

/// A pillar's rate with the programs left out.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PillarRate {
    /// Planned programs.
    pub planned: i64,
    /// Implemented programs.
    pub implemented: Num,
    /// Percentage, `null` without planned programs.
    pub percent: Option<Num>,
    /// More implemented programs needed to reach the target.
    pub needed_for_target: i64,
    /// Programs not counted, by reason.
    pub not_counted: Map<NotCounted, i64>,
}

/// Implementation rates.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Implementation {
    /// Per pillar, all six.
    pub pillars: Map<Pillar, PillarRate>,
    /// Pooled.
    pub overall: Rate,
    /// Mean of the pillar percentages.
    pub mean_of_pillars: Option<Num>,
    /// The target rate per pillar.
    pub target_percent: Num,
}

/// One quick win on the tracker.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuickWinItem {
    /// Program id.
    pub program_id: String,
    /// Position in `programs`.
    pub program_index: usize,
    /// Program name.
    pub name: String,
    /// Pillar.
    pub pillar: Pillar,
    /// Lead agency.
    pub lead_agency: Option<String>,
    /// Year it was due.
    pub year: i64,
    /// Status as given.
    pub status: QuickWinStatus,
    /// Year launched.
    pub launched_year: Option<i64>,
    /// Due by the evaluation year.
    pub due: bool,
    /// Launched or sustained.
    pub achieved: bool,
    /// For achieved ones: by its year.
    pub on_time: Option<bool>,
    /// Tracker state.
    pub state: State,
    /// Score for the Quick Win dimension (due ones only).
    pub score: Option<Num>,
}

/// Quick-win counts for one year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct YearCounts {
    /// The year the quick wins were due.
    pub year: i64,
    /// Counts.
    #[serde(flatten)]
    pub counts: Counts,
    /// Achieved ÷ due.
    pub percent: Option<Num>,
}

/// Quick-win counts for a pillar.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupCounts {
    /// Counts.
    #[serde(flatten)]
    pub counts: Counts,
    /// Achieved ÷ due.
    pub percent: Option<Num>,
}

/// Quick-win status.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuickWins {
    /// Counts over all quick wins.
    #[serde(flatten)]
    pub counts: Counts,
    /// Achieved ÷ due.
    pub percent: Option<Num>,
    /// Per due year, ascending.
    pub by_year: Vec<YearCounts>,
    /// Per pillar.
    pub by_pillar: Map<Pillar, GroupCounts>,
    /// Every quick win, file order.
    pub items: Vec<QuickWinItem>,
}

/// Readiness.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Readiness {
    /// Overall score 1–4.
    pub score: Num,
    /// Category of the rounded score.
    pub category: Grade,
    /// Mean per aspect, `null` without items.
    pub aspects: Map<Aspect, Option<Num>>,
    /// Items per aspect.
    pub aspect_items: Map<Aspect, i64>,
    /// Shares of items rated good, moderate, poor.
    pub distribution: Distribution,
}

/// One lead agency's share of the work.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Agency {
    /// Its name as written (`null` for programs without one).
    pub name: Option<String>,
    /// Its programs (indices into `programs`).
    pub program_indices: Vec<usize>,
    /// Planned vs implemented.
    pub rate: Rate,
    /// Its quick wins.
    pub quick_wins: Counts,
    /// Findings that name it.
    pub findings: i64,
}

/// A complete assessment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assessment {
    /// Engine name and version.
    pub engine: Engine,
    /// The method used.
    pub method: MethodUsed,
    /// SHA-256 of the input text.
    pub input_sha256: String,
    /// The region.
    pub region: RegionOut,
    /// The evaluation year.
    pub year: i64,
    /// Implementation rates.
    pub implementation: Implementation,
    /// Quick-win status.
    pub quick_wins: QuickWins,
    /// Readiness, `null` without items.
    pub readiness: Option<Readiness>,
    /// Dimensions, index, improvement.
    pub evaluation: EvaluationResult,
    /// National indices.
    pub national_indices: National,
    /// Per lead agency.
    pub agencies: Vec<Agency>,
    /// Findings, most serious first.
    pub findings: Vec<Finding>,
}

fn rate(t: &Tally, target: Num) -> Rate {
    Rate {
        planned: t.planned,
        implemented: t.implemented.round2(),
        percent: t.percent().map(Num::round2),
        needed_for_target: t.needed_for(target),
    }
}

/// Assesses a validated masterplan. `warnings` are the input's warnings, carried into the
/// findings.
pub fn assess(
    mp: &Masterplan,
    method: &Method,
    input_sha256: String,
    warnings: Vec<Finding>,
) -> Assessment {
    let year = mp.evaluation.year;
    let target = method.outcome.target_percent;
    let rates = implementation::rates(mp, method);
    let qws = quick_wins::read_all(&mp.programs, year, &method.quick_win);
    let readiness_exact = mp
        .readiness
        .as_deref()
        .and_then(|items| readiness::score(items, &method.readiness));
    let national = national::read(&mp.national_indices, &method.national);
    let evidence = Evidence {
        rates: &rates,
        national: &national,
        quick_win_scores: qws
            .iter()
            .filter_map(|(p, _, r)| {
                r.score
                    .map(|s| (p.id.clone(), Text::new(p.name.clone(), p.name.clone()), s))
            })
            .collect(),
    };
    let evaluation = evaluation::evaluate(mp, method, &evidence);
    let impact_pillars = evaluation::impact_pillars(mp, method);
    let mut findings = findings::findings(&findings::Context {
        mp,
        method,
        rates: &rates,
        quick_wins: &qws,
        readiness: readiness_exact.as_ref(),
        national: &national,
        evaluation: &evaluation,
        impact_pillars: &impact_pillars,
    });
    // Input warnings first within their severity: they are about the file itself.
    let mut all = warnings;
    all.append(&mut findings);
    crate::model::problem::sort_by_rank(&mut all, |f| Some(f.severity as usize));

    let mut counts = Counts::default();
    let mut by_year: Map<i64, Counts> = Map::new();
    let mut by_pillar: Map<Pillar, Counts> = Pillar::ALL
        .iter()
        .map(|p| (*p, Counts::default()))
        .collect();
    let mut items = Vec::with_capacity(qws.len());
    for (p, qw, r) in &qws {
        counts.add(r);
        by_year.entry(qw.year).or_default().add(r);
        by_pillar.entry(p.pillar).or_default().add(r);
        items.push(QuickWinItem {
            program_id: p.id.clone(),
            program_index: p.index,
            name: p.name.clone(),
            pillar: p.pillar,
            lead_agency: p.lead_agency.clone(),
            year: qw.year,
            status: qw.status,
            launched_year: qw.launched_year,
            due: r.due,
            achieved: r.achieved,
            on_time: r.on_time,
            state: r.state,
            score: r.score.map(Num::round2),
        });
    }
    let pct = |c: &Counts| c.percent().map(Num::round2);

    // One pass over quick wins and findings, keyed by agency name as the tally groups them.
    let agency_key = |a: Option<&String>| {
        a.map(|a| a.trim())
            .filter(|a| !a.is_empty())
            .map(str::to_string)
    };
    let agency_quick_wins = Map::<Option<String>, Counts>::grouped(
        qws.iter()
            .map(|(p, _, r)| (agency_key(p.lead_agency.as_ref()), r))
            .collect(),
        |c, r| c.add(r),
    );
    let agency_findings = Map::<Option<String>, i64>::grouped(
        all.iter()
            .filter(|f| f.agency.is_some())
            .map(|f| (agency_key(f.agency.as_ref()), ()))
            .collect(),
        |n, ()| *n += 1,
    );
    let agencies = implementation::by_agency(mp, method)
        .into_iter()
        .map(|(name, (indices, tally))| Agency {
            quick_wins: agency_quick_wins.get(&name).copied().unwrap_or_default(),
            findings: agency_findings.get(&name).copied().unwrap_or(0),
            name,
            program_indices: indices,
            rate: rate(&tally, target),
        })
        .collect();

    Assessment {
        engine: ENGINE,
        method: MethodUsed {
            id: method.id.clone(),
            version: method.version.clone(),
            name: method.name.clone(),
            weights: method.weights.clone(),
            note: method.note.clone(),
            disputed: method.disputed,
            sources: method.sources.clone(),
            outcome_horizons: method.outcome.horizons.clone(),
            counting: method.outcome.counting,
        },
        input_sha256,
        region: RegionOut {
            code: mp.region.code.clone(),
            name: mp.region.name.clone(),
            kind: mp.region.kind,
            province: mp.region.province.clone(),
        },
        year,
        implementation: Implementation {
            pillars: rates
                .pillars
                .iter()
                .map(|(p, t)| {
                    (
                        *p,
                        PillarRate {
                            planned: t.planned,
                            implemented: t.implemented.round2(),
                            percent: t.percent().map(Num::round2),
                            needed_for_target: t.needed_for(target),
                            not_counted: rates.not_counted.get(p).cloned().unwrap_or_default(),
                        },
                    )
                })
                .collect(),
            overall: rate(&rates.overall, target),
            mean_of_pillars: rates.mean_of_pillars.map(Num::round2),
            target_percent: target,
        },
        quick_wins: QuickWins {
            percent: pct(&counts),
            counts,
            by_year: by_year
                .into_iter()
                .map(|(year, c)| YearCounts {
                    year,
                    percent: pct(&c),
                    counts: c,
                })
                .collect(),
            by_pillar: by_pillar
                .into_iter()
                .map(|(p, c)| {
                    (
                        p,
                        GroupCounts {
                            percent: pct(&c),
                            counts: c,
                        },
                    )
                })
                .collect(),
            items,
        },
        readiness: readiness_exact.map(|r| {
            let score = r.score.round2();
            let category = method
                .readiness
                .categories
                .classify(score)
                .cloned()
                .unwrap_or(Grade {
                    grade: None,
                    label: String::new(),
                    label_en: String::new(),
                    score: None,
                    concern: false,
                });
            Readiness {
                score,
                category,
                aspects: r
                    .aspects
                    .iter()
                    .map(|(a, s)| (*a, s.map(Num::round2)))
                    .collect(),
                aspect_items: r.items.clone(),
                distribution: r.distribution,
            }
        }),
        evaluation,
        national_indices: national,
        agencies,
        findings: all,
    }
}
