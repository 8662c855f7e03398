//! The results workbook read back with calamine: written from a golden assessment
//! (tests/golden/, the engine's own output, checked byte for byte elsewhere) and compared with
//! it sheet by sheet, with the figures of Kebumen 2022 that the methodology publishes (branding
//! 6 of 7 = 85.71 %, pooled 47 of 51 = 92.16 %, mean of pillars 93.17 %); and through
//! `results()`, which assesses first, as the CLI does.

use std::io::Cursor;

use calamine::{open_workbook_from_rs, Data, Range, Reader, Xlsx};
use kota_cerdas_mandiri::engine::{MethodChoice, Options};
use kota_cerdas_mandiri::model::framework::{Pillar, ProgramStatus, QuickWinStatus};
use kota_cerdas_mandiri::score::findings::Severity;
use kota_cerdas_mandiri::score::quick_wins::State;
use kota_cerdas_workbook::{results, write_assessment, Locale};
use serde_json::Value;

fn root(path: &str) -> String {
    format!("{}/../../{path}", env!("CARGO_MANIFEST_DIR"))
}

fn golden_text(name: &str) -> String {
    std::fs::read_to_string(root(&format!("tests/golden/{name}.assessment.json"))).unwrap()
}

fn golden(name: &str) -> Value {
    serde_json::from_str(&golden_text(name)).unwrap()
}

struct Book {
    wb: Xlsx<Cursor<Vec<u8>>>,
}

impl Book {
    fn new(bytes: Vec<u8>) -> Book {
        Book {
            wb: open_workbook_from_rs(Cursor::new(bytes)).expect("an .xlsx calamine reads"),
        }
    }

    fn sheet(&mut self, name: &str) -> Sheet {
        let range = self
            .wb
            .worksheet_range(name)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let styles = self.wb.worksheet_style(name).unwrap();
        let formats = (0..range.height() as u32 + 1)
            .map(|r| {
                (0..range.width() as u32 + 1)
                    .map(|c| {
                        styles
                            .get((r, c))
                            .and_then(|s| s.number_format.as_ref())
                            .map(|f| f.format_code.clone())
                            .unwrap_or_default()
                    })
                    .collect()
            })
            .collect();
        Sheet { range, formats }
    }
}

struct Sheet {
    range: Range<Data>,
    formats: Vec<Vec<String>>,
}

impl Sheet {
    fn cell(&self, r: u32, c: u32) -> &Data {
        self.range.get_value((r, c)).unwrap_or(&Data::Empty)
    }

    /// A text cell ("" for an empty one; a number is an error here).
    fn text(&self, r: u32, c: u32) -> String {
        match self.cell(r, c) {
            Data::String(s) => s.clone(),
            Data::Empty => String::new(),
            other => panic!("({r}, {c}) is not text: {other:?}"),
        }
    }

    /// A number cell (a text holding digits is an error here: numbers stay numbers).
    fn num(&self, r: u32, c: u32) -> f64 {
        match self.cell(r, c) {
            Data::Float(f) => *f,
            Data::Int(i) => *i as f64,
            other => panic!("({r}, {c}) is not a number: {other:?}"),
        }
    }

    fn format(&self, r: u32, c: u32) -> &str {
        &self.formats[r as usize][c as usize]
    }

    /// The row whose column 0 reads `label`.
    fn row_of(&self, label: &str) -> u32 {
        (0..self.range.height() as u32)
            .find(|r| matches!(self.cell(*r, 0), Data::String(s) if s == label))
            .unwrap_or_else(|| panic!("no row {label}"))
    }

    fn rows(&self) -> u32 {
        self.range.height() as u32
    }
}

fn f(v: &Value) -> f64 {
    v.as_f64().unwrap_or_else(|| panic!("not a number: {v}"))
}

/// `sha256sum tests/fixtures/kebumen-2022.json`.
const KEBUMEN_SHA256: &str = "52d23ef340d22faa26ab8dd9746b8d7dbf2a992db9ba1247bb576c4f323eb05b";

/// Kebumen 2022's golden assessment and its masterplan, written as the results workbook. The
/// input hash is added as the page and the CLI add it (the engine writes none, spec §4).
fn kebumen(locale: Locale) -> (Book, Value) {
    let plan = std::fs::read_to_string(root("tests/fixtures/kebumen-2022.json")).unwrap();
    let assessment = golden_text("kebumen-2022").replacen(
        "  \"region\": {",
        &format!("  \"input_sha256\": \"{KEBUMEN_SHA256}\",\n  \"region\": {{"),
        1,
    );
    let bytes =
        write_assessment(&assessment, Some(&plan), locale).expect("a golden assessment writes");
    (Book::new(bytes), golden("kebumen-2022"))
}

#[test]
fn the_sheets_in_both_languages() {
    let (book, _) = kebumen(Locale::Id);
    assert_eq!(
        book.wb.sheet_names(),
        [
            "Ringkasan",
            "Pilar",
            "Quick win",
            "Temuan",
            "Per OPD",
            "Program"
        ]
    );
    let (mut book, _) = kebumen(Locale::En);
    assert_eq!(
        book.wb.sheet_names(),
        [
            "Summary",
            "Pillars",
            "Quick wins",
            "Findings",
            "Per agency",
            "Programs"
        ]
    );
    let s = book.sheet("Findings");
    assert_eq!(s.text(0, 3), "Finding");
    assert_eq!(s.text(1, 4), "Critical");
    assert_eq!(
        (s.text(0, 7), s.text(0, 8), s.text(0, 9)),
        (
            "Follow-up".into(),
            "Deadline".into(),
            "Person in charge".into()
        )
    );
}

#[test]
fn summary_holds_the_index_rates_and_provenance_as_numbers() {
    let (mut book, g) = kebumen(Locale::Id);
    let s = book.sheet("Ringkasan");
    assert_eq!(s.text(s.row_of("Daerah"), 1), "Kabupaten Kebumen");
    assert_eq!(s.text(s.row_of("Jenis daerah"), 1), "Kabupaten");
    let year = s.row_of("Tahun evaluasi");
    assert_eq!((s.num(year, 1), s.format(year, 1)), (2022.0, "0"));
    // Three dimensions lack evidence: no index, an estimate of 3.51.
    assert_eq!(g["evaluation"]["index"], Value::Null);
    assert_eq!(s.cell(s.row_of("Indeks Pencapaian (1–4)"), 1), &Data::Empty);
    let est = s.row_of("Indeks Pencapaian — perkiraan");
    assert_eq!(s.num(est, 1), 3.51);
    assert_eq!(s.num(est, 1), f(&g["evaluation"]["index_estimate"]));
    assert_eq!(s.format(est, 1), "0.00");
    let overall = s.row_of("Capaian program (semua pilar)");
    assert_eq!(s.num(overall, 1), 92.16);
    assert_eq!(s.format(overall, 1), "0.00\" %\"");
    assert_eq!(s.text(overall, 2), "47 dari 51 program berjalan");
    assert_eq!(s.num(s.row_of("Rata-rata capaian pilar"), 1), 93.17);
    let qw = s.row_of("Quick win tercapai");
    assert_eq!(s.num(qw, 1), f(&g["quick_wins"]["percent"]));
    assert_eq!(
        s.num(s.row_of("Temuan: Kritis"), 1),
        f(&g["finding_counts"]["critical"])
    );
    assert_eq!(
        s.num(s.row_of("Temuan: Peringatan"), 1),
        f(&g["finding_counts"]["warning"])
    );
    assert_eq!(
        s.num(s.row_of("Temuan: Saran"), 1),
        f(&g["finding_counts"]["info"])
    );
    assert_eq!(s.text(s.row_of("SHA-256 masukan"), 1), KEBUMEN_SHA256);
    assert!(s
        .text(s.row_of("Metode"), 1)
        .ends_with("kominfo-2022 v1.1.0"));
    // The five dimensions, with the golden scores and weights.
    let d0 = s.row_of("Dimensi");
    for (i, (key, label)) in [
        ("baseline", "Baseline"),
        ("output", "Output"),
        ("outcome", "Outcome"),
        ("impact", "Impact"),
        ("quick_win", "Quick Win"),
    ]
    .iter()
    .enumerate()
    {
        let r = d0 + 1 + i as u32;
        let gd = &g["evaluation"]["dimensions"][key];
        assert_eq!(s.text(r, 0), *label);
        match &gd["score"] {
            Value::Null => assert_eq!(s.cell(r, 1), &Data::Empty, "{key}"),
            score => assert_eq!(s.num(r, 1), f(score), "{key}"),
        }
        assert_eq!(s.num(r, 2), f(&gd["weight"]), "{key}");
        assert_eq!(s.text(r, 4), gd["formula"]["id"].as_str().unwrap(), "{key}");
    }
}

#[test]
fn pillars_match_the_published_kebumen_rates() {
    let (mut book, g) = kebumen(Locale::Id);
    let s = book.sheet("Pilar");
    assert_eq!(s.text(0, 3), "Capaian (%)");
    for (i, p) in Pillar::ALL.iter().enumerate() {
        let r = 1 + i as u32;
        let gp = &g["implementation"]["pillars"][p.id()];
        assert_eq!(s.text(r, 0), p.label().id);
        assert_eq!(s.num(r, 1), f(&gp["planned"]), "{p:?}");
        assert_eq!(s.num(r, 2), f(&gp["implemented"]), "{p:?}");
        assert_eq!(s.num(r, 3), f(&gp["percent"]), "{p:?}");
        assert_eq!(s.format(r, 3), "0.00\" %\"");
        assert_eq!(
            s.text(r, 4),
            if gp["below_target"] == true {
                "Ya"
            } else {
                "Tidak"
            }
        );
    }
    // §5.1 of the methodology: 100 / 85.71 / 83.33 / 90 / 100 / 100.
    let pct: Vec<f64> = (1..=6).map(|r| s.num(r, 3)).collect();
    assert_eq!(pct, [100.0, 85.71, 83.33, 90.0, 100.0, 100.0]);
    let all = s.row_of("Semua pilar");
    assert_eq!(
        (s.num(all, 1), s.num(all, 2), s.num(all, 3)),
        (51.0, 47.0, 92.16)
    );
    assert_eq!(s.num(s.row_of("Rata-rata pilar"), 3), 93.17);
}

#[test]
fn quick_wins_programs_and_agencies_row_by_row() {
    let (mut book, g) = kebumen(Locale::Id);
    let s = book.sheet("Quick win");
    let items = g["quick_wins"]["items"].as_array().unwrap();
    assert_eq!(s.rows(), items.len() as u32 + 1);
    for (i, q) in items.iter().enumerate() {
        let r = 1 + i as u32;
        assert_eq!(s.text(r, 0), q["program_id"].as_str().unwrap());
        assert_eq!(s.text(r, 1), q["name"].as_str().unwrap());
        assert_eq!(s.num(r, 4), f(&q["year"]));
        let status = QuickWinStatus::from_id(q["status"].as_str().unwrap()).unwrap();
        assert_eq!(s.text(r, 5), status.label().id);
        let state = State::from_id(q["state"].as_str().unwrap()).unwrap();
        assert_eq!(s.text(r, 9), state.label().id);
        match &q["score"] {
            Value::Null => assert_eq!(s.cell(r, 10), &Data::Empty),
            score => assert_eq!(s.num(r, 10), f(score)),
        }
    }

    let s = book.sheet("Per OPD");
    let agencies = g["agencies"].as_array().unwrap();
    assert_eq!(s.rows(), agencies.len() as u32 + 1);
    for (i, a) in agencies.iter().enumerate() {
        let r = 1 + i as u32;
        assert_eq!(s.text(r, 0), a["label"]["id"].as_str().unwrap());
        assert_eq!(
            s.num(r, 1),
            a["program_indices"].as_array().unwrap().len() as f64
        );
        match &a["rate"]["percent"] {
            Value::Null => assert_eq!(s.cell(r, 4), &Data::Empty),
            p => assert_eq!(s.num(r, 4), f(p)),
        }
        assert_eq!(s.num(r, 9), f(&a["findings"]));
    }

    let s = book.sheet("Program");
    let m: Value = serde_json::from_str(
        &std::fs::read_to_string(root("tests/fixtures/kebumen-2022.json")).unwrap(),
    )
    .unwrap();
    let programs = m["programs"].as_array().unwrap();
    let counts = g["implementation"]["programs"].as_array().unwrap();
    assert_eq!(s.rows(), programs.len() as u32 + 1);
    let yes = |b: &Value| if *b == true { "Ya" } else { "Tidak" };
    for (i, (p, c)) in programs.iter().zip(counts).enumerate() {
        let r = 1 + i as u32;
        assert_eq!(s.text(r, 0), p["id"].as_str().unwrap());
        assert_eq!(s.num(r, 5), f(&p["start_year"]));
        let status = ProgramStatus::from_id(p["status"].as_str().unwrap()).unwrap();
        assert_eq!(s.text(r, 7), status.label().id);
        assert_eq!(
            (s.text(r, 10), s.text(r, 11)),
            (yes(&c["counted"]).into(), yes(&c["implemented"]).into())
        );
        assert_eq!(s.num(r, 12), f(&c["share"]));
    }
}

#[test]
fn findings_are_an_action_plan_with_empty_follow_up_columns() {
    let (mut book, g) = kebumen(Locale::Id);
    let s = book.sheet("Temuan");
    assert_eq!(
        (0..10).map(|c| s.text(0, c)).collect::<Vec<_>>(),
        [
            "No.",
            "OPD",
            "Pilar",
            "Temuan",
            "Tingkat",
            "Kode",
            "Lokasi di berkas",
            "Tindak lanjut",
            "Tenggat",
            "Penanggung jawab"
        ]
    );
    let findings = g["findings"].as_array().unwrap();
    // Repeated cases are one finding per code and pillar: 20 findings for 57 cases.
    assert_eq!(findings.len(), 20);
    assert_eq!(s.rows(), findings.len() as u32 + 1);
    for (i, x) in findings.iter().enumerate() {
        let r = 1 + i as u32;
        assert_eq!(s.num(r, 0), (i + 1) as f64);
        let agency = x["agency_index"]
            .as_u64()
            .map(|a| {
                g["agencies"][a as usize]["label"]["id"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .unwrap_or_default();
        assert_eq!(s.text(r, 1), agency, "finding {i}");
        let pillar = x["pillar"]
            .as_str()
            .map(|p| Pillar::from_id(p).unwrap().label().id)
            .unwrap_or_default();
        assert_eq!(s.text(r, 2), pillar, "finding {i}");
        assert_eq!(s.text(r, 3), x["message"]["id"].as_str().unwrap());
        let sev = Severity::from_id(x["severity"].as_str().unwrap()).unwrap();
        assert_eq!(s.text(r, 4), sev.label().id);
        assert_eq!(s.text(r, 5), x["code"].as_str().unwrap());
        for c in 7..10 {
            assert_eq!(
                s.cell(r, c),
                &Data::Empty,
                "follow-up columns are for the office"
            );
        }
    }
    // The one about Disdukcapil's quick win without evidence (golden finding 5).
    assert_eq!(s.text(6, 1), "Disdukcapil");
    assert_eq!(s.text(6, 2), "Smart Governance");
    assert_eq!(s.text(6, 4), "Peringatan");
    assert_eq!(s.text(6, 6), "/programs/2/evidence");
}

#[test]
fn results_assesses_first_and_gives_the_same_sheets() {
    let text = std::fs::read_to_string(root("tests/fixtures/kebumen-2022.json")).unwrap();
    let mut fresh = Book::new(results(&text, &Options::default(), Locale::Id).unwrap());
    // The golden assessment as the engine wrote it: no input hash (the CLI adds one).
    let mut saved =
        Book::new(write_assessment(&golden_text("kebumen-2022"), Some(&text), Locale::Id).unwrap());
    for name in [
        "Ringkasan",
        "Pilar",
        "Quick win",
        "Temuan",
        "Per OPD",
        "Program",
    ] {
        assert_eq!(fresh.sheet(name).range, saved.sheet(name).range, "{name}");
    }
}

#[test]
fn a_downloaded_assessment_carries_its_masterplan_and_anything_else_is_refused() {
    // The page's downloaded JSON: the assessment plus `masterplan` and `input_text`.
    let mut full = golden("kebumen-2022");
    let plan: Value = serde_json::from_str(
        &std::fs::read_to_string(root("tests/fixtures/kebumen-2022.json")).unwrap(),
    )
    .unwrap();
    full["masterplan"] = plan.clone();
    let mut book = Book::new(write_assessment(&full.to_string(), None, Locale::Id).unwrap());
    let s = book.sheet("Program");
    assert_eq!(s.text(1, 0), plan["programs"][0]["id"].as_str().unwrap());
    assert_eq!(s.text(1, 1), plan["programs"][0]["name"].as_str().unwrap());
    for bad in [
        "",
        "{\"format\": \"kota-cerdas/masterplan\"}",
        "[1]",
        "not json",
    ] {
        let p = write_assessment(bad, None, Locale::Id).unwrap_err();
        assert_eq!(p.code, "not_an_assessment", "{bad}");
        assert!(p
            .message
            .en
            .contains("not a Kota Cerdas Mandiri assessment"));
    }
}

#[test]
fn the_method_asked_for_is_the_method_used_and_an_invalid_masterplan_is_refused() {
    let text = std::fs::read_to_string(root("www/samples/kabupaten-sukamaju-2024.json")).unwrap();
    let options = Options {
        method: MethodChoice::Preset("kominfo-sleman".into()),
        locate: true,
    };
    let mut book = Book::new(results(&text, &options, Locale::Id).unwrap());
    let s = book.sheet("Ringkasan");
    // 3.39 with kominfo-sleman (tests/e2e/page.test.mjs shows the same).
    assert_eq!(s.num(s.row_of("Indeks Pencapaian (1–4)"), 1), 3.39);
    assert!(s.text(s.row_of("Metode"), 1).contains("kominfo-sleman"));
    let bad = results("{\"format\": 1}", &Options::default(), Locale::Id).unwrap_err();
    assert!(!bad.is_empty());
    assert!(bad.iter().all(|p| p.sheet.is_none()));
}
