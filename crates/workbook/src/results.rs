//! The results of an assessment as a workbook, for the regency office that acts on them:
//! **Ringkasan** (summary: the index, its dimensions, the key rates, provenance), **Pilar**,
//! **Quick win**, **Temuan** (the findings as an action plan: OPD, finding, severity, and
//! empty columns for the follow-up, its deadline and the person in charge), **Per OPD** and
//! **Program** (each program and how it counts). English sheet names and headers with
//! [`Locale::En`].
//!
//! Like the engine's CSV export, it reads the assessment as JSON (what `assess` returned, or
//! a downloaded assessment), not the Rust type: the page hands over exactly what it shows,
//! and this module does not link the engine's scoring (about 30 KiB of brotli).
//!
//! Every number is a number cell holding the assessment's value, with a display format
//! (`0.00` for scores, `0.00 "%"` for percentages of 0–100, `#,##0` for counts, `0` for
//! years): Excel and LibreOffice show them with the reader's separators (3,37 and 85,71 % in
//! Indonesian), so nothing depends on the CSV's `;`/`,` convention. Every label of a closed
//! set (pillar, status, severity …) is the engine's own (the `label()` tables that
//! `vocabularies()` publishes).

use rust_xlsxwriter::{Color, Format, FormatBorder, Workbook, Worksheet, XlsxError};

use kota_cerdas_mandiri::engine::{self, Options};
use kota_cerdas_mandiri::io::json::{self, Member, Node, Value};
use kota_cerdas_mandiri::io::json_out;
use kota_cerdas_mandiri::model::framework::{
    label_at, Dimension, Horizon, Pillar, ProgramStatus, QuickWinStatus, RegionKind, SubDimension,
    Term,
};
use kota_cerdas_mandiri::score::evaluation::ScoreSource;
use kota_cerdas_mandiri::score::findings::Severity;
use kota_cerdas_mandiri::score::implementation::NotCounted;
use kota_cerdas_mandiri::score::national::NationalIndex;
use kota_cerdas_mandiri::score::quick_wins::State;

use crate::lists::List;
use crate::problem::WorkbookProblem;
use crate::Locale;

/// The sheets, in order (Bahasa Indonesia, English).
pub const SHEETS: [(&str, &str); 6] = [
    ("Ringkasan", "Summary"),
    ("Pilar", "Pillars"),
    ("Quick win", "Quick wins"),
    ("Temuan", "Findings"),
    ("Per OPD", "Per agency"),
    ("Program", "Programs"),
];

/// Excel number formats (separators follow the reader's locale).
const SCORE: &str = "0.00";
const PERCENT: &str = "0.00\" %\"";
const COUNT: &str = "#,##0";
const YEAR: &str = "0";
const SIGNED: &str = "+0.00;-0.00;0.00";
const DATE: &str = "dd/mm/yyyy";
/// A value given as is (a national index as quoted; a count that may be a sum of progress
/// shares: 3 or 3.5).
const GENERAL: &str = "General";

/// A place in the assessment's JSON tree, possibly absent.
#[derive(Clone, Copy)]
struct N<'a>(Option<&'a Node<'a>>);

impl<'a> N<'a> {
    fn get(self, key: &str) -> N<'a> {
        N(self.0.and_then(|n| n.get(key)))
    }

    fn at(self, i: usize) -> N<'a> {
        N(self.0.and_then(|n| n.as_array()).and_then(|a| a.get(i)))
    }

    fn items(self) -> &'a [Node<'a>] {
        self.0.and_then(|n| n.as_array()).unwrap_or(&[])
    }

    fn members(self) -> &'a [Member<'a>] {
        self.0.and_then(|n| n.as_object()).unwrap_or(&[])
    }

    fn str(self) -> Option<&'a str> {
        self.0.and_then(|n| n.as_str())
    }

    /// This place if present, else `other`.
    fn or(self, other: N<'a>) -> N<'a> {
        if self.0.is_some() {
            self
        } else {
            other
        }
    }

    fn f64(self) -> Option<f64> {
        match &self.0?.value {
            Value::Number(t) => t.parse().ok().filter(|f: &f64| f.is_finite()),
            _ => None,
        }
    }

    fn bool(self) -> Option<bool> {
        match &self.0?.value {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    fn usize(self) -> Option<usize> {
        self.f64()
            .filter(|f| *f >= 0.0 && f.fract() == 0.0)
            .map(|f| f as usize)
    }
}

/// A cell of the results.
enum V {
    Text(String),
    Num(f64, &'static str),
    Empty,
}

fn text(s: impl Into<String>) -> V {
    V::Text(s.into())
}

struct Out {
    locale: Locale,
    header: Format,
    bold: Format,
    wrap: Format,
    note: Format,
}

impl Out {
    /// The writer of one workbook in `locale`, with its cell formats: header (bold, wrapped,
    /// light blue, thin bottom border), bold, wrapped and note (grey italic, wrapped).
    fn new(locale: Locale) -> Self {
        Out {
            locale,
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_background_color(Color::RGB(0xDDEBF7))
                .set_border_bottom(FormatBorder::Thin),
            bold: Format::new().set_bold(),
            wrap: Format::new().set_text_wrap(),
            note: Format::new()
                .set_italic()
                .set_text_wrap()
                .set_font_color(Color::RGB(0x595959)),
        }
    }

    fn t<'a>(&self, id: &'a str, en: &'a str) -> &'a str {
        match self.locale {
            Locale::Id => id,
            Locale::En => en,
        }
    }

    /// A bilingual `{ id, en }` (or a plain string) in the locale.
    fn said(&self, n: N) -> String {
        let key = self.t("id", "en");
        n.get(key)
            .str()
            .or_else(|| n.get("id").str())
            .or_else(|| n.str())
            .unwrap_or_default()
            .to_string()
    }

    /// The engine's label of an id of the closed set `T` (the id itself if it is not one).
    fn term<T: Term>(&self, n: N) -> V {
        let Some(id) = n.str() else { return V::Empty };
        text(self.label_of::<T>(id))
    }

    fn label_of<T: Term>(&self, id: &str) -> String {
        match T::IDS.iter().position(|x| *x == id) {
            Some(i) => {
                let l = label_at(T::LABELS, i);
                self.t(&l.id, &l.en).to_string()
            }
            None => id.to_string(),
        }
    }

    fn num(&self, n: N, format: &'static str) -> V {
        n.f64().map_or(V::Empty, |f| V::Num(f, format))
    }

    fn str(&self, n: N) -> V {
        n.str().map_or(V::Empty, text)
    }

    /// "Ya"/"Tidak" ("Yes"/"No"): the workbook's yes/no list, as in the template.
    fn yes_no(&self, n: N) -> V {
        let Some(b) = n.bool() else { return V::Empty };
        let items = List::YesNo.items();
        items.get(usize::from(!b)).map_or(V::Empty, |item| {
            text(self.t(&item.label.id, &item.label.en))
        })
    }

    /// A number in a note, with the locale's decimal separator.
    fn n(&self, n: N) -> String {
        let t = match n.0.map(|n| &n.value) {
            Some(Value::Number(t)) => t.to_string(),
            _ => return "—".into(),
        };
        match self.locale {
            Locale::Id => t.replace('.', ","),
            Locale::En => t,
        }
    }

    fn put(&self, ws: &mut Worksheet, row: u32, col: u16, v: &V) -> Result<(), XlsxError> {
        match v {
            V::Text(s) if s.is_empty() => {}
            V::Text(s) => {
                ws.write_string_with_format(row, col, s, &self.wrap)?;
            }
            V::Num(n, f) => {
                ws.write_number_with_format(row, col, *n, &Format::new().set_num_format(*f))?;
            }
            V::Empty => {}
        }
        Ok(())
    }

    /// A table from `row`: a header row (frozen when it is the first row), then the rows,
    /// with a filter. Returns the row after it.
    fn table(
        &self,
        ws: &mut Worksheet,
        row: u32,
        headers: &[(&str, &str, f64)],
        rows: &[Vec<V>],
    ) -> Result<u32, XlsxError> {
        for (c, (id, en, width)) in headers.iter().enumerate() {
            ws.write_string_with_format(row, c as u16, self.t(id, en), &self.header)?;
            ws.set_column_width(c as u16, *width)?;
        }
        for (r, cells) in rows.iter().enumerate() {
            for (c, v) in cells.iter().enumerate() {
                self.put(ws, row + 1 + r as u32, c as u16, v)?;
            }
        }
        let last = row + rows.len() as u32;
        if !rows.is_empty() {
            ws.autofilter(row, 0, last, headers.len() as u16 - 1)?;
        }
        if row == 0 {
            ws.set_freeze_panes(1, 0)?;
        }
        Ok(last + 1)
    }

    /// The label of an agency group (its name, or the programs without a lead agency).
    fn agency(&self, a: N, index: N) -> V {
        match index.usize() {
            Some(i) => text(self.said(a.get("agencies").at(i).get("label"))),
            None => V::Empty,
        }
    }
}

fn xlsx_error(e: XlsxError) -> WorkbookProblem {
    WorkbookProblem::file(
        "write_failed",
        format!("Workbook hasil tidak dapat ditulis: {e}."),
        format!("The results workbook could not be written: {e}."),
    )
}

fn not_an_assessment() -> WorkbookProblem {
    WorkbookProblem::file(
        "not_an_assessment",
        "Ini bukan hasil penilaian Kota Cerdas Mandiri; workbook hasil memerlukan hasil assess().".into(),
        "This is not a Kota Cerdas Mandiri assessment; the results workbook needs the result of assess().".into(),
    )
}

/// Assesses a masterplan text with `options` and writes its results workbook (what the CLI
/// does); the engine's problems, unlocated, when the text cannot be assessed.
pub fn results(
    text: &str,
    options: &Options,
    locale: Locale,
) -> Result<Vec<u8>, Vec<WorkbookProblem>> {
    let a = engine::assess(text, options).map_err(|problems| {
        problems
            .into_iter()
            .map(|p| WorkbookProblem::at(p.severity, p.code, p.path, None, p.message))
            .collect::<Vec<_>>()
    })?;
    // What the page hands over: the assessment as JSON.
    let json = json_out::to_string(&a).unwrap_or_default();
    write_assessment(&json, Some(text), locale).map_err(|p| vec![p])
}

/// The results workbook (.xlsx bytes) of an assessment given as JSON text (what `assess`
/// returned, or an assessment the page downloaded). `masterplan`, the masterplan it was made
/// from as JSON text, gives the programs' names and details; without it, the assessment's
/// own `masterplan` member (a downloaded assessment carries one) is used.
pub fn write_assessment(
    assessment: &str,
    masterplan: Option<&str>,
    locale: Locale,
) -> Result<Vec<u8>, WorkbookProblem> {
    let strip = |t: &'_ str| t.strip_prefix('\u{feff}').unwrap_or(t).to_string();
    let assessment = strip(assessment);
    let root = json::parse(&assessment)
        .ok()
        .filter(|r| r.get("evaluation").is_some() && r.get("implementation").is_some())
        .ok_or_else(not_an_assessment)?;
    let masterplan = masterplan.map(strip);
    let given = masterplan.as_deref().and_then(|t| json::parse(t).ok());
    let a = N(Some(&root));
    let mp = match &given {
        Some(m) => N(Some(m)),
        None => a.get("masterplan"),
    };
    let o = Out::new(locale);
    let mut wb = Workbook::new();
    let sheets: [SheetFn; 6] = [summary, pillars, quick_wins, findings, agencies, programs];
    for (make, name) in sheets.iter().zip(SHEETS) {
        let mut ws = make(&o, a, mp).map_err(xlsx_error)?;
        ws.set_name(o.t(name.0, name.1)).map_err(xlsx_error)?;
        wb.push_worksheet(ws);
    }
    wb.save_to_buffer().map_err(xlsx_error)
}

/// One sheet of the results, unnamed: from the assessment and the masterplan.
type SheetFn = fn(&Out, N, N) -> Result<Worksheet, XlsxError>;

fn summary(o: &Out, a: N, _: N) -> Result<Worksheet, XlsxError> {
    let mut ws = Worksheet::new();
    let ev = a.get("evaluation");
    let imp = a.get("implementation");
    let qw = a.get("quick_wins");
    let region = a.get("region");
    let none = String::new;
    let mut rows: Vec<(String, V, String)> = vec![
        (
            o.t("Daerah", "Region").into(),
            o.str(region.get("name")),
            none(),
        ),
        (
            o.t("Jenis daerah", "Region kind").into(),
            o.term::<RegionKind>(region.get("kind")),
            none(),
        ),
        (
            o.t("Provinsi", "Province").into(),
            o.str(region.get("province")),
            none(),
        ),
        (
            o.t("Kode wilayah", "Region code").into(),
            o.str(region.get("code")),
            none(),
        ),
        (
            o.t("Tahun evaluasi", "Evaluation year").into(),
            o.num(a.get("year"), YEAR),
            none(),
        ),
        (
            o.t("Indeks Pencapaian (1–4)", "Indeks Pencapaian (1–4)")
                .into(),
            o.num(ev.get("index"), SCORE),
            o.said(ev.get("formula")),
        ),
    ];
    if ev.get("index").f64().is_none() {
        rows.push((
            o.t(
                "Indeks Pencapaian — perkiraan",
                "Indeks Pencapaian — estimate",
            )
            .into(),
            o.num(ev.get("index_estimate"), SCORE),
            o.t(
                "dari dimensi yang ada datanya (bobot dinormalkan ulang)",
                "from the dimensions with data (weights renormalised)",
            )
            .into(),
        ));
    }
    let prev = ev.get("previous");
    if let Some(year) = prev.get("year").f64() {
        rows.push((
            format!("{} {year}", o.t("Indeks tahun", "Index of")),
            o.num(prev.get("index"), SCORE),
            none(),
        ));
        rows.push((
            format!("{} {year}", o.t("Perubahan dibanding", "Change from")),
            o.num(ev.get("improvement"), SIGNED),
            none(),
        ));
    }
    let overall = imp.get("overall");
    rows.push((
        o.t(
            "Capaian program (semua pilar)",
            "Programs implemented (all pillars)",
        )
        .into(),
        o.num(overall.get("percent"), PERCENT),
        format!(
            "{} {} {} {}",
            o.n(overall.get("implemented")),
            o.t("dari", "of"),
            o.n(overall.get("planned")),
            o.t("program berjalan", "programs running")
        ),
    ));
    rows.push((
        o.t("Rata-rata capaian pilar", "Mean of the pillars").into(),
        o.num(imp.get("mean_of_pillars"), PERCENT),
        none(),
    ));
    rows.push((
        o.t("Target capaian per pilar", "Target per pillar").into(),
        o.num(imp.get("target_percent"), PERCENT),
        none(),
    ));
    rows.push((
        o.t("Quick win tercapai", "Quick wins achieved").into(),
        o.num(qw.get("percent"), PERCENT),
        format!(
            "{} {} {} {}",
            o.n(qw.get("achieved")),
            o.t("dari", "of"),
            o.n(qw.get("due")),
            o.t("jatuh tempo", "due")
        ),
    ));
    let readiness = a.get("readiness");
    if readiness.get("score").f64().is_some() {
        let cat = readiness.get("category");
        rows.push((
            o.t("Kesiapan daerah (1–4)", "Regional readiness (1–4)")
                .into(),
            o.num(readiness.get("score"), SCORE),
            o.t(
                cat.get("label").str().unwrap_or_default(),
                cat.get("label_en").str().unwrap_or_default(),
            )
            .to_string(),
        ));
    }
    // The national indices the file quotes, with their official predicate or grade.
    for m in a.get("national_indices").members() {
        let x = N(Some(&m.node));
        let label = x.get("predicate").or(x.get("category")).or(x.get("label"));
        let mut note = o
            .t(
                label.str().unwrap_or_default(),
                x.get("label_en").str().unwrap_or_default(),
            )
            .to_string();
        if let Some(g) = x.get("grade").str().filter(|g| !g.is_empty()) {
            note = format!("{g} · {note}");
        }
        let value = match x.get("value").str() {
            Some(s) => text(s),
            None => o.num(x.get("value"), GENERAL),
        };
        rows.push((o.label_of::<NationalIndex>(m.name()), value, note));
    }
    let counts = a.get("finding_counts");
    for sev in [Severity::Critical, Severity::Warning, Severity::Info] {
        rows.push((
            format!(
                "{}: {}",
                o.t("Temuan", "Findings"),
                o.label_of::<Severity>(sev.id())
            ),
            o.num(counts.get(sev.id()), COUNT),
            none(),
        ));
    }
    let method = a.get("method");
    rows.push((
        o.t("Metode", "Method").into(),
        text(format!(
            "{} · {} v{}",
            o.said(method.get("name")),
            method.get("id").str().unwrap_or_default(),
            method.get("version").str().unwrap_or_default()
        )),
        none(),
    ));
    let engine = a.get("engine");
    rows.push((
        o.t("Mesin", "Engine").into(),
        text(format!(
            "{} {}",
            engine.get("name").str().unwrap_or_default(),
            engine.get("version").str().unwrap_or_default()
        )),
        none(),
    ));
    rows.push((
        o.t("SHA-256 masukan", "Input SHA-256").into(),
        o.str(a.get("input_sha256")),
        none(),
    ));

    ws.write_string_with_format(0, 0, o.t("Butir", "Item"), &o.header)?;
    ws.write_string_with_format(0, 1, o.t("Nilai", "Value"), &o.header)?;
    ws.write_string_with_format(0, 2, o.t("Keterangan", "Note"), &o.header)?;
    ws.set_column_width(0, 38)?;
    ws.set_column_width(1, 22)?;
    ws.set_column_width(2, 20)?;
    ws.set_column_width(3, 20)?;
    ws.set_column_width(4, 70)?;
    ws.set_freeze_panes(1, 0)?;
    let mut r = 1;
    for (label, value, note) in &rows {
        ws.write_string_with_format(r, 0, label, &o.bold)?;
        o.put(&mut ws, r, 1, value)?;
        if !note.is_empty() {
            ws.write_string_with_format(r, 2, note, &o.note)?;
        }
        r += 1;
    }
    ws.write_string_with_format(
        r,
        0,
        o.t(
            "Penilaian mandiri, bukan hasil resmi Kementerian Komunikasi dan Digital.",
            "A self-assessment, not an official result of the Ministry of Communication and Digital Affairs.",
        ),
        &o.note,
    )?;

    // The five dimensions, below.
    let r = r + 2;
    let dims: Vec<Vec<V>> = ev
        .get("dimensions")
        .members()
        .iter()
        .map(|m| {
            let d = N(Some(&m.node));
            vec![
                text(o.label_of::<Dimension>(m.name())),
                o.num(d.get("score"), SCORE),
                o.num(d.get("weight"), SCORE),
                o.term::<ScoreSource>(d.get("source")),
                text(o.said(d.get("formula"))),
            ]
        })
        .collect();
    let headers = [
        o.t("Dimensi", "Dimension"),
        o.t("Skor (1–4)", "Score (1–4)"),
        o.t("Bobot", "Weight"),
        o.t("Sumber", "Source"),
        o.t("Cara hitung", "How it was computed"),
    ];
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(r, c as u16, *h, &o.header)?;
    }
    for (i, cells) in dims.iter().enumerate() {
        for (c, v) in cells.iter().enumerate() {
            o.put(&mut ws, r + 1 + i as u32, c as u16, v)?;
        }
    }
    Ok(ws)
}

fn pillars(o: &Out, a: N, _: N) -> Result<Worksheet, XlsxError> {
    let mut ws = Worksheet::new();
    let imp = a.get("implementation");
    let reasons = [
        NotCounted::Horizon,
        NotCounted::NotStarted,
        NotCounted::Cancelled,
    ];
    let mut rows: Vec<Vec<V>> = imp
        .get("pillars")
        .members()
        .iter()
        .map(|m| {
            let r = N(Some(&m.node));
            let mut row = vec![
                text(o.label_of::<Pillar>(m.name())),
                o.num(r.get("planned"), COUNT),
                o.num(r.get("implemented"), GENERAL),
                o.num(r.get("percent"), PERCENT),
                o.yes_no(r.get("below_target")),
                o.num(r.get("needed_for_target"), COUNT),
            ];
            for why in reasons {
                let n = r.get("not_counted").get(why.id());
                row.push(o.num(n, COUNT));
            }
            row
        })
        .collect();
    let overall = imp.get("overall");
    rows.push(vec![
        text(o.t("Semua pilar", "All pillars")),
        o.num(overall.get("planned"), COUNT),
        o.num(overall.get("implemented"), GENERAL),
        o.num(overall.get("percent"), PERCENT),
        o.yes_no(overall.get("below_target")),
        o.num(overall.get("needed_for_target"), COUNT),
    ]);
    rows.push(vec![
        text(o.t("Rata-rata pilar", "Mean of pillars")),
        V::Empty,
        V::Empty,
        o.num(imp.get("mean_of_pillars"), PERCENT),
    ]);
    let not: Vec<(String, String)> = reasons
        .iter()
        .map(|why| {
            let l = why.label();
            (
                format!("Tidak dihitung: {}", l.id),
                format!("Not counted: {}", l.en),
            )
        })
        .collect();
    let mut headers: Vec<(&str, &str, f64)> = vec![
        ("Pilar", "Pillar", 24.0),
        ("Direncanakan", "Planned", 13.0),
        ("Terlaksana", "Implemented", 13.0),
        ("Capaian (%)", "Rate (%)", 12.0),
        ("Di bawah target", "Below target", 12.0),
        (
            "Program lagi untuk target",
            "More programs to the target",
            16.0,
        ),
    ];
    headers.extend(not.iter().map(|(id, en)| (id.as_str(), en.as_str(), 18.0)));
    let next = o.table(&mut ws, 0, &headers, &rows)?;
    ws.write_string_with_format(
        next + 1,
        0,
        format!(
            "{} {} % — {}",
            o.t("Target per pilar:", "Target per pillar:"),
            o.n(imp.get("target_percent")),
            o.t(
                "program yang dihitung dan sudah dimulai; berjalan atau selesai dihitung terlaksana.",
                "programs counted that have started; running or completed counts as implemented.",
            )
        ),
        &o.note,
    )?;
    Ok(ws)
}

fn quick_wins(o: &Out, a: N, _: N) -> Result<Worksheet, XlsxError> {
    let mut ws = Worksheet::new();
    let qw = a.get("quick_wins");
    let rows: Vec<Vec<V>> = qw
        .get("items")
        .items()
        .iter()
        .map(|n| {
            let q = N(Some(n));
            vec![
                o.str(q.get("program_id")),
                o.str(q.get("name")),
                o.term::<Pillar>(q.get("pillar")),
                o.agency(a, q.get("agency_index")),
                o.num(q.get("year"), YEAR),
                o.term::<QuickWinStatus>(q.get("status")),
                o.num(q.get("launched_year"), YEAR),
                o.yes_no(q.get("due")),
                o.yes_no(q.get("achieved")),
                o.term::<State>(q.get("state")),
                o.num(q.get("score"), SCORE),
            ]
        })
        .collect();
    o.table(
        &mut ws,
        0,
        &[
            ("ID program", "Program ID", 12.0),
            ("Nama program", "Program name", 36.0),
            ("Pilar", "Pillar", 20.0),
            ("OPD", "Agency (OPD)", 22.0),
            ("Tahun target", "Due year", 10.0),
            ("Status", "Status", 16.0),
            ("Tahun diluncurkan", "Launch year", 12.0),
            ("Jatuh tempo", "Due", 10.0),
            ("Tercapai", "Achieved", 10.0),
            ("Keadaan", "State", 18.0),
            ("Skor (1–4)", "Score (1–4)", 10.0),
        ],
        &rows,
    )?;
    // Per due year, to the right.
    let c0 = 12u16;
    let heads = [
        o.t("Tahun target", "Due year"),
        o.t("Jatuh tempo", "Due"),
        o.t("Tercapai", "Achieved"),
        o.t("Capaian (%)", "Rate (%)"),
    ];
    for (i, h) in heads.iter().enumerate() {
        ws.write_string_with_format(0, c0 + i as u16, *h, &o.header)?;
        ws.set_column_width(c0 + i as u16, 12)?;
    }
    let years = qw.get("by_year").items().iter().map(|n| N(Some(n)));
    let rows = years
        .map(|y| (y, o.num(y.get("year"), YEAR)))
        .chain([(qw, text(o.t("Semua", "All")))]);
    for (r, (y, label)) in (1..).zip(rows) {
        o.put(&mut ws, r, c0, &label)?;
        o.put(&mut ws, r, c0 + 1, &o.num(y.get("due"), COUNT))?;
        o.put(&mut ws, r, c0 + 2, &o.num(y.get("achieved"), COUNT))?;
        o.put(&mut ws, r, c0 + 3, &o.num(y.get("percent"), PERCENT))?;
    }
    Ok(ws)
}

fn findings(o: &Out, a: N, _: N) -> Result<Worksheet, XlsxError> {
    let mut ws = Worksheet::new();
    let rows: Vec<Vec<V>> = a
        .get("findings")
        .items()
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let f = N(Some(n));
            vec![
                V::Num(i as f64 + 1.0, COUNT),
                o.agency(a, f.get("agency_index")),
                o.term::<Pillar>(f.get("pillar")),
                text(o.said(f.get("message"))),
                o.term::<Severity>(f.get("severity")),
                o.str(f.get("code")),
                o.str(f.get("path")),
            ]
        })
        .collect();
    o.table(
        &mut ws,
        0,
        &[
            ("No.", "No.", 5.0),
            ("OPD", "Agency (OPD)", 22.0),
            ("Pilar", "Pillar", 18.0),
            ("Temuan", "Finding", 70.0),
            ("Tingkat", "Severity", 12.0),
            ("Kode", "Code", 18.0),
            ("Lokasi di berkas", "Location in the file", 18.0),
            ("Tindak lanjut", "Follow-up", 40.0),
            ("Tenggat", "Deadline", 12.0),
            ("Penanggung jawab", "Person in charge", 24.0),
        ],
        &rows,
    )?;
    // The follow-up columns are for the office to fill: a date format for the deadline.
    ws.set_column_format(8, &Format::new().set_num_format(DATE))?;
    Ok(ws)
}

fn agencies(o: &Out, a: N, _: N) -> Result<Worksheet, XlsxError> {
    let mut ws = Worksheet::new();
    let rows: Vec<Vec<V>> = a
        .get("agencies")
        .items()
        .iter()
        .map(|n| {
            let g = N(Some(n));
            let rate = g.get("rate");
            vec![
                text(o.said(g.get("label"))),
                V::Num(g.get("program_indices").items().len() as f64, COUNT),
                o.num(rate.get("planned"), COUNT),
                o.num(rate.get("implemented"), GENERAL),
                o.num(rate.get("percent"), PERCENT),
                o.yes_no(rate.get("below_target")),
                o.num(rate.get("needed_for_target"), COUNT),
                o.num(g.get("quick_wins").get("due"), COUNT),
                o.num(g.get("quick_wins").get("achieved"), COUNT),
                o.num(g.get("findings"), COUNT),
            ]
        })
        .collect();
    o.table(
        &mut ws,
        0,
        &[
            ("OPD", "Agency (OPD)", 30.0),
            ("Program", "Programs", 10.0),
            ("Direncanakan", "Planned", 13.0),
            ("Terlaksana", "Implemented", 13.0),
            ("Capaian (%)", "Rate (%)", 12.0),
            ("Di bawah target", "Below target", 12.0),
            (
                "Program lagi untuk target",
                "More programs to the target",
                16.0,
            ),
            ("Quick win jatuh tempo", "Quick wins due", 14.0),
            ("Quick win tercapai", "Quick wins achieved", 14.0),
            ("Temuan", "Findings", 10.0),
        ],
        &rows,
    )?;
    Ok(ws)
}

fn programs(o: &Out, a: N, mp: N) -> Result<Worksheet, XlsxError> {
    let mut ws = Worksheet::new();
    let rows: Vec<Vec<V>> = a
        .get("implementation")
        .get("programs")
        .items()
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let c = N(Some(n));
            let p = mp.get("programs").at(i);
            vec![
                o.str(p.get("id")),
                o.str(p.get("name")),
                o.term::<Pillar>(p.get("pillar")),
                o.term::<SubDimension>(p.get("sub_dimension")),
                o.term::<Horizon>(p.get("horizon")),
                o.num(p.get("start_year"), YEAR),
                o.num(p.get("end_year"), YEAR),
                o.term::<ProgramStatus>(p.get("status")),
                o.num(p.get("progress_percent"), PERCENT),
                o.str(p.get("lead_agency")),
                o.yes_no(c.get("counted")),
                o.yes_no(c.get("implemented")),
                o.num(c.get("share"), GENERAL),
                o.term::<NotCounted>(c.get("not_counted")),
            ]
        })
        .collect();
    o.table(
        &mut ws,
        0,
        &[
            ("ID program", "Program ID", 12.0),
            ("Nama program", "Program name", 36.0),
            ("Pilar", "Pillar", 20.0),
            ("Sub-dimensi", "Sub-dimension", 22.0),
            ("Jangka waktu", "Time frame", 16.0),
            ("Tahun mulai", "Start year", 10.0),
            ("Tahun selesai", "End year", 10.0),
            ("Status", "Status", 16.0),
            ("Kemajuan (%)", "Progress (%)", 12.0),
            ("OPD penanggung jawab", "Lead agency (OPD)", 24.0),
            ("Dihitung", "Counted", 10.0),
            ("Terlaksana", "Implemented", 11.0),
            ("Sumbangan", "Share", 10.0),
            ("Alasan tidak dihitung", "Why not counted", 30.0),
        ],
        &rows,
    )?;
    Ok(ws)
}

/// The comparison of two files (what the comparison module's `compare()` returned, as JSON)
/// as a workbook of one sheet, **Perbandingan** (**Comparison**): the index, the five
/// dimensions, the rates and each pillar side by side with their change, then the index over
/// the years, the programs that changed status, were added or removed, and the quick wins that
/// changed. Numbers stay numbers; labels are the engine's.
pub fn write_comparison(comparison: &str, locale: Locale) -> Result<Vec<u8>, WorkbookProblem> {
    let root = json::parse(comparison.strip_prefix('\u{feff}').unwrap_or(comparison))
        .ok()
        .filter(|r| r.get("trend").is_some() && r.get("dimensions").is_some())
        .ok_or_else(|| {
            WorkbookProblem::file(
                "not_a_comparison",
                "Ini bukan hasil perbandingan Kota Cerdas Mandiri (compare()).".into(),
                "This is not a Kota Cerdas Mandiri comparison (compare()).".into(),
            )
        })?;
    let c = N(Some(&root));
    let o = Out::new(locale);
    let mut ws = Worksheet::new();
    let write = |ws: &mut Worksheet| -> Result<(), XlsxError> {
        let (yb, ya) = (
            o.n(c.get("before").get("year")),
            o.n(c.get("after").get("year")),
        );
        let title = format!(
            "{} — {} {yb} / {ya}",
            c.get("region").get("name").str().unwrap_or_default(),
            o.t("perbandingan", "comparison"),
        );
        ws.write_string_with_format(0, 0, title, &o.bold)?;
        let delta = |label: String, d: N, format: &'static str| {
            vec![
                text(label),
                o.num(d.get("before"), format),
                o.num(d.get("after"), format),
                o.num(d.get("delta"), SIGNED),
            ]
        };
        let mut rows = vec![delta(
            o.t("Indeks Pencapaian", "Achievement index").into(),
            c.get("index"),
            SCORE,
        )];
        for d in Dimension::ALL {
            rows.push(delta(
                o.label_of::<Dimension>(d.id()),
                c.get("dimensions").get(d.id()),
                SCORE,
            ));
        }
        rows.push(delta(
            o.t("Implementasi (gabungan)", "Implementation (pooled)")
                .into(),
            c.get("overall"),
            PERCENT,
        ));
        rows.push(delta(
            o.t("Rata-rata pilar", "Mean of pillars").into(),
            c.get("mean_of_pillars"),
            PERCENT,
        ));
        rows.push(delta(
            o.t("Capaian quick win", "Quick wins achieved").into(),
            c.get("quick_win_percent"),
            PERCENT,
        ));
        for p in Pillar::ALL {
            rows.push(delta(
                o.label_of::<Pillar>(p.id()),
                c.get("pillars").get(p.id()),
                PERCENT,
            ));
        }
        let (hb, ha) = (
            format!("{} {yb}", o.t("Sebelum", "Before")),
            format!("{} {ya}", o.t("Sesudah", "After")),
        );
        let mut next = o.table(
            ws,
            2,
            &[
                ("Butir", "Item", 34.0),
                (&hb, &hb, 14.0),
                (&ha, &ha, 14.0),
                ("Perubahan", "Change", 14.0),
            ],
            &rows,
        )?;
        let trend: Vec<Vec<V>> = c
            .get("trend")
            .items()
            .iter()
            .map(|p| {
                let p = N(Some(p));
                vec![
                    o.num(p.get("year"), YEAR),
                    o.num(p.get("index"), SCORE),
                    o.str(p.get("source")),
                ]
            })
            .collect();
        next = o.table(
            ws,
            next + 1,
            &[
                ("Tahun", "Year", 34.0),
                ("Indeks", "Index", 14.0),
                ("Sumber", "Source", 14.0),
            ],
            &trend,
        )?;
        let prog = |p: N| {
            format!(
                "{} · {}",
                p.get("id").str().unwrap_or_default(),
                p.get("name").str().unwrap_or_default()
            )
        };
        let status = |p: N| o.term::<ProgramStatus>(p.get("status"));
        let mut programs: Vec<Vec<V>> = Vec::new();
        for x in c.get("programs").get("status_changed").items() {
            let x = N(Some(x));
            programs.push(vec![
                text(prog(x.get("after"))),
                status(x.get("before")),
                status(x.get("after")),
            ]);
        }
        for x in c.get("programs").get("added").items() {
            let x = N(Some(x));
            programs.push(vec![text(prog(x)), V::Empty, status(x)]);
        }
        for x in c.get("programs").get("removed").items() {
            let x = N(Some(x));
            programs.push(vec![text(prog(x)), status(x), V::Empty]);
        }
        next = o.table(
            ws,
            next + 1,
            &[
                ("Program", "Program", 34.0),
                (&hb, &hb, 14.0),
                (&ha, &ha, 14.0),
            ],
            &programs,
        )?;
        let qws: Vec<Vec<V>> = c
            .get("quick_wins")
            .items()
            .iter()
            .map(|q| {
                let q = N(Some(q));
                vec![
                    text(format!(
                        "{} · {}",
                        q.get("program_id").str().unwrap_or_default(),
                        q.get("name").str().unwrap_or_default()
                    )),
                    o.term::<State>(q.get("before")),
                    o.term::<State>(q.get("after")),
                    o.str(q.get("change")),
                ]
            })
            .collect();
        o.table(
            ws,
            next + 1,
            &[
                ("Quick win", "Quick win", 34.0),
                (&hb, &hb, 14.0),
                (&ha, &ha, 14.0),
                ("Perubahan", "Change", 14.0),
            ],
            &qws,
        )?;
        ws.set_name(o.t("Perbandingan", "Comparison"))?;
        Ok(())
    };
    write(&mut ws).map_err(xlsx_error)?;
    let mut wb = Workbook::new();
    wb.push_worksheet(ws);
    wb.save_to_buffer().map_err(xlsx_error)
}
