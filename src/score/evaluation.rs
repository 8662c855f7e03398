//! The five evaluation dimensions, the Indeks Pencapaian and the improvement (spec §3).
//!
//! Each dimension is computed from the file's evidence where it holds any, replaced by
//! `evaluation.dimension_scores` where the file provides an official score, and otherwise
//! missing. Every computed score carries the inputs and the formula that produced it.

use crate::support::map::Map;

use serde::Serialize;

use crate::method::{BaselineSource, Method, OutcomeBasis, PercentMapping};
use crate::model::decimal::Num;
use crate::model::framework::{vocabulary, Dimension, LegalKind, Pillar};
use crate::model::masterplan::{Body, Document, LegalBasis, Masterplan, PreviousIndex};
use crate::model::text::{num_en, num_id, Text};
use crate::score::implementation::Rates;
use crate::score::national::National;

vocabulary! {
    /// Where a dimension's score comes from.
    ScoreSource {
        /// Computed from the file's evidence.
        Computed = "computed", "Dihitung dari berkas", "Computed from the file";
        /// From `evaluation.dimension_scores`.
        Provided = "provided", "Diisi penilai", "Provided by the assessor";
        /// Neither: the file lacks the evidence.
        Missing = "missing", "Belum ada data", "No data yet";
    }
}

/// One input of a computed score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Input {
    /// Stable key (`legal_basis`, `governance`, …).
    pub key: String,
    /// What it is.
    pub label: Text,
    /// Its value (rounded to 2 decimals when computed).
    pub value: Num,
}

/// A score computed from evidence, exact, with its explanation.
#[derive(Debug, Clone, PartialEq)]
pub struct Computed {
    /// Exact score on 1–4.
    pub score: Num,
    /// The inputs.
    pub inputs: Vec<Input>,
    /// The formula with the actual numbers.
    pub formula: Text,
    /// Impact only: each pillar's survey and indicator halves.
    pub pillars: Vec<ImpactPillar>,
}

/// A dimension in the output.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimensionScore {
    /// Score 1–4 (rounded), `null` when missing.
    pub score: Option<Num>,
    /// Provided, computed or missing.
    pub source: ScoreSource,
    /// Weight in the index.
    pub weight: Num,
    /// What the file's evidence gives (also when a provided score replaces it).
    pub computed_score: Option<Num>,
    /// Inputs of the computed score.
    pub inputs: Vec<Input>,
    /// How it was obtained, with the numbers.
    pub formula: Text,
    /// Impact only: each pillar's survey half and indicator half (absent elsewhere).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub pillars: Vec<ImpactPillar>,
}

/// The evaluation block of the output.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EvaluationResult {
    /// The five dimensions, canonical order.
    pub dimensions: Map<Dimension, DimensionScore>,
    /// Indeks Pencapaian, `null` when a dimension is missing.
    pub index: Option<Num>,
    /// Weighted mean over the available dimensions when `index` is null.
    pub index_estimate: Option<Num>,
    /// The index with the numbers.
    pub formula: Text,
    /// Rounded index minus the previous published index.
    pub improvement: Option<Num>,
    /// The previous published index used.
    pub previous: Option<PreviousOut>,
}

/// The previous index used for improvement and Baseline.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PreviousOut {
    /// Its year.
    pub year: i64,
    /// Its index.
    pub index: Num,
}

fn two(n: Num) -> (String, String) {
    let r = n.round2();
    (num_id(r), num_en(r))
}

fn input(key: &str, label: Text, value: Num) -> Input {
    Input {
        key: key.to_string(),
        label,
        value: value.round2(),
    }
}

/// The latest published index before the evaluation year.
pub fn previous(mp: &Masterplan) -> Option<PreviousIndex> {
    mp.evaluation
        .previous
        .iter()
        .filter(|p| p.year < mp.evaluation.year)
        .max_by_key(|p| p.year)
        .copied()
}

/// Formats `mean(a, b, c) = x` in both languages.
fn mean_formula(name: (&str, &str), inputs: &[Input], result: Num) -> Text {
    let list = |f: fn(Num) -> String| {
        inputs
            .iter()
            .map(|i| f(i.value))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let (rid, ren) = two(result);
    Text::new(
        format!("{} = rata-rata({}) = {rid}", name.0, list(num_id)),
        format!("{} = mean({}) = {ren}", name.1, list(num_en)),
    )
}

fn baseline(mp: &Masterplan, method: &Method) -> Option<Computed> {
    if method.baseline.source != BaselineSource::PreviousIndex {
        return None;
    }
    let prev = previous(mp)?;
    let score = prev.index.clamp_to(Num::ONE, Num::from_int(4));
    Some(Computed {
        score,
        inputs: vec![input(
            "previous_index",
            Text::new(
                format!("Indeks Pencapaian {}", prev.year),
                format!("Indeks Pencapaian {}", prev.year),
            ),
            prev.index,
        )],
        formula: Text::new(
            format!(
                "Baseline = indeks tahun {} = {}",
                prev.year,
                num_id(prev.index)
            ),
            format!(
                "Baseline = the {} index = {}",
                prev.year,
                num_en(prev.index)
            ),
        ),
        pillars: Vec::new(),
    })
}

fn body_score(b: &Option<Body>, method: &Method, forum: bool) -> Option<Num> {
    let r = &method.output;
    let b = b.as_ref()?;
    Some(if !b.exists {
        r.body_absent
    } else if b.active == Some(false) {
        r.body_inactive
    } else if let Some(m) = b.meetings {
        if m >= r.regular_meetings {
            r.body_active
        } else if m > 0 {
            r.body_exists
        } else {
            r.body_inactive
        }
    } else if b.active == Some(true) && !forum {
        r.body_active
    } else {
        r.body_exists
    })
}

fn document_score(d: &Option<Document>, method: &Method) -> Option<Num> {
    d.as_ref().map(|d| {
        if d.exists {
            method.output.document_exists
        } else {
            method.output.document_absent
        }
    })
}

fn output(mp: &Masterplan, method: &Method, national: &National) -> Option<Computed> {
    let r = &method.output;
    let inst = mp.institutions.as_ref();
    let mut inputs = Vec::new();
    let add = |inputs: &mut Vec<Input>, key: &str, id: &str, en: &str, v: Option<Num>| {
        if let Some(v) = v {
            inputs.push(input(key, Text::new(id, en), v));
        }
    };
    let legal = mp.masterplan.as_ref().and_then(|m| match &m.legal_basis {
        LegalBasis::Unknown => None,
        LegalBasis::None => Some(r.legal_none),
        LegalBasis::Fixed { kind, .. } => Some(match kind {
            LegalKind::Perda => r.legal_perda,
            LegalKind::Perbup | LegalKind::Perwali => r.legal_head_regulation,
            LegalKind::Keputusan => r.legal_decree,
        }),
    });
    add(
        &mut inputs,
        "legal_basis",
        "Dasar hukum masterplan",
        "Masterplan legal basis",
        legal,
    );
    if let Some(inst) = inst {
        add(
            &mut inputs,
            "council",
            "Dewan Smart City",
            "Smart City Council",
            body_score(&inst.council, method, false),
        );
        add(
            &mut inputs,
            "implementation_team",
            "Tim Pelaksana",
            "Implementation team",
            body_score(&inst.implementation_team, method, false),
        );
        add(
            &mut inputs,
            "forum",
            "Forum Smart City",
            "Smart City Forum",
            body_score(&inst.forum, method, true),
        );
        add(
            &mut inputs,
            "hr_plan",
            "Rencana pengembangan SDM",
            "HR development plan",
            document_score(&inst.hr_plan, method),
        );
        add(
            &mut inputs,
            "risk_register",
            "Formulir manajemen risiko",
            "Risk-management form",
            document_score(&inst.risk_register, method),
        );
        let budget = inst.budget.as_ref().map(|b| {
            let apbd = b.apbd.is_some_and(|v| v > Num::ZERO);
            let other = b.non_apbd.is_some_and(|v| v > Num::ZERO);
            match (apbd, other) {
                (true, true) => r.budget_mixed,
                (true, false) => r.budget_apbd_only,
                (false, true) => r.budget_non_apbd_only,
                (false, false) => r.budget_none,
            }
        });
        add(
            &mut inputs,
            "budget",
            "Pendanaan (APBD dan non-APBD)",
            "Funding (APBD and non-APBD)",
            budget,
        );
    }
    // SPBE only supports Output evidence; alone it is not enough to score institutions.
    if inputs.is_empty() || inst.is_none() {
        return None;
    }
    if r.include_spbe {
        // Pemdi replaces SPBE (PermenPANRB 8/2026): when the file gives both, Pemdi counts
        // (and the findings warn); otherwise whichever the file gives.
        if let Some(p) = national.pemdi.as_ref() {
            let pemdi = method
                .national
                .pemdi
                .classify(p.value)
                .and_then(|g| g.score);
            add(
                &mut inputs,
                "pemdi",
                "Predikat Indeks Pemerintah Digital",
                "Digital government index predicate",
                pemdi,
            );
        } else {
            let spbe = national
                .spbe
                .as_ref()
                .and_then(|s| method.national.spbe.classify(s.value))
                .and_then(|g| g.score);
            add(&mut inputs, "spbe", "Predikat SPBE", "SPBE predicate", spbe);
        }
    }
    let values: Vec<Num> = inputs.iter().map(|i| i.value).collect();
    let score = Num::mean(&values)?;
    let formula = mean_formula(("Output", "Output"), &inputs, score);
    Some(Computed {
        score,
        inputs,
        formula,
        pillars: Vec::new(),
    })
}

fn percent_to_score(p: Num, mapping: &PercentMapping) -> Num {
    match mapping {
        PercentMapping::Linear => Num::ONE + Num::from_int(3) * p / Num::from_int(100),
        PercentMapping::Bands(b) => b.classify(p).map_or(Num::ONE, |s| s.score),
    }
}

fn outcome(rates: &Rates, method: &Method) -> Option<Computed> {
    let (p, id_name, en_name) = match method.outcome.basis {
        OutcomeBasis::MeanOfPillars => (
            rates.mean_of_pillars?,
            "rata-rata capaian pilar",
            "mean of pillar rates",
        ),
        OutcomeBasis::Pooled => (rates.overall.percent()?, "capaian total", "pooled rate"),
    };
    let score = percent_to_score(p, &method.outcome.mapping);
    let mut inputs: Vec<Input> = rates
        .pillars
        .iter()
        .filter_map(|(pillar, t)| {
            t.percent()
                .map(|pct| input(pillar.id(), pillar.label(), pct))
        })
        .collect();
    inputs.push(input("rate", Text::new(id_name, en_name), p));
    let (pid, pen) = two(p);
    let (sid, sen) = two(score);
    let formula = match &method.outcome.mapping {
        PercentMapping::Linear => Text::new(
            format!("Outcome = 1 + 3 × {pid} ÷ 100 = {sid} ({id_name} {pid}%)"),
            format!("Outcome = 1 + 3 × {pen} ÷ 100 = {sen} ({en_name} {pen}%)"),
        ),
        PercentMapping::Bands(_) => Text::new(
            format!("Outcome = pita({id_name} {pid}%) = {sid}"),
            format!("Outcome = band({en_name} {pen}%) = {sen}"),
        ),
    };
    Some(Computed {
        score,
        inputs,
        formula,
        pillars: Vec::new(),
    })
}

/// How one pillar's Impact score is made: the survey half and the indicator half.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImpactPillar {
    /// The pillar.
    pub pillar: Pillar,
    /// Respondent-weighted mean of the pillar's survey means (rounded), `null` without surveys.
    pub survey: Option<Num>,
    /// Respondents of those surveys.
    pub respondents: i64,
    /// Weight the survey half gets in this pillar: the method's, 1 without indicators, 0
    /// without surveys.
    pub survey_weight: Num,
    /// Mean band score of the pillar's scored indicators (rounded), `null` without any.
    pub indicators: Option<Num>,
    /// Scored indicators.
    pub indicator_count: i64,
    /// Weight of the indicator half (1 − `survey_weight`).
    pub indicator_weight: Num,
    /// The pillar's Impact score (rounded).
    pub score: Num,
    /// The computation with its numbers.
    pub formula: Text,
}

/// Exact impact of each pillar that has evidence, with its two halves.
fn impact_detail(mp: &Masterplan, method: &Method) -> Vec<(ImpactPillar, Num)> {
    let mut out = Vec::new();
    let Some(impact) = &mp.impact else {
        return out;
    };
    for pillar in Pillar::ALL {
        // Survey: respondent-weighted mean of the pillar's survey means.
        let surveys: Vec<_> = impact
            .surveys
            .iter()
            .filter(|s| s.pillar == *pillar)
            .collect();
        let respondents: i64 = surveys.iter().map(|s| s.respondents).sum();
        let survey = surveys
            .iter()
            .fold(Num::ZERO, |a, s| a + s.mean * Num::from_int(s.respondents))
            .checked_div(Num::from_int(respondents));
        let stats: Vec<Num> = impact
            .indicators
            .iter()
            .filter_map(|i| {
                let rule = method.indicator(&i.code)?;
                (rule.pillar == *pillar)
                    .then(|| rule.bands.classify(i.value).map(|s| s.score))
                    .flatten()
            })
            .collect();
        let count = stats.len() as i64;
        let stats = Num::mean(&stats);
        let w = match (survey, stats) {
            (Some(_), Some(_)) => method.impact.survey_weight,
            (Some(_), None) => Num::ONE,
            (None, Some(_)) => Num::ZERO,
            (None, None) => continue,
        };
        let score = w * survey.unwrap_or(Num::ZERO) + (Num::ONE - w) * stats.unwrap_or(Num::ZERO);
        // "0,5 × 3,06 (survei, 50 responden) + 0,5 × 3,8 (rata-rata 5 indikator)"; a half
        // that is absent is left out (the other then weighs 1).
        let mut id = Vec::new();
        let mut en = Vec::new();
        if let Some(v) = survey {
            let (vi, ve) = two(v);
            id.push(format!(
                "{} × {vi} (survei, {respondents} responden)",
                num_id(w)
            ));
            en.push(format!(
                "{} × {ve} (survey, {respondents} respondents)",
                num_en(w)
            ));
        }
        if let Some(v) = stats {
            let iw = Num::ONE - w;
            let (vi, ve) = two(v);
            id.push(format!(
                "{} × {vi} (rata-rata {count} indikator)",
                num_id(iw)
            ));
            en.push(format!(
                "{} × {ve} (mean of {count} indicators)",
                num_en(iw)
            ));
        }
        let (sid, sen) = two(score);
        let label = pillar.label();
        let formula = Text::new(
            format!("{} = {} = {sid}", label.id, id.join(" + ")),
            format!("{} = {} = {sen}", label.en, en.join(" + ")),
        );
        out.push((
            ImpactPillar {
                pillar: *pillar,
                survey: survey.map(Num::round2),
                respondents,
                survey_weight: w,
                indicators: stats.map(Num::round2),
                indicator_count: count,
                indicator_weight: Num::ONE - w,
                score: score.round2(),
                formula,
            },
            score,
        ));
    }
    out
}

/// Exact impact score of each pillar that has evidence.
pub fn impact_pillars(mp: &Masterplan, method: &Method) -> Map<Pillar, Num> {
    impact_detail(mp, method)
        .into_iter()
        .map(|(p, s)| (p.pillar, s))
        .collect()
}

fn impact(mp: &Masterplan, method: &Method) -> Option<Computed> {
    let detail = impact_detail(mp, method);
    let inputs: Vec<Input> = detail
        .iter()
        .map(|(p, s)| input(p.pillar.id(), p.pillar.label(), *s))
        .collect();
    let exact: Vec<Num> = detail.iter().map(|d| d.1).collect();
    let score = Num::mean(&exact)?;
    let formula = mean_formula(("Impact", "Impact"), &inputs, score);
    Some(Computed {
        score,
        inputs,
        formula,
        pillars: detail.into_iter().map(|d| d.0).collect(),
    })
}

fn quick_win(scores: &[(String, Text, Num)]) -> Option<Computed> {
    let exact: Vec<Num> = scores.iter().map(|s| s.2).collect();
    let score = Num::mean(&exact)?;
    let inputs: Vec<Input> = scores
        .iter()
        .map(|(k, l, v)| input(k, l.clone(), *v))
        .collect();
    let formula = mean_formula(("Quick Win", "Quick Win"), &inputs, score);
    Some(Computed {
        score,
        inputs,
        formula,
        pillars: Vec::new(),
    })
}

/// Everything the dimensions are computed from besides the masterplan itself.
pub struct Evidence<'a> {
    /// Implementation rates.
    pub rates: &'a Rates,
    /// National indices read.
    pub national: &'a National,
    /// Per due quick win: program id, its name, its exact score.
    pub quick_win_scores: Vec<(String, Text, Num)>,
}

/// Computes the five dimensions and the index.
pub fn evaluate(mp: &Masterplan, method: &Method, ev: &Evidence) -> EvaluationResult {
    let mut dimensions = Map::new();
    let mut exact: Map<Dimension, Num> = Map::new();
    for d in Dimension::ALL {
        let computed = match d {
            Dimension::Baseline => baseline(mp, method),
            Dimension::Output => output(mp, method, ev.national),
            Dimension::Outcome => outcome(ev.rates, method),
            Dimension::Impact => impact(mp, method),
            Dimension::QuickWin => quick_win(&ev.quick_win_scores),
        };
        let provided = mp.evaluation.dimension_scores.get(d).copied();
        let weight = method.weights.get(d).copied().unwrap_or(Num::ZERO);
        let (score, source, formula) = match (provided, &computed) {
            (Some(p), _) => {
                exact.insert(*d, p);
                (
                    Some(p),
                    ScoreSource::Provided,
                    Text::new(
                        format!("{} = {} (nilai resmi dari berkas)", d.label().id, num_id(p)),
                        format!(
                            "{} = {} (official score from the file)",
                            d.label().en,
                            num_en(p)
                        ),
                    ),
                )
            }
            (None, Some(c)) => {
                exact.insert(*d, c.score);
                (Some(c.score), ScoreSource::Computed, c.formula.clone())
            }
            (None, None) => (
                None,
                ScoreSource::Missing,
                Text::new(
                    format!("{}: bukti belum ada di berkas", d.label().id),
                    format!("{}: the file has no evidence for it", d.label().en),
                ),
            ),
        };
        dimensions.insert(
            *d,
            DimensionScore {
                score: score.map(Num::round2),
                source,
                weight,
                computed_score: computed.as_ref().map(|c| c.score.round2()),
                pillars: computed
                    .as_ref()
                    .map(|c| c.pillars.clone())
                    .unwrap_or_default(),
                inputs: computed.map(|c| c.inputs).unwrap_or_default(),
                formula,
            },
        );
    }
    let all = exact.len() == Dimension::ALL.len();
    let weighted = exact.iter().fold(Num::ZERO, |a, (d, s)| {
        a + method.weights.get(d).copied().unwrap_or(Num::ZERO) * *s
    });
    let weight_sum = exact.keys().fold(Num::ZERO, |a, d| {
        a + method.weights.get(d).copied().unwrap_or(Num::ZERO)
    });
    let index = all.then(|| weighted.round2());
    let index_estimate = if all {
        None
    } else {
        weighted.checked_div(weight_sum).map(Num::round2)
    };
    let terms = |f: fn(Num) -> String| {
        exact
            .iter()
            .map(|(d, s)| {
                let w = method.weights.get(d).copied().unwrap_or(Num::ZERO);
                format!("{} × {}", f(w), f(s.round2()))
            })
            .collect::<Vec<_>>()
            .join(" + ")
    };
    let formula = match (index, index_estimate) {
        (Some(i), _) => Text::new(
            format!("Indeks = {} = {}", terms(num_id), num_id(i)),
            format!("Index = {} = {}", terms(num_en), num_en(i)),
        ),
        (None, Some(e)) => Text::new(
            format!(
                "Perkiraan = ({}) ÷ {} = {}",
                terms(num_id),
                num_id(weight_sum),
                num_id(e)
            ),
            format!(
                "Estimate = ({}) ÷ {} = {}",
                terms(num_en),
                num_en(weight_sum),
                num_en(e)
            ),
        ),
        (None, None) => Text::new(
            "Indeks belum dapat dihitung",
            "The index cannot be computed yet",
        ),
    };
    let prev = previous(mp);
    EvaluationResult {
        dimensions,
        improvement: index.zip(prev).map(|(i, p)| (i - p.index).round2()),
        previous: prev.map(|p| PreviousOut {
            year: p.year,
            index: p.index,
        }),
        index,
        index_estimate,
        formula,
    }
}
