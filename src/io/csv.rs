//! CSV export of an assessment, for spreadsheets.
//!
//! It reads the assessment as JSON (what `assess` returned or a downloaded file, possibly from
//! an older version) rather than the Rust type, so any saved assessment can be exported.
//! One long table: `section, item, field, value, label`.
//! Indonesian: UTF-8 BOM, `;` separator, comma decimals (what Indonesian Excel opens
//! directly). English: `,` separator, point decimals.

use crate::io::json::{self, Node, Value};
use crate::model::code::Code;
use crate::model::problem::{Location, Problem, Problems};

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

    /// One row whose value is read from the assessment. Not inlined: the export has dozens
    /// of these, and building the five cells at each was most of its code.
    #[inline(never)]
    fn put(&mut self, section: &str, item: &str, field: &str, value: Option<&Node>, label: &str) {
        self.row(&[t(section), t(item), t(field), value_cell(value), t(label)]);
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
    let header = match locale {
        Locale::Id => ["bagian", "butir", "kolom", "nilai", "keterangan"],
        Locale::En => ["section", "item", "field", "value", "label"],
    };
    c.row(&header.map(t));

    // Provenance: every file names the engine, the method and the input.
    let meta = c.lang("info", "info").to_string();
    let engine = a.get("engine");
    let method = a.get("method");
    let region = a.get("region");
    let rows: Vec<(&str, Option<&Node>)> = vec![
        ("engine", engine.and_then(|e| e.get("name"))),
        ("engine_version", engine.and_then(|e| e.get("version"))),
        ("method", method.and_then(|m| m.get("id"))),
        ("method_version", method.and_then(|m| m.get("version"))),
        ("input_sha256", a.get("input_sha256")),
        ("region", region.and_then(|r| r.get("name"))),
        ("region_code", region.and_then(|r| r.get("code"))),
        ("region_kind", region.and_then(|r| r.get("kind"))),
        ("province", region.and_then(|r| r.get("province"))),
        ("year", a.get("year")),
    ];
    for (k, v) in rows {
        // The input hash only when the object carries it (the page and the CLI add it; the
        // engine's result has none since 2026-12).
        if k == "input_sha256" && v.is_none() {
            continue;
        }
        c.put(&meta, k, "value", v, "");
    }
    let sa = c
        .lang(
            "penilaian mandiri, bukan hasil resmi kementerian",
            "self-assessment, not an official ministry result",
        )
        .to_string();
    c.row(&[t(&meta), t("status"), t("value"), t(&sa), t("")]);

    let ev = a.get("evaluation");
    for k in ["index", "index_estimate", "improvement"] {
        c.put("evaluation", k, "value", ev.and_then(|e| e.get(k)), "");
    }
    let prev = ev.and_then(|e| e.get("previous"));
    c.put(
        "evaluation",
        "previous",
        "year",
        prev.and_then(|p| p.get("year")),
        "",
    );
    c.put(
        "evaluation",
        "previous",
        "index",
        prev.and_then(|p| p.get("index")),
        "",
    );
    for m in members(ev.and_then(|e| e.get("dimensions"))) {
        let formula = c.text_of(m.node.get("formula"));
        for k in ["score", "source", "weight", "computed_score"] {
            let label = if k == "score" {
                formula.clone()
            } else {
                String::new()
            };
            c.put("dimension", &m.key, k, m.node.get(k), &label);
        }
    }

    let imp = a.get("implementation");
    for m in members(imp.and_then(|i| i.get("pillars"))) {
        for k in ["planned", "implemented", "percent", "needed_for_target"] {
            c.put("pillar", &m.key, k, m.node.get(k), "");
        }
    }
    for k in ["planned", "implemented", "percent"] {
        c.put(
            "pillar",
            "overall",
            k,
            imp.and_then(|i| i.get("overall")).and_then(|o| o.get(k)),
            "",
        );
    }
    c.put(
        "pillar",
        "mean_of_pillars",
        "percent",
        imp.and_then(|i| i.get("mean_of_pillars")),
        "",
    );

    let qw = a.get("quick_wins");
    for k in [
        "due",
        "achieved",
        "on_time",
        "late",
        "sustained",
        "stopped",
        "pending",
        "percent",
    ] {
        c.put("quick_win", "all", k, qw.and_then(|q| q.get(k)), "");
    }
    for item in items(qw.and_then(|q| q.get("items"))) {
        let id = item
            .get("program_id")
            .and_then(|n| n.as_str())
            .unwrap_or("")
            .to_string();
        let name = item
            .get("name")
            .and_then(|n| n.as_str())
            .unwrap_or("")
            .to_string();
        for k in ["year", "status", "launched_year", "state", "score"] {
            c.put("quick_win", &id, k, item.get(k), &name);
        }
    }

    if let Some(r) = a.get("readiness").filter(|r| r.as_object().is_some()) {
        c.put("readiness", "overall", "score", r.get("score"), "");
        let cat = r.get("category");
        let label = if locale == Locale::Id {
            cat.and_then(|c| c.get("label"))
        } else {
            cat.and_then(|c| c.get("label_en"))
        };
        c.put("readiness", "overall", "category", label, "");
        for m in members(r.get("aspects")) {
            c.put("readiness", &m.key, "score", Some(&m.node), "");
        }
    }

    for m in members(a.get("national_indices")) {
        for k in [
            "value",
            "predicate",
            "grade",
            "category",
            "label",
            "label_en",
        ] {
            if let Some(v) = m.node.get(k) {
                c.put("national_index", &m.key, k, Some(v), "");
            }
        }
    }

    for f in items(a.get("findings")) {
        let msg = c.text_of(f.get("message"));
        let code = f
            .get("code")
            .and_then(|n| n.as_str())
            .unwrap_or("")
            .to_string();
        c.row(&[
            t("finding"),
            Cell::Text(code),
            value_cell(f.get("severity")),
            value_cell(f.get("path")),
            Cell::Text(msg),
        ]);
    }
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
      "input_sha256":"ab","region":{"name":"Kab; \"Uji\"","kind":"kabupaten"},"year":2022,
      "implementation":{"pillars":{"governance":{"planned":7,"implemented":6,"percent":85.71,"needed_for_target":0}},"overall":{"planned":7,"implemented":6,"percent":85.71},"mean_of_pillars":85.71},
      "quick_wins":{"due":1,"achieved":1,"on_time":1,"percent":100,"items":[{"program_id":"QW-1","name":"=cmd()","year":2022,"status":"launched","launched_year":2022,"state":"on_time","score":4}]},
      "evaluation":{"dimensions":{"outcome":{"score":3.57,"source":"computed","weight":0.3,"formula":{"id":"Outcome = 1 + 3 × 85,71 ÷ 100","en":"Outcome = 1 + 3 × 85.71 ÷ 100"}}},"index":null,"index_estimate":3.57,"improvement":null},
      "findings":[{"severity":"warning","code":"x","path":"/programs/0","message":{"id":"Perbaiki, segera","en":"Fix it"}}]}"#;

    #[test]
    fn indonesian_csv_has_bom_semicolons_and_comma_decimals() {
        let out = write(MINI, Locale::Id).unwrap();
        assert!(out.starts_with("\u{feff}bagian;butir;kolom;nilai;keterangan\r\n"));
        assert!(
            out.contains("pillar;governance;percent;85,71;\r\n"),
            "{out}"
        );
        assert!(
            out.contains("info;region;value;\"Kab; \"\"Uji\"\"\";\r\n"),
            "{out}"
        );
        assert!(
            out.contains("quick_win;QW-1;state;on_time;'=cmd()\r\n"),
            "{out}"
        );
        assert!(
            out.contains("dimension;outcome;score;3,57;Outcome = 1 + 3 × 85,71 ÷ 100\r\n"),
            "{out}"
        );
        assert!(out.contains("finding;x;warning;/programs/0;Perbaiki, segera\r\n"));
    }

    #[test]
    fn english_csv_has_commas_and_points() {
        let out = write(MINI, Locale::En).unwrap();
        assert!(out.starts_with("section,item,field,value,label\r\n"));
        assert!(out.contains("pillar,governance,percent,85.71,\r\n"));
        assert!(out.contains("finding,x,warning,/programs/0,Fix it\r\n"));
    }

    #[test]
    fn formula_triggers_are_defused_after_any_separator_in_both_locales() {
        // A name with the other dialect's separator: "Kab X,=1+1," in the `;` file opened
        // with `,` (and the reverse) must not start a cell with a formula.
        let with = |name: &str| MINI.replace("Kab; \\\"Uji\\\"", name);
        let id = write(&with("Kab X,=1+1,"), Locale::Id).unwrap();
        assert!(id.contains("info;region;value;Kab X,'=1+1,;\r\n"), "{id}");
        let en = write(&with("Kab X,=1+1,"), Locale::En).unwrap();
        assert!(
            en.contains("info,region,value,\"Kab X,'=1+1,\",\r\n"),
            "{en}"
        );
        let en = write(&with("Kab X;@SUM(A1);-2\\t+3\\n=4"), Locale::En).unwrap();
        assert!(
            en.contains("info,region,value,\"Kab X;'@SUM(A1);'-2\t'+3\n'=4\",\r\n"),
            "{en}"
        );
        let id = write(&with("=1+1"), Locale::Id).unwrap();
        assert!(id.contains("info;region;value;'=1+1;\r\n"), "{id}");
        // Inside a text, a trigger after a letter or a space is left alone; numbers too.
        let id = write(&with("Kab A-B, -1 =2"), Locale::Id).unwrap();
        assert!(id.contains("info;region;value;Kab A-B, -1 =2;\r\n"), "{id}");
        let mut out = String::new();
        push_cell(&mut out, "-3.5", ',', false);
        assert_eq!(out, "-3.5");
    }

    #[test]
    fn the_input_hash_row_only_when_the_assessment_carries_it() {
        let out = write(MINI, Locale::Id).unwrap();
        assert!(out.contains("info;input_sha256;value;ab;\r\n"), "{out}");
        let out = write(&MINI.replace("\"input_sha256\":\"ab\",", ""), Locale::Id).unwrap();
        assert!(!out.contains("input_sha256"), "{out}");
        assert!(
            out.contains("info;method_version;value;1.0.0;\r\ninfo;region;"),
            "{out}"
        );
    }

    #[test]
    fn refuses_what_is_not_an_assessment() {
        assert_eq!(
            write("{\"format\":\"kota-cerdas/masterplan\"}", Locale::En).unwrap_err()[0].code,
            "not_an_assessment"
        );
    }
}
