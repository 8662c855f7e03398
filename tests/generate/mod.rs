//! Generators of valid masterplans for property tests (proptest), shared by the engine's
//! tests/properties.rs and the workbook's round trip (crates/workbook/tests/roundtrip.rs):
//! programs across pillars, horizons and statuses with consistent quick wins, optional
//! readiness, impact, institutions, provided dimension scores and previous indices.

use proptest::prelude::*;
use serde_json::{json, Value};

use crate::common::{PILLARS, SUBS};

const ASPECTS: [&str; 3] = ["struktur", "infrastruktur", "suprastruktur"];
const OPINIONS: [&str; 5] = ["WTP", "WTP_DPP", "WDP", "TW", "TMP"];
pub const DIMENSIONS: [&str; 5] = ["baseline", "output", "outcome", "impact", "quick_win"];
const STATUSES: [&str; 7] = [
    "planned",
    "in_progress",
    "running",
    "completed",
    "delayed",
    "stopped",
    "cancelled",
];
const INDICATORS: [&str; 6] = [
    "poverty_rate",
    "ipm",
    "stunting_handled",
    "water_access",
    "sanitation_access",
    "road_stable",
];

/// A program as raw choices; [`program`] turns it into a consistent program for a year.
#[derive(Debug, Clone)]
pub struct RawProgram {
    pillar: usize,
    horizon: usize,
    start_offset: i64,
    sub: Option<usize>,
    duration: Option<i64>,
    progress: Option<i64>,
    evidence: bool,
    status: usize,
    qw_year: i64,
    qw_status: usize,
    launched: i64,
    innovation: Option<i64>,
}

pub fn raw_program() -> impl Strategy<Value = RawProgram> {
    (
        (
            0..6usize,
            0..4usize,
            0..6i64,
            proptest::option::of(0..3usize),
        ),
        (
            proptest::option::of(0..4i64),
            proptest::option::of(0..=100i64),
            any::<bool>(),
            0..7usize,
        ),
        (0..5i64, 0..5usize, 0..5i64, proptest::option::of(1..=4i64)),
    )
        .prop_map(
            |(
                (pillar, horizon, start_offset, sub),
                (duration, progress, evidence, status),
                (qw_year, qw_status, launched, innovation),
            )| RawProgram {
                pillar,
                horizon,
                start_offset,
                sub,
                duration,
                progress,
                evidence,
                status,
                qw_year,
                qw_status,
                launched,
                innovation,
            },
        )
}

/// A valid program: a quick win iff its horizon is quick_win, with the statuses and years the
/// validator requires to agree.
fn program(r: &RawProgram, i: usize, year: i64) -> Value {
    let horizon = ["quick_win", "short", "medium", "long"][r.horizon];
    let start = year - 4 + r.start_offset; // year-4 ..= year+1
    let started = start <= year;
    let mut p = json!({
        "id": format!("P-{i:03}"), "name": format!("Program {i}"),
        "pillar": PILLARS[r.pillar], "horizon": horizon, "start_year": start,
    });
    if let Some(s) = r.sub {
        p["sub_dimension"] = json!(SUBS[r.pillar][s]);
    }
    if let Some(d) = r.duration {
        p["end_year"] = json!(start + d);
    }
    if let Some(x) = r.progress {
        p["progress_percent"] = json!(x);
    }
    if r.evidence {
        p["evidence"] = json!([format!("https://example.go.id/doc/{i}")]);
    }
    let status = if horizon == "quick_win" {
        let qw_year = start.max(year - 4) + r.qw_year % (year + 2 - start.max(year - 4));
        let qs = if started {
            ["planned", "in_progress", "launched", "sustained", "stopped"][r.qw_status]
        } else {
            ["planned", "in_progress"][r.qw_status % 2]
        };
        let mut qw = json!({ "year": qw_year, "status": qs });
        if matches!(qs, "launched" | "sustained" | "stopped") {
            qw["launched_year"] = json!(start + r.launched % (year - start + 1));
        }
        if let Some(s) = r.innovation {
            qw["innovation_score"] = json!(s);
        }
        p["quick_win"] = qw;
        match qs {
            "planned" => "planned",
            "in_progress" => ["in_progress", "delayed"][r.status % 2],
            "stopped" => "stopped",
            _ => ["running", "completed"][r.status % 2],
        }
    } else if started {
        STATUSES[r.status]
    } else {
        ["planned", "cancelled"][r.status % 2]
    };
    p["status"] = json!(status);
    p
}

/// Hundredths on 1–4 as a JSON number (3.07, never a long binary fraction).
fn score(h: i64) -> Value {
    serde_json::from_str(&format!("{}.{:02}", h / 100, h % 100)).unwrap()
}

/// Everything but the programs.
#[derive(Debug, Clone)]
pub struct RawPlan {
    year: i64,
    method: Option<usize>,
    previous: Option<i64>,
    scores: Option<[Option<i64>; 5]>,
    institutions: Option<(bool, bool, bool, i64, i64)>,
    readiness: Vec<(usize, i64)>,
    surveys: Vec<(usize, i64, i64)>,
    indicators: Vec<(usize, i64)>,
    national: Option<(i64, i64, i64, i64, usize)>,
}

pub fn raw_plan() -> impl Strategy<Value = RawPlan> {
    let hundredths = 100..=400i64;
    (
        (
            2019..=2025i64,
            proptest::option::of(0..2usize),
            proptest::option::of(hundredths.clone()),
            proptest::option::weighted(
                0.4,
                proptest::array::uniform5(proptest::option::weighted(0.5, hundredths.clone())),
            ),
        ),
        (
            proptest::option::of((
                any::<bool>(),
                any::<bool>(),
                any::<bool>(),
                0..6i64,
                0..4i64,
            )),
            proptest::collection::vec((0..3usize, 1..=4i64), 0..12),
        ),
        (
            proptest::collection::vec((0..6usize, 10..80i64, hundredths), 0..6),
            proptest::collection::vec((0..6usize, 0..=10_000i64), 0..4),
            proptest::option::of((
                0..=500i64,
                0..=10_000i64,
                2_500..=10_000i64,
                5_000..=9_000i64,
                0..5usize,
            )),
        ),
    )
        .prop_map(
            |(
                (year, method, previous, scores),
                (institutions, readiness),
                (surveys, indicators, national),
            )| {
                RawPlan {
                    year,
                    method,
                    previous,
                    scores,
                    institutions,
                    readiness,
                    surveys,
                    indicators,
                    national,
                }
            },
        )
}

pub fn masterplan(r: &RawPlan, programs: &[RawProgram]) -> Value {
    let year = r.year;
    let mut f = json!({
        "format": "kota-cerdas/masterplan", "format_version": 1,
        "region": { "name": "Kabupaten Uji", "kind": "kabupaten" },
        "evaluation": { "year": year },
        "programs": programs.iter().enumerate().map(|(i, p)| program(p, i, year)).collect::<Vec<_>>(),
    });
    if let Some(m) = r.method {
        f["evaluation"]["method"] = json!(["kominfo-2022", "kominfo-sleman"][m]);
    }
    if let Some(h) = r.previous {
        f["evaluation"]["previous"] = json!([{ "year": year - 1, "index": score(h) }]);
    }
    if let Some(scores) = &r.scores {
        let mut m = serde_json::Map::new();
        for (d, s) in DIMENSIONS.iter().zip(scores) {
            if let Some(h) = s {
                m.insert(d.to_string(), score(*h));
            }
        }
        f["evaluation"]["dimension_scores"] = Value::Object(m);
    }
    if let Some((council, team, active, meetings, budget)) = r.institutions {
        f["institutions"] = json!({
            "council": { "exists": council, "active": active, "meetings": meetings },
            "implementation_team": { "exists": team, "meetings": meetings / 2 },
            "forum": { "exists": active },
            "hr_plan": { "exists": council },
            "risk_register": { "exists": team },
            "budget": { "apbd": budget * 100_000_000, "non_apbd": (budget % 2) * 50_000_000 },
        });
    }
    if !r.readiness.is_empty() {
        let items: Vec<Value> = r
            .readiness
            .iter()
            .enumerate()
            .map(|(i, (a, s))| {
                json!({ "aspect": ASPECTS[*a],
                        "id": format!("r-{i}"), "question": "?", "score": s })
            })
            .collect();
        f["readiness"] = json!({ "items": items });
    }
    if !r.surveys.is_empty() || !r.indicators.is_empty() {
        let surveys: Vec<Value> = r
            .surveys
            .iter()
            .map(|(p, n, m)| json!({ "pillar": PILLARS[*p], "respondents": n, "mean": score(*m) }))
            .collect();
        let mut seen = std::collections::BTreeSet::new();
        let indicators: Vec<Value> = r
            .indicators
            .iter()
            .filter(|(c, _)| seen.insert(*c))
            .map(|(c, v)| {
                let value: Value =
                    serde_json::from_str(&format!("{}.{:02}", v / 100, v % 100)).unwrap();
                json!({ "code": INDICATORS[*c], "value": value, "year": year })
            })
            .collect();
        f["impact"] = json!({ "surveys": surveys, "indicators": indicators });
    }
    if let Some((spbe, sakip, ikm, ipm, bpk)) = r.national {
        f["national_indices"] = json!({
            "spbe": score(spbe), "sakip": score(sakip), "ikm": score(ikm), "ipm": score(ipm),
            "bpk_opinion": OPINIONS[bpk],
        });
    }
    f
}
