//! Findings: the weaknesses an assessor would write before the real evaluation, each with a
//! severity, the path it concerns and a message in Bahasa Indonesia and English.

use crate::support::map::Map;

use serde::Serialize;

use crate::method::Method;
use crate::model::decimal::Num;
use crate::model::framework::{vocabulary, Aspect, Dimension, Pillar, ProgramStatus};
use crate::model::masterplan::{Body, LegalBasis, Masterplan, Program};
use crate::model::problem::{Location, Problem, Problems, Severity as ProblemSeverity};
use crate::model::text::{num_en, num_id, Text};
use crate::score::evaluation::{EvaluationResult, ScoreSource};
use crate::score::implementation::{agency_key, Rates};
use crate::score::national::National;
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
    /// The program whose lead agency the finding concerns (index into `programs`); the
    /// assessment turns it into `agency_index`. Not written out.
    #[serde(skip)]
    pub program: Option<usize>,
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
            program: None,
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
                    "unknown_indicator",
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
        code: &'static str,
        path: impl Into<String>,
        id: String,
        en: String,
    ) -> &mut Finding {
        self.list.push(Finding {
            severity,
            code,
            path: path.into(),
            message: Text::new(id, en),
            pillar: None,
            agency: None,
            agency_index: None,
            line: None,
            column: None,
            programs: Vec::new(),
            program: None,
        });
        let last = self.list.len() - 1;
        &mut self.list[last]
    }

    fn program(
        &mut self,
        severity: Severity,
        code: &'static str,
        p: &Program,
        suffix: &str,
        id: String,
        en: String,
    ) {
        let path = format!("/programs/{}{suffix}", p.index);
        let f = self.add(severity, code, path, id, en);
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
    crate::model::problem::sort_by_rank(&mut out.list, |f| Some(f.severity as usize));
    out.list
}

fn regulation(out: &mut Out, cx: &Context) {
    let year = cx.mp.evaluation.year;
    match &cx.mp.masterplan {
        None => {
            out.add(
                Severity::Warning,
                "masterplan_missing",
                "",
                "Data dokumen masterplan (periode dan dasar hukum) belum diisi. Tambahkan bagian \"masterplan\".".into(),
                "The masterplan document (period and legal basis) is not described. Add a \"masterplan\" section.".into(),
            );
        }
        Some(doc) => {
            match doc.legal_basis {
                LegalBasis::None => {
                    out.add(
                        Severity::Critical,
                        "masterplan_not_fixed",
                        "/masterplan/legal_basis",
                        "Masterplan belum ditetapkan dengan Perbup/Perwali atau Perda. Tetapkan agar program punya dasar hukum dan anggaran.".into(),
                        "The masterplan is not yet fixed by a regent/mayor regulation or a regional regulation. Fix it so programs have a legal and budget basis.".into(),
                    );
                }
                LegalBasis::Unknown => {
                    out.add(
                        Severity::Info,
                        "legal_basis_unknown",
                        "/masterplan",
                        "Berkas tidak menyebut dasar hukum masterplan (legal_basis). Isi nomor dan tahun Perbup/Perwali/Perda, atau null bila belum ada.".into(),
                        "The file does not state the masterplan's legal basis (legal_basis). Give the regulation's number and year, or null if there is none.".into(),
                    );
                }
                LegalBasis::Fixed { .. } => {}
            }
            if let Some(end) = doc.period_end {
                if end < year {
                    out.add(
                        Severity::Warning,
                        "masterplan_period_ended",
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
                "institution_unknown",
                path,
                format!("Belum ada data {id_name}. Isi \"{key}\" agar dimensi Output dapat menilainya."),
                format!("No data on the {en_name}. Fill in \"{key}\" so the Output dimension can score it."),
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
                "institution_missing",
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
                    "institution_inactive",
                    path.clone(),
                    format!("{id_name} tidak aktif pada tahun evaluasi. Adakan pertemuan (minimal {} kali) dan simpan notulen sebagai data dukung.", method.output.regular_meetings),
                    format!("The {en_name} was not active in the evaluation year. Hold meetings (at least {}) and keep the minutes as evidence.", method.output.regular_meetings),
                );
            }
            if b.decree.is_none() && b.evidence.is_empty() {
                out.add(
                    Severity::Info,
                    "claim_without_evidence",
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
            "institutions_missing",
            "",
            "Belum ada data kelembagaan (Dewan Smart City, Tim Pelaksana, Forum, SDM, anggaran). Tambahkan bagian \"institutions\" sebagai bukti dimensi Output.".into(),
            "No data on institutions (council, implementation team, forum, HR, budget). Add an \"institutions\" section as evidence for the Output dimension.".into(),
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
                    "document_missing",
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
                "no_budget",
                "/institutions/budget",
                "Tidak ada anggaran smart city pada tahun evaluasi. Alokasikan APBD dan cari pendanaan non-APBD (CSR, sponsor).".into(),
                "No smart-city budget in the evaluation year. Allocate regional budget (APBD) and seek non-APBD funding (CSR, sponsors).".into(),
            );
        } else if !other {
            out.add(
                Severity::Info,
                "no_non_apbd_funding",
                "/institutions/budget/non_apbd",
                "Pendanaan hanya dari APBD. Asesor menilai juga pendanaan non-APBD (CSR, sponsor, swadaya).".into(),
                "Funding comes from APBD only. Assessors also look for non-APBD funding (CSR, sponsors, community).".into(),
            );
        }
    }
}

fn pillars(out: &mut Out, cx: &Context) {
    let target = cx.method.outcome.target_percent;
    for (pillar, t) in &cx.rates.pillars {
        let name = pillar.label();
        // The one decision of `below_target`, as the output's flag shows it.
        match t.below_target(target) {
            None => {
                let f = out.add(
                    Severity::Warning,
                    "pillar_without_programs",
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
                let f = out.add(
                    Severity::Warning,
                    "pillar_below_target",
                    "/programs",
                    format!(
                        "{}: {} dari {} program berjalan ({pid} %), di bawah {} %. {need} program lagi yang berjalan membawa pilar ini ke {} %.",
                        name.id, num_id(t.implemented), t.planned, num_id(target), num_id(target)
                    ),
                    format!(
                        "{}: {} of {} programs running ({pen} %), below {} %. {need} more running programs bring this pillar to {} %.",
                        name.en, num_en(t.implemented), t.planned, num_en(target), num_en(target)
                    ),
                );
                f.pillar = Some(*pillar);
            }
            Some(false) => {}
        }
    }
}

fn quick_wins(out: &mut Out, cx: &Context) {
    if cx.quick_wins.is_empty() {
        out.add(
            Severity::Warning,
            "no_quick_wins",
            "/programs",
            "Tidak ada program quick win. Tandai program percepatan dengan horizon \"quick_win\" dan objek \"quick_win\".".into(),
            "There are no quick wins. Mark acceleration programs with horizon \"quick_win\" and a \"quick_win\" object.".into(),
        );
    }
    for (p, qw, r) in cx.quick_wins {
        let name = quote(&p.name);
        match r.state {
            State::Stopped => out.program(
                Severity::Warning,
                "quick_win_stopped",
                p,
                "/quick_win",
                format!("Quick win {name} dihentikan. Quick win diharapkan berkelanjutan setelah tahun pertamanya; hidupkan kembali atau jelaskan penggantinya."),
                format!("Quick win {name} was stopped. Quick wins are expected to continue after their first year; revive it or explain what replaced it."),
            ),
            State::Pending => out.program(
                Severity::Warning,
                "quick_win_overdue",
                p,
                "/quick_win",
                format!("Quick win {name} dijadwalkan {} tetapi belum diluncurkan.", qw.year),
                format!("Quick win {name} was due in {} but has not been launched.", qw.year),
            ),
            State::Late => out.program(
                Severity::Info,
                "quick_win_late",
                p,
                "/quick_win",
                format!("Quick win {name} diluncurkan {} dari jadwal {}.", qw.launched_year.unwrap_or(qw.year), qw.year),
                format!("Quick win {name} was launched in {}, after its {} schedule.", qw.launched_year.unwrap_or(qw.year), qw.year),
            ),
            _ => {}
        }
        if r.achieved && p.evidence.is_empty() {
            out.program(
                Severity::Warning,
                "claim_without_evidence",
                p,
                "/evidence",
                format!("Quick win {name} disebut berjalan tanpa data dukung. Asesor mengurangi nilai klaim tanpa bukti: lampirkan foto, tautan layanan atau laporan."),
                format!("Quick win {name} is said to be running without evidence. Assessors discount claims without evidence: attach photos, a service link or a report."),
            );
        }
    }
}

fn programs(out: &mut Out) {
    let year = out.mp.evaluation.year;
    let mp = out.mp;
    // Running programs without evidence: one to-do per agency and pillar, not one per
    // program, so a large file's list stays readable.
    // Grouped by the agency key of the assessment's `agencies`, so a group is one agency's;
    // in one go, since the keys come from the file (see `support::map`).
    let unproven = Map::<(Option<&str>, Pillar), Vec<&Program>>::grouped(
        mp.programs
            .iter()
            .filter(|p| p.quick_win.is_none() && p.status.is_implemented() && p.evidence.is_empty())
            .map(|p| ((agency_key(p.lead_agency.as_deref()), p.pillar), p))
            .collect(),
        |list, p| list.push(p),
    );
    for ((agency, pillar), list) in unproven {
        if let [p] = list.as_slice() {
            let name = quote(&p.name);
            out.program(
                Severity::Info,
                "claim_without_evidence",
                p,
                "/evidence",
                format!("Program {name} berstatus berjalan tanpa data dukung. Lampirkan bukti (SK, tautan, laporan)."),
                format!("Program {name} is marked running without evidence. Attach proof (decree, link, report)."),
            );
            continue;
        }
        const SHOWN: usize = 8;
        let mut ids = list
            .iter()
            .take(SHOWN)
            .map(|p| p.id.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        let more = list.len().saturating_sub(SHOWN);
        let (more_id, more_en) = if more > 0 {
            (format!(" dan {more} lainnya"), format!(" and {more} more"))
        } else {
            (String::new(), String::new())
        };
        ids = quote(&ids);
        let n = list.len();
        let (pid, pen) = (pillar.label().id, pillar.label().en);
        let f = out.add(
            Severity::Info,
            "claim_without_evidence",
            "/programs",
            format!("{n} program {pid} berstatus berjalan tanpa data dukung ({ids}{more_id}). Lampirkan bukti (SK, tautan, laporan) untuk setiap program."),
            format!("{n} {pen} programs are marked running without evidence ({ids}{more_en}). Attach proof (decree, link, report) to each."),
        );
        f.pillar = Some(pillar);
        f.agency = agency.map(str::to_string);
        f.programs = list.iter().map(|p| p.index).collect();
        f.program = list.first().map(|p| p.index);
    }
    for p in &mp.programs {
        let name = quote(&p.name);
        let unfinished = matches!(
            p.status,
            ProgramStatus::Planned | ProgramStatus::InProgress | ProgramStatus::Delayed
        );
        if let Some(end) = p.end_year {
            if unfinished && end < year {
                out.program(
                    Severity::Warning,
                    "program_overdue",
                    p,
                    "/status",
                    format!("Program {name} seharusnya selesai {end} tetapi belum berjalan."),
                    format!("Program {name} should have been done by {end} but is not running."),
                );
            }
        }
        if p.status == ProgramStatus::Stopped && p.quick_win.is_none() {
            out.program(
                Severity::Info,
                "program_stopped",
                p,
                "/status",
                format!("Program {name} dihentikan. Jelaskan alasannya atau ganti dengan program lain pada pilar yang sama."),
                format!("Program {name} was stopped. Explain why, or replace it with another program in the same pillar."),
            );
        }
    }
}

fn dimensions(out: &mut Out, cx: &Context) {
    for (d, s) in &cx.evaluation.dimensions {
        if s.source == ScoreSource::Missing {
            let (id, en) = match d {
                Dimension::Baseline => (
                    "indeks tahun sebelumnya (evaluation.previous)",
                    "the previous year's index (evaluation.previous)",
                ),
                Dimension::Output => (
                    "data kelembagaan (institutions)",
                    "institutions data (institutions)",
                ),
                Dimension::Outcome => (
                    "program yang direncanakan sampai tahun evaluasi",
                    "programs planned up to the evaluation year",
                ),
                Dimension::Impact => (
                    "survei dampak atau indikator daerah (impact)",
                    "impact surveys or regional indicators (impact)",
                ),
                Dimension::QuickWin => (
                    "quick win yang jatuh tempo",
                    "quick wins due by the evaluation year",
                ),
            };
            out.add(
                Severity::Critical,
                "dimension_missing",
                format!("/evaluation/dimension_scores/{}", d.id()),
                format!("Dimensi {} belum bisa dinilai: tambahkan {id}, atau nilai resminya di evaluation.dimension_scores. Indeks yang ditampilkan hanya perkiraan.", d.label().id),
                format!("The {} dimension cannot be scored: add {en}, or its official score in evaluation.dimension_scores. The index shown is only an estimate.", d.label().en),
            );
        }
        if let (ScoreSource::Provided, Some(p), Some(c)) = (s.source, s.score, s.computed_score) {
            if (p - c) >= Num::parse("0.5").unwrap_or(Num::ONE)
                || (c - p) >= Num::parse("0.5").unwrap_or(Num::ONE)
            {
                out.add(
                    Severity::Info,
                    "provided_differs",
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
                "index_declined",
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
    if let Some(s) = n.spbe.as_ref().filter(|s| s.concern) {
        out.add(
            Severity::Warning,
            "spbe_low",
            "/national_indices/spbe",
            format!("Indeks SPBE {} (predikat {}) masih rendah. Perkuat layanan dan tata kelola SPBE; asesor memakainya sebagai bukti Output.", num_id(s.value), s.predicate),
            format!("The SPBE index {} ({}) is low. Strengthen e-government services and governance; assessors use it as Output evidence.", num_en(s.value), s.label_en),
        );
    }
    for (g, key, name) in [(&n.sakip, "sakip", "SAKIP"), (&n.ikm, "ikm", "IKM")] {
        if let Some(g) = g.as_ref().filter(|g| g.concern) {
            out.add(
                Severity::Warning,
                if key == "sakip" {
                    "sakip_low"
                } else {
                    "ikm_low"
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
            "ipm_low",
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
            "bpk_not_wtp",
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
            "readiness_missing",
            "",
            "Belum ada analisis kesiapan daerah. Tambahkan bagian \"readiness\" (struktur, infrastruktur, suprastruktur).".into(),
            "There is no readiness analysis. Add a \"readiness\" section (structure, infrastructure, superstructure).".into(),
        );
        return;
    };
    for a in Aspect::ALL {
        if let Some(Some(score)) = r.aspects.get(a) {
            if *score < cx.method.readiness.weak_below {
                out.add(
                    Severity::Warning,
                    "readiness_weak_aspect",
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
                out.add(
                    Severity::Info,
                    "claim_without_evidence",
                    format!("/readiness/items/{i}"),
                    format!(
                        "Butir kesiapan {} bernilai {} tanpa data dukung.",
                        quote(&item.id),
                        item.score
                    ),
                    format!(
                        "Readiness item {} is rated {} without evidence.",
                        quote(&item.id),
                        item.score
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
                "survey_too_small",
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
                "impact_pillar_missing",
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
