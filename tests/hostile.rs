//! The hostile-input catalogue (tests/hostile/, expectations in tests/hostile/expect.json) at
//! the engine level: every file read as bytes and decoded lossily, as the page's
//! `TextDecoder('utf-8')` does, then validated and assessed. Each must give its expected first
//! error code (or assess), with every problem located and bilingual; the huge cases are
//! generated in a temporary directory. The same manifest drives tests/api/hostile.test.mjs
//! (the wasm engine in Node) and tests/e2e/hostile.test.mjs (the page).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use kota_cerdas_mandiri::engine::{self, Options};
use kota_cerdas_mandiri::model::problem::{Problem, Severity};
use serde_json::{json, Value};

/// The assessment as JSON, through the engine's own writer (numbers as exact decimal text).
fn to_value(a: &kota_cerdas_mandiri::Assessment) -> Value {
    let text = kota_cerdas_mandiri::io::json_out::to_string(a).expect("json_out writes it");
    serde_json::from_str(&text).expect("json_out writes JSON")
}

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile")
}

fn manifest() -> Value {
    let text = std::fs::read_to_string(dir().join("expect.json")).expect("expect.json");
    serde_json::from_str(&text).expect("expect.json is JSON")
}

/// (expected first error code or "ok", warnings that must be among the findings).
fn expectation(v: &Value) -> (String, Vec<String>) {
    match v {
        Value::String(code) => (code.clone(), Vec::new()),
        Value::Object(o) => (
            o["expect"].as_str().unwrap().to_string(),
            o.get("warnings")
                .and_then(Value::as_array)
                .map(|w| w.iter().map(|c| c.as_str().unwrap().to_string()).collect())
                .unwrap_or_default(),
        ),
        other => panic!("bad expectation {other}"),
    }
}

fn located() -> Options {
    Options {
        locate: true,
        ..Options::default()
    }
}

/// A JSON Pointer (RFC 6901): empty, or `/`-separated tokens where `~` is always `~0`/`~1`.
fn valid_pointer(p: &str) -> bool {
    if p.is_empty() {
        return true;
    }
    p.starts_with('/')
        && p.split('/').skip(1).all(|token| {
            let b = token.as_bytes();
            b.iter()
                .enumerate()
                .all(|(i, c)| *c != b'~' || matches!(b.get(i + 1), Some(b'0' | b'1')))
        })
}

/// Every problem is complete: code, both languages (different texts), a JSON Pointer and,
/// for errors read from text, a 1-based line and column.
fn check_problems(name: &str, problems: &[Problem]) {
    for p in problems {
        assert!(!p.code.is_empty(), "{name}: {p:?}");
        assert!(
            !p.message.id.trim().is_empty() && !p.message.en.trim().is_empty(),
            "{name}: message missing a language: {p:?}"
        );
        assert_ne!(p.message.id, p.message.en, "{name}: not translated: {p:?}");
        assert!(valid_pointer(&p.path), "{name}: bad pointer {:?}", p.path);
        if p.severity == Severity::Error {
            let (Some(line), Some(column)) = (p.line, p.column) else {
                panic!("{name}: error without line/column: {p:?}");
            };
            assert!(line >= 1 && column >= 1, "{name}: {p:?}");
        }
    }
}

/// Runs one text through validate and assess and checks it against its expectation.
/// Returns the assessment as JSON when it assessed.
fn run(name: &str, text: &str, expect: &str, warnings: &[String]) -> Option<Value> {
    let problems = engine::validate(text, &located());
    check_problems(name, &problems);
    let errors: Vec<&Problem> = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .collect();
    let outcome = engine::assess(text, &located());
    if expect == "ok" {
        assert!(
            errors.is_empty(),
            "{name}: expected to assess, got {:#?}",
            &errors[..errors.len().min(3)]
        );
        let a = outcome.unwrap_or_else(|p| panic!("{name}: validate passed, assess refused {p:?}"));
        let v = to_value(&a);
        let codes: BTreeSet<&str> = v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|f| f["code"].as_str())
            .collect();
        for w in warnings {
            assert!(
                codes.contains(w.as_str()),
                "{name}: finding {w} missing; findings: {codes:?}"
            );
        }
        Some(v)
    } else {
        let first = errors.first().map(|p| p.code).unwrap_or("(no error)");
        assert_eq!(first, expect, "{name}: first error; all: {errors:#?}");
        let refused = outcome.expect_err(&format!("{name}: assessed despite errors"));
        assert_eq!(refused, problems, "{name}: assess and validate disagree");
        None
    }
}

#[test]
fn every_file_in_the_catalogue_has_an_expectation_and_vice_versa() {
    let m = manifest();
    let listed: BTreeSet<String> = m["files"].as_object().unwrap().keys().cloned().collect();
    let present: BTreeSet<String> = std::fs::read_dir(dir())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().unwrap().is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n != "README.md" && n != "expect.json")
        .collect();
    assert_eq!(listed, present, "tests/hostile/ and expect.json differ");
    let readme = std::fs::read_to_string(dir().join("README.md")).unwrap();
    for name in listed
        .iter()
        .chain(m["generated"].as_object().unwrap().keys())
    {
        assert!(
            readme.contains(name.as_str()),
            "README.md does not list {name}"
        );
    }
    assert!(
        listed.len() >= 50,
        "the catalogue shrank to {}",
        listed.len()
    );
}

#[test]
fn each_hostile_file_gives_its_expected_code_located_and_bilingual() {
    let m = manifest();
    for (name, e) in m["files"].as_object().unwrap() {
        let bytes = std::fs::read(dir().join(name)).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        let (expect, warnings) = expectation(e);
        run(name, &text, &expect, &warnings);
        // The engine keeps working: a real file still assesses to its known index.
        if name.starts_with('t') {
            still_works();
        }
    }
    still_works();
}

fn still_works() {
    let sample = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("www/samples/kabupaten-sukamaju-2024.json"),
    )
    .unwrap();
    let a = engine::assess(&sample, &located()).expect("the sample assesses");
    let v = to_value(&a);
    assert_eq!(v["evaluation"]["index"], json!(3.37));
}

/// Every string anywhere in a JSON value.
fn strings(v: &Value, out: &mut BTreeSet<String>) {
    match v {
        Value::String(s) => {
            out.insert(s.clone());
        }
        Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
        Value::Object(o) => o.iter().for_each(|(k, x)| {
            out.insert(k.clone());
            strings(x, out);
        }),
        _ => {}
    }
}

#[test]
fn html_and_script_in_every_text_field_assess_and_come_back_literally() {
    let text = std::fs::read_to_string(dir().join("xss-every-text-field.json")).unwrap();
    let input: Value = serde_json::from_str(&text).unwrap();
    let a = run("xss-every-text-field.json", &text, "ok", &[]).unwrap();
    assert_eq!(
        a["region"], input["region"],
        "the region comes back as written"
    );
    let mut out = BTreeSet::new();
    strings(&a, &mut out);
    // Program names and ids reach the output (quick-win items, findings' subjects…): the
    // ones that do must be byte-identical to the input, never escaped or stripped.
    let mut seen = 0;
    for p in input["programs"].as_array().unwrap() {
        let id = p["id"].as_str().unwrap();
        if out.contains(id) {
            seen += 1;
        }
    }
    assert!(seen > 0, "no program id came back literally");
    for payload in ["<script>", "onerror=", "javascript:", "<svg onload"] {
        assert!(
            out.iter().any(|s| s.contains(payload)),
            "{payload} not found literally in the assessment"
        );
    }
    // The CSV export neutralises texts that a spreadsheet would run as a formula.
    let csv = kota_cerdas_mandiri::io::csv::write(
        &serde_json::to_string(&a).unwrap(),
        kota_cerdas_mandiri::io::csv::Locale::En,
    )
    .unwrap();
    for line in csv.lines() {
        for cell in line.split(',') {
            let c = cell.trim_start_matches('"');
            assert!(
                !c.starts_with("=HYPERLINK"),
                "formula left live in CSV: {line}"
            );
        }
    }
}

// ---------------------------------------------------------------------------------------
// Generated: the huge cases and genuine province-sized files
// ---------------------------------------------------------------------------------------

/// xorshift32, as benches/generate.mjs: same seed, same file.
struct Rng(u32);
impl Rng {
    fn next(&mut self) -> u32 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 17;
        self.0 ^= self.0 << 5;
        self.0
    }
    fn below(&mut self, k: u32) -> u32 {
        self.next() % k
    }
    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.below(list.len() as u32) as usize]
    }
    fn chance(&mut self, pct: u32) -> bool {
        self.below(100) < pct
    }
}

const PILLARS: [(&str, &str, [&str; 3]); 6] = [
    (
        "governance",
        "GOV",
        ["public_service", "bureaucracy", "public_policy"],
    ),
    (
        "branding",
        "BRD",
        ["tourism", "business", "city_appearance"],
    ),
    (
        "economy",
        "ECO",
        ["industry", "welfare", "financial_transactions"],
    ),
    ("living", "LIV", ["harmony", "health", "mobility"]),
    ("society", "SOC", ["community", "learning", "security"]),
    ("environment", "ENV", ["protection", "waste", "energy"]),
];

/// A realistic province-sized masterplan of `n` programs (the shape of benches/generate.mjs:
/// names, agencies, evidence links, consistent quick wins; ≈ 360 bytes a program).
fn province(n: usize) -> String {
    serde_json::to_string_pretty(&province_value(n)).unwrap()
}

fn province_value(n: usize) -> Value {
    let mut rng = Rng(0x2545_f491);
    let year = 2024;
    let agencies = [
        "Diskominfo",
        "Bappeda",
        "Dinas Kesehatan",
        "Dinas Pendidikan",
        "DLH",
        "Dishub",
        "DPMPTSP",
        "Disdukcapil",
    ];
    let topics = [
        "Perizinan Online",
        "Data Terpadu",
        "Pengaduan Warga",
        "Pasar Digital",
        "Wisata Virtual",
        "CCTV Kota",
        "Bank Sampah",
        "Puskesmas Online",
    ];
    let mut count = [0usize; 6];
    let mut programs = Vec::with_capacity(n);
    for i in 0..n {
        let k = rng.below(6) as usize;
        count[k] += 1;
        let (pillar, prefix, subs) = PILLARS[k];
        let id = format!("{prefix}-{:05}", count[k]);
        let horizon = rng.pick(&["quick_win", "short", "short", "medium", "medium", "long"]);
        let start = year - 5 + rng.below(7) as i64;
        let started = start <= year;
        let mut p = json!({
            "id": id, "name": format!("Layanan {} {}", rng.pick(&topics), i + 1),
            "pillar": pillar, "sub_dimension": rng.pick(&subs), "horizon": horizon,
            "start_year": start, "end_year": start + rng.below(5) as i64,
            "lead_agency": rng.pick(&agencies),
        });
        if rng.chance(50) {
            p["evidence"] = json!([format!("https://smartcity.example.go.id/dokumen/{id}.pdf")]);
        }
        let status = if horizon == "quick_win" {
            let qs = if started {
                rng.pick(&["planned", "in_progress", "launched", "sustained", "stopped"])
            } else {
                rng.pick(&["planned", "in_progress"])
            };
            let mut qw = json!({ "year": start.max(year - 4) + rng.below(2) as i64, "status": qs });
            if matches!(qs, "launched" | "sustained" | "stopped") {
                qw["launched_year"] = json!(start + rng.below((year - start + 1) as u32) as i64);
            }
            p["quick_win"] = qw;
            match qs {
                "planned" | "in_progress" | "stopped" => qs,
                _ => rng.pick(&["running", "completed"]),
            }
        } else if started {
            rng.pick(&[
                "running",
                "running",
                "completed",
                "in_progress",
                "delayed",
                "planned",
                "stopped",
                "cancelled",
            ])
        } else {
            "planned"
        };
        p["status"] = json!(status);
        if rng.chance(40) {
            p["progress_percent"] = json!(rng.below(101));
        }
        programs.push(p);
    }
    let aspects = ["struktur", "infrastruktur", "suprastruktur"];
    let readiness: Vec<Value> = (0..12)
        .map(|i| {
            json!({ "aspect": aspects[i % 3], "id": format!("rd-{i}"),
                    "question": format!("Butir {i}"), "score": 1 + i % 4 })
        })
        .collect();
    let plan = json!({
        "format": "kota-cerdas/masterplan", "format_version": 1,
        "region": { "name": "Provinsi Uji", "kind": "kabupaten", "province": "Jawa Tengah" },
        "evaluation": { "year": year, "previous": [{ "year": 2023, "index": 3.08 }] },
        "institutions": { "council": { "exists": true, "active": true, "meetings": 2 } },
        "readiness": { "items": readiness },
        "programs": programs,
        "impact": { "surveys": PILLARS.iter().map(|(p, _, _)| json!({ "pillar": p, "respondents": 50, "mean": 3.1 })).collect::<Vec<_>>() },
        "national_indices": { "spbe": 2.93, "sakip": 66.4, "ikm": 79.98, "ipm": 72.4, "bpk_opinion": "WTP" }
    });
    plan
}

/// `n` small programs (long horizon, not counted): a file over the count limit, well under
/// the size limit.
fn many_programs(n: usize) -> String {
    let mut text = String::from(
        r#"{"format":"kota-cerdas/masterplan","format_version":1,"region":{"name":"Kabupaten Uji","kind":"kabupaten"},"evaluation":{"year":2024},"programs":["#,
    );
    for i in 0..n {
        if i > 0 {
            text.push(',');
        }
        text.push_str(&format!(
            r#"{{"id":"P-{i}","name":"P","pillar":"governance","horizon":"long","start_year":2030,"status":"planned"}}"#
        ));
    }
    text.push_str("]}");
    text
}

/// The generated cases of expect.json, by name.
fn generated(name: &str) -> String {
    match name {
        // Valid-looking content past the limit: only the size may be reported.
        "too-large-25mb.json" => {
            let mut t = province(5_000);
            let unit = t.clone();
            while t.len() <= 25 * 1024 * 1024 {
                t.push_str(&unit);
            }
            t
        }
        "programs-60000.json" => many_programs(60_000),
        "province-5000.json" => province(5_000),
        "province-20000.json" => province(20_000),
        // Each unknown code used to re-parse the whole text to locate its warning: minutes.
        "unknown-indicators-1000.json" => {
            let mut plan = province_value(5_000);
            plan["impact"]["indicators"] = (0..1000)
                .map(|i| json!({ "code": format!("kode_{i}"), "value": 1, "year": 2023 }))
                .collect();
            serde_json::to_string_pretty(&plan).unwrap()
        }
        other => panic!("no generator for {other}"),
    }
}

#[test]
fn huge_files_get_limits_and_province_sized_files_assess() {
    let m = manifest();
    let tmp = std::env::temp_dir().join(format!("kota-cerdas-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    for (name, e) in m["generated"].as_object().unwrap() {
        let (expect, warnings) = expectation(e);
        let text = generated(name);
        // Written and read back as bytes, as a file given to the page would be.
        let path = tmp.join(name);
        std::fs::write(&path, &text).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        match name.as_str() {
            "too-large-25mb.json" => assert!(text.len() > 25 * 1024 * 1024),
            "programs-60000.json" => assert!(text.len() < 20 * 1024 * 1024, "{}", text.len()),
            "province-5000.json" => assert!(text.len() > 1_500_000, "{}", text.len()),
            _ => {}
        }
        let started = std::time::Instant::now();
        let a = run(name, &text, &expect, &warnings);
        let took = started.elapsed();
        // Generous for a debug build on a busy machine; the quadratic cases took minutes.
        assert!(took.as_secs() < 60, "{name}: {took:?}");
        if let Some(a) = a {
            let planned = a["implementation"]["overall"]["planned"].as_u64().unwrap();
            assert!(planned > 1000, "{name}: only {planned} planned programs");
        }
        if name == "too-large-25mb.json" {
            let p = engine::validate(&text, &located());
            assert_eq!(p.len(), 1, "the size alone is reported");
            assert_eq!(
                (p[0].line, p[0].column),
                (Some(1), Some(1)),
                "located at the start"
            );
            assert!(p[0].message.en.contains("20 MB"), "{}", p[0].message.en);
        }
        if name == "programs-60000.json" {
            let p = engine::validate(&text, &located());
            assert_eq!(p[0].path, "/programs");
            assert!(p[0].message.en.contains("50,000"), "{}", p[0].message.en);
        }
        let _ = std::fs::remove_file(&path);
    }
    let _ = std::fs::remove_dir(&tmp);
    still_works();
}

#[test]
fn messages_name_the_real_cause() {
    // (file, code of the problem, words its English message must contain)
    let cases = [
        ("utf16le-bom.json", "not_json", "UTF-16"),
        ("utf16be-bom.json", "not_json", "UTF-16"),
        ("utf16le-no-bom.json", "not_json", "UTF-16"),
        ("double-bom.json", "not_json", "byte-order mark"),
        ("invalid-utf8-outside-string.json", "not_json", "not UTF-8"),
        ("latin1.json", "invalid_characters", "UTF-8"),
        ("control-chars-escaped.json", "control_characters", "U+0000"),
        (
            "rtl-override-and-invisible.json",
            "control_characters",
            "U+202E",
        ),
        ("xlsx-like.json", "not_json", "Excel"),
        ("table.csv", "not_json", "CSV"),
        ("page.html", "not_json", "web page"),
        ("deep-array-10000.json", "not_json", "nested too deeply"),
        ("empty.json", "not_json", "empty"),
        ("name-50000-chars.json", "text_too_long", "50,004"),
        (
            "number-huge-integer.json",
            "format_version_too_new",
            "unknown format version",
        ),
        ("format-version-2.json", "format_version_too_new", "Update"),
    ];
    for (name, code, words) in cases {
        let bytes = std::fs::read(dir().join(name)).unwrap();
        let problems = engine::validate(&String::from_utf8_lossy(&bytes), &located());
        let p = problems
            .iter()
            .find(|p| p.code == code)
            .unwrap_or_else(|| panic!("{name}: no {code} in {problems:#?}"));
        assert!(
            p.message.en.contains(words),
            "{name}: {code} says {:?}",
            p.message.en
        );
    }
}
