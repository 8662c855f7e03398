//! The assessment (spec §4): everything computed from one masterplan with one method,
//! rounded once, here, for output.

use crate::support::map::Map;

use serde::Serialize;

use crate::method::{Counting, Grade, Method, Source};
use crate::model::decimal::Num;
use crate::model::framework::{
    Aspect, Dimension, Horizon, Pillar, ProgramStatus, QuickWinStatus, RegionKind,
};
use crate::model::masterplan::Masterplan;
use crate::model::text::Text;
use crate::score::evaluation::{self, EvaluationResult, Evidence};
use crate::score::findings::{self, Finding, Severity};
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

/// The label of the agency group that gathers the programs without a lead agency.
pub fn no_agency() -> Text {
    Text::new("Tanpa OPD penanggung jawab", "No lead agency")
}

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
    /// The rounded percentage is below the method's target; `null` without planned programs
    /// (neither below nor met).
    pub below_target: Option<bool>,
    /// More implemented programs needed to reach the method's target (0 unless below it).
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
    /// The rounded percentage is below the target; `null` without planned programs.
    pub below_target: Option<bool>,
    /// More implemented programs needed to reach the target (0 unless below it).
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
    /// How each program counts, in file order (one per program).
    pub programs: Vec<ProgramRow>,
}

/// One program as the reports list it: what it is and how it counts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProgramRow {
    /// Its id (code) in the file.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Pillar.
    pub pillar: Pillar,
    /// Lead agency (OPD) as given.
    pub lead_agency: Option<String>,
    /// Horizon.
    pub horizon: Horizon,
    /// Status.
    pub status: ProgramStatus,
    /// Counts as planned.
    pub counted: bool,
    /// Counted and implemented.
    pub implemented: bool,
    /// What it adds to `implemented`, exact.
    pub share: Num,
    /// Why it is not counted, `null` when it is.
    pub not_counted: Option<NotCounted>,
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
    /// Its program's agency group (index into `agencies`).
    pub agency_index: usize,
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
    /// Tracker state. Agrees with `on_time` and the counts: `sustained` and `on_time` are
    /// counted in `quick_wins.on_time`, `late` and `sustained_late` in `quick_wins.late`.
    pub state: State,
    /// Score for the Quick Win dimension (due ones only).
    pub score: Option<Num>,
    /// How the score was reached, with its numbers.
    pub rule: Text,
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

/// One lead agency's share of the work: the programs whose `lead_agency`, trimmed, is its
/// name, or the one group of programs without a lead agency (last).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Agency {
    /// Its name, trimmed (`null` for the programs without one).
    pub name: Option<String>,
    /// What to call it: the name in both languages, or [`no_agency`].
    pub label: Text,
    /// Its programs (indices into `programs`).
    pub program_indices: Vec<usize>,
    /// Its quick wins (indices into `quick_wins.items`).
    pub quick_win_indices: Vec<usize>,
    /// The findings about its programs (indices into `findings`).
    pub finding_indices: Vec<usize>,
    /// Planned vs implemented.
    pub rate: Rate,
    /// Counts over its quick wins.
    pub quick_wins: Counts,
    /// How many findings: the length of `finding_indices`.
    pub findings: i64,
}

/// Findings per severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct FindingCounts {
    /// Critical.
    pub critical: i64,
    /// Warnings.
    pub warning: i64,
    /// Info.
    pub info: i64,
}

/// A complete assessment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assessment {
    /// Engine name and version.
    pub engine: Engine,
    /// The method used.
    pub method: MethodUsed,
    /// SHA-256 of the input text (hex): never set by the engine (spec §4, changed 2026-12);
    /// the CLI sets it, and the page adds it, in the files written for people.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub input_sha256: Option<String>,
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
    /// How many findings of each severity.
    pub finding_counts: FindingCounts,
    /// Findings, most serious first.
    pub findings: Vec<Finding>,
}

fn rate(t: &Tally, target: Num) -> Rate {
    Rate {
        planned: t.planned,
        implemented: t.implemented.round2(),
        percent: t.percent().map(Num::round2),
        below_target: t.below_target(target),
        needed_for_target: t.needed_for(target),
    }
}

/// Assesses a validated masterplan. `warnings` are the input's warnings, carried into the
/// findings.
pub fn assess(mp: &Masterplan, method: &Method, warnings: Vec<Finding>) -> Assessment {
    let year = mp.evaluation.year;
    let target = method.outcome.target_percent;
    let rates = implementation::rates(mp, method);
    let qws = quick_wins::read_all(&mp.programs, year, &method.quick_win);
    let readiness_exact = mp
        .readiness
        .as_deref()
        .and_then(|items| readiness::score(items, &method.readiness));
    let national = national::read(&mp.national_indices, &method.national, year);
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

    let groups = implementation::by_agency(mp, &rates.programs);
    let mut agencies: Vec<Agency> = groups
        .groups
        .iter()
        .map(|g| Agency {
            label: match &g.name {
                Some(name) => Text::new(name.clone(), name.clone()),
                None => no_agency(),
            },
            name: g.name.clone(),
            program_indices: g.programs.clone(),
            quick_win_indices: Vec::new(),
            finding_indices: Vec::new(),
            rate: rate(&g.tally, target),
            quick_wins: Counts::default(),
            findings: 0,
        })
        .collect();

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
        let agency_index = groups.group_of(p.index).unwrap_or(0);
        if let Some(a) = agencies.get_mut(agency_index) {
            a.quick_wins.add(r);
            a.quick_win_indices.push(items.len());
        }
        items.push(QuickWinItem {
            program_id: p.id.clone(),
            program_index: p.index,
            name: p.name.clone(),
            pillar: p.pillar,
            lead_agency: p.lead_agency.clone(),
            agency_index,
            year: qw.year,
            status: qw.status,
            launched_year: qw.launched_year,
            due: r.due,
            achieved: r.achieved,
            on_time: r.on_time,
            state: r.state,
            score: r.score.map(Num::round2),
            rule: quick_wins::rule_text(qw, r, &method.quick_win),
        });
    }
    let pct = |c: &Counts| c.percent().map(Num::round2);

    // Each finding about programs belongs to their agency's group; counted once, here.
    let mut finding_counts = FindingCounts::default();
    for (i, f) in all.iter_mut().enumerate() {
        *match f.severity {
            Severity::Critical => &mut finding_counts.critical,
            Severity::Warning => &mut finding_counts.warning,
            Severity::Info => &mut finding_counts.info,
        } += 1;
        f.agency_index = f.program.and_then(|p| groups.group_of(p));
        for sub in f
            .subject
            .iter_mut()
            .chain(f.items.iter_mut())
            .chain(f.candidates.iter_mut())
            .filter(|s| s.kind == "program")
        {
            sub.agency_index = groups.group_of(sub.index);
        }
        // A finding grouping several agencies' programs is on each of their lists.
        let mut on: Vec<usize> = Vec::new();
        let all = f.items.iter().filter_map(|s| s.agency_index);
        for g in f.agency_index.into_iter().chain(all.filter(|_| f.mixed)) {
            if !on.contains(&g) {
                on.push(g);
            }
        }
        for g in on {
            if let Some(a) = agencies.get_mut(g) {
                a.finding_indices.push(i);
                a.findings += 1;
            }
        }
    }

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
        input_sha256: None,
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
                            below_target: t.below_target(target),
                            needed_for_target: t.needed_for(target),
                            not_counted: rates.not_counted.get(p).cloned().unwrap_or_default(),
                        },
                    )
                })
                .collect(),
            overall: rate(&rates.overall, target),
            mean_of_pillars: rates.mean_of_pillars.map(Num::round2),
            target_percent: target,
            programs: mp
                .programs
                .iter()
                .zip(&rates.programs)
                .map(|(p, c)| ProgramRow {
                    id: p.id.clone(),
                    name: p.name.clone(),
                    pillar: p.pillar,
                    lead_agency: p.lead_agency.clone(),
                    horizon: p.horizon,
                    status: p.status,
                    counted: c.counted,
                    implemented: c.implemented,
                    share: c.share,
                    not_counted: c.not_counted,
                })
                .collect(),
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
        finding_counts,
        findings: all,
    }
}
