//! Helpers shared by the native integration test binaries (`mod common;`).

use std::path::{Path, PathBuf};

use serde::Serialize;
use serde_json::{json, Value};

use kota_cerdas_mandiri::engine::{self, Options};
use kota_cerdas_mandiri::score::assessment::Assessment;

/// The repository's root (where Cargo.toml is).
#[allow(dead_code)]
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The files of `dir` that `keep` accepts, sorted by path.
#[allow(dead_code)]
pub fn files_in(dir: &Path, keep: &dyn Fn(&Path) -> bool) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file() && keep(p))
        .collect();
    out.sort();
    out
}

/// The engine's real outputs: every fixture, sample and hostile JSON file that assesses, with
/// its assessment (positions on, so the hostile ones bring findings with `line` and `column`,
/// control characters, invalid UTF-8 read as U+FFFD, escapes, long and non-ASCII texts).
#[allow(dead_code)]
pub fn assessed() -> Vec<(PathBuf, Assessment)> {
    let json = |p: &Path| p.extension().is_some_and(|e| e == "json");
    let mut inputs = files_in(&root().join("tests/fixtures"), &json);
    inputs.extend(files_in(&root().join("www/samples"), &|p| {
        json(p) && !p.ends_with("index.json")
    }));
    inputs.extend(files_in(&root().join("tests/hostile"), &|p| {
        json(p) && !p.ends_with("expect.json")
    }));
    let options = Options {
        locate: true,
        ..Options::default()
    };
    let mut out = Vec::new();
    for path in inputs {
        let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
        if let Ok(a) = engine::assess(&text, &options) {
            out.push((path, a));
        }
    }
    out
}

/// An engine value as JSON, written by the engine's own writer (`io::json_out`, the one the
/// CLI and the wasm module use) and read back: numbers are exact decimal text there, which
/// `serde_json::to_value` would see as strings.
#[allow(dead_code)] // not every test binary uses every helper
pub fn to_value<T: Serialize + ?Sized>(value: &T) -> Value {
    let text = kota_cerdas_mandiri::io::json_out::to_string(value).expect("json_out writes it");
    serde_json::from_str(&text).expect("json_out writes JSON")
}

/// The six pillars in the canonical order of the output.
#[allow(dead_code)]
pub const PILLARS: [&str; 6] = [
    "governance",
    "branding",
    "economy",
    "living",
    "society",
    "environment",
];

/// The three sub-dimensions of each pillar, in the order of [`PILLARS`].
#[allow(dead_code)]
pub const SUBS: [[&str; 3]; 6] = [
    ["public_service", "bureaucracy", "public_policy"],
    ["tourism", "business", "city_appearance"],
    ["industry", "welfare", "financial_transactions"],
    ["harmony", "health", "mobility"],
    ["community", "learning", "security"],
    ["protection", "waste", "energy"],
];

/// The parts of an assessment that must not depend on the order of the programs.
/// Left out: the input hash, positions (`program_index`, `program_indices`, finding paths),
/// and file-order lists (quick-win items, the Quick Win formula's operand order, how each
/// program counts).
#[allow(dead_code)]
pub fn order_independent(a: &Value) -> Value {
    let mut a = a.clone();
    let o = a.as_object_mut().unwrap();
    o.remove("input_sha256");
    o.remove("agencies");
    o["implementation"]
        .as_object_mut()
        .unwrap()
        .remove("programs");
    let mut items: Vec<Value> = o["quick_wins"]["items"].as_array().unwrap().clone();
    for i in &mut items {
        i.as_object_mut().unwrap().remove("program_index");
    }
    items.sort_by_key(|i| i["program_id"].as_str().unwrap().to_string());
    o["quick_wins"]["items"] = Value::Array(items);
    let qw = &mut o["evaluation"]["dimensions"]["quick_win"];
    let mut inputs = qw["inputs"].as_array().cloned().unwrap_or_default();
    inputs.sort_by_key(|i| i["key"].as_str().unwrap().to_string());
    qw["inputs"] = Value::Array(inputs);
    qw.as_object_mut().unwrap().remove("formula");
    o["evaluation"].as_object_mut().unwrap().remove("formula");
    let mut findings: Vec<String> = o["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| format!("{}|{}", f["severity"], f["code"]))
        .collect();
    findings.sort();
    o["findings"] = json!(findings);
    a
}
