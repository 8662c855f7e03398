//! What every JavaScript binding of the engine shares: values to JS, problem lists, the JS
//! `Error` that carries them. Used by the core module's binding (`wasm`, the `bindings`
//! feature) and by the comparison module (crates/compare-wasm), which enables only this
//! (the `js` feature): nothing here is a `#[wasm_bindgen]` export, so linking it adds no export
//! to another module (wasm-bindgen #1231).

use js_sys::{Error, Reflect, JSON};
use serde::Serialize;
use wasm_bindgen::JsValue;

use crate::engine::{MethodChoice, Options};
use crate::model::code::Code;
use crate::model::problem::{Problem, Severity};
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

/// One problem as a list, for failures that happen before the engine runs: an error at the
/// root (what `Problems::error` then `finish` give for one problem, without their work).
pub fn problem(code: Code, id: &str, en: &str) -> Vec<Problem> {
    vec![Problem {
        severity: Severity::Error,
        code: code.id(),
        path: String::new(),
        line: None,
        column: None,
        message: Text::new(id, en),
        at: None,
    }]
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

/// The options of `assess`, `assessText`, `validate` and `compare`, and `options.locale`: `"id"`, `"en"`
/// or absent (both languages); anything else is an error.
pub fn options(value: &JsValue, locate: bool) -> Result<(Options, Option<Lang>), Vec<Problem>> {
    let mut opts = Options {
        method: MethodChoice::FromFile,
        locate,
    };
    if value.is_undefined() || value.is_null() {
        return Ok((opts, None));
    }
    if !value.is_object() {
        return Err(problem(
            Code::InvalidOptions,
            "Opsi harus berupa objek, misalnya { method: \"kominfo-2022\" }.",
            "Options must be an object, e.g. { method: \"kominfo-2022\" }.",
        ));
    }
    let method = Reflect::get(value, &JsValue::from_str("method")).unwrap_or(JsValue::UNDEFINED);
    if let Some(id) = method.as_string() {
        opts.method = MethodChoice::Preset(id);
    } else if method.is_object() {
        opts.method = MethodChoice::Custom(stringify(&method, ("Metode", "The method"))?);
    } else if !(method.is_undefined() || method.is_null()) {
        return Err(problem(
            Code::InvalidOptions,
            "options.method harus id metode (teks) atau objek metode.",
            "options.method must be a method id (string) or a method object.",
        ));
    }
    Ok((opts, locale(value)?))
}

/// `options.locale`: absent (or null) for both languages, `"id"` or `"en"` for one.
pub fn locale(options: &JsValue) -> Result<Option<Lang>, Vec<Problem>> {
    let value = Reflect::get(options, &JsValue::from_str("locale")).unwrap_or(JsValue::UNDEFINED);
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    match value.as_string().as_deref().and_then(Lang::parse) {
        Some(lang) => Ok(Some(lang)),
        None => {
            let shown = value.as_string().unwrap_or_else(|| "?".into());
            let shown = crate::model::text::cut_chars(&shown, 20);
            Err(problem(
                Code::InvalidOptions,
                &format!("options.locale \"{shown}\" tidak dikenal; gunakan \"id\", \"en\", atau hapus untuk kedua bahasa."),
                &format!("Unknown options.locale \"{shown}\"; use \"id\", \"en\", or leave it out for both languages."),
            ))
        }
    }
}
