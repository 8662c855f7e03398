//! The closed vocabularies of format v1: pillars, sub-dimensions, evaluation dimensions,
//! horizons, statuses and readiness aspects.
//!
//! Each set is an enum whose declaration order is the canonical order of the spec, so a
//! `Map` keyed by it iterates (and serialises) in that order.

use crate::model::text::Text;

/// A closed vocabulary's value: its wire id and its official label. Implemented by every
/// enum declared with `vocabulary!`, so lists of them can be published generically
/// ([`crate::model::vocabulary`]).
pub trait Term: Copy + 'static {
    /// Every value, in canonical order.
    const ALL: &'static [Self];
    /// The wire ids, in canonical order.
    const IDS: &'static [&'static str];
    /// The labels (Bahasa Indonesia, English), in canonical order.
    const LABELS: &'static [(&'static str, &'static str)];
    /// The id used in files and in the output.
    fn id(self) -> &'static str;
    /// Human label in Bahasa Indonesia and English.
    fn label(self) -> Text;
}

/// Declares a closed vocabulary: the enum, its wire ids, its labels and its canonical order.
/// The label is the value's one official wording: every list, message and interface takes it
/// from here (the interface through `vocabularies()`). A variant may carry doc lines of its
/// own before its name.
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        $name:ident { $( $(#[doc = $doc:literal])* $variant:ident = $id:literal, $label_id:literal, $label_en:literal; )+ }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, ::serde::Serialize)]
        pub enum $name {
            $(
                #[doc = $label_en]
                $(#[doc = ""] #[doc = $doc])*
                #[serde(rename = $id)]
                $variant,
            )+
        }

        impl $crate::model::framework::Term for $name {
            const ALL: &'static [$name] = $name::ALL;
            const IDS: &'static [&'static str] = $name::IDS;
            const LABELS: &'static [(&'static str, &'static str)] = $name::LABELS;
            fn id(self) -> &'static str {
                $name::id(self)
            }
            fn label(self) -> $crate::model::text::Text {
                $name::label(self)
            }
        }

        impl $name {
            /// Every value, in canonical order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The id used in files and in the output (`snake_case`).
            pub fn id(self) -> &'static str {
                match self { $($name::$variant => $id),+ }
            }

            /// Reads a wire id; `None` when it is not one of the closed set.
            pub fn from_id(id: &str) -> Option<Self> {
                match id { $($id => Some($name::$variant),)+ _ => None }
            }

            /// The labels (Bahasa Indonesia, English), in canonical order.
            pub const LABELS: &'static [(&'static str, &'static str)] =
                &[$(($label_id, $label_en)),+];

            /// Human label in Bahasa Indonesia and English.
            pub fn label(self) -> $crate::model::text::Text {
                // A table read by one shared function: a `match` building two `String`s per
                // variant cost about 1 KB of wasm over all the vocabularies.
                $crate::model::framework::label_at(Self::LABELS, self as usize)
            }

            /// The wire ids, in canonical order.
            pub const IDS: &'static [&'static str] = &[$($id),+];

            /// The wire ids, comma-separated, for error messages.
            // From the constant list: one shared `join` instead of a collect per type.
            pub fn ids() -> String {
                Self::IDS.join(", ")
            }
        }
    };
}
/// The label at `i` of a vocabulary's table (`vocabulary!`'s `label`).
#[doc(hidden)]
#[inline(never)]
pub fn label_at(labels: &[(&str, &str)], i: usize) -> Text {
    let (id, en) = labels.get(i).copied().unwrap_or_default();
    Text::new(id, en)
}

// Used by the score modules for the vocabularies of their output (states, sources, …).
pub(crate) use vocabulary;

vocabulary! {
    /// The six smart-city pillars ("dimensi smart city"), in canonical order.
    Pillar {
        Governance = "governance", "Smart Governance", "Smart Governance";
        Branding = "branding", "Smart Branding", "Smart Branding";
        Economy = "economy", "Smart Economy", "Smart Economy";
        Living = "living", "Smart Living", "Smart Living";
        Society = "society", "Smart Society", "Smart Society";
        Environment = "environment", "Smart Environment", "Smart Environment";
    }
}

vocabulary! {
    /// The three sub-dimensions of each pillar.
    SubDimension {
        PublicService = "public_service", "Pelayanan Publik", "Public service";
        Bureaucracy = "bureaucracy", "Tata Kelola Birokrasi", "Bureaucracy";
        PublicPolicy = "public_policy", "Kebijakan Publik", "Public policy";
        Tourism = "tourism", "Branding Pariwisata", "Tourism branding";
        Business = "business", "Branding Bisnis", "Business branding";
        CityAppearance = "city_appearance", "Wajah Kota", "City appearance";
        Industry = "industry", "Ekosistem Industri", "Industry";
        Welfare = "welfare", "Kesejahteraan Masyarakat", "Welfare";
        FinancialTransactions = "financial_transactions", "Ekosistem Transaksi Keuangan", "Financial transactions";
        Harmony = "harmony", "Harmonisasi Tata Ruang", "Harmonised spatial living";
        Health = "health", "Kesehatan", "Health";
        Mobility = "mobility", "Mobilitas", "Mobility";
        Community = "community", "Interaksi Komunitas", "Community";
        Learning = "learning", "Ekosistem Belajar", "Learning";
        Security = "security", "Keamanan Masyarakat", "Security";
        Protection = "protection", "Proteksi Lingkungan", "Environmental protection";
        Waste = "waste", "Tata Kelola Sampah", "Waste";
        Energy = "energy", "Tata Kelola Energi", "Energy";
    }
}

impl SubDimension {
    /// The pillar this sub-dimension belongs to (spec §2).
    pub fn pillar(self) -> Pillar {
        use SubDimension::*;
        match self {
            PublicService | Bureaucracy | PublicPolicy => Pillar::Governance,
            Tourism | Business | CityAppearance => Pillar::Branding,
            Industry | Welfare | FinancialTransactions => Pillar::Economy,
            Harmony | Health | Mobility => Pillar::Living,
            Community | Learning | Security => Pillar::Society,
            Protection | Waste | Energy => Pillar::Environment,
        }
    }
}

impl Pillar {
    /// The pillar's three sub-dimensions, comma-separated ids (for messages).
    pub fn sub_dimension_ids(self) -> String {
        SubDimension::ALL
            .iter()
            .filter(|s| s.pillar() == self)
            .map(|s| s.id())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

vocabulary! {
    /// The five evaluation dimensions, in canonical order.
    Dimension {
        Baseline = "baseline", "Baseline", "Baseline";
        Output = "output", "Output", "Output";
        Outcome = "outcome", "Outcome", "Outcome";
        Impact = "impact", "Impact", "Impact";
        QuickWin = "quick_win", "Quick Win", "Quick Win";
    }
}

vocabulary! {
    /// How soon a program is meant to deliver.
    Horizon {
        QuickWin = "quick_win", "Quick win", "Quick win";
        Short = "short", "Jangka pendek", "Short term";
        Medium = "medium", "Jangka menengah", "Medium term";
        Long = "long", "Jangka panjang", "Long term";
    }
}

vocabulary! {
    /// Where a program stands (spec §1).
    ProgramStatus {
        Planned = "planned", "Direncanakan", "Planned";
        InProgress = "in_progress", "Dalam persiapan", "In progress";
        Running = "running", "Berjalan", "Running";
        Completed = "completed", "Selesai", "Completed";
        Delayed = "delayed", "Tertunda", "Delayed";
        Stopped = "stopped", "Dihentikan", "Stopped";
        Cancelled = "cancelled", "Dibatalkan", "Cancelled";
    }
}

impl ProgramStatus {
    /// Operating or delivered: what the implementation rate counts as implemented.
    pub fn is_implemented(self) -> bool {
        matches!(self, ProgramStatus::Running | ProgramStatus::Completed)
    }
}

vocabulary! {
    /// Where a quick win stands.
    QuickWinStatus {
        Planned = "planned", "Direncanakan", "Planned";
        InProgress = "in_progress", "Dalam persiapan", "In progress";
        Launched = "launched", "Diluncurkan", "Launched";
        Sustained = "sustained", "Berkelanjutan", "Sustained";
        Stopped = "stopped", "Dihentikan", "Stopped";
    }
}

impl QuickWinStatus {
    /// Statuses that say the quick win went live at some point (and so need `launched_year`).
    pub fn was_launched(self) -> bool {
        matches!(
            self,
            QuickWinStatus::Launched | QuickWinStatus::Sustained | QuickWinStatus::Stopped
        )
    }

    /// Achieved in the sense of spec §3: launched or sustained.
    pub fn is_achieved(self) -> bool {
        matches!(self, QuickWinStatus::Launched | QuickWinStatus::Sustained)
    }
}

vocabulary! {
    /// The three aspects of the readiness analysis (Analisis Kesiapan Daerah).
    Aspect {
        Struktur = "struktur", "Struktur", "Structure";
        Infrastruktur = "infrastruktur", "Infrastruktur", "Infrastructure";
        Suprastruktur = "suprastruktur", "Suprastruktur", "Superstructure";
    }
}

vocabulary! {
    /// Kind of region.
    RegionKind {
        Kabupaten = "kabupaten", "Kabupaten", "Regency";
        Kota = "kota", "Kota", "City";
    }
}

vocabulary! {
    /// Legal instrument that fixes the masterplan.
    LegalKind {
        Perda = "perda", "Peraturan Daerah", "Regional regulation";
        Perbup = "perbup", "Peraturan Bupati", "Regent regulation";
        Perwali = "perwali", "Peraturan Wali Kota", "Mayor regulation";
        Keputusan = "keputusan", "Keputusan Kepala Daerah", "Regional head decree";
    }
}

vocabulary! {
    /// Opinion of the Supreme Audit Board (BPK) on the regional financial statements.
    BpkOpinion {
        Wtp = "WTP", "Wajar Tanpa Pengecualian", "Unqualified";
        WtpDpp = "WTP_DPP", "Wajar Tanpa Pengecualian dengan Paragraf Penjelasan", "Unqualified with explanatory paragraph";
        Wdp = "WDP", "Wajar Dengan Pengecualian", "Qualified";
        Tw = "TW", "Tidak Wajar", "Adverse";
        Tmp = "TMP", "Tidak Menyatakan Pendapat", "Disclaimer";
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sub_dimension_belongs_to_exactly_one_pillar_three_each() {
        for p in Pillar::ALL {
            let n = SubDimension::ALL
                .iter()
                .filter(|s| s.pillar() == *p)
                .count();
            assert_eq!(n, 3, "{}", p.id());
        }
        assert_eq!(
            Pillar::Living.sub_dimension_ids(),
            "harmony, health, mobility"
        );
    }

    #[test]
    fn ids_round_trip_and_order_is_canonical() {
        for d in Dimension::ALL {
            assert_eq!(Dimension::from_id(d.id()), Some(*d));
        }
        assert_eq!(
            Dimension::ids(),
            "baseline, output, outcome, impact, quick_win"
        );
        assert!(Pillar::Governance < Pillar::Branding && Pillar::Society < Pillar::Environment);
        assert_eq!(Pillar::from_id("Governance"), None);
    }
}
