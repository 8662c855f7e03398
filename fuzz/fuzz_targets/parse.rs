//! `json::parse` on arbitrary bytes (lossily decoded, as the page's TextDecoder does): never
//! panics, never overflows the stack; an error offset lies within the text and a parsed
//! tree's offsets too, and `line_column` accepts every one of them.
#![no_main]

use kota_cerdas_mandiri::io::json::{self, Node, Value};
use libfuzzer_sys::fuzz_target;

fn check(node: &Node, len: usize) {
    assert!(node.at <= len, "node offset {} past the end {len}", node.at);
    match &node.value {
        Value::Array(items) => items.iter().for_each(|n| check(n, len)),
        Value::Object(members) => members.iter().for_each(|m| {
            assert!(m.key_at <= len);
            check(&m.node, len);
        }),
        _ => {}
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match json::parse(&text) {
        Ok(root) => check(&root, text.len()),
        Err(err) => {
            assert!(err.at <= text.len(), "error offset {} past the end", err.at);
            let _ = json::line_column(&text, err.at);
        }
    }
});
