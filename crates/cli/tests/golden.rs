//! The CLI prints exactly the golden files (tests/golden/ at the root, checked against the
//! engine by tests/golden.rs there), and reads a workbook into the same assessment as its JSON.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every input with a golden file: (name, path).
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
    assert!(out.len() >= 5);
    out
}

fn run(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_kota-cerdas"))
        .args(args)
        .output()
        .expect("the CLI runs")
}

#[test]
fn the_cli_prints_the_golden_files() {
    for (name, path) in inputs() {
        for (args, suffix) in [
            (vec!["assess"], "assessment.json"),
            (vec!["csv"], "id.csv"),
            (vec!["csv", "--locale", "id"], "id.csv"),
            (vec!["csv", "--locale", "en"], "en.csv"),
        ] {
            let golden =
                std::fs::read(root().join(format!("tests/golden/{name}.{suffix}"))).unwrap();
            let (cmd, rest) = args.split_first().unwrap();
            let path = path.to_str().unwrap();
            let out = run(&[&[*cmd, path][..], rest].concat());
            assert!(out.status.success(), "{name} {args:?}: {out:?}");
            assert!(
                out.stdout == golden,
                "kota-cerdas {args:?} {name} differs from tests/golden/{name}.{suffix}"
            );
        }
    }
}

#[test]
fn workbook_commands_template_xlsx_json_assess() {
    let dir = std::env::temp_dir().join(format!("kota-cerdas-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let s = |p: &PathBuf| p.to_str().unwrap().to_string();
    let template = dir.join("template.xlsx");
    assert!(run(&["template", "-o", &s(&template)]).status.success());
    // The empty template: its three required fields, exit 1.
    let out = run(&["validate", &s(&template)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("\"cell\": \"B3\""));

    let (name, json) = &inputs()[0];
    let xlsx = dir.join("m.xlsx");
    let out = run(&["xlsx", &s(json), "-o", &s(&xlsx)]);
    assert!(out.status.success(), "{out:?}");
    // The workbook assesses to the golden assessment, but for the input hash (of the JSON
    // text read from the workbook, not of the fixture's bytes).
    let out = run(&["assess", &s(&xlsx)]);
    assert!(out.status.success(), "{out:?}");
    let golden =
        std::fs::read_to_string(root().join(format!("tests/golden/{name}.assessment.json")))
            .unwrap();
    let strip = |t: &str| {
        t.lines()
            .filter(|l| !l.contains("sha256"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(strip(&String::from_utf8_lossy(&out.stdout)), strip(&golden));
    let out = run(&["json", &s(&xlsx)]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout)
        .starts_with("{\n  \"format\": \"kota-cerdas/masterplan\""));

    // The results workbook of the JSON and of its workbook: a zip holding the six sheets
    // (their contents: crates/workbook/tests/results.rs).
    for input in [json, &xlsx] {
        let results = dir.join("r.xlsx");
        let out = run(&["results", &s(input), "-o", &s(&results), "--locale", "en"]);
        assert!(out.status.success(), "{out:?}");
        let bytes = std::fs::read(&results).unwrap();
        assert!(bytes.starts_with(b"PK\x03\x04"));
        let _ = std::fs::remove_file(&results);
    }
    // A file that cannot be assessed: its problems, exit 1, nothing written.
    let bad = dir.join("bad.json");
    std::fs::write(&bad, "{\"format\": \"kota-cerdas/masterplan\"}").unwrap();
    let results = dir.join("never.xlsx");
    let out = run(&["results", &s(&bad), "-o", &s(&results)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("\"severity\": \"error\""));
    assert!(!results.exists());
    let _ = std::fs::remove_dir_all(&dir);
}
