//! The workbook's layout: its sheets, the groups of cells on each and their columns. One
//! table drives the template, the writer and the reader, so the three cannot drift.
//!
//! A sheet has one header row (row 1 in what we write; the reader looks for it in the first
//! rows, so a title row above it is fine) and one or more groups side by side:
//! - a **form**: "Isian / Field" and "Nilai / Value" columns, one field per row, found by its
//!   label (region, masterplan document, evaluation, budget, national indices);
//! - a **table**: one record per row, columns found by header (programs, readiness items,
//!   previous indices, surveys, indicators);
//! - a **keyed table**: one row per named institution (council, team, forum, plans).

use kota_cerdas_mandiri::model::framework::Dimension;
use kota_cerdas_mandiri::model::text::Text;

use crate::lists::{normalize, List};

/// What a cell holds and how it is read and formatted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Free text.
    Text,
    /// Text that looks like a number (ids, codes, decree numbers): the column is formatted
    /// as text so "33.10" stays "33.10".
    Code,
    /// A whole number (years, counts, scores 1–4).
    Int,
    /// A decimal number (scores, indices, values).
    Num,
    /// Rupiah (shown with thousands separators).
    Rupiah,
    /// A percentage 0–100: a cell formatted as percent (0.85 shown as 85%) or typed "85%"
    /// reads as 85.
    Percent,
    /// A value of a list (a dropdown).
    List(List),
    /// A list of texts, one per line in the cell (Alt+Enter), e.g. supporting documents.
    Lines,
}

/// Example value of a column in the template.
#[derive(Debug, Clone, Copy)]
pub enum Example {
    /// No example.
    None,
    /// A text (the same in both languages).
    Text(&'static str),
    /// A number, as its decimal text.
    Num(&'static str),
    /// The n-th item of the column's list, in the template's language.
    Item(usize),
}

/// One column of a table, or one field of a form.
#[derive(Debug, Clone)]
pub struct Col {
    /// JSON Pointer of the value: relative to the record for a table ("/quick_win/year"),
    /// absolute for a form field ("/region/name").
    pub key: String,
    /// Header (table) or field label (form), in both languages.
    pub label: Text,
    /// What the cell holds.
    pub kind: Kind,
    /// The engine requires it.
    pub required: bool,
    /// Column width in characters.
    pub width: f64,
    /// Example value for the template.
    pub example: Example,
}

impl Col {
    fn new(key: &str, id: &str, en: &str, kind: Kind) -> Col {
        Col {
            key: key.to_string(),
            label: Text::new(id, en),
            kind,
            required: false,
            width: match kind {
                Kind::Lines => 40.0,
                Kind::Text => 30.0,
                Kind::List(_) => 24.0,
                Kind::Rupiah => 20.0,
                _ => 14.0,
            },
            example: Example::None,
        }
    }

    fn required(mut self) -> Col {
        self.required = true;
        self
    }

    fn ex(mut self, example: Example) -> Col {
        self.example = example;
        self
    }

    fn width(mut self, width: f64) -> Col {
        self.width = width;
        self
    }

    /// The header or label as written: "Nama program / Program name", with " *" when
    /// required.
    pub fn header(&self) -> String {
        let star = if self.required { " *" } else { "" };
        if self.label.id == self.label.en {
            format!("{}{star}", self.label.id)
        } else {
            format!("{} / {}{star}", self.label.id, self.label.en)
        }
    }

    /// The spellings the reader accepts for this header or label (normalized), each with
    /// its rank: 0 for the whole header and each language alone, 1 for the JSON key
    /// ("start_year", "quick_win/year", "year"). A rank-0 spelling wins over a rank-1 one.
    pub fn spellings(&self) -> Vec<(String, u8)> {
        let mut v = vec![
            (normalize(&self.header()), 0),
            (normalize(&self.label.id), 0),
            (normalize(&self.label.en), 0),
            (normalize(&self.key), 1),
        ];
        if let Some(last) = self.key.rsplit('/').next() {
            v.push((normalize(last), 1));
        }
        v.sort();
        v.dedup_by(|a, b| a.0 == b.0);
        v
    }
}

/// A group of cells on a sheet.
#[derive(Debug, Clone)]
pub enum Group {
    /// Field | Value | Example: one field per row.
    Form(Vec<Col>),
    /// One record per row, appended to the array at `at`.
    Table {
        /// JSON Pointer of the array.
        at: &'static str,
        /// Its columns.
        cols: Vec<Col>,
        /// Example row for the template (each column's `example`).
        example: bool,
    },
    /// One row per institution (the first column names it), into the object at `at`.
    Keyed {
        /// JSON Pointer of the object holding one member per named row.
        at: &'static str,
        /// The column naming the row.
        key: Col,
        /// The other columns.
        cols: Vec<Col>,
    },
}

/// The form's three header cells.
pub fn form_headers() -> [Col; 3] {
    [
        Col::new("", "Isian", "Field", Kind::Text).width(44.0),
        Col::new("", "Nilai", "Value", Kind::Text).width(28.0),
        Col::new("", "Contoh", "Example", Kind::Text).width(28.0),
    ]
}

/// The note column of sheets with an example row: "CONTOH" there marks the row the reader
/// skips.
pub fn note_col() -> Col {
    Col::new("", "Catatan", "Note", Kind::Text).width(36.0)
}

/// The example row's note. The reader skips a row whose note starts with "contoh" or
/// "example".
pub const EXAMPLE_NOTE: (&str, &str) = (
    "CONTOH: baris ini tidak dibaca; hapus atau timpa",
    "EXAMPLE: this row is not read; delete or overwrite it",
);

/// True when a note marks an example row.
pub fn is_example_note(note: &str) -> bool {
    let n = normalize(note);
    n.starts_with("contoh") || n.starts_with("example")
}

/// A sheet.
#[derive(Debug, Clone)]
pub struct Sheet {
    /// Its name (Bahasa Indonesia; the reader also takes the English one).
    pub name: Text,
    /// What it holds, for the instructions.
    pub about: Text,
    /// Its groups, left to right, one empty column between them.
    pub groups: Vec<Group>,
}

impl Sheet {
    /// True when a table of this sheet has an example row (so the sheet has a note column).
    pub fn has_note(&self) -> bool {
        self.groups
            .iter()
            .any(|g| matches!(g, Group::Table { example: true, .. }))
    }

    /// The spellings the reader accepts for the sheet's name.
    pub fn spellings(&self) -> Vec<String> {
        vec![normalize(&self.name.id), normalize(&self.name.en)]
    }
}

/// Instructions sheet name.
pub const INSTRUCTIONS: (&str, &str) = ("Petunjuk", "Instructions");
/// Lists sheet name (the dropdowns' source).
pub const LISTS: (&str, &str) = ("Daftar", "Lists");

use Kind::*;

fn scores() -> Vec<Col> {
    Dimension::ALL
        .iter()
        .map(|d| {
            let l = d.label();
            Col::new(
                &format!("/evaluation/dimension_scores/{}", d.id()),
                &format!("Skor dimensi {} (1–4)", l.id),
                &format!("{} dimension score (1–4)", l.en),
                Num,
            )
        })
        .collect()
}

/// The sheets holding data, in workbook order (after the instructions).
pub fn sheets() -> Vec<Sheet> {
    let mut region = vec![
        Col::new(
            "/region/code",
            "Kode wilayah (Kemendagri)",
            "Region code (Kemendagri)",
            Code,
        )
        .ex(Example::Text("33.05")),
        Col::new("/region/name", "Nama daerah", "Region name", Text)
            .required()
            .ex(Example::Text("Kabupaten Kebumen")),
        Col::new(
            "/region/kind",
            "Jenis daerah",
            "Region kind",
            List(List::RegionKind),
        )
        .required()
        .ex(Example::Item(0)),
        Col::new("/region/province", "Provinsi", "Province", Text).ex(Example::Text("Jawa Tengah")),
        Col::new(
            "/masterplan/title",
            "Judul masterplan",
            "Masterplan title",
            Text,
        ),
        Col::new(
            "/masterplan/period_start",
            "Masterplan: tahun awal",
            "Masterplan: first year",
            Int,
        )
        .ex(Example::Num("2018")),
        Col::new(
            "/masterplan/period_end",
            "Masterplan: tahun akhir",
            "Masterplan: last year",
            Int,
        )
        .ex(Example::Num("2022")),
        Col::new(
            "/masterplan/legal_basis/kind",
            "Dasar hukum: jenis",
            "Legal basis: kind",
            List(List::LegalKind),
        )
        .ex(Example::Item(1)),
        Col::new(
            "/masterplan/legal_basis/number",
            "Dasar hukum: nomor",
            "Legal basis: number",
            Code,
        )
        .ex(Example::Text("16")),
        Col::new(
            "/masterplan/legal_basis/year",
            "Dasar hukum: tahun",
            "Legal basis: year",
            Int,
        )
        .ex(Example::Num("2019")),
        Col::new("/evaluation/year", "Tahun evaluasi", "Evaluation year", Int)
            .required()
            .ex(Example::Num("2022")),
        Col::new(
            "/evaluation/method",
            "Metode penilaian",
            "Assessment method",
            List(List::Method),
        )
        .ex(Example::Item(0)),
    ];
    region.extend(scores());
    let previous = vec![
        Col::new(
            "/year",
            "Tahun indeks sebelumnya",
            "Previous index year",
            Int,
        )
        .required()
        .ex(Example::Num("2021")),
        Col::new(
            "/index",
            "Indeks sebelumnya (1–4)",
            "Previous index (1–4)",
            Num,
        )
        .required()
        .ex(Example::Num("3.06")),
    ];

    let body = vec![
        Col::new("/exists", "Ada", "Exists", List(List::YesNo))
            .required()
            .width(10.0),
        Col::new("/decree", "Nomor SK", "Decree number", Code).width(22.0),
        Col::new(
            "/active",
            "Aktif tahun ini",
            "Active this year",
            List(List::YesNo),
        )
        .width(12.0),
        Col::new("/meetings", "Jumlah rapat", "Meetings", Int).width(12.0),
        Col::new("/evidence", "Data dukung", "Evidence", Lines),
    ];
    let budget = vec![
        Col::new(
            "/institutions/budget/apbd",
            "Anggaran smart city dari APBD (Rp)",
            "Smart-city budget from APBD (Rp)",
            Rupiah,
        )
        .ex(Example::Num("2500000000")),
        Col::new(
            "/institutions/budget/non_apbd",
            "Anggaran smart city non-APBD (Rp)",
            "Smart-city budget outside APBD (Rp)",
            Rupiah,
        )
        .ex(Example::Num("500000000")),
        Col::new(
            "/institutions/budget/apbd_total",
            "Total APBD (Rp)",
            "Total APBD (Rp)",
            Rupiah,
        )
        .ex(Example::Num("3200000000000")),
        Col::new(
            "/institutions/budget/sources",
            "Sumber dana (satu per baris)",
            "Funding sources (one per line)",
            Lines,
        )
        .ex(Example::Text("APBD")),
        Col::new(
            "/institutions/budget/evidence",
            "Data dukung anggaran",
            "Budget evidence",
            Lines,
        ),
        Col::new(
            "/institutions/evidence",
            "Data dukung kelembagaan",
            "Institutions evidence",
            Lines,
        ),
    ];

    let programs = vec![
        Col::new("/id", "ID program", "Program ID", Code)
            .required()
            .ex(Example::Text("GOV-01")),
        Col::new("/name", "Nama program", "Program name", Text)
            .required()
            .width(40.0)
            .ex(Example::Text("Mal Pelayanan Publik Digital")),
        Col::new("/pillar", "Pilar", "Pillar", List(List::Pillar))
            .required()
            .ex(Example::Item(0)),
        Col::new(
            "/sub_dimension",
            "Sub-dimensi",
            "Sub-dimension",
            List(List::SubDimension),
        )
        .ex(Example::Item(0)),
        Col::new(
            "/horizon",
            "Jangka waktu",
            "Time frame",
            List(List::Horizon),
        )
        .required()
        .ex(Example::Item(0)),
        Col::new("/start_year", "Tahun mulai", "Start year", Int)
            .required()
            .ex(Example::Num("2020")),
        Col::new("/end_year", "Tahun selesai", "End year", Int).ex(Example::Num("2022")),
        Col::new("/status", "Status", "Status", List(List::ProgramStatus))
            .required()
            .ex(Example::Item(2)),
        Col::new("/progress_percent", "Kemajuan (%)", "Progress (%)", Percent)
            .ex(Example::Num("80")),
        Col::new(
            "/lead_agency",
            "OPD penanggung jawab",
            "Lead agency (OPD)",
            Text,
        )
        .width(22.0)
        .ex(Example::Text("DPMPTSP")),
        Col::new("/evidence", "Data dukung", "Evidence", Lines)
            .ex(Example::Text("https://mpp.kebumenkab.go.id")),
        Col::new(
            "/quick_win/year",
            "Quick win: tahun target",
            "Quick win: due year",
            Int,
        )
        .ex(Example::Num("2021")),
        Col::new(
            "/quick_win/status",
            "Quick win: status",
            "Quick win: status",
            List(List::QuickWinStatus),
        )
        .ex(Example::Item(3)),
        Col::new(
            "/quick_win/launched_year",
            "Quick win: tahun diluncurkan",
            "Quick win: launch year",
            Int,
        )
        .ex(Example::Num("2021")),
        Col::new(
            "/quick_win/innovation_score",
            "Quick win: skor inovasi (1–4)",
            "Quick win: innovation score (1–4)",
            Int,
        )
        .ex(Example::Num("3")),
    ];

    let readiness = vec![
        Col::new("/aspect", "Aspek", "Aspect", List(List::Aspect))
            .required()
            .ex(Example::Item(0)),
        Col::new("/id", "ID butir", "Item ID", Code)
            .required()
            .ex(Example::Text("str-1")),
        Col::new("/question", "Pertanyaan", "Question", Text)
            .width(50.0)
            .ex(Example::Text(
                "Apakah Dewan Smart City sudah dibentuk dengan SK?",
            )),
        Col::new("/score", "Skor (1–4)", "Score (1–4)", Int)
            .required()
            .ex(Example::Num("3")),
        Col::new("/evidence", "Data dukung", "Evidence", Lines),
    ];

    let surveys = vec![
        Col::new(
            "/pillar",
            "Pilar survei",
            "Survey pillar",
            List(List::Pillar),
        )
        .required()
        .ex(Example::Item(0)),
        Col::new(
            "/sub_dimension",
            "Sub-dimensi survei",
            "Survey sub-dimension",
            List(List::SubDimension),
        ),
        Col::new("/respondents", "Jumlah responden", "Respondents", Int)
            .required()
            .ex(Example::Num("50")),
        Col::new("/mean", "Rata-rata jawaban (1–4)", "Mean answer (1–4)", Num)
            .required()
            .ex(Example::Num("3.1")),
        Col::new("/year", "Tahun survei", "Survey year", Int).ex(Example::Num("2022")),
    ];
    let indicators = vec![
        Col::new(
            "/code",
            "Kode indikator",
            "Indicator code",
            List(List::Indicator),
        )
        .required()
        .width(30.0)
        .ex(Example::Item(0)),
        Col::new("/value", "Nilai indikator", "Indicator value", Num)
            .required()
            .ex(Example::Num("12.66")),
        Col::new("/year", "Tahun data", "Data year", Int).ex(Example::Num("2023")),
        Col::new("/unit", "Satuan", "Unit", Text)
            .width(12.0)
            .ex(Example::Text("%")),
        Col::new("/source", "Sumber data", "Data source", Text)
            .width(20.0)
            .ex(Example::Text("BPS 2023")),
    ];

    let national = vec![
        Col::new(
            "/national_indices/spbe",
            "Indeks SPBE (0–5; evaluasi sebelum 2026)",
            "SPBE index (0–5; evaluations before 2026)",
            Num,
        )
        .ex(Example::Num("2.93")),
        Col::new(
            "/national_indices/pemdi",
            "Indeks Pemerintah Digital / Pemdi (1–5; evaluasi 2026 dan sesudahnya)",
            "Digital government index / Pemdi (1–5; evaluations from 2026)",
            Num,
        )
        .ex(Example::Num("3.1")),
        Col::new(
            "/national_indices/sakip",
            "Nilai SAKIP (0–100)",
            "SAKIP score (0–100)",
            Num,
        )
        .ex(Example::Num("66.4")),
        Col::new(
            "/national_indices/ikm",
            "Indeks Kepuasan Masyarakat (0–100)",
            "Public satisfaction index IKM (0–100)",
            Num,
        )
        .ex(Example::Num("79.98")),
        Col::new(
            "/national_indices/ipm",
            "Indeks Pembangunan Manusia (0–100)",
            "Human development index IPM (0–100)",
            Num,
        )
        .ex(Example::Num("70.51")),
        Col::new(
            "/national_indices/bpk_opinion",
            "Opini BPK",
            "BPK audit opinion",
            List(List::BpkOpinion),
        )
        .ex(Example::Item(0)),
    ];

    vec![
        Sheet {
            name: kota_cerdas_mandiri::model::text::Text::new("Wilayah", "Region"),
            about: kota_cerdas_mandiri::model::text::Text::new(
                "Wilayah, dokumen masterplan, tahun evaluasi, skor dimensi resmi dan indeks tahun-tahun sebelumnya.",
                "Region, masterplan document, evaluation year, official dimension scores and the indices of earlier years.",
            ),
            groups: vec![
                Group::Form(region),
                Group::Table { at: "/evaluation/previous", cols: previous, example: true },
            ],
        },
        Sheet {
            name: kota_cerdas_mandiri::model::text::Text::new("Kelembagaan", "Institutions"),
            about: kota_cerdas_mandiri::model::text::Text::new(
                "Dewan, tim pelaksana, forum, rencana SDM, manajemen risiko, dan anggaran smart city.",
                "Council, implementation team, forum, HR plan, risk management, and the smart-city budget.",
            ),
            groups: vec![
                Group::Keyed {
                    at: "/institutions",
                    key: Col::new("", "Lembaga", "Institution", List(List::Body)).width(30.0),
                    cols: body,
                },
                Group::Form(budget),
            ],
        },
        Sheet {
            name: kota_cerdas_mandiri::model::text::Text::new("Program", "Programs"),
            about: kota_cerdas_mandiri::model::text::Text::new(
                "Program masterplan, satu per baris; kolom quick win diisi hanya untuk program quick win.",
                "The masterplan's programs, one per row; the quick-win columns only for quick wins.",
            ),
            groups: vec![Group::Table { at: "/programs", cols: programs, example: true }],
        },
        Sheet {
            name: kota_cerdas_mandiri::model::text::Text::new("Kesiapan", "Readiness"),
            about: kota_cerdas_mandiri::model::text::Text::new(
                "Butir Analisis Kesiapan Daerah, satu per baris.",
                "Readiness analysis items, one per row.",
            ),
            groups: vec![Group::Table { at: "/readiness/items", cols: readiness, example: true }],
        },
        Sheet {
            name: kota_cerdas_mandiri::model::text::Text::new("Dampak", "Impact"),
            about: kota_cerdas_mandiri::model::text::Text::new(
                "Survei warga per pilar (kiri) dan indikator statistik daerah (kanan).",
                "Resident surveys per pillar (left) and regional statistics (right).",
            ),
            groups: vec![
                Group::Table { at: "/impact/surveys", cols: surveys, example: true },
                Group::Table { at: "/impact/indicators", cols: indicators, example: true },
            ],
        },
        Sheet {
            name: kota_cerdas_mandiri::model::text::Text::new("Indeks nasional", "National indices"),
            about: kota_cerdas_mandiri::model::text::Text::new(
                "Indeks nasional yang dikutip sebagai bukti: SPBE (sampai evaluasi 2025) atau Indeks Pemerintah Digital (Pemdi, sejak evaluasi 2026), SAKIP, IKM, IPM, opini BPK.",
                "National indices quoted as evidence: SPBE (up to the 2025 evaluation) or the digital government index (Pemdi, from the 2026 evaluation), SAKIP, IKM, IPM, BPK opinion.",
            ),
            groups: vec![Group::Form(national)],
        },
    ]
}

/// Column width of each group, for placing groups side by side.
pub fn group_width(g: &Group) -> u16 {
    match g {
        Group::Form(_) => 3,
        Group::Table { cols, .. } => cols.len() as u16,
        Group::Keyed { cols, .. } => cols.len() as u16 + 1,
    }
}

/// The first column (0-based) of each group as written, and the note column, if any.
pub fn placement(sheet: &Sheet) -> (Vec<u16>, Option<u16>) {
    let mut at = 0;
    let mut starts = Vec::new();
    for g in &sheet.groups {
        starts.push(at);
        at += group_width(g) + 1;
    }
    (starts, sheet.has_note().then_some(at))
}

/// The sheets and their columns as Markdown tables (README.md holds this text; a test
/// keeps the two equal).
pub fn markdown() -> String {
    let mut out = String::new();
    for sheet in sheets() {
        out.push_str(&format!(
            "\n**{} / {}**: {}\n\n| header | JSON | required |\n|---|---|---|\n",
            sheet.name.id, sheet.name.en, sheet.about.en
        ));
        for g in &sheet.groups {
            let (at, cols): (String, Vec<&Col>) = match g {
                Group::Form(c) => (String::new(), c.iter().collect()),
                Group::Table { at, cols, .. } => (format!("{at}/‹n›"), cols.iter().collect()),
                Group::Keyed { at, key, cols } => (
                    format!("{at}/‹{}›", key.label.en.to_lowercase()),
                    std::iter::once(key).chain(cols).collect(),
                ),
            };
            for c in cols {
                let req = if c.required { "yes" } else { "" };
                let key = if c.key.is_empty() {
                    String::new()
                } else {
                    format!("`{at}{}`", c.key)
                };
                out.push_str(&format!("| {} | {key} | {req} |\n", c.header()));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    /// Every header (and form field label) of a sheet is told apart from the others by each
    /// of the spellings the reader accepts, or the spelling is dropped there (see
    /// `reader::Headers`): here, the full header must always be unique.
    #[test]
    fn full_headers_are_unique_per_sheet() {
        for sheet in sheets() {
            let mut seen = BTreeMap::new();
            let mut add = |c: &Col| {
                let h = normalize(&c.header());
                assert!(
                    seen.insert(h.clone(), c.key.clone()).is_none(),
                    "{}: {h}",
                    sheet.name.id
                );
            };
            for g in &sheet.groups {
                match g {
                    Group::Form(cols) => cols.iter().for_each(&mut add),
                    Group::Table { cols, .. } => cols.iter().for_each(&mut add),
                    Group::Keyed { key, cols, .. } => {
                        add(key);
                        cols.iter().for_each(&mut add)
                    }
                }
            }
        }
    }

    #[test]
    fn the_readme_shows_the_layout() {
        let readme = include_str!("../README.md");
        assert!(
            readme.ends_with(&markdown()),
            "README.md's tables differ: regenerate them with `cargo run -p kota-cerdas-workbook --example workbook -- columns`"
        );
    }
}
