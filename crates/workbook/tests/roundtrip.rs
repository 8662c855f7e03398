//! The round-trip property: for generated masterplans (the engine's own generators,
//! tests/generate/ at the root), JSON → workbook → JSON gives the same masterplan, and the
//! writer reports nothing as not carried.

#![cfg(not(target_arch = "wasm32"))]

use kota_cerdas_mandiri::io::decode::decode_text;
use kota_cerdas_mandiri::model::problem::Problems;
use kota_cerdas_workbook::{read, write, Locale};
use proptest::prelude::*;

#[allow(dead_code)]
#[path = "../../../tests/common/mod.rs"]
mod common;
#[allow(dead_code)]
#[path = "../../../tests/generate/mod.rs"]
mod generate;

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn json_to_workbook_to_json_gives_the_same_masterplan(
        plan in generate::raw_plan(),
        programs in proptest::collection::vec(generate::raw_program(), 0..25),
        english in any::<bool>(),
    ) {
        let text = generate::masterplan(&plan, &programs).to_string();
        let want = decode_text(&text, &mut Problems::new()).expect("a generated file is valid");
        let locale = if english { Locale::En } else { Locale::Id };
        let written = write(&text, locale).unwrap();
        prop_assert_eq!(written.warnings, vec![]);
        let back = read(&written.bytes);
        let json = back.text.clone().ok_or_else(|| TestCaseError::fail(format!("{:#?}", back.problems)))?;
        let got = decode_text(&json, &mut Problems::new()).expect("valid");
        prop_assert_eq!(got, want);
    }
}
