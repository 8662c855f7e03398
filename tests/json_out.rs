//! Oracle test of the engine's own JSON writer (`io::json_out`, which stands in for
//! `serde_json` in the wasm module) on real assessments: for every fixture, sample and hostile
//! file that assesses, the text `json_out` writes parses to the value `serde_json` writes for
//! the same assessment. Strings, keys, their order, integers, booleans and nulls must be
//! identical; numbers compare by value.
//!
//! `Num` serialises as the `json_out::RAW` newtype holding its exact decimal text, which
//! `json_out` writes as a JSON number and any other serializer as a string: where `serde_json`
//! wrote a string and `json_out` a number, the string must be that number's decimal text.

mod common;

use serde_json::Value;

use kota_cerdas_mandiri::io::json_out;

/// Where `ours` (json_out, parsed) and `theirs` (serde_json, parsed) differ, if anywhere.
fn difference(ours: &Value, theirs: &Value, at: &str) -> Option<String> {
    let differ = || Some(format!("{at}: json_out {ours} / serde_json {theirs}"));
    match (ours, theirs) {
        (Value::Number(a), Value::Number(b)) => (a.as_f64() != b.as_f64()).then(differ).flatten(),
        // A `Num`: its exact text as a string in serde_json, the number in json_out.
        (Value::Number(a), Value::String(text)) => {
            let decimal = !text.is_empty()
                && text
                    .trim_start_matches('-')
                    .split('.')
                    .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()));
            let same = decimal && text.parse::<f64>().ok() == a.as_f64();
            (!same).then(differ).flatten()
        }
        (Value::Object(a), Value::Object(b)) => {
            let (ka, kb): (Vec<&String>, Vec<&String>) = (a.keys().collect(), b.keys().collect());
            if ka != kb {
                return Some(format!("{at}: keys {ka:?} / {kb:?}"));
            }
            a.iter()
                .find_map(|(k, v)| difference(v, &b[k], &format!("{at}/{k}")))
        }
        (Value::Array(a), Value::Array(b)) => {
            if a.len() != b.len() {
                return Some(format!("{at}: {} / {} items", a.len(), b.len()));
            }
            a.iter()
                .zip(b)
                .enumerate()
                .find_map(|(i, (x, y))| difference(x, y, &format!("{at}/{i}")))
        }
        (a, b) => (a != b).then(differ).flatten(),
    }
}

/// Every object key of a JSON text, in the order written (`serde_json::Value` sorts keys).
fn keys_in_order(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    let mut keys = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'"' {
            i += 1;
            continue;
        }
        let start = i + 1;
        i += 1;
        while bytes[i] != b'"' {
            i += if bytes[i] == b'\\' { 2 } else { 1 };
        }
        let end = i;
        i += 1;
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if bytes.get(i) == Some(&b':') {
            keys.push(&text[start..end]);
        }
    }
    keys
}

#[test]
fn the_comparison_is_strict_except_for_a_nums_text() {
    assert_eq!(
        keys_in_order(r#"{"b": {"a\"": ["x:", {"c":1}]}, "a": "d"}"#),
        ["b", "a\\\"", "c", "a"]
    );
    let v = |t: &str| serde_json::from_str::<Value>(t).unwrap();
    assert_eq!(
        difference(&v(r#"{"a":[1,2.5,"x"]}"#), &v(r#"{"a":[1,"2.5","x"]}"#), ""),
        None
    );
    assert_eq!(difference(&v("100"), &v("100.0"), ""), None);
    assert!(difference(&v("2.5"), &v(r#""2.50x""#), "").is_some());
    assert!(difference(&v("2"), &v(r#""3""#), "").is_some());
    assert!(
        difference(&v(r#""2""#), &v("2"), "").is_some(),
        "a string never stands for a number"
    );
    assert!(difference(&v(r#"{"a":1}"#), &v(r#"{"b":1}"#), "").is_some());
    assert!(difference(&v(r#"["é"]"#), &v(r#"["e"]"#), "").is_some());
    assert!(difference(&v("null"), &v("false"), "").is_some());
}

#[test]
fn json_out_writes_what_serde_json_writes_for_every_real_assessment() {
    // Hostile files that assess bring control characters, invalid UTF-8 (U+FFFD), escapes,
    // long and non-ASCII texts into the strings.
    let mut compared = 0;
    for (path, a) in &common::assessed() {
        let ours_text = json_out::to_string(a).expect("json_out writes the assessment");
        assert!(
            ours_text.is_ascii(),
            "{}: json_out writes ASCII",
            path.display()
        );
        let ours: Value = serde_json::from_str(&ours_text).expect("json_out writes JSON");
        let theirs: Value = serde_json::from_str(&serde_json::to_string(a).unwrap()).unwrap();
        if let Some(d) = difference(&ours, &theirs, "") {
            panic!("{}: {d}", path.display());
        }
        let theirs_text = serde_json::to_string(a).unwrap();
        assert_eq!(
            keys_in_order(&ours_text),
            keys_in_order(&theirs_text),
            "{}: keys in the same order",
            path.display()
        );
        compared += 1;
    }
    // 2 fixtures, 3 samples and the hostile files that assess.
    assert!(compared >= 10, "only {compared} assessments compared");
}
