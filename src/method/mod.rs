//! The evaluation method as data: weights, bands, mappings and predicate tables.
//!
//! Nothing here is computed; the scoring modules read these values. Each preset in
//! [`presets`] names its sources and year and says where the official rule is unknown.
//! A user may supply a custom method (see [`custom`]), validated before use.

pub mod custom;
pub mod presets;

use crate::support::map::Map;

use serde::Serialize;

use crate::model::decimal::Num;
use crate::model::framework::{Aspect, BpkOpinion, Dimension, Horizon, Pillar};
use crate::model::text::Text;

/// A complete evaluation method.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Method {
    /// Stable id, e.g. `kominfo-2022`.
    pub id: String,
    /// Version of this method, independent of the engine's.
    pub version: String,
    /// Display name.
    pub name: Text,
    /// Evaluation year(s) it is meant for.
    pub year: Option<i64>,
    /// Short statement of how well its sources support it.
    pub note: Text,
    /// True when its sources disagree with other published figures.
    pub disputed: bool,
    /// Where the numbers come from.
    pub sources: Vec<Source>,
    /// Weight of each dimension in the Indeks Pencapaian; they sum to 1.
    pub weights: Map<Dimension, Num>,
    /// Outcome: implementation rates and their 1–4 score.
    pub outcome: OutcomeRule,
    /// Baseline.
    pub baseline: BaselineRule,
    /// Output: institutions, regulation, budget.
    pub output: OutputRule,
    /// Impact: surveys and regional statistics.
    pub impact: ImpactRule,
    /// Quick Win dimension score.
    pub quick_win: QuickWinRule,
    /// Readiness analysis.
    pub readiness: ReadinessRule,
    /// National index predicate tables.
    pub national: NationalTables,
}

/// A source a method relies on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Source {
    /// What it is, in the report's language (the cited work's own name stays as written).
    pub title: Text,
    /// Where it was read.
    pub url: String,
}

/// Whether a band's lower bound belongs to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LowerBound {
    /// `from ≤ value` (the band is `[from, next)`).
    Inclusive,
    /// `from < value` (the band is `(from, next]`), as in the SAKIP regulation's ">60–70".
    Exclusive,
}

/// A half-open, contiguous band table: the first band has no lower bound, each following band
/// starts at its `from`, strictly ascending, so every value falls in exactly one band.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bands<T> {
    /// Whether each `from` belongs to its band or to the one below.
    pub lower_bound: LowerBound,
    /// The bands, lowest first.
    pub bands: Vec<Band<T>>,
}

/// One band.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Band<T> {
    /// Where it starts; `None` for the first band only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<Num>,
    /// What a value in this band gets.
    #[serde(flatten)]
    pub value: T,
}

impl<T> Bands<T> {
    /// The band a value falls in. Never fails for a table that passed [`Bands::check`].
    pub fn classify(&self, v: Num) -> Option<&T> {
        let mut found = self.bands.first().map(|b| &b.value);
        for band in &self.bands[1.min(self.bands.len())..] {
            let from = band.from?;
            let inside = match self.lower_bound {
                LowerBound::Inclusive => v >= from,
                LowerBound::Exclusive => v > from,
            };
            if inside {
                found = Some(&band.value);
            } else {
                break;
            }
        }
        found
    }

    /// Checks the table is well formed: at least one band, no bound on the first, strictly
    /// ascending bounds on the others. Returns a description of the first flaw.
    pub fn check(&self) -> Result<(), Text> {
        if self.bands.is_empty() {
            return Err(Text::new("tabel pita kosong", "the band table is empty"));
        }
        if self.bands[0].from.is_some() {
            return Err(Text::new(
                "pita pertama tidak boleh punya batas bawah (\"from\")",
                "the first band must not have a lower bound (\"from\")",
            ));
        }
        let mut last: Option<Num> = None;
        for (i, band) in self.bands.iter().enumerate().skip(1) {
            let Some(from) = band.from else {
                return Err(Text::new(
                    format!("pita ke-{} tidak punya batas bawah (\"from\")", i + 1),
                    format!("band {} has no lower bound (\"from\")", i + 1),
                ));
            };
            if let Some(prev) = last {
                if from <= prev {
                    return Err(Text::new(
                        format!(
                            "batas pita ke-{} harus lebih besar dari pita sebelumnya",
                            i + 1
                        ),
                        format!("band {} must start above the band before it", i + 1),
                    ));
                }
            }
            last = Some(from);
        }
        Ok(())
    }
}

/// A score on the 1–4 scale, as a band value.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Score {
    /// The score.
    pub score: Num,
}

/// A named grade of a national index or readiness category.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Grade {
    /// Short grade when the table has one (SAKIP "BB", IKM "B").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grade: Option<String>,
    /// Official label (Indonesian).
    pub label: String,
    /// English label.
    pub label_en: String,
    /// Score 1–4 this grade gives where a dimension uses it (SPBE in Output).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<Num>,
    /// True when a region in this grade should get a finding.
    pub concern: bool,
}

/// How programs are counted as implemented.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Counting {
    /// Running or completed counts 1, anything else 0 (reproduces Kebumen 2022).
    BinaryRunning,
    /// Running or completed counts 1, others count their `progress_percent`/100.
    WeightedProgress,
}

/// Which rate feeds the Outcome score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OutcomeBasis {
    /// The mean of the pillar percentages.
    MeanOfPillars,
    /// The pooled percentage over all pillars.
    Pooled,
}

/// How a percentage becomes a 1–4 score.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PercentMapping {
    /// `1 + 3 · p / 100`.
    Linear,
    /// A band table on the percentage.
    Bands(Bands<Score>),
}

/// Outcome rule.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutcomeRule {
    /// Horizons whose programs are planned for the rate.
    pub horizons: Vec<Horizon>,
    /// How implemented programs are counted.
    pub counting: Counting,
    /// Which rate feeds the score.
    pub basis: OutcomeBasis,
    /// Percentage → 1–4.
    pub mapping: PercentMapping,
    /// The rate every pillar should reach (Luwu Utara 2023: 75 %).
    pub target_percent: Num,
}

/// Where the Baseline score comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BaselineSource {
    /// The latest published index before the evaluation year.
    PreviousIndex,
    /// Only from `evaluation.dimension_scores.baseline`.
    ProvidedOnly,
}

/// Baseline rule.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BaselineRule {
    /// Where it comes from.
    pub source: BaselineSource,
}

/// Output rule: the score each piece of institutional evidence gets.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutputRule {
    /// Masterplan fixed by a regional regulation (Perda).
    pub legal_perda: Num,
    /// Fixed by a regent's or mayor's regulation.
    pub legal_head_regulation: Num,
    /// Fixed only by a decree.
    pub legal_decree: Num,
    /// Not fixed.
    pub legal_none: Num,
    /// Council or team formed and stated active.
    pub body_active: Num,
    /// Formed, activity not stated.
    pub body_exists: Num,
    /// Formed but stated inactive (or no meeting in the year).
    pub body_inactive: Num,
    /// Not formed.
    pub body_absent: Num,
    /// Meetings in the year for a forum or council to count as regular.
    pub regular_meetings: i64,
    /// Plan or form in place.
    pub document_exists: Num,
    /// Not in place.
    pub document_absent: Num,
    /// Funded from APBD and elsewhere.
    pub budget_mixed: Num,
    /// Funded from APBD only.
    pub budget_apbd_only: Num,
    /// Funded from outside APBD only.
    pub budget_non_apbd_only: Num,
    /// No funding.
    pub budget_none: Num,
    /// Use the digital-government index's predicate score as an Output item: Pemdi when the
    /// file gives it (PermenPANRB 8/2026 replaces SPBE), otherwise SPBE. When a file gives both,
    /// Pemdi counts and the file gets a warning.
    pub include_spbe: bool,
}

/// A regional statistic the method knows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorRule {
    /// Code used in files.
    pub code: String,
    /// Name.
    pub label: Text,
    /// Unit ("%", "indeks").
    pub unit: String,
    /// The pillar whose impact it evidences.
    pub pillar: Pillar,
    /// Value → 1–4.
    pub bands: Bands<Score>,
    /// True when the bands come from an official source.
    pub official: bool,
}

/// Impact rule.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImpactRule {
    /// Share of the survey in a pillar's impact when statistics exist too (the rest is
    /// the mean of the pillar's indicator scores).
    pub survey_weight: Num,
    /// Respondents per pillar the survey protocol asks for.
    pub min_respondents: i64,
    /// Known indicators.
    pub indicators: Vec<IndicatorRule>,
}

/// Quick Win rule: implementation score per state, averaged with the innovation score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuickWinRule {
    /// Launched and still running after its first year.
    pub sustained: Num,
    /// Launched by its year.
    pub on_time: Num,
    /// Launched after its year.
    pub late: Num,
    /// Being prepared.
    pub in_progress: Num,
    /// Not started.
    pub planned: Num,
    /// Launched, then stopped.
    pub stopped: Num,
    /// Average the implementation score with `innovation_score` when the file gives it.
    pub use_innovation_score: bool,
}

/// Readiness rule.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReadinessRule {
    /// Weight of each aspect (renormalised over the aspects that have items).
    pub aspect_weights: Map<Aspect, Num>,
    /// Category of the overall score (applied to the rounded score).
    pub categories: Bands<Grade>,
    /// Item score from which an item counts as good.
    pub good_from: i64,
    /// Item score from which an item counts as moderate (below: poor).
    pub moderate_from: i64,
    /// Aspect score under which the aspect is called weak.
    pub weak_below: Num,
}

/// A BPK opinion's reading.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OpinionGrade {
    /// The opinion.
    pub opinion: BpkOpinion,
    /// Official label.
    pub label: String,
    /// English label.
    pub label_en: String,
    /// Rank, 1 = best.
    pub rank: i64,
    /// True when it should get a finding.
    pub concern: bool,
}

/// The national index tables.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NationalTables {
    /// SPBE predicate (PermenPANRB 59/2020).
    pub spbe: Bands<Grade>,
    /// Pemdi predicate (PermenPANRB 8/2026), which replaces SPBE for evaluation years from 2026.
    pub pemdi: Bands<Grade>,
    /// SAKIP grade (PermenPANRB 88/2021).
    pub sakip: Bands<Grade>,
    /// IKM grade (PermenPANRB 14/2017).
    pub ikm: Bands<Grade>,
    /// IPM category (BPS).
    pub ipm: Bands<Grade>,
    /// BPK opinions (UU 15/2004).
    pub bpk: Vec<OpinionGrade>,
}

impl Method {
    /// The indicator rule for a code.
    pub fn indicator(&self, code: &str) -> Option<&IndicatorRule> {
        self.impact.indicators.iter().find(|i| i.code == code)
    }

    /// Checks the method is usable: weights non-negative and summing to 1, every band table
    /// ordered, scores on 1–4. Returns every flaw found, each with the method path concerned.
    pub fn check(&self) -> Vec<(String, Text)> {
        let mut flaws = Vec::new();
        let mut sum = Num::ZERO;
        for d in Dimension::ALL {
            match self.weights.get(d) {
                None => flaws.push((
                    format!("/weights/{}", d.id()),
                    Text::new(
                        format!("bobot {} belum diisi", d.id()),
                        format!("weight of {} is missing", d.id()),
                    ),
                )),
                Some(w) if *w < Num::ZERO || *w > Num::ONE => flaws.push((
                    format!("/weights/{}", d.id()),
                    Text::new(
                        format!("bobot {} harus antara 0 dan 1", d.id()),
                        format!("weight of {} must be between 0 and 1", d.id()),
                    ),
                )),
                Some(w) => sum = sum + *w,
            }
        }
        if flaws.is_empty() && sum != Num::ONE {
            flaws.push((
                "/weights".to_string(),
                Text::new(
                    format!(
                        "jumlah bobot harus 1 (100 %), sekarang {}",
                        crate::model::text::num_id(sum)
                    ),
                    format!(
                        "the weights must add up to 1 (100 %), they add up to {}",
                        crate::model::text::num_en(sum)
                    ),
                ),
            ));
        }
        let mut band = |path: &str, r: Result<(), Text>| {
            if let Err(t) = r {
                flaws.push((path.to_string(), t));
            }
        };
        if let PercentMapping::Bands(b) = &self.outcome.mapping {
            band("/outcome/mapping", b.check());
        }
        band("/readiness/categories", self.readiness.categories.check());
        band("/national/spbe", self.national.spbe.check());
        band("/national/pemdi", self.national.pemdi.check());
        band("/national/sakip", self.national.sakip.check());
        band("/national/ikm", self.national.ikm.check());
        band("/national/ipm", self.national.ipm.check());
        for (i, ind) in self.impact.indicators.iter().enumerate() {
            band(&format!("/impact/indicators/{i}/bands"), ind.bands.check());
        }
        flaws
    }
}
