//! Findings: the weaknesses an assessor would write before the real evaluation, each with a
//! severity, the path it concerns and a message in Bahasa Indonesia and English.

use crate::support::map::Map;

use serde::Serialize;

use crate::method::Method;
use crate::model::code::Code;
use crate::model::decimal::Num;
use crate::model::framework::{vocabulary, Aspect, Dimension, Pillar, ProgramStatus};
use crate::model::masterplan::{Body, LegalBasis, Masterplan, Program};
use crate::model::problem::{Location, Problem, Problems, Severity as ProblemSeverity};
use crate::model::text::{num_en, num_id, Text};
use crate::score::evaluation::{EvaluationResult, ScoreSource};
use crate::score::implementation::{agency_key, Rates};
use crate::score::national::{National, PEMDI_FROM_YEAR};
use crate::score::quick_wins::{Reading, State};
use crate::score::readiness;

vocabulary! {
    /// How serious a finding is; the list is ordered most serious first.
    Severity {
        /// Blocks a good result or the index itself; fix first.
        Critical = "critical", "Kritis", "Critical";
        /// Weakens the result.
        Warning = "warning", "Peringatan", "Warning";
        /// Worth knowing.
        Info = "info", "Saran", "Suggestion";
    }
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// Critical, warning or info.
    pub severity: Severity,
    /// Stable code.
    pub code: &'static str,
    /// JSON Pointer into the masterplan file.
    pub path: String,
    /// What to fix.
    pub message: Text,
    /// The pillar concerned, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pillar: Option<Pillar>,
    /// The lead agency concerned, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agency: Option<String>,
    /// The agency group (index into the assessment's `agencies`) of the program(s) it is
    /// about, including the group of programs without a lead agency; absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agency_index: Option<usize>,
    /// Line in the file, for findings that come from reading it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// Column in the file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// The programs concerned (indices into `programs`) when a finding groups several.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub programs: Vec<usize>,
    /// The one thing the finding is about (a program, a readiness item), named for people.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<Subject>,
    /// The things a grouped finding is about, in file order (`path` is the first one's).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<Subject>,
    /// On "N more programs" findings: the programs that could be the ones (planned, in
    /// preparation or delayed), each with its status.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub candidates: Vec<Subject>,
    /// The program whose lead agency the finding concerns (index into `programs`); the
    /// assessment turns it into `agency_index`. Not written out.
    #[serde(skip)]
    pub program: Option<usize>,
    /// How cases of this kind read when several are grouped. Not written out.
    #[serde(skip)]
    many: Option<&'static Many>,
    /// A grouped finding whose cases belong to several agencies. Not written out.
    #[serde(skip)]
    pub mixed: bool,
}

/// What a finding is about, named as a person reads it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Subject {
    /// `program` or `readiness_item`.
    pub kind: &'static str,
    /// Its position in its input array.
    pub index: usize,
    /// Its id in the file.
    pub id: String,
    /// What a person reads: "GOV-08 · Portal Satu Data", or the readiness question.
    pub label: String,
    /// Candidates only: the program's status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<ProgramStatus>,
    /// Programs only: its agency group (index into the assessment's `agencies`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agency_index: Option<usize>,
}

impl Subject {
    fn program(p: &Program) -> Subject {
        Subject {
            kind: "program",
            index: p.index,
            id: p.id.clone(),
            label: format!("{} · {}", p.id, p.name),
            status: None,
            agency_index: None,
        }
    }
}

/// How the cases of one kind read: one case as "{Noun} {name} {what one}. {advice}", several
/// grouped as "{n} {noun} {pillar} {what}: {list}. {advice}". The advice fits both.
#[derive(Debug, PartialEq)]
struct Many {
    /// Indonesian; English singular; English plural.
    noun: [&'static str; 3],
    what: [&'static str; 2],
    advice: [&'static str; 2],
}

/// `s` with its first letter capitalised (nouns here start with an ASCII letter).
fn cap(s: &str) -> String {
    let mut c = s.to_string();
    if let Some(f) = c.get_mut(..1) {
        f.make_ascii_uppercase();
    }
    c
}

impl Finding {
    /// A finding from an input warning (unknown key …).
    pub fn from_problem(p: Problem) -> Finding {
        Finding {
            severity: Severity::Warning,
            code: p.code,
            path: p.path,
            message: p.message,
            pillar: None,
            agency: None,
            agency_index: None,
            line: p.line,
            column: p.column,
            programs: Vec::new(),
            subject: None,
            items: Vec::new(),
            candidates: Vec::new(),
            program: None,
            many: None,
            mixed: false,
        }
    }
}

/// Method-dependent checks of the input (reported by `validate` too): indicator codes the
/// method does not know are kept but cannot be scored.
pub fn input_checks(
    mp: &Masterplan,
    method: &Method,
    problems: &mut Problems,
    positions: &dyn Fn(&str) -> Option<usize>,
) {
    if let Some(impact) = &mp.impact {
        for ind in &impact.indicators {
            if method.indicator(&ind.code).is_none() {
                let path = format!("/impact/indicators/{}/code", ind.index);
                let known = method
                    .impact
                    .indicators
                    .iter()
                    .map(|i| i.code.as_str())
                    .collect::<Vec<_>>()
                    .join(", ");
                problems.warning(
                    Code::UnknownIndicator.id(),
                    &Location {
                        at: positions(&path),
                        path,
                    },
                    format!(
                        "Indikator \"{}\" tidak dikenal metode {}; disimpan tetapi tidak dinilai. Kode yang dikenal: {known}.",
                        ind.code, method.id
                    ),
                    format!(
                        "Indicator \"{}\" is not known to method {}; it is kept but not scored. Known codes: {known}.",
                        ind.code, method.id
                    ),
                );
            }
        }
    }
}

struct Out<'a> {
    list: Vec<Finding>,
    mp: &'a Masterplan,
}

impl Out<'_> {
    fn add(
        &mut self,
        severity: Severity,
        code: Code,
        path: impl Into<String>,
        id: String,
        en: String,
    ) -> &mut Finding {
        self.list.push(Finding {
            severity,
            code: code.id(),
            path: path.into(),
            message: Text::new(id, en),
            pillar: None,
            agency: None,
            agency_index: None,
            line: None,
            column: None,
            programs: Vec::new(),
            subject: None,
            items: Vec::new(),
            candidates: Vec::new(),
            program: None,
            many: None,
            mixed: false,
        });
        let last = self.list.len() - 1;
        &mut self.list[last]
    }

    /// One case of a kind that `group` may join with others (same code and pillar): the
    /// message from `many` with `name` and what happened to this one (`what`, id and en).
    fn case(
        &mut self,
        (severity, code): (Severity, Code),
        path: String,
        many: &'static Many,
        (name, subject): (&str, Subject),
        what: (&str, &str),
    ) -> &mut Finding {
        let [id, en] = many.advice;
        let f = self.add(
            severity,
            code,
            path,
            format!("{} {name} {}. {id}", cap(many.noun[0]), what.0),
            format!("{} {name} {}. {en}", cap(many.noun[1]), what.1),
        );
        f.subject = Some(subject);
        f.many = Some(many);
        f
    }

    /// One case about a program (at `/programs/i{suffix}`).
    fn program(
        &mut self,
        kind: (Severity, Code),
        p: &Program,
        suffix: &str,
        many: &'static Many,
        what: (&str, &str),
    ) {
        let path = format!("/programs/{}{suffix}", p.index);
        let f = self.case(kind, path, many, (&named(p), Subject::program(p)), what);
        f.pillar = Some(p.pillar);
        f.agency = p.lead_agency.clone();
        f.program = Some(p.index);
    }
}

fn quote(s: &str) -> String {
    let q = crate::model::text::cut_chars(s, 80);
    let more = if q.len() < s.len() { "…" } else { "" };
    format!("\"{q}{more}\"")
}

/// A program as a sentence names it: its code and its name (`GOV-08 "Portal Satu Data"`).
fn named(p: &Program) -> String {
    format!("{} {}", p.id, quote(&p.name))
}

/// Groups findings of one kind about several programs (same code and pillar) or readiness
/// items into one finding with their list, in place of the first.
fn group(list: Vec<Finding>) -> Vec<Finding> {
    let mut out: Vec<Finding> = Vec::with_capacity(list.len());
    for f in list {
        let same = f.many.and_then(|m| {
            out.iter().position(|g| {
                g.many.is_some_and(|n| std::ptr::eq(m, n))
                    && g.code == f.code
                    && g.pillar == f.pillar
            })
        });
        match (same, f.subject) {
            (Some(i), Some(s)) => {
                let g = &mut out[i];
                // One pillar's cases across agencies: the agency is the finding's only when
                // every case shares it (each item carries its own `agency_index`).
                if agency_key(g.agency.as_deref()) != agency_key(f.agency.as_deref()) {
                    g.agency = None;
                    g.program = None;
                    g.mixed = true;
                }
                if let Some(first) = g.subject.take() {
                    g.items.push(first);
                }
                g.items.push(s);
                g.programs = g
                    .items
                    .iter()
                    .filter(|s| s.kind == "program")
                    .map(|s| s.index)
                    .collect();
            }
            (_, subject) => out.push(Finding { subject, ..f }),
        }
    }
    for g in out.iter_mut().filter(|g| g.items.len() > 1) {
        let Some(m) = g.many else { continue };
        const SHOWN: usize = 8;
        let names = g
            .items
            .iter()
            .take(SHOWN)
            .map(|s| {
                if s.kind == "program" {
                    s.id.clone()
                } else {
                    quote(&s.label)
                }
            })
            .collect::<Vec<_>>()
            .join(", ");
        let n = g.items.len();
        let more = n.saturating_sub(SHOWN);
        let (more_id, more_en) = if more > 0 {
            (format!(" dan {more} lainnya"), format!(" and {more} more"))
        } else {
            (String::new(), String::new())
        };
        let (pid, pen) = match g.pillar {
            Some(p) => (
                format!(" pilar {}", p.label().id),
                format!(" {}", p.label().en),
            ),
            None => (String::new(), String::new()),
        };
        g.message = Text::new(
            format!(
                "{n} {}{pid} {}: {names}{more_id}. {}",
                m.noun[0], m.what[0], m.advice[0]
            ),
            format!(
                "{n}{pen} {} {}: {names}{more_en}. {}",
                m.noun[2], m.what[1], m.advice[1]
            ),
        );
    }
    out
}

/// Everything findings are drawn from.
pub struct Context<'a> {
    /// The masterplan.
    pub mp: &'a Masterplan,
    /// The method.
    pub method: &'a Method,
    /// Implementation rates.
    pub rates: &'a Rates,
    /// Quick wins with readings.
    pub quick_wins: &'a [(&'a Program, crate::model::masterplan::QuickWin, Reading)],
    /// Readiness.
    pub readiness: Option<&'a readiness::Exact>,
    /// National indices.
    pub national: &'a National,
    /// The evaluation.
    pub evaluation: &'a EvaluationResult,
    /// Exact impact per pillar.
    pub impact_pillars: &'a Map<Pillar, Num>,
}

/// Draws up the findings, most serious first (stable within a severity).
pub fn findings(cx: &Context) -> Vec<Finding> {
    let mut out = Out {
        list: Vec::new(),
        mp: cx.mp,
    };
    regulation(&mut out, cx);
    institutions(&mut out, cx);
    pillars(&mut out, cx);
    quick_wins(&mut out, cx);
    programs(&mut out);
    dimensions(&mut out, cx);
    national(&mut out, cx);
    readiness_findings(&mut out, cx);
    impact(&mut out, cx);
    let mut list = group(out.list);
    crate::model::problem::sort_by_rank(&mut list, |f| Some(f.severity as usize));
    list
}

fn regulation(out: &mut Out, cx: &Context) {
    let year = cx.mp.evaluation.year;
    match &cx.mp.masterplan {
        None => {
            out.add(
                Severity::Warning,
                Code::MasterplanMissing,
                "",
                "Data dokumen masterplan (periode dan dasar hukum) belum diisi. Lengkapi periode masterplan dan dasar hukumnya.".into(),
                "The masterplan document (period and legal basis) is not described. Fill in the masterplan's period and legal basis.".into(),
            );
        }
        Some(doc) => {
            match doc.legal_basis {
                LegalBasis::None => {
                    out.add(
                        Severity::Critical,
                        Code::MasterplanNotFixed,
                        "/masterplan/legal_basis",
                        "Masterplan belum ditetapkan dengan Perbup/Perwali atau Perda. Tetapkan agar program punya dasar hukum dan anggaran.".into(),
                        "The masterplan is not yet fixed by a regent/mayor regulation or a regional regulation. Fix it so programs have a legal and budget basis.".into(),
                    );
                }
                LegalBasis::Unknown => {
                    out.add(
                        Severity::Info,
                        Code::LegalBasisUnknown,
                        "/masterplan",
                        "Berkas tidak menyebut dasar hukum masterplan. Isi nomor dan tahun Perbup/Perwali/Perda, atau nyatakan bahwa dasar hukumnya belum ada.".into(),
                        "The file does not state the masterplan's legal basis. Give the regulation's number and year, or state that there is none yet.".into(),
                    );
                }
                LegalBasis::Fixed { .. } => {}
            }
            if let Some(end) = doc.period_end {
                if end < year {
                    out.add(
                        Severity::Warning,
                        Code::MasterplanPeriodEnded,
                        "/masterplan/period_end",
                        format!("Periode masterplan berakhir {end}, sebelum tahun evaluasi {year}. Susun revisi masterplan dan selaraskan dengan PP 59/2022."),
                        format!("The masterplan period ended in {end}, before the evaluation year {year}. Revise the masterplan and align it with PP 59/2022."),
                    );
                }
            }
        }
    }
}

fn body(
    out: &mut Out,
    b: &Option<Body>,
    key: &str,
    id_name: &str,
    en_name: &str,
    method: &Method,
    critical_if_absent: bool,
) {
    let path = format!("/institutions/{key}");
    match b {
        None => {
            out.add(
                Severity::Info,
                Code::InstitutionUnknown,
                path,
                format!("Belum ada data {id_name}. Lengkapi datanya agar dimensi Output dapat menilainya."),
                format!("No data on the {en_name}. Fill it in so the Output dimension can score it."),
            );
        }
        Some(b) if !b.exists => {
            let sev = if critical_if_absent {
                Severity::Critical
            } else {
                Severity::Warning
            };
            out.add(
                sev,
                Code::InstitutionMissing,
                path,
                format!("{id_name} belum dibentuk. Bentuk dengan keputusan kepala daerah."),
                format!(
                    "The {en_name} has not been formed. Form it by a decree of the regional head."
                ),
            );
        }
        Some(b) => {
            let inactive = b.active == Some(false) || b.meetings.is_some_and(|m| m == 0);
            if inactive {
                out.add(
                    Severity::Warning,
                    Code::InstitutionInactive,
                    path.clone(),
                    format!("{id_name} tidak aktif pada tahun evaluasi. Adakan pertemuan (minimal {} kali) dan simpan notulen sebagai data dukung.", method.output.regular_meetings),
                    format!("The {en_name} was not active in the evaluation year. Hold meetings (at least {}) and keep the minutes as evidence.", method.output.regular_meetings),
                );
            }
            if b.decree.is_none() && b.evidence.is_empty() {
                out.add(
                    Severity::Info,
                    Code::ClaimWithoutEvidence,
                    path,
                    format!("{id_name} disebut ada tetapi tanpa SK atau data dukung. Lampirkan SK pembentukannya."),
                    format!("The {en_name} is said to exist but without a decree or evidence. Attach its founding decree."),
                );
            }
        }
    }
}

fn institutions(out: &mut Out, cx: &Context) {
    let Some(inst) = &cx.mp.institutions else {
        out.add(
            Severity::Warning,
            Code::InstitutionsMissing,
            "",
            "Belum ada data kelembagaan (Dewan Smart City, Tim Pelaksana, Forum, SDM, anggaran). Lengkapi data kelembagaan sebagai bukti dimensi Output.".into(),
            "No data on institutions (council, implementation team, forum, HR, budget). Fill in the institutions data as evidence for the Output dimension.".into(),
        );
        return;
    };
    body(
        out,
        &inst.council,
        "council",
        "Dewan Smart City",
        "Smart City Council",
        cx.method,
        true,
    );
    body(
        out,
        &inst.implementation_team,
        "implementation_team",
        "Tim Pelaksana",
        "implementation team",
        cx.method,
        true,
    );
    body(
        out,
        &inst.forum,
        "forum",
        "Forum Smart City",
        "Smart City Forum",
        cx.method,
        false,
    );
    for (doc, key, id, en) in [
        (
            &inst.hr_plan,
            "hr_plan",
            "Rencana pengembangan SDM",
            "HR development plan",
        ),
        (
            &inst.risk_register,
            "risk_register",
            "Formulir manajemen risiko",
            "risk-management form",
        ),
    ] {
        if let Some(d) = doc {
            if !d.exists {
                out.add(
                    Severity::Warning,
                    Code::DocumentMissing,
                    format!("/institutions/{key}"),
                    format!("{id} belum ada. Susun dan lampirkan sebagai data dukung."),
                    format!("There is no {en}. Prepare one and attach it as evidence."),
                );
            }
        }
    }
    if let Some(b) = &inst.budget {
        let apbd = b.apbd.is_some_and(|v| v > Num::ZERO);
        let other = b.non_apbd.is_some_and(|v| v > Num::ZERO);
        if !apbd && !other {
            out.add(
                Severity::Critical,
                Code::NoBudget,
                "/institutions/budget",
                "Tidak ada anggaran smart city pada tahun evaluasi. Alokasikan APBD dan cari pendanaan non-APBD (CSR, sponsor).".into(),
                "No smart-city budget in the evaluation year. Allocate regional budget (APBD) and seek non-APBD funding (CSR, sponsors).".into(),
            );
        } else if !other {
            out.add(
                Severity::Info,
                Code::NoNonApbdFunding,
                "/institutions/budget/non_apbd",
                "Pendanaan hanya dari APBD. Asesor menilai juga pendanaan non-APBD (CSR, sponsor, swadaya).".into(),
                "Funding comes from APBD only. Assessors also look for non-APBD funding (CSR, sponsors, community).".into(),
            );
        }
    }
}

/// Pillars below the Outcome target, each with the programs that could close the gap. The
/// method sets the target per pillar only (methodology §5, §9.3: running ÷ planned per
/// pillar); it has no per-OPD rate or target, so there is no per-OPD "N more programs"
/// finding: an OPD's programs appear as candidates of their pillars.
fn pillars(out: &mut Out, cx: &Context) {
    let target = cx.method.outcome.target_percent;
    for (pillar, t) in &cx.rates.pillars {
        let name = pillar.label();
        // The one decision of `below_target`, as the output's flag shows it.
        match t.below_target(target) {
            None => {
                let f = out.add(
                    Severity::Warning,
                    Code::PillarWithoutPrograms,
                    "/programs",
                    format!("{} tidak punya program yang direncanakan sampai tahun evaluasi. Setiap pilar perlu program berjalan.", name.id),
                    format!("{} has no program planned up to the evaluation year. Every pillar needs running programs.", name.en),
                );
                f.pillar = Some(*pillar);
            }
            Some(true) => {
                let need = t.needed_for(target);
                let p = t.percent().unwrap_or(Num::ZERO).round2();
                let (pid, pen) = (num_id(p), num_en(p));
                let (tid, ten) = (num_id(target), num_en(target));
                // The programs that could be the missing ones: counted in this pillar, not
                // running yet and not stopped.
                let candidates: Vec<Subject> = cx
                    .mp
                    .programs
                    .iter()
                    .filter(|q| {
                        q.pillar == *pillar
                            && cx.rates.programs.get(q.index).is_some_and(|c| c.counted)
                            && matches!(
                                q.status,
                                ProgramStatus::Planned
                                    | ProgramStatus::InProgress
                                    | ProgramStatus::Delayed
                            )
                    })
                    .map(|q| Subject {
                        status: Some(q.status),
                        ..Subject::program(q)
                    })
                    .collect();
                let (cid, cen) = if candidates.is_empty() {
                    (String::new(), String::new())
                } else {
                    let list = candidates
                        .iter()
                        .map(|c| c.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", ");
                    (
                        format!(
                            " Pilih dari {} program yang belum berjalan: {list}.",
                            candidates.len()
                        ),
                        format!(
                            " Choose from the {} programs not yet running: {list}.",
                            candidates.len()
                        ),
                    )
                };
                let f = out.add(
                    Severity::Warning,
                    Code::PillarBelowTarget,
                    "/programs",
                    format!(
                        "{}: {} dari {} program berjalan ({pid}%), di bawah target {tid}%. Perlu {need} program lagi berjalan agar pilar ini mencapai {tid}%.{cid}",
                        name.id, num_id(t.implemented), t.planned
                    ),
                    format!(
                        "{}: {} of {} programs running ({pen}%), below the {ten}% target. {need} more running programs are needed to bring this pillar to {ten}%.{cen}",
                        name.en, num_en(t.implemented), t.planned
                    ),
                );
                f.pillar = Some(*pillar);
                f.candidates = candidates;
            }
            Some(false) => {}
        }
    }
}

static MANY_QW_STOPPED: Many = Many {
    noun: ["quick win", "quick win", "quick wins"],
    what: ["dihentikan", "were stopped"],
    advice: [
        "Quick win diharapkan berkelanjutan setelah tahun pertamanya; hidupkan kembali atau jelaskan penggantinya.",
        "A quick win is expected to continue after its first year; revive it or explain what replaced it.",
    ],
};
static MANY_QW_OVERDUE: Many = Many {
    noun: ["quick win", "quick win", "quick wins"],
    what: [
        "sudah jatuh tempo tetapi belum diluncurkan",
        "are due but not launched",
    ],
    advice: [
        "Luncurkan atau tetapkan jadwal barunya.",
        "Launch, or set a new schedule.",
    ],
};
static MANY_QW_LATE: Many = Many {
    noun: ["quick win", "quick win", "quick wins"],
    what: [
        "diluncurkan setelah jadwalnya",
        "were launched after their schedule",
    ],
    advice: [
        "Asesor memberi nilai lebih rendah untuk peluncuran terlambat.",
        "Assessors score a late launch lower.",
    ],
};
static MANY_QW_UNPROVEN: Many = Many {
    noun: ["quick win", "quick win", "quick wins"],
    what: [
        "disebut berjalan tanpa data dukung",
        "are said to be running without evidence",
    ],
    advice: [
        "Asesor mengurangi nilai klaim tanpa bukti: lampirkan foto, tautan layanan atau laporan.",
        "Assessors discount claims without evidence: attach photos, a service link or a report.",
    ],
};
static MANY_UNPROVEN: Many = Many {
    noun: ["program", "program", "programs"],
    what: [
        "berstatus berjalan tanpa data dukung",
        "are marked running without evidence",
    ],
    advice: [
        "Lampirkan bukti (SK, tautan, laporan).",
        "Attach proof (decree, link, report).",
    ],
};
static MANY_OVERDUE: Many = Many {
    noun: ["program", "program", "programs"],
    what: [
        "melewati tahun selesainya tetapi belum berjalan",
        "are past their end year but not running",
    ],
    advice: [
        "Percepat pelaksanaannya atau revisi jadwalnya dalam masterplan.",
        "Speed up the work or revise the schedule in the masterplan.",
    ],
};
static MANY_DELAYED: Many = Many {
    noun: ["program", "program", "programs"],
    what: ["tertunda", "are delayed"],
    advice: [
        "Tetapkan jadwal baru dan tindak lanjutnya agar program dapat berjalan.",
        "Set a new schedule and the follow-up to get the work going.",
    ],
};
static MANY_STOPPED: Many = Many {
    noun: ["program", "program", "programs"],
    what: ["dihentikan", "were stopped"],
    advice: [
        "Jelaskan alasannya atau ganti dengan program lain pada pilar yang sama.",
        "Explain why, or plan a replacement in the same pillar.",
    ],
};
static MANY_READINESS: Many = Many {
    noun: ["butir kesiapan", "readiness item", "readiness items"],
    what: [
        "bernilai sedang atau baik tanpa data dukung",
        "are rated moderate or good without evidence",
    ],
    advice: ["Lampirkan data dukungnya.", "Attach the evidence."],
};

fn quick_wins(out: &mut Out, cx: &Context) {
    if cx.quick_wins.is_empty() {
        out.add(
            Severity::Warning,
            Code::NoQuickWins,
            "/programs",
            "Tidak ada program quick win. Tandai program percepatan sebagai quick win, lengkap dengan tahun dan status peluncurannya.".into(),
            "There are no quick wins. Mark acceleration programs as quick wins, with their year and launch status.".into(),
        );
    }
    for (p, qw, r) in cx.quick_wins {
        let late = qw.launched_year.unwrap_or(qw.year);
        let case = match r.state {
            State::Stopped => Some((
                (Severity::Warning, Code::QuickWinStopped),
                &MANY_QW_STOPPED,
                ("dihentikan".to_string(), "was stopped".to_string()),
            )),
            State::Pending => Some((
                (Severity::Warning, Code::QuickWinOverdue),
                &MANY_QW_OVERDUE,
                (
                    format!("dijadwalkan {} tetapi belum diluncurkan", qw.year),
                    format!("was due in {} but has not been launched", qw.year),
                ),
            )),
            State::Late | State::SustainedLate => Some((
                (Severity::Info, Code::QuickWinLate),
                &MANY_QW_LATE,
                (
                    format!("diluncurkan {late}, setelah jadwalnya {}", qw.year),
                    format!("was launched in {late}, after its {} schedule", qw.year),
                ),
            )),
            _ => None,
        };
        if let Some((kind, many, (id, en))) = case {
            out.program(kind, p, "/quick_win", many, (&id, &en));
        }
        if r.achieved && p.evidence.is_empty() {
            out.program(
                (Severity::Warning, Code::ClaimWithoutEvidence),
                p,
                "/evidence",
                &MANY_QW_UNPROVEN,
                (
                    "disebut berjalan tanpa data dukung",
                    "is said to be running without evidence",
                ),
            );
        }
    }
}

fn programs(out: &mut Out) {
    let year = out.mp.evaluation.year;
    let mp = out.mp;
    // One finding per program; `group` then makes one to-do per kind, pillar and OPD, so a
    // large file's list stays readable.
    for p in &mp.programs {
        if p.quick_win.is_none() && p.status.is_implemented() && p.evidence.is_empty() {
            out.program(
                (Severity::Info, Code::ClaimWithoutEvidence),
                p,
                "/evidence",
                &MANY_UNPROVEN,
                (
                    "berstatus berjalan tanpa data dukung",
                    "is marked running without evidence",
                ),
            );
        }
        let unfinished = matches!(
            p.status,
            ProgramStatus::Planned | ProgramStatus::InProgress | ProgramStatus::Delayed
        );
        let overdue = unfinished && p.end_year.is_some_and(|end| end < year);
        if let (true, Some(end)) = (overdue, p.end_year) {
            out.program(
                (Severity::Warning, Code::ProgramOverdue),
                p,
                "/status",
                &MANY_OVERDUE,
                (
                    &format!("seharusnya selesai {end} tetapi belum berjalan"),
                    &format!("should have been done by {end} but is not running"),
                ),
            );
        } else if p.status == ProgramStatus::Delayed {
            out.program(
                (Severity::Warning, Code::ProgramDelayed),
                p,
                "/status",
                &MANY_DELAYED,
                ("tertunda", "is delayed"),
            );
        }
        if p.status == ProgramStatus::Stopped && p.quick_win.is_none() {
            out.program(
                (Severity::Info, Code::ProgramStopped),
                p,
                "/status",
                &MANY_STOPPED,
                ("dihentikan", "was stopped"),
            );
        }
    }
}

fn dimensions(out: &mut Out, cx: &Context) {
    for (d, s) in &cx.evaluation.dimensions {
        if s.source == ScoreSource::Missing {
            let (id, en) = match d {
                Dimension::Baseline => ("indeks tahun sebelumnya", "the previous year's index"),
                Dimension::Output => ("data kelembagaan", "institutions data"),
                Dimension::Outcome => (
                    "program yang direncanakan sampai tahun evaluasi",
                    "programs planned up to the evaluation year",
                ),
                Dimension::Impact => (
                    "survei dampak atau indikator daerah",
                    "impact surveys or regional indicators",
                ),
                Dimension::QuickWin => (
                    "quick win yang jatuh tempo",
                    "quick wins due by the evaluation year",
                ),
            };
            out.add(
                Severity::Critical,
                Code::DimensionMissing,
                format!("/evaluation/dimension_scores/{}", d.id()),
                format!("Dimensi {} belum bisa dinilai: tambahkan {id}, atau isi nilai resmi dimensi ini. Indeks yang ditampilkan hanya perkiraan.", d.label().id),
                format!("The {} dimension cannot be scored: add {en}, or enter the dimension's official score. The index shown is only an estimate.", d.label().en),
            );
        }
        if let (ScoreSource::Provided, Some(p), Some(c)) = (s.source, s.score, s.computed_score) {
            if (p - c) >= Num::parse("0.5").unwrap_or(Num::ONE)
                || (c - p) >= Num::parse("0.5").unwrap_or(Num::ONE)
            {
                out.add(
                    Severity::Info,
                    Code::ProvidedDiffers,
                    format!("/evaluation/dimension_scores/{}", d.id()),
                    format!("Nilai resmi {} ({}) jauh dari hasil hitung bukti di berkas ({}). Periksa kelengkapan bukti.", d.label().id, num_id(p), num_id(c)),
                    format!("The official {} score ({}) is far from what the file's evidence gives ({}). Check the evidence is complete.", d.label().en, num_en(p), num_en(c)),
                );
            }
        }
    }
    if let Some(imp) = cx.evaluation.improvement {
        if imp < Num::ZERO {
            out.add(
                Severity::Warning,
                Code::IndexDeclined,
                "/evaluation/previous",
                format!(
                    "Indeks turun {} dibanding tahun sebelumnya.",
                    num_id(Num::ZERO - imp)
                ),
                format!(
                    "The index fell by {} compared with the previous year.",
                    num_en(Num::ZERO - imp)
                ),
            );
        }
    }
}

fn national(out: &mut Out, cx: &Context) {
    let n = cx.national;
    let year = cx.mp.evaluation.year;
    if let Some(s) = n.spbe.as_ref().filter(|s| s.concern) {
        out.add(
            Severity::Warning,
            Code::SpbeLow,
            "/national_indices/spbe",
            format!("Indeks SPBE {} (predikat {}) masih rendah. Perkuat layanan dan tata kelola SPBE; asesor memakainya sebagai bukti Output.", num_id(s.value), s.predicate),
            format!("The SPBE index {} ({}) is low. Strengthen e-government services and governance; assessors use it as Output evidence.", num_en(s.value), s.label_en),
        );
    }
    if let Some(s) = n.pemdi.as_ref().filter(|s| s.concern) {
        out.add(
            Severity::Warning,
            Code::PemdiLow,
            "/national_indices/pemdi",
            format!("Indeks Pemerintah Digital {} (predikat {}) masih rendah. Perkuat layanan dan tata kelola pemerintahan digital; asesor memakainya sebagai bukti Output.", num_id(s.value), s.predicate),
            format!("The digital government index (Pemdi) {} ({}) is low. Strengthen digital government services and governance; assessors use it as Output evidence.", num_en(s.value), s.label_en),
        );
    }
    match (&n.spbe, &n.pemdi) {
        (Some(_), Some(_)) => {
            out.add(
            Severity::Warning,
            Code::DigitalIndexBoth,
            "/national_indices",
            format!("Berkas memuat Indeks SPBE dan Indeks Pemerintah Digital (Pemdi) untuk evaluasi {year}. Pemdi menggantikan SPBE (PermenPANRB 8/2026), jadi Output memakai Pemdi; hapus nilai yang bukan untuk tahun ini."),
            format!("The file gives both the SPBE index and the digital government index (Pemdi) for the {year} evaluation. Pemdi replaces SPBE (PermenPANRB 8/2026), so Output uses Pemdi; remove the value that is not for this year."),
            );
        }
        (Some(_), None) if year >= PEMDI_FROM_YEAR => {
            out.add(
            Severity::Info,
            Code::SpbeSuperseded,
            "/national_indices/spbe",
            format!("Untuk evaluasi {year}, Indeks SPBE (PermenPANRB 59/2020) sudah diganti Indeks Pemerintah Digital (PermenPANRB 8/2026). Nilai SPBE tetap dibaca dengan tabel lamanya; cantumkan nilai Pemdi bila sudah terbit."),
            format!("For the {year} evaluation, the SPBE index (PermenPANRB 59/2020) has been replaced by the digital government index, Pemdi (PermenPANRB 8/2026). The SPBE value is still read with its own table; give the Pemdi value once it is published."),
            );
        }
        _ => {}
    }
    if n.pemdi.is_some() && year < PEMDI_FROM_YEAR {
        out.add(
            Severity::Warning,
            Code::PemdiTooEarly,
            "/national_indices/pemdi",
            format!("Indeks Pemerintah Digital (Pemdi) baru berlaku sejak evaluasi {PEMDI_FROM_YEAR} (PermenPANRB 8/2026), tetapi berkas ini untuk evaluasi {year}. Untuk tahun sebelum {PEMDI_FROM_YEAR} cantumkan Indeks SPBE."),
            format!("The digital government index (Pemdi) applies from the {PEMDI_FROM_YEAR} evaluation on (PermenPANRB 8/2026), but this file is for the {year} evaluation. For years before {PEMDI_FROM_YEAR}, give the SPBE index."),
        );
    }
    for (g, key, name) in [(&n.sakip, "sakip", "SAKIP"), (&n.ikm, "ikm", "IKM")] {
        if let Some(g) = g.as_ref().filter(|g| g.concern) {
            out.add(
                Severity::Warning,
                if key == "sakip" {
                    Code::SakipLow
                } else {
                    Code::IkmLow
                },
                format!("/national_indices/{key}"),
                format!(
                    "Nilai {name} {} ({}, {}) di bawah harapan.",
                    num_id(g.value),
                    g.grade,
                    g.label
                ),
                format!(
                    "The {name} score {} ({}, {}) is below expectations.",
                    num_en(g.value),
                    g.grade,
                    g.label_en
                ),
            );
        }
    }
    if let Some(i) = n.ipm.as_ref().filter(|i| i.concern) {
        out.add(
            Severity::Warning,
            Code::IpmLow,
            "/national_indices/ipm",
            format!("IPM {} berkategori {}.", num_id(i.value), i.category),
            format!(
                "The HDI {} is in the {} category.",
                num_en(i.value),
                i.label_en
            ),
        );
    }
    if let Some(o) = n.bpk_opinion.as_ref().filter(|o| o.concern) {
        out.add(
            Severity::Warning,
            Code::BpkNotWtp,
            "/national_indices/bpk_opinion",
            format!("Opini BPK {} ({}), bukan WTP.", o.value.id(), o.label),
            format!(
                "The BPK opinion is {} ({}), not unqualified.",
                o.value.id(),
                o.label_en
            ),
        );
    }
}

fn readiness_findings(out: &mut Out, cx: &Context) {
    let Some(r) = cx.readiness else {
        out.add(
            Severity::Info,
            Code::ReadinessMissing,
            "",
            "Belum ada analisis kesiapan daerah. Lengkapi analisis kesiapan (struktur, infrastruktur, suprastruktur).".into(),
            "There is no readiness analysis. Fill in the readiness analysis (structure, infrastructure, superstructure).".into(),
        );
        return;
    };
    for a in Aspect::ALL {
        if let Some(Some(score)) = r.aspects.get(a) {
            if *score < cx.method.readiness.weak_below {
                out.add(
                    Severity::Warning,
                    Code::ReadinessWeakAspect,
                    "/readiness/items",
                    format!(
                        "Aspek {} lemah (rata-rata {}).",
                        a.label().id,
                        num_id(score.round2())
                    ),
                    format!(
                        "The {} aspect is weak (mean {}).",
                        // Labels are ASCII (checked in decode::vocab's tests).
                        a.label().en.to_ascii_lowercase(),
                        num_en(score.round2())
                    ),
                );
            }
        }
    }
    if let Some(items) = &cx.mp.readiness {
        for (i, item) in items.iter().enumerate() {
            if item.score >= cx.method.readiness.moderate_from && item.evidence.is_empty() {
                let label = item.question.clone().unwrap_or_else(|| item.id.clone());
                let subject = Subject {
                    kind: "readiness_item",
                    index: i,
                    id: item.id.clone(),
                    label: label.clone(),
                    status: None,
                    agency_index: None,
                };
                out.case(
                    (Severity::Info, Code::ClaimWithoutEvidence),
                    format!("/readiness/items/{i}"),
                    &MANY_READINESS,
                    (&quote(&label), subject),
                    (
                        &format!("bernilai {} tanpa data dukung", item.score),
                        &format!("is rated {} without evidence", item.score),
                    ),
                );
            }
        }
    }
}

fn impact(out: &mut Out, cx: &Context) {
    let Some(impact) = &cx.mp.impact else {
        return;
    };
    for s in &impact.surveys {
        if s.respondents < cx.method.impact.min_respondents {
            let f = out.add(
                Severity::Warning,
                Code::SurveyTooSmall,
                format!("/impact/surveys/{}/respondents", s.index),
                format!(
                    "Survei {} hanya {} responden; protokol meminta {} per pilar.",
                    s.pillar.label().id,
                    s.respondents,
                    cx.method.impact.min_respondents
                ),
                format!(
                    "The {} survey has only {} respondents; the protocol asks for {} per pillar.",
                    s.pillar.label().en,
                    s.respondents,
                    cx.method.impact.min_respondents
                ),
            );
            f.pillar = Some(s.pillar);
        }
    }
    for p in Pillar::ALL {
        if !cx.impact_pillars.contains_key(p) {
            let f = out.add(
                Severity::Warning,
                Code::ImpactPillarMissing,
                "/impact",
                format!(
                    "{} belum punya bukti dampak (survei atau indikator).",
                    p.label().id
                ),
                format!(
                    "{} has no impact evidence (survey or indicator).",
                    p.label().en
                ),
            );
            f.pillar = Some(*p);
        }
    }
}

/// Converts a problem severity (only warnings reach findings).
pub fn is_warning(p: &Problem) -> bool {
    p.severity == ProblemSeverity::Warning
}
