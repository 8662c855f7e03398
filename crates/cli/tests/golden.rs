//! The CLI prints exactly the golden files (tests/golden/ at the root, checked against the
//! engine by tests/golden.rs there) plus the input hash, which the engine no longer writes
//! (spec §4): one line `"input_sha256": "<hex>",` before `"region"` in the JSON, one `info`
//! row in the CSV. It reads a workbook into the same assessment as its JSON, refuses an
//! input over 20 MB before reading it, and an unknown `--locale`.

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

/// SHA-256 of the file's bytes, as `sha256sum` prints it (hex of the file as read; every input
/// here is UTF-8, so the text the CLI hashes is the file).
fn sha256sum(path: &Path) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(std::fs::read(path).unwrap())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn the_cli_prints_the_golden_files_with_the_input_hash() {
    for (name, path) in inputs() {
        let hash = sha256sum(&path);
        for (args, suffix) in [
            (vec!["assess"], "assessment.json"),
            (vec!["csv"], "id.csv"),
            (vec!["csv", "--locale", "id"], "id.csv"),
            (vec!["csv", "--locale", "en"], "en.csv"),
        ] {
            let golden =
                std::fs::read_to_string(root().join(format!("tests/golden/{name}.{suffix}")))
                    .unwrap();
            let (cmd, rest) = args.split_first().unwrap();
            let out = run(&[&[*cmd, path.to_str().unwrap()][..], rest].concat());
            assert!(out.status.success(), "{name} {args:?}: {out:?}");
            let out = String::from_utf8(out.stdout).unwrap();
            // The one line that carries the hash, where it has always been.
            let (hash_line, next) = match suffix {
                "assessment.json" => (
                    format!("  \"input_sha256\": \"{hash}\","),
                    "  \"region\": {",
                ),
                "id.csv" => (format!("Sidik SHA-256 berkas masukan;{hash};\r"), "Daerah;"),
                _ => (format!("Input file SHA-256,{hash},\r"), "Region,"),
            };
            let lines: Vec<&str> = out.split('\n').collect();
            let at = lines.iter().position(|l| *l == hash_line);
            let at = at.unwrap_or_else(|| panic!("{name} {args:?}: no {hash_line:?} in\n{out}"));
            assert!(
                lines[at + 1].starts_with(next),
                "{name} {args:?}: {}",
                lines[at + 1]
            );
            let mut rest = lines.clone();
            rest.remove(at);
            assert!(
                rest.join("\n") == golden,
                "kota-cerdas {args:?} {name}, without its hash line, differs from tests/golden/{name}.{suffix}"
            );
        }
    }
}

#[test]
fn an_input_over_the_limit_is_refused_before_it_is_read() {
    // /dev/zero has no end: the CLI must stop at the limit, not run out of memory.
    if Path::new("/dev/zero").exists() {
        for cmd in ["assess", "validate", "csv"] {
            let out = run(&[cmd, "/dev/zero"]);
            assert_eq!(out.status.code(), Some(1), "{out:?}");
            let text = String::from_utf8_lossy(&out.stdout);
            assert!(text.contains("\"code\": \"file_too_large\""), "{text}");
            assert!(
                text.contains("Masukan terlalu besar: lebih dari 20 MB"),
                "{text}"
            );
            assert!(
                text.contains("The input is too large: more than 20 MB"),
                "{text}"
            );
        }
    }
    // A file with a size is refused by its size (a sparse file: nothing to read).
    let dir = std::env::temp_dir().join(format!("kota-cerdas-cli-big-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let big = dir.join("big.json");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(20 * 1024 * 1024 + 1).unwrap();
    let out = run(&["assess", big.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Berkas terlalu besar: 20 MB, batasnya 20 MB"),
        "{text}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_unknown_locale_is_an_error() {
    let (_, path) = &inputs()[0];
    let path = path.to_str().unwrap();
    for args in [
        vec!["csv", path, "--locale", "xx"],
        vec!["csv", path, "--locale"],
        vec![
            "results",
            path,
            "-o",
            "/nonexistent/never.xlsx",
            "--locale",
            "fr",
        ],
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {out:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("tidak dikenal") && err.contains("Unknown --locale"),
            "{err}"
        );
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
