//! Helpers shared by the native integration test binaries (`mod common;`).

use serde::Serialize;
use serde_json::{json, Value};

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
