//! The workbook crate's own problem codes are exactly the README's table: every code written
//! where a problem is made (`file(`/`fail(` calls, `Severity::…,` arguments, the refusals'
//! `("code", Text::new(…))` and the lists' `noun()`), unless it is one of the engine's codes,
//! is in the table, and every code of the table is written somewhere.

use std::collections::BTreeSet;

use kota_cerdas_mandiri::model::code::Code;

fn sources() -> String {
    let dir = format!("{}/src", env!("CARGO_MANIFEST_DIR"));
    let mut all = String::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        // Without the unit tests at the end of a file.
        all.push_str(text.split("#[cfg(test)]").next().unwrap());
    }
    all
}

/// The snake_case literal right after `at`, skipping whitespace.
fn literal_after(text: &str, at: usize) -> Option<&str> {
    let rest = text[at..].trim_start().strip_prefix('"')?;
    let end = rest.find('"')?;
    let lit = &rest[..end];
    (!lit.is_empty() && lit.chars().all(|c| c.is_ascii_lowercase() || c == '_')).then_some(lit)
}

#[test]
fn the_readme_lists_every_code_the_crate_writes() {
    let src = sources();
    let mut written = BTreeSet::new();
    for marker in ["file(", "fail(", "Severity::Error,", "Severity::Warning,"] {
        for (i, _) in src.match_indices(marker) {
            written.extend(literal_after(&src, i + marker.len()));
        }
    }
    // Refusals: ("code", Text::new(…)).
    for (i, _) in src.match_indices('(') {
        if let Some(code) = literal_after(&src, i + 1) {
            let after = &src[i + 1..];
            let close = after.find('"').unwrap() + 1;
            let close = close + after[close..].find('"').unwrap() + 1;
            if after[close..].trim_start().starts_with(",")
                && after[close..].trim_start()[1..]
                    .trim_start()
                    .starts_with("Text::new")
            {
                written.insert(code);
            }
        }
    }
    for list in kota_cerdas_workbook::lists::ALL {
        written.insert(list.noun().2);
    }
    let engine: BTreeSet<&str> = Code::ALL.iter().map(|c| c.id()).collect();
    let own: BTreeSet<&str> = written.difference(&engine).copied().collect();

    let readme = include_str!("../README.md");
    let section = readme
        .split("## Problem codes of a workbook")
        .nth(1)
        .and_then(|s| s.split("\n## ").next())
        .expect("the README's section");
    let listed: BTreeSet<&str> = section
        .lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| l.split('`').next())
        .collect();
    assert_eq!(
        own, listed,
        "codes written (not the engine's) vs the README's table"
    );
    assert!(
        own.contains("not_a_workbook") && own.contains("not_carried"),
        "{own:?}"
    );
}
