//! Reading typed values out of the located JSON tree, reporting every problem on the way.
//!
//! Each reader returns `None` when the value is absent or unusable; in the second case it has
//! already recorded why, so callers only combine results.

use crate::support::hash::FxMap;

use super::shape::Shape;
use super::vocab::{suggest, suggest_key, Vocab};
use crate::io::json::{Member, Node, Value};
use crate::model::code::Code;
use crate::model::decimal::Num;
use crate::model::problem::{has_byte, pointer, pointer_index, Location, Problems};
use crate::model::text::{num_en, num_id};

/// Longest accepted string, in characters.
pub(super) const MAX_TEXT_CHARS: usize = 10_000;
/// Most entries in an evidence or sources list.
pub(super) const MAX_EVIDENCE: usize = 200;
/// Longest quoted value in a message, in characters.
const QUOTE_CHARS: usize = 60;

/// The problem collector plus our own record of whether an error was seen: [`Problems`]
/// drops entries past its cap, so its `has_errors` could miss an error we reported.
pub(super) struct Sink<'a> {
    problems: &'a mut Problems,
    errors: bool,
}

impl<'a> Sink<'a> {
    pub(super) fn new(problems: &'a mut Problems) -> Self {
        Sink {
            problems,
            errors: false,
        }
    }

    pub(super) fn error<'p>(
        &mut self,
        code: Code,
        path: impl Into<Path<'p>>,
        at: usize,
        id: String,
        en: String,
    ) {
        self.errors = true;
        self.problems
            .error(code.id(), &loc(path.into(), at), id, en);
    }

    pub(super) fn warning<'p>(
        &mut self,
        code: Code,
        path: impl Into<Path<'p>>,
        at: usize,
        id: String,
        en: String,
    ) {
        self.problems
            .warning(code.id(), &loc(path.into(), at), id, en);
    }

    pub(super) fn has_errors(&self) -> bool {
        self.errors
    }

    /// True when a problem reported now would not be shown (past the cap): the caller skips
    /// building it (above all the "did you mean" search) and calls [`Sink::skip`].
    pub(super) fn full(&self) -> bool {
        self.problems.is_full()
    }

    /// Counts a problem past the cap, unbuilt; an error still makes the file rejected.
    pub(super) fn skip(&mut self, error: bool) {
        self.errors |= error;
        self.problems.skip();
    }
}

fn loc(path: Path, at: usize) -> Location {
    Location {
        path: path.pointer(),
        at: Some(at),
    }
}

/// Where a value is, as the parts of its JSON Pointer: written out only when a problem is
/// reported, since nearly every value read has none.
#[derive(Clone, Copy, Debug)]
pub(super) enum Path<'p> {
    /// A pointer written out.
    At(&'p str),
    /// A key of the object at the pointer.
    Key(&'p str, &'p str),
    /// An item of the array at the pointer.
    Index(&'p str, usize),
}

impl Path<'_> {
    /// The JSON Pointer (RFC 6901).
    pub(super) fn pointer(self) -> String {
        match self {
            Path::At(p) => p.to_string(),
            Path::Key(parent, key) => pointer(parent, key),
            Path::Index(parent, i) => pointer_index(parent, i),
        }
    }
}

impl<'p> From<&'p str> for Path<'p> {
    fn from(p: &'p str) -> Self {
        Path::At(p)
    }
}

impl<'p> From<&'p String> for Path<'p> {
    fn from(p: &'p String) -> Self {
        Path::At(p)
    }
}

/// Equal keys: lengths first, which settles nearly every comparison without a call.
#[inline(always)]
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.as_bytes() == b.as_bytes()
}

/// Empty or only whitespace; a text starting with a visible ASCII character is settled at once.
fn blank(t: &str) -> bool {
    match t.as_bytes().first() {
        Some(b) if b.is_ascii_graphic() => false,
        _ => t.trim().is_empty(),
    }
}

/// A value quoted for a message, cut to a readable length.
pub(super) fn quote(s: &str) -> String {
    let cut = crate::model::text::cut_chars(s, QUOTE_CHARS);
    let more = if cut.len() < s.len() { "…" } else { "" };
    // Control characters (C0, DEL, and C1, which UTF-8 writes after a 0xC2 byte) become
    // spaces; nearly every text has none, and is copied whole.
    if !has_byte(cut, |b| b < 0x20 || b == 0x7f || b == 0xc2) {
        return format!("\"{cut}{more}\"");
    }
    let plain: String = cut
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    format!("\"{plain}{more}\"")
}

/// The found value described for a message, in Indonesian and English.
pub(super) fn describe(node: &Node) -> (String, String) {
    match &node.value {
        Value::String(s) => (
            format!("teks {}", quote(s)),
            format!("the text {}", quote(s)),
        ),
        Value::Number(n) => (format!("angka {n}"), format!("the number {n}")),
        Value::Bool(b) => (format!("{b}"), format!("{b}")),
        _ => {
            let (id, en) = node.kind_name();
            (id.to_string(), en.to_string())
        }
    }
}

/// Reports a value of the wrong kind; `expected` is e.g. ("teks", "a string").
pub(super) fn wrong_type(node: &Node, path: Path, expected: (&str, &str), s: &mut Sink) {
    let (found_id, found_en) = describe(node);
    s.error(
        Code::WrongType,
        path,
        node.at,
        format!(
            "Isian ini harus berupa {}, bukan {found_id}. Perbaiki nilainya.",
            expected.0
        ),
        format!(
            "This value must be {}, not {found_en}. Correct the value.",
            expected.1
        ),
    );
}

/// Reads a string, as written; longer than [`MAX_TEXT_CHARS`] is an error.
pub(super) fn read_text(node: &Node, path: Path, s: &mut Sink) -> Option<String> {
    read_text_as(node, path, false, s)
}

/// True for a character that shows as nothing but makes two equal-looking names differ:
/// zero-width space, non-joiner and joiner (U+200B–U+200D), the direction marks U+200E and
/// U+200F, the word joiner U+2060, a byte-order mark inside a text (U+FEFF), and the
/// direction embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069).
pub(super) fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200f}' | '\u{2060}' | '\u{feff}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` without [`is_invisible`] characters: how ids and agency names are compared.
pub(super) fn without_invisible(text: &str) -> std::borrow::Cow<'_, str> {
    // Every invisible character is outside ASCII: nearly every id is settled at once.
    if text.is_ascii() || !text.chars().any(is_invisible) {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(text.chars().filter(|c| !is_invisible(*c)).collect())
}

/// [`read_text`] for an id or a name (`name`): invisible characters get their own warning,
/// saying they are ignored when ids and names are compared.
fn read_text_as(node: &Node, path: Path, name: bool, s: &mut Sink) -> Option<String> {
    let Some(text) = node.as_str() else {
        wrong_type(
            node,
            path,
            ("teks dalam tanda kutip", "a string in quotes"),
            s,
        );
        return None;
    };
    // A text of at most MAX_TEXT_CHARS bytes has at most that many characters: count only
    // the long ones.
    let chars = if text.len() > MAX_TEXT_CHARS {
        text.chars().count()
    } else {
        0
    };
    if chars > MAX_TEXT_CHARS {
        s.error(
            Code::TextTooLong,
            path,
            node.at,
            format!(
                "Teks ini terlalu panjang ({} karakter; paling banyak {}). Persingkat teksnya, atau simpan dokumen panjang di luar berkas dan tulis nama berkas atau tautannya saja.",
                num_id(Num::from_int(chars as i64)),
                num_id(Num::from_int(MAX_TEXT_CHARS as i64))
            ),
            format!(
                "This text is too long ({} characters; at most {}). Shorten it, or keep long documents outside the file and write only their file name or link.",
                num_en(Num::from_int(chars as i64)),
                num_en(Num::from_int(MAX_TEXT_CHARS as i64))
            ),
        );
        return None;
    }
    check_characters(text, node, path, name, s);
    Some(text.to_string())
}

/// Warns about characters in a text that are almost never meant: U+FFFD (bytes that were not
/// UTF-8, e.g. a file saved as ANSI/Latin-1 in Excel or Notepad, decoded with replacement
/// characters), control characters, and the bidirectional controls that can make a name
/// display differently from what it holds (the text is kept and shown literally).
fn check_characters(text: &str, node: &Node, path: Path, name: bool, s: &mut Sink) {
    // Printable ASCII, tabs and line breaks: nothing to warn about (nearly every text).
    if !has_byte(text, |b| {
        !((0x20..0x7f).contains(&b) || matches!(b, b'\t' | b'\n' | b'\r'))
    }) {
        return;
    }
    if crate::model::text::has_replacement_char(text) {
        s.warning(
            Code::InvalidCharacters,
            path,
            node.at,
            "Teks ini berisi karakter yang tidak terbaca (�): berkas mungkin disimpan dengan pengodean lain (ANSI/Latin-1). Simpan ulang berkas sebagai UTF-8, lalu periksa teksnya.".into(),
            "This text contains unreadable characters (�): the file was probably saved in another encoding (ANSI/Latin-1). Save the file again as UTF-8, then check the text.".into(),
        );
    }
    if name {
        if let Some((i, c)) = text.chars().enumerate().find(|(_, c)| is_invisible(*c)) {
            let code = format!("U+{:04X}", c as u32);
            let count = text.chars().filter(|c| is_invisible(*c)).count();
            let q = quote(&without_invisible(text));
            let pos = i + 1;
            s.warning(
                Code::InvisibleCharacters,
                path,
                node.at,
                format!("Teks {q} berisi {count} karakter tak terlihat (yang pertama {code}, pada karakter ke-{pos}), misalnya dari salin-tempel. Karakter itu diabaikan saat ID dan nama OPD dibandingkan; hapus agar berkas bersih."),
                format!("The text {q} holds {count} invisible character(s) (the first {code}, at character {pos}), e.g. from copy-and-paste. They are ignored when ids and agency names are compared; remove them to clean the file."),
            );
        }
    }
    let control = |c: char| {
        ((c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'))
            && !(name && is_invisible(c))
    };
    if let Some(c) = text.chars().find(|c| control(*c)) {
        let code = format!("U+{:04X}", c as u32);
        s.warning(
            Code::ControlCharacters,
            path,
            node.at,
            format!("Teks ini berisi karakter kendali tak terlihat ({code}), misalnya dari salin-tempel. Hapus karakter itu agar teks tampil dan tercetak dengan benar."),
            format!("This text contains an invisible control character ({code}), e.g. from copy-and-paste. Remove it so the text displays and prints correctly."),
        );
    }
}

/// What a number written as text was probably meant to be ("3,5" → 3.5, "85%" → 85).
fn numeric_hint(text: &str) -> Option<Num> {
    let t = text.trim().trim_end_matches('%').trim();
    let t = if t.matches(',').count() == 1 && !t.contains('.') {
        t.chars().map(|c| if c == ',' { '.' } else { c }).collect()
    } else {
        t.to_string()
    };
    if t.is_empty()
        || !t
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-'))
    {
        return None;
    }
    Num::parse(&t)
}

/// Reads a number exactly.
pub(super) fn read_num(node: &Node, path: Path, s: &mut Sink) -> Option<Num> {
    match &node.value {
        Value::Number(text) => {
            let n = Num::parse(text);
            if n.is_none() {
                s.error(
                    Code::OutOfRange,
                    path,
                    node.at,
                    format!("Angka {text} terlalu besar atau terlalu rinci untuk dibaca. Periksa kembali angkanya."),
                    format!("The number {text} is too large or too precise to read. Check the number."),
                );
            }
            n
        }
        Value::String(text) => {
            let q = quote(text);
            match numeric_hint(text) {
                Some(n) => s.error(
                    Code::WrongType,
                    path,
                    node.at,
                    format!("Isian ini harus berupa angka, bukan teks {q}. Tulis {n} tanpa tanda kutip (pakai titik untuk desimal, tanpa tanda %)."),
                    format!("This value must be a number, not the text {q}. Write {n} without quotes (a point for decimals, no % sign)."),
                ),
                None => s.error(
                    Code::WrongType,
                    path,
                    node.at,
                    format!("Isian ini harus berupa angka, bukan teks {q}. Tulis angkanya tanpa tanda kutip, misalnya 3.5."),
                    format!("This value must be a number, not the text {q}. Write the number without quotes, e.g. 3.5."),
                ),
            }
            None
        }
        _ => {
            wrong_type(node, path, ("angka", "a number"), s);
            None
        }
    }
}

/// Reads a number within `lo..=hi`.
pub(super) fn read_num_in(node: &Node, path: Path, lo: i64, hi: i64, s: &mut Sink) -> Option<Num> {
    let n = read_num(node, path, s)?;
    if n < Num::from_int(lo) || n > Num::from_int(hi) {
        out_of_range(node, path, n, lo, hi, s);
        return None;
    }
    Some(n)
}

fn out_of_range(node: &Node, path: Path, n: Num, lo: i64, hi: i64, s: &mut Sink) {
    let (lo, hi) = (Num::from_int(lo), Num::from_int(hi));
    s.error(
        Code::OutOfRange,
        path,
        node.at,
        format!(
            "Nilai {} di luar rentang yang diizinkan ({} sampai {}). Periksa kembali angkanya.",
            num_id(n),
            num_id(lo),
            num_id(hi)
        ),
        format!(
            "The value {} is outside the allowed range ({} to {}). Check the number.",
            num_en(n),
            num_en(lo),
            num_en(hi)
        ),
    );
}

/// Reads a whole number, then checks it is within `lo..=hi`.
fn read_whole(node: &Node, path: Path, s: &mut Sink) -> Option<(Num, i64)> {
    let n = read_num(node, path, s)?;
    match n.to_i64() {
        Some(i) => Some((n, i)),
        None => {
            s.error(
                Code::NotAnInteger,
                path,
                node.at,
                format!(
                    "Isian ini harus bilangan bulat tanpa desimal, bukan {}. Tulis misalnya 3.",
                    num_id(n)
                ),
                format!(
                    "This value must be a whole number without decimals, not {}. Write e.g. 3.",
                    num_en(n)
                ),
            );
            None
        }
    }
}

/// Reads a whole number within `lo..=hi`.
pub(super) fn read_int(node: &Node, path: Path, lo: i64, hi: i64, s: &mut Sink) -> Option<i64> {
    let (n, i) = read_whole(node, path, s)?;
    if !(lo..=hi).contains(&i) {
        out_of_range(node, path, n, lo, hi, s);
        return None;
    }
    Some(i)
}

/// First and last year the format accepts.
pub(super) const YEARS: (i64, i64) = (2000, 2100);

/// Reads a year (a whole number in [`YEARS`]).
pub(super) fn read_year(node: &Node, path: Path, s: &mut Sink) -> Option<i64> {
    let (n, year) = read_whole(node, path, s)?;
    if !(YEARS.0..=YEARS.1).contains(&year) {
        s.error(
            Code::YearOutOfRange,
            path,
            node.at,
            format!(
                "Tahun {n} tidak masuk akal (harus {} sampai {}). Tulis tahun empat angka, misalnya 2022.",
                YEARS.0, YEARS.1
            ),
            format!(
                "The year {n} is not plausible (must be {} to {}). Write a four-digit year, e.g. 2022.",
                YEARS.0, YEARS.1
            ),
        );
        return None;
    }
    Some(year)
}

/// Reads one value of a closed set, suggesting the id a person probably meant.
pub(super) fn read_vocab<T: Vocab>(node: &Node, path: Path, s: &mut Sink) -> Option<T> {
    let Some(written) = node.as_str() else {
        let ids = T::ids();
        wrong_type(
            node,
            path,
            (
                &format!("teks salah satu dari: {ids}"),
                &format!("a string, one of: {ids}"),
            ),
            s,
        );
        return None;
    };
    if let Some(v) = T::from_id(written) {
        return Some(v);
    }
    if s.full() {
        s.skip(true);
        return None;
    }
    let (noun_id, noun_en) = T::NOUN;
    let q = quote(written);
    let ids = T::ids();
    let (hint_id, hint_en) = match suggest::<T>(written) {
        Some(v) => {
            let v = v.id();
            (
                format!(" Maksudnya \"{v}\"? Tulis \"{v}\"."),
                format!(" Did you mean \"{v}\"? Write \"{v}\"."),
            )
        }
        None => (String::new(), String::new()),
    };
    s.error(
        T::CODE,
        path,
        node.at,
        format!("{noun_id} {q} tidak dikenal.{hint_id} Gunakan salah satu: {ids}."),
        format!("Unknown {noun_en} {q}.{hint_en} Use one of: {ids}."),
    );
    None
}

/// Reads `true` or `false`.
pub(super) fn read_bool(node: &Node, path: Path, s: &mut Sink) -> Option<bool> {
    match node.value {
        Value::Bool(b) => Some(b),
        _ => {
            wrong_type(
                node,
                path,
                (
                    "true atau false (tanpa tanda kutip)",
                    "true or false (without quotes)",
                ),
                s,
            );
            None
        }
    }
}

/// Reports an array longer than `limit`; true when it is within.
pub(super) fn within_limit(
    items: &[Node],
    node: &Node,
    path: Path,
    limit: usize,
    s: &mut Sink,
) -> bool {
    if items.len() <= limit {
        return true;
    }
    let (n, max) = (
        Num::from_int(items.len() as i64),
        Num::from_int(limit as i64),
    );
    s.error(
        Code::TooManyItems,
        path,
        node.at,
        format!(
            "Daftar ini berisi {} isian; paling banyak {}. Periksa apakah ada isian yang tersalin berulang, atau pisahkan datanya.",
            num_id(n),
            num_id(max)
        ),
        format!(
            "This list has {} entries; at most {} are allowed. Check for entries copied over and over, or split the data.",
            num_en(n),
            num_en(max)
        ),
    );
    false
}

/// Reports every key written twice in the object at `path`.
pub(super) fn check_duplicate_keys(members: &[Member], path: &str, s: &mut Sink) {
    // Objects in a masterplan have a handful of keys: comparing pairs beats hashing them.
    let small = members.len() <= 24;
    let mut seen: FxMap<&str, usize> = FxMap::default();
    for (i, m) in members.iter().enumerate() {
        let twice = if small {
            let mut found = false;
            for earlier in &members[..i] {
                if same(earlier.name(), m.name()) {
                    found = true;
                    break;
                }
            }
            found
        } else {
            seen.insert(m.name(), m.key_at).is_some()
        };
        if twice {
            let q = quote(&m.key);
            s.error(
                Code::DuplicateKey,
                Path::Key(path, &m.key),
                m.key_at,
                format!("Kolom {q} ditulis dua kali dalam objek yang sama. Hapus salah satunya."),
                format!("The key {q} appears twice in the same object. Remove one of them."),
            );
        }
    }
}

/// Most keys a [`Shape`] may list (a test checks every shape).
pub(super) const MAX_SHAPE_KEYS: usize = 16;

/// An object of a known [`Shape`], opened for reading.
pub(super) struct Obj<'n> {
    /// The object's node.
    pub node: &'n Node<'n>,
    /// Its JSON Pointer.
    pub path: String,
    members: &'n [Member<'n>],
    shape: &'static Shape,
    /// For each key of the shape, 1 + the index of its first member (0: not written). Found
    /// once while opening, so reading a field is a lookup, not a scan comparing keys.
    slots: [u32; MAX_SHAPE_KEYS],
}

/// The index of `key` in `keys`. The keys the decoder asks for are the same string literals
/// as the shape's, which the compiler stores once: comparing addresses settles nearly all.
fn key_index(keys: &[&str], key: &str) -> Option<usize> {
    for (j, k) in keys.iter().enumerate() {
        if k.as_ptr() == key.as_ptr() && k.len() == key.len() {
            return Some(j);
        }
    }
    position(keys, key)
}

/// The index of `key` in `keys`, comparing contents.
fn position(keys: &[&str], key: &str) -> Option<usize> {
    for (j, k) in keys.iter().enumerate() {
        if same(k, key) {
            return Some(j);
        }
    }
    None
}

impl<'n> Obj<'n> {
    /// Opens `node` as an object of `shape`: reports a non-object, duplicate and unknown keys
    /// and missing required keys.
    pub(super) fn open(
        node: &'n Node<'n>,
        path: String,
        shape: &'static Shape,
        s: &mut Sink,
    ) -> Option<Self> {
        let Some(members) = node.as_object() else {
            wrong_type(node, Path::At(&path), ("objek { … }", "an object { … }"), s);
            return None;
        };
        let mut slots = [0u32; MAX_SHAPE_KEYS];
        let (mut twice, mut unknown) = (false, false);
        for (i, m) in members.iter().enumerate() {
            // A key from the text: compared by content (addresses only match literals).
            match position(shape.keys, m.name()).and_then(|j| slots.get_mut(j)) {
                Some(slot) if *slot == 0 => *slot = i as u32 + 1,
                Some(_) => twice = true,
                None => unknown = true,
            }
        }
        // An unknown key may be written twice too; without either, there is nothing to find.
        if twice || unknown {
            check_duplicate_keys(members, &path, s);
        }
        for m in members {
            if !unknown || position(shape.keys, m.name()).is_some() {
                continue;
            }
            if s.full() {
                s.skip(false);
                continue;
            }
            let q = quote(&m.key);
            let (hint_id, hint_en) = match suggest_key(&m.key, shape.keys) {
                Some(k) => (
                    format!(" Maksudnya \"{k}\"?"),
                    format!(" Did you mean \"{k}\"?"),
                ),
                None => (String::new(), String::new()),
            };
            s.warning(
                Code::UnknownKey,
                Path::Key(&path, &m.key),
                m.key_at,
                format!("Kolom {q} tidak dikenal: disimpan, tetapi tidak dipakai dalam penilaian.{hint_id}"),
                format!("Unknown key {q}: kept but not used by the assessment.{hint_en}"),
            );
        }
        let obj = Obj {
            node,
            path,
            members,
            shape,
            slots,
        };
        for key in shape.required {
            if obj.get(key).is_none() {
                obj.missing(key, s);
            }
        }
        Some(obj)
    }

    /// The value of `key` (its first occurrence); `null` counts as absent.
    pub(super) fn get(&self, key: &str) -> Option<&'n Node<'n>> {
        let node = &self.member(key)?.node;
        match node.value {
            Value::Null => None,
            _ => Some(node),
        }
    }

    /// The first member written with `key`.
    fn member(&self, key: &str) -> Option<&'n Member<'n>> {
        let members: &'n [Member<'n>] = self.members;
        match key_index(self.shape.keys, key).and_then(|j| self.slots.get(j)) {
            Some(&slot) => members.get((slot as usize).checked_sub(1)?),
            // Not a key of the shape: look through the members.
            None => members.iter().find(|m| same(m.name(), key)),
        }
    }

    /// True when the key is written, even as `null`.
    pub(super) fn has_key(&self, key: &str) -> bool {
        self.member(key).is_some()
    }

    /// Where `key` is.
    pub(super) fn child<'k>(&'k self, key: &'k str) -> Path<'k> {
        Path::Key(&self.path, key)
    }

    /// Reports that a required `key` is absent.
    pub(super) fn missing(&self, key: &str, s: &mut Sink) {
        let (label, (hint_id, hint_en)) = missing_hint(&self.path, key);
        // The version decides how the rest is read, so its absence gets its own code.
        let code = if self.path.is_empty() && key == "format_version" {
            Code::MissingFormatVersion
        } else {
            Code::MissingField
        };
        s.error(
            code,
            self.child(key),
            self.node.at,
            format!("{} belum diisi.{hint_id}", label.0),
            format!("{} is missing.{hint_en}", label.1),
        );
    }

    fn read<T>(
        &self,
        key: &str,
        s: &mut Sink,
        f: impl FnOnce(&'n Node<'n>, Path, &mut Sink) -> Option<T>,
    ) -> Option<T> {
        let node = self.get(key)?;
        f(node, self.child(key), s)
    }

    /// A string; an empty one is an error when the key is required, else absent.
    pub(super) fn text(&self, key: &str, required: bool, s: &mut Sink) -> Option<String> {
        let node = self.get(key)?;
        let path = self.child(key);
        let text = read_text(node, path, s)?;
        if blank(&text) {
            if required {
                self.empty(key, path, node, s);
            }
            return None;
        }
        Some(text)
    }

    /// A string that names or identifies something (a program id, an agency): as
    /// [`Obj::text`], with a warning for invisible characters (ignored when compared).
    pub(super) fn name(&self, key: &str, required: bool, s: &mut Sink) -> Option<String> {
        let node = self.get(key)?;
        let path = self.child(key);
        let text = read_text_as(node, path, true, s)?;
        if blank(&without_invisible(&text)) {
            if required {
                self.empty(key, path, node, s);
            }
            return None;
        }
        Some(text)
    }

    /// A year.
    pub(super) fn year(&self, key: &str, s: &mut Sink) -> Option<i64> {
        self.read(key, s, read_year)
    }

    /// A whole number within `lo..=hi`.
    pub(super) fn int(&self, key: &str, lo: i64, hi: i64, s: &mut Sink) -> Option<i64> {
        self.read(key, s, |n, p, s| read_int(n, p, lo, hi, s))
    }

    /// A number within `lo..=hi`.
    pub(super) fn num(&self, key: &str, lo: i64, hi: i64, s: &mut Sink) -> Option<Num> {
        self.read(key, s, |n, p, s| read_num_in(n, p, lo, hi, s))
    }

    /// `true` or `false`.
    pub(super) fn boolean(&self, key: &str, s: &mut Sink) -> Option<bool> {
        self.read(key, s, read_bool)
    }

    /// A value of a closed set.
    pub(super) fn vocab<T: Vocab>(&self, key: &str, s: &mut Sink) -> Option<T> {
        self.read(key, s, read_vocab::<T>)
    }

    /// An object of `shape`.
    pub(super) fn object(&self, key: &str, shape: &'static Shape, s: &mut Sink) -> Option<Obj<'n>> {
        let node = self.get(key)?;
        Obj::open(node, self.child(key).pointer(), shape, s)
    }

    /// An array of at most `limit` items, each with its pointer.
    pub(super) fn array(
        &self,
        key: &str,
        limit: usize,
        s: &mut Sink,
    ) -> Option<Vec<(&'n Node<'n>, String)>> {
        let (items, path) = self.list(key, limit, s)?;
        Some(
            items
                .iter()
                .enumerate()
                .map(|(i, item)| (item, pointer_index(&path, i)))
                .collect(),
        )
    }

    /// The items of an array of at most `limit` items, and the array's pointer.
    fn list(&self, key: &str, limit: usize, s: &mut Sink) -> Option<(&'n [Node<'n>], String)> {
        let node = self.get(key)?;
        let path = self.child(key);
        let Some(items) = node.as_array() else {
            wrong_type(node, path, ("daftar [ … ]", "a list [ … ]"), s);
            return None;
        };
        if !within_limit(items, node, path, limit, s) {
            return None;
        }
        Some((items, path.pointer()))
    }

    /// Reports a required text left empty.
    fn empty(&self, key: &str, path: Path, node: &Node, s: &mut Sink) {
        let ((id, en), _) = missing_hint(&self.path, key);
        s.error(
            Code::EmptyText,
            path,
            node.at,
            format!("{id} kosong. Isi dengan teks."),
            format!("{en} is empty. Fill it in."),
        );
    }

    /// A list of strings (evidence, sources); absent is empty.
    pub(super) fn strings(&self, key: &str, s: &mut Sink) -> Vec<String> {
        if let Some(node) = self.get(key) {
            if let Some(text) = node.as_str() {
                let path = self.child(key);
                let q = quote(text);
                s.error(
                    Code::WrongType,
                    path,
                    node.at,
                    format!("Isian ini harus berupa daftar teks, bukan satu teks. Apit dengan kurung siku: [{q}]."),
                    format!("This value must be a list of strings, not a single string. Wrap it in brackets: [{q}]."),
                );
                return Vec::new();
            }
        }
        let Some((items, path)) = self.list(key, MAX_EVIDENCE, s) else {
            return Vec::new();
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, node) in items.iter().enumerate() {
            if let Some(t) = read_text(node, Path::Index(&path, i), s) {
                if !blank(&t) {
                    out.push(t);
                }
            }
        }
        out
    }
}

/// A required key in words (for messages, which name no key), and what to write when it is
/// missing.
type Words = (&'static str, &'static str);
fn missing_hint(parent: &str, key: &str) -> (Words, (String, String)) {
    use crate::model::framework::{
        Aspect, Horizon, Pillar, ProgramStatus, QuickWinStatus, RegionKind,
    };
    use crate::model::masterplan::FORMAT_VERSION;
    let one_of = |ids: String| {
        (
            format!(" Gunakan salah satu: {ids}."),
            format!(" Use one of: {ids}."),
        )
    };
    let year = (
        " Tulis tahunnya sebagai angka, misalnya 2022.".to_string(),
        " Write the year as a number, e.g. 2022.".to_string(),
    );
    let add = || {
        (
            " Tambahkan beserta nilainya.".to_string(),
            " Add it with its value.".to_string(),
        )
    };
    let in_quick_win = parent.ends_with("/quick_win");
    let in_region = parent == "/region";
    match key {
        "format" => (
            ("Penanda format berkas", "The file's format marker"),
            (
                " Tambahkan \"format\": \"kota-cerdas/masterplan\" di awal berkas.".into(),
                " Add \"format\": \"kota-cerdas/masterplan\" at the start of the file.".into(),
            ),
        ),
        "format_version" => (
            ("Versi format berkas", "The file's format version"),
            (
                format!(" Tambahkan \"format_version\": {FORMAT_VERSION}."),
                format!(" Add \"format_version\": {FORMAT_VERSION}."),
            ),
        ),
        "programs" => (
            ("Daftar program", "The program list"),
            (
                " Tambahkan \"programs\": [ … ] berisi program masterplan (boleh kosong: [])."
                    .into(),
                " Add \"programs\": [ … ] with the masterplan's programs (may be empty: [])."
                    .into(),
            ),
        ),
        "region" => (("Data daerah", "The region data"), add()),
        "evaluation" => (("Data evaluasi", "The evaluation data"), add()),
        "name" if in_region => (("Nama daerah", "The region's name"), add()),
        "name" => (("Nama program", "The program name"), add()),
        "id" if parent.starts_with("/readiness") => {
            (("ID butir kesiapan", "The readiness item's ID"), add())
        }
        "id" => (("ID program", "The program ID"), add()),
        "pillar" => (("Pilar", "The pillar"), one_of(Pillar::ids())),
        "horizon" => (("Jangka waktu", "The time frame"), one_of(Horizon::ids())),
        "status" if in_quick_win => (
            ("Status quick win", "The quick-win status"),
            one_of(QuickWinStatus::ids()),
        ),
        "status" => (
            ("Status program", "The program status"),
            one_of(ProgramStatus::ids()),
        ),
        "aspect" => (
            ("Aspek kesiapan", "The readiness aspect"),
            one_of(Aspect::ids()),
        ),
        "kind" if in_region => (
            ("Jenis daerah", "The region kind"),
            one_of(RegionKind::ids()),
        ),
        "kind" => (
            ("Jenis dasar hukum", "The legal basis kind"),
            one_of(crate::model::framework::LegalKind::ids()),
        ),
        "exists" => (
            ("Keberadaannya", "Whether it exists"),
            (
                " Tulis true jika sudah ada, false jika belum.".into(),
                " Write true if it exists, false if not.".into(),
            ),
        ),
        "start_year" => (("Tahun mulai", "The start year"), year),
        "year" if in_quick_win => (
            ("Tahun target quick win", "The quick win's target year"),
            year,
        ),
        "year" if parent == "/evaluation" => (("Tahun evaluasi", "The evaluation year"), year),
        "year" => (("Tahun", "The year"), year),
        "index" => (("Nilai indeks", "The index value"), add()),
        "score" => (("Nilai butir", "The item's score"), add()),
        "respondents" => (("Jumlah responden", "The number of respondents"), add()),
        "mean" => (("Nilai rata-rata survei", "The survey mean"), add()),
        "code" => (("Kode indikator", "The indicator code"), add()),
        "value" => (("Nilai indikator", "The indicator value"), add()),
        _ => (("Isian wajib", "A required value"), add()),
    }
}
