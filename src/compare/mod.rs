//! Two files of one region side by side (`compare`): what moved between an earlier and a
//! later masterplan (or downloaded assessment) — index, dimensions, pillar rates, programs
//! whose status changed, programs added or removed, quick wins gained or lost, national
//! indices — and the index over the years.
//!
//! Each side is assessed with the same options, then the two rounded outputs are subtracted
//! (exact decimals, so a delta is exactly the difference of the two numbers shown).

use serde::Serialize;

use crate::engine::{self, Options};
use crate::io::json;
use crate::model::code::Code;
use crate::model::decimal::Num;
use crate::model::framework::{Dimension, Pillar, ProgramStatus};
use crate::model::masterplan::Masterplan;
use crate::model::problem::{Location, Problem, Problems};
use crate::model::text::Text;
use crate::score::assessment::{Assessment, Engine, RegionOut, ENGINE};
use crate::score::national::{National, NationalIndex};
use crate::score::quick_wins::State;
use crate::support::map::Map;

/// One number before and after, with `after − before` (`null` when either is missing).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Delta {
    /// The earlier file's value.
    pub before: Option<Num>,
    /// The later file's value.
    pub after: Option<Num>,
    /// `after − before`.
    pub delta: Option<Num>,
}

fn delta(before: Option<Num>, after: Option<Num>) -> Delta {
    Delta {
        before,
        after,
        delta: before.zip(after).map(|(b, a)| a - b),
    }
}

/// One file of the comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Side {
    /// Its evaluation year.
    pub year: i64,
    /// The method id used.
    pub method: String,
    /// The method's version.
    pub method_version: String,
    /// Its Indeks Pencapaian (`null` when a dimension is missing).
    pub index: Option<Num>,
    /// The estimate over the available dimensions, when `index` is null.
    pub index_estimate: Option<Num>,
    /// Its improvement over its own latest previous index.
    pub improvement: Option<Num>,
}

/// A program as one file has it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProgramRef {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Pillar.
    pub pillar: Pillar,
    /// Status.
    pub status: ProgramStatus,
}

/// A program found in both files whose status differs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProgramChange {
    /// How the two were matched: `"id"` or `"name"` (the id changed).
    pub matched_by: &'static str,
    /// In the earlier file.
    pub before: ProgramRef,
    /// In the later file.
    pub after: ProgramRef,
}

/// Programs that moved.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Programs {
    /// In both files (matched by id, then by name), with another status.
    pub status_changed: Vec<ProgramChange>,
    /// Only in the later file.
    pub added: Vec<ProgramRef>,
    /// Only in the earlier file.
    pub removed: Vec<ProgramRef>,
}

/// A quick win whose tracker state changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuickWinChange {
    /// Program id (the later file's when in both).
    pub program_id: String,
    /// Program name.
    pub name: String,
    /// State in the earlier file; `null` when it was not a quick win there.
    pub before: Option<State>,
    /// State in the later file; `null` when it is not a quick win there.
    pub after: Option<State>,
    /// `"gained"` (achieved now, not before), `"lost"` (achieved before, not now, or gone),
    /// `"added"` / `"removed"` (a quick win in one file only, not achieved) or `"changed"`
    /// (another state change).
    pub change: &'static str,
}

/// The national indices of both files, with the deltas of the numeric ones.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NationalSide {
    /// The earlier file's.
    pub before: National,
    /// The later file's.
    pub after: National,
    /// `after − before` of each numeric index given in both files.
    pub deltas: Map<NationalIndex, Num>,
}

/// One year of the index trend.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrendPoint {
    /// Year.
    pub year: i64,
    /// The index (or the estimate, marked).
    pub index: Num,
    /// An estimate (a dimension missing).
    pub estimate: bool,
    /// `"before"` or `"after"` (computed from that file), or `"previous"` (published, from a
    /// file's `evaluation.previous`).
    pub source: &'static str,
}

/// Something to know about the comparison (not an error).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Notice {
    /// A code of the catalogue.
    pub code: &'static str,
    /// What it means, in both languages.
    pub message: Text,
}

/// What changed between two files of one region.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// Engine name and version.
    pub engine: Engine,
    /// The region (as the later file gives it).
    pub region: RegionOut,
    /// The earlier file.
    pub before: Side,
    /// The later file.
    pub after: Side,
    /// The index, or the estimate of either side when an index is missing.
    pub index: Delta,
    /// `index` holds an estimate on at least one side.
    pub index_is_estimate: bool,
    /// The five dimension scores.
    pub dimensions: Map<Dimension, Delta>,
    /// Implementation rate per pillar (percent).
    pub pillars: Map<Pillar, Delta>,
    /// The pooled implementation rate.
    pub overall: Delta,
    /// The mean of the pillar rates.
    pub mean_of_pillars: Delta,
    /// The quick-win rate (achieved ÷ due).
    pub quick_win_percent: Delta,
    /// Programs that changed status, were added or removed.
    pub programs: Programs,
    /// Quick wins whose state changed, gained or lost, in the later file's order.
    pub quick_wins: Vec<QuickWinChange>,
    /// National indices side by side.
    pub national_indices: NationalSide,
    /// The index over the years, ascending: both files' `previous` and both files.
    pub trend: Vec<TrendPoint>,
    /// Notes on the comparison (same year, other method).
    pub notices: Vec<Notice>,
}

/// The masterplan text of an input: the text itself, or the `masterplan` of a downloaded
/// assessment (an object without `format`), cut from the text unchanged.
pub fn masterplan_text(text: &str) -> &str {
    let Ok(root) = json::parse(text) else {
        return text;
    };
    if root.get("format").is_some() {
        return text;
    }
    match root.get("masterplan") {
        Some(m) if m.as_object().is_some() => text.get(m.at..value_end(text, m.at)).unwrap_or(text),
        _ => text,
    }
}

/// Where the JSON value starting at `at` ends (exclusive), in text the reader accepted.
fn value_end(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for (i, &b) in bytes.iter().enumerate().skip(at) {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
    }
    bytes.len()
}

/// Prefixes every problem of one side with the side's name.
fn side_problems(mut problems: Vec<Problem>, id: &str, en: &str) -> Vec<Problem> {
    for p in &mut problems {
        p.message = Text::new(
            format!("{id}: {}", p.message.id),
            format!("{en}: {}", p.message.en),
        );
    }
    problems
}

fn one(code: Code, id: String, en: String) -> Vec<Problem> {
    let mut p = Problems::new();
    p.error(code.id(), &Location::path(""), id, en);
    p.finish(None)
}

/// A region's identity for matching: its Kemendagri code when both files give one, else its
/// name (trimmed, case ignored).
fn same_region(a: &RegionOut, b: &RegionOut) -> bool {
    match (&a.code, &b.code) {
        (Some(x), Some(y)) => x.trim() == y.trim(),
        _ => name_key(&a.name) == name_key(&b.name),
    }
}

fn index_of(a: &Assessment) -> (Option<Num>, bool) {
    match a.evaluation.index {
        Some(i) => (Some(i), false),
        None => (
            a.evaluation.index_estimate,
            a.evaluation.index_estimate.is_some(),
        ),
    }
}

fn side(a: &Assessment) -> Side {
    Side {
        year: a.year,
        method: a.method.id.clone(),
        method_version: a.method.version.clone(),
        index: a.evaluation.index,
        index_estimate: a.evaluation.index_estimate,
        improvement: a.evaluation.improvement,
    }
}

fn program_ref(mp: &Masterplan, i: usize) -> Option<ProgramRef> {
    mp.programs.get(i).map(|p| ProgramRef {
        id: p.id.clone(),
        name: p.name.clone(),
        pillar: p.pillar,
        status: p.status,
    })
}

/// A name for matching: trimmed, ASCII case ignored (Unicode case tables would cost the wasm
/// module kilobytes for names that are ASCII in practice).
pub(crate) fn name_key(s: &str) -> String {
    s.trim().to_ascii_lowercase()
}

/// Pairs the programs of the two files: by id first, then the rest by name. Returns, for each
/// later program, the earlier one it matches and how.
fn pair_programs(before: &Masterplan, after: &Masterplan) -> Vec<Option<(usize, &'static str)>> {
    let mut taken = vec![false; before.programs.len()];
    let by_id: Map<&str, usize> = Map::from_unsorted(
        before
            .programs
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.trim(), i))
            .rev()
            .collect(),
    );
    let mut pairs: Vec<Option<(usize, &'static str)>> = after
        .programs
        .iter()
        .map(|p| {
            let i = *by_id.get(&p.id.trim())?;
            (!taken[i]).then(|| {
                taken[i] = true;
                (i, "id")
            })
        })
        .collect();
    let by_name: Map<String, usize> = Map::from_unsorted(
        before
            .programs
            .iter()
            .enumerate()
            .filter(|(i, _)| !taken[*i])
            .map(|(i, p)| (name_key(&p.name), i))
            .rev()
            .collect(),
    );
    for (j, p) in after.programs.iter().enumerate() {
        if pairs[j].is_none() {
            if let Some(&i) = by_name.get(&name_key(&p.name)) {
                if !taken[i] {
                    taken[i] = true;
                    pairs[j] = Some((i, "name"));
                }
            }
        }
    }
    pairs
}

/// The index over the years: each file's own index wins over a published `previous` of the
/// same year, and the later file's `previous` over the earlier's.
fn trend(before: (&Masterplan, &Assessment), after: (&Masterplan, &Assessment)) -> Vec<TrendPoint> {
    // (year, precedence, point): lower precedence wins.
    let mut all: Vec<(i64, u8, TrendPoint)> = Vec::new();
    for (rank, (mp, a), source) in [(0u8, after, "after"), (1, before, "before")] {
        if let (Some(index), estimate) = index_of(a) {
            all.push((
                a.year,
                rank,
                TrendPoint {
                    year: a.year,
                    index,
                    estimate,
                    source,
                },
            ));
        }
        for p in mp.evaluation.previous.iter().filter(|p| p.year < a.year) {
            all.push((
                p.year,
                rank + 2,
                TrendPoint {
                    year: p.year,
                    index: p.index,
                    estimate: false,
                    source: "previous",
                },
            ));
        }
    }
    let keyed: Map<(i64, u8), TrendPoint> =
        Map::from_unsorted(all.into_iter().map(|(y, r, p)| ((y, r), p)).collect());
    let mut out: Vec<TrendPoint> = Vec::new();
    for ((year, _), p) in keyed.iter() {
        if out.last().map(|l| l.year) != Some(*year) {
            out.push(p.clone());
        }
    }
    out
}

fn national_deltas(b: &National, a: &National) -> Map<NationalIndex, Num> {
    let pairs = [
        (
            NationalIndex::Spbe,
            b.spbe.as_ref().map(|x| x.value),
            a.spbe.as_ref().map(|x| x.value),
        ),
        (
            NationalIndex::Pemdi,
            b.pemdi.as_ref().map(|x| x.value),
            a.pemdi.as_ref().map(|x| x.value),
        ),
        (
            NationalIndex::Sakip,
            b.sakip.as_ref().map(|x| x.value),
            a.sakip.as_ref().map(|x| x.value),
        ),
        (
            NationalIndex::Ikm,
            b.ikm.as_ref().map(|x| x.value),
            a.ikm.as_ref().map(|x| x.value),
        ),
        (
            NationalIndex::Ipm,
            b.ipm.as_ref().map(|x| x.value),
            a.ipm.as_ref().map(|x| x.value),
        ),
    ];
    pairs
        .into_iter()
        .filter_map(|(k, b, a)| Some((k, a? - b?)))
        .collect()
}

/// Compares two files (masterplan texts, or downloaded assessments holding their
/// `masterplan`), assessed with the same options. Errors: either file cannot be assessed (its
/// problems, named "before"/"after"), the files are of two regions, or the earlier file is of
/// a later year.
pub fn compare(before: &str, after: &str, options: &Options) -> Result<Comparison, Vec<Problem>> {
    let (mb, b) = engine::assess_with_masterplan(masterplan_text(before), options)
        .map_err(|p| side_problems(p, "Berkas sebelum", "Earlier file"))?;
    let (ma, a) = engine::assess_with_masterplan(masterplan_text(after), options)
        .map_err(|p| side_problems(p, "Berkas sesudah", "Later file"))?;
    if !same_region(&b.region, &a.region) {
        return Err(one(
            Code::CompareDifferentRegion,
            format!(
                "Kedua berkas bukan dari daerah yang sama: \"{}\" dan \"{}\". Bandingkan dua berkas dari satu kabupaten/kota.",
                b.region.name, a.region.name
            ),
            format!(
                "The two files are not of the same region: \"{}\" and \"{}\". Compare two files of one regency or city.",
                b.region.name, a.region.name
            ),
        ));
    }
    if b.year > a.year {
        return Err(one(
            Code::CompareBeforeLater,
            format!(
                "Berkas \"sebelum\" ({}) lebih baru daripada berkas \"sesudah\" ({}). Tukar kedua berkas.",
                b.year, a.year
            ),
            format!(
                "The \"before\" file ({}) is later than the \"after\" file ({}). Swap the two files.",
                b.year, a.year
            ),
        ));
    }
    let mut notices = Vec::new();
    if b.year == a.year {
        notices.push(Notice {
            code: Code::CompareSameYear.id(),
            message: Text::new(
                format!("Kedua berkas untuk tahun evaluasi yang sama ({}): dua versi satu tahun dibandingkan.", a.year),
                format!("Both files are for the same evaluation year ({}): two versions of one year are compared.", a.year),
            ),
        });
    }
    if (&b.method.id, &b.method.version) != (&a.method.id, &a.method.version) {
        notices.push(Notice {
            code: Code::CompareMethodDiffers.id(),
            message: Text::new(
                format!("Metode berbeda ({} {} dan {} {}): sebagian selisih berasal dari metode, bukan dari kemajuan.", b.method.id, b.method.version, a.method.id, a.method.version),
                format!("Different methods ({} {} and {} {}): part of the change comes from the method, not from progress.", b.method.id, b.method.version, a.method.id, a.method.version),
            ),
        });
    }

    let ((bi, be), (ai, ae)) = (index_of(&b), index_of(&a));
    let dim = |x: &Assessment, d: &Dimension| x.evaluation.dimensions.get(d).and_then(|s| s.score);
    let pct = |x: &Assessment, p: &Pillar| x.implementation.pillars.get(p).and_then(|r| r.percent);

    // Programs: pairs, then what is left on each side.
    let pairs = pair_programs(&mb, &ma);
    let mut programs = Programs::default();
    let mut matched = vec![None; mb.programs.len()];
    for (j, pair) in pairs.iter().enumerate() {
        match pair {
            Some((i, how)) => {
                matched[*i] = Some(j);
                if mb.programs[*i].status != ma.programs[j].status {
                    if let (Some(before), Some(after)) = (program_ref(&mb, *i), program_ref(&ma, j))
                    {
                        programs.status_changed.push(ProgramChange {
                            matched_by: how,
                            before,
                            after,
                        });
                    }
                }
            }
            None => programs.added.extend(program_ref(&ma, j)),
        }
    }
    for (i, m) in matched.iter().enumerate() {
        if m.is_none() {
            programs.removed.extend(program_ref(&mb, i));
        }
    }

    // Quick wins, through the program pairs.
    let before_qw: Vec<Option<usize>> = {
        let mut v = vec![None; mb.programs.len()];
        for (k, q) in b.quick_wins.items.iter().enumerate() {
            if let Some(slot) = v.get_mut(q.program_index) {
                *slot = Some(k);
            }
        }
        v
    };
    let mut quick_wins = Vec::new();
    let mut seen_before = vec![false; b.quick_wins.items.len()];
    for q in &a.quick_wins.items {
        let earlier = pairs
            .get(q.program_index)
            .copied()
            .flatten()
            .and_then(|(i, _)| before_qw.get(i).copied().flatten());
        if let Some(k) = earlier {
            seen_before[k] = true;
        }
        let bq = earlier.and_then(|k| b.quick_wins.items.get(k));
        let change = match (bq.map(|x| x.achieved), q.achieved) {
            (Some(true), false) => "lost",
            (Some(false) | None, true) => "gained",
            (None, false) => "added",
            _ if bq.map(|x| x.state) != Some(q.state) => "changed",
            _ => continue,
        };
        quick_wins.push(QuickWinChange {
            program_id: q.program_id.clone(),
            name: q.name.clone(),
            before: bq.map(|x| x.state),
            after: Some(q.state),
            change,
        });
    }
    for (k, q) in b.quick_wins.items.iter().enumerate() {
        if !seen_before[k] {
            quick_wins.push(QuickWinChange {
                program_id: q.program_id.clone(),
                name: q.name.clone(),
                before: Some(q.state),
                after: None,
                change: if q.achieved { "lost" } else { "removed" },
            });
        }
    }

    let trend = trend((&mb, &b), (&ma, &a));
    Ok(Comparison {
        trend,
        engine: ENGINE,
        region: a.region.clone(),
        before: side(&b),
        after: side(&a),
        index: delta(bi, ai),
        index_is_estimate: be || ae,
        dimensions: Dimension::ALL
            .iter()
            .map(|d| (*d, delta(dim(&b, d), dim(&a, d))))
            .collect(),
        pillars: Pillar::ALL
            .iter()
            .map(|p| (*p, delta(pct(&b, p), pct(&a, p))))
            .collect(),
        overall: delta(
            b.implementation.overall.percent,
            a.implementation.overall.percent,
        ),
        mean_of_pillars: delta(
            b.implementation.mean_of_pillars,
            a.implementation.mean_of_pillars,
        ),
        quick_win_percent: delta(b.quick_wins.percent, a.quick_wins.percent),
        programs,
        quick_wins,
        national_indices: NationalSide {
            deltas: national_deltas(&b.national_indices, &a.national_indices),
            before: b.national_indices,
            after: a.national_indices,
        },
        notices,
    })
}
