//! The closed vocabularies as seen by the decoder: how to name them in a message and how to
//! guess what a person meant when they wrote a label, a different case or a typo.

use crate::model::code::Code;
use crate::model::framework::{
    Aspect, BpkOpinion, Dimension, Horizon, LegalKind, Pillar, ProgramStatus, QuickWinStatus,
    RegionKind, SubDimension,
};
use crate::model::text::Text;

/// A closed set the file names by id.
pub(super) trait Vocab: Copy + 'static {
    /// Every value, in canonical order.
    const ALL: &'static [Self];
    /// Problem code when the value is not one of the set.
    const CODE: Code;
    /// What the value is called, in Indonesian and English ("Pilar", "pillar").
    const NOUN: (&'static str, &'static str);
    /// The wire id.
    fn id(self) -> &'static str;
    /// The human labels.
    fn label(self) -> Text;
    /// Reads a wire id.
    fn from_id(id: &str) -> Option<Self>;

    /// The wire ids, in canonical order.
    const IDS: &'static [&'static str];

    /// The ids, comma-separated.
    fn ids() -> String {
        Self::IDS.join(", ")
    }
}

macro_rules! vocab {
    ($t:ty, $code:expr, $noun_id:literal, $noun_en:literal) => {
        impl Vocab for $t {
            const ALL: &'static [Self] = <$t>::ALL;
            const IDS: &'static [&'static str] = <$t>::IDS;
            const CODE: Code = $code;
            const NOUN: (&'static str, &'static str) = ($noun_id, $noun_en);
            fn id(self) -> &'static str {
                <$t>::id(self)
            }
            fn label(self) -> Text {
                <$t>::label(self)
            }
            fn from_id(id: &str) -> Option<Self> {
                <$t>::from_id(id)
            }
        }
    };
}

vocab!(Pillar, Code::UnknownPillar, "Pilar", "pillar");
vocab!(
    SubDimension,
    Code::UnknownSubDimension,
    "Sub-dimensi",
    "sub-dimension"
);
vocab!(
    Dimension,
    Code::UnknownDimension,
    "Dimensi evaluasi",
    "evaluation dimension"
);
vocab!(Horizon, Code::UnknownHorizon, "Jangka waktu", "time frame");
vocab!(
    ProgramStatus,
    Code::UnknownStatus,
    "Status program",
    "program status"
);
vocab!(
    QuickWinStatus,
    Code::UnknownQuickWinStatus,
    "Status quick win",
    "quick-win status"
);
vocab!(
    Aspect,
    Code::UnknownAspect,
    "Aspek kesiapan",
    "readiness aspect"
);
vocab!(
    RegionKind,
    Code::UnknownRegionKind,
    "Jenis daerah",
    "region kind"
);
vocab!(
    LegalKind,
    Code::UnknownLegalKind,
    "Jenis dasar hukum",
    "legal basis kind"
);
vocab!(
    BpkOpinion,
    Code::UnknownBpkOpinion,
    "Opini BPK",
    "BPK opinion"
);

/// The value of `T` a person most likely meant by `written`: the same id in another case or
/// spelling ("Smart Governance", "quick win"), its Indonesian or English label, an unambiguous
/// prefix ("gov") or a near miss ("goverance").
pub(super) fn suggest<T: Vocab>(written: &str) -> Option<T> {
    // The forms are collected so that `closest` is one function, not one copy per vocabulary.
    let forms: Vec<(&str, String)> = T::ALL
        .iter()
        .flat_map(|v| {
            let label = v.label();
            [
                (v.id(), normalize(v.id())),
                (v.id(), normalize(&label.id)),
                (v.id(), normalize(&label.en)),
            ]
        })
        .collect();
    closest(written, &forms).and_then(T::from_id)
}

/// The candidate most likely meant by `written` (see [`suggest`]).
pub(super) fn suggest_key(written: &str, keys: &'static [&'static str]) -> Option<&'static str> {
    let forms: Vec<(&str, String)> = keys.iter().map(|k| (*k, normalize(k))).collect();
    closest(written, &forms)
}

/// Lower case, words joined by `_`, without a leading "smart": how ids are spelled.
fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.trim().chars().flat_map(lower) {
        let c = if matches!(c, ' ' | '-' | '.' | '/') {
            '_'
        } else {
            c
        };
        if !(c == '_' && (out.is_empty() || out.ends_with('_'))) {
            out.push(c);
        }
    }
    let out = out.trim_end_matches('_');
    out.strip_prefix("smart_").unwrap_or(out).to_string()
}

/// `char::to_lowercase` as far as ASCII text can tell, without the Unicode case tables (about
/// 4 KB of wasm). Every id and label is ASCII (a test checks) and snake_case codes keep ASCII
/// only, so a non-ASCII character is never kept or matched whatever it lowers to; only the two
/// non-ASCII characters whose lower case is ASCII, and the one that lowers to two characters,
/// matter (a test compares every character with `to_lowercase`).
pub(super) fn lower(c: char) -> impl Iterator<Item = char> {
    let (a, b) = match c {
        '\u{212A}' => ('k', None),            // KELVIN SIGN
        '\u{0130}' => ('i', Some('\u{307}')), // LATIN CAPITAL LETTER I WITH DOT ABOVE
        c => (c.to_ascii_lowercase(), None),
    };
    std::iter::once(a).chain(b)
}

fn closest<'a>(written: &str, forms: &[(&'a str, String)]) -> Option<&'a str> {
    // Long values are not a misspelt id; skip the quadratic distance on them.
    if written.chars().count() > 64 {
        return None;
    }
    let w = normalize(written);
    if w.is_empty() {
        return None;
    }
    if let Some((id, _)) = forms.iter().find(|(_, f)| *f == w) {
        return Some(id);
    }
    let unique = |mut hits: Vec<&'a str>| {
        hits.dedup();
        (hits.len() == 1).then(|| hits[0])
    };
    if w.chars().count() >= 3 {
        let hits: Vec<&str> = forms
            .iter()
            .filter(|(_, f)| f.starts_with(&w))
            .map(|(id, _)| *id)
            .collect();
        if let Some(id) = unique(hits) {
            return Some(id);
        }
    }
    let max = if w.chars().count() <= 4 { 1 } else { 2 };
    let scored: Vec<(usize, &str)> = forms.iter().map(|(id, f)| (distance(&w, f), *id)).collect();
    let best = scored.iter().map(|(d, _)| *d).min()?;
    if best > max {
        return None;
    }
    unique(
        scored
            .iter()
            .filter(|(d, _)| *d == best)
            .map(|(_, id)| *id)
            .collect(),
    )
}

/// Levenshtein distance in characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_ids_from_case_labels_prefixes_and_typos() {
        assert_eq!(suggest::<Pillar>("Governance"), Some(Pillar::Governance));
        assert_eq!(
            suggest::<Pillar>("Smart Governance"),
            Some(Pillar::Governance)
        );
        assert_eq!(
            suggest::<Pillar>("smart_governance"),
            Some(Pillar::Governance)
        );
        assert_eq!(suggest::<Pillar>("Smart Gov"), Some(Pillar::Governance));
        assert_eq!(suggest::<Pillar>("goverance"), Some(Pillar::Governance));
        assert_eq!(suggest::<Horizon>("Quick Win"), Some(Horizon::QuickWin));
        assert_eq!(suggest::<Horizon>("jangka pendek"), Some(Horizon::Short));
        assert_eq!(
            suggest::<ProgramStatus>("Berjalan"),
            Some(ProgramStatus::Running)
        );
        assert_eq!(suggest::<BpkOpinion>("wtp-dpp"), Some(BpkOpinion::WtpDpp));
        assert_eq!(
            suggest::<RegionKind>("Regency"),
            Some(RegionKind::Kabupaten)
        );
        assert_eq!(suggest::<Dimension>("quickwin"), Some(Dimension::QuickWin));
        assert_eq!(suggest::<Pillar>("transport"), None);
        assert_eq!(suggest::<Pillar>(""), None);
        assert_eq!(
            suggest_key("startyear", &["start_year", "end_year"]),
            Some("start_year")
        );
        assert_eq!(suggest_key("Name", &["name", "kind"]), Some("name"));
    }

    #[test]
    fn ids_and_labels_are_ascii_so_ascii_lowering_suffices() {
        fn check<T: Vocab>() {
            for v in T::ALL {
                let l = v.label();
                for s in [v.id(), &l.id, &l.en] {
                    assert!(s.is_ascii(), "{s}");
                }
            }
        }
        check::<Pillar>();
        check::<SubDimension>();
        check::<Dimension>();
        check::<Horizon>();
        check::<ProgramStatus>();
        check::<QuickWinStatus>();
        check::<Aspect>();
        check::<RegionKind>();
        check::<LegalKind>();
        check::<BpkOpinion>();
    }

    #[test]
    fn lowers_like_unicode_where_it_matters() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            let ours: String = lower(c).collect();
            let std: String = c.to_lowercase().collect();
            // Identical wherever ASCII is involved; elsewhere one non-ASCII character each,
            // which matches no id or label either way.
            if c.is_ascii() || std.is_ascii() || ours.chars().count() > 1 {
                assert_eq!(ours, std, "{c:?}");
            } else {
                assert!(
                    !ours.is_ascii() && !std.chars().any(|d| d.is_ascii()),
                    "{c:?}"
                );
                assert_eq!(std.chars().count(), 1, "{c:?}");
            }
        }
    }

    #[test]
    fn distance_counts_edits() {
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("abc", "abc"), 0);
    }
}
