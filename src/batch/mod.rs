//! The batch ranking (`rank`): many assessed files of a province in, one ranking per
//! evaluation year and region kind, the distribution of the index in each, duplicates and
//! failed files listed, and the ranking's CSV.
//!
//! It reads the assessments as JSON (what `assess` returned, possibly from an older version),
//! like the CSV export. Entries: `{ "name": file name, "sha256"?: input hash,
//! "assessment"?: the engine's result, "error"?: why it could not be assessed ({id, en} or
//! text) }`, in the order the page lists the files (the first of duplicates is ranked).

use serde::Serialize;

use crate::io::csv::{self, Cell, Locale};
use crate::io::json::{self, Node};
use crate::model::code::Code;
use crate::model::decimal::Num;
use crate::model::framework::{Dimension, Pillar, RegionKind};
use crate::model::problem::{Location, Problem, Problems};
use crate::model::text::Text;
use crate::support::map::Map;

/// One ranked (or unranked: no index) file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// Position in the entries given.
    pub entry: usize,
    /// Rank, highest index first; equal indices share a rank (1, 2, 2, 4); `null` without an
    /// index.
    pub rank: Option<i64>,
    /// File name.
    pub file: String,
    /// Region name.
    pub region: String,
    /// Kemendagri code.
    pub code: Option<String>,
    /// Province.
    pub province: Option<String>,
    /// The index, or the estimate (marked) when the index is missing.
    pub index: Option<Num>,
    /// `index` is an estimate.
    pub estimate: bool,
    /// Improvement over the previous index.
    pub improvement: Option<Num>,
    /// The five dimension scores.
    pub dimensions: Map<Dimension, Option<Num>>,
    /// Implementation rate per pillar (the heat map).
    pub pillars: Map<Pillar, Option<Num>>,
    /// The pooled implementation rate.
    pub implementation: Option<Num>,
    /// The quick-win rate.
    pub quick_wins: Option<Num>,
    /// Method id and version, engine version.
    pub method: String,
    /// Method version.
    pub method_version: String,
    /// Engine version.
    pub engine_version: String,
    /// Input hash, when the page gave it.
    pub sha256: Option<String>,
}

/// The index of one group: five numbers and the mean, rounded to 2 decimals. Quantiles by
/// linear interpolation between order statistics (Hyndman–Fan type 7, Excel's QUARTILE.INC).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Stats {
    /// Regions with an index.
    pub n: i64,
    /// Lowest.
    pub min: Num,
    /// First quartile.
    pub q1: Num,
    /// Median.
    pub median: Num,
    /// Third quartile.
    pub q3: Num,
    /// Highest.
    pub max: Num,
    /// Mean.
    pub mean: Num,
}

/// One ranking: one evaluation year, one region kind.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Group {
    /// Evaluation year.
    pub year: i64,
    /// `kabupaten` or `kota` (or what the file says).
    pub kind: String,
    /// Rows in rank order (no index last; ties by region name, then file name).
    pub rows: Vec<Row>,
    /// The index distribution; `null` when no row has an index.
    pub stats: Option<Stats>,
}

/// A file counted once: the same input as another, or the same region and year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Duplicate {
    /// `batch_duplicate`.
    pub code: &'static str,
    /// Position in the entries given.
    pub entry: usize,
    /// File name.
    pub file: String,
    /// The entry it repeats (the one ranked).
    pub of: usize,
    /// That entry's file name.
    pub of_file: String,
    /// `"same_input"` (same hash) or `"same_region_year"`.
    pub reason: &'static str,
    /// Said for people.
    pub message: Text,
}

/// A file that could not be assessed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Failed {
    /// `batch_failed`.
    pub code: &'static str,
    /// Position in the entries given.
    pub entry: usize,
    /// File name.
    pub file: String,
    /// Why.
    pub reason: Text,
}

/// Counts over the entries.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Counts {
    /// Entries given.
    pub files: usize,
    /// Rows in the rankings (each region and year once).
    pub ranked: usize,
    /// Duplicates left out.
    pub duplicates: usize,
    /// Failed files.
    pub failed: usize,
}

/// A note on the batch.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Notice {
    /// A code of the catalogue.
    pub code: &'static str,
    /// In both languages.
    pub message: Text,
}

/// The rankings of a batch.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ranking {
    /// The evaluation years present, ascending.
    pub years: Vec<i64>,
    /// More than one year: each is ranked apart (a notice says so).
    pub mixed_years: bool,
    /// One per year (newest first) and region kind (kabupaten, then kota).
    pub groups: Vec<Group>,
    /// Files counted once.
    pub duplicates: Vec<Duplicate>,
    /// Files that could not be assessed.
    pub failed: Vec<Failed>,
    /// Counts.
    pub counts: Counts,
    /// Notes (mixed years).
    pub notices: Vec<Notice>,
}

fn s(n: Option<&Node>) -> Option<String> {
    n.and_then(|n| n.as_str()).map(str::to_string)
}

fn num(n: Option<&Node>) -> Option<Num> {
    n.and_then(|n| n.as_num())
}

fn not_a_batch() -> Vec<Problem> {
    let mut p = Problems::new();
    p.error(
        Code::NotABatch.id(),
        &Location::path(""),
        "Peringkat memerlukan daftar berkas: [{ name, assessment | error, sha256? }, …].".into(),
        "Ranking needs a list of files: [{ name, assessment | error, sha256? }, …].".into(),
    );
    p.finish(None)
}

/// A row from an assessment node (without rank).
fn row(entry: usize, file: String, sha256: Option<String>, a: &Node) -> Option<(i64, String, Row)> {
    let year = a.get("year")?.as_num()?.to_i64()?;
    let region = a.get("region")?;
    let ev = a.get("evaluation")?;
    let (index, estimate) = match num(ev.get("index")) {
        Some(i) => (Some(i), false),
        None => {
            let e = num(ev.get("index_estimate"));
            (e, e.is_some())
        }
    };
    let imp = a.get("implementation");
    let pillars = imp.and_then(|i| i.get("pillars"));
    let dims = ev.get("dimensions");
    let method = a.get("method");
    Some((
        year,
        s(region.get("kind")).unwrap_or_default(),
        Row {
            entry,
            rank: None,
            file,
            region: s(region.get("name")).unwrap_or_default(),
            code: s(region.get("code")),
            province: s(region.get("province")),
            index,
            estimate,
            improvement: num(ev.get("improvement")),
            dimensions: Dimension::ALL
                .iter()
                .map(|d| {
                    (
                        *d,
                        num(dims
                            .and_then(|x| x.get(d.id()))
                            .and_then(|x| x.get("score"))),
                    )
                })
                .collect(),
            pillars: Pillar::ALL
                .iter()
                .map(|p| {
                    (
                        *p,
                        num(pillars
                            .and_then(|x| x.get(p.id()))
                            .and_then(|x| x.get("percent"))),
                    )
                })
                .collect(),
            implementation: num(imp
                .and_then(|i| i.get("overall"))
                .and_then(|o| o.get("percent"))),
            quick_wins: num(a.get("quick_wins").and_then(|q| q.get("percent"))),
            method: s(method.and_then(|m| m.get("id"))).unwrap_or_default(),
            method_version: s(method.and_then(|m| m.get("version"))).unwrap_or_default(),
            engine_version: s(a.get("engine").and_then(|e| e.get("version"))).unwrap_or_default(),
            sha256,
        },
    ))
}

/// Type-7 quantile at `k`/4 of sorted values.
fn quartile(x: &[Num], k: usize) -> Num {
    let pos = (x.len() - 1) * k;
    let (lo, rest) = (pos / 4, pos % 4);
    let hi = (lo + 1).min(x.len() - 1);
    let frac = Num::ratio(rest as i64, 4).unwrap_or_default();
    x[lo] + frac * (x[hi] - x[lo])
}

fn stats(rows: &[Row]) -> Option<Stats> {
    // Sorted by the map's small sort (the standard one costs kilobytes of wasm per type).
    let x: Vec<Num> = Map::from_unsorted(
        rows.iter()
            .filter_map(|r| r.index)
            .enumerate()
            .map(|(i, v)| ((v, i), v))
            .collect(),
    )
    .into_iter()
    .map(|(_, v)| v)
    .collect();
    if x.is_empty() {
        return None;
    }
    let n = x.len();
    let sum = x.iter().fold(Num::default(), |s, v| s + *v);
    Some(Stats {
        n: n as i64,
        min: x[0],
        q1: quartile(&x, 1).round2(),
        median: quartile(&x, 2).round2(),
        q3: quartile(&x, 3).round2(),
        max: x[n - 1],
        mean: Num::ratio(1, n as i64)
            .map(|r| (sum * r).round2())
            .unwrap_or_default(),
    })
}

fn region_key(r: &Row) -> String {
    match &r.code {
        Some(c) if !c.trim().is_empty() => format!("#{}", c.trim()),
        _ => crate::compare::name_key(&r.region),
    }
}

/// Ranks a batch given as the JSON text of its entries.
pub fn rank(entries_json: &str) -> Result<Ranking, Vec<Problem>> {
    let root = json::parse(entries_json).map_err(|_| not_a_batch())?;
    let list = root.as_array().ok_or_else(not_a_batch)?;
    let mut failed = Vec::new();
    let mut duplicates = Vec::new();
    let mut rows: Vec<(i64, String, Row)> = Vec::new();
    for (i, e) in list.iter().enumerate() {
        let file = s(e.get("name")).unwrap_or_default();
        let sha = s(e.get("sha256"));
        let read = e
            .get("assessment")
            .and_then(|a| row(i, file.clone(), sha.clone(), a));
        let Some((year, kind, r)) = read else {
            let reason = match e.get("error") {
                Some(m) if m.as_str().is_some() => {
                    let t = m.as_str().unwrap_or_default();
                    Text::new(t, t)
                }
                Some(m) => Text::new(
                    s(m.get("id")).unwrap_or_default(),
                    s(m.get("en")).unwrap_or_default(),
                ),
                None => Text::new(
                    "Bukan hasil penilaian yang dapat dibaca.",
                    "Not a readable assessment.",
                ),
            };
            failed.push(Failed {
                code: Code::BatchFailed.id(),
                entry: i,
                file,
                reason,
            });
            continue;
        };
        let dup = rows.iter().find_map(|(y, k, o)| {
            if sha.is_some() && o.sha256 == sha {
                Some((o, "same_input"))
            } else if *y == year && *k == kind && region_key(o) == region_key(&r) {
                Some((o, "same_region_year"))
            } else {
                None
            }
        });
        if let Some((o, reason)) = dup {
            let message = if reason == "same_input" {
                Text::new(
                    format!(
                        "Isi berkas sama persis dengan \"{}\"; dihitung sekali.",
                        o.file
                    ),
                    format!("The same input as \"{}\"; counted once.", o.file),
                )
            } else {
                Text::new(
                    format!(
                        "Daerah dan tahun yang sama dengan \"{}\" ({}, {year}); dihitung sekali.",
                        o.file, o.region
                    ),
                    format!(
                        "The same region and year as \"{}\" ({}, {year}); counted once.",
                        o.file, o.region
                    ),
                )
            };
            duplicates.push(Duplicate {
                code: Code::BatchDuplicate.id(),
                entry: i,
                file,
                of: o.entry,
                of_file: o.file.clone(),
                reason,
                message,
            });
            continue;
        }
        rows.push((year, kind, r));
    }

    let years: Vec<i64> = Map::from_unsorted(rows.iter().map(|(y, _, _)| (*y, ())).collect())
        .into_iter()
        .map(|(y, _)| y)
        .collect();
    let mut kinds: Vec<String> = RegionKind::IDS.iter().map(|k| k.to_string()).collect();
    for (_, k, _) in &rows {
        if !kinds.contains(k) {
            kinds.push(k.clone());
        }
    }
    let mut groups = Vec::new();
    for &year in years.iter().rev() {
        for kind in &kinds {
            // Highest index first, no index last; ties by region name, file name.
            let mut g: Vec<Row> = Map::from_unsorted(
                rows.iter()
                    .filter(|(y, k, _)| *y == year && k == kind)
                    .map(|(_, _, r)| {
                        let key = (
                            std::cmp::Reverse(r.index),
                            crate::compare::name_key(&r.region),
                            r.file.clone(),
                            r.entry,
                        );
                        (key, r.clone())
                    })
                    .collect(),
            )
            .into_iter()
            .map(|(_, r)| r)
            .collect();
            if g.is_empty() {
                continue;
            }
            let mut prev: Option<(Option<Num>, i64)> = None;
            for (i, r) in g.iter_mut().enumerate() {
                r.rank = r.index.map(|v| match prev {
                    Some((Some(p), rank)) if p == v => rank,
                    _ => i as i64 + 1,
                });
                prev = r.rank.map(|k| (r.index, k));
            }
            groups.push(Group {
                year,
                kind: kind.clone(),
                stats: stats(&g),
                rows: g,
            });
        }
    }
    let mixed_years = years.len() > 1;
    let mut notices = Vec::new();
    if mixed_years {
        let list = years
            .iter()
            .map(|y| y.to_string())
            .collect::<Vec<_>>()
            .join(", ");
        notices.push(Notice {
            code: Code::BatchMixedYears.id(),
            message: Text::new(
                format!("Berkas dari beberapa tahun evaluasi ({list}): setiap tahun diperingkat terpisah."),
                format!("Files of several evaluation years ({list}): each year is ranked apart."),
            ),
        });
    }
    Ok(Ranking {
        counts: Counts {
            files: list.len(),
            ranked: rows.len(),
            duplicates: duplicates.len(),
            failed: failed.len(),
        },
        years,
        mixed_years,
        groups,
        duplicates,
        failed,
        notices,
    })
}

/// The ranking as CSV, through the engine's one cell writer: every ranked row, then the
/// duplicates and the failed files with their reason. Indonesian headers and labels in the
/// Indonesian file.
pub fn csv(r: &Ranking, locale: Locale) -> String {
    let id = locale == Locale::Id;
    let lang = |t: &Text| if id { t.id.clone() } else { t.en.clone() };
    let tx = |s: &str| Cell::Text(s.to_string());
    let nm = |n: Option<Num>| n.map_or(Cell::Text(String::new()), |n| Cell::Number(n.to_plain()));
    let mut head: Vec<Cell> = if id {
        [
            "status",
            "tahun",
            "jenis",
            "peringkat",
            "daerah",
            "provinsi",
            "kode",
            "indeks",
            "indeks_perkiraan",
            "peningkatan",
        ]
    } else {
        [
            "status",
            "year",
            "kind",
            "rank",
            "region",
            "province",
            "code",
            "index",
            "index_is_estimate",
            "improvement",
        ]
    }
    .iter()
    .map(|h| tx(h))
    .collect();
    for d in Dimension::ALL {
        head.push(tx(&lang(&d.label())));
    }
    for p in Pillar::ALL {
        head.push(tx(&format!("{} %", lang(&p.label()))));
    }
    let tail = if id {
        [
            "implementasi_persen",
            "quick_win_persen",
            "metode",
            "versi_metode",
            "versi_mesin",
            "berkas",
            "input_sha256",
            "keterangan",
        ]
    } else {
        [
            "implementation_percent",
            "quick_win_percent",
            "method",
            "method_version",
            "engine_version",
            "file",
            "input_sha256",
            "note",
        ]
    };
    head.extend(tail.iter().map(|h| tx(h)));
    let mut rows = vec![head];
    let yes_no = |b: bool| {
        tx(match (b, id) {
            (true, true) => "ya",
            (false, true) => "tidak",
            (true, false) => "true",
            (false, false) => "false",
        })
    };
    let kind_label = |k: &str| RegionKind::from_id(k).map_or(k.to_string(), |k| lang(&k.label()));
    for g in &r.groups {
        for row in &g.rows {
            let mut c = vec![
                tx(if id { "peringkat" } else { "ranked" }),
                Cell::Number(g.year.to_string()),
                tx(&kind_label(&g.kind)),
                row.rank.map_or(tx(""), |k| Cell::Number(k.to_string())),
                tx(&row.region),
                tx(row.province.as_deref().unwrap_or("")),
                tx(row.code.as_deref().unwrap_or("")),
                nm(row.index),
                if row.index.is_some() {
                    yes_no(row.estimate)
                } else {
                    tx("")
                },
                nm(row.improvement),
            ];
            c.extend(row.dimensions.values().map(|v| nm(*v)));
            c.extend(row.pillars.values().map(|v| nm(*v)));
            c.extend([
                nm(row.implementation),
                nm(row.quick_wins),
                tx(&row.method),
                tx(&row.method_version),
                tx(&row.engine_version),
                tx(&row.file),
                tx(row.sha256.as_deref().unwrap_or("")),
                tx(""),
            ]);
            rows.push(c);
        }
    }
    let width = rows[0].len();
    let mut other = |status: &str, file: &str, note: String| {
        let mut c: Vec<Cell> = (0..width).map(|_| tx("")).collect();
        c[0] = tx(status);
        c[width - 3] = tx(file);
        c[width - 1] = Cell::Text(note);
        rows.push(c);
    };
    for d in &r.duplicates {
        other(
            if id { "duplikat" } else { "duplicate" },
            &d.file,
            lang(&d.message),
        );
    }
    for f in &r.failed {
        other(
            if id { "gagal" } else { "failed" },
            &f.file,
            lang(&f.reason),
        );
    }
    csv::table(locale, &rows)
}
