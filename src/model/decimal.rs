//! Exact decimal numbers.
//!
//! Every number read from a file is kept as the decimal its text spells, and every ratio is
//! carried with 28 significant digits; rounding happens once, when a value is written out
//! (spec §3). Binary floating point would turn 3.485 into 3.48499… and round it the wrong way.

use std::cmp::Ordering;
use std::fmt;
use std::ops::{Add, Div, Mul, Sub};

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Serialize, Serializer};

/// An exact decimal number.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Num(Decimal);

impl Num {
    /// Zero.
    pub const ZERO: Num = Num(Decimal::ZERO);
    /// One.
    pub const ONE: Num = Num(Decimal::ONE);

    /// Reads a JSON number exactly as written (`12.66`, `-3`, `2.5e1`). `None` when the
    /// text is not a number or is too large or too precise to hold exactly.
    pub fn parse(text: &str) -> Option<Num> {
        let bytes = text.as_bytes();
        // Years, counts and other plain integers: no decimal machinery needed.
        let digits = bytes.strip_prefix(b"-").unwrap_or(bytes);
        if !digits.is_empty() && digits.len() <= 18 && digits.iter().all(u8::is_ascii_digit) {
            return text.parse::<i64>().ok().map(Num::from_int);
        }
        let d = if bytes.iter().any(|b| matches!(b, b'e' | b'E')) {
            let lower = text.to_ascii_lowercase();
            // Keep exponents within what a decimal can hold; 1e400 is "out of range".
            let (mantissa, exp) = lower.split_once('e')?;
            let exp: i64 = exp.parse().ok()?;
            if !(-28..=28).contains(&exp) || mantissa.len() > 30 {
                return None;
            }
            scientific(&lower)?
        } else {
            // More than 28 significant digits cannot be held exactly.
            if bytes.iter().filter(|b| b.is_ascii_digit()).count() > 28 {
                return None;
            }
            plain(text)?
        };
        Some(Num(d.normalize()))
    }

    /// An integer.
    pub fn from_int(n: i64) -> Num {
        Num(Decimal::from(n))
    }

    /// `n / d` carried exactly (28 significant digits). `None` when `d` is zero.
    pub fn ratio(n: i64, d: i64) -> Option<Num> {
        Num::from_int(n).checked_div(Num::from_int(d))
    }

    /// Division that says when it is impossible.
    pub fn checked_div(self, rhs: Num) -> Option<Num> {
        self.0.checked_div(rhs.0).map(Num)
    }

    /// Rounded to two decimals, half away from zero: the one rounding of spec §3.
    pub fn round2(self) -> Num {
        self.round_dp(2)
    }

    /// Rounded to `dp` decimals, half away from zero.
    pub fn round_dp(self, dp: u32) -> Num {
        Num(self
            .0
            .round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
            .normalize())
    }

    /// Smallest integer not below this number.
    pub fn ceil(self) -> Num {
        Num(self.0.ceil())
    }

    /// The value as an integer when it is one.
    pub fn to_i64(self) -> Option<i64> {
        if self.is_integer() {
            self.0.to_i64()
        } else {
            None
        }
    }

    /// True when the number has no fractional part.
    pub fn is_integer(self) -> bool {
        // Without trailing zeros an integer has scale 0 and nothing else does; `fract()`
        // would be a subtraction, whose code is large.
        self.0.normalize().scale() == 0
    }

    /// Plain decimal notation without exponent or trailing zeros ("85.71", "100").
    pub fn to_plain(self) -> String {
        self.0.normalize().to_string()
    }

    /// The nearest binary float, for output as a JSON number. The decimal is written out and
    /// read back, so a rounded 85.71 becomes the float that prints as 85.71.
    pub fn to_f64(self) -> f64 {
        self.to_plain().parse().unwrap_or(0.0)
    }

    /// Mean of the values, `None` for an empty list.
    pub fn mean(values: &[Num]) -> Option<Num> {
        if values.is_empty() {
            return None;
        }
        let sum = values.iter().fold(Num::ZERO, |a, b| a + *b);
        sum.checked_div(Num::from_int(values.len() as i64))
    }

    /// Clamps into `[lo, hi]`.
    pub fn clamp_to(self, lo: Num, hi: Num) -> Num {
        match (self.cmp(&lo), self.cmp(&hi)) {
            (Ordering::Less, _) => lo,
            (_, Ordering::Greater) => hi,
            _ => self,
        }
    }
}

/// `Decimal::from_str` minus its fallback to `from_scientific_lossy` (2.5 KB of wasm), which
/// only runs for texts holding an `e`: the plain path has none, and [`scientific`] splits
/// the exponent off first. So the results are exactly `from_str`'s.
fn plain(text: &str) -> Option<Decimal> {
    Decimal::from_str_radix(text, 10).ok()
}

/// `Decimal::from_scientific` (rust_decimal 1.43), step for step, with the mantissa read by
/// [`plain`]: the original reads it with `from_str`, which links the lossy parser.
fn scientific(value: &str) -> Option<Decimal> {
    let (base, exp) = value.split_once(['e', 'E'])?;
    let mut ret = plain(base)?;
    let current_scale = ret.scale();
    if let Some(stripped) = exp.strip_prefix('-') {
        let exp: u32 = stripped.parse().ok()?;
        if exp > Decimal::MAX_SCALE {
            return None;
        }
        ret.set_scale(current_scale + exp).ok()?;
    } else {
        let exp: u32 = exp.parse().ok()?;
        if exp <= current_scale {
            ret.set_scale(current_scale - exp).ok()?;
        } else {
            if exp > Decimal::MAX_SCALE {
                return None;
            }
            // Multiply by 10^exp in factors of at most 10^19 (what fits a u64).
            let mut exp = exp;
            while exp > 0 {
                let k = exp.min(19);
                exp -= k;
                ret = ret.checked_mul(Decimal::from(10u64.pow(k)))?;
            }
            ret.normalize_assign();
        }
    }
    Some(ret)
}

impl Add for Num {
    type Output = Num;
    fn add(self, rhs: Num) -> Num {
        // Values are bounded by validation (years, percentages, scores, rupiah amounts),
        // so the 28-digit range is never reached; saturate rather than panic if it were.
        Num(self.0.saturating_add(rhs.0))
    }
}

impl Sub for Num {
    type Output = Num;
    fn sub(self, rhs: Num) -> Num {
        Num(self.0.saturating_sub(rhs.0))
    }
}

impl Mul for Num {
    type Output = Num;
    fn mul(self, rhs: Num) -> Num {
        Num(self.0.saturating_mul(rhs.0))
    }
}

impl Div for Num {
    type Output = Num;
    /// Division by zero gives zero; callers check denominators first.
    fn div(self, rhs: Num) -> Num {
        self.checked_div(rhs).unwrap_or(Num::ZERO)
    }
}

impl fmt::Debug for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.to_plain())
    }
}

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.to_plain())
    }
}

impl Serialize for Num {
    /// A JSON number written as its exact decimal text ("85.71", "100", "0.74996"), on every
    /// target: the [`json_out::RAW`] newtype, which [`json_out`] writes unquoted. So the CLI
    /// and the wasm module write the same bytes, `JSON.parse` yields the nearest double (the
    /// value `to_f64` gives), and the module needs neither float parsing (dec2flt) nor float
    /// printing (ryu), about 10 KB.
    ///
    /// Write engine values with [`json_out`]: another serializer (serde_json) sees the
    /// newtype's string and writes a JSON string.
    ///
    /// [`json_out::RAW`]: crate::io::json_out::RAW
    /// [`json_out`]: crate::io::json_out
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_newtype_struct(crate::io::json_out::RAW, &self.to_plain())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> Num {
        Num::parse(s).unwrap()
    }

    #[test]
    fn the_methodology_rounding_example_is_exact() {
        // 0.1·2.58 + 0.2·3.48 + 0.3·3.41 + 0.2·3.89 + 0.2·3.65 = 3.485 exactly → 3.49.
        let terms = [
            ("0.1", "2.58"),
            ("0.2", "3.48"),
            ("0.3", "3.41"),
            ("0.2", "3.89"),
            ("0.2", "3.65"),
        ];
        let sum = terms.iter().fold(Num::ZERO, |a, (w, s)| a + n(w) * n(s));
        assert_eq!(sum, n("3.485"));
        assert_eq!(sum.round2(), n("3.49"));
        assert_eq!(sum.round2().to_f64(), 3.49);
    }

    #[test]
    fn half_away_from_zero() {
        assert_eq!(n("2.345").round2(), n("2.35"));
        assert_eq!(n("-2.345").round2(), n("-2.35"));
        assert_eq!(n("2.3449999").round2(), n("2.34"));
    }

    #[test]
    fn ratios_carry_many_digits() {
        let r = Num::ratio(600, 7).unwrap();
        assert_eq!(r.round2(), n("85.71"));
        assert_eq!(Num::ratio(1, 0), None);
        // 6/7 with at least 12 significant digits
        assert!(r.to_plain().len() > 14);
    }

    #[test]
    fn parses_json_numbers_and_rejects_out_of_range() {
        assert_eq!(n("2.5e1"), n("25"));
        assert_eq!(n("12.660"), n("12.66"));
        assert_eq!(n("-0"), Num::ZERO);
        assert_eq!(Num::parse("1e400"), None);
        assert_eq!(Num::parse("123456789012345678901234567890"), None);
        assert_eq!(n("2.596").to_f64(), 2.596);
    }

    #[test]
    fn is_integer_agrees_with_fract() {
        for t in [
            "0",
            "-0",
            "0.000",
            "5.00",
            "-5.0",
            "2.5",
            "1e2",
            "1.5e1",
            "1.25e1",
            "12.66",
            "-0.001",
            "7922816251426433759354395033",
            "0.00000000000000000000000010",
        ] {
            let x = n(t);
            assert_eq!(x.is_integer(), x.0.fract().is_zero(), "{t}");
            assert_eq!(
                x.to_i64(),
                x.0.fract().is_zero().then(|| x.0.to_i64()).flatten(),
                "{t}"
            );
        }
        let r = Num::ratio(600, 7).unwrap();
        assert!(!r.is_integer());
        assert!((r * Num::from_int(7)).round_dp(20).is_integer());
    }

    /// `plain` and `scientific` give exactly what rust_decimal's `from_str` and
    /// `from_scientific` give, on every short text over the characters that reach them and
    /// on long mantissas near the 28-digit limit.
    #[test]
    fn own_parsers_match_rust_decimal() {
        use std::str::FromStr;
        let alphabet = ['0', '1', '5', '9', '.', '-', '+', 'e'];
        let mut texts = vec![String::new()];
        let mut frontier = vec![String::new()];
        for _ in 0..6 {
            let mut next = Vec::new();
            for t in &frontier {
                for c in alphabet {
                    next.push(format!("{t}{c}"));
                }
            }
            texts.extend(next.iter().cloned());
            frontier = next;
        }
        for m in [
            "79228162514264337593543950335",
            "9999999999999999999999999999",
            "1.000000000000000000000000001",
            "-0.0000000000000000000000000001",
            "123456789.123456789123456789",
        ] {
            for e in [
                "", "e0", "e1", "e-1", "e19", "e20", "e28", "e29", "e-28", "e-29", "e+5", "e-", "e",
            ] {
                texts.push(format!("{m}{e}"));
            }
        }
        for t in &texts {
            let text =
                |d: Option<Decimal>| d.map(|d| (d.to_string(), d.scale(), d.is_sign_negative()));
            if !t.contains('e') {
                assert_eq!(
                    text(plain(t)),
                    text(Decimal::from_str(t).ok()),
                    "plain {t:?}"
                );
            }
            let same = text(scientific(t)) == text(Decimal::from_scientific(t).ok());
            assert!(same, "scientific {t:?}");
        }
    }
}
