//! Command-line front end of the engine, for batch work and benchmarks.
//!
//! ```text
//! kota-cerdas assess   FILE [--method ID]    print the assessment as JSON
//! kota-cerdas validate FILE [--method ID]    print the problems as JSON (exit 1 on errors)
//! kota-cerdas csv      FILE [--locale id|en] print the CSV of the assessment
//! kota-cerdas json     F.xlsx                print the masterplan read from a workbook
//! kota-cerdas xlsx     M.json -o F.xlsx      write a masterplan as a workbook
//! kota-cerdas results  FILE -o R.xlsx [--method ID] [--locale id|en]
//!                                            write the assessment's results as a workbook
//! kota-cerdas template -o F.xlsx [--locale id|en]   write the empty template
//! ```
//!
//! FILE is a masterplan JSON file or a workbook (.xlsx, .ods: recognised by its content); a
//! workbook's problems are located by sheet and cell.
//!
//! FILE may be `-` (standard input). A file over the 20 MB limit is refused before it is read:
//! by its size when it has one, else by reading at most one byte past the limit (a pipe or a
//! device such as /dev/zero). `--locale` other than `id` or `en` is an error.
//!
//! JSON is written by the engine's one writer (`io::json_out`, indented), so `assess` prints
//! the values `assessText` returns, and `csv` the bytes `exportCsv` returns given that
//! assessment, plus `input_sha256`: the SHA-256 of the text read (BOM included; for a
//! workbook, of the masterplan JSON text read from it), which the engine no longer computes
//! (spec §4).

use std::io::Read;
use std::process::ExitCode;

use kota_cerdas_mandiri::engine::{self, MethodChoice, Options};
use kota_cerdas_mandiri::io::csv::{self, Locale};
use kota_cerdas_mandiri::io::decode::{self, MAX_FILE_BYTES};
use kota_cerdas_mandiri::io::json_out;
use kota_cerdas_mandiri::model::code::Code;
use kota_cerdas_mandiri::model::problem::{Location, Problem, Problems, Severity};
use kota_cerdas_mandiri::Assessment;
use kota_cerdas_workbook as workbook;
use sha2::{Digest, Sha256};

/// SHA-256 of the text's UTF-8 bytes, lowercase hex: the `input_sha256` of spec §4.
fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Assesses `text` and records its hash, as every file the CLI writes carries it.
fn assess(text: &str, options: &Options) -> Result<Assessment, Vec<Problem>> {
    let mut a = engine::assess(text, options)?;
    a.input_sha256 = Some(sha256_hex(text));
    Ok(a)
}

/// Why the input cannot be read at all.
enum Unread {
    /// Over the limit: the problem to print.
    TooLarge(Vec<Problem>),
    /// Not readable (missing, a directory, no permission).
    Io(std::io::Error),
}

/// The bytes of `path` (`-` is standard input), refusing more than [`MAX_FILE_BYTES`] before
/// reading them: a file with a size is checked first; anything else (a pipe, a device) is read
/// through a reader that stops one byte past the limit.
fn read_input(path: &str) -> Result<Vec<u8>, Unread> {
    let mut p = Problems::new();
    let reader: Box<dyn Read> = if path == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        let file = std::fs::File::open(path).map_err(Unread::Io)?;
        let meta = file.metadata().map_err(Unread::Io)?;
        if meta.is_dir() {
            return Err(Unread::Io(std::io::Error::other("is a directory")));
        }
        if meta.is_file() && meta.len() > MAX_FILE_BYTES as u64 {
            decode::too_large(meta.len() as usize, &mut p);
            return Err(Unread::TooLarge(p.finish(None)));
        }
        Box::new(file)
    };
    let mut bytes = Vec::new();
    reader
        .take(MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(Unread::Io)?;
    if bytes.len() > MAX_FILE_BYTES {
        let mb = MAX_FILE_BYTES / (1024 * 1024);
        p.error(
            Code::FileTooLarge.id(),
            &Location::root(),
            format!("Masukan terlalu besar: lebih dari {mb} MB, batasnya {mb} MB; pembacaan dihentikan di batas itu. Pilih berkas masterplan, bukan perangkat atau aliran data tanpa akhir, atau pisahkan datanya menjadi beberapa berkas."),
            format!("The input is too large: more than {mb} MB, the limit is {mb} MB; reading stopped at the limit. Choose a masterplan file, not a device or an endless stream, or split the data into several files."),
        );
        return Err(Unread::TooLarge(p.finish(None)));
    }
    Ok(bytes)
}

fn usage() -> ExitCode {
    eprintln!("usage: kota-cerdas (assess|validate|csv|json) FILE [--method ID] [--locale id|en]");
    eprintln!("       kota-cerdas xlsx M.json -o F.xlsx [--locale id|en]");
    eprintln!("       kota-cerdas results FILE -o R.xlsx [--method ID] [--locale id|en]");
    eprintln!("       kota-cerdas template -o F.xlsx [--locale id|en]");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(cmd), Some(path)) = (args.first(), args.get(1)) else {
        return usage();
    };
    let flag = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    // Unknown locales are an error, not silently Indonesian.
    let locale_flag = flag("--locale");
    if args.iter().any(|a| a == "--locale") && !matches!(locale_flag.as_deref(), Some("id" | "en"))
    {
        let given = locale_flag.unwrap_or_default();
        eprintln!("--locale \"{given}\" tidak dikenal; gunakan id atau en. / Unknown --locale \"{given}\"; use id or en.");
        return ExitCode::from(2);
    }
    let locale = || workbook::Locale::parse(locale_flag.as_deref().unwrap_or_default());
    let save = |bytes: &[u8]| -> ExitCode {
        let Some(out) = flag("-o") else {
            return usage();
        };
        match std::fs::write(&out, bytes) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("{out}: {e}");
                ExitCode::from(2)
            }
        }
    };
    let print_sheet_problems = |p: &[workbook::WorkbookProblem]| {
        println!("{}", json_out::to_string_pretty(p).unwrap_or_default());
    };
    if cmd == "template" {
        return match workbook::template(locale()) {
            Ok(bytes) => save(&bytes),
            Err(p) => {
                print_sheet_problems(&[p]);
                ExitCode::from(1)
            }
        };
    }
    let print_problems = |p: &[Problem]| {
        println!("{}", json_out::to_string_pretty(p).unwrap_or_default());
    };
    let bytes = match read_input(path) {
        Ok(bytes) => bytes,
        Err(Unread::TooLarge(problems)) => {
            print_problems(&problems);
            return ExitCode::from(1);
        }
        Err(Unread::Io(e)) => {
            eprintln!("{path}: {e}");
            return ExitCode::from(2);
        }
    };
    // A workbook is a zip ("PK"); anything else is read as masterplan text.
    let text = if bytes.starts_with(b"PK") {
        let reading = workbook::read(&bytes);
        match reading.text {
            Some(text) if cmd != "validate" => text,
            _ => {
                print_sheet_problems(&reading.problems);
                let failed = reading
                    .problems
                    .iter()
                    .any(|p| p.severity == Severity::Error);
                return ExitCode::from(u8::from(failed));
            }
        }
    } else {
        // Lossy: invalid UTF-8 becomes U+FFFD and is then reported where it sits.
        String::from_utf8_lossy(&bytes).into_owned()
    };
    let options = Options {
        method: flag("--method").map_or(MethodChoice::FromFile, MethodChoice::Preset),
        locate: true,
    };
    match cmd.as_str() {
        "json" => print!("{text}"),
        "xlsx" => {
            return match workbook::write(&text, locale()) {
                Ok(w) => {
                    if !w.warnings.is_empty() {
                        eprintln!(
                            "{}",
                            json_out::to_string_pretty(&w.warnings).unwrap_or_default()
                        );
                    }
                    save(&w.bytes)
                }
                Err(p) => {
                    print_sheet_problems(&[p]);
                    ExitCode::from(1)
                }
            };
        }
        "results" => {
            // As workbook::results does, with the input hash the results sheet shows.
            return match assess(&text, &options) {
                Ok(a) => {
                    let json = json_out::to_string(&a).unwrap_or_default();
                    match workbook::write_assessment(&json, Some(&text), locale()) {
                        Ok(bytes) => save(&bytes),
                        Err(p) => {
                            print_sheet_problems(&[p]);
                            ExitCode::from(1)
                        }
                    }
                }
                Err(problems) => {
                    // Unlocated, as workbook::results reports them.
                    let problems: Vec<_> = problems
                        .into_iter()
                        .map(|p| {
                            workbook::WorkbookProblem::at(
                                p.severity, p.code, p.path, None, p.message,
                            )
                        })
                        .collect();
                    print_sheet_problems(&problems);
                    ExitCode::from(1)
                }
            };
        }
        "validate" => {
            let problems = engine::validate(&text, &options);
            print_problems(&problems);
            if problems.iter().any(|p| p.severity == Severity::Error) {
                return ExitCode::from(1);
            }
        }
        "assess" | "csv" => match assess(&text, &options) {
            Err(problems) => {
                print_problems(&problems);
                return ExitCode::from(1);
            }
            Ok(a) => {
                if cmd == "assess" {
                    println!("{}", json_out::to_string_pretty(&a).unwrap_or_default());
                } else {
                    // What the page hands exportCsv: the assessment as JSON.
                    let json = json_out::to_string(&a).unwrap_or_default();
                    let locale = match locale_flag.as_deref() {
                        Some("en") => Locale::En,
                        _ => Locale::Id,
                    };
                    match csv::write(&json, locale) {
                        Ok(csv) => print!("{csv}"),
                        Err(p) => {
                            print_problems(&p);
                            return ExitCode::from(1);
                        }
                    }
                }
            }
        },
        _ => return usage(),
    }
    ExitCode::SUCCESS
}
