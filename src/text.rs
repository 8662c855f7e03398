//! Bilingual text and the number formatting used inside messages.

use serde::Serialize;

use crate::decimal::Num;

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
