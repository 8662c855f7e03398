//! Reading workbooks written by other programs (openpyxl, LibreOffice: tests/data/), with
//! the expected values derived by hand from the cells.

use kota_cerdas_mandiri::engine::{self, Options};
use kota_cerdas_workbook::{read, template, Locale, Reading};
use serde_json::{json, Value};

fn data(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn ok(r: &Reading) -> Value {
    let text = r
        .text
        .as_ref()
        .unwrap_or_else(|| panic!("{:#?}", r.problems));
    serde_json::from_str(text).unwrap()
}

/// other-writer.xlsx (tests/data/make.py): every cell below is typed there.
fn check_other_writer(m: &Value, percent_format_seen: bool) {
    assert_eq!(
        m["region"],
        json!({ "name": "Kabupaten Uji", "kind": "kabupaten" })
    );
    // "2023" typed as text; 3.4849999999999999 is the double of 3.485.
    assert_eq!(
        m["evaluation"],
        json!({ "year": 2023, "method": "kominfo-2022", "dimension_scores": { "baseline": 3.485 } })
    );
    let p = &m["programs"];
    assert_eq!(
        p.as_array().unwrap().len(),
        4,
        "the empty and blank rows are skipped"
    );
    // Columns in another order, labels in Indonesian, English and as ids.
    assert_eq!(
        p[0],
        json!({ "id": "GOV-01", "name": "Mal Pelayanan Publik", "pillar": "governance",
                "horizon": "medium", "start_year": 2020, "status": "running", "progress_percent": 85 })
    );
    // 0.85 formatted as 0% is 85 (an .ods does not tell the format: 0.85 stays).
    let progress = if percent_format_seen {
        json!(85)
    } else {
        json!(0.85)
    };
    assert_eq!(
        p[1],
        json!({ "id": "GOV-02", "name": "Satu Data", "pillar": "governance", "horizon": "short",
                "start_year": 2021, "status": "completed", "progress_percent": progress })
    );
    assert_eq!(
        p[2],
        json!({ "id": "ECO-01", "name": "Pasar Digital", "pillar": "economy", "horizon": "quick_win",
                "start_year": 2022, "status": "running",
                "quick_win": { "year": 2022, "status": "launched", "launched_year": 2022 } })
    );
    assert_eq!(p[3]["status"], "planned");
}

fn assess(r: &Reading) -> Value {
    let a = engine::assess(r.text.as_ref().unwrap(), &Options::default()).unwrap();
    // Through the engine's one serializer (numbers as their exact decimals).
    serde_json::from_str(&kota_cerdas_mandiri::io::json_out::to_string(&a).unwrap()).unwrap()
}

#[test]
fn a_workbook_from_another_writer_reads_with_hand_derived_values() {
    let r = read(&data("other-writer.xlsx"));
    check_other_writer(&ok(&r), true);
    // Planned in 2023: all four (horizons medium, short, quick_win, medium; started by
    // 2022). Implemented: running, completed, running = 3 → 75 %. Governance 2/2, economy
    // 1/1, living 0/1. One quick win due (2022), launched in 2022: achieved and on time.
    let a = assess(&r);
    let imp = &a["implementation"];
    assert_eq!(imp["overall"]["planned"], 4);
    assert_eq!(imp["overall"]["implemented"], 3);
    assert_eq!(imp["overall"]["percent"], 75.0);
    assert_eq!(imp["pillars"]["governance"]["percent"], 100.0);
    assert_eq!(imp["pillars"]["living"]["percent"], 0.0);
    assert_eq!(a["quick_wins"]["due"], 1);
    assert_eq!(a["quick_wins"]["on_time"], 1);
}

#[test]
fn the_same_workbook_converted_by_libreoffice_reads_the_same() {
    for (name, percent_format_seen) in [("other-writer-lo.xlsx", true), ("other-writer.ods", false)]
    {
        let r = read(&data(name));
        check_other_writer(&ok(&r), percent_format_seen);
    }
}

#[test]
fn every_problem_at_once_located_by_sheet_row_and_cell() {
    let r = read(&data("bad.xlsx"));
    assert_eq!(r.text, None);
    let found: Vec<(&str, Option<&str>, &str)> = r
        .problems
        .iter()
        .map(|p| (p.code, p.cell.as_deref(), p.path.as_str()))
        .collect();
    // Row n of the sheet is program n - 2 (header in row 1, first program in row 2).
    assert!(
        found.contains(&("not_a_number", Some("F5"), "/programs/3/start_year")),
        "{found:?}"
    );
    assert!(
        found.contains(&("duplicate_id", Some("A9"), "/programs/7/id")),
        "{found:?}"
    );
    assert!(
        found.contains(&("unknown_status", Some("H14"), "/programs/12/status")),
        "{found:?}"
    );
    // A refused cell is reported once: not again as a missing field by the engine.
    assert_eq!(
        r.problems
            .iter()
            .filter(|p| p.path == "/programs/12/status")
            .count(),
        1
    );
    let status = r
        .problems
        .iter()
        .find(|p| p.code == "unknown_status")
        .unwrap();
    assert_eq!(
        (status.sheet.as_deref(), status.row, status.column),
        (Some("Program"), Some(14), Some(8))
    );
    assert!(
        status.message.id.starts_with("Program, baris 14, kolom Status (H14): \"Jalan\" bukan status program yang dikenal. Pilih dari daftar: Direncanakan, Dalam persiapan, Berjalan,"),
        "{}",
        status.message.id
    );
    assert!(
        status.message.en.starts_with("Programs, row 14, column Status (H14): \"Jalan\" is not a known program status. Choose from the list: Planned, In progress, Running,"),
        "{}",
        status.message.en
    );
}

#[test]
fn a_file_that_is_not_a_workbook_gets_one_clear_problem() {
    for (bytes, code) in [
        (b"id;name\nGOV-01;x\n".to_vec(), "not_a_workbook"),
        (
            b"{\"format\": \"kota-cerdas/masterplan\"}".to_vec(),
            "not_a_workbook",
        ),
        (b"PK\x03\x04 truncated".to_vec(), "corrupt_workbook"),
        (vec![], "not_a_workbook"),
    ] {
        let r = read(&bytes);
        assert_eq!(r.text, None);
        assert_eq!(r.problems.len(), 1, "{:?}", r.problems);
        assert_eq!(r.problems[0].code, code);
        assert!(r.problems[0].message.id.contains("workbook"));
        assert!(r.problems[0].message.en.contains("workbook"));
    }
}

#[test]
fn the_template_reads_as_the_empty_masterplan_its_examples_skipped() {
    let ours = [Locale::Id, Locale::En].map(|l| template(l).unwrap());
    // Re-saved by LibreOffice (tests/data/README.md): still our template.
    let resaved = [data("template-lo.xlsx"), data("template-lo.ods")];
    for bytes in ours.iter().chain(&resaved) {
        let r = read(bytes);
        assert_eq!(r.text, None);
        let missing: Vec<(&str, Option<&str>)> = r
            .problems
            .iter()
            .map(|p| (p.path.as_str(), p.cell.as_deref()))
            .collect();
        // Exactly the three required fields of an empty masterplan, at their value cells
        // (the form's rows: code, name, kind … year is the 11th field, row 12).
        assert_eq!(
            missing,
            [
                ("/region/name", Some("B3")),
                ("/region/kind", Some("B4")),
                ("/evaluation/year", Some("B12"))
            ],
            "{:#?}",
            r.problems
        );
    }
}
