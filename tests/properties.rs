//! Property tests (proptest): valid masterplans built from strategies — programs across pillars,
//! horizons and statuses with consistent quick wins, optional readiness, impact, institutions,
//! provided dimension scores and previous indices — and the invariants every assessment must
//! keep: rates in 0–100 (or null), scores in 1–4, the index between the smallest and largest
//! dimension score (for any method weights summing to 1), independence from program order, and
//! determinism. A failing case is shrunk to the smallest file that still fails.

use kota_cerdas_mandiri::engine::{self, MethodChoice, Options};
use proptest::prelude::*;
use serde_json::{json, Value};

mod common;
use common::{order_independent, to_value, PILLARS};

mod generate;
use generate::{masterplan, raw_plan, raw_program, RawPlan, RawProgram, DIMENSIONS};

fn options(method: MethodChoice) -> Options {
    Options {
        method,
        locate: true,
    }
}

fn assess(file: &Value, method: MethodChoice) -> Value {
    let text = file.to_string();
    match engine::assess(&text, &options(method)) {
        Ok(a) => to_value(&a),
        Err(p) => panic!("a generated file was refused: {p:#?}\n{text}"),
    }
}

fn in_range(v: &Value, pointer: &str, lo: f64, hi: f64) -> Result<(), TestCaseError> {
    match v.pointer(pointer) {
        None | Some(Value::Null) => Ok(()),
        Some(x) => {
            let x = x
                .as_f64()
                .ok_or_else(|| TestCaseError::fail(format!("{pointer}: {x}")))?;
            prop_assert!(
                (lo..=hi).contains(&x),
                "{} = {} not in [{}, {}]",
                pointer,
                x,
                lo,
                hi
            );
            Ok(())
        }
    }
}

/// Every rate in 0–100 (or null), every score in 1–4, the index and its estimate between the
/// smallest and the largest dimension score, exactly one of them when any score exists.
fn check_ranges(v: &Value) -> Result<(), TestCaseError> {
    for p in PILLARS {
        in_range(
            v,
            &format!("/implementation/pillars/{p}/percent"),
            0.0,
            100.0,
        )?;
        in_range(v, &format!("/quick_wins/by_pillar/{p}/percent"), 0.0, 100.0)?;
    }
    in_range(v, "/implementation/overall/percent", 0.0, 100.0)?;
    in_range(v, "/implementation/mean_of_pillars", 0.0, 100.0)?;
    in_range(v, "/quick_wins/percent", 0.0, 100.0)?;
    for i in 0..v["quick_wins"]["by_year"].as_array().map_or(0, Vec::len) {
        in_range(v, &format!("/quick_wins/by_year/{i}/percent"), 0.0, 100.0)?;
    }
    for share in ["good", "moderate", "poor"] {
        in_range(
            v,
            &format!("/readiness/distribution/{share}/percent"),
            0.0,
            100.0,
        )?;
    }
    in_range(v, "/readiness/score", 1.0, 4.0)?;
    let scores: Vec<f64> = DIMENSIONS
        .iter()
        .filter_map(|d| v["evaluation"]["dimensions"][d]["score"].as_f64())
        .collect();
    for s in &scores {
        prop_assert!((1.0..=4.0).contains(s), "dimension score {}", s);
    }
    let lo = scores.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let index = v["evaluation"]["index"].as_f64();
    let estimate = v["evaluation"]["index_estimate"].as_f64();
    for x in index.iter().chain(estimate.iter()) {
        prop_assert!((1.0..=4.0).contains(x), "index {}", x);
        // Both sides are rounded to 2 decimals from exact values: the bound holds exactly.
        prop_assert!(lo <= *x && *x <= hi, "index {} outside [{}, {}]", x, lo, hi);
    }
    if scores.len() == 5 {
        prop_assert!(index.is_some() && estimate.is_none());
    } else {
        prop_assert!(index.is_none());
        prop_assert_eq!(estimate.is_some(), !scores.is_empty());
    }
    Ok(())
}

/// A plan with its programs, and a permutation of the programs.
fn plan_and_shuffle() -> impl Strategy<Value = (RawPlan, Vec<RawProgram>, Vec<usize>)> {
    (raw_plan(), proptest::collection::vec(raw_program(), 0..30)).prop_flat_map(
        |(plan, programs)| {
            let order = Just((0..programs.len()).collect::<Vec<_>>()).prop_shuffle();
            (Just(plan), Just(programs), order)
        },
    )
}

/// Five weights in thousandths summing to exactly 1000, as decimal text (0.125).
fn weights() -> impl Strategy<Value = [i64; 5]> {
    proptest::array::uniform4(0..=1000i64).prop_map(|mut cuts| {
        cuts.sort_unstable();
        [
            cuts[0],
            cuts[1] - cuts[0],
            cuts[2] - cuts[1],
            cuts[3] - cuts[2],
            1000 - cuts[3],
        ]
    })
}

proptest! {
    // Debug builds: about 2–4 ms an assessment; both properties together take about 8 s.
    #![proptest_config(ProptestConfig { cases: 192, ..ProptestConfig::default() })]

    #[test]
    fn ranges_order_independence_and_determinism((plan, programs, order) in plan_and_shuffle()) {
        let file = masterplan(&plan, &programs);
        let a = assess(&file, MethodChoice::FromFile);
        check_ranges(&a)?;
        // Same input twice → byte-identical output.
        let again = assess(&file, MethodChoice::FromFile);
        prop_assert_eq!(a.to_string(), again.to_string());
        // The same programs (ids and all) in another order.
        let mut other = file.clone();
        let list = file["programs"].as_array().unwrap();
        other["programs"] = Value::Array(order.iter().map(|&i| list[i].clone()).collect());
        let b = assess(&other, MethodChoice::FromFile);
        prop_assert_eq!(order_independent(&a), order_independent(&b));
    }

    #[test]
    fn any_weights_summing_to_one_keep_the_index_within_the_dimension_scores(
        plan in raw_plan(),
        programs in proptest::collection::vec(raw_program(), 0..20),
        w in weights(),
    ) {
        let file = masterplan(&plan, &programs);
        let weights: serde_json::Map<String, Value> = DIMENSIONS
            .iter()
            .zip(w)
            .map(|(d, x)| (d.to_string(), serde_json::from_str(&format!("{}.{:03}", x / 1000, x % 1000)).unwrap()))
            .collect();
        let method = json!({ "id": "uji-acak", "weights": weights });
        let a = assess(&file, MethodChoice::Custom(method.to_string()));
        prop_assert_eq!(a["method"]["id"].as_str(), Some("uji-acak"));
        check_ranges(&a)?;
    }
}
