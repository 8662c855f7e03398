//! Numbers between spreadsheet cells and the masterplan's exact decimals.
//!
//! **The rule.** A spreadsheet stores every number as a binary double: a score typed 3,485
//! arrives as 3.4849999999999998646… The reader takes each double as its *shortest
//! round-trip decimal*, the fewest digits that read back as the same double (what `f64`'s
//! `Display` prints, and what JavaScript's `String(x)` prints): 3.485. Any number typed with
//! up to 15 significant digits comes back exactly as typed, so a typed number is never
//! silently changed. The writer does the reverse: a JSON number whose decimal survives that
//! trip (all but those with 16 or more significant digits) becomes a number cell; any other
//! is written as a text cell holding its exact digits, which the reader takes as typed.

use kota_cerdas_mandiri::model::decimal::Num;

/// The shortest decimal text that reads back as `f` (no exponent; "-0" is "0").
pub fn shortest(f: f64) -> String {
    if f == 0.0 {
        return "0".into();
    }
    format!("{f}")
}

/// The double a JSON number token is written as, when its decimal survives the round trip.
pub fn exact_f64(token: &str) -> Option<f64> {
    let f: f64 = token.parse().ok()?;
    if !f.is_finite() {
        return None;
    }
    let want = Num::parse(token)?;
    (Num::parse(&shortest(f))? == want).then_some(f)
}

/// A number typed as text ("2022", " 3,485 ", "1.5", "-2"), as canonical JSON number text.
/// A decimal comma is taken when the text has no point; digit grouping ("1.500.000",
/// "1,234.5") is refused, as are words. `None` when it is not a plain number.
pub fn parse_text(typed: &str) -> Option<String> {
    let t = typed.trim().trim_start_matches('+');
    let seps = t.chars().filter(|c| *c == '.' || *c == ',').count();
    if seps > 1 {
        return None;
    }
    let t = t.replace(',', ".");
    let body = t.strip_prefix('-').unwrap_or(&t);
    let mut parts = body.splitn(2, ['e', 'E']);
    let mantissa = parts.next().unwrap_or("");
    let exponent_ok = parts.next().is_none_or(|e| {
        let e = e.strip_prefix(['+', '-']).unwrap_or(e);
        !e.is_empty() && e.bytes().all(|b| b.is_ascii_digit())
    });
    let digits = mantissa.bytes().filter(u8::is_ascii_digit).count();
    if !exponent_ok || digits == 0 || !mantissa.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return None;
    }
    // JSON wants a digit on both sides of the point: ".5" → "0.5", "5." → "5".
    let mut fixed = String::new();
    if t.starts_with('-') {
        fixed.push('-');
    }
    if mantissa.starts_with('.') {
        fixed.push('0');
    }
    fixed.push_str(mantissa.trim_end_matches('.'));
    if let Some(e) = body.find(['e', 'E']) {
        fixed.push_str(&body[e..]);
    }
    Some(Num::parse(&fixed)?.to_plain())
}

/// `text` (a plain decimal, as from [`shortest`]) times 100, by moving the point: 0.85 →
/// 85, 0.0725 → 7.25. Done on the digits, so no float rounding enters.
pub fn times_100(text: &str) -> String {
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text),
    };
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let mut frac: String = frac.to_string();
    while frac.len() < 2 {
        frac.push('0');
    }
    let (moved, rest) = frac.split_at(2);
    let int = format!("{int}{moved}");
    let int = int.trim_start_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    let out = if rest.is_empty() {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int}.{rest}")
    };
    if out == "-0" {
        "0".into()
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_3_485_reads_as_3_485() {
        // The double nearest 3.485 is 3.48499999999999987565…: its shortest decimal is 3.485.
        let stored: f64 = "3.4849999999999999".parse().unwrap();
        assert_eq!(stored, 3.485);
        assert_eq!(shortest(stored), "3.485");
        assert_eq!(shortest(2022.0), "2022");
        assert_eq!(shortest(-0.0), "0");
        assert_eq!(shortest(0.1 + 0.2), "0.30000000000000004");
    }

    #[test]
    fn numbers_typed_as_text() {
        assert_eq!(parse_text(" 2022 ").as_deref(), Some("2022"));
        assert_eq!(parse_text("3,485").as_deref(), Some("3.485"));
        assert_eq!(parse_text("3.50").as_deref(), Some("3.5"));
        assert_eq!(parse_text("+.5").as_deref(), Some("0.5"));
        assert_eq!(parse_text("-12").as_deref(), Some("-12"));
        assert_eq!(parse_text("1e3").as_deref(), Some("1000"));
        assert_eq!(parse_text("007").as_deref(), Some("7"));
        for bad in [
            "",
            "-",
            ".",
            "1.500.000",
            "1,234.5",
            "dua",
            "12a",
            "1e",
            "Rp 5",
        ] {
            assert_eq!(parse_text(bad), None, "{bad}");
        }
    }

    #[test]
    fn percent_cells_move_the_point() {
        assert_eq!(times_100("0.85"), "85");
        assert_eq!(times_100("0.0725"), "7.25");
        assert_eq!(times_100("1"), "100");
        assert_eq!(times_100("0"), "0");
        assert_eq!(times_100("-0.5"), "-50");
        assert_eq!(times_100("0.001"), "0.1");
    }

    #[test]
    fn json_numbers_that_survive_a_double_become_number_cells() {
        assert_eq!(exact_f64("3.485"), Some(3.485));
        assert_eq!(exact_f64("2500000000"), Some(2.5e9));
        assert_eq!(exact_f64("1e2"), Some(100.0));
        // 17 significant digits do not survive a double.
        assert_eq!(exact_f64("1234567890123456789"), None);
        assert_eq!(exact_f64("0.12345678901234567"), None);
    }
}
