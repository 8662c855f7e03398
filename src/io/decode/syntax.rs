//! Plain explanations for a text that is not JSON at all, or is too large to read.

use crate::io::json::{SyntaxError, SyntaxErrorKind, MAX_DEPTH, MAX_VALUES};
use crate::model::decimal::Num;
use crate::model::text::{num_en, num_id};

/// The message for a file of `bytes` bytes over `limit`.
pub(super) fn too_large(bytes: usize, limit: usize) -> (String, String) {
    let mb = |b: usize| {
        Num::ratio(b as i64, 1024 * 1024)
            .unwrap_or(Num::ZERO)
            .round_dp(1)
    };
    let (size, max) = (mb(bytes), mb(limit));
    (
        format!(
            "Berkas terlalu besar: {} MB, batasnya {} MB. Hapus lampiran atau gambar yang tersalin ke dalam berkas (tulis nama berkas atau tautannya saja), atau pisahkan per daerah.",
            num_id(size),
            num_id(max)
        ),
        format!(
            "The file is too large: {} MB, the limit is {} MB. Remove attachments or images copied into it (write only their file name or link), or split it by region.",
            num_en(size),
            num_en(max)
        ),
    )
}

/// The message for a syntax error in `text`: what went wrong, in plain words, and the fix.
pub(super) fn explain(text: &str, err: &SyntaxError) -> (String, String) {
    if let Some(m) = not_json_at_all(text) {
        return m;
    }
    let before = text[..err.at.min(text.len())].trim_end();
    let prev = before.chars().next_back();
    let (id, en): (String, String) = match &err.kind {
        SyntaxErrorKind::Empty => (
            "Berkas kosong. Pilih berkas masterplan yang berisi data.".into(),
            "The file is empty. Choose a masterplan file that has data in it.".into(),
        ),
        SyntaxErrorKind::UnexpectedEnd => (
            "Berkas berakhir sebelum datanya selesai: ada { atau [ yang belum ditutup, atau berkasnya terpotong saat disalin. Lengkapi penutup } atau ], atau salin ulang berkasnya.".into(),
            "The file ends before its data does: a { or [ is not closed, or the file was cut off while copying. Add the missing } or ], or copy the file again.".into(),
        ),
        SyntaxErrorKind::TrailingContent => (
            "Ada teks lagi setelah akhir data (setelah kurung penutup terakhir). Satu berkas hanya berisi satu masterplan; hapus teks tambahan itu atau pindahkan ke berkas lain.".into(),
            "There is more text after the end of the data (after the last closing bracket). A file holds one masterplan; remove the extra text or move it to another file.".into(),
        ),
        SyntaxErrorKind::BadString => (
            "Teks dalam tanda kutip tidak ditutup, atau berisi baris baru. Tambahkan tanda kutip penutup \", dan tulis baris baru di dalam teks sebagai \\n.".into(),
            "A quoted text is not closed, or contains a line break. Add the closing quote \", and write line breaks inside a text as \\n.".into(),
        ),
        SyntaxErrorKind::BadEscape => (
            "Garis miring terbalik (\\) di dalam teks harus ditulis dua kali (\\\\), misalnya pada alamat folder Windows: \"D:\\\\Data\\\\SK.pdf\". Atau gunakan garis miring biasa (/).".into(),
            "A backslash (\\) inside a text must be doubled (\\\\), e.g. in a Windows folder path: \"D:\\\\Data\\\\SK.pdf\". Or use a forward slash (/).".into(),
        ),
        SyntaxErrorKind::BadNumber => (
            "Angka ditulis dengan bentuk yang tidak sah (misalnya 01, 1. atau -). Tulis angka seperti 12 atau 3.5, tanpa nol di depan.".into(),
            "A number is malformed (e.g. 01, 1. or -). Write numbers like 12 or 3.5, without leading zeros.".into(),
        ),
        SyntaxErrorKind::TooDeep => (
            format!("Data bersarang terlalu dalam (lebih dari {MAX_DEPTH} tingkat kurung {{ atau [). Masterplan hanya perlu beberapa tingkat; periksa apakah berkasnya benar."),
            format!("The data is nested too deeply (more than {MAX_DEPTH} levels of {{ or [). A masterplan needs only a few levels; check that this is the right file."),
        ),
        SyntaxErrorKind::TooManyValues => {
            let n = Num::from_int(MAX_VALUES as i64);
            return (
                format!("Berkas berisi lebih dari {} nilai; pembacaan berhenti di sini. Pindahkan daftar panjang yang tidak dipakai penilaian (lampiran, data mentah) ke berkas lain.", num_id(n)),
                format!("The file holds more than {} values; reading stopped here. Move long lists the assessment does not use (attachments, raw data) to another file.", num_en(n)),
            );
        }
        SyntaxErrorKind::TrailingComma => {
            let close = text[err.at.min(text.len())..].chars().next().unwrap_or(']');
            (
                format!("Ada koma berlebih sebelum {close}. Hapus koma sebelum {close}."),
                format!("There is an extra comma before {close}. Remove the comma before {close}."),
            )
        }
        SyntaxErrorKind::UnexpectedChar(c) => unexpected(*c, prev, before),
    };
    (
        format!("Berkas ini bukan JSON yang sah. {id}"),
        format!("This file is not valid JSON. {en}"),
    )
}

/// Explains a character that cannot stand where it stands, from what comes before it.
fn unexpected(c: char, prev: Option<char>, before: &str) -> (String, String) {
    let ends_value = |p: char| matches!(p, '"' | '}' | ']' | '0'..='9' | 'e' | 'l');
    match (c, prev) {
        ('0'..='9', Some(',')) if before[..before.len() - 1].trim_end().ends_with(|p: char| p.is_ascii_digit()) => (
            "Angka desimal ditulis dengan koma. Di JSON, desimal memakai titik: tulis 3.5, bukan 3,5.".into(),
            "A decimal number is written with a comma. JSON uses a point for decimals: write 3.5, not 3,5.".into(),
        ),
        ('"' | '{' | '[', Some(p)) if ends_value(p) => (
            "Sepertinya ada koma yang hilang. Tambahkan koma di antara dua isian, sebelum posisi ini.".into(),
            "A comma seems to be missing. Add a comma between the two entries, before this position.".into(),
        ),
        ('\u{feff}', _) => (
            "Di sini ada tanda urutan bita (BOM) kedua: dua berkas digabung, atau berkas disimpan dua kali. Simpan ulang berkas sebagai UTF-8.".into(),
            "A second byte-order mark (BOM) stands here: two files were joined, or the file was saved twice. Save the file again as UTF-8.".into(),
        ),
        ('\u{fffd}', _) => (
            "Di sini ada bita yang bukan UTF-8 (tampil sebagai �): berkas disimpan dengan pengodean lain atau rusak. Simpan ulang berkas sebagai UTF-8.".into(),
            "A byte that is not UTF-8 stands here (shown as �): the file was saved in another encoding or is damaged. Save the file again as UTF-8.".into(),
        ),
        ('\0', _) => (
            "Di sini ada karakter NUL (bita nol): berkas ini mungkin UTF-16 atau berkas biner. Simpan ulang berkas sebagai UTF-8.".into(),
            "A NUL character (zero byte) stands here: the file may be UTF-16 or binary. Save the file again as UTF-8.".into(),
        ),
        ('\'', _) => (
            "Teks memakai tanda kutip tunggal ('). JSON memerlukan tanda kutip ganda (\"): tulis \"governance\", bukan 'governance'.".into(),
            "A text uses single quotes ('). JSON needs double quotes (\"): write \"governance\", not 'governance'.".into(),
        ),
        ('/' | '#', _) => (
            "JSON tidak mengenal komentar (// atau #). Hapus komentarnya.".into(),
            "JSON has no comments (// or #). Remove the comment.".into(),
        ),
        (',', Some(',' | '[' | ':')) => (
            "Ada koma tanpa isian sebelumnya. Hapus koma berlebih atau isi nilainya.".into(),
            "There is a comma with no entry before it. Remove the extra comma or fill in the value.".into(),
        ),
        (c, Some(':' | '[' | ',')) if c.is_alphabetic() => (
            format!("Teks yang diawali '{c}' tidak diapit tanda kutip. Apit teks dengan tanda kutip ganda, misalnya \"running\"; true, false dan null ditulis dengan huruf kecil."),
            format!("A text starting with '{c}' is not in quotes. Put texts in double quotes, e.g. \"running\"; true, false and null are written in lower case."),
        ),
        (c, Some('{' | ',')) => (
            format!("Di sini seharusnya ada nama kolom dalam tanda kutip ganda (misalnya \"name\"), bukan '{c}'."),
            format!("A key in double quotes (e.g. \"name\") should come here, not '{c}'."),
        ),
        (c, _) => (
            format!("Karakter '{c}' tidak diharapkan di sini. Periksa tanda baca di sekitarnya: koma, titik dua, tanda kutip dan kurung."),
            format!("The character '{c}' is not expected here. Check the punctuation around it: commas, colons, quotes and brackets."),
        ),
    }
}

/// Recognises files that are not JSON at all: a web page, a spreadsheet, a CSV export.
fn not_json_at_all(text: &str) -> Option<(String, String)> {
    if utf16(text) {
        return Some((
            "Berkas ini disimpan dengan pengodean UTF-16 (\"Unicode\"), bukan UTF-8. Buka di Notepad, pilih Simpan Sebagai → Pengodean UTF-8, lalu pilih berkasnya lagi.".into(),
            "This file is saved as UTF-16 (\"Unicode\"), not UTF-8. Open it in Notepad, choose Save As → Encoding UTF-8, then choose the file again.".into(),
        ));
    }
    let body = text.trim_start_matches('\u{feff}').trim_start();
    if body.starts_with('{') || body.starts_with('[') {
        return None;
    }
    if body.starts_with('<') {
        return Some((
            "Berkas ini tampaknya halaman web (HTML), bukan berkas masterplan JSON. Mungkin yang terunduh adalah halaman masuk atau halaman kesalahan; unduh ulang berkas .json-nya.".into(),
            "This file looks like a web page (HTML), not a masterplan JSON file. Perhaps a login or error page was downloaded; download the .json file again.".into(),
        ));
    }
    if body.starts_with("PK") || crate::model::text::has_replacement_char(body) {
        return Some((
            "Berkas ini tampaknya berkas Excel atau berkas biner lain, bukan JSON. Gunakan berkas masterplan .json (misalnya dari contoh atau templat), bukan .xlsx.".into(),
            "This file looks like an Excel workbook or another binary file, not JSON. Use a masterplan .json file (e.g. from the sample or template), not .xlsx.".into(),
        ));
    }
    let first_line = body.lines().next().unwrap_or_default();
    if first_line.contains(';')
        || first_line.contains('\t')
        || first_line.contains(',')
        || body.as_bytes().windows(2).any(|w| w == b"\"\"")
    {
        return Some((
            "Berkas ini tampaknya tabel (CSV) atau pernah dibuka dan disimpan di Excel, sehingga bukan JSON lagi. Gunakan berkas .json aslinya, atau buka dengan editor teks (Notepad), bukan Excel.".into(),
            "This file looks like a table (CSV), or it was opened and saved in Excel and is no longer JSON. Use the original .json file, or edit it in a text editor (Notepad), not Excel.".into(),
        ));
    }
    None
}

/// UTF-16 text read as UTF-8: ASCII interleaved with NUL bytes (with or without the UTF-16
/// byte-order mark, which reads as two U+FFFD).
fn utf16(text: &str) -> bool {
    let head: Vec<char> = text.chars().take(64).collect();
    let nuls = head.iter().filter(|c| **c == '\0').count();
    head.len() >= 4 && nuls * 3 >= head.len()
}
