//! Every closed set of format v1 and of the assessment, with its official labels, as one
//! value for interfaces: what `vocabularies()` returns to JavaScript.
//!
//! Nothing is written here: each list is read from its enum (declaration order is the
//! canonical order) and each label from that enum's `label()`, the one place it is worded.
//! The national indices' bands come from the default preset's tables, as the assessment reads
//! values against them.

use serde::Serialize;

use crate::method::{presets, Bands, Grade, LowerBound, NationalTables};
use crate::model::decimal::Num;
use crate::model::framework::{
    Aspect, BpkOpinion, Dimension, Horizon, LegalKind, Pillar, ProgramStatus, QuickWinStatus,
    RegionKind, SubDimension, Term,
};
use crate::model::problem::Severity as ProblemSeverity;
use crate::model::text::Text;
use crate::score::assessment::no_agency;
use crate::score::evaluation::ScoreSource;
use crate::score::findings::Severity;
use crate::score::implementation::NotCounted;
use crate::score::national::NationalIndex;
use crate::score::quick_wins::State;
use crate::score::readiness::Band as ReadinessBand;

/// One value of a closed set.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Item {
    /// Its id in files and in the output.
    pub id: &'static str,
    /// Its official label.
    pub label: Text,
}

/// A pillar with its three sub-dimensions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PillarItem {
    /// Pillar id.
    pub id: &'static str,
    /// Its label.
    pub label: Text,
    /// Its sub-dimensions, in canonical order.
    pub sub_dimensions: Vec<Item>,
}

/// A program status and whether the implementation rate counts it as implemented.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProgramStatusItem {
    /// Status id.
    pub id: &'static str,
    /// Its label.
    pub label: Text,
    /// Running or completed: counted as implemented (spec §3).
    pub implemented: bool,
}

/// A quick-win status and what it says.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuickWinStatusItem {
    /// Status id.
    pub id: &'static str,
    /// Its label.
    pub label: Text,
    /// Launched or sustained: achieved (spec §3).
    pub achieved: bool,
    /// Went live at some point (needs `launched_year`).
    pub launched: bool,
}

/// One band of a national index's predicate table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BandItem {
    /// Where it starts; `null` for the first band.
    pub from: Option<Num>,
    /// Where the next band starts; `null` for the last band.
    pub to: Option<Num>,
    /// The predicate, grade label or category.
    pub label: Text,
    /// The short grade where the table has one (SAKIP "BB", IKM "B").
    pub grade: Option<String>,
}

/// A national index with its predicate table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NationalIndexItem {
    /// Key in `national_indices` of the input and the output.
    pub id: &'static str,
    /// Its name.
    pub label: Text,
    /// Whether each band's `from` belongs to it (`inclusive`) or to the band below
    /// (`exclusive`, SAKIP's ">60–70"); absent for the BPK opinion, which has no bands.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lower_bound: Option<LowerBound>,
    /// The bands, lowest first; empty for the BPK opinion (its values are `bpk_opinions`).
    pub bands: Vec<BandItem>,
}

/// Every closed set, in canonical order, each value with its official label.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Vocabularies {
    /// The six pillars with their sub-dimensions.
    pub pillars: Vec<PillarItem>,
    /// Program horizons.
    pub horizons: Vec<Item>,
    /// Program statuses.
    pub program_statuses: Vec<ProgramStatusItem>,
    /// Quick-win statuses (input).
    pub quick_win_statuses: Vec<QuickWinStatusItem>,
    /// Quick-win tracker states (output `quick_wins.items[].state`).
    pub quick_win_states: Vec<Item>,
    /// The five evaluation dimensions.
    pub dimensions: Vec<Item>,
    /// Where a dimension's score comes from.
    pub dimension_sources: Vec<Item>,
    /// Readiness aspects.
    pub readiness_aspects: Vec<Item>,
    /// Readiness rating groups (keys of `readiness.distribution`).
    pub readiness_bands: Vec<Item>,
    /// Kabupaten or kota.
    pub region_kinds: Vec<Item>,
    /// Legal instruments fixing a masterplan.
    pub legal_kinds: Vec<Item>,
    /// Finding severities (critical, warning, info), then the problems' `error`.
    pub severities: Vec<Item>,
    /// Why a program is not counted as planned.
    pub not_counted_reasons: Vec<Item>,
    /// BPK opinions, best first.
    pub bpk_opinions: Vec<Item>,
    /// The label of the agency group of programs without a lead agency.
    pub no_agency: Text,
    /// The national indices with the default preset's predicate tables.
    pub national_indices: Vec<NationalIndexItem>,
}

fn item<T: Term>(t: T) -> Item {
    Item {
        id: t.id(),
        label: t.label(),
    }
}

fn list<T: Term>() -> Vec<Item> {
    items(T::IDS, T::LABELS)
}

/// One non-generic body for every list (each generic copy was wasm code).
#[inline(never)]
fn items(ids: &'static [&'static str], labels: &[(&str, &str)]) -> Vec<Item> {
    ids.iter()
        .zip(labels)
        .map(|(id, (label_id, label_en))| Item {
            id,
            label: Text::new(*label_id, *label_en),
        })
        .collect()
}

fn bands(b: &Bands<Grade>) -> Vec<BandItem> {
    b.bands
        .iter()
        .enumerate()
        .map(|(i, band)| BandItem {
            from: band.from,
            to: b.bands.get(i + 1).and_then(|next| next.from),
            label: Text::new(band.value.label.clone(), band.value.label_en.clone()),
            grade: band.value.grade.clone(),
        })
        .collect()
}

fn national(t: &NationalTables) -> Vec<NationalIndexItem> {
    NationalIndex::ALL
        .iter()
        .map(|n| {
            let table = match n {
                NationalIndex::Spbe => Some(&t.spbe),
                NationalIndex::Pemdi => Some(&t.pemdi),
                NationalIndex::Sakip => Some(&t.sakip),
                NationalIndex::Ikm => Some(&t.ikm),
                NationalIndex::Ipm => Some(&t.ipm),
                NationalIndex::BpkOpinion => None,
            };
            NationalIndexItem {
                id: n.id(),
                label: n.label(),
                lower_bound: table.map(|b| b.lower_bound),
                bands: table.map(bands).unwrap_or_default(),
            }
        })
        .collect()
}

/// Every closed set with its labels (see the module documentation).
pub fn vocabularies() -> Vocabularies {
    let mut severities = list::<Severity>();
    severities.push(Item {
        id: "error",
        label: ProblemSeverity::Error.label(),
    });
    Vocabularies {
        pillars: Pillar::ALL
            .iter()
            .map(|p| PillarItem {
                id: p.id(),
                label: p.label(),
                sub_dimensions: SubDimension::ALL
                    .iter()
                    .filter(|s| s.pillar() == *p)
                    .map(|s| item(*s))
                    .collect(),
            })
            .collect(),
        horizons: list::<Horizon>(),
        program_statuses: ProgramStatus::ALL
            .iter()
            .map(|s| ProgramStatusItem {
                id: s.id(),
                label: s.label(),
                implemented: s.is_implemented(),
            })
            .collect(),
        quick_win_statuses: QuickWinStatus::ALL
            .iter()
            .map(|s| QuickWinStatusItem {
                id: s.id(),
                label: s.label(),
                achieved: s.is_achieved(),
                launched: s.was_launched(),
            })
            .collect(),
        quick_win_states: list::<State>(),
        dimensions: list::<Dimension>(),
        dimension_sources: list::<ScoreSource>(),
        readiness_aspects: list::<Aspect>(),
        readiness_bands: list::<ReadinessBand>(),
        region_kinds: list::<RegionKind>(),
        legal_kinds: list::<LegalKind>(),
        severities,
        not_counted_reasons: list::<NotCounted>(),
        bpk_opinions: list::<BpkOpinion>(),
        no_agency: no_agency(),
        national_indices: presets::by_id(presets::DEFAULT_ID)
            .map(|m| national(&m.national))
            .unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(items: &[Item]) -> Vec<&str> {
        items.iter().map(|i| i.id).collect()
    }

    #[test]
    fn every_list_in_canonical_order_with_the_official_labels() {
        let v = vocabularies();
        let pillars: Vec<&str> = v.pillars.iter().map(|p| p.id).collect();
        assert_eq!(
            pillars,
            [
                "governance",
                "branding",
                "economy",
                "living",
                "society",
                "environment"
            ]
        );
        assert_eq!(
            ids(&v.pillars[3].sub_dimensions),
            ["harmony", "health", "mobility"]
        );
        assert_eq!(
            v.pillars[0].label,
            Text::new("Smart Governance", "Smart Governance")
        );
        let implemented: Vec<&str> = v
            .program_statuses
            .iter()
            .filter(|s| s.implemented)
            .map(|s| s.id)
            .collect();
        assert_eq!(implemented, ["running", "completed"]);
        assert_eq!(v.program_statuses.len(), 7);
        let in_progress = &v.program_statuses[1];
        assert_eq!(in_progress.id, "in_progress");
        assert_eq!(in_progress.label.id, "Dalam persiapan");
        let achieved: Vec<&str> = v
            .quick_win_statuses
            .iter()
            .filter(|s| s.achieved)
            .map(|s| s.id)
            .collect();
        assert_eq!(achieved, ["launched", "sustained"]);
        assert_eq!(
            ids(&v.quick_win_states),
            [
                "sustained",
                "sustained_late",
                "on_time",
                "late",
                "stopped",
                "pending",
                "not_due"
            ]
        );
        assert_eq!(v.quick_win_states[5].label.id, "Belum diluncurkan");
        assert_eq!(
            ids(&v.dimensions),
            ["baseline", "output", "outcome", "impact", "quick_win"]
        );
        assert_eq!(
            ids(&v.dimension_sources),
            ["computed", "provided", "missing"]
        );
        assert_eq!(ids(&v.readiness_bands), ["good", "moderate", "poor"]);
        assert_eq!(ids(&v.region_kinds), ["kabupaten", "kota"]);
        assert_eq!(ids(&v.severities), ["critical", "warning", "info", "error"]);
        assert_eq!(v.severities[3].label, Text::new("Kesalahan", "Error"));
        assert_eq!(
            ids(&v.not_counted_reasons),
            ["horizon", "not_started", "cancelled"]
        );
        assert_eq!(ids(&v.bpk_opinions), ["WTP", "WTP_DPP", "WDP", "TW", "TMP"]);
        assert_eq!(
            v.no_agency,
            Text::new("Tanpa OPD penanggung jawab", "No lead agency")
        );
    }

    #[test]
    fn national_bands_are_the_default_presets_tables() {
        let v = vocabularies();
        let names: Vec<&str> = v.national_indices.iter().map(|n| n.id).collect();
        assert_eq!(
            names,
            ["spbe", "pemdi", "sakip", "ikm", "ipm", "bpk_opinion"]
        );
        let spbe = &v.national_indices[0];
        let n = |s: &str| Num::parse(s);
        // PermenPANRB 59/2020: Kurang < 1.8 ≤ Cukup < 2.6 ≤ Baik < 3.5 ≤ Sangat Baik < 4.2 ≤ Memuaskan.
        let rows: Vec<(Option<Num>, Option<Num>, &str)> = spbe
            .bands
            .iter()
            .map(|b| (b.from, b.to, b.label.id.as_str()))
            .collect();
        assert_eq!(
            rows,
            [
                (None, n("1.8"), "Kurang"),
                (n("1.8"), n("2.6"), "Cukup"),
                (n("2.6"), n("3.5"), "Baik"),
                (n("3.5"), n("4.2"), "Sangat Baik"),
                (n("4.2"), None, "Memuaskan"),
            ]
        );
        assert_eq!(spbe.lower_bound, Some(LowerBound::Inclusive));
        // PermenPANRB 8/2026 (secondary source): Kurang 1–<1.5, Cukup –<2.5, Baik –<3.5,
        // Sangat Baik –<4, Memuaskan 4–5.
        let pemdi = &v.national_indices[1];
        let rows: Vec<(Option<Num>, Option<Num>, &str)> = pemdi
            .bands
            .iter()
            .map(|b| (b.from, b.to, b.label.id.as_str()))
            .collect();
        assert_eq!(
            rows,
            [
                (None, n("1.5"), "Kurang"),
                (n("1.5"), n("2.5"), "Cukup"),
                (n("2.5"), n("3.5"), "Baik"),
                (n("3.5"), n("4"), "Sangat Baik"),
                (n("4"), None, "Memuaskan"),
            ]
        );
        assert_eq!(pemdi.label.id, "Indeks Pemerintah Digital (Pemdi)");
        let sakip = &v.national_indices[2];
        assert_eq!(sakip.lower_bound, Some(LowerBound::Exclusive));
        assert_eq!(sakip.bands[3].grade.as_deref(), Some("B"));
        assert_eq!(sakip.bands[3].from, n("60"));
        let bpk = &v.national_indices[5];
        assert!(bpk.bands.is_empty() && bpk.lower_bound.is_none());
    }
}
