//! The masterplan file (format v1, spec §1) as typed Rust values.
//!
//! These types are built by [`crate::io::decode`] from a validated file; every value here is
//! already known to be in range, so the scoring code never re-checks input.

use crate::model::decimal::Num;
use crate::model::framework::{
    Aspect, BpkOpinion, Dimension, Horizon, LegalKind, Pillar, ProgramStatus, QuickWinStatus,
    RegionKind, SubDimension,
};
use crate::support::map::Map;

/// The value of `format`.
pub const FORMAT: &str = "kota-cerdas/masterplan";
/// The newest `format_version` this engine reads.
pub const FORMAT_VERSION: i64 = 1;

/// One region's masterplan and evaluation evidence.
#[derive(Debug, Clone, PartialEq)]
pub struct Masterplan {
    /// The region.
    pub region: Region,
    /// The masterplan document itself (period, legal basis), when given.
    pub masterplan: Option<MasterplanDoc>,
    /// The evaluation being assessed.
    pub evaluation: Evaluation,
    /// Institutions and budget: evidence for the Output dimension.
    pub institutions: Option<Institutions>,
    /// Readiness analysis items.
    pub readiness: Option<Vec<ReadinessItem>>,
    /// The programs, in file order.
    pub programs: Vec<Program>,
    /// Impact evidence.
    pub impact: Option<Impact>,
    /// National indices quoted as evidence.
    pub national_indices: NationalIndices,
}

/// The region a file describes.
#[derive(Debug, Clone, PartialEq)]
pub struct Region {
    /// Kemendagri code, e.g. "33.05".
    pub code: Option<String>,
    /// Name, e.g. "Kabupaten Kebumen".
    pub name: String,
    /// Kabupaten or kota.
    pub kind: RegionKind,
    /// Province.
    pub province: Option<String>,
}

/// The masterplan document.
#[derive(Debug, Clone, PartialEq)]
pub struct MasterplanDoc {
    /// First year of the plan.
    pub period_start: Option<i64>,
    /// Last year of the plan.
    pub period_end: Option<i64>,
    /// The regulation that fixes it; `None` when the file says `null` (not yet fixed) or
    /// leaves it out.
    pub legal_basis: LegalBasis,
    /// Title of the document, when given.
    pub title: Option<String>,
}

/// Whether and how the masterplan is legally fixed.
#[derive(Debug, Clone, PartialEq)]
pub enum LegalBasis {
    /// The file does not say.
    Unknown,
    /// The file says `null`: not fixed by any regulation yet.
    None,
    /// Fixed by this instrument.
    Fixed {
        /// Perda, Perbup, Perwali or decree.
        kind: LegalKind,
        /// Its number.
        number: Option<String>,
        /// Its year.
        year: Option<i64>,
    },
}

/// The evaluation round.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    /// The year being assessed.
    pub year: i64,
    /// Preset id named by the file.
    pub method: Option<String>,
    /// Earlier published indices.
    pub previous: Vec<PreviousIndex>,
    /// Official or assessor scores that replace computed ones.
    pub dimension_scores: Map<Dimension, Num>,
}

/// An earlier published index.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PreviousIndex {
    /// Its year.
    pub year: i64,
    /// Its Indeks Pencapaian.
    pub index: Num,
}

/// A council, team or forum (Output evidence).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Body {
    /// Formed (by decree).
    pub exists: bool,
    /// The decree that formed it.
    pub decree: Option<String>,
    /// Active in the evaluation year, when stated.
    pub active: Option<bool>,
    /// Meetings held in the evaluation year, when stated.
    pub meetings: Option<i64>,
    /// Supporting documents.
    pub evidence: Vec<String>,
}

/// A plan or form that exists or not (HR plan, risk register).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Document {
    /// In place.
    pub exists: bool,
    /// Supporting documents.
    pub evidence: Vec<String>,
}

/// Smart-city funding in the evaluation year, in rupiah.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Budget {
    /// From the regional budget (APBD).
    pub apbd: Option<Num>,
    /// From elsewhere: APBN/DAK, CSR, sponsors, community.
    pub non_apbd: Option<Num>,
    /// Total regional budget (APBD) of the year, to compute the smart-city share.
    pub apbd_total: Option<Num>,
    /// Where the money comes from, as named by the file (e.g. "APBD", "DAK", "CSR").
    pub sources: Vec<String>,
    /// Supporting documents.
    pub evidence: Vec<String>,
}

/// Institutions and budget (the file's `institutions` object).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Institutions {
    /// Dewan Smart City (council).
    pub council: Option<Body>,
    /// Tim Pelaksana (implementation team).
    pub implementation_team: Option<Body>,
    /// Forum Smart City / Forum Kota Cerdas.
    pub forum: Option<Body>,
    /// Human-resources development plan.
    pub hr_plan: Option<Document>,
    /// Risk-management form.
    pub risk_register: Option<Document>,
    /// Funding.
    pub budget: Option<Budget>,
    /// Supporting documents about the institutions as a whole.
    pub evidence: Vec<String>,
}

/// One readiness checklist item.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadinessItem {
    /// Position in `readiness.items` (for paths in findings).
    pub index: usize,
    /// Its aspect.
    pub aspect: Aspect,
    /// Its id.
    pub id: String,
    /// The question.
    pub question: Option<String>,
    /// Score 1–4.
    pub score: i64,
    /// Supporting documents.
    pub evidence: Vec<String>,
}

/// A program of the masterplan.
#[derive(Debug, Clone, PartialEq)]
pub struct Program {
    /// Position in the file's `programs` array (for paths in findings).
    pub index: usize,
    /// Unique id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Pillar.
    pub pillar: Pillar,
    /// Sub-dimension, when given (always of `pillar`).
    pub sub_dimension: Option<SubDimension>,
    /// Horizon.
    pub horizon: Horizon,
    /// Start year.
    pub start_year: i64,
    /// End year.
    pub end_year: Option<i64>,
    /// Status.
    pub status: ProgramStatus,
    /// Progress 0–100.
    pub progress_percent: Option<Num>,
    /// Lead agency (OPD).
    pub lead_agency: Option<String>,
    /// Supporting documents.
    pub evidence: Vec<String>,
    /// Quick-win details, for quick wins.
    pub quick_win: Option<QuickWin>,
}

/// Quick-win details of a program.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct QuickWin {
    /// The year it was due.
    pub year: i64,
    /// Its status.
    pub status: QuickWinStatus,
    /// The year it went live.
    pub launched_year: Option<i64>,
    /// Innovation score 1–4.
    pub innovation_score: Option<i64>,
}

/// Impact evidence.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Impact {
    /// Resident surveys.
    pub surveys: Vec<Survey>,
    /// Regional statistics.
    pub indicators: Vec<Indicator>,
}

/// A resident survey for one pillar.
#[derive(Debug, Clone, PartialEq)]
pub struct Survey {
    /// Position in `impact.surveys`.
    pub index: usize,
    /// Pillar surveyed.
    pub pillar: Pillar,
    /// Sub-dimension, when the survey covers only one.
    pub sub_dimension: Option<SubDimension>,
    /// Number of respondents.
    pub respondents: i64,
    /// Mean answer on 1–4.
    pub mean: Num,
    /// Year of the survey, when given.
    pub year: Option<i64>,
}

/// A regional statistic.
#[derive(Debug, Clone, PartialEq)]
pub struct Indicator {
    /// Position in `impact.indicators`.
    pub index: usize,
    /// Code listed by the method, e.g. `poverty_rate`.
    pub code: String,
    /// Value as given.
    pub value: Num,
    /// Year of the value.
    pub year: Option<i64>,
    /// Unit of the value as the file names it (e.g. "%", "tahun"), when given.
    pub unit: Option<String>,
    /// Where the value comes from (e.g. "BPS 2023"), when given.
    pub source: Option<String>,
}

/// National indices quoted as evidence; each optional.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NationalIndices {
    /// SPBE index, 0–5 (PermenPANRB 59/2020; quoted for evaluation years before 2026).
    pub spbe: Option<Num>,
    /// Indeks Pemerintah Digital (Pemdi), 1–5 (PermenPANRB 8/2026; replaces SPBE from 2026).
    /// Kept only when in range; a value outside 1–5 is reported as a warning and left out.
    pub pemdi: Option<Num>,
    /// SAKIP/LAKIP score, 0–100.
    pub sakip: Option<Num>,
    /// IKM, 0–100.
    pub ikm: Option<Num>,
    /// IPM, 0–100.
    pub ipm: Option<Num>,
    /// BPK audit opinion.
    pub bpk_opinion: Option<BpkOpinion>,
}
