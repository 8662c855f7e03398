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
    Aspect, Dimension, Horizon, Pillar, ProgramStatus, QuickWinStatus, RegionKind, Term,
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

enum Cell {
    Text(String),
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
        let raw = match c {
            Cell::Number(n) => match self.locale {
                Locale::Id => n.replace('.', ","),
                Locale::En => n.clone(),
            },
            Cell::Text(t) => {
                // A text starting like a formula would run in a spreadsheet: neutralise it.
                if t.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                    format!("'{t}")
                } else {
                    t.clone()
                }
            }
        };
        let needs_quotes = raw.contains([self.sep(), '"', '\n', '\r']);
        if needs_quotes {
            self.out.push('"');
            self.out.push_str(&raw.replace('"', "\"\""));
            self.out.push('"');
        } else {
            self.out.push_str(&raw);
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

    /// A summary row: what, value, note. Not inlined: the summary has dozens.
    #[inline(never)]
    fn put(&mut self, what: [&str; 2], value: Cell, note: &str) {
        let what = t(self.lang(what[0], what[1]));
        self.row(&[what, value, t(note)]);
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

    /// The label of a vocabulary id in the export's language (the id itself when unknown).
    fn term<T: Term>(&self, id: &str) -> Cell {
        t(label(T::IDS, T::LABELS, id).map_or(id, |l| self.lang(l.0, l.1)))
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

fn s<'n>(n: Option<&'n Node<'n>>) -> &'n str {
    n.and_then(|n| n.as_str()).unwrap_or("")
}

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
    summary(&mut c, &a);
    dimensions(&mut c, &a);
    pillars(&mut c, &a);
    programs(&mut c, &a);
    quick_wins(&mut c, &a);
    agencies(&mut c, &a);
    findings(&mut c, &a);
    Ok(c.out)
}

fn summary(c: &mut Csv, a: &Node) {
    c.table(
        ["Ringkasan", "Summary"],
        &[
            ["Butir", "Item"],
            ["Nilai", "Value"],
            ["Keterangan", "Note"],
        ],
    );
    // Provenance: every file names the engine, the method and, when given, the input.
    let engine = a.get("engine");
    let method = a.get("method");
    let region = a.get("region");
    let both = |x: Option<&Node>, y: Option<&Node>| format!("{} {}", s(x), s(y));
    let e = both(
        engine.and_then(|e| e.get("name")),
        engine.and_then(|e| e.get("version")),
    );
    c.put(["Mesin penilai", "Engine"], t(&e), "");
    let m = both(
        method.and_then(|m| m.get("id")),
        method.and_then(|m| m.get("version")),
    );
    let name = c.text_of(method.and_then(|m| m.get("name")));
    c.put(["Metode", "Method"], t(&m), &name);
    if let Some(h) = a.get("input_sha256") {
        let v = c.val(Some(h));
        c.put(
            ["Sidik SHA-256 berkas masukan", "Input file SHA-256"],
            v,
            "",
        );
    }
    let r = |k| region.and_then(|r| r.get(k));
    c.put(["Daerah", "Region"], c.val(r("name")), "");
    c.put(["Kode wilayah", "Region code"], c.val(r("code")), "");
    let kind = c.term::<RegionKind>(s(r("kind")));
    c.put(["Jenis daerah", "Region kind"], kind, "");
    c.put(["Provinsi", "Province"], c.val(r("province")), "");
    c.put(
        ["Tahun evaluasi", "Evaluation year"],
        c.val(a.get("year")),
        "",
    );
    let sa = c.lang(
        "penilaian mandiri, bukan hasil resmi kementerian",
        "self-assessment, not an official ministry result",
    );
    c.put(["Sifat hasil", "Status"], t(sa), "");

    let ev = a.get("evaluation");
    let e = |k| ev.and_then(|e| e.get(k));
    let formula = c.text_of(e("formula"));
    c.put(
        ["Indeks Pencapaian", "Achievement index"],
        c.val(e("index")),
        &formula,
    );
    if e("index_estimate").is_some_and(|n| n.as_num().is_some()) {
        c.put(
            [
                "Perkiraan indeks (sebagian dimensi)",
                "Index estimate (some dimensions)",
            ],
            c.val(e("index_estimate")),
            &formula,
        );
    }
    let prev = e("previous");
    if let Some(p) = prev.filter(|p| p.as_object().is_some()) {
        let year = p
            .get("year")
            .and_then(|y| y.as_num())
            .map(|y| y.to_plain())
            .unwrap_or_default();
        c.put(
            ["Indeks tahun sebelumnya", "Previous index"],
            c.val(p.get("index")),
            &year,
        );
        c.put(
            ["Kenaikan indeks", "Index change"],
            c.val(e("improvement")),
            "",
        );
    }

    let imp = a.get("implementation");
    let i = |k| imp.and_then(|i| i.get(k));
    let overall = i("overall");
    c.put(
        [
            "Capaian implementasi semua program (%)",
            "Implementation, all programs (%)",
        ],
        c.val(overall.and_then(|o| o.get("percent"))),
        "",
    );
    c.put(
        ["Rata-rata capaian pilar (%)", "Mean of pillar rates (%)"],
        c.val(i("mean_of_pillars")),
        "",
    );
    c.put(
        ["Target capaian per pilar (%)", "Target rate per pillar (%)"],
        c.val(i("target_percent")),
        "",
    );

    let qw = a.get("quick_wins");
    for (k, l) in [
        ("due", ["Quick win jatuh tempo", "Quick wins due"]),
        ("achieved", ["Quick win tercapai", "Quick wins achieved"]),
        ("on_time", ["Quick win tepat waktu", "Quick wins on time"]),
        ("late", ["Quick win terlambat", "Quick wins late"]),
        (
            "sustained",
            ["Quick win berkelanjutan", "Quick wins sustained"],
        ),
        ("stopped", ["Quick win dihentikan", "Quick wins stopped"]),
        (
            "pending",
            ["Quick win belum diluncurkan", "Quick wins not launched"],
        ),
        ("percent", ["Capaian quick win (%)", "Quick-win rate (%)"]),
    ] {
        c.put(l, c.val(qw.and_then(|q| q.get(k))), "");
    }

    if let Some(r) = a.get("readiness").filter(|r| r.as_object().is_some()) {
        let cat = r.get("category");
        let label = s(cat.and_then(|x| x.get(c.lang("label", "label_en")))).to_string();
        c.put(
            ["Kesiapan daerah", "Regional readiness"],
            c.val(r.get("score")),
            &label,
        );
        for m in members(r.get("aspects")) {
            let aspect = c.term::<Aspect>(m.name());
            let Cell::Text(name) = aspect else { continue };
            let what = format!("{} {name}", c.lang("Kesiapan aspek", "Readiness:"));
            c.row(&[t(&what), c.val(Some(&m.node)), t("")]);
        }
    }

    for m in members(a.get("national_indices")) {
        let n = &m.node;
        if n.as_object().is_none() {
            continue;
        }
        let name = match m.name() {
            "spbe" => ["Indeks SPBE", "SPBE index"],
            "pemdi" => [
                "Indeks Pemerintah Digital (Pemdi)",
                "Digital government index (Pemdi)",
            ],
            "sakip" => ["Nilai SAKIP", "SAKIP score"],
            "ikm" => [
                "Indeks Kepuasan Masyarakat (IKM)",
                "Public satisfaction index (IKM)",
            ],
            "ipm" => [
                "Indeks Pembangunan Manusia (IPM)",
                "Human development index (IPM)",
            ],
            "bpk_opinion" => ["Opini BPK", "BPK audit opinion"],
            _ => continue,
        };
        let note = match (n.get("grade"), locale_label(c, n)) {
            (Some(g), l) => format!("{} ({l})", s(Some(g))),
            (None, l) => l,
        };
        c.put(name, c.val(n.get("value")), &note);
    }

    let fc = a.get("finding_counts");
    for (k, l) in [
        ("critical", ["Temuan kritis", "Critical findings"]),
        ("warning", ["Temuan peringatan", "Warnings"]),
        ("info", ["Saran", "Suggestions"]),
    ] {
        c.put(l, c.val(fc.and_then(|f| f.get(k))), "");
    }
}

/// A national index's predicate, grade label or category in the export's language.
fn locale_label(c: &Csv, n: &Node) -> String {
    let key = match c.locale {
        Locale::En => "label_en",
        Locale::Id => {
            if n.get("predicate").is_some() {
                "predicate"
            } else if n.get("category").is_some() {
                "category"
            } else {
                "label"
            }
        }
    };
    s(n.get(key)).to_string()
}

fn dimensions(c: &mut Csv, a: &Node) {
    c.table(
        ["Dimensi penilaian", "Evaluation dimensions"],
        &[
            ["Dimensi", "Dimension"],
            ["Nilai", "Score"],
            ["Sumber", "Source"],
            ["Bobot", "Weight"],
            ["Nilai dari bukti berkas", "Score from the file's evidence"],
            ["Cara menghitung", "How it is computed"],
        ],
    );
    let ev = a.get("evaluation");
    for m in members(ev.and_then(|e| e.get("dimensions"))) {
        let n = &m.node;
        let mut how = c.text_of(n.get("formula"));
        // Impact: each pillar's survey and indicator halves.
        for p in items(n.get("pillars")) {
            how.push_str("; ");
            how.push_str(&c.text_of(p.get("formula")));
        }
        let row = [
            c.term::<Dimension>(m.name()),
            c.val(n.get("score")),
            c.term::<ScoreSource>(s(n.get("source"))),
            c.val(n.get("weight")),
            c.val(n.get("computed_score")),
            Cell::Text(how),
        ];
        c.row(&row);
    }
}

fn pillars(c: &mut Csv, a: &Node) {
    c.table(
        [
            "Capaian implementasi per pilar",
            "Implementation per pillar",
        ],
        &[
            ["Pilar", "Pillar"],
            ["Program direncanakan", "Programs planned"],
            ["Program berjalan", "Programs running"],
            ["Capaian (%)", "Rate (%)"],
            ["Di bawah target", "Below target"],
            [
                "Program berjalan yang masih diperlukan",
                "More running programs needed",
            ],
        ],
    );
    let imp = a.get("implementation");
    let row = |c: &mut Csv, name: Cell, n: Option<&Node>| {
        let g = |k| n.and_then(|n| n.get(k));
        let cells = [
            name,
            c.val(g("planned")),
            c.val(g("implemented")),
            c.val(g("percent")),
            c.val(g("below_target")),
            c.val(g("needed_for_target")),
        ];
        c.row(&cells);
    };
    for m in members(imp.and_then(|i| i.get("pillars"))) {
        let name = c.term::<Pillar>(m.name());
        row(c, name, Some(&m.node));
    }
    let all = t(c.lang("Semua pilar", "All pillars"));
    row(c, all, imp.and_then(|i| i.get("overall")));
}

fn programs(c: &mut Csv, a: &Node) {
    c.table(
        ["Daftar program", "Programs"],
        &[
            ["Kode", "Code"],
            ["Nama program", "Program name"],
            ["Pilar", "Pillar"],
            ["OPD penanggung jawab", "Lead agency (OPD)"],
            ["Jangka", "Term"],
            ["Status", "Status"],
            ["Dihitung", "Counted"],
            ["Terlaksana", "Implemented"],
            ["Alasan tidak dihitung", "Why not counted"],
        ],
    );
    let imp = a.get("implementation");
    for p in items(imp.and_then(|i| i.get("programs"))) {
        let reason = match p.get("not_counted").filter(|n| n.as_str().is_some()) {
            Some(n) => c.term::<NotCounted>(s(Some(n))),
            None => t(""),
        };
        let cells = [
            c.val(p.get("id")),
            c.val(p.get("name")),
            c.term::<Pillar>(s(p.get("pillar"))),
            c.val(p.get("lead_agency")),
            c.term::<Horizon>(s(p.get("horizon"))),
            c.term::<ProgramStatus>(s(p.get("status"))),
            c.val(p.get("counted")),
            c.val(p.get("implemented")),
            reason,
        ];
        c.row(&cells);
    }
}

fn quick_wins(c: &mut Csv, a: &Node) {
    c.table(
        ["Quick win", "Quick wins"],
        &[
            ["Kode", "Code"],
            ["Nama program", "Program name"],
            ["Tahun jadwal", "Year due"],
            ["Status", "Status"],
            ["Tahun diluncurkan", "Year launched"],
            ["Keadaan", "State"],
            ["Nilai", "Score"],
            ["Cara menilai", "How it is scored"],
        ],
    );
    for q in items(a.get("quick_wins").and_then(|q| q.get("items"))) {
        let cells = [
            c.val(q.get("program_id")),
            c.val(q.get("name")),
            c.val(q.get("year")),
            c.term::<QuickWinStatus>(s(q.get("status"))),
            c.val(q.get("launched_year")),
            c.term::<State>(s(q.get("state"))),
            c.val(q.get("score")),
            Cell::Text(c.text_of(q.get("rule"))),
        ];
        c.row(&cells);
    }
}

fn agencies(c: &mut Csv, a: &Node) {
    c.table(
        ["Capaian per OPD", "Per agency (OPD)"],
        &[
            ["OPD", "Agency (OPD)"],
            ["Program direncanakan", "Programs planned"],
            ["Program berjalan", "Programs running"],
            ["Capaian (%)", "Rate (%)"],
            ["Quick win jatuh tempo", "Quick wins due"],
            ["Quick win tercapai", "Quick wins achieved"],
            ["Temuan", "Findings"],
        ],
    );
    for g in items(a.get("agencies")) {
        let rate = g.get("rate");
        let qw = g.get("quick_wins");
        let cells = [
            Cell::Text(c.text_of(g.get("label"))),
            c.val(rate.and_then(|r| r.get("planned"))),
            c.val(rate.and_then(|r| r.get("implemented"))),
            c.val(rate.and_then(|r| r.get("percent"))),
            c.val(qw.and_then(|r| r.get("due"))),
            c.val(qw.and_then(|r| r.get("achieved"))),
            c.val(g.get("findings")),
        ];
        c.row(&cells);
    }
}

fn findings(c: &mut Csv, a: &Node) {
    c.table(
        ["Temuan", "Findings"],
        &[
            ["Tingkat", "Severity"],
            ["Pilar", "Pillar"],
            ["OPD", "Agency (OPD)"],
            ["Tentang", "Concerns"],
            ["Temuan dan tindak lanjut", "Finding and what to do"],
            ["Program yang dapat dijalankan", "Programs that could run"],
        ],
    );
    let labels = |list: Option<&Node>| {
        items(list)
            .iter()
            .map(|i| s(i.get("label")))
            .collect::<Vec<_>>()
            .join("; ")
    };
    for f in items(a.get("findings")) {
        let about = match f.get("subject") {
            Some(sub) => s(sub.get("label")).to_string(),
            None => labels(f.get("items")),
        };
        let pillar = match f.get("pillar") {
            Some(p) => c.term::<Pillar>(s(Some(p))),
            None => t(""),
        };
        let cells = [
            c.term::<Severity>(s(f.get("severity"))),
            pillar,
            c.val(f.get("agency")),
            Cell::Text(about),
            Cell::Text(c.text_of(f.get("message"))),
            Cell::Text(labels(f.get("candidates"))),
        ];
        c.row(&cells);
    }
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
    fn refuses_what_is_not_an_assessment() {
        assert_eq!(
            write("{\"format\":\"kota-cerdas/masterplan\"}", Locale::En).unwrap_err()[0].code,
            "not_an_assessment"
        );
    }
}
