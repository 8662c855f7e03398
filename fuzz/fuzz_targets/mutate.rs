//! Structured: a real masterplan (a sample or a fixture) with a few arbitrary edits — a value
//! replaced by another (often a word of the format's vocabulary, an edge number or a year), a
//! member or item removed, programs duplicated or swapped, a key renamed — then assessed.
//! Random bytes rarely get past the parser; these inputs reach the validator's and the
//! assessment's deeper rules. Never panics; problems are complete; results stay in range.
#![no_main]

use arbitrary::Arbitrary;
use kota_cerdas_mandiri::engine::{self, Options};
use libfuzzer_sys::fuzz_target;
use serde_json::{json, Value};

const SEEDS: [&str; 5] = [
    include_str!("../../www/samples/kabupaten-sukamaju-2024.json"),
    include_str!("../../www/samples/kota-pelita-2024.json"),
    include_str!("../../www/samples/kabupaten-early-stage-2023.json"),
    include_str!("../../tests/fixtures/kebumen-2022.json"),
    include_str!("../../tests/fixtures/kediri-2022.json"),
];

/// Words the format gives meaning to: replacing a value with one of them keeps most of the
/// file valid and moves the numbers.
const VOCAB: &[&str] = &[
    "governance",
    "branding",
    "economy",
    "living",
    "society",
    "environment",
    "public_service",
    "tourism",
    "welfare",
    "health",
    "learning",
    "waste",
    "quick_win",
    "short",
    "medium",
    "long",
    "planned",
    "in_progress",
    "running",
    "completed",
    "delayed",
    "stopped",
    "cancelled",
    "launched",
    "sustained",
    "baseline",
    "output",
    "outcome",
    "impact",
    "struktur",
    "infrastruktur",
    "suprastruktur",
    "kabupaten",
    "kota",
    "perbup",
    "perwali",
    "perda",
    "WTP",
    "WTP_DPP",
    "WDP",
    "TW",
    "TMP",
    "kominfo-2022",
    "kominfo-sleman",
    "kota-cerdas/masterplan",
    "poverty_rate",
    "ipm",
    "stunting_handled",
    "",
    "GOV-01",
    "__proto__",
];

#[derive(Debug, Arbitrary)]
enum Leaf {
    Null,
    Bool(bool),
    Year(u8),
    Small(i8),
    Int(i64),
    Float(f64),
    Score(u16),
    Word(u8),
    Text(String),
    EmptyArray,
    EmptyObject,
}

impl Leaf {
    fn value(&self) -> Value {
        match self {
            Leaf::Null => Value::Null,
            Leaf::Bool(b) => json!(b),
            Leaf::Year(y) => json!(1990 + i64::from(*y) % 130),
            Leaf::Small(n) => json!(n),
            Leaf::Int(n) => json!(n),
            Leaf::Float(f) => json!(f),
            Leaf::Score(s) => json!(f64::from(*s % 500) / 100.0),
            Leaf::Word(w) => json!(VOCAB[usize::from(*w) % VOCAB.len()]),
            Leaf::Text(t) => json!(t),
            Leaf::EmptyArray => json!([]),
            Leaf::EmptyObject => json!({}),
        }
    }
}

#[derive(Debug, Arbitrary)]
enum Edit {
    /// Replace the n-th node (depth-first) with a leaf.
    Set(u16, Leaf),
    /// Remove the n-th node from its parent.
    Remove(u16),
    /// Add a member to the n-th object (or an item to the n-th array).
    Add(u16, u8, Leaf),
    /// Rename a member of the n-th object to a vocabulary word.
    Rename(u16, u8),
    /// Duplicate program a (as is: same id) at the end.
    DuplicateProgram(u8),
    /// Swap programs a and b.
    SwapPrograms(u8, u8),
}

#[derive(Debug, Arbitrary)]
struct Case {
    seed: u8,
    method: u8,
    edits: Vec<Edit>,
}

/// The n-th node, depth-first, counting from the root (0), modulo the node count.
fn nth(root: &mut Value, n: usize) -> &mut Value {
    fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
        out.push(at.clone());
        match v {
            Value::Array(a) => {
                for (i, c) in a.iter().enumerate() {
                    pointers(c, format!("{at}/{i}"), out);
                }
            }
            Value::Object(o) => {
                for (k, c) in o {
                    let k = k.replace('~', "~0").replace('/', "~1");
                    pointers(c, format!("{at}/{k}"), out);
                }
            }
            _ => {}
        }
    }
    let mut all = Vec::new();
    pointers(root, String::new(), &mut all);
    let at = &all[n % all.len()];
    root.pointer_mut(at).expect("a pointer just listed")
}

/// Removes one child of the n-th container node (its first child when it is a container).
fn remove(root: &mut Value, n: usize, which: usize) {
    match nth(root, n) {
        Value::Array(a) if !a.is_empty() => {
            let i = which % a.len();
            a.remove(i);
        }
        Value::Object(o) if !o.is_empty() => {
            let key = o.keys().nth(which % o.len()).cloned().unwrap();
            o.remove(&key);
        }
        _ => {}
    }
}

fn apply(root: &mut Value, edit: &Edit) {
    match edit {
        Edit::Set(n, leaf) => *nth(root, usize::from(*n)) = leaf.value(),
        Edit::Remove(n) => remove(root, usize::from(*n), usize::from(*n) / 7),
        Edit::Add(n, w, leaf) => match nth(root, usize::from(*n)) {
            Value::Array(a) => a.push(leaf.value()),
            Value::Object(o) => {
                o.insert(
                    VOCAB[usize::from(*w) % VOCAB.len()].to_string(),
                    leaf.value(),
                );
            }
            _ => {}
        },
        Edit::Rename(n, w) => {
            if let Value::Object(o) = nth(root, usize::from(*n)) {
                if let Some(key) = o.keys().next().cloned() {
                    let v = o.remove(&key).unwrap();
                    o.insert(VOCAB[usize::from(*w) % VOCAB.len()].to_string(), v);
                }
            }
        }
        Edit::DuplicateProgram(a) => {
            if let Some(Value::Array(p)) = root.get_mut("programs") {
                if !p.is_empty() {
                    let copy = p[usize::from(*a) % p.len()].clone();
                    p.push(copy);
                }
            }
        }
        Edit::SwapPrograms(a, b) => {
            if let Some(Value::Array(p)) = root.get_mut("programs") {
                if !p.is_empty() {
                    let len = p.len();
                    p.swap(usize::from(*a) % len, usize::from(*b) % len);
                }
            }
        }
    }
}

fn within(v: &Value, pointer: &str, lo: f64, hi: f64) {
    if let Some(x) = v.pointer(pointer).and_then(Value::as_f64) {
        assert!((lo..=hi).contains(&x), "{pointer} = {x}");
    }
}

fuzz_target!(|case: Case| {
    let seed = SEEDS[usize::from(case.seed) % SEEDS.len()];
    let mut root: Value = serde_json::from_str(seed.trim_start_matches('\u{feff}')).unwrap();
    for edit in case.edits.iter().take(16) {
        apply(&mut root, edit);
    }
    let text = if case.method & 1 == 0 {
        serde_json::to_string(&root).unwrap()
    } else {
        serde_json::to_string_pretty(&root).unwrap()
    };
    let options = Options {
        method: match case.method % 6 {
            2 | 3 => engine::MethodChoice::Preset("kominfo-sleman".into()),
            _ => engine::MethodChoice::FromFile,
        },
        locate: true,
    };
    match engine::assess(&text, &options) {
        Ok(a) => {
            let v = serde_json::from_str::<serde_json::Value>(
                &kota_cerdas_mandiri::io::json_out::to_string(&a).expect("an assessment serializes"),
            )
            .expect("json_out writes JSON");
            within(&v, "/implementation/overall/percent", 0.0, 100.0);
            within(&v, "/implementation/mean_of_pillars", 0.0, 100.0);
            within(&v, "/quick_wins/percent", 0.0, 100.0);
            within(&v, "/readiness/score", 1.0, 4.0);
            for p in [
                "governance",
                "branding",
                "economy",
                "living",
                "society",
                "environment",
            ] {
                within(
                    &v,
                    &format!("/implementation/pillars/{p}/percent"),
                    0.0,
                    100.0,
                );
            }
            let scores: Vec<f64> = ["baseline", "output", "outcome", "impact", "quick_win"]
                .iter()
                .filter_map(|d| v["evaluation"]["dimensions"][d]["score"].as_f64())
                .collect();
            for s in &scores {
                assert!((1.0..=4.0).contains(s), "dimension score {s}");
            }
            let lo = scores.iter().copied().fold(f64::INFINITY, f64::min);
            let hi = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            for key in ["index", "index_estimate"] {
                if let Some(x) = v["evaluation"][key].as_f64() {
                    assert!(lo <= x && x <= hi, "{key} {x} outside [{lo}, {hi}]");
                }
            }
        }
        Err(problems) => {
            assert!(!problems.is_empty());
            for p in problems {
                assert!(
                    !p.message.id.is_empty() && !p.message.en.is_empty(),
                    "{p:?}"
                );
                assert!(p.path.is_empty() || p.path.starts_with('/'), "{p:?}");
            }
        }
    }
});
