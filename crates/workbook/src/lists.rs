//! The closed lists a cell may name, with their labels taken from the engine (never restated
//! here), and how a typed value is matched to one: Indonesian label, English label or id, case,
//! spacing and punctuation forgiven ("Dalam persiapan", "in progress", "IN_PROGRESS").

use std::cell::RefCell;
use std::collections::HashMap;

use kota_cerdas_mandiri::method::presets;
use kota_cerdas_mandiri::model::framework::{
    Aspect, BpkOpinion, Horizon, LegalKind, Pillar, ProgramStatus, QuickWinStatus, RegionKind,
    SubDimension,
};
use kota_cerdas_mandiri::model::text::Text;

/// A list of values a column takes (a dropdown in the workbook).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    /// Smart-city pillars.
    Pillar,
    /// Sub-dimensions (all eighteen; the engine checks they belong to the pillar).
    SubDimension,
    /// Program horizons.
    Horizon,
    /// Program statuses.
    ProgramStatus,
    /// Quick-win statuses.
    QuickWinStatus,
    /// Readiness aspects.
    Aspect,
    /// Kabupaten or kota.
    RegionKind,
    /// The legal instrument of the masterplan, plus "not fixed yet" (JSON `null`).
    LegalKind,
    /// BPK audit opinions.
    BpkOpinion,
    /// Yes or no (JSON `true`/`false`).
    YesNo,
    /// The method presets (open: another id is passed on for the engine to judge).
    Method,
    /// The indicator codes of the default preset (open: another code is passed on).
    Indicator,
    /// The institutions of the `institutions` object, one row each.
    Body,
}

/// One value of a list.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// What goes into the JSON: the wire id, or [`NULL`], [`TRUE`], [`FALSE`].
    pub id: String,
    /// The label shown in the dropdown, in both languages.
    pub label: Text,
}

/// Item id that stands for JSON `null` (the legal basis "not fixed yet").
pub const NULL: &str = "\u{0}null";
/// Item id that stands for JSON `true`.
pub const TRUE: &str = "\u{0}true";
/// Item id that stands for JSON `false`.
pub const FALSE: &str = "\u{0}false";

/// Every list, in the order of the Daftar (lists) sheet.
pub const ALL: [List; 13] = [
    List::Pillar,
    List::SubDimension,
    List::Horizon,
    List::ProgramStatus,
    List::QuickWinStatus,
    List::Aspect,
    List::RegionKind,
    List::LegalKind,
    List::BpkOpinion,
    List::YesNo,
    List::Method,
    List::Indicator,
    List::Body,
];

fn items<T: Copy>(all: &[T], id: fn(T) -> &'static str, label: fn(T) -> Text) -> Vec<Item> {
    all.iter()
        .map(|v| Item {
            id: id(*v).to_string(),
            label: label(*v),
        })
        .collect()
}

impl List {
    /// The values, in the engine's canonical order.
    pub fn items(self) -> Vec<Item> {
        match self {
            List::Pillar => items(Pillar::ALL, Pillar::id, Pillar::label),
            List::SubDimension => items(SubDimension::ALL, SubDimension::id, SubDimension::label),
            List::Horizon => items(Horizon::ALL, Horizon::id, Horizon::label),
            List::ProgramStatus => {
                items(ProgramStatus::ALL, ProgramStatus::id, ProgramStatus::label)
            }
            List::QuickWinStatus => items(
                QuickWinStatus::ALL,
                QuickWinStatus::id,
                QuickWinStatus::label,
            ),
            List::Aspect => items(Aspect::ALL, Aspect::id, Aspect::label),
            List::RegionKind => items(RegionKind::ALL, RegionKind::id, RegionKind::label),
            List::LegalKind => {
                let mut v = items(LegalKind::ALL, LegalKind::id, LegalKind::label);
                v.push(Item {
                    id: NULL.into(),
                    label: Text::new("Belum ditetapkan", "Not yet fixed"),
                });
                v
            }
            List::BpkOpinion => items(BpkOpinion::ALL, BpkOpinion::id, BpkOpinion::label),
            List::YesNo => vec![
                Item {
                    id: TRUE.into(),
                    label: Text::new("Ya", "Yes"),
                },
                Item {
                    id: FALSE.into(),
                    label: Text::new("Tidak", "No"),
                },
            ],
            List::Method => presets::all()
                .into_iter()
                .map(|m| Item {
                    label: m.name,
                    id: m.id,
                })
                .collect(),
            List::Indicator => presets::by_id(presets::DEFAULT_ID)
                .map(|m| m.impact.indicators)
                .unwrap_or_default()
                .into_iter()
                .map(|i| Item {
                    id: i.code,
                    label: i.label,
                })
                .collect(),
            List::Body => BODIES
                .iter()
                .map(|(key, id, en)| Item {
                    id: key.to_string(),
                    label: Text::new(*id, *en),
                })
                .collect(),
        }
    }

    /// True when a value outside the list is passed on as typed (the engine judges it).
    pub fn is_open(self) -> bool {
        matches!(self, List::Method | List::Indicator)
    }

    /// What a value of the list is called, and the problem code of an unknown one (the
    /// engine's code for the same mistake in a JSON file).
    pub fn noun(self) -> (&'static str, &'static str, &'static str) {
        match self {
            List::Pillar => ("pilar", "pillar", "unknown_pillar"),
            List::SubDimension => ("sub-dimensi", "sub-dimension", "unknown_sub_dimension"),
            List::Horizon => ("jangka waktu", "time frame", "unknown_horizon"),
            List::ProgramStatus => ("status program", "program status", "unknown_status"),
            List::QuickWinStatus => (
                "status quick win",
                "quick-win status",
                "unknown_quick_win_status",
            ),
            List::Aspect => ("aspek kesiapan", "readiness aspect", "unknown_aspect"),
            List::RegionKind => ("jenis daerah", "region kind", "unknown_region_kind"),
            List::LegalKind => (
                "jenis dasar hukum",
                "legal basis kind",
                "unknown_legal_kind",
            ),
            List::BpkOpinion => ("opini BPK", "BPK opinion", "unknown_bpk_opinion"),
            List::YesNo => ("jawaban ya/tidak", "yes/no answer", "not_yes_no"),
            List::Method => ("metode", "method", "unknown_method"),
            List::Indicator => ("kode indikator", "indicator code", "unknown_indicator"),
            List::Body => ("lembaga", "institution", "unknown_institution"),
        }
    }

    /// The list's name on the Daftar sheet.
    pub fn title(self) -> Text {
        let (id, en) = match self {
            List::Pillar => ("Pilar", "Pillar"),
            List::SubDimension => ("Sub-dimensi", "Sub-dimension"),
            List::Horizon => ("Jangka waktu", "Time frame"),
            List::ProgramStatus => ("Status program", "Program status"),
            List::QuickWinStatus => ("Status quick win", "Quick-win status"),
            List::Aspect => ("Aspek kesiapan", "Readiness aspect"),
            List::RegionKind => ("Jenis daerah", "Region kind"),
            List::LegalKind => ("Dasar hukum", "Legal basis"),
            List::BpkOpinion => ("Opini BPK", "BPK opinion"),
            List::YesNo => ("Ya/Tidak", "Yes/No"),
            List::Method => ("Metode", "Method"),
            List::Indicator => ("Indikator", "Indicator"),
            List::Body => ("Lembaga", "Institution"),
        };
        Text::new(id, en)
    }

    /// The item a typed value names, by id or either label, case and punctuation forgiven.
    /// Yes/no also takes the usual spellings (true/false, 1/0, ada/tidak ada, y/n).
    pub fn find(self, typed: &str) -> Option<Item> {
        let key = normalize(typed);
        if key.is_empty() {
            return None;
        }
        if self == List::YesNo {
            let yes = ["ya", "yes", "y", "true", "benar", "1", "ada", "sudah"];
            let no = [
                "tidak", "no", "n", "false", "salah", "0", "tidakada", "belum",
            ];
            let items = self.items();
            if yes.contains(&key.as_str()) {
                return items.into_iter().next();
            }
            if no.contains(&key.as_str()) {
                return items.into_iter().nth(1);
            }
            return None;
        }
        // Each list's spellings, normalised once per thread: building the items and
        // normalising every label for each cell took most of the time of reading a
        // 500-program workbook (25 of 36 ms natively).
        thread_local! {
            static INDEX: RefCell<Vec<Spellings>> =
                const { RefCell::new(Vec::new()) };
        }
        INDEX.with(|index| {
            let mut all = index.borrow_mut();
            let at = match all.iter().position(|(l, _, _)| *l == self) {
                Some(at) => at,
                None => {
                    let items = self.items();
                    let mut keys = HashMap::new();
                    // The first item in list order that any spelling names wins.
                    for (j, item) in items.iter().enumerate() {
                        if !item.id.starts_with('\u{0}') {
                            keys.entry(normalize(&item.id)).or_insert(j);
                        }
                        keys.entry(normalize(&item.label.id)).or_insert(j);
                        keys.entry(normalize(&item.label.en)).or_insert(j);
                    }
                    all.push((self, items, keys));
                    all.len() - 1
                }
            };
            let (_, items, keys) = &all[at];
            keys.get(&key).map(|&j| items[j].clone())
        })
    }
}

/// The institutions of the `institutions` object: key, Indonesian and English name.
const BODIES: [(&str, &str, &str); 5] = [
    ("council", "Dewan Smart City", "Smart City council"),
    (
        "implementation_team",
        "Tim Pelaksana Smart City",
        "Implementation team",
    ),
    ("forum", "Forum Smart City", "Smart City forum"),
    ("hr_plan", "Rencana pengembangan SDM", "HR development plan"),
    (
        "risk_register",
        "Formulir manajemen risiko",
        "Risk-management form",
    ),
];

/// A list, its items and the item each normalised spelling names.
type Spellings = (List, Vec<Item>, HashMap<String, usize>);

/// Lower-case letters and digits only: "Smart  Governance" = "smart_governance" =
/// "SMART-GOVERNANCE". Letters outside ASCII are kept, lower-cased.
pub fn normalize(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_ids_and_spellings_find_the_same_item() {
        for typed in ["Berjalan", "running", "RUNNING", " berjalan ", "Running"] {
            assert_eq!(
                List::ProgramStatus.find(typed).map(|i| i.id),
                Some("running".to_string()),
                "{typed}"
            );
        }
        assert_eq!(
            List::Pillar.find("Smart Governance").map(|i| i.id),
            Some("governance".into())
        );
        assert_eq!(
            List::Pillar.find("governance").map(|i| i.id),
            Some("governance".into())
        );
        assert_eq!(
            List::RegionKind.find("Kabupaten").map(|i| i.id),
            Some("kabupaten".into())
        );
        assert_eq!(
            List::RegionKind.find("City").map(|i| i.id),
            Some("kota".into())
        );
        assert_eq!(
            List::QuickWinStatus.find("in progress").map(|i| i.id),
            Some("in_progress".into())
        );
        assert_eq!(
            List::BpkOpinion.find("wtp dpp").map(|i| i.id),
            Some("WTP_DPP".into())
        );
        assert_eq!(
            List::YesNo.find("Tidak ada").map(|i| i.id),
            Some(FALSE.into())
        );
        assert_eq!(
            List::LegalKind.find("belum ditetapkan").map(|i| i.id),
            Some(NULL.into())
        );
        assert_eq!(List::ProgramStatus.find("Jalan"), None);
        assert_eq!(List::ProgramStatus.find(""), None);
    }

    #[test]
    fn no_two_items_of_a_list_share_a_spelling() {
        for list in ALL {
            let mut seen = std::collections::BTreeMap::new();
            for item in list.items() {
                let mut forms = vec![normalize(&item.label.id), normalize(&item.label.en)];
                if !item.id.starts_with('\u{0}') {
                    forms.push(normalize(&item.id));
                }
                forms.sort();
                forms.dedup();
                for f in forms {
                    if let Some(other) = seen.insert(f.clone(), item.id.clone()) {
                        panic!("{list:?}: {f} names both {other} and {}", item.id);
                    }
                }
            }
            assert!(!list.items().is_empty(), "{list:?}");
        }
    }
}
