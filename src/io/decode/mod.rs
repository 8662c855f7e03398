//! Reading and validating a masterplan file (format v1) into the typed [`Masterplan`].
//!
//! Every problem in the file is collected, with its JSON Pointer and text position, in one
//! pass: a regency fixing its file wants the whole list, not one error per attempt. Messages
//! are written for Diskominfo staff, in Bahasa Indonesia first and English, and say what to
//! change. Nothing here panics on any input.
//!
//! ```
//! use kota_cerdas_mandiri::io::decode::decode_text;
//! use kota_cerdas_mandiri::model::problem::Problems;
//!
//! let text = r#"{"format": "kota-cerdas/masterplan", "format_version": 1,
//!   "region": {"name": "Kabupaten Kebumen", "kind": "kabupaten"},
//!   "evaluation": {"year": 2022}, "programs": []}"#;
//! let mut problems = Problems::new();
//! let plan = decode_text(text, &mut problems).expect("valid");
//! assert_eq!(plan.evaluation.year, 2022);
//! ```

mod programs;
mod read;
mod sections;
mod shape;
mod syntax;
mod vocab;

#[cfg(test)]
mod tests;

use read::{Obj, Sink};

use crate::io::json::{self, Node, Value};
use crate::model::code::Code;
use crate::model::masterplan::{Masterplan, FORMAT, FORMAT_VERSION};
use crate::model::problem::{Location, Problems};

/// Largest accepted input, in bytes (spec: 20 MB).
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;

/// Reads and validates a masterplan text. Returns the typed masterplan only when no error was
/// found (warnings allowed); every problem found is added to `problems`.
pub fn decode_text(text: &str, problems: &mut Problems) -> Option<Masterplan> {
    if text.len() > MAX_FILE_BYTES {
        too_large(text.len(), problems);
        return None;
    }
    match json::parse(text) {
        Ok(root) => decode(&root, problems),
        Err(err) => {
            let (id, en) = syntax::explain(text, &err);
            let loc = Location {
                path: String::new(),
                at: Some(err.at),
            };
            let code = if err.kind == json::SyntaxErrorKind::TooManyValues {
                Code::TooManyValues
            } else {
                Code::NotJson
            };
            problems.error(code.id(), &loc, id, en);
            None
        }
    }
}

/// Reports an input of `bytes` bytes, over [`MAX_FILE_BYTES`], at its start (line 1,
/// column 1): the text is never read further.
pub fn too_large(bytes: usize, problems: &mut Problems) {
    let (id, en) = syntax::too_large(bytes, MAX_FILE_BYTES);
    problems.error(Code::FileTooLarge.id(), &Location::root(), id, en);
}

/// Same as [`decode_text`], from an already-parsed tree.
pub fn decode(root: &Node, problems: &mut Problems) -> Option<Masterplan> {
    let mut sink = Sink::new(problems);
    let s = &mut sink;
    if root.as_object().is_none() {
        let (kind_id, kind_en) = root.kind_name();
        s.error(
            Code::NotAnObject,
            "",
            root.at,
            format!("Isi berkas harus berupa satu objek {{ … }} yang diawali \"format\": \"{FORMAT}\", bukan {kind_id}. Periksa apakah ini berkas masterplan yang benar."),
            format!("The file must hold one object {{ … }} starting with \"format\": \"{FORMAT}\", not {kind_en}. Check that this is the right masterplan file."),
        );
        return None;
    }
    let version = root
        .get("format_version")
        .filter(|n| !matches!(n.value, Value::Null));
    if !version.map_or(true, |node| check_format_version(node, s)) {
        // A newer version may rename or move anything; judging it by v1 rules would bury
        // the one useful message ("update the tool") under misleading ones.
        return None;
    }
    let root = Obj::open(root, String::new(), &shape::ROOT, s)?;
    check_format(&root, s);
    let region = sections::region(&root, s);
    let masterplan = sections::masterplan_doc(&root, s);
    let (evaluation, eval_year) = sections::evaluation(&root, s);
    let institutions = sections::institutions(&root, s);
    let readiness = sections::readiness(&root, s);
    let programs = programs::programs(&root, eval_year, s);
    let impact = sections::impact(&root, s);
    let national_indices = sections::national_indices(&root, s);
    if sink.has_errors() {
        return None;
    }
    Some(Masterplan {
        region: region?,
        masterplan,
        evaluation: evaluation?,
        institutions,
        readiness,
        programs: programs?,
        impact,
        national_indices,
    })
}

/// Every object path of the format ("" for the root, "programs[]" for the items of
/// `programs`, "programs[].quick_win" …) with the keys the decoder knows there. Any other
/// key is kept with an `unknown_key` warning, except in the closed maps
/// `evaluation.dimension_scores` and `national_indices`, where it is an error.
pub fn known_keys() -> Vec<(&'static str, &'static [&'static str])> {
    shape::ALL.iter().map(|s| (s.path, s.keys)).collect()
}

/// The same paths as [`known_keys`] with the keys the decoder requires there (a `null`
/// value counts as absent). Conditional requirements, such as `quick_win.launched_year`
/// for launched quick wins, are not listed.
pub fn required_keys() -> Vec<(&'static str, &'static [&'static str])> {
    shape::ALL.iter().map(|s| (s.path, s.required)).collect()
}

fn check_format(root: &Obj, s: &mut Sink) {
    let Some(node) = root.get("format") else {
        return; // reported as missing_field
    };
    if node.as_str() == Some(FORMAT) {
        return;
    }
    let (found, found_en) = read::describe(node);
    s.error(
        Code::WrongFormat,
        "/format",
        node.at,
        format!("Penanda format berkas bernilai {found}; berkas masterplan harus bernilai \"{FORMAT}\". Periksa apakah ini berkas yang benar, lalu tulis \"format\": \"{FORMAT}\"."),
        format!("The file's format marker is {found_en}; a masterplan file must say \"{FORMAT}\". Check that this is the right file, then write \"format\": \"{FORMAT}\"."),
    );
}

/// Checks a present `format_version`; false when the file is newer than this engine.
/// (Its absence is reported as `missing_format_version` with the other required keys.)
fn check_format_version(node: &Node, s: &mut Sink) -> bool {
    let version = node.as_num().and_then(|n| n.to_i64()).filter(|v| *v >= 1);
    // A whole number too large to read (e.g. 10^40) is still a version newer than this one.
    let huge = matches!(&node.value, Value::Number(t) if t.len() > 18 && t.bytes().all(|b| b.is_ascii_digit()));
    let version = if huge { Some(i64::MAX) } else { version };
    match version {
        Some(i64::MAX) => {
            s.error(
                Code::FormatVersionTooNew,
                "/format_version",
                node.at,
                format!("Berkas ini memakai versi format yang tidak dikenal ({}); alat ini baru mengenal sampai versi {FORMAT_VERSION}. Periksa nomor versi format di berkas, atau perbarui alat penilaian ke versi terbaru.", read::describe(node).0),
                format!("This file uses an unknown format version ({}); this tool knows versions up to {FORMAT_VERSION}. Check the format version number in the file, or update the assessment tool to its latest version.", read::describe(node).1),
            );
            false
        }
        Some(v) if v > FORMAT_VERSION => {
            s.error(
                Code::FormatVersionTooNew,
                "/format_version",
                node.at,
                format!("Berkas ini memakai format versi {v}, sedangkan alat ini baru mengenal sampai versi {FORMAT_VERSION}. Perbarui alat penilaian ke versi terbaru, lalu buka berkasnya lagi."),
                format!("This file uses format version {v}, but this tool knows versions up to {FORMAT_VERSION}. Update the assessment tool to its latest version, then open the file again."),
            );
            false
        }
        Some(_) => true,
        None => {
            let (found, found_en) = read::describe(node);
            s.error(
                Code::InvalidFormatVersion,
                "/format_version",
                node.at,
                format!("Versi format bernilai {found}; harus bilangan bulat tanpa tanda kutip. Tulis \"format_version\": {FORMAT_VERSION}."),
                format!("The format version is {found_en}; it must be a whole number without quotes. Write \"format_version\": {FORMAT_VERSION}."),
            );
            true
        }
    }
}
