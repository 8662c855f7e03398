use super::*;
use crate::model::decimal::Num;
use crate::model::framework::{
    Aspect, BpkOpinion, Dimension, Horizon, LegalKind, Pillar, ProgramStatus, QuickWinStatus,
    RegionKind, SubDimension,
};
use crate::model::masterplan::LegalBasis;
use crate::model::problem::{Problem, Severity};

const MINIMAL: &str = r#"{
  "format": "kota-cerdas/masterplan",
  "format_version": 1,
  "region": { "name": "Kabupaten Kebumen", "kind": "kabupaten" },
  "evaluation": { "year": 2022 },
  "programs": []
}"#;

/// Every section, every optional key.
const FULL: &str = r#"{
  "format": "kota-cerdas/masterplan",
  "format_version": 1,
  "region": { "code": "33.05", "name": "Kabupaten Kebumen", "kind": "kabupaten", "province": "Jawa Tengah" },
  "masterplan": { "period_start": 2018, "period_end": 2022, "title": "Masterplan Smart City",
                  "legal_basis": { "kind": "perbup", "number": "16", "year": 2019 } },
  "evaluation": {
    "year": 2022, "method": "kominfo-2022",
    "previous": [ { "year": 2021, "index": 3.06 } ],
    "dimension_scores": { "baseline": 3.60 }
  },
  "institutions": {
    "council": { "exists": true, "decree": "SK 1/2019", "active": true, "meetings": 4, "evidence": ["sk.pdf"] },
    "implementation_team": { "exists": true },
    "forum": { "exists": false },
    "hr_plan": { "exists": true, "evidence": [] },
    "risk_register": { "exists": false },
    "budget": { "apbd": 1500000000, "non_apbd": 2.5e8, "apbd_total": 2800000000000, "sources": ["APBD", "DAK"], "evidence": ["dpa.pdf"] },
    "evidence": ["profil.pdf"]
  },
  "readiness": { "items": [ { "aspect": "suprastruktur", "id": "sup-1", "question": "Ada Perbup?", "score": 4, "evidence": ["perbup.pdf"] } ] },
  "programs": [
    { "id": "GOV-01", "name": "Mal Pelayanan Publik Digital", "pillar": "governance",
      "sub_dimension": "public_service", "horizon": "medium", "start_year": 2020, "end_year": 2022,
      "status": "running", "progress_percent": 80, "lead_agency": "DPMPTSP", "evidence": ["foto.jpg"] },
    { "id": "LIV-01", "name": "Ambulans Desa", "pillar": "living", "horizon": "quick_win",
      "start_year": 2021, "status": "running",
      "quick_win": { "year": 2022, "status": "sustained", "launched_year": 2022, "innovation_score": 3 } }
  ],
  "impact": {
    "surveys": [ { "pillar": "governance", "sub_dimension": "bureaucracy", "respondents": 50, "mean": 3.1, "year": 2022 } ],
    "indicators": [ { "code": "poverty_rate", "value": 12.66, "year": 2023, "unit": "%", "source": "BPS" } ]
  },
  "national_indices": { "spbe": 2.93, "sakip": 66.40, "ikm": 79.98, "ipm": 70.51, "bpk_opinion": "WTP" }
}"#;

fn run(text: &str) -> (Option<Masterplan>, Vec<Problem>) {
    let mut problems = Problems::new();
    let plan = decode_text(text, &mut problems);
    (plan, problems.finish(Some(text)))
}

/// The problems as (code, path).
fn codes(problems: &[Problem]) -> Vec<(&'static str, String)> {
    problems.iter().map(|p| (p.code, p.path.clone())).collect()
}

/// Replaces exactly one occurrence of `from` in `text`.
fn edit(text: &str, from: &str, to: &str) -> String {
    assert_eq!(text.matches(from).count(), 1, "{from}");
    text.replacen(from, to, 1)
}

/// The single problem of `text`, which must have exactly one.
fn only(text: &str) -> Problem {
    let (_, problems) = run(text);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    problems.into_iter().next().unwrap()
}

fn n(s: &str) -> Num {
    Num::parse(s).unwrap()
}

#[test]
fn minimal_file_decodes() {
    let (plan, problems) = run(MINIMAL);
    assert!(problems.is_empty(), "{problems:#?}");
    let plan = plan.unwrap();
    assert_eq!(plan.region.name, "Kabupaten Kebumen");
    assert_eq!(plan.region.kind, RegionKind::Kabupaten);
    assert_eq!(plan.evaluation.year, 2022);
    assert!(plan.programs.is_empty());
    assert_eq!(plan.masterplan, None);
    assert_eq!(plan.institutions, None);
    assert_eq!(plan.readiness, None);
    assert_eq!(plan.impact, None);
    assert_eq!(plan.national_indices, Default::default());
}

#[test]
fn full_file_decodes_every_field() {
    let (plan, problems) = run(FULL);
    assert!(problems.is_empty(), "{problems:#?}");
    let plan = plan.unwrap();
    assert_eq!(plan.region.code.as_deref(), Some("33.05"));
    assert_eq!(plan.region.province.as_deref(), Some("Jawa Tengah"));
    let doc = plan.masterplan.unwrap();
    assert_eq!((doc.period_start, doc.period_end), (Some(2018), Some(2022)));
    assert_eq!(doc.title.as_deref(), Some("Masterplan Smart City"));
    assert_eq!(
        doc.legal_basis,
        LegalBasis::Fixed {
            kind: LegalKind::Perbup,
            number: Some("16".into()),
            year: Some(2019)
        }
    );
    let ev = &plan.evaluation;
    assert_eq!(ev.method.as_deref(), Some("kominfo-2022"));
    assert_eq!(ev.previous.len(), 1);
    assert_eq!(
        (ev.previous[0].year, ev.previous[0].index),
        (2021, n("3.06"))
    );
    assert_eq!(
        ev.dimension_scores.get(&Dimension::Baseline),
        Some(&n("3.6"))
    );
    let inst = plan.institutions.unwrap();
    let council = inst.council.unwrap();
    assert!(council.exists);
    assert_eq!(council.decree.as_deref(), Some("SK 1/2019"));
    assert_eq!((council.active, council.meetings), (Some(true), Some(4)));
    assert_eq!(council.evidence, vec!["sk.pdf".to_string()]);
    assert!(!inst.forum.unwrap().exists);
    assert!(inst.hr_plan.unwrap().exists);
    let budget = inst.budget.unwrap();
    assert_eq!(budget.non_apbd, Some(n("250000000")));
    assert_eq!(budget.sources, vec!["APBD".to_string(), "DAK".to_string()]);
    assert_eq!(inst.evidence, vec!["profil.pdf".to_string()]);
    let items = plan.readiness.unwrap();
    assert_eq!(
        (items[0].aspect, items[0].score, items[0].index),
        (Aspect::Suprastruktur, 4, 0)
    );
    let p = &plan.programs;
    assert_eq!(p.len(), 2);
    assert_eq!(
        (p[0].index, p[0].pillar, p[0].sub_dimension),
        (0, Pillar::Governance, Some(SubDimension::PublicService))
    );
    assert_eq!(
        (p[0].horizon, p[0].status, p[0].end_year),
        (Horizon::Medium, ProgramStatus::Running, Some(2022))
    );
    assert_eq!(p[0].progress_percent, Some(n("80")));
    assert_eq!(p[0].lead_agency.as_deref(), Some("DPMPTSP"));
    let qw = p[1].quick_win.unwrap();
    assert_eq!(p[1].index, 1);
    assert_eq!(
        (qw.year, qw.status, qw.launched_year, qw.innovation_score),
        (2022, QuickWinStatus::Sustained, Some(2022), Some(3))
    );
    let impact = plan.impact.unwrap();
    assert_eq!(
        impact.surveys[0].sub_dimension,
        Some(SubDimension::Bureaucracy)
    );
    assert_eq!(
        (
            impact.surveys[0].respondents,
            impact.surveys[0].mean,
            impact.surveys[0].year
        ),
        (50, n("3.1"), Some(2022))
    );
    let ind = &impact.indicators[0];
    assert_eq!(
        (ind.code.as_str(), ind.value, ind.year),
        ("poverty_rate", n("12.66"), Some(2023))
    );
    assert_eq!(
        (ind.unit.as_deref(), ind.source.as_deref()),
        (Some("%"), Some("BPS"))
    );
    let ni = plan.national_indices;
    assert_eq!(
        (ni.spbe, ni.sakip, ni.bpk_opinion),
        (Some(n("2.93")), Some(n("66.4")), Some(BpkOpinion::Wtp))
    );
}

#[test]
fn legal_basis_null_means_not_fixed_and_absent_means_unknown() {
    let text = edit(
        MINIMAL,
        "\"programs\": []",
        "\"programs\": [], \"masterplan\": { \"legal_basis\": null }",
    );
    let doc = run(&text).0.unwrap().masterplan.unwrap();
    assert_eq!(doc.legal_basis, LegalBasis::None);
    let text = edit(
        MINIMAL,
        "\"programs\": []",
        "\"programs\": [], \"masterplan\": { \"period_start\": 2018 }",
    );
    let doc = run(&text).0.unwrap().masterplan.unwrap();
    assert_eq!(doc.legal_basis, LegalBasis::Unknown);
}

#[test]
fn null_for_an_optional_field_is_absent() {
    let text = edit(FULL, "\"end_year\": 2022", "\"end_year\": null");
    let (plan, problems) = run(&text);
    assert!(problems.is_empty(), "{problems:#?}");
    assert_eq!(plan.unwrap().programs[0].end_year, None);
    // ... but null for a required one is missing.
    let p = only(&edit(MINIMAL, "\"year\": 2022", "\"year\": null"));
    assert_eq!(
        (p.code, p.path.as_str()),
        ("missing_field", "/evaluation/year")
    );
}

#[test]
fn file_too_large_gives_size_and_limit() {
    let text = " ".repeat(MAX_FILE_BYTES + 1);
    let p = only(&text);
    assert_eq!(p.code, "file_too_large");
    assert!(
        p.message.id.contains("20 MB") && p.message.id.contains("pisahkan per daerah"),
        "{}",
        p.message.id
    );
    assert!(
        p.message.en.contains("20 MB") && p.message.en.contains("split it by region"),
        "{}",
        p.message.en
    );
}

#[test]
fn syntax_errors_are_one_located_not_json_with_a_plain_reason() {
    let cases: &[(&str, (usize, usize), &str)] = &[
        ("", (1, 1), "Berkas kosong"),
        ("{\n  \"a\": 1\n  \"b\": 2\n}", (3, 3), "koma yang hilang"),
        ("{\"a\": [1, 2,]}", (1, 13), "Hapus koma sebelum ]"),
        ("{\"a\": 1,}", (1, 9), "Hapus koma sebelum }"),
        ("{\"a\": \"abc\n}", (1, 11), "tanda kutip penutup"),
        ("{\"a\": \"C:\\data\"}", (1, 11), "dua kali"),
        ("{\"a\": 1} x", (1, 10), "setelah akhir data"),
        ("{\"a\": 3,5}", (1, 9), "3.5, bukan 3,5"),
        ("{\"a\": 'x'}", (1, 7), "tanda kutip tunggal"),
        ("{\"a\": running}", (1, 7), "tidak diapit tanda kutip"),
        ("{\"a\": 01}", (1, 7), "tidak sah"),
        ("{\"a\": 1", (1, 8), "belum ditutup"),
        ("<!DOCTYPE html><html>", (1, 1), "HTML"),
        ("nama;pilar;status\nMPP;governance;running", (1, 1), "CSV"),
        ("\"{\"\"format\"\": 1}\"", (1, 4), "Excel"),
    ];
    for (text, (line, column), needle) in cases {
        let p = only(text);
        assert_eq!(p.code, "not_json", "{text}");
        assert_eq!(p.path, "");
        assert_eq!((p.line, p.column), (Some(*line), Some(*column)), "{text}");
        assert!(p.message.id.contains(needle), "{text}: {}", p.message.id);
        assert!(!p.message.en.is_empty());
    }
    let deep = format!("{{\"a\": {}", "[".repeat(100));
    let p = only(&deep);
    assert!(p.message.id.contains("terlalu dalam"), "{}", p.message.id);
}

#[test]
fn the_root_must_be_an_object_of_this_format() {
    let p = only("[1, 2]");
    assert_eq!((p.code, p.path.as_str()), ("not_an_object", ""));
    let p = only(&edit(
        MINIMAL,
        "\"kota-cerdas/masterplan\"",
        "\"kota-cerdas/assessment\"",
    ));
    assert_eq!(
        (p.code, p.path.as_str(), p.line, p.column),
        ("wrong_format", "/format", Some(2), Some(13))
    );
    let p = only(&edit(
        MINIMAL,
        "\"format\": \"kota-cerdas/masterplan\",",
        "",
    ));
    assert_eq!((p.code, p.path.as_str()), ("missing_field", "/format"));
    assert!(p.message.id.contains("kota-cerdas/masterplan"));
    let p = only(&edit(MINIMAL, "\"format_version\": 1,", ""));
    assert_eq!(
        (p.code, p.path.as_str()),
        ("missing_format_version", "/format_version")
    );
    for bad in ["\"1\"", "1.5", "0", "true"] {
        let p = only(&edit(
            MINIMAL,
            "\"format_version\": 1",
            &format!("\"format_version\": {bad}"),
        ));
        assert_eq!(p.code, "invalid_format_version", "{bad}");
    }
    // A newer version stops here: v1 rules would only mislead.
    let text = edit(
        MINIMAL,
        "\"format_version\": 1",
        "\"format_version\": 2, \"pillars2026\": {}",
    );
    let text = edit(&text, "\"kabupaten\"", "\"regency\"");
    let p = only(&text);
    assert_eq!(
        (p.code, p.line, p.column),
        ("format_version_too_new", Some(3), Some(21))
    );
    assert!(
        p.message.en.contains("Update the assessment tool"),
        "{}",
        p.message.en
    );
}

#[test]
fn unknown_vocabulary_is_reported_with_a_suggestion() {
    let p = only(&edit(
        FULL,
        "\"pillar\": \"governance\",\n      \"sub_dimension\"",
        "\"pillar\": \"Smart Governance\",\n      \"sub_dimension\"",
    ));
    assert_eq!(
        (p.code, p.path.as_str()),
        ("unknown_pillar", "/programs/0/pillar")
    );
    assert_eq!(
        p.message.id,
        "Pilar \"Smart Governance\" tidak dikenal. Maksudnya \"governance\"? Tulis \"governance\". Gunakan salah satu: governance, branding, economy, living, society, environment."
    );
    assert!(p
        .message
        .en
        .starts_with("Unknown pillar \"Smart Governance\". Did you mean \"governance\"? Write \"governance\". Use one of:"));
    let p = only(&edit(
        FULL,
        "\"horizon\": \"quick_win\"",
        "\"horizon\": \"Quick Win\"",
    ));
    assert_eq!(
        (p.code, p.path.as_str()),
        ("unknown_horizon", "/programs/1/horizon")
    );
    assert!(p.message.id.contains("Maksudnya \"quick_win\"?"));
    let p = only(&edit(
        FULL,
        "\"status\": \"running\", \"progress_percent\"",
        "\"status\": \"jalan\", \"progress_percent\"",
    ));
    assert_eq!(
        (p.code, p.path.as_str()),
        ("unknown_status", "/programs/0/status")
    );
    assert!(!p.message.id.contains("Maksudnya"));
    let p = only(&edit(
        FULL,
        "\"status\": \"sustained\"",
        "\"status\": \"Berkelanjutan\"",
    ));
    assert_eq!(p.code, "unknown_quick_win_status");
    assert!(p.message.id.contains("\"sustained\""));
    let p = only(&edit(FULL, "\"suprastruktur\"", "\"supra\""));
    assert_eq!(
        (p.code, p.path.as_str()),
        ("unknown_aspect", "/readiness/items/0/aspect")
    );
    let p = only(&edit(FULL, "\"kabupaten\"", "\"Kabupaten\""));
    assert_eq!(
        (p.code, p.path.as_str()),
        ("unknown_region_kind", "/region/kind")
    );
    let p = only(&edit(FULL, "\"perbup\"", "\"Peraturan Bupati\""));
    assert_eq!(
        (p.code, p.path.as_str()),
        ("unknown_legal_kind", "/masterplan/legal_basis/kind")
    );
    assert!(p.message.id.contains("\"perbup\""));
    let p = only(&edit(FULL, "\"WTP\"", "\"wtp\""));
    assert_eq!(
        (p.code, p.path.as_str()),
        ("unknown_bpk_opinion", "/national_indices/bpk_opinion")
    );
    let p = only(&edit(
        FULL,
        "\"sub_dimension\": \"public_service\"",
        "\"sub_dimension\": \"pelayanan\"",
    ));
    assert_eq!(p.code, "unknown_sub_dimension");
}

#[test]
fn sub_dimension_must_belong_to_the_pillar() {
    let p = only(&edit(FULL, "\"public_service\"", "\"health\""));
    assert_eq!(
        (p.code, p.path.as_str()),
        ("sub_dimension_wrong_pillar", "/programs/0/sub_dimension")
    );
    assert!(
        p.message.id.contains("termasuk pilar living"),
        "{}",
        p.message.id
    );
    assert!(p
        .message
        .id
        .contains("public_service, bureaucracy, public_policy"));
    let p = only(&edit(FULL, "\"bureaucracy\"", "\"waste\""));
    assert_eq!(
        (p.code, p.path.as_str()),
        (
            "sub_dimension_wrong_pillar",
            "/impact/surveys/0/sub_dimension"
        )
    );
}

#[test]
fn closed_maps_reject_unknown_keys_with_the_closest_id() {
    let p = only(&edit(
        FULL,
        "\"baseline\": 3.60",
        "\"baseline\": 3.60, \"quickwin\": 3",
    ));
    assert_eq!(
        (p.code, p.severity, p.path.as_str()),
        (
            "unknown_dimension",
            Severity::Error,
            "/evaluation/dimension_scores/quickwin"
        )
    );
    assert!(
        p.message.id.contains("Maksudnya \"quick_win\"?"),
        "{}",
        p.message.id
    );
    assert_eq!((p.line, p.column), (Some(10), Some(45)));
    let p = only(&edit(FULL, "\"ipm\": 70.51", "\"ipm\": 70.51, \"SPBE\": 3"));
    assert_eq!(
        (p.code, p.path.as_str()),
        ("unknown_national_index", "/national_indices/SPBE")
    );
    assert!(p.message.en.contains("Did you mean \"spbe\"?"));
}

#[test]
fn unknown_keys_warn_and_do_not_block() {
    let text = edit(
        FULL,
        "\"lead_agency\": \"DPMPTSP\"",
        "\"lead_agency\": \"DPMPTSP\", \"startyear\": 2020, \"catatan\": \"x\"",
    );
    let (plan, problems) = run(&text);
    assert!(plan.is_some());
    assert_eq!(
        codes(&problems),
        vec![
            ("unknown_key", "/programs/0/startyear".to_string()),
            ("unknown_key", "/programs/0/catatan".to_string())
        ]
    );
    assert!(problems.iter().all(|p| p.severity == Severity::Warning));
    assert!(problems[0]
        .message
        .en
        .contains("kept but not used by the assessment"));
    assert!(problems[0].message.id.contains("Maksudnya \"start_year\"?"));
    // Located at the key.
    assert_eq!((problems[0].line, problems[0].column), (Some(25), Some(78)));
}

#[test]
fn duplicates() {
    let text = edit(FULL, "\"id\": \"LIV-01\"", "\"id\": \"GOV-01\"");
    let p = only(&text);
    assert_eq!(
        (p.code, p.path.as_str()),
        ("duplicate_id", "/programs/1/id")
    );
    assert!(p.message.id.contains("/programs/0"), "{}", p.message.id);
    let text = edit(
        FULL,
        "\"question\": \"Ada Perbup?\", \"score\": 4, \"evidence\": [\"perbup.pdf\"] }",
        "\"score\": 4 }, { \"aspect\": \"struktur\", \"id\": \"sup-1\", \"score\": 2 }",
    );
    let p = only(&text);
    assert_eq!(
        (p.code, p.path.as_str()),
        ("duplicate_id", "/readiness/items/1/id")
    );
    let p = only(&edit(
        FULL,
        "\"kind\": \"kabupaten\"",
        "\"kind\": \"kabupaten\", \"name\": \"Kebumen\"",
    ));
    assert_eq!(
        (p.code, p.path.as_str(), p.line, p.column),
        ("duplicate_key", "/region/name", Some(4), Some(82))
    );
    let p = only(&edit(
        FULL,
        "{ \"year\": 2021, \"index\": 3.06 }",
        "{ \"year\": 2021, \"index\": 3.06 }, { \"year\": 2021, \"index\": 3 }",
    ));
    assert_eq!(
        (p.code, p.path.as_str()),
        ("duplicate_previous_year", "/evaluation/previous/1/year")
    );
}

#[test]
fn numbers_as_text_say_how_to_write_them() {
    let p = only(&edit(FULL, "\"mean\": 3.1", "\"mean\": \"3,5\""));
    assert_eq!(
        (p.code, p.path.as_str()),
        ("wrong_type", "/impact/surveys/0/mean")
    );
    assert!(
        p.message.id.contains("Tulis 3.5 tanpa tanda kutip"),
        "{}",
        p.message.id
    );
    assert!(p.message.en.contains("Write 3.5 without quotes"));
    let p = only(&edit(
        FULL,
        "\"progress_percent\": 80",
        "\"progress_percent\": \"85%\"",
    ));
    assert!(
        p.message.id.contains("Tulis 85 tanpa tanda kutip"),
        "{}",
        p.message.id
    );
    let p = only(&edit(
        FULL,
        "\"evidence\": [\"foto.jpg\"]",
        "\"evidence\": \"foto.jpg\"",
    ));
    assert_eq!(
        (p.code, p.path.as_str()),
        ("wrong_type", "/programs/0/evidence")
    );
    assert!(p.message.id.contains("[\"foto.jpg\"]"));
    let p = only(&edit(
        FULL,
        "\"forum\": { \"exists\": false }",
        "\"forum\": { \"exists\": \"tidak\" }",
    ));
    assert_eq!(
        (p.code, p.path.as_str()),
        ("wrong_type", "/institutions/forum/exists")
    );
}

#[test]
fn ranges_years_and_integers() {
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            "\"year\": 2022, \"method\"",
            "\"year\": 1999, \"method\"",
            "year_out_of_range",
            "/evaluation/year",
        ),
        (
            "\"start_year\": 2020",
            "\"start_year\": 2020.5",
            "not_an_integer",
            "/programs/0/start_year",
        ),
        (
            "\"progress_percent\": 80",
            "\"progress_percent\": 101",
            "out_of_range",
            "/programs/0/progress_percent",
        ),
        (
            "\"progress_percent\": 80",
            "\"progress_percent\": 1e400",
            "out_of_range",
            "/programs/0/progress_percent",
        ),
        (
            "\"baseline\": 3.60",
            "\"baseline\": 4.5",
            "out_of_range",
            "/evaluation/dimension_scores/baseline",
        ),
        (
            "\"index\": 3.06",
            "\"index\": 0.9",
            "out_of_range",
            "/evaluation/previous/0/index",
        ),
        (
            "\"score\": 4",
            "\"score\": 3.5",
            "not_an_integer",
            "/readiness/items/0/score",
        ),
        (
            "\"innovation_score\": 3",
            "\"innovation_score\": 5",
            "out_of_range",
            "/programs/1/quick_win/innovation_score",
        ),
        (
            "\"respondents\": 50",
            "\"respondents\": 0",
            "out_of_range",
            "/impact/surveys/0/respondents",
        ),
        (
            "\"mean\": 3.1",
            "\"mean\": 4.01",
            "out_of_range",
            "/impact/surveys/0/mean",
        ),
        (
            "\"spbe\": 2.93",
            "\"spbe\": 5.5",
            "out_of_range",
            "/national_indices/spbe",
        ),
        (
            "\"sakip\": 66.40",
            "\"sakip\": -1",
            "out_of_range",
            "/national_indices/sakip",
        ),
        (
            "\"apbd\": 1500000000",
            "\"apbd\": -5",
            "out_of_range",
            "/institutions/budget/apbd",
        ),
        (
            "\"meetings\": 4",
            "\"meetings\": 1001",
            "out_of_range",
            "/institutions/council/meetings",
        ),
        (
            "\"year\": 2019 }",
            "\"year\": 19 }",
            "year_out_of_range",
            "/masterplan/legal_basis/year",
        ),
        (
            "\"year\": 2023, \"unit\"",
            "\"year\": 2101, \"unit\"",
            "year_out_of_range",
            "/impact/indicators/0/year",
        ),
    ];
    for (from, to, code, path) in cases {
        let p = only(&edit(FULL, from, to));
        assert_eq!((p.code, p.path.as_str()), (*code, *path), "{to}");
    }
    let p = only(&edit(
        FULL,
        "\"year\": 2022, \"method\"",
        "\"year\": 1999, \"method\"",
    ));
    assert!(
        p.message.id.contains("Tahun 1999") && p.message.id.contains("2000 sampai 2100"),
        "{}",
        p.message.id
    );
    let p = only(&edit(FULL, "\"apbd\": 1500000000", "\"apbd\": -5"));
    assert!(
        p.message.id.contains("-5") && p.message.id.contains("1.000.000.000.000.000"),
        "{}",
        p.message.id
    );
}

#[test]
fn year_order_rules() {
    let p = only(&edit(FULL, "\"end_year\": 2022", "\"end_year\": 2019"));
    assert_eq!(
        (p.code, p.path.as_str()),
        ("end_before_start", "/programs/0/end_year")
    );
    let p = only(&edit(FULL, "\"period_end\": 2022", "\"period_end\": 2017"));
    assert_eq!(
        (p.code, p.path.as_str()),
        ("period_end_before_start", "/masterplan/period_end")
    );
    let p = only(&edit(
        FULL,
        "\"start_year\": 2020, \"end_year\": 2022",
        "\"start_year\": 2023, \"end_year\": 2024",
    ));
    assert_eq!(
        (p.code, p.severity, p.path.as_str()),
        (
            "running_before_start",
            Severity::Warning,
            "/programs/0/start_year"
        )
    );
    let p = only(&edit(
        FULL,
        "{ \"year\": 2021, \"index\": 3.06 }",
        "{ \"year\": 2022, \"index\": 3.06 }",
    ));
    assert_eq!(
        (p.code, p.severity, p.path.as_str()),
        (
            "previous_not_before",
            Severity::Warning,
            "/evaluation/previous/0/year"
        )
    );
}

#[test]
fn quick_win_rules() {
    let qw = "\"quick_win\": { \"year\": 2022, \"status\": \"sustained\", \"launched_year\": 2022, \"innovation_score\": 3 }";
    let with = |to: &str| edit(FULL, qw, to);
    let p = only(&edit(FULL, &format!(",\n      {qw}"), ""));
    assert_eq!(
        (p.code, p.path.as_str(), p.line),
        ("quick_win_missing", "/programs/1/quick_win", Some(26))
    );
    let p = only(&edit(
        FULL,
        "\"horizon\": \"quick_win\"",
        "\"horizon\": \"short\"",
    ));
    assert_eq!(
        (p.code, p.path.as_str(), p.line, p.column),
        (
            "quick_win_not_quick_win_horizon",
            "/programs/1/quick_win",
            Some(28),
            Some(20)
        )
    );
    let p = only(&with(
        "\"quick_win\": { \"year\": 2022, \"status\": \"launched\" }",
    ));
    assert_eq!(
        (p.code, p.path.as_str()),
        (
            "quick_win_missing_launched_year",
            "/programs/1/quick_win/launched_year"
        )
    );
    let p = only(&with(
        "\"quick_win\": { \"year\": 2022, \"status\": \"planned\", \"launched_year\": 2022 }",
    ));
    assert_eq!(
        (p.code, p.path.as_str()),
        (
            "quick_win_launched_year_unexpected",
            "/programs/1/quick_win/launched_year"
        )
    );
    let p = only(&with(
        "\"quick_win\": { \"year\": 2022, \"status\": \"launched\", \"launched_year\": 2023 }",
    ));
    assert_eq!(
        (p.code, p.path.as_str()),
        ("launched_in_future", "/programs/1/quick_win/launched_year")
    );
    let p = only(&with(
        "\"quick_win\": { \"year\": 2022, \"status\": \"launched\", \"launched_year\": 2020 }",
    ));
    assert_eq!(
        (p.code, p.severity),
        ("launched_before_start", Severity::Warning)
    );
    let p = only(&with("\"quick_win\": { \"year\": 2022 }"));
    assert_eq!(
        (p.code, p.path.as_str()),
        ("missing_field", "/programs/1/quick_win/status")
    );
    for status in ["cancelled", "planned", "in_progress", "delayed"] {
        let text = edit(
            FULL,
            "\"start_year\": 2021, \"status\": \"running\"",
            &format!("\"start_year\": 2021, \"status\": \"{status}\""),
        );
        let p = only(&text);
        assert_eq!(
            (p.code, p.path.as_str()),
            (
                "quick_win_inconsistent_status",
                "/programs/1/quick_win/status"
            ),
            "{status}"
        );
    }
    let stopped = edit(
        FULL,
        "\"start_year\": 2021, \"status\": \"running\"",
        "\"start_year\": 2021, \"status\": \"stopped\"",
    );
    assert_eq!(only(&stopped).code, "quick_win_inconsistent_status");
    let both_stopped = edit(
        &stopped,
        "\"status\": \"sustained\"",
        "\"status\": \"stopped\"",
    );
    assert!(run(&both_stopped).1.is_empty());
}

#[test]
fn required_fields_and_texts() {
    let p = only(&edit(FULL, "\"name\": \"Ambulans Desa\", ", ""));
    assert_eq!(
        (p.code, p.path.as_str(), p.line, p.column),
        ("missing_field", "/programs/1/name", Some(26), Some(5))
    );
    let p = only(&edit(
        FULL,
        "\"name\": \"Ambulans Desa\"",
        "\"name\": \"  \"",
    ));
    assert_eq!(
        (p.code, p.path.as_str()),
        ("empty_text", "/programs/1/name")
    );
    let long = "x".repeat(10_001);
    let p = only(&edit(FULL, "\"DPMPTSP\"", &format!("\"{long}\"")));
    assert_eq!(
        (p.code, p.path.as_str()),
        ("text_too_long", "/programs/0/lead_agency")
    );
    let p = only(&edit(
        FULL,
        "\"code\": \"poverty_rate\"",
        "\"code\": \"Poverty Rate\"",
    ));
    assert_eq!(
        (p.code, p.path.as_str()),
        ("invalid_code", "/impact/indicators/0/code")
    );
    assert!(p.message.id.contains("\"poverty_rate\""));
    let p = only(&edit(
        FULL,
        "\"implementation_team\": { \"exists\": true }",
        "\"implementation_team\": { \"active\": true }",
    ));
    assert_eq!(
        (p.code, p.path.as_str()),
        ("missing_field", "/institutions/implementation_team/exists")
    );
    let p = only(&edit(MINIMAL, "\"name\": \"Kabupaten Kebumen\", ", ""));
    assert_eq!((p.code, p.path.as_str()), ("missing_field", "/region/name"));
    let p = only(&edit(MINIMAL, ",\n  \"programs\": []", ""));
    assert_eq!((p.code, p.path.as_str()), ("missing_field", "/programs"));
    let p = only(&edit(MINIMAL, "\"programs\": []", "\"programs\": {}"));
    assert_eq!((p.code, p.path.as_str()), ("wrong_type", "/programs"));
}

#[test]
fn list_limits() {
    let many = vec!["\"a\""; 201].join(",");
    let p = only(&edit(FULL, "[\"foto.jpg\"]", &format!("[{many}]")));
    assert_eq!(
        (p.code, p.path.as_str()),
        ("too_many_items", "/programs/0/evidence")
    );
    let many = vec!["{ \"year\": 2001, \"index\": 2 }"; 1001].join(",");
    let text = edit(
        FULL,
        "[ { \"year\": 2021, \"index\": 3.06 } ]",
        &format!("[{many}]"),
    );
    let p = only(&text);
    assert_eq!(
        (p.code, p.path.as_str()),
        ("too_many_items", "/evaluation/previous")
    );
    assert!(
        p.message.id.contains("1.001") && p.message.id.contains("1.000"),
        "{}",
        p.message.id
    );
}

#[test]
fn programs_limit() {
    let many = vec!["1"; 50_001].join(",");
    let p = only(&edit(
        MINIMAL,
        "\"programs\": []",
        &format!("\"programs\": [{many}]"),
    ));
    assert_eq!((p.code, p.path.as_str()), ("too_many_items", "/programs"));
}

#[test]
fn every_problem_is_reported_at_once() {
    let text = edit(FULL, "\"pillar\": \"living\"", "\"pillar\": \"Living\"");
    let text = edit(&text, "\"start_year\": 2020", "\"start_year\": \"2020\"");
    let text = edit(&text, "\"mean\": 3.1", "\"mean\": 7");
    let text = edit(&text, "\"kind\": \"kabupaten\"", "\"kind\": \"kab\"");
    let text = edit(
        &text,
        "\"sakip\": 66.40, ",
        "\"sakip\": 66.40, \"lakip\": 60, ",
    );
    let (plan, problems) = run(&text);
    assert!(plan.is_none());
    assert_eq!(
        codes(&problems),
        vec![
            ("unknown_region_kind", "/region/kind".to_string()),
            ("wrong_type", "/programs/0/start_year".to_string()),
            ("unknown_pillar", "/programs/1/pillar".to_string()),
            ("out_of_range", "/impact/surveys/0/mean".to_string()),
            (
                "unknown_national_index",
                "/national_indices/lakip".to_string()
            ),
        ]
    );
    assert!(problems
        .iter()
        .all(|p| p.severity == Severity::Error && p.line.is_some()));
}

#[test]
fn quoted_values_are_cut_short() {
    let long = "Smart".repeat(40);
    let p = only(&edit(
        FULL,
        "\"pillar\": \"living\"",
        &format!("\"pillar\": \"{long}\""),
    ));
    assert!(
        p.message.id.contains(&format!("\"{}…\"", &long[..60])),
        "{}",
        p.message.id
    );
}

#[test]
fn garbage_never_panics() {
    for end in 0..=FULL.len() {
        if FULL.is_char_boundary(end) {
            let mut problems = Problems::new();
            let plan = decode_text(&FULL[..end], &mut problems);
            assert_eq!(plan.is_some(), end == FULL.len(), "{end}");
            let _ = problems.finish(Some(&FULL[..end]));
        }
    }
    let garbage = [
        "null", "true", "\"x\"", "42", "{}", "[]", "{\"format\": {}}", "\u{feff}",
        "{\"region\": [], \"evaluation\": 1, \"programs\": [null, 1, \"x\", [], {}]}",
        "{\"format_version\": 1e400, \"readiness\": {\"items\": {}}, \"impact\": {\"surveys\": [[]], \"indicators\": [{\"code\": \"9\"}]}}",
        "{\"evaluation\": {\"year\": 2022, \"previous\": [1], \"dimension_scores\": []}, \"national_indices\": 3, \"institutions\": {\"budget\": [], \"council\": null, \"forum\": 1}}",
        "{\"masterplan\": {\"legal_basis\": 7}, \"programs\": [{\"quick_win\": 1, \"horizon\": \"quick_win\"}]}",
        "{\"a\": \"\u{0}\", \"\": 1, \"~/\": 2}",
        "PK\u{3}\u{4}\u{fffd}\u{fffd}",
    ];
    for g in garbage {
        let mut problems = Problems::new();
        assert!(decode_text(g, &mut problems).is_none(), "{g}");
        assert!(!problems.finish(Some(g)).is_empty(), "{g}");
    }
}

#[test]
fn known_keys_cover_every_object_and_closed_maps_match_the_vocabularies() {
    let keys = known_keys();
    let paths: Vec<&str> = keys.iter().map(|(p, _)| *p).collect();
    for p in [
        "",
        "region",
        "programs[]",
        "programs[].quick_win",
        "institutions.council",
        "institutions.budget",
    ] {
        assert!(paths.contains(&p), "{p}");
    }
    let find = |path: &str| {
        keys.iter()
            .find(|(p, _)| *p == path)
            .map(|(_, k)| *k)
            .unwrap()
    };
    let dims: Vec<&str> = Dimension::ALL.iter().map(|d| d.id()).collect();
    assert_eq!(find("evaluation.dimension_scores"), dims.as_slice());
    // Every required key is a known key.
    for (path, required) in required_keys() {
        assert!(required.iter().all(|k| find(path).contains(k)), "{path}");
    }
}

#[test]
fn every_shape_fits_the_key_slots() {
    for shape in super::shape::ALL {
        assert!(
            shape.keys.len() <= super::read::MAX_SHAPE_KEYS,
            "{}: {} keys",
            shape.path,
            shape.keys.len()
        );
    }
}

// ---------------------------------------------------------------------------------------
// Issue 14: invisible characters, the value budget, bounded suggestions
// ---------------------------------------------------------------------------------------

#[test]
fn invisible_characters_in_ids_and_agencies_are_warned_about_and_ignored_when_compared() {
    // GOV-01 twice, the second with a zero-width space; DPMPTSP with a word joiner and a
    // left-to-right mark on the second program.
    let text = edit(
        FULL,
        r#""lead_agency": "DPMPTSP", "evidence": ["foto.jpg"] },
    { "id": "LIV-01""#,
        r#""lead_agency": "DPMPTSP", "evidence": ["foto.jpg"] },
    { "id": "GOV\u200b-01", "name": "Lagi", "pillar": "governance", "horizon": "short", "start_year": 2021, "status": "running", "lead_agency": "DPM\u2060PTSP\u200e" },
    { "id": "LIV-01""#,
    );
    let (plan, problems) = run(&text);
    assert!(plan.is_none());
    assert_eq!(
        codes(&problems),
        vec![
            ("duplicate_id", "/programs/1/id".to_string()),
            ("invisible_characters", "/programs/1/id".to_string()),
            (
                "invisible_characters",
                "/programs/1/lead_agency".to_string()
            ),
        ]
    );
    let id = &problems[1].message;
    assert!(id.id.contains("U+200B, pada karakter ke-4"), "{}", id.id);
    assert!(
        id.en.contains(
            "The text \"GOV-01\" holds 1 invisible character(s) (the first U+200B, at character 4)"
        ),
        "{}",
        id.en
    );
    assert!(
        problems[2]
            .message
            .en
            .contains("holds 2 invisible character(s) (the first U+2060, at character 4)"),
        "{}",
        problems[2].message.en
    );
    // No control_characters warning besides (U+200E is a direction mark): one warning each.
    // Without the duplicate, the agency is read without its invisible characters: one OPD.
    let text = text.replace("GOV\\u200b-01", "GOV-02");
    let (plan, problems) = run(&text);
    let plan = plan.expect("valid");
    assert_eq!(plan.programs[1].lead_agency.as_deref(), Some("DPMPTSP"));
    assert_eq!(plan.programs[0].lead_agency, plan.programs[1].lead_agency);
    assert_eq!(
        codes(&problems),
        vec![(
            "invisible_characters",
            "/programs/1/lead_agency".to_string()
        )]
    );
    // In other texts the direction controls stay control_characters.
    let (_, problems) = run(&edit(FULL, "Ambulans Desa", "Ambulans\u{202e} Desa"));
    assert_eq!(
        codes(&problems),
        vec![("control_characters", "/programs/1/name".to_string())]
    );
}

#[test]
fn a_file_past_the_value_budget_gets_too_many_values_where_it_stops() {
    let n = crate::io::json::MAX_VALUES;
    let text = format!(
        "{},\"lampiran\": [{}0]}}",
        MINIMAL.trim_end().trim_end_matches('}'),
        "0,".repeat(n)
    );
    let (plan, problems) = run(&text);
    assert!(plan.is_none());
    assert_eq!(problems.len(), 1);
    let p = &problems[0];
    assert_eq!(p.code, "too_many_values");
    assert!(
        p.message.id.contains("lebih dari 3.000.000"),
        "{}",
        p.message.id
    );
    assert!(
        p.message.en.contains("more than 3,000,000"),
        "{}",
        p.message.en
    );
    // Located at the value past the budget: the file's values before the list, then the list.
    assert_eq!(p.line, Some(7));
    assert!(p.column.unwrap() > 2 * (n - 20), "{:?}", p.column);
}

#[test]
fn suggestions_and_messages_stop_at_the_cap_but_every_problem_is_counted() {
    // 2 000 programs with an unknown pillar each (and a 60-character one: no hint to find).
    let program = |i: usize| {
        format!(
            r#"{{ "id": "P-{i}", "name": "x", "pillar": "goverance", "horizon": "short", "start_year": 2020, "status": "running", "catatan{i}": 1 }}"#
        )
    };
    let list: Vec<String> = (0..2000).map(program).collect();
    let text = edit(
        MINIMAL,
        "\"programs\": []",
        &format!("\"programs\": [{}]", list.join(",")),
    );
    let (plan, problems) = run(&text);
    assert!(plan.is_none());
    assert_eq!(problems.len(), crate::model::problem::MAX_PROBLEMS + 1);
    let last = problems.last().unwrap();
    assert_eq!(last.code, "too_many_problems");
    // 2 000 errors and 2 000 warnings, 500 shown: 3 500 more.
    assert!(
        last.message.en.starts_with("3500 more problems"),
        "{}",
        last.message.en
    );
    let shown = &problems[0];
    assert_eq!(shown.code, "unknown_pillar");
    assert!(shown.message.en.contains("Did you mean \"governance\"?"));
}

#[test]
fn messages_say_the_field_in_words_not_its_key() {
    // A required key missing: named as a person reads it, with what to write.
    let p = only(&edit(FULL, "\"start_year\": 2020, ", ""));
    assert_eq!(
        (p.code, p.path.as_str()),
        ("missing_field", "/programs/0/start_year")
    );
    assert_eq!(
        p.message,
        crate::model::text::Text::new(
            "Tahun mulai belum diisi. Tulis tahunnya sebagai angka, misalnya 2022.",
            "The start year is missing. Write the year as a number, e.g. 2022."
        )
    );
    // A value of the wrong kind: the location names the field; the message only the value.
    let p = only(&edit(
        FULL,
        "\"progress_percent\": 80",
        "\"progress_percent\": true",
    ));
    assert_eq!(
        p.message.en,
        "This value must be a number, not true. Correct the value."
    );
    // Rules between fields say the fields in words.
    let p = only(&edit(FULL, "\"end_year\": 2022", "\"end_year\": 2019"));
    assert_eq!(
        p.message.id,
        "Program berakhir (2019) sebelum dimulai (2020). Periksa tahun mulai dan tahun selesainya."
    );
    let p = only(&edit(
        FULL,
        "\"status\": \"sustained\", \"launched_year\": 2022,",
        "\"status\": \"sustained\",",
    ));
    assert_eq!(
        p.message.en,
        "A quick win with status \"Sustained\" needs its launch year: the year it went live, e.g. 2022."
    );
    assert!(!p.message.id.contains('_'), "{}", p.message.id);
}
