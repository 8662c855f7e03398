//! Problems found in an input: what is wrong, where (a JSON Pointer, and line/column for
//! text), and what to do, in Bahasa Indonesia and English.

use serde::Serialize;

use crate::model::code::Code;
use crate::model::text::Text;

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The input cannot be assessed until this is fixed.
    Error,
    /// Assessed anyway; worth a look.
    Warning,
}

impl Severity {
    /// Human label in Bahasa Indonesia and English. A warning reads as a finding's warning:
    /// one wording for both.
    pub fn label(self) -> Text {
        match self {
            Severity::Error => Text::new("Kesalahan", "Error"),
            Severity::Warning => crate::score::findings::Severity::Warning.label(),
        }
    }
}

/// One problem in the input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// Stable machine code, e.g. `unknown_pillar` (the wire id of a [`Code`]).
    pub code: &'static str,
    /// JSON Pointer (RFC 6901) to the value concerned; `""` is the whole file.
    pub path: String,
    /// 1-based line, for text input.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// 1-based column in characters, for text input.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// What is wrong and how to fix it.
    pub message: Text,
    /// Byte offset in the text (internal; turned into line/column).
    #[serde(skip)]
    pub at: Option<usize>,
}

/// Where a problem is: a JSON Pointer plus, when known, the byte offset in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// JSON Pointer.
    pub path: String,
    /// Byte offset in the source text.
    pub at: Option<usize>,
}

impl Location {
    /// The whole document.
    pub fn root() -> Self {
        Location {
            path: String::new(),
            at: Some(0),
        }
    }

    /// A location with no text position (e.g. a computed finding).
    pub fn path(path: impl Into<String>) -> Self {
        Location {
            path: path.into(),
            at: None,
        }
    }
}

/// Appends one reference token to a JSON Pointer, escaping `~` and `/` (RFC 6901).
pub fn pointer(base: &str, token: &str) -> String {
    let mut p = String::with_capacity(base.len() + token.len() + 1);
    p.push_str(base);
    p.push('/');
    // Nearly every token is a plain key or an index: copy it whole.
    if !has_byte(token, |b| b == b'~' || b == b'/') {
        p.push_str(token);
        return p;
    }
    for c in token.chars() {
        match c {
            '~' => p.push_str("~0"),
            '/' => p.push_str("~1"),
            c => p.push(c),
        }
    }
    p
}

/// One reference token of a JSON Pointer as the key it names: "~1" is "/", "~0" is "~"
/// (RFC 6901, in one pass, so "~01" is "~1").
pub fn unescape(token: &str) -> String {
    let mut out = String::with_capacity(token.len());
    let mut rest = token;
    while let Some(i) = rest.find('~') {
        out.push_str(&rest[..i]);
        let (c, skip) = match rest.as_bytes().get(i + 1) {
            Some(b'1') => ('/', 2),
            Some(b'0') => ('~', 2),
            _ => ('~', 1),
        };
        out.push(c);
        rest = &rest[i + skip..];
    }
    out.push_str(rest);
    out
}

/// True when a byte of `s` matches; a plain loop, which `-Oz` keeps small and fast.
#[inline(always)]
pub(crate) fn has_byte(s: &str, hit: impl Fn(u8) -> bool) -> bool {
    for &b in s.as_bytes() {
        if hit(b) {
            return true;
        }
    }
    false
}

/// Appends an array index to a JSON Pointer ("/programs" → "/programs/12").
pub fn pointer_index(base: &str, index: usize) -> String {
    format!("{base}/{index}")
}

/// Most problems reported for one input: past this, one summary problem says how many more.
pub const MAX_PROBLEMS: usize = 500;

/// Collects problems while an input is read.
#[derive(Debug, Default)]
pub struct Problems {
    list: Vec<Problem>,
    dropped: usize,
}

impl Problems {
    /// An empty collection.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records a problem.
    pub fn push(&mut self, severity: Severity, code: &'static str, loc: &Location, message: Text) {
        if self.list.len() >= MAX_PROBLEMS {
            self.dropped += 1;
            return;
        }
        self.list.push(Problem {
            severity,
            code,
            path: loc.path.clone(),
            line: None,
            column: None,
            message,
            at: loc.at,
        });
    }

    /// True when the next problem would not be shown (past [`MAX_PROBLEMS`]): callers skip the
    /// work of a message nobody reads ("did you mean" searches) and call [`Problems::skip`].
    pub fn is_full(&self) -> bool {
        self.list.len() >= MAX_PROBLEMS
    }

    /// Counts a problem past the cap without building it.
    pub fn skip(&mut self) {
        self.dropped += 1;
    }

    /// Records an error.
    pub fn error(&mut self, code: &'static str, loc: &Location, id: String, en: String) {
        self.push(Severity::Error, code, loc, Text::new(id, en));
    }

    /// Records a warning.
    pub fn warning(&mut self, code: &'static str, loc: &Location, id: String, en: String) {
        self.push(Severity::Warning, code, loc, Text::new(id, en));
    }

    /// True when at least one error was recorded.
    pub fn has_errors(&self) -> bool {
        self.list.iter().any(|p| p.severity == Severity::Error)
    }

    /// The problems, errors first (each group in file order), with line and column filled in
    /// from `text` when the input was text.
    pub fn finish(mut self, text: Option<&str>) -> Vec<Problem> {
        if self.dropped > 0 {
            let n = self.dropped;
            self.list.push(Problem {
                severity: Severity::Warning,
                code: Code::TooManyProblems.id(),
                path: String::new(),
                line: None,
                column: None,
                message: Text::new(
                    format!("{n} masalah lain tidak ditampilkan. Perbaiki masalah di atas lalu periksa ulang."),
                    format!("{n} more problems are not shown. Fix the ones above and check again."),
                ),
                at: None,
            });
        }
        if let Some(text) = text {
            // One pass over the text for all positions, in offset order.
            let order = sorted_by_rank(&self.list, |p| p.at);
            let mut cursor = LineCursor::new(text);
            for (at, i) in order {
                let (line, column) = cursor.advance_to(at);
                self.list[i].line = Some(line);
                self.list[i].column = Some(column);
            }
        }
        sort_by_rank(&mut self.list, |p| Some(p.severity as usize));
        self.list
    }
}

/// `(rank, index)` of the items that have a rank, by rank and then index: a stable order
/// computed with one sort of plain pairs. The standard stable sort is instantiated per element
/// type and key (about 2.5 KB of wasm each); this is instantiated once.
pub(crate) fn sorted_by_rank<T>(
    list: &[T],
    rank: impl Fn(&T) -> Option<usize>,
) -> Vec<(usize, usize)> {
    let mut order: Vec<(usize, usize)> = list
        .iter()
        .enumerate()
        .filter_map(|(i, x)| rank(x).map(|r| (r, i)))
        .collect();
    // The pairs are distinct, so an unstable sort gives the stable order.
    heap_sort(&mut order);
    order
}

/// In-place heapsort of distinct pairs: O(n log n) in a few hundred bytes of wasm, where
/// `sort_unstable`'s pattern-defeating quicksort with its small-sort paths is about 3.5 KB.
fn heap_sort(v: &mut [(usize, usize)]) {
    // Moves v[root] down until both children are smaller, within v[..end].
    fn sift_down(v: &mut [(usize, usize)], mut root: usize, end: usize) {
        loop {
            let mut child = 2 * root + 1;
            if child >= end {
                return;
            }
            if child + 1 < end && v[child] < v[child + 1] {
                child += 1;
            }
            if v[root] >= v[child] {
                return;
            }
            v.swap(root, child);
            root = child;
        }
    }
    let n = v.len();
    for root in (0..n / 2).rev() {
        sift_down(v, root, n);
    }
    for end in (1..n).rev() {
        v.swap(0, end);
        sift_down(v, 0, end);
    }
}

/// Stable sort by rank (same result as `sort_by_key`), in little code; see [`sorted_by_rank`].
pub(crate) fn sort_by_rank<T>(list: &mut Vec<T>, rank: impl Fn(&T) -> Option<usize>) {
    let order = sorted_by_rank(list, rank);
    let mut slots: Vec<Option<T>> = list.drain(..).map(Some).collect();
    list.extend(order.iter().filter_map(|&(_, i)| slots[i].take()));
}

/// Walks a text forward once, turning byte offsets (visited in ascending order) into line and
/// character column. Both are running counts: a column is never recounted from the start of
/// its line, so 500 problems on one 20 MB line cost one pass, not 500 (issue 14).
struct LineCursor<'a> {
    bytes: &'a [u8],
    pos: usize,
    line: usize,
    /// Characters between the start of the line and `pos`.
    column: usize,
}

impl<'a> LineCursor<'a> {
    fn new(text: &'a str) -> Self {
        LineCursor {
            bytes: text.as_bytes(),
            pos: 0,
            line: 1,
            column: 0,
        }
    }

    fn advance_to(&mut self, at: usize) -> (usize, usize) {
        let at = at.min(self.bytes.len());
        while self.pos < at {
            let b = self.bytes[self.pos];
            if b == b'\n' {
                self.line += 1;
                self.column = 0;
            } else if b & 0xC0 != 0x80 {
                // Continuation bytes are skipped: "é" is one column.
                self.column += 1;
            }
            self.pos += 1;
        }
        (self.line, self.column + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointer_tokens_escape_and_unescape() {
        assert_eq!(pointer("/a", "b/c~d"), "/a/b~1c~0d");
        assert_eq!(pointer_index("/programs", 12), "/programs/12");
        for key in ["plain", "b/c~d", "~01", "~", "~~1/", ""] {
            let p = pointer("", key);
            assert_eq!(unescape(&p[1..]), key, "{p}");
        }
        // RFC 6901: "~01" names "~1", not "/"; a "~" not followed by 0 or 1 is kept.
        assert_eq!(unescape("~01"), "~1");
        assert_eq!(unescape("a~2"), "a~2");
        assert!(has_byte("a/b", |b| b == b'/'));
        assert!(!has_byte("ab", |b| b == b'/'));
    }

    #[test]
    fn heap_sort_sorts_like_sort_unstable() {
        let mut seed = 12345usize;
        for n in 0..200 {
            let mut v: Vec<(usize, usize)> = (0..n)
                .map(|i| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    ((seed >> 33) % 7, i)
                })
                .collect();
            let mut expected = v.clone();
            expected.sort_unstable();
            heap_sort(&mut v);
            assert_eq!(v, expected);
        }
    }

    #[test]
    fn pointers_escape_tilde_and_slash() {
        assert_eq!(pointer("/programs/3", "a/b~c"), "/programs/3/a~1b~0c");
    }

    #[test]
    fn finish_orders_errors_first_and_locates_text() {
        let text = "{\n  \"a\": 1,\n  \"b\": 2\n}";
        let mut p = Problems::new();
        p.warning(
            "w",
            &Location {
                path: "/a".into(),
                at: Some(4),
            },
            "w".into(),
            "w".into(),
        );
        p.error(
            "e",
            &Location {
                path: "/b".into(),
                at: Some(14),
            },
            "e".into(),
            "e".into(),
        );
        let out = p.finish(Some(text));
        assert_eq!(out[0].code, "e");
        assert_eq!((out[0].line, out[0].column), (Some(3), Some(3)));
        assert_eq!((out[1].line, out[1].column), (Some(2), Some(3)));
    }

    #[test]
    fn the_cursor_counts_columns_as_it_goes_and_agrees_with_line_column() {
        let text = "{\"a\": \"é—😀\", \"b\":\n [1,\r\n  2], \"c\": \"x\"}\n";
        let offsets: Vec<usize> = (0..=text.len())
            .filter(|i| text.is_char_boundary(*i))
            .collect();
        let mut cursor = LineCursor::new(text);
        for at in offsets {
            assert_eq!(
                cursor.advance_to(at),
                crate::io::json::line_column(text, at),
                "{at}"
            );
        }
    }
}
