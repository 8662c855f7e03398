//! JSON → workbook → JSON on the fixtures and samples: the same masterplan comes back, and
//! nothing is reported as not carried.

use kota_cerdas_mandiri::io::decode::decode_text;
use kota_cerdas_mandiri::model::problem::Problems;
use kota_cerdas_workbook::{read, write, Locale};

fn files() -> Vec<std::path::PathBuf> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let mut out = vec![];
    for dir in ["tests/fixtures", "www/samples"] {
        for e in std::fs::read_dir(format!("{root}/{dir}")).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "json") && !p.ends_with("index.json") {
                out.push(p);
            }
        }
    }
    out.sort();
    assert!(out.len() >= 5, "{out:?}");
    out
}

#[test]
fn every_fixture_and_sample_comes_back_the_same_in_both_locales() {
    for path in files() {
        let text = std::fs::read_to_string(&path).unwrap();
        let want = decode_text(&text, &mut Problems::new()).expect("a valid fixture");
        for locale in [Locale::Id, Locale::En] {
            let written = write(&text, locale).unwrap();
            assert_eq!(written.warnings, vec![], "{path:?}");
            let back = read(&written.bytes);
            let json = back
                .text
                .unwrap_or_else(|| panic!("{path:?} {locale:?}: {:#?}", back.problems));
            let got = decode_text(&json, &mut Problems::new()).expect("valid");
            assert_eq!(got, want, "{path:?} {locale:?}");
            // Warnings of the engine come back too, now located in the workbook.
            let engine = kota_cerdas_mandiri::engine::validate(&text, &Default::default());
            assert_eq!(back.problems.len(), engine.len(), "{path:?}");
        }
    }
}

#[test]
fn what_a_workbook_cannot_carry_is_reported_when_written() {
    let text = r#"{"format": "kota-cerdas/masterplan", "format_version": 1, "note": "x",
      "region": {"name": " Kota Uji", "kind": "kota"}, "masterplan": {},
      "evaluation": {"year": 2022},
      "programs": [{"id": "A", "name": "a", "pillar": "living", "horizon": "short",
        "start_year": 2020, "status": "running", "budget": 5, "evidence": ["x\ny"]}]}"#;
    let w = write(text, Locale::Id).unwrap();
    let paths: Vec<&str> = w.warnings.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "/note",
            "/region/name",
            "/masterplan",
            "/programs/0/budget",
            "/programs/0/evidence/0"
        ]
    );
    assert!(w.warnings.iter().all(|p| p.code == "not_carried"));
    // The rest is carried: the workbook reads back with the trimmed name.
    let back = read(&w.bytes);
    let json: serde_json::Value = serde_json::from_str(back.text.as_deref().unwrap()).unwrap();
    assert_eq!(json["region"]["name"], "Kota Uji");
    assert_eq!(
        json["programs"][0]["evidence"],
        serde_json::json!(["x", "y"])
    );
}
