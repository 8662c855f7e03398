//! Times the engine's phases on one file: `cargo run --release --example phases -- FILE`.
use std::time::Instant;

use kota_cerdas_mandiri::engine::{self, Options};
use kota_cerdas_mandiri::io::{decode, json, json_out};
use kota_cerdas_mandiri::model::problem::Problems;

fn main() {
    let path = std::env::args().nth(1).expect("FILE");
    let text = std::fs::read_to_string(path).expect("readable UTF-8 file");
    let runs = 20;
    let time = |label: &str, f: &dyn Fn()| {
        let mut v: Vec<f64> = (0..runs)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        v.sort_by(|a, b| a.total_cmp(b));
        println!("{label:<28} {:8.2} ms (median of {runs})", v[runs / 2]);
    };
    time("json::parse", &|| {
        json::parse(&text).ok();
    });
    time("decode_text (parse+validate)", &|| {
        decode::decode_text(&text, &mut Problems::new());
    });
    time("engine::validate", &|| {
        engine::validate(&text, &Options::default());
    });
    time("engine::assess", &|| {
        engine::assess(&text, &Options::default()).ok();
    });
    let a = engine::assess(&text, &Options::default()).ok();
    time("json_out::to_string", &|| {
        json_out::to_string(&a).ok();
    });
    println!(
        "output bytes: {}",
        json_out::to_string(&a).map(|s| s.len()).unwrap_or(0)
    );
}
