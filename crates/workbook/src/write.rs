//! Writing workbooks: the empty template and a filled workbook of a masterplan, both from
//! the one layout ([`crate::layout`]).

use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, Format, FormatBorder, Formula, Workbook,
    Worksheet, XlsxError,
};

use kota_cerdas_mandiri::io::json::{Node, Value};
use kota_cerdas_mandiri::model::text::Text;

use crate::layout::{
    self, form_headers, note_col, placement, Col, Example, Group, Kind, Sheet, EXAMPLE_NOTE,
};
use crate::lists::{self, List, FALSE, NULL, TRUE};
use crate::number;
use crate::problem::{column_letters, WorkbookProblem};
use crate::Locale;
use Kind::List as ListOf;

/// Rows that carry the dropdowns and column formats of a table (the engine's program limit
/// and a little more).
const TABLE_ROWS: u32 = 50_001;

struct Formats {
    header: Format,
    example: Format,
    field: Format,
    note: Format,
    title: Format,
    wrap: Format,
}

impl Formats {
    fn new() -> Formats {
        Formats {
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_background_color(Color::RGB(0xDDEBF7))
                .set_border_bottom(FormatBorder::Thin),
            example: Format::new()
                .set_italic()
                .set_font_color(Color::RGB(0x7F7F7F))
                .set_background_color(Color::RGB(0xFFF2CC)),
            field: Format::new().set_bold().set_text_wrap(),
            note: Format::new()
                .set_text_wrap()
                .set_font_color(Color::RGB(0x595959)),
            title: Format::new().set_bold().set_font_size(14),
            wrap: Format::new().set_text_wrap(),
        }
    }

    /// The format of a value cell of this kind.
    fn of(&self, kind: Kind) -> Format {
        match kind {
            Kind::Code => Format::new().set_num_format("@"),
            Kind::Int => Format::new().set_num_format("0"),
            Kind::Rupiah => Format::new().set_num_format("#,##0"),
            Kind::Lines | Kind::Text => self.wrap.clone(),
            Kind::Num | Kind::Percent | Kind::List(_) => Format::new(),
        }
    }
}

fn xlsx_error(e: XlsxError) -> WorkbookProblem {
    WorkbookProblem::file(
        "write_failed",
        format!("Workbook tidak dapat ditulis: {e}."),
        format!("The workbook could not be written: {e}."),
    )
}

/// The label of a list item in the locale.
fn label(t: &Text, locale: Locale) -> &str {
    match locale {
        Locale::Id => &t.id,
        Locale::En => &t.en,
    }
}

/// The workbook: instructions, the data sheets (filled from `data` when given) and the lists.
/// Returns the bytes and, for a filled workbook, a warning for everything in `data` that a
/// workbook does not carry.
pub fn build(
    locale: Locale,
    data: Option<&Node>,
) -> Result<(Vec<u8>, Vec<WorkbookProblem>), WorkbookProblem> {
    let f = Formats::new();
    let sheets = layout::sheets();
    let mut wb = Workbook::new();
    wb.push_worksheet(instructions(&sheets, &f).map_err(xlsx_error)?);
    for sheet in &sheets {
        let ws = data_sheet(sheet, locale, data, &f).map_err(xlsx_error)?;
        wb.push_worksheet(ws);
    }
    wb.push_worksheet(list_sheet(&f).map_err(xlsx_error)?);
    let bytes = wb.save_to_buffer().map_err(xlsx_error)?;
    let mut dropped = Vec::new();
    if let Some(root) = data {
        crate::carry::check(root, &sheets, &mut dropped);
    }
    Ok((bytes, dropped))
}

/// The Daftar sheet: each list as Indonesian label, English label and id, the dropdowns'
/// source. Lists are 4 columns apart.
fn list_sheet(f: &Formats) -> Result<Worksheet, XlsxError> {
    let mut ws = Worksheet::new();
    ws.set_name(layout::LISTS.0)?;
    for (k, list) in lists::ALL.iter().enumerate() {
        let c = (k * 4) as u16;
        let t = list.title();
        ws.write_string_with_format(0, c, format!("{} (Bahasa Indonesia)", t.id), &f.header)?;
        ws.write_string_with_format(0, c + 1, format!("{} (English)", t.en), &f.header)?;
        ws.write_string_with_format(0, c + 2, "id", &f.header)?;
        ws.set_column_width(c, 30)?;
        ws.set_column_width(c + 1, 30)?;
        ws.set_column_width(c + 2, 16)?;
        ws.set_column_width(c + 3, 3)?;
        for (i, item) in list.items().iter().enumerate() {
            let r = 1 + i as u32;
            ws.write_string(r, c, &item.label.id)?;
            ws.write_string(r, c + 1, &item.label.en)?;
            let id = match item.id.as_str() {
                NULL => "null",
                TRUE => "true",
                FALSE => "false",
                id => id,
            };
            ws.write_string(r, c + 2, id)?;
        }
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(ws)
}

/// The dropdown of a list, from its column on the Daftar sheet. A value typed outside the
/// list gets a warning, not a refusal: ids and the other language's labels are accepted.
fn dropdown(list: List, locale: Locale) -> Result<DataValidation, XlsxError> {
    let k = lists::ALL.iter().position(|l| *l == list).unwrap_or(0) as u32;
    let col = column_letters(k * 4 + if locale == Locale::En { 1 } else { 0 });
    let n = list.items().len() as u32;
    let t = list.title();
    DataValidation::new()
        .allow_list_formula(Formula::new(format!(
            "={}!${col}$2:${col}${}",
            layout::LISTS.0,
            n + 1
        )))
        .set_error_style(DataValidationErrorStyle::Warning)
        .set_error_title(label(&t, locale))?
        .set_error_message(match locale {
            // Excel allows 255 characters here.
            Locale::Id => format!("Nilai ini tidak ada di daftar {}. Pilih dari daftar, atau tulis label Inggris atau id-nya (lembar Daftar).", t.id),
            Locale::En => format!("This value is not in the {} list. Pick one, or type its Indonesian label or id (Lists sheet).", t.en),
        })
}

fn data_sheet(
    sheet: &Sheet,
    locale: Locale,
    data: Option<&Node>,
    f: &Formats,
) -> Result<Worksheet, XlsxError> {
    let mut ws = Worksheet::new();
    ws.set_name(&sheet.name.id)?;
    let (starts, note) = placement(sheet);
    let template = data.is_none();
    ws.set_row_height(0, 45)?;
    for (g, start) in sheet.groups.iter().zip(starts) {
        match g {
            Group::Form(fields) => form(&mut ws, start, fields, locale, data, f)?,
            Group::Table { at, cols, example } => {
                let mut row = 1;
                if template && *example {
                    example_row(&mut ws, start, cols, locale, f)?;
                    if let Some(n) = note {
                        let text = format!("{} / {}", EXAMPLE_NOTE.0, EXAMPLE_NOTE.1);
                        ws.write_string_with_format(1, n, text, &f.example)?;
                    }
                    row = 2;
                }
                for (i, c) in cols.iter().enumerate() {
                    column(&mut ws, start + i as u16, c, locale, f)?;
                }
                let items = data
                    .and_then(|d| d.pointer(at))
                    .and_then(Node::as_array)
                    .unwrap_or_default();
                for item in items {
                    for (i, c) in cols.iter().enumerate() {
                        let value = item.pointer(&c.key);
                        put(&mut ws, row, start + i as u16, c, value, locale, f)?;
                    }
                    row += 1;
                }
            }
            Group::Keyed { at, key, cols } => {
                column(&mut ws, start, key, locale, f)?;
                for (i, c) in cols.iter().enumerate() {
                    column(&mut ws, start + 1 + i as u16, c, locale, f)?;
                }
                let ListOf(list) = key.kind else { continue };
                for (r, item) in list.items().iter().enumerate() {
                    let row = 1 + r as u32;
                    ws.write_string_with_format(row, start, label(&item.label, locale), &f.field)?;
                    let member = data.and_then(|d| d.pointer(&format!("{at}/{}", item.id)));
                    for (i, c) in cols.iter().enumerate() {
                        let value = member.and_then(|m| m.pointer(&c.key));
                        put(&mut ws, row, start + 1 + i as u16, c, value, locale, f)?;
                    }
                }
            }
        }
    }
    if let Some(n) = note {
        let c = note_col();
        ws.write_string_with_format(0, n, c.header(), &f.header)?;
        ws.set_column_width(n, c.width)?;
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(ws)
}

/// A table column: header, width, format and dropdown over the data rows.
fn column(
    ws: &mut Worksheet,
    c: u16,
    col: &Col,
    locale: Locale,
    f: &Formats,
) -> Result<(), XlsxError> {
    ws.write_string_with_format(0, c, col.header(), &f.header)?;
    ws.set_column_width(c, col.width)?;
    ws.set_column_format(c, &f.of(col.kind))?;
    if let ListOf(list) = col.kind {
        ws.add_data_validation(1, c, TABLE_ROWS, c, &dropdown(list, locale)?)?;
    }
    Ok(())
}

fn form(
    ws: &mut Worksheet,
    start: u16,
    fields: &[Col],
    locale: Locale,
    data: Option<&Node>,
    f: &Formats,
) -> Result<(), XlsxError> {
    for (i, h) in form_headers().iter().enumerate() {
        let c = start + i as u16;
        ws.write_string_with_format(0, c, h.header(), &f.header)?;
        ws.set_column_width(c, h.width)?;
    }
    for (i, field) in fields.iter().enumerate() {
        let row = 1 + i as u32;
        ws.write_string_with_format(row, start, field.header(), &f.field)?;
        let value = data.and_then(|d| {
            // `legal_basis: null` (not fixed yet) is the kind cell's "not yet fixed".
            if field.kind == ListOf(List::LegalKind) {
                let parent = field.key.trim_end_matches("/kind");
                if matches!(d.pointer(parent).map(|n| &n.value), Some(Value::Null)) {
                    return d.pointer(parent);
                }
            }
            d.pointer(&field.key)
        });
        put(ws, row, start + 1, field, value, locale, f)?;
        if let Some(example) = example_text(field, locale) {
            ws.write_string_with_format(row, start + 2, example, &f.example)?;
        }
        if let ListOf(list) = field.kind {
            ws.add_data_validation(row, start + 1, row, start + 1, &dropdown(list, locale)?)?;
        }
    }
    Ok(())
}

fn example_text(col: &Col, locale: Locale) -> Option<String> {
    match col.example {
        Example::None => None,
        Example::Text(t) | Example::Num(t) => Some(t.to_string()),
        Example::Item(i) => match col.kind {
            ListOf(list) => list
                .items()
                .get(i)
                .map(|it| label(&it.label, locale).to_string()),
            _ => None,
        },
    }
}

fn example_row(
    ws: &mut Worksheet,
    start: u16,
    cols: &[Col],
    locale: Locale,
    f: &Formats,
) -> Result<(), XlsxError> {
    for (i, col) in cols.iter().enumerate() {
        let c = start + i as u16;
        match col.example {
            Example::Num(t) => {
                let v = number::exact_f64(t).unwrap_or_default();
                ws.write_number_with_format(1, c, v, &f.example)?
            }
            _ => match example_text(col, locale) {
                Some(t) => ws.write_string_with_format(1, c, t, &f.example)?,
                None => ws.write_blank(1, c, &f.example)?,
            },
        };
    }
    Ok(())
}

/// Writes one value in its column's kind. Anything the reader would not read back the same
/// is reported by [`crate::carry::check`]; here it is written as faithfully as a cell allows.
fn put(
    ws: &mut Worksheet,
    row: u32,
    c: u16,
    col: &Col,
    value: Option<&Node>,
    locale: Locale,
    f: &Formats,
) -> Result<(), XlsxError> {
    let Some(node) = value else { return Ok(()) };
    let fmt = f.of(col.kind);
    match (&node.value, col.kind) {
        (Value::Null, ListOf(List::LegalKind)) => {
            let none = List::LegalKind.items().into_iter().find(|i| i.id == NULL);
            if let Some(item) = none {
                ws.write_string_with_format(row, c, label(&item.label, locale), &fmt)?;
            }
        }
        (Value::Null, _) => {}
        (Value::Bool(b), ListOf(List::YesNo)) => {
            let items = List::YesNo.items();
            let item = &items[if *b { 0 } else { 1 }];
            ws.write_string_with_format(row, c, label(&item.label, locale), &fmt)?;
        }
        (Value::Bool(b), _) => {
            ws.write_boolean_with_format(row, c, *b, &fmt)?;
        }
        (Value::Number(t), _) => match number::exact_f64(t) {
            Some(v) if col.kind != Kind::Code && col.kind != Kind::Text => {
                ws.write_number_with_format(row, c, v, &fmt)?;
            }
            _ => {
                ws.write_string_with_format(row, c, *t, &Format::new().set_num_format("@"))?;
            }
        },
        (Value::String(s), ListOf(list)) => {
            let text = list
                .items()
                .into_iter()
                .find(|i| i.id == s.as_ref())
                .map(|i| label(&i.label, locale).to_string())
                .unwrap_or_else(|| s.to_string());
            ws.write_string_with_format(row, c, text, &fmt)?;
        }
        (Value::String(s), _) => {
            ws.write_string_with_format(row, c, s.as_ref(), &fmt)?;
        }
        (Value::Array(items), _) => {
            let lines: Vec<&str> = items.iter().filter_map(Node::as_str).collect();
            ws.write_string_with_format(row, c, lines.join("\n"), &fmt)?;
        }
        (Value::Object(_), _) => {}
    }
    Ok(())
}

/// The Petunjuk sheet: how to fill the workbook and every column, in both languages.
fn instructions(sheets: &[Sheet], f: &Formats) -> Result<Worksheet, XlsxError> {
    let mut ws = Worksheet::new();
    ws.set_name(layout::INSTRUCTIONS.0)?;
    ws.set_column_width(0, 34)?;
    ws.set_column_width(1, 70)?;
    ws.set_column_width(2, 70)?;
    let mut r = 0u32;
    let mut line =
        |ws: &mut Worksheet, a: &str, id: &str, en: &str, fmt: &Format| -> Result<(), XlsxError> {
            ws.write_string_with_format(r, 0, a, fmt)?;
            ws.write_string_with_format(r, 1, id, fmt)?;
            ws.write_string_with_format(r, 2, en, fmt)?;
            r += 1;
            Ok(())
        };
    line(
        &mut ws,
        "Kota Cerdas Mandiri",
        "Templat masterplan smart city",
        "Smart-city masterplan template",
        &f.title,
    )?;
    line(&mut ws, "", "Bahasa Indonesia", "English", &f.header)?;
    for (id, en) in GENERAL {
        line(&mut ws, "", id, en, &f.wrap)?;
    }
    line(&mut ws, "", "", "", &f.wrap)?;
    line(
        &mut ws,
        "",
        "Lembar dan kolom",
        "Sheets and columns",
        &f.header,
    )?;
    for sheet in sheets {
        line(
            &mut ws,
            &format!("{} / {}", sheet.name.id, sheet.name.en),
            &sheet.about.id,
            &sheet.about.en,
            &f.field,
        )?;
        for g in &sheet.groups {
            let cols: Vec<&Col> = match g {
                Group::Form(c) | Group::Table { cols: c, .. } => c.iter().collect(),
                Group::Keyed { key, cols, .. } => std::iter::once(key).chain(cols).collect(),
            };
            for c in cols {
                let (kid, ken) = kind_text(c.kind);
                let (rid, ren) = if c.required {
                    ("wajib", "required")
                } else {
                    ("boleh kosong", "optional")
                };
                line(
                    &mut ws,
                    &c.header(),
                    &format!("{kid}; {rid}"),
                    &format!("{ken}; {ren}"),
                    &f.note,
                )?;
            }
        }
    }
    Ok(ws)
}

/// What a column takes, for the instructions.
fn kind_text(kind: Kind) -> (String, String) {
    match kind {
        Kind::Text => ("teks".into(), "text".into()),
        Kind::Code => (
            "teks (kode atau nomor, disimpan sebagai teks)".into(),
            "text (a code or number, kept as text)".into(),
        ),
        Kind::Int => (
            "bilangan bulat (tahun boleh diketik sebagai teks)".into(),
            "whole number (a year may be typed as text)".into(),
        ),
        Kind::Num => ("angka".into(), "number".into()),
        Kind::Rupiah => (
            "angka dalam rupiah, tanpa \"Rp\"".into(),
            "number in rupiah, without \"Rp\"".into(),
        ),
        Kind::Percent => (
            "persen 0–100: 85, \"85%\" atau sel berformat persen".into(),
            "percent 0–100: 85, \"85%\" or a percent-formatted cell".into(),
        ),
        Kind::Lines => (
            "teks, satu butir per baris (Alt+Enter)".into(),
            "text, one item per line (Alt+Enter)".into(),
        ),
        Kind::List(list) => {
            let t = list.title();
            (
                format!("pilihan dari daftar {} (label Indonesia, label Inggris atau id; lembar Daftar)", t.id),
                format!("a value of the {} list (Indonesian label, English label or id; Lists sheet)", t.en),
            )
        }
    }
}

const GENERAL: [(&str, &str); 8] = [
    (
        "Isi lembar Wilayah, Kelembagaan, Program, Kesiapan, Dampak dan Indeks nasional. Kolom bertanda * wajib diisi; kolom lain boleh kosong.",
        "Fill in the sheets Wilayah (Region), Kelembagaan (Institutions), Program, Kesiapan (Readiness), Dampak (Impact) and Indeks nasional (National indices). Columns marked * are required; the others may stay empty.",
    ),
    (
        "Kolom dikenali dari judulnya (Indonesia atau Inggris), bukan dari urutannya: kolom boleh dipindah, dan tabel sendiri boleh ditempel di bawah judul kami. Kolom lain diabaikan.",
        "Columns are found by their header (Indonesian or English), not by position: columns may be moved, and your own table may be pasted under our headers. Other columns are ignored.",
    ),
    (
        "Untuk kolom pilihan, gunakan daftar tarik-turun. Label Indonesia, label Inggris dan id sama-sama diterima, huruf besar/kecil dan spasi tidak berpengaruh (\"Berjalan\", \"Running\", \"running\").",
        "For list columns use the dropdown. Indonesian labels, English labels and ids are all accepted, ignoring case and spacing (\"Berjalan\", \"Running\", \"running\").",
    ),
    (
        "Baris berlatar kuning bertanda CONTOH di kolom Catatan tidak dibaca. Baris kosong dilewati; spasi di awal dan akhir teks dihapus.",
        "Yellow rows marked EXAMPLE in the Note column are not read. Empty rows are skipped; spaces at the start and end of a text are removed.",
    ),
    (
        "Angka dibaca sebagai desimal terpendek yang sama dengan nilai tersimpan: 3,485 tetap 3,485. Tahun boleh diketik sebagai teks. Kemajuan boleh ditulis 85, \"85%\" atau 85% berformat persen.",
        "Numbers are read as the shortest decimal equal to the stored value: 3.485 stays 3.485. Years may be typed as text. Progress may be written 85, \"85%\" or 85% formatted as a percentage.",
    ),
    (
        "Data dukung (tautan atau nama berkas): satu butir per baris dalam sel (Alt+Enter).",
        "Evidence (links or file names): one item per line in the cell (Alt+Enter).",
    ),
    (
        "Setiap masalah dilaporkan sekaligus dengan lembar, baris dan selnya, misalnya \"Program, baris 14, kolom Status (H14)\".",
        "Every problem is reported at once with its sheet, row and cell, e.g. \"Programs, row 14, column Status (H14)\".",
    ),
    (
        "Jangan mengganti nama lembar; lembar Daftar berisi pilihan yang sah untuk setiap daftar.",
        "Do not rename the sheets; the Daftar (Lists) sheet holds the valid values of every list.",
    ),
];
