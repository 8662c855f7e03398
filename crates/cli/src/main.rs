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
//! JSON is written by the engine's one writer (`io::json_out`, indented), so `assess` prints
//! the values `assessText` returns, and `csv` the bytes `exportCsv` returns.

use std::process::ExitCode;

use kota_cerdas_mandiri::engine::{self, MethodChoice, Options};
use kota_cerdas_mandiri::io::csv::{self, Locale};
use kota_cerdas_mandiri::io::json_out;
use kota_cerdas_mandiri::model::problem::Severity;
use kota_cerdas_workbook as workbook;

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
    let locale = || workbook::Locale::parse(&flag("--locale").unwrap_or_default());
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
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => {
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
    let print_problems = |p: &[kota_cerdas_mandiri::model::problem::Problem]| {
        println!("{}", json_out::to_string_pretty(p).unwrap_or_default());
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
            return match workbook::results(&text, &options, locale()) {
                Ok(bytes) => save(&bytes),
                Err(problems) => {
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
        "assess" | "csv" => match engine::assess(&text, &options) {
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
                    let locale = match flag("--locale").as_deref() {
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
