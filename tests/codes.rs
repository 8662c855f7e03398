//! The catalogue of problem and finding codes (`model::code::Code`) is complete and is what the
//! README lists: every code the sources write and every code the engine gives on the fixtures,
//! samples and hostile files is in it; every entry is used; the README's "Problem and finding
//! codes" section is exactly the catalogue, in order, with the same meanings.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use common::{files_in, root};
use kota_cerdas_mandiri::engine::{self, Options};
use kota_cerdas_mandiri::model::code::Code;

/// The engine's sources (`src/**/*.rs`) without their unit tests (a `tests.rs` file, or the
/// `#[cfg(test)] mod tests { … }` at the end of a file) and without the catalogue itself.
fn sources() -> Vec<(PathBuf, String)> {
    fn walk(dir: &Path, out: &mut Vec<(PathBuf, String)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs")
                && !path.ends_with("tests.rs")
                && !path.ends_with("model/code.rs")
            {
                let text = std::fs::read_to_string(&path).unwrap();
                let code = match text.find("#[cfg(test)]\nmod tests {") {
                    Some(i) => text[..i].to_string(),
                    None => text,
                };
                out.push((path, code));
            }
        }
    }
    let mut out = Vec::new();
    walk(&root().join("src"), &mut out);
    assert!(out.len() > 20, "found only {} source files", out.len());
    out
}

/// `"snake_case"` literals passed where a code goes: the code argument of `error`, `warning`,
/// `problem`, a finding's `add`/`program` (after its severity), a `code:` field, and a literal
/// that is a whole block (`if … { "sakip_low" } else { "ikm_low" }`).
fn code_literals(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let literal_at = |mut i: usize| -> Option<String> {
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if bytes.get(i) != Some(&b'"') {
            return None;
        }
        let rest = &text[i + 1..];
        let end = rest.find('"')?;
        let word = &rest[..end];
        let snake = word.contains('_')
            && word
                .split('_')
                .all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase()));
        snake.then(|| word.to_string())
    };
    for opener in [".error(", ".warning(", "problem(", "code:"] {
        for (i, _) in text.match_indices(opener) {
            out.extend(literal_at(i + opener.len()));
        }
    }
    // `out.add(Severity::Warning, "code", …)`, `out.program(sev, "code", …)`.
    for opener in [".add(", ".program("] {
        for (i, _) in text.match_indices(opener) {
            let after = &text[i + opener.len()..];
            if let Some(comma) = after.find(',') {
                let first = after[..comma].trim();
                if !first.is_empty()
                    && first
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b':' || b == b'_')
                {
                    out.extend(literal_at(i + opener.len() + comma + 1));
                }
            }
        }
    }
    for (i, _) in text.match_indices('{') {
        if let Some(word) = literal_at(i + 1) {
            let after = &text[i + 1..];
            let close = after
                .find('"')
                .and_then(|q| after[q + 1..].find('"').map(|e| q + e + 2));
            if close.is_some_and(|c| after[c..].trim_start().starts_with('}')) {
                out.push(word);
            }
        }
    }
    out
}

#[test]
fn the_scanner_finds_code_literals_in_each_position() {
    let text = r#"
        s.error("wrong_type", path);
        problems.warning(
            "unknown_indicator",
            &loc,
        );
        fn problem(code: Code) {}
        out.add(Severity::Warning, "no_quick_wins", "/programs");
        out.program(sev, "quick_win_late", p);
        out.add(severity, if key == "sakip" { "sakip_low" } else { "ikm_low" }, "");
        Problem { code: "too_many_problems", path: String::new() };
        let key = "hr_plan"; map.get("legal_basis"); f(Severity::Info, "x");
    "#;
    let mut found = code_literals(text);
    found.sort();
    assert_eq!(
        found,
        [
            "ikm_low",
            "no_quick_wins",
            "quick_win_late",
            "sakip_low",
            "too_many_problems",
            "unknown_indicator",
            "wrong_type"
        ]
    );
}

#[test]
fn every_code_literal_in_the_sources_is_in_the_catalogue() {
    let mut found = BTreeSet::new();
    for (path, text) in sources() {
        for code in code_literals(&text) {
            assert!(
                Code::from_id(&code).is_some(),
                "{}: code \"{code}\" is not in src/model/code.rs",
                path.display()
            );
            found.insert(code);
        }
    }
    // Until src/score/ writes `Code` values, its finding codes are literals: the scan must
    // see them (and when it does not, every code is a `Code` and the check is by type).
    let literal_findings = Code::FINDINGS
        .iter()
        .filter(|c| found.contains(c.id()))
        .count();
    let typed = sources()
        .iter()
        .filter(|(_, t)| t.contains("Code::PillarBelowTarget"))
        .count();
    assert!(
        literal_findings == Code::FINDINGS.len() || typed > 0,
        "the scan saw {literal_findings} of {} finding codes and no typed use",
        Code::FINDINGS.len()
    );
}

#[test]
fn every_catalogue_entry_is_used_by_the_engine() {
    let all: String = sources().into_iter().map(|(_, t)| t).collect();
    for c in Code::ALL {
        let typed = format!("Code::{c:?}");
        let literal = format!("\"{}\"", c.id());
        assert!(
            all.contains(&typed) || all.contains(&literal),
            "{} ({typed}) is in the catalogue but no source writes it",
            c.id()
        );
    }
}

#[test]
fn every_code_the_engine_gives_on_real_and_hostile_files_is_in_the_catalogue() {
    let json = |p: &Path| p.extension().is_some_and(|e| e == "json");
    let mut inputs = files_in(&root().join("tests/fixtures"), &json);
    inputs.extend(files_in(&root().join("www/samples"), &|p| {
        json(p) && !p.ends_with("index.json")
    }));
    inputs.extend(files_in(&root().join("tests/hostile"), &|p| {
        !p.ends_with("expect.json") && p.extension().is_some_and(|e| e != "md")
    }));
    assert!(inputs.len() > 40, "only {} inputs", inputs.len());
    let options = Options {
        locate: true,
        ..Options::default()
    };
    let mut seen = BTreeSet::new();
    for path in &inputs {
        let bytes = std::fs::read(path).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        for p in engine::validate(&text, &options) {
            seen.insert(p.code);
        }
        match engine::assess(&text, &options) {
            Ok(a) => seen.extend(a.findings.iter().map(|f| f.code)),
            Err(problems) => seen.extend(problems.iter().map(|p| p.code)),
        }
    }
    // And every code the hostile catalogue expects (its "generated" huge cases included).
    let expect: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/hostile/expect.json")).unwrap(),
    )
    .unwrap();
    let mut expected = Vec::new();
    for group in ["files", "generated"] {
        for (_, v) in expect[group].as_object().unwrap() {
            match v {
                serde_json::Value::String(s) => expected.push(s.clone()),
                v => {
                    expected.push(v["expect"].as_str().unwrap().to_string());
                    for w in v["warnings"].as_array().into_iter().flatten() {
                        expected.push(w.as_str().unwrap().to_string());
                    }
                }
            }
        }
    }
    for code in expected.iter().filter(|c| *c != "ok") {
        assert!(
            Code::from_id(code).is_some(),
            "tests/hostile/expect.json: {code}"
        );
    }
    for code in &seen {
        assert!(Code::from_id(code).is_some(), "the engine gave \"{code}\"");
    }
    // The run saw problems and findings of many kinds, not a handful.
    assert!(
        seen.len() >= 40,
        "only {} distinct codes: {seen:?}",
        seen.len()
    );
    assert!(seen.contains("pillar_below_target") && seen.contains("not_json"));
}

/// The rows `| `code` | meaning |` of each table in the README's section, in order.
fn readme_tables() -> Vec<Vec<(String, String)>> {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let start = readme
        .find("\n## Problem and finding codes\n")
        .expect("README has a \"Problem and finding codes\" section");
    let section = &readme[start + 1..];
    let section = &section[..section[3..].find("\n## ").map_or(section.len(), |i| i + 3)];
    let mut tables: Vec<Vec<(String, String)>> = Vec::new();
    let mut in_table = false;
    for line in section.lines() {
        if line == "| code | meaning |" {
            tables.push(Vec::new());
            in_table = true;
        } else if in_table && line.starts_with("| `") {
            let cells: Vec<&str> = line.trim_matches('|').split(" | ").collect();
            assert_eq!(cells.len(), 2, "README row: {line}");
            let code = cells[0].trim().trim_matches('`').to_string();
            tables
                .last_mut()
                .unwrap()
                .push((code, cells[1].trim().to_string()));
        } else if in_table && !line.starts_with("|---") {
            in_table = false;
        }
    }
    tables
}

#[test]
fn the_readme_lists_exactly_the_catalogue_with_its_meanings() {
    let tables = readme_tables();
    let want = |codes: &[Code]| -> Vec<(String, String)> {
        codes
            .iter()
            .map(|c| (c.id().to_string(), c.meaning().to_string()))
            .collect()
    };
    assert_eq!(tables.len(), 2, "a table of problems and one of findings");
    assert_eq!(tables[0], want(Code::PROBLEMS), "README: problems");
    assert_eq!(tables[1], want(Code::FINDINGS), "README: findings");
    assert_eq!(
        tables.concat().len(),
        Code::ALL.len(),
        "README lists every code once"
    );
}
