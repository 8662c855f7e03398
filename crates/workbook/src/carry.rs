//! What a workbook cannot carry: the parts of a masterplan JSON that do not come back the
//! same after JSON → workbook → JSON, each reported as a warning when a workbook is written.
//!
//! - a key the layout has no column for (unknown keys, kept in JSON with a warning);
//! - an empty object or list section (`"masterplan": {}`, `"readiness": {"items": []}`):
//!   it reads back as absent;
//! - an empty text, or spaces at the start or end of a text (cells are trimmed);
//! - a line break inside one item of a list of texts (items are one per line);
//! - a value of the wrong type for its column (the engine refuses it anyway).

use kota_cerdas_mandiri::io::json::{Node, Value};
use kota_cerdas_mandiri::model::problem::{pointer, pointer_index, Severity};
use kota_cerdas_mandiri::model::text::Text;

use crate::layout::{Group, Kind, Sheet};
use crate::lists::List;
use crate::problem::WorkbookProblem;

/// The JSON Pointer patterns ("/programs/*/quick_win/year") of every value a column holds.
fn leaves(sheets: &[Sheet]) -> Vec<(String, Kind)> {
    let mut out = vec![];
    for s in sheets {
        for g in &s.groups {
            match g {
                Group::Form(cols) => out.extend(cols.iter().map(|c| (c.key.clone(), c.kind))),
                Group::Table { at, cols, .. } => {
                    out.extend(cols.iter().map(|c| (format!("{at}/*{}", c.key), c.kind)))
                }
                Group::Keyed { at, key, cols } => {
                    if let Kind::List(list) = key.kind {
                        for item in list.items() {
                            out.extend(
                                cols.iter()
                                    .map(|c| (format!("{at}/{}{}", item.id, c.key), c.kind)),
                            );
                        }
                    }
                }
            }
        }
    }
    out.push(("/format".into(), Kind::Text));
    out.push(("/format_version".into(), Kind::Int));
    out
}

/// Adds a warning for each part of `root` a workbook does not carry.
pub fn check(root: &Node, sheets: &[Sheet], out: &mut Vec<WorkbookProblem>) {
    let leaves = leaves(sheets);
    walk(root, "", "", &leaves, out);
}

fn warn(path: &str, id: String, en: String, out: &mut Vec<WorkbookProblem>) {
    out.push(WorkbookProblem::at(
        Severity::Warning,
        "not_carried",
        path.to_string(),
        None,
        Text::new(id, en),
    ));
}

/// Walks `node` (at `path`, matching `pattern`); returns true when a carried value was found
/// under it.
fn walk(
    node: &Node,
    path: &str,
    pattern: &str,
    leaves: &[(String, Kind)],
    out: &mut Vec<WorkbookProblem>,
) -> bool {
    if let Some((_, kind)) = leaves.iter().find(|(p, _)| p == pattern) {
        return leaf(node, path, *kind, out);
    }
    let shown = if path.is_empty() { "/" } else { path };
    let inner = |p: &str| {
        leaves
            .iter()
            .any(|(l, _)| l.starts_with(p) && l.len() > p.len())
    };
    if !inner(&format!("{pattern}/")) {
        warn(
            path,
            format!("\"{shown}\" tidak punya kolom di workbook dan tidak ikut tersimpan."),
            format!("\"{shown}\" has no column in the workbook and is not kept."),
            out,
        );
        return false;
    }
    let mut any = false;
    match &node.value {
        Value::Object(members) => {
            for m in members {
                let p = pointer(path, m.name());
                let pat = pointer(pattern, m.name());
                any |= walk(&m.node, &p, &pat, leaves, out);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let p = pointer_index(path, i);
                any |= walk(item, &p, &format!("{pattern}/*"), leaves, out);
            }
        }
        // `legal_basis: null` is carried by the kind cell; any other null is "absent".
        Value::Null => return pattern == "/masterplan/legal_basis",
        _ => {}
    }
    // Sections whose absence and emptiness mean the same to the engine need no warning.
    let same_when_empty = [
        "",
        "/region",
        "/evaluation",
        "/evaluation/dimension_scores",
        "/national_indices",
        "/evaluation/previous",
        "/programs",
        "/impact/surveys",
        "/impact/indicators",
    ];
    if !any && !same_when_empty.contains(&pattern) && !pattern.ends_with("/*") {
        warn(
            path,
            format!("\"{shown}\" kosong; bagian kosong tidak tersimpan di workbook (dibaca ulang sebagai tidak ada)."),
            format!("\"{shown}\" is empty; an empty section is not kept in a workbook (it reads back as absent)."),
            out,
        );
    }
    any
}

fn leaf(node: &Node, path: &str, kind: Kind, out: &mut Vec<WorkbookProblem>) -> bool {
    let text_ok = |s: &str, out: &mut Vec<WorkbookProblem>, p: &str| {
        if s.trim().is_empty() || s.trim() != s {
            warn(
                p,
                format!("Teks di \"{p}\" kosong atau diawali/diakhiri spasi; sel workbook dipangkas, jadi teks ini tidak kembali persis sama."),
                format!("The text at \"{p}\" is empty or starts/ends with spaces; workbook cells are trimmed, so it does not come back exactly."),
                out,
            );
        }
    };
    match (&node.value, kind) {
        (Value::Null, _) => false,
        (Value::Array(items), Kind::Lines) => {
            for (i, item) in items.iter().enumerate() {
                let p = pointer_index(path, i);
                match item.as_str() {
                    Some(s) if s.contains('\n') => warn(
                        &p,
                        format!("Butir \"{p}\" berisi ganti baris; di workbook setiap baris menjadi butir sendiri."),
                        format!("The item \"{p}\" holds a line break; in a workbook each line becomes an item of its own."),
                        out,
                    ),
                    Some(s) => text_ok(s, out, &p),
                    None => wrong(&p, out),
                }
            }
            !items.is_empty()
        }
        (Value::String(s), Kind::Text | Kind::Code) => {
            text_ok(s, out, path);
            true
        }
        (Value::String(_), Kind::List(_)) => true,
        (Value::Bool(_), Kind::List(List::YesNo)) => true,
        (Value::Number(_), Kind::Int | Kind::Num | Kind::Rupiah | Kind::Percent) => true,
        _ => {
            wrong(path, out);
            true
        }
    }
}

fn wrong(path: &str, out: &mut Vec<WorkbookProblem>) {
    warn(
        path,
        format!("Nilai \"{path}\" berjenis salah untuk kolomnya; di workbook bisa berubah jenis."),
        format!("The value at \"{path}\" has the wrong type for its column; in a workbook its type may change."),
        out,
    );
}
