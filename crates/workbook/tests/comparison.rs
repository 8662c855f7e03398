//! The comparison workbook (`write_comparison`) read back with calamine: Kabupaten Sukamaju
//! 2024 against 2026 (the samples), whose numbers are read off the golden assessments by hand:
//! index 3.37 → 3.51 (+0.14), Baseline 3.02 → 3.41 (+0.39), branding 83.33 → 100 (+16.67).

use std::io::Cursor;

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use kota_cerdas_mandiri::compare::compare;
use kota_cerdas_mandiri::engine::Options;
use kota_cerdas_mandiri::io::json_out;
use kota_cerdas_workbook::{write_comparison, Locale};

fn sample(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/../../www/samples/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

#[test]
fn sukamaju_2024_against_2026_as_a_workbook() {
    let c = compare(
        &sample("kabupaten-sukamaju-2024"),
        &sample("kabupaten-sukamaju-2026"),
        &Options::default(),
    )
    .unwrap();
    let json = json_out::to_string(&c).unwrap();
    let bytes = write_comparison(&json, Locale::Id).unwrap();
    let mut wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    let ws = wb.worksheet_range("Perbandingan").unwrap();
    let cell = |r: u32, col: u32| ws.get_value((r, col)).cloned().unwrap_or(Data::Empty);
    assert_eq!(
        cell(0, 0),
        Data::String("Kabupaten Sukamaju — perbandingan 2024 / 2026".into())
    );
    assert_eq!(cell(2, 1), Data::String("Sebelum 2024".into()));
    let row = |label: &str| {
        (0..ws.height() as u32)
            .find(|r| cell(*r, 0) == Data::String(label.into()))
            .unwrap_or_else(|| panic!("{label}"))
    };
    let r = row("Indeks Pencapaian");
    assert_eq!(
        [cell(r, 1), cell(r, 2)],
        [Data::Float(3.37), Data::Float(3.51)]
    );
    assert!(matches!(cell(r, 3), Data::Float(d) if (d - 0.14).abs() < 1e-9));
    let r = row("Baseline");
    assert!(matches!(cell(r, 3), Data::Float(d) if (d - 0.39).abs() < 1e-9));
    let r = row("Smart Branding");
    assert_eq!(
        [cell(r, 1), cell(r, 2)],
        [Data::Float(83.33), Data::Float(100.0)]
    );
    let r = row("GOV-07 · Pusat Data Daerah dan Layanan Cloud Pemerintah");
    assert_eq!(
        [cell(r, 1), cell(r, 2)],
        [
            Data::String("Dalam persiapan".into()),
            Data::String("Berjalan".into())
        ]
    );
    assert!(write_comparison("{}", Locale::En).is_err());
}
