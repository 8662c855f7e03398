//! The container: a workbook's bytes to sparse grids of cells, one per sheet, within bounds
//! a crafted file cannot push past (file size, declared unpacked size, cell count, rows).

use std::collections::BTreeMap;
use std::io::{BufReader, Cursor, Read, Seek};

use calamine::{open_workbook_from_rs, Data, DataRef, Ods, Reader, Xlsx};

use kota_cerdas_mandiri::io::decode::MAX_FILE_BYTES;

use crate::problem::WorkbookProblem;

/// Largest total unpacked size the zip entries may declare (an .xlsx is ~10× its zip).
pub const MAX_UNPACKED: u64 = 400 * 1024 * 1024;
/// Most zip entries.
pub const MAX_ENTRIES: usize = 10_000;
/// Most non-empty cells read from one workbook (a 50 000-program sheet has about 600 000).
pub const MAX_CELLS: usize = 1_500_000;
/// Most rows per sheet (the engine takes at most 50 000 programs).
pub const MAX_ROWS: u32 = 60_000;
/// Columns past this one are not read (the layout uses fewer than 30).
pub const MAX_COLS: u32 = 256;

/// A cell's value as the reader needs it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text, untrimmed.
    Text(String),
    /// A number; `percent` when the cell is formatted as a percentage (0.85 shown as 85%).
    Num {
        /// The stored double.
        value: f64,
        /// Formatted as a percentage.
        percent: bool,
    },
    /// TRUE/FALSE.
    Bool(bool),
    /// A date or time (not expected anywhere in the layout).
    Date,
    /// A formula error such as #N/A, as shown.
    Error(String),
}

/// One sheet: its name and its non-empty cells by (row, column), 0-based.
#[derive(Debug, Clone, Default)]
pub struct Grid {
    /// Name as written in the workbook.
    pub name: String,
    /// Non-empty cells.
    pub cells: BTreeMap<(u32, u32), Cell>,
}

/// Rows copied from a spreadsheet and pasted as text: cells separated by tabs, rows by line
/// breaks; a cell holding a tab, a line break or a quote comes quoted ("…", a quote doubled),
/// as Excel, LibreOffice and Google Sheets copy them. Every cell is text (the reader parses
/// numbers typed as text). Bounded like a workbook: the file size, rows and cells.
pub fn from_tsv(name: &str, text: &str) -> Result<Grid, WorkbookProblem> {
    if text.len() > MAX_FILE_BYTES {
        let mb = |n: usize| format!("{:.1}", n as f64 / 1_048_576.0);
        return Err(fail(
            "file_too_large",
            format!(
                "Teks yang ditempel berukuran {} MB, melebihi batas {} MB.",
                mb(text.len()),
                mb(MAX_FILE_BYTES)
            ),
            format!(
                "The pasted text is {} MB, over the limit of {} MB.",
                mb(text.len()),
                mb(MAX_FILE_BYTES)
            ),
        ));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut grid = Grid {
        name: name.to_string(),
        cells: BTreeMap::new(),
    };
    let (mut row, mut col, mut total) = (0u32, 0u32, 0usize);
    let mut cell = String::new();
    let mut chars = text.chars().peekable();
    let mut push = |grid: &mut Grid, row: u32, col: u32, cell: &mut String| {
        let value = std::mem::take(cell);
        if value.trim().is_empty() {
            return Ok(());
        }
        if keep(row, col, &mut total)? == Some(true) {
            grid.cells.insert((row, col), Cell::Text(value));
        }
        Ok::<(), WorkbookProblem>(())
    };
    let mut at_start = true;
    while let Some(c) = chars.next() {
        match c {
            '"' if at_start => {
                // A quoted cell: up to the closing quote; "" is one quote.
                while let Some(q) = chars.next() {
                    if q == '"' {
                        if chars.peek() == Some(&'"') {
                            chars.next();
                            cell.push('"');
                        } else {
                            break;
                        }
                    } else {
                        cell.push(q);
                    }
                }
                at_start = false;
            }
            '\t' => {
                push(&mut grid, row, col, &mut cell)?;
                col += 1;
                at_start = true;
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                push(&mut grid, row, col, &mut cell)?;
                row += 1;
                col = 0;
                at_start = true;
            }
            _ => {
                cell.push(c);
                at_start = false;
            }
        }
    }
    push(&mut grid, row, col, &mut cell)?;
    Ok(grid)
}

fn fail(code: &'static str, id: impl Into<String>, en: impl Into<String>) -> WorkbookProblem {
    WorkbookProblem::file(code, id.into(), en.into())
}

fn corrupt(detail: impl std::fmt::Display) -> WorkbookProblem {
    fail(
        "corrupt_workbook",
        format!("Berkas ini tampaknya workbook, tetapi rusak atau tidak lengkap dan tidak dapat dibaca ({detail}). Buka di Excel atau LibreOffice, lalu simpan ulang sebagai .xlsx."),
        format!("This file looks like a workbook but is damaged or incomplete and cannot be read ({detail}). Open it in Excel or LibreOffice, then save it again as .xlsx."),
    )
}

fn too_many_cells() -> WorkbookProblem {
    fail(
        "too_many_cells",
        format!("Workbook ini berisi lebih dari {MAX_CELLS} sel terisi atau lebih dari {MAX_ROWS} baris per lembar; batasnya sama dengan batas berkas masterplan. Hapus lembar atau baris yang tidak diperlukan."),
        format!("This workbook holds more than {MAX_CELLS} filled cells or more than {MAX_ROWS} rows per sheet, the limits of a masterplan file. Remove the sheets or rows that are not needed."),
    )
}

/// Which container the bytes are.
enum Container {
    Xlsx,
    Ods,
}

/// Reads every sheet of an .xlsx or .ods given as bytes, except those `skip` names.
pub fn read(bytes: &[u8], skip: &dyn Fn(&str) -> bool) -> Result<Vec<Grid>, WorkbookProblem> {
    if bytes.len() > MAX_FILE_BYTES {
        let mb = |n: usize| format!("{:.1}", n as f64 / 1_048_576.0);
        return Err(fail(
            "file_too_large",
            format!("Berkas berukuran {} MB, melebihi batas {} MB. Pisahkan menjadi beberapa berkas atau hapus lembar yang tidak diperlukan.", mb(bytes.len()), mb(MAX_FILE_BYTES)),
            format!("The file is {} MB, over the limit of {} MB. Split it into several files or remove the sheets that are not needed.", mb(bytes.len()), mb(MAX_FILE_BYTES)),
        ));
    }
    match container(bytes)? {
        Container::Xlsx => read_xlsx(bytes, skip),
        Container::Ods => read_ods(bytes, skip),
    }
}

fn container(bytes: &[u8]) -> Result<Container, WorkbookProblem> {
    const CFB: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    if bytes.starts_with(CFB) {
        return Err(fail(
            "protected_or_old_workbook",
            "Workbook ini dilindungi kata sandi (terenkripsi) atau berformat lama .xls, sehingga tidak dapat dibaca. Buka di Excel atau LibreOffice, hapus kata sandinya, lalu simpan sebagai .xlsx (Buku Kerja Excel).",
            "This workbook is password-protected (encrypted) or in the old .xls format, so it cannot be read. Open it in Excel or LibreOffice, remove the password, then save it as .xlsx (Excel Workbook).",
        ));
    }
    if !bytes.starts_with(b"PK") {
        let text = String::from_utf8_lossy(&bytes[..bytes.len().min(64)]);
        let json = text
            .trim_start_matches('\u{feff}')
            .trim_start()
            .starts_with('{');
        let (hint_id, hint_en) = if json {
            (
                " Isinya tampak seperti JSON: buka sebagai berkas masterplan JSON.",
                " It looks like JSON: open it as a masterplan JSON file.",
            )
        } else {
            ("", "")
        };
        return Err(fail(
            "not_a_workbook",
            format!("Berkas ini bukan workbook Excel (.xlsx) atau LibreOffice (.ods).{hint_id} Gunakan templat Excel dari alat ini, atau simpan tabel Anda sebagai .xlsx."),
            format!("This file is not an Excel (.xlsx) or LibreOffice (.ods) workbook.{hint_en} Use this tool's Excel template, or save your table as .xlsx."),
        ));
    }
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(corrupt)?;
    if zip.len() > MAX_ENTRIES {
        return Err(corrupt(format!("{} entries", zip.len())));
    }
    let mut unpacked: u64 = 0;
    let (mut xlsx, mut ods) = (false, false);
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).map_err(corrupt)?;
        unpacked = unpacked.saturating_add(entry.size());
        match entry.name().map_err(corrupt)?.as_ref() {
            "xl/workbook.xml" => xlsx = true,
            "content.xml" => ods = true,
            "EncryptedPackage" => xlsx = false,
            _ => {}
        }
    }
    if unpacked > MAX_UNPACKED {
        return Err(fail(
            "file_too_large",
            format!("Isi workbook ini, setelah dibuka, lebih dari {} MB; batasnya sama dengan batas berkas masterplan. Hapus lembar atau gambar yang tidak diperlukan.", MAX_UNPACKED / 1_048_576),
            format!("This workbook unpacks to more than {} MB, over the limit for a masterplan. Remove the sheets or pictures that are not needed.", MAX_UNPACKED / 1_048_576),
        ));
    }
    match (xlsx, ods) {
        (true, _) => Ok(Container::Xlsx),
        (_, true) => {
            ods_cells(&mut zip)?;
            Ok(Container::Ods)
        }
        _ => Err(fail(
            "not_a_workbook",
            "Berkas ini arsip ZIP (mungkin dokumen Word atau PowerPoint), bukan workbook Excel (.xlsx) atau LibreOffice (.ods). Gunakan templat Excel dari alat ini.",
            "This file is a ZIP archive (perhaps a Word or PowerPoint document), not an Excel (.xlsx) or LibreOffice (.ods) workbook. Use this tool's Excel template.",
        )),
    }
}

fn read_xlsx(bytes: &[u8], skip: &dyn Fn(&str) -> bool) -> Result<Vec<Grid>, WorkbookProblem> {
    let mut wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).map_err(corrupt)?;
    let mut total = 0usize;
    let mut grids = Vec::new();
    for name in wb.sheet_names() {
        if skip(&name) {
            continue;
        }
        let mut grid = Grid {
            name: name.clone(),
            cells: BTreeMap::new(),
        };
        let mut small_numbers = false;
        {
            let mut cells = wb.worksheet_cells_reader(&name).map_err(corrupt)?;
            while let Some(cell) = cells.next_cell().map_err(corrupt)? {
                let (row, col) = cell.get_position();
                let value = match cell.get_value() {
                    DataRef::Empty => continue,
                    DataRef::Int(i) => Cell::Num {
                        value: *i as f64,
                        percent: false,
                    },
                    DataRef::Float(f) => {
                        small_numbers |= f.abs() <= 10.0;
                        Cell::Num {
                            value: *f,
                            percent: false,
                        }
                    }
                    DataRef::String(s) => Cell::Text(s.clone()),
                    DataRef::SharedString(s) => Cell::Text(s.to_string()),
                    DataRef::Bool(b) => Cell::Bool(*b),
                    DataRef::DateTime(_) | DataRef::DateTimeIso(_) | DataRef::DurationIso(_) => {
                        Cell::Date
                    }
                    DataRef::Error(e) => Cell::Error(e.to_string()),
                };
                if let Some(add) = keep(row, col, &mut total)? {
                    if add {
                        grid.cells.insert((row, col), value);
                    }
                }
            }
        }
        // Percent formats are looked up only when a number could be a fraction shown as a
        // percentage: a second pass over the sheet's styles.
        if small_numbers {
            let styles = wb.worksheet_style(&name).map_err(corrupt)?;
            for ((row, col), cell) in grid.cells.iter_mut() {
                if let Cell::Num { percent, .. } = cell {
                    *percent = styles
                        .get((*row, *col))
                        .and_then(|s| s.number_format.as_ref())
                        .is_some_and(|f| is_percent_format(&f.format_code));
                }
            }
        }
        grids.push(grid);
    }
    Ok(grids)
}

/// Counts a cell against the bounds: `Some(true)` to keep it, `Some(false)` past the last
/// column read, an error past the cell or row bound.
fn keep(row: u32, col: u32, total: &mut usize) -> Result<Option<bool>, WorkbookProblem> {
    *total += 1;
    if *total > MAX_CELLS || row >= MAX_ROWS {
        return Err(too_many_cells());
    }
    Ok(Some(col < MAX_COLS))
}

/// True for a number format that shows a percentage ("0%", "0.00%"), ignoring quoted text
/// and escaped characters.
fn is_percent_format(code: &str) -> bool {
    let mut quoted = false;
    let mut escaped = false;
    for c in code.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => quoted = !quoted,
            '%' if !quoted => return true,
            _ => {}
        }
    }
    false
}

fn read_ods(bytes: &[u8], skip: &dyn Fn(&str) -> bool) -> Result<Vec<Grid>, WorkbookProblem> {
    let mut wb: Ods<_> = open_workbook_from_rs(Cursor::new(bytes)).map_err(corrupt)?;
    let mut total = 0usize;
    let mut grids = Vec::new();
    for name in wb.sheet_names() {
        if skip(&name) {
            continue;
        }
        let range = wb.worksheet_range(&name).map_err(corrupt)?;
        let mut grid = Grid {
            name: name.clone(),
            cells: BTreeMap::new(),
        };
        let (r0, c0) = range.start().unwrap_or((0, 0));
        for (r, c, data) in range.used_cells() {
            let (row, col) = (r0 + r as u32, c0 + c as u32);
            let value = match data {
                Data::Empty => continue,
                Data::Int(i) => Cell::Num {
                    value: *i as f64,
                    percent: false,
                },
                // An .ods percentage cell holds the fraction; calamine does not say which
                // cells are percentages, so 85% reads as 0.85 (documented).
                Data::Float(f) => Cell::Num {
                    value: *f,
                    percent: false,
                },
                Data::String(s) => Cell::Text(s.clone()),
                Data::Bool(b) => Cell::Bool(*b),
                Data::DateTime(_) | Data::DateTimeIso(_) | Data::DurationIso(_) => Cell::Date,
                Data::Error(e) => Cell::Error(e.to_string()),
            };
            if keep(row, col, &mut total)? == Some(true) {
                grid.cells.insert((row, col), value);
            }
        }
        grids.push(grid);
    }
    Ok(grids)
}

/// Bounds what calamine will allocate for an .ods before it reads one: it expands repeated
/// cells and rows and holds each sheet as a dense rectangle, so a few bytes
/// (`number-columns-repeated="16384"` on a filled cell, repeated rows) could ask for
/// billions of cells. Counts the rectangle of each table from the repeat attributes.
fn ods_cells<R: Read + Seek>(zip: &mut zip::ZipArchive<R>) -> Result<(), WorkbookProblem> {
    use quick_xml::events::Event;
    let entry = zip.by_name("content.xml").map_err(corrupt)?;
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(entry));
    let mut buf = Vec::new();
    let attr = |e: &quick_xml::events::BytesStart, name: &str| -> Option<u64> {
        e.try_get_attribute(name)
            .ok()
            .flatten()
            .and_then(|a| a.value.parse().ok())
    };
    let (mut total, mut rows, mut last_data_row, mut width) = (0u64, 0u64, 0u64, 0u64);
    let (mut row_repeat, mut row_width, mut pending) = (1u64, 0u64, 0u64);
    loop {
        let event = xml.read_event_into(&mut buf).map_err(corrupt)?;
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => match e.name().as_ref() {
                "table:table" => (rows, last_data_row, width) = (0, 0, 0),
                "table:table-row" => {
                    row_repeat = attr(e, "table:number-rows-repeated").unwrap_or(1);
                    (row_width, pending) = (0, 0);
                }
                "table:table-cell" | "table:covered-table-cell" => {
                    let repeat = attr(e, "table:number-columns-repeated").unwrap_or(1);
                    let filled = e
                        .try_get_attribute("office:value-type")
                        .ok()
                        .flatten()
                        .is_some()
                        || e.try_get_attribute("table:formula")
                            .ok()
                            .flatten()
                            .is_some();
                    if filled {
                        row_width = row_width.saturating_add(pending).saturating_add(repeat);
                        pending = 0;
                    } else {
                        pending = pending.saturating_add(repeat);
                    }
                }
                _ => {}
            },
            Event::End(ref e) => match e.name().as_ref() {
                "table:table-row" => {
                    rows = rows.saturating_add(row_repeat);
                    if row_width > 0 {
                        last_data_row = rows;
                        width = width.max(row_width);
                    }
                }
                "table:table" => {
                    total = total.saturating_add(last_data_row.saturating_mul(width));
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        if total > MAX_CELLS as u64 || last_data_row.saturating_mul(width) > MAX_CELLS as u64 {
            return Err(too_many_cells());
        }
        buf.clear();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pasted_text_is_cut_at_tabs_and_line_breaks_quotes_kept_whole() {
        let g = from_tsv(
            "T",
            "\u{feff}ID\tNama\r\nA-1\t\"Mal \"\"Baru\"\"\nlantai 2\"\t\r\n\r\n\tx\ty\n",
        )
        .unwrap();
        let cells: Vec<((u32, u32), String)> = g
            .cells
            .into_iter()
            .map(|(k, v)| match v {
                Cell::Text(t) => (k, t),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(
            cells,
            [
                ((0, 0), "ID".to_string()),
                ((0, 1), "Nama".into()),
                ((1, 0), "A-1".into()),
                ((1, 1), "Mal \"Baru\"\nlantai 2".into()),
                ((3, 1), "x".into()),
                ((3, 2), "y".into()),
            ]
        );
        assert_eq!(
            from_tsv("T", &"x".repeat(MAX_FILE_BYTES + 1))
                .unwrap_err()
                .code,
            "file_too_large"
        );
    }

    #[test]
    fn percent_formats() {
        assert!(is_percent_format("0%"));
        assert!(is_percent_format("0.00%"));
        assert!(!is_percent_format("0.00"));
        assert!(!is_percent_format("0\" %\""));
        assert!(!is_percent_format("0\\%"));
        assert!(!is_percent_format("General"));
    }

    #[test]
    fn not_a_workbook_protected_and_too_large_get_one_clear_problem() {
        let skip = |_: &str| false;
        let e = read(b"{\"format\": 1}", &skip).unwrap_err();
        assert_eq!(e.code, "not_a_workbook");
        assert!(e.message.en.contains("looks like JSON"), "{}", e.message.en);
        let mut cfb = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        cfb.resize(512, 0);
        assert_eq!(
            read(&cfb, &skip).unwrap_err().code,
            "protected_or_old_workbook"
        );
        let big = vec![b'P'; MAX_FILE_BYTES + 1];
        let e = read(&big, &skip).unwrap_err();
        assert_eq!(e.code, "file_too_large");
        assert!(e.message.id.contains("20.0 MB"), "{}", e.message.id);
        assert_eq!(
            read(b"PK\x03\x04garbage", &skip).unwrap_err().code,
            "corrupt_workbook"
        );
    }
}
