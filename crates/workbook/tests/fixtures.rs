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
