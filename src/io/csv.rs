//! CSV export of an assessment, for spreadsheets.
//!
//! It reads the assessment as JSON (what `assess` returned or a downloaded file, possibly from
//! an older version) rather than the Rust type, so any saved assessment can be exported.
//! For people: one table after another (summary, the five dimensions, pillars, programs, quick
//! wins, agencies (OPD), findings), each under a title row and a header row and followed by an
//! empty row; headers and labels in the export's language, from the vocabularies, never a
//! machine key or a JSON Pointer.
//! Indonesian: UTF-8 BOM, `;` separator, comma decimals (what Indonesian Excel opens
//! directly). English: `,` separator, point decimals.

use crate::io::json::{self, Node, Value};
use crate::model::code::Code;
use crate::model::framework::{
    Dimension, Horizon, Pillar, ProgramStatus, QuickWinStatus, RegionKind,
};
use crate::model::problem::{Location, Problem, Problems};
use crate::score::evaluation::ScoreSource;
use crate::score::findings::Severity;
use crate::score::implementation::NotCounted;
use crate::score::quick_wins::State;

/// CSV dialect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Locale {
    /// Indonesian Excel.
    Id,
    /// English.
    En,
}

/// One cell: a text (quoted and defused as needed) or a number (`.` decimals, written with
/// the locale's mark).
pub(crate) enum Cell {
    /// A text.
    Text(String),
    /// A number, plain decimal.
    Number(String),
}

struct Csv {
    locale: Locale,
    out: String,
}

impl Csv {
    fn sep(&self) -> char {
        match self.locale {
            Locale::Id => ';',
            Locale::En => ',',
        }
    }

    fn cell(&mut self, c: &Cell) {
        let sep = self.sep();
        match c {
            Cell::Number(n) => match self.locale {
                Locale::Id => push_cell(&mut self.out, &n.replace('.', ","), sep, false),
                Locale::En => push_cell(&mut self.out, n, sep, false),
            },
            Cell::Text(t) => push_cell(&mut self.out, t, sep, true),
        }
    }

    fn row(&mut self, cells: &[Cell]) {
        for (i, c) in cells.iter().enumerate() {
            if i > 0 {
                let s = self.sep();
                self.out.push(s);
            }
            self.cell(c);
        }
        self.out.push_str("\r\n");
    }

    /// A title row, then the header row of a table.
    fn table(&mut self, title: [&str; 2], header: &[[&str; 2]]) {
        if !self.out.is_empty() && !self.out.ends_with('\u{feff}') {
            self.out.push_str("\r\n");
        }
        let title = t(self.lang(title[0], title[1]));
        self.row(&[title]);
        let cells: Vec<Cell> = header.iter().map(|h| t(self.lang(h[0], h[1]))).collect();
        self.row(&cells);
    }

    /// A value read from the assessment: numbers as numbers, true/false as Ya/Tidak.
    fn val(&self, n: Option<&Node>) -> Cell {
        match n.map(|n| &n.value) {
            Some(Value::Bool(b)) => t(match (b, self.locale) {
                (true, Locale::Id) => "Ya",
                (false, Locale::Id) => "Tidak",
                (true, Locale::En) => "Yes",
                (false, Locale::En) => "No",
            }),
            _ => value_cell(n),
        }
    }

    /// One cell of a row: `n` is the row's node, `key` its member name (map-keyed tables).
    fn col(&self, col: &Col, n: &Node, key: &str) -> Cell {
        match *col {
            Col::Val(path) => self.val(at(n, path)),
            Col::Term(path, ids, labels) => {
                let id = if path.is_empty() { key } else { s(at(n, path)) };
                t(label(ids, labels, id).map_or(id, |l| self.lang(l.0, l.1)))
            }
            Col::Text(path) => {
                let mut text = self.text_of(at(n, path));
                // Impact: each pillar's survey and indicator halves.
                for p in items(n.get("pillars")) {
                    text.push_str("; ");
                    text.push_str(&self.text_of(p.get("formula")));
                }
                Cell::Text(text)
            }
            Col::Lang(id, en) => self.val(at(n, self.lang(id, en))),
            Col::Const(id, en) => t(self.lang(id, en)),
            Col::Labels(first, then) => {
                let list = match n.get(first) {
                    Some(one) => vec![s(one.get("label"))],
                    None => items(n.get(then))
                        .iter()
                        .map(|i| s(i.get("label")))
                        .collect(),
                };
                Cell::Text(list.join("; "))
            }
        }
    }

    /// A table: title, header, then one row per `(key, node)`.
    fn rows(&mut self, title: [&str; 2], cols: &[([&str; 2], Col)], rows: &[(&str, &Node)]) {
        let header: Vec<[&str; 2]> = cols.iter().map(|c| c.0).collect();
        self.table(title, &header);
        for (key, n) in rows {
            let cells: Vec<Cell> = cols.iter().map(|c| self.col(&c.1, n, key)).collect();
            self.row(&cells);
        }
    }

    fn lang<'a>(&self, id: &'a str, en: &'a str) -> &'a str {
        match self.locale {
            Locale::Id => id,
            Locale::En => en,
        }
    }

    /// A `{id, en}` text node in the export's language.
    fn text_of(&self, n: Option<&Node>) -> String {
        let key = self.lang("id", "en");
        n.and_then(|t| t.get(key).or(Some(t)))
            .and_then(|t| t.as_str())
            .unwrap_or("")
            .to_string()
    }
}

/// True for a character a spreadsheet may start a formula with: `= + - @`, and tab and
/// carriage return, which some strip before looking.
fn trigger(c: char) -> bool {
    matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r')
}

/// True for a character after which a spreadsheet may start a new cell: the separator of
/// either dialect (`,` `;`), a tab, a line break. A file written with `;` may be opened with
/// `,` (or by a tool that guesses), so every one of them counts, whatever `sep` is.
fn cell_start(c: char) -> bool {
    matches!(c, ',' | ';' | '\t' | '\n' | '\r')
}

/// Appends one cell to a CSV line: the one cell writer of every CSV the product writes (the
/// assessment export here, the batch ranking). With `defuse` (text, never numbers), a `'` is
/// put before every formula trigger that starts the text or follows a possible cell start
/// (see [`cell_start`]), so "Kab X,=1+1," stays text in a `;` file opened with `,` too. The
/// cell is quoted when it holds `sep`, a quote or a line break.
pub(crate) fn push_cell(out: &mut String, text: &str, sep: char, defuse: bool) {
    let mut raw = String::with_capacity(text.len() + 2);
    let mut at_start = true;
    for c in text.chars() {
        if defuse && at_start && trigger(c) {
            raw.push('\'');
        }
        raw.push(c);
        at_start = cell_start(c);
    }
    if raw.contains([sep, '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&raw.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(&raw);
    }
}

fn value_cell(n: Option<&Node>) -> Cell {
    match n.map(|n| &n.value) {
        Some(Value::Number(s)) => Cell::Number(s.to_string()),
        Some(Value::String(s)) => Cell::Text(s.to_string()),
        Some(Value::Bool(b)) => Cell::Text(b.to_string()),
        _ => Cell::Text(String::new()),
    }
}

fn t(s: &str) -> Cell {
    Cell::Text(s.to_string())
}

fn members<'n>(n: Option<&'n Node<'n>>) -> &'n [json::Member<'n>] {
    n.and_then(|n| n.as_object()).unwrap_or(&[])
}

fn items<'n>(n: Option<&'n Node<'n>>) -> &'n [Node<'n>] {
    n.and_then(|n| n.as_array()).unwrap_or(&[])
}

fn label(
    ids: &[&str],
    labels: &'static [(&'static str, &'static str)],
    id: &str,
) -> Option<(&'static str, &'static str)> {
    ids.iter().position(|i| *i == id).map(|i| labels[i])
}

fn keyed<'n>(n: Option<&'n Node<'n>>) -> Vec<(&'n str, &'n Node<'n>)> {
    members(n).iter().map(|m| (m.name(), &m.node)).collect()
}

fn listed<'n>(n: Option<&'n Node<'n>>) -> Vec<(&'n str, &'n Node<'n>)> {
    items(n).iter().map(|i| ("", i)).collect()
}

fn s<'n>(n: Option<&'n Node<'n>>) -> &'n str {
    n.and_then(|n| n.as_str()).unwrap_or("")
}

/// The node at a `/`-separated path of member names.
fn at<'n>(n: &'n Node<'n>, path: &str) -> Option<&'n Node<'n>> {
    path.split('/').try_fold(n, |n, k| n.get(k))
}

/// How a cell is read from its row's node.
enum Col {
    /// The value at a path.
    Val(&'static str),
    /// The label of a vocabulary id at a path (the row's key when the path is empty).
    Term(
        &'static str,
        &'static [&'static str],
        &'static [(&'static str, &'static str)],
    ),
    /// An `{id, en}` text at a path (with an Impact dimension's per-pillar formulas).
    Text(&'static str),
    /// The value at one path in Indonesian, another in English.
    Lang(&'static str, &'static str),
    /// A fixed text.
    Const(&'static str, &'static str),
    /// The label of the subject at the first key, or the labels of the list at the second.
    Labels(&'static str, &'static str),
}

macro_rules! term {
    ($path:expr, $t:ty) => {
        Col::Term($path, <$t>::IDS, <$t>::LABELS)
    };
}

/// The summary: what, value, note; a row whose value is absent or null is left out.
const SUMMARY: &[([&str; 2], Col, Col)] = &[
    (
        ["Mesin penilai", "Engine"],
        Col::Val("engine/name"),
        Col::Val("engine/version"),
    ),
    (
        ["Metode", "Method"],
        Col::Val("method/id"),
        Col::Text("method/name"),
    ),
    (
        ["Versi metode", "Method version"],
        Col::Val("method/version"),
        Col::Const("", ""),
    ),
    (
        ["Sidik SHA-256 berkas masukan", "Input file SHA-256"],
        Col::Val("input_sha256"),
        Col::Const("", ""),
    ),
    (
        ["Daerah", "Region"],
        Col::Val("region/name"),
        Col::Const("", ""),
    ),
    (
        ["Kode wilayah", "Region code"],
        Col::Val("region/code"),
        Col::Const("", ""),
    ),
    (
        ["Jenis daerah", "Region kind"],
        term!("region/kind", RegionKind),
        Col::Const("", ""),
    ),
    (
        ["Provinsi", "Province"],
        Col::Val("region/province"),
        Col::Const("", ""),
    ),
    (
        ["Tahun evaluasi", "Evaluation year"],
        Col::Val("year"),
        Col::Const("", ""),
    ),
    (
        ["Sifat hasil", "Status"],
        Col::Const(
            "penilaian mandiri, bukan hasil resmi kementerian",
            "self-assessment, not an official ministry result",
        ),
        Col::Const("", ""),
    ),
    (
        ["Indeks Pencapaian", "Achievement index"],
        Col::Val("evaluation/index"),
        Col::Text("evaluation/formula"),
    ),
    (
        [
            "Perkiraan indeks (sebagian dimensi)",
            "Index estimate (some dimensions)",
        ],
        Col::Val("evaluation/index_estimate"),
        Col::Text("evaluation/formula"),
    ),
    (
        ["Indeks tahun sebelumnya", "Previous index"],
        Col::Val("evaluation/previous/index"),
        Col::Val("evaluation/previous/year"),
    ),
    (
        ["Kenaikan indeks", "Index change"],
        Col::Val("evaluation/improvement"),
        Col::Const("", ""),
    ),
    (
        [
            "Capaian implementasi semua program (%)",
            "Implementation, all programs (%)",
        ],
        Col::Val("implementation/overall/percent"),
        Col::Const("", ""),
    ),
    (
        ["Rata-rata capaian pilar (%)", "Mean of pillar rates (%)"],
        Col::Val("implementation/mean_of_pillars"),
        Col::Const("", ""),
    ),
    (
        ["Target capaian per pilar (%)", "Target rate per pillar (%)"],
        Col::Val("implementation/target_percent"),
        Col::Const("", ""),
    ),
    (
        ["Quick win jatuh tempo", "Quick wins due"],
        Col::Val("quick_wins/due"),
        Col::Const("", ""),
    ),
    (
        ["Quick win tercapai", "Quick wins achieved"],
        Col::Val("quick_wins/achieved"),
        Col::Const("", ""),
    ),
    (
        ["Quick win tepat waktu", "Quick wins on time"],
        Col::Val("quick_wins/on_time"),
        Col::Const("", ""),
    ),
    (
        ["Quick win terlambat", "Quick wins late"],
        Col::Val("quick_wins/late"),
        Col::Const("", ""),
    ),
    (
        ["Quick win berkelanjutan", "Quick wins sustained"],
        Col::Val("quick_wins/sustained"),
        Col::Const("", ""),
    ),
    (
        ["Quick win dihentikan", "Quick wins stopped"],
        Col::Val("quick_wins/stopped"),
        Col::Const("", ""),
    ),
    (
        ["Quick win belum diluncurkan", "Quick wins not launched"],
        Col::Val("quick_wins/pending"),
        Col::Const("", ""),
    ),
    (
        ["Capaian quick win (%)", "Quick-win rate (%)"],
        Col::Val("quick_wins/percent"),
        Col::Const("", ""),
    ),
    (
        ["Kesiapan daerah", "Regional readiness"],
        Col::Val("readiness/score"),
        Col::Lang("readiness/category/label", "readiness/category/label_en"),
    ),
    (
        ["Kesiapan aspek Struktur", "Readiness: structure"],
        Col::Val("readiness/aspects/struktur"),
        Col::Const("", ""),
    ),
    (
        ["Kesiapan aspek Infrastruktur", "Readiness: infrastructure"],
        Col::Val("readiness/aspects/infrastruktur"),
        Col::Const("", ""),
    ),
    (
        ["Kesiapan aspek Suprastruktur", "Readiness: superstructure"],
        Col::Val("readiness/aspects/suprastruktur"),
        Col::Const("", ""),
    ),
    (
        ["Indeks SPBE", "SPBE index"],
        Col::Val("national_indices/spbe/value"),
        Col::Lang(
            "national_indices/spbe/predicate",
            "national_indices/spbe/label_en",
        ),
    ),
    (
        [
            "Indeks Pemerintah Digital (Pemdi)",
            "Digital government index (Pemdi)",
        ],
        Col::Val("national_indices/pemdi/value"),
        Col::Lang(
            "national_indices/pemdi/predicate",
            "national_indices/pemdi/label_en",
        ),
    ),
    (
        ["Nilai SAKIP", "SAKIP score"],
        Col::Val("national_indices/sakip/value"),
        Col::Lang(
            "national_indices/sakip/label",
            "national_indices/sakip/label_en",
        ),
    ),
    (
        [
            "Indeks Kepuasan Masyarakat (IKM)",
            "Public satisfaction index (IKM)",
        ],
        Col::Val("national_indices/ikm/value"),
        Col::Lang(
            "national_indices/ikm/label",
            "national_indices/ikm/label_en",
        ),
    ),
    (
        [
            "Indeks Pembangunan Manusia (IPM)",
            "Human development index (IPM)",
        ],
        Col::Val("national_indices/ipm/value"),
        Col::Lang(
            "national_indices/ipm/category",
            "national_indices/ipm/label_en",
        ),
    ),
    (
        ["Opini BPK", "BPK audit opinion"],
        Col::Val("national_indices/bpk_opinion/value"),
        Col::Lang(
            "national_indices/bpk_opinion/label",
            "national_indices/bpk_opinion/label_en",
        ),
    ),
    (
        ["Temuan kritis", "Critical findings"],
        Col::Val("finding_counts/critical"),
        Col::Const("", ""),
    ),
    (
        ["Temuan peringatan", "Warnings"],
        Col::Val("finding_counts/warning"),
        Col::Const("", ""),
    ),
    (
        ["Saran", "Suggestions"],
        Col::Val("finding_counts/info"),
        Col::Const("", ""),
    ),
];

const RATE: [([&str; 2], Col); 5] = [
    (
        ["Program direncanakan", "Programs planned"],
        Col::Val("planned"),
    ),
    (
        ["Program berjalan", "Programs running"],
        Col::Val("implemented"),
    ),
    (["Capaian (%)", "Rate (%)"], Col::Val("percent")),
    (
        ["Di bawah target", "Below target"],
        Col::Val("below_target"),
    ),
    (
        [
            "Program berjalan yang masih diperlukan",
            "More running programs needed",
        ],
        Col::Val("needed_for_target"),
    ),
];

/// Writes the CSV of an assessment given as JSON text.
pub fn write(assessment_json: &str, locale: Locale) -> Result<String, Vec<Problem>> {
    let root = json::parse(assessment_json)
        .ok()
        .filter(|r| r.get("evaluation").is_some() && r.get("implementation").is_some());
    let Some(a) = root else {
        let mut p = Problems::new();
        p.error(
            Code::NotAnAssessment.id(),
            &Location::path(""),
            "Ini bukan hasil penilaian Kota Cerdas Mandiri; ekspor CSV memerlukan hasil assess().".into(),
            "This is not a Kota Cerdas Mandiri assessment; CSV export needs the result of assess().".into(),
        );
        return Err(p.finish(None));
    };
    let mut c = Csv {
        locale,
        out: String::new(),
    };
    if locale == Locale::Id {
        c.out.push('\u{feff}');
    }

    c.table(
        ["Ringkasan", "Summary"],
        &[
            ["Butir", "Item"],
            ["Nilai", "Value"],
            ["Keterangan", "Note"],
        ],
    );
    for (what, value, note) in SUMMARY {
        let (Col::Val(path) | Col::Term(path, ..) | Col::Lang(path, _)) = *value else {
            let cells = [t(c.lang(what[0], what[1])), c.col(value, &a, ""), t("")];
            c.row(&cells);
            continue;
        };
        if !at(&a, path).is_some_and(|n| n.value != Value::Null) {
            continue;
        }
        let cells = [
            t(c.lang(what[0], what[1])),
            c.col(value, &a, ""),
            c.col(note, &a, ""),
        ];
        c.row(&cells);
    }

    let ev = a.get("evaluation");
    c.rows(
        ["Dimensi penilaian", "Evaluation dimensions"],
        &[
            (["Dimensi", "Dimension"], term!("", Dimension)),
            (["Nilai", "Score"], Col::Val("score")),
            (["Sumber", "Source"], term!("source", ScoreSource)),
            (["Bobot", "Weight"], Col::Val("weight")),
            (
                ["Nilai dari bukti berkas", "Score from the file's evidence"],
                Col::Val("computed_score"),
            ),
            (
                ["Cara menghitung", "How it is computed"],
                Col::Text("formula"),
            ),
        ],
        &keyed(ev.and_then(|e| e.get("dimensions"))),
    );

    let imp = a.get("implementation");
    let mut pillars = keyed(imp.and_then(|i| i.get("pillars")));
    if let Some(all) = imp.and_then(|i| i.get("overall")) {
        pillars.push((c.lang("Semua pilar", "All pillars"), all));
    }
    let [r0, r1, r2, r3, r4] = RATE;
    c.rows(
        [
            "Capaian implementasi per pilar",
            "Implementation per pillar",
        ],
        &[(["Pilar", "Pillar"], term!("", Pillar)), r0, r1, r2, r3, r4],
        &pillars,
    );

    c.rows(
        ["Daftar program", "Programs"],
        &[
            (["Kode", "Code"], Col::Val("id")),
            (["Nama program", "Program name"], Col::Val("name")),
            (["Pilar", "Pillar"], term!("pillar", Pillar)),
            (
                ["OPD penanggung jawab", "Lead agency (OPD)"],
                Col::Val("lead_agency"),
            ),
            (["Jangka", "Term"], term!("horizon", Horizon)),
            (["Status", "Status"], term!("status", ProgramStatus)),
            (["Dihitung", "Counted"], Col::Val("counted")),
            (["Terlaksana", "Implemented"], Col::Val("implemented")),
            (
                ["Alasan tidak dihitung", "Why not counted"],
                term!("not_counted", NotCounted),
            ),
        ],
        &listed(imp.and_then(|i| i.get("programs"))),
    );

    c.rows(
        ["Quick win", "Quick wins"],
        &[
            (["Kode", "Code"], Col::Val("program_id")),
            (["Nama program", "Program name"], Col::Val("name")),
            (["Tahun jadwal", "Year due"], Col::Val("year")),
            (["Status", "Status"], term!("status", QuickWinStatus)),
            (
                ["Tahun diluncurkan", "Year launched"],
                Col::Val("launched_year"),
            ),
            (["Keadaan", "State"], term!("state", State)),
            (["Nilai", "Score"], Col::Val("score")),
            (["Cara menilai", "How it is scored"], Col::Text("rule")),
        ],
        &listed(a.get("quick_wins").and_then(|q| q.get("items"))),
    );

    c.rows(
        ["Capaian per OPD", "Per agency (OPD)"],
        &[
            (["OPD", "Agency (OPD)"], Col::Text("label")),
            (
                ["Program direncanakan", "Programs planned"],
                Col::Val("rate/planned"),
            ),
            (
                ["Program berjalan", "Programs running"],
                Col::Val("rate/implemented"),
            ),
            (["Capaian (%)", "Rate (%)"], Col::Val("rate/percent")),
            (
                ["Quick win jatuh tempo", "Quick wins due"],
                Col::Val("quick_wins/due"),
            ),
            (
                ["Quick win tercapai", "Quick wins achieved"],
                Col::Val("quick_wins/achieved"),
            ),
            (["Temuan", "Findings"], Col::Val("findings")),
        ],
        &listed(a.get("agencies")),
    );

    c.rows(
        ["Temuan", "Findings"],
        &[
            (["Tingkat", "Severity"], term!("severity", Severity)),
            (["Pilar", "Pillar"], term!("pillar", Pillar)),
            (["OPD", "Agency (OPD)"], Col::Val("agency")),
            (["Tentang", "Concerns"], Col::Labels("subject", "items")),
            (
                ["Temuan dan tindak lanjut", "Finding and what to do"],
                Col::Text("message"),
            ),
            (
                ["Program yang dapat dijalankan", "Programs that could run"],
                Col::Labels("", "candidates"),
            ),
        ],
        &listed(a.get("findings")),
    );
    Ok(c.out)
}

/// Rows through the same cell writer (the batch ranking's CSV): BOM in the Indonesian file.
pub(crate) fn table(locale: Locale, rows: &[Vec<Cell>]) -> String {
    let mut c = Csv {
        locale,
        out: String::new(),
    };
    if locale == Locale::Id {
        c.out.push('\u{feff}');
    }
    for r in rows {
        c.row(r);
    }
    c.out
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINI: &str = r#"{"engine":{"name":"kota-cerdas-mandiri","version":"0.1.0"},"method":{"id":"kominfo-2022","version":"1.0.0"},
      "region":{"name":"Kab; \"Uji\"","kind":"kabupaten"},"year":2022,
      "implementation":{"pillars":{"governance":{"planned":7,"implemented":6,"percent":85.71,"below_target":false,"needed_for_target":0}},"overall":{"planned":7,"implemented":6,"percent":85.71},"mean_of_pillars":85.71,
        "programs":[{"id":"GOV-01","name":"Portal","pillar":"governance","lead_agency":"Diskominfo","horizon":"short","status":"delayed","counted":true,"implemented":false,"share":0,"not_counted":null}]},
      "quick_wins":{"due":1,"achieved":1,"on_time":1,"percent":100,"items":[{"program_id":"QW-1","name":"=cmd()","year":2022,"status":"launched","launched_year":2022,"state":"on_time","score":4,"rule":{"id":"Diluncurkan tepat waktu (2022) → 4","en":"Launched on time (2022) → 4"}}]},
      "evaluation":{"dimensions":{"outcome":{"score":3.57,"source":"computed","weight":0.3,"formula":{"id":"Outcome = 1 + 3 × 85,71 ÷ 100","en":"Outcome = 1 + 3 × 85.71 ÷ 100"}}},"index":null,"index_estimate":3.57,"improvement":null},
      "agencies":[{"label":{"id":"Diskominfo","en":"Diskominfo"},"rate":{"planned":1,"implemented":0,"percent":0},"quick_wins":{"due":0,"achieved":0},"findings":1}],
      "findings":[{"severity":"warning","code":"program_delayed","path":"/programs/0/status","message":{"id":"Perbaiki, segera","en":"Fix it"},"pillar":"governance","agency":"Diskominfo",
        "subject":{"kind":"program","index":0,"id":"GOV-01","label":"GOV-01 · Portal"}}]}"#;

    #[test]
    fn indonesian_csv_has_bom_semicolons_comma_decimals_and_indonesian_labels() {
        let out = write(MINI, Locale::Id).unwrap();
        assert!(
            out.starts_with("\u{feff}Ringkasan\r\nButir;Nilai;Keterangan\r\n"),
            "{out}"
        );
        assert!(
            out.contains("\r\nDaerah;\"Kab; \"\"Uji\"\"\";\r\n"),
            "{out}"
        );
        assert!(out.contains("\r\nJenis daerah;Kabupaten;\r\n"), "{out}");
        // No input hash in the object: no row for it.
        assert!(!out.contains("SHA-256"), "{out}");
        assert!(
            out.contains("\r\nSmart Governance;7;6;85,71;Tidak;0\r\n"),
            "{out}"
        );
        assert!(
            out.contains("\r\nGOV-01;Portal;Smart Governance;Diskominfo;Jangka pendek;Tertunda;Ya;Tidak;\r\n"),
            "{out}"
        );
        assert!(
            out.contains("\r\nQW-1;'=cmd();2022;Diluncurkan;2022;Tepat waktu;4;Diluncurkan tepat waktu (2022) → 4\r\n"),
            "{out}"
        );
        assert!(
            out.contains(
                "\r\nOutcome;3,57;Dihitung dari berkas;0,3;;Outcome = 1 + 3 × 85,71 ÷ 100\r\n"
            ),
            "{out}"
        );
        assert!(out.contains("\r\nDiskominfo;1;0;0;0;0;1\r\n"), "{out}");
        assert!(
            out.contains(
                "\r\nPeringatan;Smart Governance;Diskominfo;GOV-01 · Portal;Perbaiki, segera;\r\n"
            ),
            "{out}"
        );
        // People read labels, not machine keys or pointers.
        for key in [
            "/programs",
            "program_delayed",
            "governance",
            "on_time",
            "kabupaten",
        ] {
            assert!(!out.contains(key), "{key} in {out}");
        }
    }

    #[test]
    fn english_csv_has_commas_points_and_english_labels() {
        let out = write(MINI, Locale::En).unwrap();
        assert!(out.starts_with("Summary\r\nItem,Value,Note\r\n"), "{out}");
        assert!(
            out.contains("\r\nSmart Governance,7,6,85.71,No,0\r\n"),
            "{out}"
        );
        assert!(
            out.contains(
                "\r\nGOV-01,Portal,Smart Governance,Diskominfo,Short term,Delayed,Yes,No,\r\n"
            ),
            "{out}"
        );
        assert!(
            out.contains("\r\nWarning,Smart Governance,Diskominfo,GOV-01 · Portal,Fix it,\r\n"),
            "{out}"
        );
        let with_hash = MINI.replacen("\"year\":2022", "\"year\":2022,\"input_sha256\":\"ab\"", 1);
        let out = write(&with_hash, Locale::En).unwrap();
        assert!(out.contains("\r\nInput file SHA-256,ab,\r\n"), "{out}");
    }

    #[test]
    fn formula_triggers_are_defused_after_any_separator_in_both_locales() {
        // A name with the other dialect's separator: "Kab X,=1+1," in the `;` file opened
        // with `,` (and the reverse) must not start a cell with a formula.
        let with = |name: &str| MINI.replace("Kab; \\\"Uji\\\"", name);
        let id = write(&with("Kab X,=1+1,"), Locale::Id).unwrap();
        assert!(id.contains("\r\nDaerah;Kab X,'=1+1,;\r\n"), "{id}");
        let en = write(&with("Kab X,=1+1,"), Locale::En).unwrap();
        assert!(en.contains("\r\nRegion,\"Kab X,'=1+1,\",\r\n"), "{en}");
        let en = write(&with("Kab X;@SUM(A1);-2\\t+3\\n=4"), Locale::En).unwrap();
        assert!(
            en.contains("\r\nRegion,\"Kab X;'@SUM(A1);'-2\t'+3\n'=4\",\r\n"),
            "{en}"
        );
        let id = write(&with("=1+1"), Locale::Id).unwrap();
        assert!(id.contains("\r\nDaerah;'=1+1;\r\n"), "{id}");
        // Inside a text, a trigger after a letter or a space is left alone; numbers too.
        let id = write(&with("Kab A-B, -1 =2"), Locale::Id).unwrap();
        assert!(id.contains("\r\nDaerah;Kab A-B, -1 =2;\r\n"), "{id}");
        let mut out = String::new();
        push_cell(&mut out, "-3.5", ',', false);
        assert_eq!(out, "-3.5");
    }

    #[test]
    fn refuses_what_is_not_an_assessment() {
        assert_eq!(
            write("{\"format\":\"kota-cerdas/masterplan\"}", Locale::En).unwrap_err()[0].code,
            "not_an_assessment"
        );
    }
}
