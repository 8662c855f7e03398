//! Writes the template, or a masterplan's workbook, to a file; reads a workbook back.
//! Used to make the interop fixtures (tests/data/README.md) and to time large workbooks.
//!
//! ```text
//! cargo run --release -p kota-cerdas-workbook --example workbook -- template OUT.xlsx
//! cargo run --release -p kota-cerdas-workbook --example workbook -- xlsx M.json OUT.xlsx
//! cargo run --release -p kota-cerdas-workbook --example workbook -- json F.xlsx
//! ```

use std::time::Instant;

use kota_cerdas_workbook::{read, template, write, Locale};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |i: usize| args.get(i).cloned().unwrap_or_default();
    let t = Instant::now();
    match arg(0).as_str() {
        "template" => std::fs::write(arg(1), template(Locale::Id).expect("template")).unwrap(),
        "xlsx" => {
            let text = std::fs::read_to_string(arg(1)).unwrap();
            let w = write(&text, Locale::Id).expect("workbook");
            std::fs::write(arg(2), w.bytes).unwrap();
        }
        "json" => {
            let bytes = std::fs::read(arg(1)).unwrap();
            let r = read(&bytes);
            match r.text {
                Some(text) => println!("{text}"),
                None => eprintln!("{:#?}", r.problems),
            }
        }
        // The sheets and columns as Markdown, for README.md.
        "columns" => print!("{}", kota_cerdas_workbook::layout::markdown()),
        _ => eprintln!("usage: workbook (template OUT | xlsx M.json OUT | json F.xlsx | columns)"),
    }
    eprintln!("{} ms", t.elapsed().as_millis());
}
