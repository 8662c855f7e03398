//! Bilingual text and the number formatting used inside messages.

use serde::Serialize;

use crate::model::decimal::Num;

/// The name serde gives [`Text`]: the JSON writer recognises a bilingual text by it, to keep
/// one language when asked (`io::json_out::to_string_in`).
pub const TEXT_STRUCT: &str = "Text";

/// One of the two languages of every message and label (`options.locale`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// Bahasa Indonesia.
    Id,
    /// English.
    En,
}

impl Lang {
    /// The key of [`Text`] in this language, which is also its `options.locale` value.
    pub fn key(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    /// Reads `"id"` or `"en"`.
    pub fn parse(s: &str) -> Option<Lang> {
        match s {
            "id" => Some(Lang::Id),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// A text in Bahasa Indonesia (`id`, shown by default) and English (`en`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Text {
    /// Bahasa Indonesia.
    pub id: String,
    /// English.
    pub en: String,
}

impl Text {
    /// Builds a text from its two languages.
    pub fn new(id: impl Into<String>, en: impl Into<String>) -> Self {
        Text {
            id: id.into(),
            en: en.into(),
        }
    }
}

/// True when `s` holds U+FFFD, the mark of bytes that were not UTF-8. Searched as its three
/// bytes: `str::contains` with a non-ASCII char pulls in the general substring searcher.
pub fn has_replacement_char(s: &str) -> bool {
    s.as_bytes().windows(3).any(|w| w == "\u{fffd}".as_bytes())
}

/// The first `n` characters of `s` (all of it when shorter), without walking short texts.
pub fn cut_chars(s: &str, n: usize) -> &str {
    // A text of at most `n` bytes has at most `n` characters.
    if s.len() <= n {
        return s;
    }
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// Formats a number for an Indonesian sentence: comma decimals, point thousands ("1.234,5").
pub fn num_id(n: Num) -> String {
    let s = n.to_plain();
    let (sign, digits) = match s.strip_prefix('-') {
        Some(rest) => ("-", rest.to_string()),
        None => ("", s),
    };
    let (int, frac) = match digits.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (digits, None),
    };
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{grouped},{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// Formats a number for an English sentence: point decimals, comma thousands ("1,234.5").
pub fn num_en(n: Num) -> String {
    num_id(n)
        .chars()
        .map(|c| match c {
            '.' => ',',
            ',' => '.',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_and_search_without_walking_every_character() {
        assert_eq!(cut_chars("abc", 5), "abc");
        assert_eq!(cut_chars("abcdef", 3), "abc");
        assert_eq!(cut_chars("ééééé", 3), "ééé");
        assert_eq!(cut_chars("éé", 3), "éé");
        assert!(has_replacement_char("ab\u{fffd}c"));
        assert!(!has_replacement_char("abc é ÿ"));
    }

    #[test]
    fn indonesian_and_english_number_style() {
        let n = Num::parse("85.71").unwrap();
        assert_eq!(num_id(n), "85,71");
        assert_eq!(num_en(n), "85.71");
        let big = Num::parse("-2500000.5").unwrap();
        assert_eq!(num_id(big), "-2.500.000,5");
        assert_eq!(num_en(big), "-2,500,000.5");
        assert_eq!(num_id(Num::from_int(100)), "100");
    }
}
