//! `engine::validate` on arbitrary bytes, lossily decoded like the page does: never panics;
//! every problem has a code, both messages and a JSON Pointer path, and (text input) a
//! 1-based line and column whenever it has a position.
#![no_main]

use kota_cerdas_mandiri::engine::{self, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let options = Options {
        locate: true,
        ..Options::default()
    };
    for p in engine::validate(&text, &options) {
        assert!(!p.code.is_empty());
        assert!(
            !p.message.id.is_empty() && !p.message.en.is_empty(),
            "{p:?}"
        );
        assert!(p.path.is_empty() || p.path.starts_with('/'), "{p:?}");
        assert_eq!(p.line.is_some(), p.column.is_some(), "{p:?}");
        if let (Some(l), Some(c)) = (p.line, p.column) {
            assert!(l >= 1 && c >= 1, "{p:?}");
        }
    }
});
