//! Rows pasted from a spreadsheet (tab-separated text with a header row) read as the program
//! table of the masterplan on screen, with hand-derived values and located problems.

use kota_cerdas_mandiri::engine::{self, Options};
use kota_cerdas_mandiri::model::framework::Pillar;
use kota_cerdas_workbook::{read_pasted, PASTED};
use serde_json::{json, Value};

fn sukamaju() -> String {
    std::fs::read_to_string(format!(
        "{}/../../www/samples/kabupaten-sukamaju-2024.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

/// As Excel copies them: tabs, CRLF, a quoted cell with a line break; columns in another
/// order than the template's, headers in either language, labels as Indonesian or English
/// labels or ids, a year and a percent as text.
const TABLE: &str = "Nama program\tID program\tStatus\tPilar\tHorizon\tStart year\tKemajuan (%)\tOPD penanggung jawab\tData dukung\r\n\
Mal Pelayanan Publik\tGOV-01\tBerjalan\tSmart Governance\tJangka menengah\t2022\t85%\tDPMPTSP\t\"https://mpp.example\nfoto.jpg\"\r\n\
Satu Data\tGOV-02\tcompleted\tgovernance\tShort term\t2023\t\tDiskominfo\t\r\n\
\t\t\t\t\t\t\t\t\r\n\
Pasar Digital\tECO-01\tDirencanakan\tSmart Economy\tshort\t2024\t\t\t\r\n\
Kota Sehat\tLIV-01\tRunning\tSmart Living\tJangka panjang\t2025\t\tDinkes\t\r\n";

#[test]
fn a_pasted_table_replaces_the_programs_and_keeps_the_rest() {
    let base = sukamaju();
    let r = read_pasted(TABLE, &base);
    let text = r.text.unwrap_or_else(|| panic!("{:#?}", r.problems));
    let m: Value = serde_json::from_str(&text).unwrap();
    let b: Value = serde_json::from_str(&base).unwrap();
    for key in [
        "region",
        "evaluation",
        "institutions",
        "readiness",
        "impact",
        "national_indices",
    ] {
        assert_eq!(m[key], b[key], "{key} kept");
    }
    let p = m["programs"].as_array().unwrap();
    assert_eq!(p.len(), 4, "the blank row is skipped");
    assert_eq!(
        p[0],
        json!({ "id": "GOV-01", "name": "Mal Pelayanan Publik", "pillar": "governance",
                "horizon": "medium", "start_year": 2022, "status": "running",
                "progress_percent": 85, "lead_agency": "DPMPTSP",
                "evidence": ["https://mpp.example", "foto.jpg"] })
    );
    assert_eq!(
        p[1],
        json!({ "id": "GOV-02", "name": "Satu Data", "pillar": "governance", "horizon": "short",
                "start_year": 2023, "status": "completed", "lead_agency": "Diskominfo" })
    );
    assert_eq!(
        (p[2]["status"].as_str(), p[3]["status"].as_str()),
        (Some("planned"), Some("running"))
    );
    // By hand (evaluation year 2024): counted GOV-01, GOV-02, ECO-01 (LIV-01 is long-term);
    // implemented GOV-01 and GOV-02: governance 2 of 2 = 100 %, economy 0 of 1 = 0 %,
    // all pillars 2 of 3 = 66.67 %.
    let a = engine::assess(&text, &Options::default()).unwrap();
    let pct = |p: Pillar| {
        a.implementation
            .pillars
            .get(&p)
            .and_then(|r| r.percent)
            .map(|n| n.to_string())
    };
    assert_eq!(pct(Pillar::Governance).as_deref(), Some("100"));
    assert_eq!(pct(Pillar::Economy).as_deref(), Some("0"));
    assert_eq!(pct(Pillar::Living), None, "nothing planned");
    assert_eq!(a.implementation.overall.planned, 3);
    assert_eq!(
        a.implementation.overall.percent.map(|n| n.to_string()),
        Some("66.67".into())
    );
}

/// Code, cell, row, column, path of a problem.
type Place<'a> = (&'a str, Option<&'a str>, Option<u32>, Option<u32>, &'a str);

#[test]
fn problems_are_located_by_row_and_column_of_the_pasted_text() {
    // Row 3: the status "Jalan" (column C); row 4 repeats GOV-01; row 5 a year "20x4" (D5).
    let table = "ID program\tNama program\tStatus\tTahun mulai\tPilar\tHorizon\n\
GOV-01\tMal\tBerjalan\t2022\tSmart Governance\tJangka pendek\n\
GOV-02\tSatu Data\tJalan\t2023\tSmart Governance\tJangka pendek\n\
GOV-01\tPasar\tSelesai\t2023\tSmart Economy\tJangka pendek\n\
ECO-02\tUMKM\tSelesai\t20x4\tSmart Economy\tJangka pendek\n";
    let r = read_pasted(table, &sukamaju());
    assert_eq!(r.text, None);
    let got: Vec<Place> = r
        .problems
        .iter()
        .filter(|p| p.severity == kota_cerdas_mandiri::model::problem::Severity::Error)
        .map(|p| (p.code, p.cell.as_deref(), p.row, p.column, p.path.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "unknown_status",
                Some("C3"),
                Some(3),
                Some(3),
                "/programs/1/status"
            ),
            (
                "not_a_number",
                Some("D5"),
                Some(5),
                Some(4),
                "/programs/3/start_year"
            ),
            (
                "duplicate_id",
                Some("A4"),
                Some(4),
                Some(1),
                "/programs/2/id"
            ),
        ]
    );
    let first = &r.problems[0];
    assert_eq!(first.sheet.as_deref(), Some(PASTED.0));
    assert!(
        first.message.id.starts_with(
            "Tabel tempelan, baris 3, kolom Status (C3): \"Jalan\" bukan status program"
        ),
        "{}",
        first.message.id
    );
    assert!(
        first.message.en.starts_with(
            "Pasted table, row 3, column Status (C3): \"Jalan\" is not a known program status"
        ),
        "{}",
        first.message.en
    );
}

#[test]
fn no_header_no_rows_or_no_masterplan_get_one_clear_problem() {
    let base = sukamaju();
    let r = read_pasted("GOV-01\tMal\tBerjalan\n", &base);
    assert_eq!(r.problems.len(), 1);
    assert_eq!(r.problems[0].code, "no_header_row");
    assert!(
        r.problems[0].message.id.contains("ID program / Program ID"),
        "{}",
        r.problems[0].message.id
    );
    let r = read_pasted("ID program\tNama program\tStatus\tPilar\n", &base);
    assert_eq!(r.problems[0].code, "no_rows");
    for bad in ["", "[1, 2]", "{oops"] {
        let r = read_pasted(TABLE, bad);
        assert_eq!(r.problems[0].code, "not_a_masterplan", "{bad}");
    }
}

#[test]
fn the_time_frame_column_is_read_under_its_new_and_its_old_header() {
    // "Jangka waktu / Time frame *" since 2026-12; templates already in use say "Horizon *".
    for header in [
        "Jangka waktu / Time frame *",
        "Jangka waktu",
        "Time frame",
        "Horizon *",
        "Horizon",
    ] {
        let table = format!(
            "ID program\tNama program\tPilar\t{header}\tTahun mulai\tStatus\n\
GOV-01\tMal\tSmart Governance\tJangka pendek\t2022\tBerjalan\n"
        );
        let r = read_pasted(&table, &sukamaju());
        let text = r
            .text
            .unwrap_or_else(|| panic!("{header}: {:#?}", r.problems));
        let m: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(m["programs"][0]["horizon"], "short", "{header}");
    }
}
