//! `batch::rank` and its CSV over the golden assessments, with hand-derived ranks and
//! statistics: years 2022 (Kebumen kabupaten, estimate 3.51; Kediri kota 3.32), 2023 (Lembah
//! Harapan kabupaten, estimate 1.93), 2024 (Sukamaju 3.37, a copy named "Kabupaten Tiga" at
//! 3.37, one named "Kabupaten Dua" at 3.02; Pelita kota 3.7).

mod common;

use kota_cerdas_mandiri::batch::{csv, rank};
use kota_cerdas_mandiri::io::csv::Locale;
use serde_json::{json, Value};

/// Year, kind, (rank, region) of each row.
type Group<'a> = (i64, &'a str, Vec<(Value, &'a str)>);

fn golden(name: &str) -> Value {
    let text = std::fs::read_to_string(format!(
        "{}/tests/golden/{name}.assessment.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    serde_json::from_str(&text).unwrap()
}

fn renamed(name: &str, index: f64) -> Value {
    let mut a = golden("kabupaten-sukamaju-2024");
    a["region"]["name"] = json!(name);
    a["evaluation"]["index"] = json!(index);
    a
}

fn entries() -> String {
    json!([
        { "name": "kebumen.json", "sha256": "k1", "assessment": golden("kebumen-2022") },
        { "name": "kediri.json", "sha256": "k2", "assessment": golden("kediri-2022") },
        { "name": "sukamaju.json", "sha256": "aaa", "assessment": golden("kabupaten-sukamaju-2024") },
        { "name": "pelita.json", "sha256": "p1", "assessment": golden("kota-pelita-2024") },
        { "name": "lembah.json", "sha256": "l1", "assessment": golden("kabupaten-early-stage-2023") },
        { "name": "sukamaju-salinan.json", "sha256": "aaa", "assessment": golden("kabupaten-sukamaju-2024") },
        { "name": "rusak.json", "error": { "id": "Bukan JSON", "en": "Not JSON" } },
        { "name": "sukamaju-v2.json", "sha256": "bbb", "assessment": golden("kabupaten-sukamaju-2024") },
        { "name": "tiga.json", "sha256": "ccc", "assessment": renamed("Kabupaten Tiga", 3.37) },
        { "name": "dua.json", "sha256": "ddd", "assessment": renamed("Kabupaten Dua", 3.02) },
        { "name": "=cmd|x.json" }
    ])
    .to_string()
}

#[test]
fn ranks_each_year_and_kind_apart_with_duplicates_and_failures() {
    let r = common::to_value(&rank(&entries()).unwrap());
    assert_eq!(r["years"], json!([2022, 2023, 2024]));
    assert_eq!(r["mixed_years"], true);
    assert_eq!(r["notices"][0]["code"], "batch_mixed_years");
    assert!(r["notices"][0]["message"]["id"]
        .as_str()
        .unwrap()
        .contains("(2022, 2023, 2024)"));
    assert_eq!(
        r["counts"],
        json!({ "files": 11, "ranked": 7, "duplicates": 2, "failed": 2 })
    );
    let groups: Vec<Group> = r["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            (
                g["year"].as_i64().unwrap(),
                g["kind"].as_str().unwrap(),
                g["rows"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|x| (x["rank"].clone(), x["region"].as_str().unwrap()))
                    .collect(),
            )
        })
        .collect();
    assert_eq!(
        groups,
        vec![
            (
                2024,
                "kabupaten",
                vec![
                    (json!(1), "Kabupaten Sukamaju"),
                    (json!(1), "Kabupaten Tiga"),
                    (json!(3), "Kabupaten Dua")
                ]
            ),
            (2024, "kota", vec![(json!(1), "Kota Pelita")]),
            (
                2023,
                "kabupaten",
                vec![(json!(1), "Kabupaten Lembah Harapan")]
            ),
            (2022, "kabupaten", vec![(json!(1), "Kabupaten Kebumen")]),
            (2022, "kota", vec![(json!(1), "Kota Kediri")]),
        ]
    );
    // [3.02, 3.37, 3.37]: q1 at h = 0.5 → 3.02 + 0.5 × 0.35 = 3.195 → 3.2; median and q3 3.37;
    // mean 9.76 ÷ 3 = 3.2533… → 3.25.
    assert_eq!(
        r["groups"][0]["stats"],
        json!({ "n": 3, "min": 3.02, "q1": 3.2, "median": 3.37, "q3": 3.37, "max": 3.37, "mean": 3.25 })
    );
    assert_eq!(r["groups"][3]["rows"][0]["estimate"], true);
    assert_eq!(r["groups"][3]["rows"][0]["index"], 3.51);
    assert_eq!(r["groups"][0]["rows"][0]["pillars"]["branding"], 83.33);
    assert_eq!(
        r["duplicates"],
        json!([
            { "code": "batch_duplicate", "entry": 5, "file": "sukamaju-salinan.json", "of": 2, "of_file": "sukamaju.json", "reason": "same_input",
              "message": { "id": "Isi berkas sama persis dengan \"sukamaju.json\"; dihitung sekali.", "en": "The same input as \"sukamaju.json\"; counted once." } },
            { "code": "batch_duplicate", "entry": 7, "file": "sukamaju-v2.json", "of": 2, "of_file": "sukamaju.json", "reason": "same_region_year",
              "message": { "id": "Daerah dan tahun yang sama dengan \"sukamaju.json\" (Kabupaten Sukamaju, 2024); dihitung sekali.",
                           "en": "The same region and year as \"sukamaju.json\" (Kabupaten Sukamaju, 2024); counted once." } }
        ])
    );
    assert_eq!(r["failed"][0]["file"], "rusak.json");
    assert_eq!(
        r["failed"][0]["reason"],
        json!({ "id": "Bukan JSON", "en": "Not JSON" })
    );
    assert_eq!(r["failed"][1]["reason"]["en"], "Not a readable assessment.");
}

#[test]
fn one_year_is_not_mixed() {
    let one = json!([{ "name": "a.json", "assessment": golden("kediri-2022") }]).to_string();
    let r = common::to_value(&rank(&one).unwrap());
    assert_eq!(r["mixed_years"], false);
    assert_eq!(r["notices"], json!([]));
    assert_eq!(rank("{}").unwrap_err()[0].code, "not_a_batch");
}

#[test]
fn csv_has_indonesian_headers_duplicates_and_failures() {
    let r = rank(&entries()).unwrap();
    let id = csv(&r, Locale::Id);
    let lines: Vec<&str> = id.split("\r\n").collect();
    assert!(lines[0].starts_with(
        "\u{feff}status;tahun;jenis;peringkat;daerah;provinsi;kode;indeks;indeks_perkiraan;peningkatan;Baseline;"
    ), "{}", lines[0]);
    assert!(lines[0].ends_with(";implementasi_persen;quick_win_persen;metode;versi_metode;versi_mesin;berkas;input_sha256;keterangan"));
    assert!(lines[0].contains(";Smart Governance %;"));
    assert!(
        lines[1].starts_with("peringkat;2024;Kabupaten;1;Kabupaten Sukamaju;Jawa Barat;;3,37;tidak;0,35;3,02;3,63;3,62;3,23;3,07;100;83,33;71,43;83,33;85,71;100;86,84;71,43;kominfo-2022;"),
        "{}",
        lines[1]
    );
    assert!(lines[1].ends_with(";sukamaju.json;aaa;"));
    assert_eq!(
        lines.len(),
        1 + 7 + 2 + 2 + 1,
        "header, 7 ranked, 2 duplicates, 2 failed, final empty"
    );
    assert!(
        lines[8].starts_with("duplikat;")
            && lines[8].contains(";sukamaju-salinan.json;;\"Isi berkas sama persis dengan \"\"sukamaju.json\"\"; dihitung sekali.\"")
    );
    assert!(lines[10].starts_with("gagal;") && lines[10].ends_with(";rusak.json;;Bukan JSON"));
    // A file name that starts like a formula is defused by the one cell writer.
    assert!(lines[11].contains(";'=cmd|x.json;"), "{}", lines[11]);

    let en = csv(&r, Locale::En);
    assert!(en.starts_with(
        "status,year,kind,rank,region,province,code,index,index_is_estimate,improvement,Baseline,"
    ));
    assert!(
        en.contains("\r\nranked,2024,Regency,1,Kabupaten Sukamaju,Jawa Barat,,3.37,false,0.35,"),
        "{en}"
    );
    assert!(en.contains("\r\nfailed,"));
}
