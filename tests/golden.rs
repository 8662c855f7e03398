//! Golden files: the full output for every fixture and sample, so any change of output is a
//! visible diff in review.
//!
//! For each `tests/fixtures/*.json` and `www/samples/*.json` (not `index.json`),
//! `tests/golden/` holds `<name>.assessment.json` (what `kota-cerdas assess` prints: the
//! engine's JSON writer, indented), `<name>.id.csv` and `<name>.en.csv` (what
//! `kota-cerdas csv` prints). They are compared byte for byte with the engine's output here,
//! with the CLI's in crates/cli/tests/golden.rs; `tests/api/golden.test.mjs` compares the same files with what the wasm
//! module's `assessText` and `exportCsv` return.
//!
//! After an intended change of output: `UPDATE_GOLDEN=1 cargo test --test golden`, then
//! review the diff.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use kota_cerdas_mandiri::engine::{self, MethodChoice, Options};
use kota_cerdas_mandiri::io::csv::{self, Locale};
use kota_cerdas_mandiri::io::json_out;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn golden_dir() -> PathBuf {
    root().join("tests/golden")
}

/// Every input with a golden file: (name, path), sorted by name.
fn inputs() -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    for dir in ["tests/fixtures", "www/samples"] {
        for entry in std::fs::read_dir(root().join(dir)).expect("input directory") {
            let path = entry.expect("directory entry").path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if let Some(stem) = name.strip_suffix(".json") {
                if stem != "index" {
                    out.push((stem.to_string(), path));
                }
            }
        }
    }
    out.sort();
    let names: BTreeSet<&String> = out.iter().map(|(n, _)| n).collect();
    assert_eq!(names.len(), out.len(), "two inputs share a name: {out:?}");
    out
}

/// The three outputs of one input, as the CLI writes them: (file suffix, bytes).
fn outputs(path: &Path) -> Vec<(&'static str, String)> {
    let bytes = std::fs::read(path).expect("input file");
    // As the CLI reads a file (a BOM stays in the text and in its hash).
    let text = String::from_utf8_lossy(&bytes);
    let options = Options {
        method: MethodChoice::FromFile,
        locate: true,
    };
    let a = engine::assess(&text, &options)
        .unwrap_or_else(|p| panic!("{}: not assessed: {p:#?}", path.display()));
    let pretty = json_out::to_string_pretty(&a).expect("an assessment is written");
    let compact = json_out::to_string(&a).expect("an assessment is written");
    vec![
        ("assessment.json", format!("{pretty}\n")),
        ("id.csv", csv::write(&compact, Locale::Id).expect("CSV")),
        ("en.csv", csv::write(&compact, Locale::En).expect("CSV")),
    ]
}

fn update() -> bool {
    std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| v == "1")
}

/// The first differing line, for a readable failure.
fn first_difference(expected: &str, actual: &str) -> String {
    for (i, (e, a)) in expected.lines().zip(actual.lines()).enumerate() {
        if e != a {
            return format!("line {}:\n  golden: {e}\n  now:    {a}", i + 1);
        }
    }
    format!(
        "lengths differ: golden {} lines, now {} lines",
        expected.lines().count(),
        actual.lines().count()
    )
}

#[test]
fn the_engine_writes_the_golden_files_byte_for_byte() {
    let dir = golden_dir();
    if update() {
        std::fs::create_dir_all(&dir).expect("tests/golden");
    }
    let mut expected_files = BTreeSet::new();
    let mut stale = Vec::new();
    for (name, path) in inputs() {
        for (suffix, now) in outputs(&path) {
            let file = format!("{name}.{suffix}");
            expected_files.insert(file.clone());
            let golden_path = dir.join(&file);
            if update() {
                std::fs::write(&golden_path, &now).expect("write golden file");
                continue;
            }
            let golden = std::fs::read_to_string(&golden_path).unwrap_or_else(|e| {
                panic!(
                    "{}: {e}; run UPDATE_GOLDEN=1 cargo test --test golden",
                    golden_path.display()
                )
            });
            if golden != now {
                stale.push(format!("{file}: {}", first_difference(&golden, &now)));
            }
        }
    }
    assert!(
        stale.is_empty(),
        "output differs from tests/golden (UPDATE_GOLDEN=1 cargo test --test golden rewrites them, then review the diff):\n{}",
        stale.join("\n")
    );
    // No golden file without its input.
    let present: BTreeSet<String> = std::fs::read_dir(&dir)
        .expect("tests/golden")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(present, expected_files, "tests/golden holds other files");
}

#[test]
fn a_bom_changes_nothing_and_the_engine_writes_no_hash() {
    // The CLI and assessText read a file's text with its BOM; the input hash (which covers
    // it) is the CLI's and the page's since 2026-12, never the engine's (spec §4).
    let (_, path) = &inputs()[0];
    let plain = std::fs::read_to_string(path).unwrap();
    let with_bom = format!("\u{feff}{plain}");
    let options = Options {
        method: MethodChoice::FromFile,
        locate: true,
    };
    let a = engine::assess(&plain, &options).unwrap();
    let b = engine::assess(&with_bom, &options).unwrap();
    assert_eq!(b.input_sha256, None);
    let json = json_out::to_string(&b).unwrap();
    assert!(!json.contains("input_sha256"), "{json}");
    assert_eq!(json_out::to_string(&a).unwrap(), json);
}
