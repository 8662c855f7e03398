//! Issue 15: the Indeks Pemerintah Digital (Pemdi, PermenPANRB 8/2026) beside SPBE.
//!
//! Bands as reported (lower end inclusive, upper exclusive, top band closed):
//! Kurang 1,00 – < 1,50 · Cukup 1,50 – < 2,50 · Baik 2,50 – < 3,50 · Sangat Baik 3,50 – < 4,00
//! · Memuaskan 4,00 – 5,00. Output reads the predicate as SPBE's: Kurang 1, Cukup 2, Baik 3,
//! Sangat Baik 4, Memuaskan 4. Expected values below are derived from that table by hand.

use kota_cerdas_mandiri::engine::{self, MethodChoice, Options};
use serde_json::Value;

mod common;
use common::to_value;

fn sample_2026() -> Value {
    let path = format!(
        "{}/www/samples/kabupaten-sukamaju-2026.json",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

fn opts() -> Options {
    Options {
        method: MethodChoice::FromFile,
        locate: true,
    }
}

fn assess(file: &Value) -> Value {
    match engine::assess(&file.to_string(), &opts()) {
        Ok(a) => to_value(&a),
        Err(p) => panic!("expected an assessment, got {p:#?}"),
    }
}

fn with(year: i64, national: Value) -> Value {
    let mut f = sample_2026();
    f["evaluation"]["year"] = year.into();
    f["national_indices"] = national;
    f
}

fn codes(a: &Value) -> Vec<String> {
    a["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_string())
        .collect()
}

fn output_input<'a>(a: &'a Value, key: &str) -> Option<&'a Value> {
    a["evaluation"]["dimensions"]["output"]["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["key"] == key)
}

#[test]
fn every_band_at_both_ends() {
    // (value, predicate, English label, concern, Output score)
    let rows: [(&str, &str, &str, bool, i64); 10] = [
        ("1", "Kurang", "Poor", true, 1),
        ("1.49", "Kurang", "Poor", true, 1),
        ("1.5", "Cukup", "Fair", true, 2),
        ("2.49", "Cukup", "Fair", true, 2),
        ("2.5", "Baik", "Good", false, 3),
        ("3.49", "Baik", "Good", false, 3),
        ("3.5", "Sangat Baik", "Very good", false, 4),
        ("3.99", "Sangat Baik", "Very good", false, 4),
        ("4", "Memuaskan", "Excellent", false, 4),
        ("5", "Memuaskan", "Excellent", false, 4),
    ];
    for (v, predicate, en, concern, score) in rows {
        let value: Value = serde_json::from_str(v).unwrap();
        let a = assess(&with(2026, serde_json::json!({ "pemdi": value })));
        let p = &a["national_indices"]["pemdi"];
        assert_eq!(p["predicate"], predicate, "{v}");
        assert_eq!(p["label_en"], en, "{v}");
        assert_eq!(p["concern"], concern, "{v}");
        assert_eq!(output_input(&a, "pemdi").unwrap()["value"], score, "{v}");
        assert!(output_input(&a, "spbe").is_none());
        assert_eq!(codes(&a).contains(&"pemdi_low".to_string()), concern, "{v}");
    }
}

#[test]
fn the_2026_sample_quotes_pemdi() {
    let a = assess(&sample_2026());
    let p = &a["national_indices"]["pemdi"];
    // 2.55: Baik for Pemdi (2.50 ≤ 2.55 < 3.50); it would be Cukup for SPBE (< 2.6).
    assert_eq!(p["value"], 2.55);
    assert_eq!(p["predicate"], "Baik");
    assert!(a["national_indices"]
        .get("spbe")
        .map_or(true, Value::is_null));
    // Output: legal basis 4, council 4, team 4, forum 2, HR plan 4, risk 4, budget 4, Pemdi
    // Baik 3 → 29 / 8 = 3.625 → 3.63.
    assert_eq!(a["evaluation"]["dimensions"]["output"]["score"], 3.63);
    let c = codes(&a);
    for code in [
        "digital_index_both",
        "spbe_superseded",
        "pemdi_too_early",
        "pemdi_low",
    ] {
        assert!(!c.contains(&code.to_string()), "{code}");
    }
}

#[test]
fn both_indices_warn_and_pemdi_counts() {
    // Pemdi 1.6 → Cukup → 2; SPBE 4.3 → Memuaskan → 4. Pemdi counts: (26 + 2) / 8 = 3.5.
    let a = assess(&with(
        2026,
        serde_json::json!({ "spbe": 4.3, "pemdi": 1.6 }),
    ));
    assert_eq!(output_input(&a, "pemdi").unwrap()["value"], 2);
    assert!(output_input(&a, "spbe").is_none());
    assert_eq!(a["evaluation"]["dimensions"]["output"]["score"], 3.5);
    let both: Vec<&Value> = a["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "digital_index_both")
        .collect();
    assert_eq!(both.len(), 1);
    assert_eq!(both[0]["severity"], "warning");
    assert!(both[0]["message"]["id"].as_str().unwrap().contains("2026"));
    // SPBE is still read with its own table, labelled as the older index.
    assert_eq!(a["national_indices"]["spbe"]["predicate"], "Memuaskan");
    assert_eq!(a["national_indices"]["spbe"]["superseded_by"], "pemdi");
}

#[test]
fn spbe_in_a_2026_file_is_accepted_as_the_older_index() {
    // SPBE 2.55 → Cukup (1.8 ≤ 2.55 < 2.6) → 2: (26 + 2) / 8 = 3.5.
    let a = assess(&with(2026, serde_json::json!({ "spbe": 2.55 })));
    assert_eq!(a["national_indices"]["spbe"]["predicate"], "Cukup");
    assert_eq!(a["national_indices"]["spbe"]["superseded_by"], "pemdi");
    assert_eq!(output_input(&a, "spbe").unwrap()["value"], 2);
    assert_eq!(a["evaluation"]["dimensions"]["output"]["score"], 3.5);
    let c = codes(&a);
    assert!(c.contains(&"spbe_superseded".to_string()));
    assert!(!c.contains(&"digital_index_both".to_string()));
    // Before 2026 SPBE is simply SPBE.
    let a = assess(&with(2025, serde_json::json!({ "spbe": 2.55 })));
    assert!(a["national_indices"]["spbe"].get("superseded_by").is_none());
    assert!(!codes(&a).contains(&"spbe_superseded".to_string()));
}

#[test]
fn pemdi_before_2026_is_a_warning() {
    let a = assess(&with(2025, serde_json::json!({ "pemdi": 3.1 })));
    assert_eq!(a["national_indices"]["pemdi"]["predicate"], "Baik");
    let f = a["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "pemdi_too_early")
        .expect("a pemdi_too_early finding");
    assert_eq!(f["severity"], "warning");
    assert_eq!(f["path"], "/national_indices/pemdi");
}

#[test]
fn pemdi_out_of_range_is_a_located_warning_and_left_out() {
    for v in ["0.99", "5.01", "0"] {
        let value: Value = serde_json::from_str(v).unwrap();
        let f = with(2026, serde_json::json!({ "pemdi": value }));
        let text = serde_json::to_string_pretty(&f).unwrap();
        let problems = engine::validate(&text, &opts());
        let p = problems
            .iter()
            .find(|p| p.code == "pemdi_out_of_range")
            .unwrap_or_else(|| panic!("{v}: {problems:#?}"));
        assert_eq!(p.path, "/national_indices/pemdi");
        assert!(p.line.is_some());
        assert!(p.message.id.contains("1 sampai 5") && p.message.en.contains("1 to 5"));
        // Still assessed, without the value: Output falls back to its other seven items.
        let a = assess(&f);
        assert!(a["national_indices"]
            .get("pemdi")
            .map_or(true, Value::is_null));
        assert!(output_input(&a, "pemdi").is_none());
        assert_eq!(
            codes(&a)
                .iter()
                .filter(|c| *c == "pemdi_out_of_range")
                .count(),
            1
        );
    }
}
