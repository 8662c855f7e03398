//! Reading a workbook into a masterplan: sheets found by name (or, for a pasted table, by
//! its headers), columns by header, form fields by label, values by kind; then the engine's
//! own validation, each problem located at its sheet, row and cell.

use std::collections::{BTreeMap, HashMap};

use kota_cerdas_mandiri::engine::{self, Options};
use kota_cerdas_mandiri::model::masterplan::{FORMAT, FORMAT_VERSION};
use kota_cerdas_mandiri::model::problem::{pointer_index, Severity};
use kota_cerdas_mandiri::model::text::Text;

use crate::grid::{self, Cell, Grid};
use crate::json::J;
use crate::layout::{self, form_headers, is_example_note, note_col, Col, Group, Kind, Sheet};
use crate::lists::{normalize, List, FALSE, NULL, TRUE};
use crate::number;
use crate::problem::{Loc, WorkbookProblem};

/// What reading a workbook gives: the masterplan JSON text when no error was found, and
/// every problem (errors first), each located.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    /// The masterplan (format v1), when there is no error.
    pub text: Option<String>,
    /// Errors, then warnings.
    pub problems: Vec<WorkbookProblem>,
}

/// Rows searched for the header row.
const HEADER_ROWS: u32 = 20;

/// Where a header leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    FormField(usize),
    FormValue(usize),
    Col(usize, usize),
    Key(usize),
    Note,
}

/// The header spellings of a sheet (ambiguous ones dropped).
fn spellings(sheet: &Sheet) -> HashMap<String, Target> {
    let mut all: Vec<(String, u8, Target)> = vec![];
    let mut add =
        |c: &Col, t: Target| all.extend(c.spellings().into_iter().map(|(s, r)| (s, r, t)));
    let [field, value, _] = form_headers();
    for (g, group) in sheet.groups.iter().enumerate() {
        match group {
            Group::Form(_) => {
                add(&field, Target::FormField(g));
                add(&value, Target::FormValue(g));
            }
            Group::Table { cols, .. } => cols
                .iter()
                .enumerate()
                .for_each(|(i, c)| add(c, Target::Col(g, i))),
            Group::Keyed { key, cols, .. } => {
                add(key, Target::Key(g));
                cols.iter()
                    .enumerate()
                    .for_each(|(i, c)| add(c, Target::Col(g, i)));
            }
        }
    }
    if sheet.has_note() {
        add(&note_col(), Target::Note);
    }
    unique(all)
}

/// The spellings that name exactly one target among those of the best rank that use them.
fn unique<T: Copy + PartialEq>(all: Vec<(String, u8, T)>) -> HashMap<String, T> {
    let mut map: HashMap<String, (u8, Option<T>)> = HashMap::new();
    for (s, rank, t) in all {
        if s.is_empty() {
            continue;
        }
        let e = map.entry(s).or_insert((rank, Some(t)));
        if rank < e.0 {
            *e = (rank, Some(t));
        } else if rank == e.0 && e.1 != Some(t) {
            e.1 = None;
        }
    }
    map.into_iter()
        .filter_map(|(s, (_, t))| Some((s, t?)))
        .collect()
}

/// A cell's text, trimmed (numbers and booleans as shown).
fn text_of(cell: &Cell) -> String {
    match cell {
        Cell::Text(s) => s.trim().to_string(),
        Cell::Num { value, .. } => number::shortest(*value),
        Cell::Bool(b) => if *b { "TRUE" } else { "FALSE" }.into(),
        Cell::Date | Cell::Error(_) => String::new(),
    }
}

/// The header row of a grid for a sheet: the first of the top rows with the most known
/// headers, and the column of each target found there.
fn header_row(
    grid: &Grid,
    names: &HashMap<String, Target>,
) -> Option<(u32, BTreeMap<u32, Target>, usize)> {
    let mut best: Option<(u32, BTreeMap<u32, Target>, usize)> = None;
    for row in 0..HEADER_ROWS {
        let mut found = BTreeMap::new();
        let mut dup = 0;
        for ((_, col), cell) in grid.cells.range((row, 0)..(row + 1, 0)) {
            if let Some(t) = names.get(&normalize(&text_of(cell))) {
                if found.values().any(|x| x == t) {
                    dup += 1;
                } else {
                    found.insert(*col, *t);
                }
            }
        }
        if !found.is_empty() && best.as_ref().is_none_or(|b| found.len() > b.1.len()) {
            best = Some((row, found, dup));
        }
    }
    best
}

struct Cx {
    root: J,
    /// Where each form field and keyed row sits, by JSON Pointer.
    locs: HashMap<String, Loc>,
    /// Where the rows and columns of each table sit (one entry per table, not per cell: a
    /// map of every cell was a third of the time of reading a 500-program workbook).
    tables: Vec<TableLocs>,
    problems: Vec<WorkbookProblem>,
    /// Paths whose value was refused here: the engine's problems about them are dropped.
    refused: Vec<String>,
}

/// Reads a workbook (.xlsx or .ods) into a masterplan, reporting every problem at once.
pub fn read(bytes: &[u8]) -> Reading {
    let skip = |name: &str| {
        let n = normalize(name);
        [
            layout::INSTRUCTIONS.0,
            layout::INSTRUCTIONS.1,
            layout::LISTS.0,
            layout::LISTS.1,
        ]
        .iter()
        .any(|s| normalize(s) == n)
    };
    let grids = match grid::read(bytes, &skip) {
        Ok(g) => g,
        Err(p) => {
            return Reading {
                text: None,
                problems: vec![p],
            }
        }
    };
    let sheets = layout::sheets();
    let mut cx = Cx {
        root: J::Obj(vec![
            ("format".into(), J::Str(FORMAT.into())),
            ("format_version".into(), J::Num(FORMAT_VERSION.to_string())),
            ("region".into(), J::obj()),
            ("evaluation".into(), J::obj()),
            ("programs".into(), J::Arr(vec![])),
        ]),
        locs: HashMap::new(),
        tables: vec![],
        problems: vec![],
        refused: vec![],
    };
    // Sheets by name first, then an unnamed sheet by its headers (a pasted table).
    let mut used = vec![false; grids.len()];
    let mut found: Vec<Option<usize>> = sheets
        .iter()
        .map(|s| {
            let names = s.spellings();
            let i = grids
                .iter()
                .position(|g| names.contains(&normalize(&g.name)))?;
            used[i] = true;
            Some(i)
        })
        .collect();
    for (s, sheet) in sheets.iter().enumerate() {
        if found[s].is_some() {
            continue;
        }
        let names = spellings(sheet);
        let best = grids
            .iter()
            .enumerate()
            .filter(|(i, _)| !used[*i])
            .filter_map(|(i, g)| Some((i, header_row(g, &names)?.1.len())))
            .filter(|(_, n)| *n >= 3)
            .max_by_key(|(i, n)| (*n, std::cmp::Reverse(*i)));
        if let Some((i, _)) = best {
            used[i] = true;
            found[s] = Some(i);
        }
    }
    if found.iter().all(Option::is_none) {
        let names: Vec<String> = sheets.iter().map(|s| s.name.id.clone()).collect();
        return Reading {
            text: None,
            problems: vec![WorkbookProblem::file(
                "no_known_sheet",
                format!("Workbook ini tidak berisi lembar templat ({}) maupun tabel dengan judul kolom templat. Unduh templat Excel dan salin data ke dalamnya.", names.join(", ")),
                format!("This workbook has none of the template's sheets ({}) and no table with the template's headers. Download the Excel template and copy the data into it.", names.join(", ")),
            )],
        };
    }
    for (sheet, g) in sheets.iter().zip(&found) {
        if let Some(g) = g {
            let grid = &grids[*g];
            let sheet_en = if normalize(&grid.name) == normalize(&sheet.name.id) {
                sheet.name.en.clone()
            } else {
                grid.name.clone()
            };
            read_sheet(grid, &sheet_en, sheet, &mut cx);
        }
    }
    finish(cx)
}

/// What a pasted table is called in messages (Bahasa Indonesia, English).
pub const PASTED: (&str, &str) = ("Tabel tempelan", "Pasted table");

/// Rows copied from a spreadsheet and pasted as text (tab-separated, with a header row), read
/// as the program table through the Program sheet's headers and labels, into `base` (the
/// masterplan on screen, as JSON text), whose programs they replace. Every problem is
/// reported at once, located by the row and column of the pasted text: "Tabel tempelan,
/// baris 3, kolom Status (H3): …" (row 1 is the first pasted line).
pub fn read_pasted(tsv: &str, base: &str) -> Reading {
    let refuse = |p: WorkbookProblem| Reading {
        text: None,
        problems: vec![p],
    };
    let base = base.strip_prefix('\u{feff}').unwrap_or(base);
    let root = match kota_cerdas_mandiri::io::json::parse(base) {
        Ok(n) if n.as_object().is_some() => J::from_node(&n),
        _ => {
            return refuse(WorkbookProblem::file(
                "not_a_masterplan",
                "Tabel program hanya bisa dibaca ke dalam masterplan (objek JSON). Buka dulu masterplan, lalu tempel tabelnya.".into(),
                "A program table can only be read into a masterplan (a JSON object). Open a masterplan first, then paste the table.".into(),
            ))
        }
    };
    let grid = match grid::from_tsv(PASTED.0, tsv) {
        Ok(g) => g,
        Err(p) => return refuse(p),
    };
    let sheets = layout::sheets();
    let Some(sheet) = sheets.iter().find(|s| {
        s.groups.iter().any(|g| {
            matches!(
                g,
                Group::Table {
                    at: "/programs",
                    ..
                }
            )
        })
    }) else {
        return refuse(WorkbookProblem::file(
            "no_layout",
            "Templat tidak memuat tabel program.".into(),
            "The template has no program table.".into(),
        ));
    };
    let known = header_row(&grid, &spellings(sheet)).map_or(0, |h| h.1.len());
    if known < 3 {
        let heads: Vec<String> = sheet
            .groups
            .iter()
            .flat_map(|g| match g {
                Group::Table { cols, .. } => cols
                    .iter()
                    .filter(|c| c.required)
                    .map(|c| c.label.clone())
                    .collect(),
                _ => vec![],
            })
            .map(|t| format!("{} / {}", t.id, t.en))
            .collect();
        return refuse(WorkbookProblem::file(
            "no_header_row",
            format!("Teks yang ditempel tidak memuat baris judul kolom program. Salin tabel beserta baris judulnya, dengan judul seperti di templat: {}.", heads.join("; ")),
            format!("The pasted text has no row of program column headers. Copy the table with its header row, headed as in the template: {}.", heads.join("; ")),
        ));
    }
    let mut cx = Cx {
        root,
        locs: HashMap::new(),
        tables: vec![],
        problems: vec![],
        refused: vec![],
    };
    cx.root.set("programs", J::Arr(vec![]));
    read_sheet(&grid, PASTED.1, sheet, &mut cx);
    if matches!(cx.root.entry("/programs", J::Arr(vec![])), Some(J::Arr(items)) if items.is_empty())
    {
        return refuse(WorkbookProblem::file(
            "no_rows",
            "Tabel yang ditempel hanya berisi baris judul; salin juga baris programnya.".into(),
            "The pasted table holds only its header row; copy the program rows too.".into(),
        ));
    }
    finish(cx)
}

fn finish(mut cx: Cx) -> Reading {
    // The format's key order.
    if let J::Obj(members) = &mut cx.root {
        let order = [
            "format",
            "format_version",
            "region",
            "masterplan",
            "evaluation",
            "institutions",
            "readiness",
            "programs",
            "impact",
            "national_indices",
        ];
        members.sort_by_key(|(k, _)| order.iter().position(|o| o == k).unwrap_or(order.len()));
    }
    let text = cx.root.to_text();
    for p in engine::validate(&text, &Options::default()) {
        let refused = cx
            .refused
            .iter()
            .any(|r| p.path == *r || p.path.starts_with(&format!("{r}/")));
        if refused {
            continue;
        }
        let loc = locate(&cx.locs, &cx.tables, &p.path);
        cx.problems.push(WorkbookProblem::at(
            p.severity,
            p.code,
            p.path,
            loc.as_ref(),
            p.message,
        ));
    }
    // Errors first, each group in reading order (stable).
    cx.problems.sort_by_key(|p| p.severity != Severity::Error);
    let failed = cx.problems.iter().any(|p| p.severity == Severity::Error);
    Reading {
        text: (!failed).then_some(text),
        problems: cx.problems,
    }
}

/// The rows and columns of one table: its items' rows, in order, and its columns.
struct TableLocs {
    /// JSON Pointer of the array.
    array: &'static str,
    sheet: String,
    sheet_en: String,
    /// The 0-based row of each item.
    rows: Vec<u32>,
    /// Each column read: its key under an item ("/status"), 0-based column, label.
    cols: Vec<(String, u32, Text)>,
}

impl TableLocs {
    /// The cell (or row) of a pointer into this table: the column whose key is the rest of
    /// the pointer or a parent of it, else the item's row.
    fn locate(&self, path: &str) -> Option<Loc> {
        let rest = path.strip_prefix(self.array)?.strip_prefix('/')?;
        let (index, rest) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
        let row = *self.rows.get(index.parse::<usize>().ok()?)?;
        let col = self
            .cols
            .iter()
            .filter(|(key, _, _)| {
                rest == key
                    || rest
                        .strip_prefix(key.as_str())
                        .is_some_and(|r| r.starts_with('/'))
            })
            .max_by_key(|(key, _, _)| key.len())
            .map(|(_, c, label)| (*c, label.clone()));
        Some(Loc {
            sheet: self.sheet.clone(),
            sheet_en: self.sheet_en.clone(),
            row,
            col,
        })
    }
}

/// The cell (or row) of a JSON Pointer: the pointer itself, else its nearest parent.
fn locate(locs: &HashMap<String, Loc>, tables: &[TableLocs], path: &str) -> Option<Loc> {
    if let Some(l) = tables.iter().find_map(|t| t.locate(path)) {
        return Some(l);
    }
    let mut p = path;
    loop {
        if let Some(l) = locs.get(p) {
            return Some(l.clone());
        }
        p = &p[..p.rfind('/')?];
    }
}

/// Reads one grid as one sheet of the layout; `sheet_en` names it in English messages.
fn read_sheet(grid: &Grid, sheet_en: &str, sheet: &Sheet, cx: &mut Cx) {
    let names = spellings(sheet);
    let at = |row: u32, col: Option<(u32, Text)>| Loc {
        sheet: grid.name.clone(),
        sheet_en: sheet_en.to_string(),
        row,
        col,
    };
    let Some((header, columns, dup)) = header_row(grid, &names) else {
        cx.problems.push(WorkbookProblem::at(
            Severity::Warning,
            "no_header_row",
            String::new(),
            Some(&at(0, None)),
            Text::new(
                "judul kolom templat tidak ditemukan di 20 baris pertama; lembar ini tidak dibaca.",
                "the template's column headers are not in the first 20 rows; this sheet is not read.",
            ),
        ));
        return;
    };
    if dup > 0 {
        cx.problems.push(WorkbookProblem::at(
            Severity::Warning,
            "duplicate_column",
            String::new(),
            Some(&at(header, None)),
            Text::new(
                "ada judul kolom yang muncul dua kali; hanya kolom pertama yang dibaca.",
                "a column header appears twice; only the first such column is read.",
            ),
        ));
    }
    let col_of = |t: Target| columns.iter().find(|(_, x)| **x == t).map(|(c, _)| *c);
    let note = col_of(Target::Note);

    // The rows below the header, each with its cells.
    let mut rows: BTreeMap<u32, BTreeMap<u32, &Cell>> = BTreeMap::new();
    for ((r, c), cell) in grid.cells.range((header + 1, 0)..) {
        rows.entry(*r).or_default().insert(*c, cell);
    }
    let empty =
        |c: Option<&&Cell>| c.is_none_or(|c| matches!(c, Cell::Text(s) if s.trim().is_empty()));

    for (g, group) in sheet.groups.iter().enumerate() {
        match group {
            Group::Form(fields) => {
                let (Some(fc), Some(vc)) =
                    (col_of(Target::FormField(g)), col_of(Target::FormValue(g)))
                else {
                    continue;
                };
                let labels = unique(
                    fields
                        .iter()
                        .enumerate()
                        .flat_map(|(i, f)| f.spellings().into_iter().map(move |(s, r)| (s, r, i)))
                        .collect(),
                );
                for f in fields {
                    cx.locs.insert(f.key.clone(), at(header, None));
                }
                for (r, cells) in &rows {
                    let label = cells.get(&fc).map(|c| text_of(c)).unwrap_or_default();
                    let value = cells.get(&vc);
                    let Some(&i) = labels.get(&normalize(&label)) else {
                        if !label.is_empty() && !empty(value) {
                            cx.problems.push(WorkbookProblem::at(
                                Severity::Warning,
                                "unknown_field",
                                String::new(),
                                Some(&at(*r, Some((fc, form_headers()[0].label.clone())))),
                                Text::new(
                                    format!("isian \"{label}\" tidak dikenal dan tidak dibaca."),
                                    format!("the field \"{label}\" is not known and is not read."),
                                ),
                            ));
                        }
                        continue;
                    };
                    let field = &fields[i];
                    let loc = at(*r, Some((vc, field.label.clone())));
                    cx.locs.insert(field.key.clone(), loc.clone());
                    let Some(cell) = value else { continue };
                    match convert(cell, field) {
                        Ok(None) => {}
                        Ok(Some(J::Null)) if field.kind == Kind::List(List::LegalKind) => {
                            let parent = field.key.trim_end_matches("/kind");
                            cx.locs.insert(parent.to_string(), loc);
                            cx.root.set_path(parent, J::Null);
                        }
                        Ok(Some(v)) => {
                            // A legal basis already said to be "not fixed" stays null.
                            if field.key.starts_with("/masterplan/legal_basis/")
                                && matches!(
                                    cx.root
                                        .entry("/masterplan", J::obj())
                                        .map(|m| m.child("legal_basis").is_none()),
                                    Some(true)
                                )
                            {
                                continue;
                            }
                            set(&mut cx.root, &field.key, v);
                        }
                        Err((code, msg)) => refuse(cx, code, &field.key, &loc, msg),
                    }
                }
            }
            Group::Table {
                at: array, cols, ..
            } => {
                let found: Vec<(usize, u32)> = (0..cols.len())
                    .filter_map(|i| Some((i, col_of(Target::Col(g, i))?)))
                    .collect();
                let missing: Vec<&Col> = cols
                    .iter()
                    .enumerate()
                    .filter(|(i, c)| c.required && !found.iter().any(|(j, _)| j == i))
                    .map(|(_, c)| c)
                    .collect();
                let mut n = 0usize;
                let mut table = TableLocs {
                    array,
                    sheet: grid.name.clone(),
                    sheet_en: sheet_en.to_string(),
                    rows: vec![],
                    cols: found
                        .iter()
                        .map(|(i, c)| (cols[*i].key.clone(), *c, cols[*i].label.clone()))
                        .collect(),
                };
                for (r, cells) in &rows {
                    if note.is_some_and(|nc| {
                        cells.get(&nc).is_some_and(|c| is_example_note(&text_of(c)))
                    }) {
                        continue;
                    }
                    if found.iter().all(|(_, c)| empty(cells.get(c))) {
                        continue;
                    }
                    let base = pointer_index(array, n);
                    n += 1;
                    table.rows.push(*r);
                    let mut obj = J::obj();
                    for (i, c) in &found {
                        let col = &cols[*i];
                        match cells
                            .get(c)
                            .map(|cell| convert(cell, col))
                            .unwrap_or(Ok(None))
                        {
                            Ok(None) => {}
                            Ok(Some(v)) => set(&mut obj, &col.key, v),
                            Err((code, msg)) => {
                                let path = format!("{base}{}", col.key);
                                let loc = at(*r, Some((*c, col.label.clone())));
                                refuse(cx, code, &path, &loc, msg)
                            }
                        }
                    }
                    for col in &missing {
                        cx.refused.push(format!("{base}{}", col.key));
                    }
                    if let Some(J::Arr(items)) = cx.root.entry(array, J::Arr(vec![])) {
                        items.push(obj);
                    }
                }
                cx.tables.push(table);
                if n > 0 {
                    for col in missing {
                        cx.problems.push(WorkbookProblem::at(
                            Severity::Error,
                            "missing_column",
                            array.to_string(),
                            Some(&at(header, None)),
                            Text::new(
                                format!("kolom wajib \"{}\" tidak ada. Tambahkan kolom dengan judul itu (lihat templat).", col.header()),
                                format!("the required column \"{}\" is missing. Add a column with that header (see the template).", col.header()),
                            ),
                        ));
                    }
                }
            }
            Group::Keyed {
                at: object,
                key,
                cols,
            } => {
                let Some(kc) = col_of(Target::Key(g)) else {
                    continue;
                };
                let Kind::List(list) = key.kind else { continue };
                let found: Vec<(usize, u32)> = (0..cols.len())
                    .filter_map(|i| Some((i, col_of(Target::Col(g, i))?)))
                    .collect();
                for (r, cells) in &rows {
                    if found.iter().all(|(_, c)| empty(cells.get(c))) {
                        continue;
                    }
                    let name = cells.get(&kc).map(|c| text_of(c)).unwrap_or_default();
                    let key_loc = at(*r, Some((kc, key.label.clone())));
                    let Some(item) = list.find(&name) else {
                        let (msg, code) = unknown_label(&name, list);
                        refuse(cx, code, object, &key_loc, msg);
                        continue;
                    };
                    let base = format!("{object}/{}", item.id);
                    cx.locs.insert(base.clone(), key_loc);
                    let mut obj = J::obj();
                    for (i, c) in &found {
                        let col = &cols[*i];
                        let path = format!("{base}{}", col.key);
                        let loc = at(*r, Some((*c, col.label.clone())));
                        cx.locs.insert(path.clone(), loc.clone());
                        match cells
                            .get(c)
                            .map(|cell| convert(cell, col))
                            .unwrap_or(Ok(None))
                        {
                            Ok(None) => {}
                            Ok(Some(v)) => set(&mut obj, &col.key, v),
                            Err((code, msg)) => refuse(cx, code, &path, &loc, msg),
                        }
                    }
                    set(&mut cx.root, &base, obj);
                }
            }
        }
    }
}

/// Sets a value at a pointer (creating the objects on the way).
fn set(root: &mut J, pointer: &str, v: J) {
    root.set_path(pointer, v);
}

fn refuse(cx: &mut Cx, code: &'static str, path: &str, loc: &Loc, msg: Text) {
    cx.refused.push(path.to_string());
    cx.problems.push(WorkbookProblem::at(
        Severity::Error,
        code,
        path.to_string(),
        Some(loc),
        msg,
    ));
}

type Refusal = (&'static str, Text);

fn unknown_label(typed: &str, list: List) -> (Text, &'static str) {
    let (noun_id, noun_en, code) = list.noun();
    let items = list.items();
    let ids: Vec<&str> = items.iter().map(|i| i.label.id.as_str()).collect();
    let ens: Vec<&str> = items.iter().map(|i| i.label.en.as_str()).collect();
    (
        Text::new(
            format!(
                "\"{typed}\" bukan {noun_id} yang dikenal. Pilih dari daftar: {}.",
                ids.join(", ")
            ),
            format!(
                "\"{typed}\" is not a known {noun_en}. Choose from the list: {}.",
                ens.join(", ")
            ),
        ),
        code,
    )
}

fn not_a_number(shown: &str, kind: Kind) -> Refusal {
    let (id, en) = match kind {
        Kind::Int => ("bilangan bulat, misalnya 2022", "a whole number, e.g. 2022"),
        Kind::Percent => (
            "persen, misalnya 85 atau 85%",
            "a percentage, e.g. 85 or 85%",
        ),
        Kind::Rupiah => (
            "angka rupiah tanpa titik ribuan dan tanpa \"Rp\", misalnya 2500000000",
            "a rupiah amount without thousands separators or \"Rp\", e.g. 2500000000",
        ),
        _ => ("angka, misalnya 3,25", "a number, e.g. 3.25"),
    };
    (
        "not_a_number",
        Text::new(
            format!("\"{shown}\" bukan angka; isi dengan {id}."),
            format!("\"{shown}\" is not a number; write {en}."),
        ),
    )
}

/// A cell as the JSON value of its column; `None` for an empty cell.
fn convert(cell: &Cell, col: &Col) -> Result<Option<J>, Refusal> {
    let shown = text_of(cell);
    match cell {
        Cell::Error(e) => {
            return Err((
                "cell_error",
                Text::new(
                    format!("sel berisi kesalahan {e}; perbaiki rumusnya atau ketik nilainya."),
                    format!("the cell holds the error {e}; fix its formula or type the value."),
                ),
            ))
        }
        Cell::Date => {
            return Err((
                "date_cell",
                Text::new(
                    "sel berformat tanggal; ketik tahun sebagai angka (misalnya 2022) dan ubah format sel menjadi Umum/Angka.",
                    "the cell is formatted as a date; type the year as a number (e.g. 2022) and set the cell format to General/Number.",
                ),
            ))
        }
        _ => {}
    }
    if shown.is_empty() {
        return Ok(None);
    }
    let value = match (col.kind, cell) {
        (Kind::Text | Kind::Code, Cell::Bool(_)) => {
            return Err((
                "wrong_type",
                Text::new(
                    format!("sel berisi nilai logika {shown}; ketik teksnya."),
                    format!("the cell holds the logical value {shown}; type the text."),
                ),
            ))
        }
        (Kind::Text | Kind::Code, _) => J::Str(shown),
        (Kind::Lines, _) => J::Arr(
            shown
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(|l| J::Str(l.to_string()))
                .collect(),
        ),
        (Kind::Int | Kind::Num | Kind::Rupiah | Kind::Percent, Cell::Num { value, percent }) => {
            let text = number::shortest(*value);
            if col.kind == Kind::Percent && *percent {
                J::Num(number::times_100(&text))
            } else {
                J::Num(text)
            }
        }
        (Kind::Percent, Cell::Text(s)) => {
            let t = s.trim();
            let t = t.strip_suffix('%').unwrap_or(t);
            J::Num(number::parse_text(t).ok_or_else(|| not_a_number(&shown, col.kind))?)
        }
        (Kind::Int | Kind::Num | Kind::Rupiah, Cell::Text(s)) => {
            J::Num(number::parse_text(s).ok_or_else(|| not_a_number(&shown, col.kind))?)
        }
        (Kind::Int | Kind::Num | Kind::Rupiah | Kind::Percent, _) => {
            return Err(not_a_number(&shown, col.kind))
        }
        (Kind::List(List::YesNo), Cell::Bool(b)) => J::Bool(*b),
        (Kind::List(list), _) => match list.find(&shown) {
            Some(item) => match item.id.as_str() {
                NULL => J::Null,
                TRUE => J::Bool(true),
                FALSE => J::Bool(false),
                id => J::Str(id.to_string()),
            },
            None if list.is_open() => J::Str(shown),
            None => {
                let (msg, code) = unknown_label(&shown, list);
                return Err((code, msg));
            }
        },
    };
    Ok(Some(value))
}
