//! What every JavaScript binding of the engine shares: values to JS, problem lists, the JS
//! `Error` that carries them. Used by the core module's binding (`wasm`, the `bindings`
//! feature) and by the comparison module (crates/compare-wasm), which enables only this
//! (the `js` feature): nothing here is a `#[wasm_bindgen]` export, so linking it adds no export
//! to another module (wasm-bindgen #1231).

use js_sys::{Error, Reflect, JSON};
use serde::Serialize;
use wasm_bindgen::JsValue;

use crate::model::code::Code;
use crate::model::problem::{Location, Problem, Problems};
use crate::model::text::{Lang, Text};

/// Every value crosses as JSON text read by `JSON.parse`: plain objects and arrays only, so
/// `JSON.stringify` of any result is lossless, and one call instead of one per field.
/// (`#[inline]` here and below: as public items they were no longer inlined into their one
/// caller each, which cost the core module ~150 B brotli.)
#[inline]
pub fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    to_js_in(value, None)
}

/// [`to_js`] with every bilingual text in `lang` only (`options.locale`), or both.
#[inline]
pub fn to_js_in<T: Serialize>(value: &T, lang: Option<Lang>) -> Result<JsValue, JsValue> {
    let text = crate::io::json_out::to_string_in(value, lang)
        .map_err(|e| JsValue::from(Error::new(&e.to_string())))?;
    JSON::parse(&text)
}

/// One problem as a list, for failures that happen before the engine runs.
pub fn problem(code: Code, id: &str, en: &str) -> Vec<Problem> {
    let mut p = Problems::new();
    p.error(
        code.id(),
        &Location::path(""),
        id.to_string(),
        en.to_string(),
    );
    p.finish(None)
}

/// A JS `Error` whose message names the first problem and whose `problems` holds them all.
pub fn failure(problems: &[Problem]) -> JsValue {
    failure_in(problems, None)
}

/// [`failure`] with the `problems` in `lang` only (`options.locale`); the message keeps both
/// languages, as spec §5 writes it.
pub fn failure_in(problems: &[Problem], lang: Option<Lang>) -> JsValue {
    let first = problems
        .first()
        .map(|p| p.message.clone())
        .unwrap_or_else(|| {
            Text::new(
                "Masukan tidak dapat dinilai.",
                "The input cannot be assessed.",
            )
        });
    let more = problems.len().saturating_sub(1);
    let message = if more > 0 {
        format!(
            "{} (dan {more} masalah lain) / {} (and {more} more problems)",
            first.id, first.en
        )
    } else {
        format!("{} / {}", first.id, first.en)
    };
    let err = Error::new(&message);
    if let Ok(list) = to_js_in(&problems, lang) {
        let _ = Reflect::set(&err, &JsValue::from_str("problems"), &list);
    }
    err.into()
}

/// `JSON.stringify` of a value, or the problem saying why it cannot be read; `what` names the
/// value in both languages.
pub fn stringify(value: &JsValue, what: (&str, &str)) -> Result<String, Vec<Problem>> {
    let text = JSON::stringify(value).ok().and_then(|s| s.as_string());
    text.ok_or_else(|| {
        problem(
            Code::NotSerializable,
            &format!("{} tidak dapat dibaca sebagai JSON (berisi fungsi, BigInt atau acuan melingkar).", what.0),
            &format!("{} cannot be read as JSON (it holds a function, a BigInt or a circular reference).", what.1),
        )
    })
}
