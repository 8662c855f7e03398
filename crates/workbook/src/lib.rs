//! # The Excel workbook of a masterplan
//!
//! Regency offices keep their masterplan's program list in Excel or LibreOffice. This crate
//! is the door between those workbooks and the engine's masterplan format (v1):
//!
//! - [`template`]: the empty workbook to fill in: instructions, one sheet per part of the
//!   masterplan, bilingual headers, dropdowns with the engine's official labels, frozen
//!   header rows, an example row marked CONTOH/EXAMPLE that the reader skips;
//! - [`read`]: a filled workbook (.xlsx or .ods) to masterplan JSON text, with every problem
//!   (the workbook's own and the engine's validation) located by sheet, row and cell;
//! - [`read_pasted`]: rows copied from a spreadsheet and pasted as text, read as the program
//!   table of a masterplan through the same headers and labels;
//! - [`write()`]: a masterplan to a filled workbook of the same layout, so that
//!   JSON → workbook → JSON gives the same masterplan;
//! - [`write_assessment`] (and [`results()`], which assesses first): the results of an
//!   assessment (as JSON, like the CSV export) as a workbook for the office that acts on
//!   them (summary, pillars, quick wins, the findings as an action plan, per OPD, programs),
//!   numbers as numbers.
//!
//! It has no JavaScript binding: `crates/workbook-wasm` binds it, so the engine's module
//! does not grow.
//!
//! **Numbers** follow [`number`]'s rule: a cell's double is read as its shortest round-trip
//! decimal, so 3,485 typed (stored 3.4849999999999999) reads as 3.485.
//!
//! **What a workbook cannot carry** (each reported as a `not_carried` warning by [`write()`]):
//! keys the format does not know (kept in JSON with a warning), empty sections, empty texts
//! and spaces at either end of a text (cells are trimmed), line breaks inside one evidence
//! item (items are one per line), values of the wrong type. In an .ods file, a cell
//! formatted as a percentage reads as its fraction (0.85), since the reader cannot see the
//! format there; type 85 instead.
//!
//! ```
//! use kota_cerdas_workbook::{read, template, Locale};
//!
//! let bytes = template(Locale::Id).expect("the template");
//! let reading = read(&bytes);
//! // The example rows are skipped: what is missing is what a new user must fill in.
//! assert!(reading.text.is_none());
//! let first = &reading.problems[0];
//! assert_eq!(first.sheet.as_deref(), Some("Wilayah"));
//! assert!(first.message.id.starts_with("Wilayah, baris "), "{}", first.message.id);
//! ```
#![deny(missing_docs)]
// A failure is one problem per call, returned once: its size does not matter.
#![allow(clippy::result_large_err)]

mod carry;
pub mod grid;
mod json;
pub mod layout;
pub mod lists;
pub mod number;
pub mod problem;
mod read;
pub mod results;
mod write;

use kota_cerdas_mandiri::io::json as engine_json;

pub use problem::WorkbookProblem;
pub use read::{read, read_pasted, Reading, PASTED};
pub use results::{results, write_assessment, write_comparison};

/// The language of dropdown values and examples (headers are always in both).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Locale {
    /// Bahasa Indonesia.
    #[default]
    Id,
    /// English.
    En,
}

impl Locale {
    /// "en" is English; anything else Bahasa Indonesia.
    pub fn parse(s: &str) -> Locale {
        if s.eq_ignore_ascii_case("en") {
            Locale::En
        } else {
            Locale::Id
        }
    }
}

/// The empty template workbook (.xlsx bytes).
pub fn template(locale: Locale) -> Result<Vec<u8>, WorkbookProblem> {
    write::build(locale, None).map(|(bytes, _)| bytes)
}

/// A written workbook and what it could not carry.
#[derive(Debug, Clone)]
pub struct Written {
    /// The .xlsx bytes.
    pub bytes: Vec<u8>,
    /// A `not_carried` warning for each part of the masterplan the workbook does not keep.
    pub warnings: Vec<WorkbookProblem>,
}

/// A filled workbook of a masterplan given as JSON text. The masterplan need not be valid
/// (an editor's draft can be saved); it must be a JSON object.
pub fn write(masterplan: &str, locale: Locale) -> Result<Written, WorkbookProblem> {
    let text = masterplan.strip_prefix('\u{feff}').unwrap_or(masterplan);
    let not_object = || {
        WorkbookProblem::file(
            "not_a_masterplan",
            "Masterplan harus berupa objek JSON { … } agar dapat ditulis sebagai workbook.".into(),
            "The masterplan must be a JSON object { … } to be written as a workbook.".into(),
        )
    };
    let root = engine_json::parse(text).map_err(|_| not_object())?;
    if root.as_object().is_none() {
        return Err(not_object());
    }
    let (bytes, warnings) = write::build(locale, Some(&root))?;
    Ok(Written { bytes, warnings })
}
