//! The JavaScript binding: the only module that knows about wasm-bindgen.
//!
//! Each export converts its arguments to text, calls the pure engine and converts the result
//! back with one JSON-compatible serializer, so `JSON.stringify` of any result is lossless.
//! Failures are JS `Error`s carrying the problem list, never traps (built by [`crate::js`],
//! which the comparison module shares).
//! `exportCsv` is not here: it lives in the comparison module (crates/compare-wasm), loaded on
//! first use, so the core module does not carry the CSV writer and its labels.

mod alloc;

use js_sys::{Array, JsString};
use wasm_bindgen::prelude::*;

use crate::engine::{self, Options};
use crate::js::{failure, failure_in, locale, options, problem, stringify, to_js, to_js_in};
use crate::method::presets;
use crate::model::code::Code;
use crate::model::problem::{Problem, Problems};
use crate::model::text::Lang;
use crate::score::assessment::ENGINE;

#[wasm_bindgen]
extern "C" {
    /// The platform's `TextEncoder`, for `encodeInto`.
    type TextEncoder;
    #[wasm_bindgen(constructor)]
    fn new() -> TextEncoder;
    #[wasm_bindgen(method, js_name = encodeInto)]
    fn encode_into(this: &TextEncoder, text: &JsString, into: &js_sys::Uint8Array) -> Encoded;

    /// `encodeInto`'s `{ read, written }`.
    type Encoded;
    #[wasm_bindgen(method, getter)]
    fn read(this: &Encoded) -> u32;
    #[wasm_bindgen(method, getter)]
    fn written(this: &Encoded) -> u32;
}

/// A JS string as UTF-8, encoded by the platform straight into wasm memory: wasm-bindgen's
/// own string argument copies ASCII one character at a time in JavaScript, which took longer
/// than `JSON.parse` of the same text. A text over the size limit is refused before it is
/// copied, with its length in UTF-16 units (a lower bound of its UTF-8 bytes).
fn utf8(text: &JsString) -> Result<String, Vec<Problem>> {
    let units = text.length() as usize;
    if units > crate::io::decode::MAX_FILE_BYTES {
        let mut p = Problems::new();
        crate::io::decode::too_large(units, &mut p);
        return Err(p.finish(Some("")));
    }
    let encoder = TextEncoder::new();
    // Masterplans are mostly ASCII: one byte per unit and a little room; the rest, if any
    // does not fit, at most three bytes per unit.
    let mut buf: Vec<u8> = Vec::with_capacity(units + units / 16 + 16);
    let mut read = 0;
    loop {
        let rest;
        let part = if read == 0 {
            text
        } else {
            rest = text.slice(read as u32, units as u32);
            &rest
        };
        let room = buf.capacity() - buf.len();
        // SAFETY: the view covers the spare capacity of `buf`; nothing allocates in wasm
        // memory while it is alive, so it cannot be detached or moved.
        let into =
            unsafe { js_sys::Uint8Array::view_mut_raw(buf.as_mut_ptr().add(buf.len()), room) };
        let done = encoder.encode_into(part, &into);
        // SAFETY: encodeInto wrote exactly `written` bytes there.
        unsafe { buf.set_len(buf.len() + done.written() as usize) };
        read += done.read() as usize;
        if read >= units {
            break;
        }
        buf.reserve(3 * (units - read));
    }
    // SAFETY: encodeInto writes well-formed UTF-8 (a lone surrogate becomes U+FFFD).
    // wasm-bindgen's own string arguments rely on the same TextEncoder the same way.
    Ok(unsafe { String::from_utf8_unchecked(buf) })
}

fn input_text(input: &JsValue) -> Result<(String, bool), Vec<Problem>> {
    match input.dyn_ref::<JsString>() {
        Some(text) => Ok((utf8(text)?, true)),
        None => Ok((stringify(input, ("Masterplan", "The masterplan"))?, false)),
    }
}

fn run(text: &str, (opts, lang): &(Options, Option<Lang>)) -> Result<JsValue, JsValue> {
    if text.len() > crate::io::decode::MAX_FILE_BYTES {
        // Checked here too so a huge text never reaches the parser.
        let mut p = Problems::new();
        crate::io::decode::too_large(text.len(), &mut p);
        return Err(failure_in(&p.finish(Some("")), *lang));
    }
    match engine::assess(text, opts) {
        Ok(a) => to_js_in(&a, *lang),
        Err(problems) => Err(failure_in(&problems, *lang)),
    }
}

/// Assesses a masterplan given as a plain object.
#[wasm_bindgen]
pub fn assess(masterplan: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    alloc::begin();
    if masterplan.is_string() {
        return Err(failure(&problem(
            Code::WrongInput,
            "assess() menerima objek; untuk teks berkas gunakan assessText().",
            "assess() takes an object; for file text use assessText().",
        )));
    }
    let text = stringify(&masterplan, ("Masterplan", "The masterplan")).map_err(|p| failure(&p))?;
    let opts = self::options(&options, false).map_err(|p| failure(&p))?;
    run(&text, &opts)
}

/// Assesses a masterplan from the raw file text (a byte-order mark is allowed).
#[wasm_bindgen(js_name = assessText)]
pub fn assess_text(text: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    alloc::begin();
    let Some(text) = text.dyn_ref::<JsString>() else {
        return Err(failure(&problem(
            Code::WrongInput,
            "assessText() menerima teks berkas.",
            "assessText() takes the file's text.",
        )));
    };
    let text = utf8(text).map_err(|p| failure(&p))?;
    let opts = self::options(&options, true).map_err(|p| failure(&p))?;
    run(&text, &opts)
}

/// Every problem of a masterplan (text or object); never throws on bad data.
#[wasm_bindgen]
pub fn validate(input: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    alloc::begin();
    // The language even when the input cannot be read (an unknown one is itself a problem).
    let lang = if options.is_object() {
        locale(&options).ok().flatten()
    } else {
        None
    };
    let problems = match input_text(&input).and_then(|(text, locate)| {
        let (opts, _) = self::options(&options, locate)?;
        Ok(engine::validate(&text, &opts))
    }) {
        Ok(p) | Err(p) => p,
    };
    to_js_in(&problems, lang)
}

/// The method presets, default first.
#[wasm_bindgen]
pub fn methods() -> Result<JsValue, JsValue> {
    alloc::begin();
    let list = Array::new();
    for m in presets::all() {
        list.push(&to_js(&m)?);
    }
    Ok(list.into())
}

/// Every closed set of the format and the assessment in canonical order, each value with its
/// official label (`model::vocabulary`): the interface's only source of lists and labels.
#[wasm_bindgen]
pub fn vocabularies() -> Result<JsValue, JsValue> {
    alloc::begin();
    to_js(&crate::model::vocabulary::vocabularies())
}

/// The engine version.
#[wasm_bindgen]
pub fn version() -> String {
    alloc::begin();
    ENGINE.version.to_string()
}
