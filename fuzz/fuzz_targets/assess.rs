//! `engine::assess` on arbitrary bytes with each preset: never panics; an assessment
//! serializes, its rates are in 0–100 and its scores in 1–4.
#![no_main]

use kota_cerdas_mandiri::engine::{self, MethodChoice, Options};
use libfuzzer_sys::fuzz_target;

fn within(v: &serde_json::Value, pointer: &str, lo: f64, hi: f64) {
    if let Some(x) = v.pointer(pointer).and_then(serde_json::Value::as_f64) {
        assert!((lo..=hi).contains(&x), "{pointer} = {x}");
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let method = match selector % 3 {
        0 => MethodChoice::FromFile,
        1 => MethodChoice::Preset("kominfo-sleman".into()),
        _ => MethodChoice::Preset("kominfo-2022".into()),
    };
    let options = Options {
        method,
        locate: selector & 0x80 != 0,
    };
    if let Ok(a) = engine::assess(&text, &options) {
        let v = serde_json::from_str::<serde_json::Value>(
                &kota_cerdas_mandiri::io::json_out::to_string(&a).expect("an assessment serializes"),
            )
            .expect("json_out writes JSON");
        within(&v, "/implementation/overall/percent", 0.0, 100.0);
        within(&v, "/implementation/mean_of_pillars", 0.0, 100.0);
        within(&v, "/quick_wins/percent", 0.0, 100.0);
        within(&v, "/evaluation/index", 1.0, 4.0);
        within(&v, "/evaluation/index_estimate", 1.0, 4.0);
        for d in ["baseline", "output", "outcome", "impact", "quick_win"] {
            within(&v, &format!("/evaluation/dimensions/{d}/score"), 1.0, 4.0);
        }
    }
});
