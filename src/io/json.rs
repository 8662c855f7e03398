//! A small JSON reader that remembers where every value starts and keeps numbers as text.
//!
//! `serde_json` would stop at the first problem, forget positions and read numbers as binary
//! floats; the validator needs all three, so it walks this tree instead.

use std::borrow::Cow;

use crate::model::decimal::Num;

/// Deepest nesting accepted. A masterplan needs about six levels; hostile files with
/// thousands of `[` must get a message, not a stack overflow.
pub const MAX_DEPTH: usize = 64;

/// Most values read from one text (numbers, strings, literals, arrays and objects). A file of
/// 20 MB holds up to 10 million (`[0,0,0,…]`), a tree of over a gigabyte; a masterplan needs
/// about 20 per program (50 000 programs at most), so this bounds memory and time without
/// refusing any real file (issue 14).
pub const MAX_VALUES: usize = 3_000_000;

/// A JSON value with the byte offset where it starts in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Node<'a> {
    /// Byte offset of the value's first character.
    pub at: usize,
    /// The value.
    pub value: Value<'a>,
}

/// The JSON value kinds. Numbers keep their text so decimals stay exact; strings borrow
/// from the text unless they hold escapes, so reading a file allocates little.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    /// `null`
    Null,
    /// `true` / `false`
    Bool(bool),
    /// A number, as written.
    Number(&'a str),
    /// A string.
    String(Cow<'a, str>),
    /// An array.
    Array(Vec<Node<'a>>),
    /// An object, members in file order (duplicates are reported by the parser).
    Object(Vec<Member<'a>>),
}

/// One `"key": value` member of an object.
#[derive(Debug, Clone, PartialEq)]
pub struct Member<'a> {
    /// The key.
    pub key: Cow<'a, str>,
    /// Byte offset of the key's opening quote.
    pub key_at: usize,
    /// The value.
    pub node: Node<'a>,
}

/// The text of a string the parser read, borrowed or unescaped; inlined, since `Cow`'s own
/// `deref` stays a call at `-Oz` and key lookups make millions of them.
#[inline(always)]
#[allow(clippy::ptr_arg)] // the point is to take the Cow itself and match it inline
pub fn text<'s>(s: &'s Cow<'_, str>) -> &'s str {
    match s {
        Cow::Borrowed(b) => b,
        Cow::Owned(o) => o.as_str(),
    }
}

impl Member<'_> {
    /// The key, as a plain string.
    #[inline(always)]
    pub fn name(&self) -> &str {
        text(&self.key)
    }
}

impl<'a> Node<'a> {
    /// The member named `key`, if this is an object that has it.
    pub fn get(&self, key: &str) -> Option<&Node<'a>> {
        match &self.value {
            Value::Object(members) => members.iter().find(|m| m.key == key).map(|m| &m.node),
            _ => None,
        }
    }

    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::String(s) => Some(text(s)),
            _ => None,
        }
    }

    /// The exact number, if this is one.
    pub fn as_num(&self) -> Option<Num> {
        match &self.value {
            Value::Number(s) => Num::parse(s),
            _ => None,
        }
    }

    /// The items, if this is an array.
    pub fn as_array(&self) -> Option<&[Node<'a>]> {
        match &self.value {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The members, if this is an object.
    pub fn as_object(&self) -> Option<&[Member<'a>]> {
        match &self.value {
            Value::Object(members) => Some(members),
            _ => None,
        }
    }

    /// A word for the kind of value, in Indonesian and English, for messages.
    pub fn kind_name(&self) -> (&'static str, &'static str) {
        match &self.value {
            Value::Null => ("null", "null"),
            Value::Bool(_) => ("benar/salah (boolean)", "a boolean"),
            Value::Number(_) => ("angka", "a number"),
            Value::String(_) => ("teks", "a string"),
            Value::Array(_) => ("daftar (array)", "an array"),
            Value::Object(_) => ("objek", "an object"),
        }
    }
}

/// Why the text is not JSON, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// Byte offset of the problem.
    pub at: usize,
    /// What is wrong.
    pub kind: SyntaxErrorKind,
}

/// The kinds of syntax error, each with its own explanation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    /// The text is empty or only whitespace.
    Empty,
    /// The text stops in the middle of a value.
    UnexpectedEnd,
    /// A character that cannot appear here.
    UnexpectedChar(char),
    /// Something after the end of the top-level value.
    TrailingContent,
    /// A string without its closing quote, or with a raw line break.
    BadString,
    /// A backslash escape that JSON does not know.
    BadEscape,
    /// A malformed number (`01`, `1.`, `-`).
    BadNumber,
    /// Nesting deeper than [`MAX_DEPTH`].
    TooDeep,
    /// A comma before `]` or `}`.
    TrailingComma,
    /// More than [`MAX_VALUES`] values; `at` is where the one past the budget starts.
    TooManyValues,
}

/// A byte offset turned into a 1-based line and a 1-based column counted in characters.
pub fn line_column(text: &str, at: usize) -> (usize, usize) {
    let at = at.min(text.len());
    let before = &text.as_bytes()[..at];
    let line = before.iter().filter(|b| **b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |p| p + 1);
    // Count characters, not bytes: "é" is one column. Continuation bytes are skipped.
    let column = before[line_start..]
        .iter()
        .filter(|b| (**b & 0xC0) != 0x80)
        .count()
        + 1;
    (line, column)
}

/// Parses a whole JSON text. A leading byte-order mark is skipped.
pub fn parse(text: &str) -> Result<Node<'_>, SyntaxError> {
    let mut p = Parser {
        bytes: text.as_bytes(),
        text,
        pos: 0,
        depth: 0,
        values: 0,
        members: Vec::new(),
        items: Vec::new(),
    };
    if text.starts_with('\u{feff}') {
        p.pos = 3;
    }
    p.skip_ws();
    if p.pos >= p.bytes.len() {
        return Err(SyntaxError {
            at: p.pos,
            kind: SyntaxErrorKind::Empty,
        });
    }
    let node = p.value()?;
    p.skip_ws();
    if p.pos < p.bytes.len() {
        return Err(p.error(SyntaxErrorKind::TrailingContent));
    }
    Ok(node)
}

struct Parser<'a> {
    bytes: &'a [u8],
    text: &'a str,
    pos: usize,
    depth: usize,
    /// Values read so far, against [`MAX_VALUES`].
    values: usize,
    /// Members of the objects being read, innermost last: each object's are moved out into
    /// one exactly sized Vec when it closes, instead of a Vec grown (and copied) per object.
    members: Vec<Member<'a>>,
    /// The same for array items.
    items: Vec<Node<'a>>,
}

impl<'a> Parser<'a> {
    fn error(&self, kind: SyntaxErrorKind) -> SyntaxError {
        SyntaxError { at: self.pos, kind }
    }

    fn unexpected(&self) -> SyntaxError {
        match self.text[self.pos.min(self.text.len())..].chars().next() {
            Some(c) => self.error(SyntaxErrorKind::UnexpectedChar(c)),
            None => self.error(SyntaxErrorKind::UnexpectedEnd),
        }
    }

    /// True when the byte at the cursor is `b` (inlined: `Option`'s `==` stays a call at -Oz).
    #[inline(always)]
    fn at(&self, b: u8) -> bool {
        matches!(self.bytes.get(self.pos), Some(&c) if c == b)
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
    }

    fn value(&mut self) -> Result<Node<'a>, SyntaxError> {
        let at = self.pos;
        self.values += 1;
        if self.values > MAX_VALUES {
            return Err(self.error(SyntaxErrorKind::TooManyValues));
        }
        let value = match self.bytes.get(self.pos) {
            None => return Err(self.error(SyntaxErrorKind::UnexpectedEnd)),
            Some(b'{') => self.object()?,
            Some(b'[') => self.array()?,
            Some(b'"') => Value::String(self.string()?),
            Some(b'-' | b'0'..=b'9') => self.number()?,
            Some(b't') => self.literal("true", Value::Bool(true))?,
            Some(b'f') => self.literal("false", Value::Bool(false))?,
            Some(b'n') => self.literal("null", Value::Null)?,
            Some(_) => return Err(self.unexpected()),
        };
        Ok(Node { at, value })
    }

    fn literal(&mut self, word: &str, value: Value<'a>) -> Result<Value<'a>, SyntaxError> {
        if self.bytes[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.unexpected())
        }
    }

    fn enter(&mut self) -> Result<(), SyntaxError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error(SyntaxErrorKind::TooDeep));
        }
        self.pos += 1;
        self.skip_ws();
        Ok(())
    }

    fn object(&mut self) -> Result<Value<'a>, SyntaxError> {
        self.enter()?;
        let base = self.members.len();
        if self.at(b'}') {
            self.pos += 1;
            self.depth -= 1;
            return Ok(Value::Object(Vec::new()));
        }
        loop {
            self.skip_ws();
            match self.bytes.get(self.pos) {
                Some(b'"') => {}
                Some(b'}') if self.members.len() > base => {
                    return Err(self.error(SyntaxErrorKind::TrailingComma))
                }
                _ => return Err(self.unexpected()),
            }
            let key_at = self.pos;
            let key = self.string()?;
            self.skip_ws();
            if !self.at(b':') {
                return Err(self.unexpected());
            }
            self.pos += 1;
            self.skip_ws();
            let node = self.value()?;
            self.members.push(Member { key, key_at, node });
            self.skip_ws();
            match self.bytes.get(self.pos) {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    self.depth -= 1;
                    return Ok(Value::Object(self.members.split_off(base)));
                }
                _ => return Err(self.unexpected()),
            }
        }
    }

    fn array(&mut self) -> Result<Value<'a>, SyntaxError> {
        self.enter()?;
        let base = self.items.len();
        if self.at(b']') {
            self.pos += 1;
            self.depth -= 1;
            return Ok(Value::Array(Vec::new()));
        }
        loop {
            self.skip_ws();
            if self.at(b']') {
                return Err(self.error(SyntaxErrorKind::TrailingComma));
            }
            let item = self.value()?;
            self.items.push(item);
            self.skip_ws();
            match self.bytes.get(self.pos) {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    self.depth -= 1;
                    return Ok(Value::Array(self.items.split_off(base)));
                }
                _ => return Err(self.unexpected()),
            }
        }
    }

    fn string(&mut self) -> Result<Cow<'a, str>, SyntaxError> {
        self.pos += 1; // opening quote
        let start = self.pos;
        self.plain_run();
        // The common case: no escapes, so the string is a slice of the text.
        if self.at(b'"') {
            self.pos += 1;
            return Ok(Cow::Borrowed(&self.text[start..self.pos - 1]));
        }
        let mut out = String::from(&self.text[start..self.pos]);
        loop {
            match self.bytes.get(self.pos) {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => {
                    self.pos += 1;
                    self.escape(&mut out)?;
                }
                _ => return Err(self.error(SyntaxErrorKind::BadString)),
            }
            let run = self.pos;
            self.plain_run();
            out.push_str(&self.text[run..self.pos]);
        }
    }

    /// Skips characters that need no decoding (no quote, backslash or control character).
    fn plain_run(&mut self) {
        while let Some(&b) = self.bytes.get(self.pos) {
            if b == b'"' || b == b'\\' || b < 0x20 {
                break;
            }
            self.pos += 1;
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), SyntaxError> {
        let c = match self.bytes.get(self.pos) {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.pos += 1;
                let hi = self.hex4()?;
                let c = if (0xD800..0xDC00).contains(&hi) {
                    // A surrogate pair; a lone half becomes U+FFFD rather than an error,
                    // as JavaScript's own TextEncoder would do.
                    if self.bytes[self.pos..].starts_with(b"\\u") {
                        let save = self.pos;
                        self.pos += 2;
                        let lo = self.hex4()?;
                        if (0xDC00..0xE000).contains(&lo) {
                            char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))
                        } else {
                            self.pos = save;
                            None
                        }
                    } else {
                        None
                    }
                } else {
                    char::from_u32(hi)
                };
                out.push(c.unwrap_or('\u{fffd}'));
                return Ok(());
            }
            _ => return Err(self.error(SyntaxErrorKind::BadEscape)),
        };
        self.pos += 1;
        out.push(c);
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let digits = self
            .bytes
            .get(self.pos..self.pos + 4)
            .ok_or_else(|| self.error(SyntaxErrorKind::BadEscape))?;
        let mut v = 0u32;
        for d in digits {
            let x = (*d as char)
                .to_digit(16)
                .ok_or_else(|| self.error(SyntaxErrorKind::BadEscape))?;
            v = v * 16 + x;
        }
        self.pos += 4;
        Ok(v)
    }

    fn number(&mut self) -> Result<Value<'a>, SyntaxError> {
        let start = self.pos;
        let digits = |p: &mut Self| {
            let s = p.pos;
            while let Some(b'0'..=b'9') = p.bytes.get(p.pos) {
                p.pos += 1;
            }
            p.pos - s
        };
        if self.at(b'-') {
            self.pos += 1;
        }
        let int_start = self.pos;
        let n = digits(self);
        if n == 0 || (n > 1 && self.bytes[int_start] == b'0') {
            return Err(SyntaxError {
                at: start,
                kind: SyntaxErrorKind::BadNumber,
            });
        }
        if self.at(b'.') {
            self.pos += 1;
            if digits(self) == 0 {
                return Err(SyntaxError {
                    at: start,
                    kind: SyntaxErrorKind::BadNumber,
                });
            }
        }
        if let Some(b'e' | b'E') = self.bytes.get(self.pos) {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.bytes.get(self.pos) {
                self.pos += 1;
            }
            if digits(self) == 0 {
                return Err(SyntaxError {
                    at: start,
                    kind: SyntaxErrorKind::BadNumber,
                });
            }
        }
        Ok(Value::Number(&self.text[start..self.pos]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_values_with_positions_and_exact_numbers() {
        let text = "\u{feff}{\n  \"a\": [1, 2.50, -3e2],\n  \"b\": \"x\\u00e9\\ud83d\\ude00\"\n}";
        let node = parse(text).unwrap();
        let a = node.get("a").unwrap();
        assert_eq!(line_column(text, a.at), (2, 8));
        let items = a.as_array().unwrap();
        assert_eq!(items[1].value, Value::Number("2.50"));
        assert_eq!(items[2].as_num(), Num::parse("-300"));
        assert_eq!(node.get("b").unwrap().as_str(), Some("xé😀"));
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "{\"nama\": \"Pelayanan\u{e9}\", x}";
        let err = parse(text).unwrap_err();
        assert_eq!(err.kind, SyntaxErrorKind::UnexpectedChar('x'));
        assert_eq!(line_column(text, err.at), (1, 24));
    }

    #[test]
    fn reports_each_syntax_problem() {
        let kind = |t: &str| parse(t).unwrap_err().kind;
        assert_eq!(kind(""), SyntaxErrorKind::Empty);
        assert_eq!(kind("{\"a\": 1"), SyntaxErrorKind::UnexpectedEnd);
        assert_eq!(kind("[1,]"), SyntaxErrorKind::TrailingComma);
        assert_eq!(kind("{\"a\":1,}"), SyntaxErrorKind::TrailingComma);
        assert_eq!(kind("01"), SyntaxErrorKind::BadNumber);
        assert_eq!(kind("\"abc"), SyntaxErrorKind::BadString);
        assert_eq!(kind("\"\\x\""), SyntaxErrorKind::BadEscape);
        assert_eq!(kind("{} {}"), SyntaxErrorKind::TrailingContent);
        assert_eq!(kind("nul"), SyntaxErrorKind::UnexpectedChar('n'));
        assert_eq!(kind(&"[".repeat(100_000)), SyntaxErrorKind::TooDeep);
    }

    #[test]
    fn values_past_the_budget_are_refused_where_they_start() {
        let list = |n: usize| format!("[{}0]", "0,".repeat(n - 1));
        // The array itself is one value.
        assert!(parse(&list(MAX_VALUES - 1)).is_ok());
        let text = list(MAX_VALUES);
        let err = parse(&text).unwrap_err();
        assert_eq!(err.kind, SyntaxErrorKind::TooManyValues);
        assert_eq!(err.at, text.len() - 2);
    }
}

impl<'a> Node<'a> {
    /// The node a JSON Pointer (RFC 6901) designates.
    pub fn pointer(&self, ptr: &str) -> Option<&Node<'a>> {
        if ptr.is_empty() {
            return Some(self);
        }
        let mut node = self;
        for token in ptr.strip_prefix('/')?.split('/') {
            let token = crate::model::problem::unescape(token);
            node = match &node.value {
                Value::Object(members) => &members.iter().find(|m| m.key == token)?.node,
                Value::Array(items) => items.get(token.parse::<usize>().ok()?)?,
                _ => return None,
            };
        }
        Some(node)
    }
}

#[cfg(test)]
mod pointer_tests {
    use super::*;

    #[test]
    fn pointers_find_nodes() {
        let root = parse(r#"{"a/b": [1, {"c~d": true}]}"#).unwrap();
        assert_eq!(
            root.pointer("/a~1b/1/c~0d").map(|n| &n.value),
            Some(&Value::Bool(true))
        );
        assert_eq!(root.pointer("/a~1b/2"), None);
        assert_eq!(root.pointer(""), Some(&root));
    }
}
