//! The method presets shipped with the engine.
//!
//! Every number below is either stated by a cited source or marked as an unofficial default
//! (see `../shared/domain/methodology.md` §11 for the open questions). Changing a number here
//! means publishing a new preset version.

use crate::support::map::Map;

use super::*;

/// The default preset id.
pub const DEFAULT_ID: &str = "kominfo-2022";

/// Every preset, default first.
pub fn all() -> Vec<Method> {
    vec![kominfo_2022(), kominfo_sleman()]
}

/// The preset with this id.
pub fn by_id(id: &str) -> Option<Method> {
    all().into_iter().find(|m| m.id == id)
}

fn n(s: &str) -> Num {
    // Literals in this file are checked by the presets' unit tests.
    Num::parse(s).unwrap_or(Num::ZERO)
}

fn src(id: &str, en: &str, url: &str) -> Source {
    Source {
        title: Text::new(id, en),
        url: url.to_string(),
    }
}

fn weights(b: &str, o: &str, oc: &str, i: &str, q: &str) -> Map<Dimension, Num> {
    [
        (Dimension::Baseline, n(b)),
        (Dimension::Output, n(o)),
        (Dimension::Outcome, n(oc)),
        (Dimension::Impact, n(i)),
        (Dimension::QuickWin, n(q)),
    ]
    .into_iter()
    .collect()
}

fn grade(
    grade: Option<&str>,
    label: &str,
    label_en: &str,
    score: Option<&str>,
    concern: bool,
) -> Grade {
    Grade {
        grade: grade.map(str::to_string),
        label: label.to_string(),
        label_en: label_en.to_string(),
        score: score.map(n),
        concern,
    }
}

/// Builds a band table from `(from, value)` pairs, the first with `None`.
fn bands<T>(lower_bound: LowerBound, rows: Vec<(Option<&str>, T)>) -> Bands<T> {
    Bands {
        lower_bound,
        bands: rows
            .into_iter()
            .map(|(from, value)| Band {
                from: from.map(n),
                value,
            })
            .collect(),
    }
}

fn scores(lower_bound: LowerBound, rows: &[(Option<&str>, &str)]) -> Bands<Score> {
    bands(
        lower_bound,
        rows.iter()
            .map(|(from, s)| (*from, Score { score: n(s) }))
            .collect(),
    )
}

/// Quartile bands on a "higher is better" percentage: ≤25 → 1, >25 → 2, >50 → 3, >75 → 4.
fn quartiles_exclusive() -> Bands<Score> {
    scores(
        LowerBound::Exclusive,
        &[
            (None, "1"),
            (Some("25"), "2"),
            (Some("50"), "3"),
            (Some("75"), "4"),
        ],
    )
}

fn indicator(
    code: &str,
    id: &str,
    en: &str,
    unit: &str,
    pillar: Pillar,
    bands: Bands<Score>,
) -> IndicatorRule {
    IndicatorRule {
        code: code.to_string(),
        label: Text::new(id, en),
        unit: unit.to_string(),
        pillar,
        bands,
        official: false,
    }
}

/// Regional statistics seen in evaluations (methodology §6.2) with the unofficial default
/// bands of §6.3.
fn indicators() -> Vec<IndicatorRule> {
    use LowerBound::*;
    vec![
        indicator(
            "poverty_rate",
            "Persentase penduduk miskin",
            "Poverty rate",
            "%",
            Pillar::Economy,
            // lower is better: ≤5 → 4, >5–10 → 3, >10–15 → 2, >15 → 1
            scores(
                Exclusive,
                &[
                    (None, "4"),
                    (Some("5"), "3"),
                    (Some("10"), "2"),
                    (Some("15"), "1"),
                ],
            ),
        ),
        indicator(
            "ipm",
            "Indeks Pembangunan Manusia",
            "Human Development Index",
            "indeks",
            Pillar::Society,
            // BPS categories: <60 rendah → 2, 60–<70 sedang → 3, ≥70 tinggi → 4
            scores(
                Inclusive,
                &[(None, "2"), (Some("60"), "3"), (Some("70"), "4")],
            ),
        ),
        indicator(
            "stunting_handled",
            "Penanganan baduta stunting",
            "Stunted under-2s handled",
            "%",
            Pillar::Living,
            quartiles_exclusive(),
        ),
        indicator(
            "immunization_complete",
            "Balita imunisasi lengkap",
            "Complete child immunisation",
            "%",
            Pillar::Living,
            quartiles_exclusive(),
        ),
        indicator(
            "births_attended",
            "Persalinan oleh tenaga kesehatan",
            "Births attended by health workers",
            "%",
            Pillar::Living,
            scores(
                Inclusive,
                &[
                    (None, "1"),
                    (Some("25"), "2"),
                    (Some("50"), "3"),
                    (Some("75"), "4"),
                ],
            ),
        ),
        indicator(
            "water_access",
            "Rumah tangga akses air layak",
            "Households with improved water",
            "%",
            Pillar::Living,
            quartiles_exclusive(),
        ),
        indicator(
            "sanitation_access",
            "Rumah tangga sanitasi layak",
            "Households with proper sanitation",
            "%",
            Pillar::Environment,
            quartiles_exclusive(),
        ),
        indicator(
            "road_stable",
            "Jalan kondisi mantap",
            "Roads in stable condition",
            "%",
            Pillar::Living,
            quartiles_exclusive(),
        ),
        indicator(
            "education_quality",
            "Peta mutu pendidikan",
            "Education quality map",
            "%",
            Pillar::Society,
            quartiles_exclusive(),
        ),
        indicator(
            "enrolment_9yr",
            "APM wajib belajar 9 tahun",
            "Net enrolment, 9-year basic education",
            "%",
            Pillar::Society,
            quartiles_exclusive(),
        ),
    ]
}

fn national() -> NationalTables {
    use LowerBound::*;
    NationalTables {
        spbe: bands(
            Inclusive,
            vec![
                (None, grade(None, "Kurang", "Poor", Some("1"), true)),
                (Some("1.8"), grade(None, "Cukup", "Fair", Some("2"), true)),
                (Some("2.6"), grade(None, "Baik", "Good", Some("3"), false)),
                (
                    Some("3.5"),
                    grade(None, "Sangat Baik", "Very good", Some("4"), false),
                ),
                (
                    Some("4.2"),
                    grade(None, "Memuaskan", "Excellent", Some("4"), false),
                ),
            ],
        ),
        // PermenPANRB 8/2026 as reported by a secondary source (see the preset's sources):
        // lower ends inclusive, upper exclusive, the top band closed at 5. Scores and concern as
        // for SPBE: the same five predicates, the same reading in Output.
        pemdi: bands(
            Inclusive,
            vec![
                (None, grade(None, "Kurang", "Poor", Some("1"), true)),
                (Some("1.5"), grade(None, "Cukup", "Fair", Some("2"), true)),
                (Some("2.5"), grade(None, "Baik", "Good", Some("3"), false)),
                (
                    Some("3.5"),
                    grade(None, "Sangat Baik", "Very good", Some("4"), false),
                ),
                (
                    Some("4"),
                    grade(None, "Memuaskan", "Excellent", Some("4"), false),
                ),
            ],
        ),
        // PermenPANRB 88/2021 writes ">60–70": the lower end is exclusive.
        sakip: bands(
            Exclusive,
            vec![
                (
                    None,
                    grade(Some("D"), "Sangat Kurang", "Very poor", None, true),
                ),
                (Some("30"), grade(Some("C"), "Kurang", "Poor", None, true)),
                (Some("50"), grade(Some("CC"), "Cukup", "Fair", None, true)),
                (Some("60"), grade(Some("B"), "Baik", "Good", None, false)),
                (
                    Some("70"),
                    grade(Some("BB"), "Sangat Baik", "Very good", None, false),
                ),
                (
                    Some("80"),
                    grade(Some("A"), "Memuaskan", "Satisfactory", None, false),
                ),
                (
                    Some("90"),
                    grade(
                        Some("AA"),
                        "Sangat Memuaskan",
                        "Highly satisfactory",
                        None,
                        false,
                    ),
                ),
            ],
        ),
        // PermenPANRB 14/2017, converted value (25–100); gaps between printed ranges closed
        // at the next printed lower limit.
        ikm: bands(
            Inclusive,
            vec![
                (None, grade(Some("D"), "Tidak Baik", "Poor", None, true)),
                (
                    Some("65"),
                    grade(Some("C"), "Kurang Baik", "Fair", None, true),
                ),
                (Some("76.61"), grade(Some("B"), "Baik", "Good", None, false)),
                (
                    Some("88.31"),
                    grade(Some("A"), "Sangat Baik", "Very good", None, false),
                ),
            ],
        ),
        ipm: bands(
            Inclusive,
            vec![
                (None, grade(None, "Rendah", "Low", None, true)),
                (Some("60"), grade(None, "Sedang", "Medium", None, true)),
                (Some("70"), grade(None, "Tinggi", "High", None, false)),
                (
                    Some("80"),
                    grade(None, "Sangat Tinggi", "Very high", None, false),
                ),
            ],
        ),
        bpk: vec![
            opinion(BpkOpinion::Wtp, 1, false),
            opinion(BpkOpinion::WtpDpp, 2, false),
            opinion(BpkOpinion::Wdp, 3, true),
            opinion(BpkOpinion::Tw, 4, true),
            opinion(BpkOpinion::Tmp, 5, true),
        ],
    }
}

fn opinion(opinion: BpkOpinion, rank: i64, concern: bool) -> OpinionGrade {
    let label = opinion.label();
    OpinionGrade {
        opinion,
        label: label.id,
        label_en: label.en,
        rank,
        concern,
    }
}

fn readiness() -> ReadinessRule {
    ReadinessRule {
        aspect_weights: Aspect::ALL.iter().map(|a| (*a, Num::ONE)).collect(),
        categories: bands(
            LowerBound::Inclusive,
            vec![
                (None, grade(None, "Belum Siap", "Not ready", None, true)),
                (
                    Some("1.75"),
                    grade(None, "Kurang Siap", "Barely ready", None, true),
                ),
                (
                    Some("2.5"),
                    grade(None, "Cukup Siap", "Fairly ready", None, false),
                ),
                (Some("3.25"), grade(None, "Siap", "Ready", None, false)),
            ],
        ),
        good_from: 4,
        moderate_from: 3,
        weak_below: n("2.5"),
    }
}

fn common(
    id: &str,
    name: Text,
    year: i64,
    note: Text,
    disputed: bool,
    sources: Vec<Source>,
    w: Map<Dimension, Num>,
) -> Method {
    Method {
        id: id.to_string(),
        // 1.1.0 (2026-12): the Pemdi table (PermenPANRB 8/2026) and its use in Output; nothing
        // read from a file without `pemdi` changes.
        version: "1.1.0".to_string(),
        name,
        year: Some(year),
        note,
        disputed,
        sources,
        weights: w,
        outcome: OutcomeRule {
            horizons: vec![Horizon::QuickWin, Horizon::Short, Horizon::Medium],
            counting: Counting::BinaryRunning,
            basis: OutcomeBasis::MeanOfPillars,
            mapping: PercentMapping::Linear,
            target_percent: n("75"),
        },
        baseline: BaselineRule {
            source: BaselineSource::PreviousIndex,
        },
        output: OutputRule {
            legal_perda: n("4"),
            legal_head_regulation: n("4"),
            legal_decree: n("3"),
            legal_none: n("1"),
            body_active: n("4"),
            body_exists: n("3"),
            body_inactive: n("2"),
            body_absent: n("1"),
            regular_meetings: 2,
            document_exists: n("4"),
            document_absent: n("1"),
            budget_mixed: n("4"),
            budget_apbd_only: n("3"),
            budget_non_apbd_only: n("2"),
            budget_none: n("1"),
            include_spbe: true,
        },
        impact: ImpactRule {
            survey_weight: n("0.5"),
            min_respondents: 50,
            indicators: indicators(),
        },
        quick_win: QuickWinRule {
            sustained: n("4"),
            on_time: n("4"),
            late: n("3"),
            in_progress: n("2"),
            planned: n("1"),
            stopped: n("1"),
            use_innovation_score: true,
        },
        readiness: readiness(),
        national: national(),
    }
}

fn shared_sources() -> Vec<Source> {
    vec![
        src("Hasil Kota Kediri 2022 (nilai dimensi, indeks 3,31, kenaikan 0,25)", "Kota Kediri 2022 result (dimension scores, index 3.31, improvement 0.25)", "https://bangsaonline.com/berita/113379/hasil-evaluasi-smart-city-2022-kota-kediri-ke-4-tertinggi-se-jawa-timur"),
        src("Capaian program per pilar, Kebumen 2022", "Kebumen 2022 programme implementation per pillar", "https://ppid.kebumenkab.go.id/index.php/berita/read/7015"),
        src("Luwu Utara 2023: ≥75% program jangka pendek dan menengah berjalan", "Luwu Utara 2023: ≥75 % of short- and medium-term programmes running", "https://linisulsel.com/kemenkominfo-ri-evaluasi-tahap-ii-program-smart-city-di-lutra"),
        src("Predikat SPBE, PermenPANRB 59/2020 (batas yang teramati)", "SPBE predicates, PermenPANRB 59/2020 (observed cut-points)", "https://radarbali.jawapos.com/bali/denpasar-badung/04/01/2022/aduh-ngebet-jadi-smart-city-nilai-spbe-badung-paling-rendah-se-bali/"),
        src("Predikat Pemdi, PermenPANRB 8/2026 (sumber sekunder: ringkasan yang mengutip peraturan; teks Berita Negara belum dapat diakses)", "Pemdi predicates, PermenPANRB 8/2026 (secondary source: a summary quoting the regulation; the official gazette text was not reachable)", ""),
        src("Kategori SAKIP, PermenPANRB 88/2021", "SAKIP grades, PermenPANRB 88/2021", "https://detiknews86.com/?p=52516"),
        src("Interval IKM, PermenPANRB 14/2017", "IKM intervals, PermenPANRB 14/2017", "https://fliphtml5.com/reidny/aaer/BUKU_KINERJA_BLU_BPPP_TEGAL_2024_Final_14_08_24/64"),
        src("Kategori IPM, BPS", "IPM categories, BPS", "https://jtvbojonegoro.com/2022/11/tahun-2022-indeks-pembangunan-manusia.html"),
        src("Jenis opini BPK, UU 15/2004", "BPK opinion types, UU 15/2004", "https://wartapemeriksa.bpk.go.id/?p=52481"),
    ]
}

/// Weights 10/20/30/20/20: reproduces the published 2022 and 2024 results (Kediri 2022).
pub fn kominfo_2022() -> Method {
    let mut sources = vec![src(
        "Jambi Ekspres: bobot Indeks Pencapaian Kota Jambi (Outcome 30, Impact 20, Quick Win 20)",
        "Jambi Ekspres: Kota Jambi, Indeks Pencapaian weights (Outcome 30, Impact 20, Quick Win 20)",
        "https://jambiekspres.disway.id/amp/654588/targetkan-indeks-spbe-2022-meningkat-kota-jambi-mencapai-smart-city/16",
    )];
    sources.extend(shared_sources());
    common(
        "kominfo-2022",
        Text::new("Kominfo 2022 (bobot 10/20/30/20/20)", "Kominfo 2022 (weights 10/20/30/20/20)"),
        2022,
        Text::new(
            "Bobot mereproduksi hasil resmi 2022 dan 2024 (Kota Kediri 2022: 3,31). Rubrik butir Output, Impact dan Quick Win tidak dipublikasikan: nilai bawaan di sini tidak resmi.",
            "The weights reproduce the published 2022 and 2024 results (Kota Kediri 2022: 3.31). The item rubrics for Output, Impact and Quick Win are not published: the defaults here are unofficial.",
        ),
        false,
        sources,
        weights("0.1", "0.2", "0.3", "0.2", "0.2"),
    )
}

/// Weights 10/20/30/30/10 as published on Sleman's page (undated; probably 2019–2021).
pub fn kominfo_sleman() -> Method {
    let mut sources = vec![src(
        "Kominfo Sleman, Monev Smart City Kabupaten Sleman (bobot 10/20/30/30/10, tanpa tanggal)",
        "Kominfo Sleman, Monev Smart City Kabupaten Sleman (weights 10/20/30/30/10, undated)",
        "https://kominfo.slemankab.go.id/monev-smart-city-kabupaten-sleman/",
    )];
    sources.extend(shared_sources());
    common(
        "kominfo-sleman",
        Text::new("Kominfo versi Sleman (bobot 10/20/30/30/10)", "Kominfo as published by Sleman (weights 10/20/30/30/10)"),
        2021,
        Text::new(
            "Bobot dari laman Kabupaten Sleman tanpa tanggal; tidak mereproduksi hasil resmi 2022/2024. Gunakan untuk perbandingan.",
            "Weights from an undated Sleman regency page; they do not reproduce the published 2022/2024 results. Use for comparison.",
        ),
        true,
        sources,
        weights("0.1", "0.2", "0.3", "0.3", "0.1"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_are_well_formed() {
        for m in all() {
            assert_eq!(m.check(), vec![], "{}", m.id);
            assert!(!m.sources.is_empty());
        }
        assert_eq!(all()[0].id, DEFAULT_ID);
    }

    #[test]
    fn predicate_boundaries() {
        let t = national();
        let spbe = |v: &str| t.spbe.classify(n(v)).unwrap().label.clone();
        assert_eq!(spbe("1.79"), "Kurang");
        assert_eq!(spbe("1.8"), "Cukup");
        assert_eq!(spbe("2.596"), "Cukup");
        assert_eq!(spbe("2.6"), "Baik");
        assert_eq!(spbe("2.93"), "Baik");
        assert_eq!(spbe("3.5"), "Sangat Baik");
        assert_eq!(spbe("4.2"), "Memuaskan");
        // Pemdi (issue 15's table): Kurang 1,00 – < 1,50 · Cukup 1,50 – < 2,50 · Baik 2,50 –
        // < 3,50 · Sangat Baik 3,50 – < 4,00 · Memuaskan 4,00 – 5,00. Both ends of every band.
        let pemdi = |v: &str| {
            let g = t.pemdi.classify(n(v)).unwrap();
            (g.label.as_str(), g.score.map(|s| s.to_plain()), g.concern)
        };
        let four = Some("4".to_string());
        assert_eq!(pemdi("1"), ("Kurang", Some("1".into()), true));
        assert_eq!(pemdi("1.4999"), ("Kurang", Some("1".into()), true));
        assert_eq!(pemdi("1.5"), ("Cukup", Some("2".into()), true));
        assert_eq!(pemdi("2.4999"), ("Cukup", Some("2".into()), true));
        assert_eq!(pemdi("2.5"), ("Baik", Some("3".into()), false));
        assert_eq!(pemdi("3.4999"), ("Baik", Some("3".into()), false));
        assert_eq!(pemdi("3.5"), ("Sangat Baik", four.clone(), false));
        assert_eq!(pemdi("3.9999"), ("Sangat Baik", four.clone(), false));
        assert_eq!(pemdi("4"), ("Memuaskan", four.clone(), false));
        assert_eq!(pemdi("5"), ("Memuaskan", four, false));
        // Where the two tables disagree: 2.55 is Baik for Pemdi, Cukup for SPBE.
        assert_eq!(pemdi("2.55").0, "Baik");
        assert_eq!(spbe("2.55"), "Cukup");
        let sakip = |v: &str| t.sakip.classify(n(v)).unwrap().grade.clone().unwrap();
        assert_eq!(sakip("60"), "CC");
        assert_eq!(sakip("60.01"), "B");
        assert_eq!(sakip("66.40"), "B");
        assert_eq!(sakip("70"), "B");
        assert_eq!(sakip("90"), "A");
        assert_eq!(sakip("90.5"), "AA");
        assert_eq!(sakip("30"), "D");
        let ikm = |v: &str| t.ikm.classify(n(v)).unwrap().grade.clone().unwrap();
        assert_eq!(ikm("64.99"), "D");
        assert_eq!(ikm("65"), "C");
        assert_eq!(ikm("76.60"), "C");
        assert_eq!(ikm("76.61"), "B");
        assert_eq!(ikm("79.98"), "B");
        assert_eq!(ikm("88.31"), "A");
        let ipm = |v: &str| t.ipm.classify(n(v)).unwrap().label.clone();
        assert_eq!(ipm("59.99"), "Rendah");
        assert_eq!(ipm("70"), "Tinggi");
        assert_eq!(ipm("70.51"), "Tinggi");
        assert_eq!(ipm("80"), "Sangat Tinggi");
    }

    #[test]
    fn indicator_bands_follow_the_methodology_defaults() {
        let m = kominfo_2022();
        let score = |code: &str, v: &str| {
            m.indicator(code)
                .unwrap()
                .bands
                .classify(n(v))
                .unwrap()
                .score
        };
        assert_eq!(score("poverty_rate", "5"), n("4"));
        assert_eq!(score("poverty_rate", "12.66"), n("2"));
        assert_eq!(score("poverty_rate", "15.01"), n("1"));
        assert_eq!(score("water_access", "75"), n("3"));
        assert_eq!(score("water_access", "98.65"), n("4"));
        assert_eq!(score("births_attended", "75"), n("4"));
        assert_eq!(score("ipm", "70.51"), n("4"));
        assert_eq!(score("ipm", "59"), n("2"));
    }

    #[test]
    fn a_band_table_out_of_order_is_refused() {
        let bad = scores(
            LowerBound::Inclusive,
            &[(None, "1"), (Some("50"), "2"), (Some("50"), "3")],
        );
        assert!(bad.check().is_err());
        let first_bounded = scores(LowerBound::Inclusive, &[(Some("0"), "1")]);
        assert!(first_bounded.check().is_err());
    }
}
