//! Problems of a workbook, located by sheet, row and cell as well as by JSON Pointer.

use serde::Serialize;

use kota_cerdas_mandiri::model::problem::Severity;
use kota_cerdas_mandiri::model::text::Text;

/// One problem found in a workbook: the engine's problem shape with a cell location
/// (`sheet`, `cell`, `row`, `column`, 1-based) instead of a text position.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WorkbookProblem {
    /// Error or warning.
    pub severity: Severity,
    /// Stable machine code: the engine's (`unknown_status`, `missing_field` …) or the
    /// workbook's own (`not_a_workbook`, `not_a_number` …).
    pub code: &'static str,
    /// JSON Pointer into the masterplan read from the workbook; `""` for the whole file.
    pub path: String,
    /// Sheet name, when the problem sits on a sheet.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// Cell reference ("H14"), when it sits in a cell.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cell: Option<String>,
    /// 1-based row.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<u32>,
    /// 1-based column.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<u32>,
    /// What is wrong and what to do, naming sheet, row and column.
    pub message: Text,
}

/// Where a value sits: a sheet, a row and, when it is one cell, its column and header.
#[derive(Debug, Clone, PartialEq)]
pub struct Loc {
    /// Sheet name as found in the workbook.
    pub sheet: String,
    /// English name of the sheet (for the English message).
    pub sheet_en: String,
    /// 0-based row.
    pub row: u32,
    /// 0-based column and its header (or form field label), when one cell.
    pub col: Option<(u32, Text)>,
}

/// "A", "Z", "AA" … for a 0-based column.
pub fn column_letters(col: u32) -> String {
    let mut n = col + 1;
    let mut out = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        out.push(b'A' + r as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

impl WorkbookProblem {
    /// A problem of the whole file.
    pub fn file(code: &'static str, id: String, en: String) -> WorkbookProblem {
        WorkbookProblem {
            severity: Severity::Error,
            code,
            path: String::new(),
            sheet: None,
            cell: None,
            row: None,
            column: None,
            message: Text::new(id, en),
        }
    }

    /// A problem at `loc` (or nowhere in particular), its message prefixed with the place:
    /// "Program, baris 14, kolom Status (H14): …".
    pub fn at(
        severity: Severity,
        code: &'static str,
        path: String,
        loc: Option<&Loc>,
        message: Text,
    ) -> WorkbookProblem {
        let Some(loc) = loc else {
            return WorkbookProblem {
                severity,
                code,
                path,
                sheet: None,
                cell: None,
                row: None,
                column: None,
                message,
            };
        };
        let row = loc.row + 1;
        let (id, en, cell, column) = match &loc.col {
            Some((col, header)) => {
                let cell = format!("{}{row}", column_letters(*col));
                (
                    format!(
                        "{}, baris {row}, kolom {} ({cell}): {}",
                        loc.sheet, header.id, message.id
                    ),
                    format!(
                        "{}, row {row}, column {} ({cell}): {}",
                        loc.sheet_en, header.en, message.en
                    ),
                    Some(cell),
                    Some(col + 1),
                )
            }
            None => (
                format!("{}, baris {row}: {}", loc.sheet, message.id),
                format!("{}, row {row}: {}", loc.sheet_en, message.en),
                None,
                None,
            ),
        };
        WorkbookProblem {
            severity,
            code,
            path,
            sheet: Some(loc.sheet.clone()),
            cell,
            row: Some(row),
            column,
            message: Text::new(id, en),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_follow_the_spreadsheet() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(7), "H");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }

    #[test]
    fn a_located_message_names_sheet_row_column_and_cell() {
        let loc = Loc {
            sheet: "Program".into(),
            sheet_en: "Programs".into(),
            row: 13,
            col: Some((7, Text::new("Status", "Status"))),
        };
        let p = WorkbookProblem::at(
            Severity::Error,
            "unknown_status",
            "/programs/11/status".into(),
            Some(&loc),
            Text::new("salah.", "wrong."),
        );
        assert_eq!(
            p.message.id,
            "Program, baris 14, kolom Status (H14): salah."
        );
        assert_eq!(
            p.message.en,
            "Programs, row 14, column Status (H14): wrong."
        );
        assert_eq!(
            (p.cell.as_deref(), p.row, p.column),
            (Some("H14"), Some(14), Some(8))
        );
    }
}
