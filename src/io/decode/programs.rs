//! The programs and their quick-win details, with the cross-field rules of spec §1 and §3.

use std::borrow::Cow;

use crate::support::hash::FxMap;

use super::read::{Obj, Sink};
use super::sections::duplicate_id;
use super::shape;
use crate::io::json::Node;
use crate::model::code::Code;
use crate::model::framework::{Horizon, Pillar, ProgramStatus, QuickWinStatus, SubDimension};
use crate::model::masterplan::{Program, QuickWin};

/// Most programs in one file.
pub(super) const MAX_PROGRAMS: usize = 50_000;

pub(super) fn programs(root: &Obj, eval_year: Option<i64>, s: &mut Sink) -> Option<Vec<Program>> {
    let items = root.array("programs", MAX_PROGRAMS, s)?;
    let mut out = Vec::with_capacity(items.len());
    let mut seen: FxMap<Cow<str>, usize> = FxMap::default();
    for (index, (node, path)) in items.into_iter().enumerate() {
        if let Some(p) = program(index, node, path, eval_year, &mut seen, s) {
            out.push(p);
        }
    }
    Some(out)
}

/// The sub-dimension of `o`, which must belong to `pillar` when that is known.
pub(super) fn sub_dimension(o: &Obj, pillar: Option<Pillar>, s: &mut Sink) -> Option<SubDimension> {
    let sub: SubDimension = o.vocab("sub_dimension", s)?;
    let (Some(pillar), Some(node)) = (pillar, o.get("sub_dimension")) else {
        return Some(sub);
    };
    if sub.pillar() == pillar {
        return Some(sub);
    }
    let (id, own, ids) = (sub.id(), sub.pillar().id(), pillar.sub_dimension_ids());
    let p = pillar.id();
    s.error(
        Code::SubDimensionWrongPillar,
        o.child("sub_dimension"),
        node.at,
        format!("Sub-dimensi \"{id}\" termasuk pilar {own}, bukan {p}. Untuk pilar {p} gunakan salah satu: {ids}; atau ubah pilarnya menjadi {own}."),
        format!("The sub-dimension \"{id}\" belongs to the pillar {own}, not {p}. For {p} use one of: {ids}; or change the pillar to {own}."),
    );
    None
}

fn program<'n>(
    index: usize,
    node: &'n Node<'n>,
    path: String,
    eval_year: Option<i64>,
    seen: &mut FxMap<Cow<'n, str>, usize>,
    s: &mut Sink,
) -> Option<Program> {
    let o = Obj::open(node, path, &shape::PROGRAM, s)?;
    let id = o.name("id", true, s);
    // The id as written in the tree, which outlives this program: the set borrows it.
    if let (Some(_), Some(id_node)) = (&id, o.get("id")) {
        let written = id_node.as_str().unwrap_or_default();
        duplicate_id(
            seen,
            written,
            index,
            "programs",
            o.child("id"),
            id_node.at,
            s,
        );
    }
    let name = o.text("name", true, s);
    let pillar = o.vocab("pillar", s);
    let sub_dimension = sub_dimension(&o, pillar, s);
    let horizon = o.vocab("horizon", s);
    let start_year = o.year("start_year", s);
    let end_year = o.year("end_year", s);
    let status = o.vocab("status", s);
    let progress_percent = o.num("progress_percent", 0, 100, s);
    // Invisible characters left out, so names that look the same are one agency.
    let lead_agency = o
        .name("lead_agency", false, s)
        .map(|a| super::read::without_invisible(&a).into_owned());
    let evidence = o.strings("evidence", s);
    let quick_win = o
        .object("quick_win", &shape::QUICK_WIN, s)
        .and_then(|q| quick_win(&q, start_year, status, eval_year, s));

    if let (Some(start), Some(end), Some(end_node)) = (start_year, end_year, o.get("end_year")) {
        if end < start {
            s.error(
                Code::EndBeforeStart,
                o.child("end_year"),
                end_node.at,
                format!("Program berakhir ({end}) sebelum dimulai ({start}). Periksa tahun mulai dan tahun selesainya."),
                format!("The program ends ({end}) before it starts ({start}). Check its start and end years."),
            );
        }
    }
    match (horizon, o.get("quick_win")) {
        (Some(Horizon::QuickWin), None) => s.error(
            Code::QuickWinMissing,
            o.child("quick_win"),
            o.node.at,
            "Program berjangka waktu quick win perlu data quick win (tahun target dan status). Lengkapi datanya, atau ubah jangka waktunya.".into(),
            "A program with the time frame quick win needs its quick-win data (target year and status). Add it, or change the time frame.".into(),
        ),
        (Some(h), Some(qw)) if h != Horizon::QuickWin => s.error(
            Code::QuickWinNotQuickWinHorizon,
            o.child("quick_win"),
            qw.at,
            format!("Program ini memiliki data quick win, tetapi jangka waktunya \"{}\". Ubah jangka waktunya menjadi quick win, atau hapus data quick win-nya.", h.label().id),
            format!("This program has quick-win data, but its time frame is \"{}\". Change the time frame to quick win, or remove the quick-win data.", h.label().en),
        ),
        _ => {}
    }
    if let (Some(st), Some(start), Some(ey), Some(start_node)) =
        (status, start_year, eval_year, o.get("start_year"))
    {
        if st.is_implemented() && start > ey {
            s.warning(
                Code::RunningBeforeStart,
                o.child("start_year"),
                start_node.at,
                format!("Program berstatus \"{}\" tetapi baru dimulai tahun {start}, setelah tahun evaluasi {ey}. Periksa tahun mulai atau statusnya.", st.label().id),
                format!("The program is \"{}\" but starts in {start}, after the evaluation year {ey}. Check its start year or status.", st.label().en),
            );
        }
    }

    Some(Program {
        index,
        id: id?,
        name: name?,
        pillar: pillar?,
        sub_dimension,
        horizon: horizon?,
        start_year: start_year?,
        end_year,
        status: status?,
        progress_percent,
        lead_agency,
        evidence,
        quick_win,
    })
}

fn quick_win(
    q: &Obj,
    start_year: Option<i64>,
    program_status: Option<ProgramStatus>,
    eval_year: Option<i64>,
    s: &mut Sink,
) -> Option<QuickWin> {
    let year = q.year("year", s);
    let status: Option<QuickWinStatus> = q.vocab("status", s);
    let launched_year = q.year("launched_year", s);
    let innovation_score = q.int("innovation_score", 1, 4, s);

    if let Some(st) = status {
        let status_at = q.get("status").map_or(q.node.at, |n| n.at);
        match (st.was_launched(), q.get("launched_year")) {
            (true, None) => s.error(
                Code::QuickWinMissingLaunchedYear,
                q.child("launched_year"),
                q.node.at,
                format!("Quick win berstatus \"{}\" harus mencantumkan tahun peluncurannya: tahun quick win mulai berjalan, misalnya 2022.", st.label().id),
                format!("A quick win with status \"{}\" needs its launch year: the year it went live, e.g. 2022.", st.label().en),
            ),
            (false, Some(node)) => s.error(
                Code::QuickWinLaunchedYearUnexpected,
                q.child("launched_year"),
                node.at,
                format!("Quick win berstatus \"{}\" belum diluncurkan, jadi tidak boleh punya tahun peluncuran. Hapus tahun peluncurannya, atau ubah statusnya menjadi Diluncurkan atau Berkelanjutan.", st.label().id),
                format!("A quick win with status \"{}\" has not been launched, so it cannot have a launch year. Remove the launch year, or change the status to Launched or Sustained.", st.label().en),
            ),
            _ => {}
        }
        if let Some(ps) = program_status {
            let inconsistent = (st.is_achieved()
                && matches!(
                    ps,
                    ProgramStatus::Cancelled
                        | ProgramStatus::Planned
                        | ProgramStatus::InProgress
                        | ProgramStatus::Delayed
                ))
                || (st == QuickWinStatus::Sustained && ps == ProgramStatus::Stopped);
            if inconsistent {
                s.error(
                    Code::QuickWinInconsistentStatus,
                    q.child("status"),
                    status_at,
                    format!("Quick win berstatus \"{}\" tetapi status programnya \"{}\". Samakan keduanya: quick win yang sudah berjalan berarti programnya Berjalan atau Selesai (atau Dihentikan bila quick win-nya juga berhenti).", st.label().id, ps.label().id),
                    format!("The quick win is \"{}\" but the program status is \"{}\". Make them agree: a live quick win means the program is Running or Completed (or Stopped when the quick win stopped too).", st.label().en, ps.label().en),
                );
            }
        }
    }
    if let (Some(ly), Some(node)) = (launched_year, q.get("launched_year")) {
        let path = q.child("launched_year");
        if let Some(ey) = eval_year.filter(|ey| ly > *ey) {
            s.error(
                Code::LaunchedInFuture,
                path,
                node.at,
                format!("Tahun peluncuran {ly} setelah tahun evaluasi {ey}. Quick win belum bisa diluncurkan di masa depan; periksa tahun peluncuran atau statusnya."),
                format!("The launch year {ly} is after the evaluation year {ey}. A quick win cannot have launched in the future; check the launch year or its status."),
            );
        }
        if let Some(start) = start_year.filter(|start| ly < *start) {
            s.warning(
                Code::LaunchedBeforeStart,
                path,
                node.at,
                format!("Quick win diluncurkan tahun {ly}, sebelum programnya dimulai ({start}). Periksa tahun peluncuran quick win dan tahun mulai programnya."),
                format!("The quick win launched in {ly}, before its program started ({start}). Check the launch year and the program's start year."),
            );
        }
    }
    Some(QuickWin {
        year: year?,
        status: status?,
        launched_year,
        innovation_score,
    })
}
