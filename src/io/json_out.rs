//! Compact JSON text of any `Serialize` value: the JSON value `serde_json::to_string` writes
//! for the types the engine outputs, byte for byte except that the text is ASCII (non-ASCII
//! characters are written as `\uXXXX` escapes).
//!
//! The wasm module used serde_json for this; its serializer writes through `io::Write`, is
//! generic over writer and formatter and inlines into every field of every result type.
//! This one appends to a `String`, and the per-field work (separator, quoted key) is one
//! shared, non-generic function, so each derived field costs a call instead of a copy.
//!
//! Numbers: integers as decimal digits; a value serialised as the newtype struct [`RAW`]
//! holding a string is written unquoted (how `Num` writes its exact decimal text). Floats
//! are refused: the engine has none, and printing them would need float formatting code.

use std::fmt;

use serde::ser::{self, Serialize};

/// Newtype-struct name whose string content is written as-is (a JSON number's text).
pub const RAW: &str = "$kota_cerdas_mandiri::io::json_out::Raw";

/// A value the writer cannot express (a float, a non-string map key, a custom error).
/// Zero-sized on purpose: every derived field ends in `?`, and propagating a unit error is
/// one branch where a `String` message would be a copy at each of them.
#[derive(Debug)]
pub struct Error;

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the value cannot be written as JSON")
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Error
    }
}

/// The compact JSON text of `value`.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String, Error> {
    to_string_in(value, None)
}

/// The compact JSON text of `value` with every bilingual text ([`Text`](crate::model::text::Text),
/// `{ "id", "en" }`) in one language only when `lang` is given (`options.locale`, spec §5):
/// `{ "en": "…" }`. `None` writes both, as [`to_string`].
pub fn to_string_in<T: Serialize + ?Sized>(
    value: &T,
    lang: Option<crate::model::text::Lang>,
) -> Result<String, Error> {
    let mut w = Writer {
        out: Vec::new(),
        raw: false,
        lang: lang.map(|l| l.key()),
    };
    value.serialize(&mut w)?;
    // SAFETY: the writer writes ASCII (every other character escaped) and the raw numbers'
    // own text, which is a `str`.
    Ok(unsafe { String::from_utf8_unchecked(w.out) })
}

/// The same JSON text as [`to_string`], indented as `serde_json::to_string_pretty` indents:
/// two spaces per level, one member or element per line, `"key": value`, empty objects and
/// arrays as `{}` and `[]`. For people and diffs (the CLI, the golden files); the wasm module
/// does not use it.
pub fn to_string_pretty<T: Serialize + ?Sized>(value: &T) -> Result<String, Error> {
    Ok(indent(&to_string(value)?))
}

/// Indents compact JSON text (as [`to_string`] writes it: no whitespace outside strings).
fn indent(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() * 2);
    let mut depth = 0usize;
    let (mut in_string, mut escaped) = (false, false);
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    let mut chars = compact.chars().peekable();
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' => {
                out.push(c);
                let close = if c == '{' { '}' } else { ']' };
                if chars.peek() == Some(&close) {
                    out.push(close);
                    chars.next();
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(c);
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            _ => out.push(c),
        }
    }
    out
}

/// The output, and whether the next string is a raw number (inside [`RAW`]).
struct Writer {
    /// ASCII, or the text of raw numbers: always UTF-8 (see [`to_string_in`]).
    out: Vec<u8>,
    raw: bool,
    /// The one key a bilingual text keeps ("id" or "en"), or `None` for both.
    lang: Option<&'static str>,
}

impl Writer {
    /// A JSON string literal in ASCII: `"` and `\` escaped, short forms for \b \t \n \f \r,
    /// and `\uXXXX` (lowercase hex, surrogate pairs above U+FFFF) for other control and all
    /// non-ASCII characters. JavaScript then reads the text through TextDecoder's ASCII fast
    /// path: for a 0.9 MB result about 1 ms instead of 4–5 ms with "…", "é" or "—" in it.
    #[inline(never)]
    fn string(&mut self, s: &str) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let out = &mut self.out;
        out.push(b'"');
        let bytes = s.as_bytes();
        let (mut start, mut i) = (0, 0);
        while i < bytes.len() {
            let short = match bytes[i] {
                b'"' => '"',
                b'\\' => '\\',
                0x08 => 'b',
                b'\t' => 't',
                b'\n' => 'n',
                0x0c => 'f',
                b'\r' => 'r',
                0..=0x1f | 0x80..=0xff => 'u',
                _ => {
                    i += 1;
                    continue;
                }
            };
            out.extend_from_slice(&bytes[start..i]);
            if short == 'u' {
                // `i` is at a character boundary: it only moves over whole characters.
                let c = s[i..].chars().next().unwrap_or_default();
                for unit in c.encode_utf16(&mut [0; 2]) {
                    out.extend_from_slice(b"\\u");
                    for shift in [12, 8, 4, 0] {
                        out.push(HEX[usize::from(*unit >> shift & 0xf)]);
                    }
                }
                i += c.len_utf8();
            } else {
                out.push(b'\\');
                out.push(short as u8);
                i += 1;
            }
            start = i;
        }
        out.extend_from_slice(&bytes[start..]);
        out.push(b'"');
    }

    /// Opens an object or array.
    #[inline(never)]
    fn open(&mut self, c: u8) -> Compound<'_> {
        self.out.push(c);
        Compound {
            w: self,
            first: true,
            only: None,
        }
    }

    /// `{"variant":` — the start of an externally tagged enum variant with content.
    #[inline(never)]
    fn variant(&mut self, variant: &str) {
        self.out.push(b'{');
        self.string(variant);
        self.out.push(b':');
    }

    /// An integer in decimal digits (no `fmt` machinery: one loop for every width).
    #[inline(never)]
    fn int(&mut self, negative: bool, mut v: u64) {
        let mut buf = [0u8; 20];
        let mut i = buf.len();
        loop {
            i -= 1;
            buf[i] = b'0' + (v % 10) as u8;
            v /= 10;
            if v == 0 {
                break;
            }
        }
        if negative {
            self.out.push(b'-');
        }
        self.out.extend_from_slice(&buf[i..]);
    }

    fn signed(&mut self, v: i64) {
        self.int(v < 0, v.unsigned_abs());
    }
}

/// An object or array being written.
struct Compound<'a> {
    w: &'a mut Writer,
    first: bool,
    /// For a bilingual text written in one language: the one field kept.
    only: Option<&'static str>,
}

impl Compound<'_> {
    /// The separator before an element.
    #[inline(never)]
    fn comma(&mut self) {
        if !self.first {
            self.w.out.push(b',');
        }
        self.first = false;
    }

    /// The separator and quoted key of an object field, shared by every struct field.
    #[inline(never)]
    fn key(&mut self, key: &str) {
        self.comma();
        // Field names are the engine's own snake_case identifiers: nothing to escape.
        debug_assert!(
            key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'),
            "{key}"
        );
        let out = &mut self.w.out;
        out.push(b'"');
        out.extend_from_slice(key.as_bytes());
        out.extend_from_slice(b"\":");
    }
}

impl<'a> ser::Serializer for &'a mut Writer {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.out
            .extend_from_slice(if v { b"true" } else { b"false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.signed(v.into());
        Ok(())
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.signed(v.into());
        Ok(())
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.signed(v.into());
        Ok(())
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.signed(v);
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.int(false, v.into());
        Ok(())
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.int(false, v.into());
        Ok(())
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.int(false, v.into());
        Ok(())
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.int(false, v);
        Ok(())
    }
    fn serialize_f32(self, _: f32) -> Result<(), Error> {
        Err(Error)
    }
    fn serialize_f64(self, _: f64) -> Result<(), Error> {
        Err(Error)
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.string(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        if self.raw {
            self.out.extend_from_slice(v.as_bytes());
        } else {
            self.string(v);
        }
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        use ser::SerializeSeq;
        let mut seq = self.serialize_seq(Some(v.len()))?;
        for b in v {
            seq.serialize_element(b)?;
        }
        seq.end()
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.out.extend_from_slice(b"null");
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.string(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        if name == RAW {
            self.raw = true;
            let r = value.serialize(&mut *self);
            self.raw = false;
            r
        } else {
            value.serialize(self)
        }
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.variant(variant);
        value.serialize(&mut *self)?;
        self.out.push(b'}');
        Ok(())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'a>, Error> {
        Ok(self.open(b'['))
    }
    fn serialize_tuple(self, len: usize) -> Result<Compound<'a>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Compound<'a>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a>, Error> {
        self.variant(variant);
        Ok(self.open(b'['))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'a>, Error> {
        Ok(self.open(b'{'))
    }
    fn serialize_struct(self, name: &'static str, _: usize) -> Result<Compound<'a>, Error> {
        let only = self
            .lang
            .filter(|_| name == crate::model::text::TEXT_STRUCT);
        let mut c = self.open(b'{');
        c.only = only;
        Ok(c)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a>, Error> {
        self.variant(variant);
        Ok(self.open(b'{'))
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.comma();
        value.serialize(&mut *self.w)
    }
    fn end(self) -> Result<(), Error> {
        self.w.out.push(b']');
        Ok(())
    }
}

impl ser::SerializeTuple for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<(), Error> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleStruct for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<(), Error> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleVariant for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<(), Error> {
        self.w.out.extend_from_slice(b"]}");
        Ok(())
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.comma();
        key.serialize(KeyWriter(&mut *self.w))?;
        self.w.out.push(b':');
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut *self.w)
    }
    fn end(self) -> Result<(), Error> {
        self.w.out.push(b'}');
        Ok(())
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        if self.only.is_some_and(|only| only != key) {
            return Ok(());
        }
        self.key(key);
        value.serialize(&mut *self.w)
    }
    fn end(self) -> Result<(), Error> {
        ser::SerializeMap::end(self)
    }
}

impl ser::SerializeStructVariant for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        ser::SerializeStruct::serialize_field(self, key, value)
    }
    fn end(self) -> Result<(), Error> {
        self.w.out.extend_from_slice(b"}}");
        Ok(())
    }
}

/// Map keys: strings and unit variants as themselves, integers quoted (as serde_json does);
/// anything else is refused.
struct KeyWriter<'a>(&'a mut Writer);

impl ser::Serializer for KeyWriter<'_> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = ser::Impossible<(), Error>;
    type SerializeTuple = ser::Impossible<(), Error>;
    type SerializeTupleStruct = ser::Impossible<(), Error>;
    type SerializeTupleVariant = ser::Impossible<(), Error>;
    type SerializeMap = ser::Impossible<(), Error>;
    type SerializeStruct = ser::Impossible<(), Error>;
    type SerializeStructVariant = ser::Impossible<(), Error>;

    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.0.string(v);
        Ok(())
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.0.string(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.0.string(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_bool(self, _: bool) -> Result<(), Error> {
        Err(Error)
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.0.out.push(b'"');
        self.0.signed(v);
        self.0.out.push(b'"');
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.0.out.push(b'"');
        self.0.int(false, v);
        self.0.out.push(b'"');
        Ok(())
    }
    fn serialize_f32(self, _: f32) -> Result<(), Error> {
        Err(Error)
    }
    fn serialize_f64(self, _: f64) -> Result<(), Error> {
        Err(Error)
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Error> {
        Err(Error)
    }
    fn serialize_none(self) -> Result<(), Error> {
        Err(Error)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<(), Error> {
        Err(Error)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        Err(Error)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        Err(Error)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), Error> {
        Err(Error)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(Error)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Error> {
        Err(Error)
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        Err(Error)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(Error)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(Error)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, Error> {
        Err(Error)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(Error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;
    use std::collections::BTreeMap;

    #[derive(Serialize)]
    #[serde(rename_all = "snake_case")]
    enum Kind {
        Plain,
        Wrapped(i64),
        Pair(i64, String),
        Named { a: Option<bool> },
    }

    #[derive(Serialize)]
    #[serde(tag = "kind", rename_all = "snake_case")]
    enum Tagged {
        Linear,
        Inner(Inner),
    }

    #[derive(Serialize)]
    struct Inner {
        #[serde(skip_serializing_if = "Option::is_none")]
        skip: Option<i64>,
        n: u32,
    }

    #[derive(Serialize)]
    struct Outer {
        text: String,
        kinds: Vec<Kind>,
        tagged: Vec<Tagged>,
        #[serde(flatten)]
        inner: Inner,
        empty: Vec<i64>,
        unit: (),
        tuple: (i8, char),
        map: BTreeMap<i64, &'static str>,
        names: BTreeMap<&'static str, Inner>,
    }

    #[test]
    fn writes_what_serde_json_writes() {
        let value = Outer {
            text: "a\"b\\c\u{8}\t\n\u{c}\r\u{1}\u{1f}\u{7f}é—😀/".into(),
            kinds: vec![
                Kind::Plain,
                Kind::Wrapped(-7),
                Kind::Pair(1, "x".into()),
                Kind::Named { a: None },
                Kind::Named { a: Some(true) },
            ],
            tagged: vec![
                Tagged::Linear,
                Tagged::Inner(Inner {
                    skip: Some(3),
                    n: 4,
                }),
            ],
            inner: Inner { skip: None, n: 0 },
            empty: vec![],
            unit: (),
            tuple: (-128, '"'),
            map: [(1, "one"), (-2, "minus two")].into_iter().collect(),
            names: [("k", Inner { skip: None, n: 9 })].into_iter().collect(),
        };
        let ours = to_string(&value).unwrap();
        let theirs = serde_json::to_string(&value).unwrap();
        // The same JSON value; ours is the same text with its non-ASCII characters escaped.
        assert!(ours.is_ascii(), "{ours}");
        let parse = |t: &str| serde_json::from_str::<serde_json::Value>(t).unwrap();
        assert_eq!(parse(&ours), parse(&theirs));
        assert_eq!(
            ours,
            theirs
                .replace('é', "\\u00e9")
                .replace('—', "\\u2014")
                .replace('😀', "\\ud83d\\ude00")
        );
        assert_eq!(to_string(&i64::MIN).unwrap(), i64::MIN.to_string());
        assert_eq!(to_string(&u64::MAX).unwrap(), u64::MAX.to_string());
    }

    #[test]
    fn pretty_text_is_indented_like_serde_json() {
        let value = serde_json::json!({
            "a": [1, {"b": "x,y:{z}[\\\"]", "c": []}, {}],
            "d": {"e": null, "f": [true, false]},
            "g": "",
        });
        let ours = to_string_pretty(&value).unwrap();
        assert_eq!(ours, serde_json::to_string_pretty(&value).unwrap());
        let parse = |t: &str| serde_json::from_str::<serde_json::Value>(t).unwrap();
        assert_eq!(parse(&ours), value);
    }

    #[test]
    fn raw_text_is_written_unquoted() {
        struct Raw;
        impl Serialize for Raw {
            fn serialize<S: ser::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_newtype_struct(RAW, "85.71")
            }
        }
        assert_eq!(to_string(&(Raw, "85.71")).unwrap(), r#"[85.71,"85.71"]"#);
    }
}
