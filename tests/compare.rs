//! `compare`: Kabupaten Sukamaju 2024 against 2026 (the samples). Every expected number is
//! read off the two golden assessments (tests/golden/kabupaten-sukamaju-{2024,2026}) and
//! subtracted by hand: index 3.37 → 3.51; dimensions baseline 3.02 → 3.41, output 3.63 → 3.63,
//! outcome 3.62 → 3.79, impact 3.23 → 3.23, quick win 3.07 → 3.31; branding 83.33 → 100,
//! living 83.33 → 85.71, society 85.71 → 100; overall 86.84 → 92.31; mean of pillars 87.3 →
//! 92.86; quick wins 71.43 → 87.5. Programs whose status changed (the two sample files, by id):
//! GOV-07 in_progress → running, BRD-03 delayed → running, LIV-08 planned → running, SOC-08
//! in_progress → running, ENV-05 planned → in_progress.

mod common;

use kota_cerdas_mandiri::compare::{compare, masterplan_text};
use kota_cerdas_mandiri::engine::Options;
use serde_json::{json, Value};

fn sample(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/www/samples/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn run(before: &str, after: &str) -> Value {
    common::to_value(&compare(before, after, &Options::default()).expect("comparable"))
}

#[test]
fn sukamaju_2024_against_2026() {
    let c = run(
        &sample("kabupaten-sukamaju-2024"),
        &sample("kabupaten-sukamaju-2026"),
    );
    assert_eq!(c["region"]["name"], "Kabupaten Sukamaju");
    assert_eq!(c["before"]["year"], 2024);
    assert_eq!(c["after"]["year"], 2026);
    assert_eq!(
        c["index"],
        json!({ "before": 3.37, "after": 3.51, "delta": 0.14 })
    );
    assert_eq!(c["index_is_estimate"], false);
    let d = |k: &str| c["dimensions"][k]["delta"].as_f64().unwrap();
    assert_eq!(
        [
            d("baseline"),
            d("output"),
            d("outcome"),
            d("impact"),
            d("quick_win")
        ],
        [0.39, 0.0, 0.17, 0.0, 0.24]
    );
    assert_eq!(c["dimensions"]["baseline"]["before"], 3.02);
    assert_eq!(c["dimensions"]["baseline"]["after"], 3.41);
    let p = |k: &str| c["pillars"][k]["delta"].as_f64().unwrap();
    assert_eq!(
        [
            p("governance"),
            p("branding"),
            p("economy"),
            p("living"),
            p("society"),
            p("environment")
        ],
        [0.0, 16.67, 0.0, 2.38, 14.29, 0.0]
    );
    assert_eq!(c["overall"]["delta"], 5.47);
    assert_eq!(c["mean_of_pillars"]["delta"], 5.56);
    assert_eq!(
        c["quick_win_percent"],
        json!({ "before": 71.43, "after": 87.5, "delta": 16.07 })
    );

    let changed: Vec<(String, String, String, String)> = c["programs"]["status_changed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| {
            (
                x["after"]["id"].as_str().unwrap().to_string(),
                x["before"]["status"].as_str().unwrap().to_string(),
                x["after"]["status"].as_str().unwrap().to_string(),
                x["matched_by"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let expect = [
        ("GOV-07", "in_progress", "running"),
        ("BRD-03", "delayed", "running"),
        ("LIV-08", "planned", "running"),
        ("SOC-08", "in_progress", "running"),
        ("ENV-05", "planned", "in_progress"),
    ];
    assert_eq!(changed.len(), expect.len(), "{changed:?}");
    for (got, want) in changed.iter().zip(expect) {
        assert_eq!(
            (
                got.0.as_str(),
                got.1.as_str(),
                got.2.as_str(),
                got.3.as_str()
            ),
            (want.0, want.1, want.2, "id")
        );
    }
    assert_eq!(c["programs"]["added"], json!([]));
    assert_eq!(c["programs"]["removed"], json!([]));

    // LIV-08 was not due in 2024 and is on time in 2026; SOC-08 was pending, launched late.
    assert_eq!(
        c["quick_wins"],
        json!([
            { "program_id": "LIV-08", "name": c["quick_wins"][0]["name"], "before": "not_due", "after": "on_time", "change": "gained" },
            { "program_id": "SOC-08", "name": c["quick_wins"][1]["name"], "before": "pending", "after": "late", "change": "gained" }
        ])
    );

    // SPBE only in 2024, Pemdi only in 2026 (no delta for either); SAKIP 68.52 → 71.2,
    // IKM 82.31 → 83.4, IPM 70.12 → 70.9.
    assert_eq!(
        c["national_indices"]["deltas"],
        json!({ "sakip": 2.68, "ikm": 1.09, "ipm": 0.78 })
    );
    assert_eq!(c["national_indices"]["before"]["spbe"]["value"], 2.87);
    assert_eq!(c["national_indices"]["after"]["pemdi"]["value"], 2.55);

    // previous of both files (2022 2.78, 2023 3.02, 2025 3.41; 2024's published 3.37 gives way
    // to the 2024 file's own index), then each file's own.
    assert_eq!(
        c["trend"],
        json!([
            { "year": 2022, "index": 2.78, "estimate": false, "source": "previous" },
            { "year": 2023, "index": 3.02, "estimate": false, "source": "previous" },
            { "year": 2024, "index": 3.37, "estimate": false, "source": "before" },
            { "year": 2025, "index": 3.41, "estimate": false, "source": "previous" },
            { "year": 2026, "index": 3.51, "estimate": false, "source": "after" }
        ])
    );
    assert_eq!(c["notices"], json!([]));
}

#[test]
fn programs_matched_by_id_then_name_added_and_removed() {
    let after = sample("kabupaten-sukamaju-2026")
        // GOV-08 keeps its name under a new id: matched by name, status unchanged.
        .replace("\"id\": \"GOV-08\"", "\"id\": \"GOV-08B\"")
        // ENV-05 becomes another program (new id and name): removed + added.
        .replace("\"id\": \"ENV-05\"", "\"id\": \"ENV-09\"")
        .replace(
            "Panel Surya Atap Gedung Pemerintah",
            "Kendaraan Listrik Dinas",
        );
    let c = run(&sample("kabupaten-sukamaju-2024"), &after);
    let ids = |k: &str| -> Vec<String> {
        c["programs"][k]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                format!(
                    "{} {}",
                    p["id"].as_str().unwrap(),
                    p["status"].as_str().unwrap()
                )
            })
            .collect()
    };
    assert_eq!(ids("added"), ["ENV-09 in_progress"]);
    assert_eq!(ids("removed"), ["ENV-05 planned"]);
    let changed = c["programs"]["status_changed"].as_array().unwrap();
    assert_eq!(
        changed.len(),
        4,
        "ENV-05's change is now a removal and an addition"
    );
    assert!(changed.iter().all(|x| x["after"]["id"] != "GOV-08B"));
}

#[test]
fn a_downloaded_assessment_compares_by_its_masterplan() {
    let before = sample("kabupaten-sukamaju-2024");
    let downloaded = format!(
        "{{\"engine\":{{\"name\":\"x\",\"version\":\"0\"}},\"input_text\":\"{{}}\",\"masterplan\":{before},\"note\":\"}}\"}}"
    );
    assert_eq!(masterplan_text(&downloaded), before.trim_end());
    let after = sample("kabupaten-sukamaju-2026");
    assert_eq!(run(&downloaded, &after), run(&before, &after));
}

#[test]
fn another_region_or_a_later_before_is_an_error() {
    let before = sample("kabupaten-sukamaju-2024");
    let other = sample("kota-pelita-2024");
    let e = compare(&before, &other, &Options::default()).unwrap_err();
    assert_eq!(e[0].code, "compare_different_region");
    assert!(
        e[0].message.id.contains("Kota Pelita")
            && e[0].message.en.contains("not of the same region")
    );

    let later = sample("kabupaten-sukamaju-2026");
    let e = compare(&later, &before, &Options::default()).unwrap_err();
    assert_eq!(e[0].code, "compare_before_later");
    assert!(e[0].message.id.contains("(2026)") && e[0].message.en.contains("Swap"));

    // A broken side names itself.
    let e = compare("{", &before, &Options::default()).unwrap_err();
    assert_eq!(e[0].code, "not_json");
    assert!(
        e[0].message.id.starts_with("Berkas sebelum: ")
            && e[0].message.en.starts_with("Earlier file: ")
    );
}

#[test]
fn same_year_and_another_method_are_notices() {
    let before = sample("kabupaten-sukamaju-2024");
    let c = run(&before, &before);
    assert_eq!(c["notices"].as_array().unwrap().len(), 1);
    assert_eq!(c["notices"][0]["code"], "compare_same_year");
    assert_eq!(c["index"]["delta"], 0.0);
    assert_eq!(c["programs"]["status_changed"], json!([]));
    assert_eq!(c["quick_wins"], json!([]));
    assert_eq!(
        c["trend"].as_array().unwrap().len(),
        3,
        "2022, 2023, 2024 once each"
    );

    let other_method = before.replace(
        "\"method\": \"kominfo-2022\"",
        "\"method\": \"kominfo-sleman\"",
    );
    assert_ne!(other_method, before, "the sample names its method");
    let c = run(&before, &other_method);
    let codes: Vec<&str> = c["notices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["compare_same_year", "compare_method_differs"]);
    assert!(c["notices"][1]["message"]["en"]
        .as_str()
        .unwrap()
        .contains("kominfo-sleman"));
}
