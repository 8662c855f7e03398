//! The file's sections other than the programs: region, masterplan document, evaluation,
//! institutions, readiness, impact and national indices.

use std::borrow::Cow;

use crate::support::hash::FxMap;

use crate::support::map::Map;

use super::read::{
    check_duplicate_keys, quote, read_num, read_num_in, read_vocab, wrong_type, Obj, Path, Sink,
};
use super::shape::{self, Shape};
use super::vocab::{suggest_key, Vocab};
use crate::io::json::Node;
use crate::model::code::Code;
use crate::model::decimal::Num;
use crate::model::framework::{BpkOpinion, Dimension};
use crate::model::masterplan::{
    Body, Budget, Document, Evaluation, Impact, Indicator, Institutions, LegalBasis, MasterplanDoc,
    NationalIndices, PreviousIndex, ReadinessItem, Region, Survey,
};
use crate::model::problem::pointer;
use crate::model::text::{num_en, num_id};

/// Most entries in `readiness.items`, `impact.surveys`, `impact.indicators` and
/// `evaluation.previous`.
pub(super) const MAX_LIST: usize = 1_000;
/// Largest rupiah amount accepted (a thousand trillion: far above any regional budget).
const MAX_RUPIAH: i64 = 1_000_000_000_000_000;
/// Most meetings a body can hold in a year, as a sanity bound.
const MAX_MEETINGS: i64 = 1_000;

pub(super) fn region(root: &Obj, s: &mut Sink) -> Option<Region> {
    let o = root.object("region", &shape::REGION, s)?;
    let code = o.text("code", false, s);
    let name = o.text("name", true, s);
    let kind = o.vocab("kind", s);
    let province = o.text("province", false, s);
    Some(Region {
        code,
        name: name?,
        kind: kind?,
        province,
    })
}

pub(super) fn masterplan_doc(root: &Obj, s: &mut Sink) -> Option<MasterplanDoc> {
    let o = root.object("masterplan", &shape::MASTERPLAN, s)?;
    let period_start = o.year("period_start", s);
    let period_end = o.year("period_end", s);
    if let (Some(start), Some(end), Some(node)) = (period_start, period_end, o.get("period_end")) {
        if end < start {
            s.error(
                Code::PeriodEndBeforeStart,
                o.child("period_end"),
                node.at,
                format!("Periode masterplan berakhir ({end}) sebelum dimulai ({start}). Periksa tahun awal dan tahun akhir periodenya."),
                format!("The masterplan period ends ({end}) before it starts ({start}). Check the first and last years of the period."),
            );
        }
    }
    let legal_basis = if o.get("legal_basis").is_some() {
        legal_basis(&o, s)
    } else if o.has_key("legal_basis") {
        // An explicit null says "not fixed by any regulation yet", which is a finding.
        LegalBasis::None
    } else {
        LegalBasis::Unknown
    };
    let title = o.text("title", false, s);
    Some(MasterplanDoc {
        period_start,
        period_end,
        legal_basis,
        title,
    })
}

fn legal_basis(o: &Obj, s: &mut Sink) -> LegalBasis {
    let Some(lb) = o.object("legal_basis", &shape::LEGAL_BASIS, s) else {
        return LegalBasis::Unknown;
    };
    let kind = lb.vocab("kind", s);
    let number = lb.text("number", false, s);
    let year = lb.year("year", s);
    match kind {
        Some(kind) => LegalBasis::Fixed { kind, number, year },
        None => LegalBasis::Unknown,
    }
}

/// The evaluation section; the year also comes back alone when the rest is unusable, so the
/// program checks that depend on it still run.
pub(super) fn evaluation(root: &Obj, s: &mut Sink) -> (Option<Evaluation>, Option<i64>) {
    let Some(o) = root.object("evaluation", &shape::EVALUATION, s) else {
        return (None, None);
    };
    let year = o.year("year", s);
    let method = o.text("method", false, s);
    let previous = previous(&o, year, s);
    let dimension_scores = dimension_scores(&o, s);
    let evaluation = year.map(|year| Evaluation {
        year,
        method,
        previous,
        dimension_scores,
    });
    (evaluation, year)
}

fn previous(o: &Obj, eval_year: Option<i64>, s: &mut Sink) -> Vec<PreviousIndex> {
    let Some(items) = o.array("previous", MAX_LIST, s) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut seen: FxMap<i64, String> = FxMap::default();
    for (node, path) in items {
        let Some(p) = Obj::open(node, path, &shape::PREVIOUS, s) else {
            continue;
        };
        let year = p.year("year", s);
        let index = p.num("index", 1, 4, s);
        if let (Some(y), Some(year_node)) = (year, p.get("year")) {
            if let Some(first) = seen.get(&y) {
                s.error(
                    Code::DuplicatePreviousYear,
                    p.child("year"),
                    year_node.at,
                    format!("Indeks tahun {y} sudah ditulis di {first}. Tulis setiap tahun sekali saja; hapus salah satunya."),
                    format!("The index for {y} is already given at {first}. Give each year once; remove one of them."),
                );
            } else {
                seen.insert(y, p.path.clone());
            }
            if let Some(ey) = eval_year.filter(|ey| y >= *ey) {
                s.warning(
                    Code::PreviousNotBefore,
                    p.child("year"),
                    year_node.at,
                    format!("Indeks sebelumnya bertahun {y}, tidak sebelum tahun evaluasi {ey}; tidak dipakai untuk menghitung kenaikan indeks."),
                    format!("This previous index is for {y}, not before the evaluation year {ey}; it is not used for the improvement."),
                );
            }
        }
        if let (Some(year), Some(index)) = (year, index) {
            out.push(PreviousIndex { year, index });
        }
    }
    out
}

/// Reads a closed map: every key must be one of `T`'s ids (`code` otherwise), every value a
/// number in `lo..=hi`.
fn closed_map<'n>(
    node: &'n Node<'n>,
    path: &str,
    shape: &'static Shape,
    code: Code,
    noun: (&str, &str),
    s: &mut Sink,
    mut on_known: impl FnMut(&'static str, &'n Node<'n>, String, &mut Sink),
) {
    let Some(members) = node.as_object() else {
        wrong_type(node, Path::At(path), ("objek { … }", "an object { … }"), s);
        return;
    };
    check_duplicate_keys(members, path, s);
    for m in members {
        let member_path = pointer(path, &m.key);
        match shape.keys.iter().find(|k| **k == m.key) {
            Some(key) => {
                if !matches!(m.node.value, crate::io::json::Value::Null) {
                    on_known(key, &m.node, member_path, s);
                }
            }
            None if s.full() => s.skip(true),
            None => {
                let q = quote(&m.key);
                let keys = shape.keys.join(", ");
                let (hint_id, hint_en) = match suggest_key(&m.key, shape.keys) {
                    Some(k) => (
                        format!(" Maksudnya \"{k}\"?"),
                        format!(" Did you mean \"{k}\"?"),
                    ),
                    None => (String::new(), String::new()),
                };
                s.error(
                    code,
                    member_path.as_str(),
                    m.key_at,
                    format!(
                        "{} {q} tidak dikenal.{hint_id} Gunakan salah satu: {keys}.",
                        noun.0
                    ),
                    format!("Unknown {} {q}.{hint_en} Use one of: {keys}.", noun.1),
                );
            }
        }
    }
}

fn dimension_scores(o: &Obj, s: &mut Sink) -> Map<Dimension, Num> {
    let mut out = Map::new();
    let Some(node) = o.get("dimension_scores") else {
        return out;
    };
    let path = o.child("dimension_scores").pointer();
    closed_map(
        node,
        &path,
        &shape::DIMENSION_SCORES,
        Dimension::CODE,
        Dimension::NOUN,
        s,
        |key, node, path, s| {
            if let (Some(d), Some(score)) = (
                Dimension::from_id(key),
                read_num_in(node, Path::At(&path), 1, 4, s),
            ) {
                out.insert(d, score);
            }
        },
    );
    out
}

pub(super) fn national_indices(root: &Obj, s: &mut Sink) -> NationalIndices {
    let mut out = NationalIndices::default();
    let Some(node) = root.get("national_indices") else {
        return out;
    };
    let path = root.child("national_indices").pointer();
    closed_map(
        node,
        &path,
        &shape::NATIONAL_INDICES,
        Code::UnknownNationalIndex,
        ("Indeks nasional", "national index"),
        s,
        |key, node, path, s| match key {
            "spbe" => out.spbe = read_num_in(node, Path::At(&path), 0, 5, s),
            "pemdi" => out.pemdi = pemdi(node, Path::At(&path), s),
            "sakip" => out.sakip = read_num_in(node, Path::At(&path), 0, 100, s),
            "ikm" => out.ikm = read_num_in(node, Path::At(&path), 0, 100, s),
            "ipm" => out.ipm = read_num_in(node, Path::At(&path), 0, 100, s),
            _ => out.bpk_opinion = read_vocab::<BpkOpinion>(node, Path::At(&path), s),
        },
    );
    out
}

/// Pemdi (PermenPANRB 8/2026) is read on 1–5; a value outside is a warning, not an error:
/// the index is new, its scale is reported by a secondary source, and nothing else in the file
/// depends on it, so the file is still assessed without it.
fn pemdi(node: &Node, path: Path, s: &mut Sink) -> Option<Num> {
    let v = read_num(node, path, s)?;
    if v >= Num::from_int(1) && v <= Num::from_int(5) {
        return Some(v);
    }
    s.warning(
        Code::PemdiOutOfRange,
        path,
        node.at,
        format!(
            "Indeks Pemerintah Digital (Pemdi) {} di luar skala 1 sampai 5 (PermenPANRB 8/2026), jadi tidak dipakai dalam penilaian. Periksa angkanya; indeks SPBE lama memakai skala 0 sampai 5.",
            num_id(v)
        ),
        format!(
            "The digital government index (Pemdi) {} is outside its 1 to 5 scale (PermenPANRB 8/2026), so it is not used in the assessment. Check the number; the older SPBE index used a 0 to 5 scale.",
            num_en(v)
        ),
    );
    None
}

pub(super) fn institutions(root: &Obj, s: &mut Sink) -> Option<Institutions> {
    let o = root.object("institutions", &shape::INSTITUTIONS, s)?;
    Some(Institutions {
        council: body(&o, "council", &shape::COUNCIL, s),
        implementation_team: body(&o, "implementation_team", &shape::IMPLEMENTATION_TEAM, s),
        forum: body(&o, "forum", &shape::FORUM, s),
        hr_plan: document(&o, "hr_plan", &shape::HR_PLAN, s),
        risk_register: document(&o, "risk_register", &shape::RISK_REGISTER, s),
        budget: budget(&o, s),
        evidence: o.strings("evidence", s),
    })
}

fn body(o: &Obj, key: &str, shape: &'static Shape, s: &mut Sink) -> Option<Body> {
    let b = o.object(key, shape, s)?;
    let exists = b.boolean("exists", s);
    let decree = b.text("decree", false, s);
    let active = b.boolean("active", s);
    let meetings = b.int("meetings", 0, MAX_MEETINGS, s);
    let evidence = b.strings("evidence", s);
    Some(Body {
        exists: exists?,
        decree,
        active,
        meetings,
        evidence,
    })
}

fn document(o: &Obj, key: &str, shape: &'static Shape, s: &mut Sink) -> Option<Document> {
    let d = o.object(key, shape, s)?;
    let exists = d.boolean("exists", s);
    let evidence = d.strings("evidence", s);
    Some(Document {
        exists: exists?,
        evidence,
    })
}

fn budget(o: &Obj, s: &mut Sink) -> Option<Budget> {
    let b = o.object("budget", &shape::BUDGET, s)?;
    Some(Budget {
        apbd: b.num("apbd", 0, MAX_RUPIAH, s),
        non_apbd: b.num("non_apbd", 0, MAX_RUPIAH, s),
        apbd_total: b.num("apbd_total", 0, MAX_RUPIAH, s),
        sources: b.strings("sources", s),
        evidence: b.strings("evidence", s),
    })
}

pub(super) fn readiness(root: &Obj, s: &mut Sink) -> Option<Vec<ReadinessItem>> {
    let o = root.object("readiness", &shape::READINESS, s)?;
    let items = o.array("items", MAX_LIST, s)?;
    let mut out = Vec::new();
    let mut seen: FxMap<Cow<str>, usize> = FxMap::default();
    for (index, (node, path)) in items.into_iter().enumerate() {
        let Some(r) = Obj::open(node, path, &shape::READINESS_ITEM, s) else {
            continue;
        };
        let aspect = r.vocab("aspect", s);
        let id = r.name("id", true, s);
        let question = r.text("question", false, s);
        let score = r.int("score", 1, 4, s);
        let evidence = r.strings("evidence", s);
        if let (Some(_), Some(id_node)) = (&id, r.get("id")) {
            duplicate_id(
                &mut seen,
                id_node.as_str().unwrap_or_default(),
                index,
                "readiness/items",
                r.child("id"),
                id_node.at,
                s,
            );
        }
        if let (Some(aspect), Some(id), Some(score)) = (aspect, id, score) {
            out.push(ReadinessItem {
                index,
                aspect,
                id,
                question,
                score,
                evidence,
            });
        }
    }
    Some(out)
}

/// Reports an id already used by an earlier item of the same list; ids are compared without
/// their invisible characters (`GOV-01` and `GOV-01` with a zero-width space are one id).
pub(super) fn duplicate_id<'n>(
    seen: &mut FxMap<Cow<'n, str>, usize>,
    id: &'n str,
    index: usize,
    list: &str,
    path: Path,
    at: usize,
    s: &mut Sink,
) {
    let key = super::read::without_invisible(id);
    match seen.get(&key) {
        Some(first) => {
            let q = quote(id);
            s.error(
                Code::DuplicateId,
                path,
                at,
                format!("ID {q} sudah dipakai oleh isian nomor {} (/{list}/{first}). Setiap ID harus berbeda; ganti salah satunya.", first + 1),
                format!("The id {q} is already used by entry number {} (/{list}/{first}). Every id must be different; change one of them.", first + 1),
            );
        }
        None => {
            seen.insert(key, index);
        }
    }
}

pub(super) fn impact(root: &Obj, s: &mut Sink) -> Option<Impact> {
    let o = root.object("impact", &shape::IMPACT, s)?;
    let mut out = Impact::default();
    for (index, (node, path)) in o
        .array("surveys", MAX_LIST, s)
        .unwrap_or_default()
        .into_iter()
        .enumerate()
    {
        if let Some(survey) = survey(index, node, path, s) {
            out.surveys.push(survey);
        }
    }
    for (index, (node, path)) in o
        .array("indicators", MAX_LIST, s)
        .unwrap_or_default()
        .into_iter()
        .enumerate()
    {
        if let Some(indicator) = indicator(index, node, path, s) {
            out.indicators.push(indicator);
        }
    }
    Some(out)
}

fn survey(index: usize, node: &Node, path: String, s: &mut Sink) -> Option<Survey> {
    let o = Obj::open(node, path, &shape::SURVEY, s)?;
    let pillar = o.vocab("pillar", s);
    let sub_dimension = super::programs::sub_dimension(&o, pillar, s);
    let respondents = o.int("respondents", 1, 1_000_000, s);
    let mean = o.num("mean", 1, 4, s);
    let year = o.year("year", s);
    Some(Survey {
        index,
        pillar: pillar?,
        sub_dimension,
        respondents: respondents?,
        mean: mean?,
        year,
    })
}

fn indicator(index: usize, node: &Node, path: String, s: &mut Sink) -> Option<Indicator> {
    let o = Obj::open(node, path, &shape::INDICATOR, s)?;
    let code = o.text("code", true, s).filter(|code| {
        let ok = code.starts_with(|c: char| c.is_ascii_lowercase())
            && code.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !ok {
            let q = quote(code);
            let fixed = suggest_snake(code);
            let at = o.get("code").map_or(o.node.at, |n| n.at);
            s.error(
                Code::InvalidCode,
                o.child("code"),
                at,
                format!("Kode indikator {q} tidak sah: gunakan huruf kecil, angka dan garis bawah, diawali huruf, misalnya \"{fixed}\"."),
                format!("The indicator code {q} is not valid: use lower-case letters, digits and underscores, starting with a letter, e.g. \"{fixed}\"."),
            );
        }
        ok
    });
    let value = o
        .get("value")
        .and_then(|n| read_num(n, o.child("value"), s));
    let year = o.year("year", s);
    let unit = o.text("unit", false, s);
    let source = o.text("source", false, s);
    Some(Indicator {
        index,
        code: code?,
        value: value?,
        year,
        unit,
        source,
    })
}

/// A snake_case spelling of `code` for the message ("Poverty Rate" → "poverty_rate").
fn suggest_snake(code: &str) -> String {
    let mut out = String::new();
    for c in code.trim().chars().flat_map(super::vocab::lower) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('_') {
            out.push('_');
        }
    }
    let out = out
        .trim_end_matches('_')
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == '_');
    if out.is_empty() {
        "poverty_rate".to_string()
    } else {
        out.chars().take(60).collect()
    }
}
