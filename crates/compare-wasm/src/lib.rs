//! The comparison module: the JavaScript binding of the engine's `compare` and `batch`
//! modules and of its CSV export, built apart from the engine's module (`make build-compare` → `www/pkg-compare/`)
//! so the single-file page, the widget and the core module do not carry them (they cost
//! about 16 KB brotli, more than the core module's budget has room for). The compare page
//! and the batch view load it on first use. The engine inside it is linked without its own
//! binding (the `bindings` feature), with only the helpers every binding shares (the `js`
//! feature: values to JS, problem lists, the JS `Error`).
//!
//! | export | does |
//! |---|---|
//! | `compare(before, after, options?)` | what changed between two files of one region; each a masterplan (text or object) or a downloaded assessment (its `masterplan` is used); `options.method` and `options.locale` as for `assess` (one language: every bilingual text of the result and of the thrown `problems` in it only). Shape: `www/comparison.schema.json` |
//! | `rank(entries)` | the batch ranking of `[{ name, sha256?, assessment?, error? }, …]`: per evaluation year and region kind, statistics, duplicates, failed files. Shape: `www/ranking.schema.json` |
//! | `rankingCsv(entries, options?)` | that ranking as CSV (`options.locale` `"id"`: BOM, `;`, comma decimals, Indonesian headers; `"en"`) through the engine's one cell writer |
//! | `exportCsv(assessment, options?)` | an assessment (what `assess` returned, or a downloaded file) as CSV for people (`options.locale` `"id"`: BOM, `;`, comma decimals, Indonesian headers and labels; `"en"`): the page's CSV download. In this module, not the core one, so the core module stays within its size budget |
//! | `version()` | engine version |
//!
//! Failures are JS `Error`s whose `message` reads `"<Indonesian> / <English>"` and whose
//! `problems` holds the problem list, never traps.

#[cfg(target_arch = "wasm32")]
mod bind {
    use js_sys::{JsString, Reflect};
    use wasm_bindgen::prelude::*;

    use kota_cerdas_mandiri::io::csv::{self, Locale};
    use kota_cerdas_mandiri::js::{self, failure, failure_in, problem, to_js, to_js_in};
    use kota_cerdas_mandiri::model::code::Code;
    use kota_cerdas_mandiri::{batch, compare as cmp};

    /// `JSON.stringify` of a value, or the JS `Error` saying why it cannot be read.
    fn stringify(value: &JsValue, what: (&str, &str)) -> Result<String, JsValue> {
        js::stringify(value, what).map_err(|p| failure(&p))
    }

    /// A file's text as given, or an object as JSON (whether positions mean anything).
    fn input(value: &JsValue, what: (&str, &str)) -> Result<(String, bool), JsValue> {
        match value.as_string() {
            Some(text) => Ok((text, true)),
            None => Ok((stringify(value, what)?, false)),
        }
    }

    fn get(options: &JsValue, key: &str) -> JsValue {
        if options.is_object() {
            Reflect::get(options, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
        } else {
            JsValue::UNDEFINED
        }
    }

    /// What changed between two files of one region; `options.method` and `options.locale`
    /// as for `assess` (the engine's own reading of them).
    #[wasm_bindgen]
    pub fn compare(before: JsValue, after: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
        let (before, locate) = input(&before, ("Berkas sebelum", "The earlier file"))?;
        let (after, _) = input(&after, ("Berkas sesudah", "The later file"))?;
        let (opts, lang) = js::options(&options, locate).map_err(|p| failure(&p))?;
        match cmp::compare(&before, &after, &opts) {
            Ok(c) => to_js_in(&c, lang),
            Err(p) => Err(failure_in(&p, lang)),
        }
    }

    fn ranking(entries: &JsValue) -> Result<batch::Ranking, JsValue> {
        let text = stringify(entries, ("Daftar berkas", "The list of files"))?;
        batch::rank(&text).map_err(|p| failure(&p))
    }

    /// The batch ranking.
    #[wasm_bindgen]
    pub fn rank(entries: JsValue) -> Result<JsValue, JsValue> {
        to_js(&ranking(&entries)?)
    }

    /// `options.locale`: "id" (also when absent) or "en"; anything else is an error.
    fn locale(options: &JsValue) -> Result<Locale, JsValue> {
        match get(options, "locale").as_string().as_deref() {
            None | Some("id") => Ok(Locale::Id),
            Some("en") => Ok(Locale::En),
            Some(other) => Err(failure(&problem(
                Code::InvalidOptions,
                &format!("Locale \"{other}\" tidak dikenal; gunakan \"id\" atau \"en\"."),
                &format!("Unknown locale \"{other}\"; use \"id\" or \"en\"."),
            ))),
        }
    }

    /// The batch ranking as CSV.
    #[wasm_bindgen(js_name = rankingCsv)]
    pub fn ranking_csv(entries: JsValue, options: JsValue) -> Result<JsString, JsValue> {
        let locale = locale(&options)?;
        let r = ranking(&entries)?;
        Ok(JsString::from(batch::csv(&r, locale).as_str()))
    }

    /// An assessment as CSV for people: `locale` "id" (BOM, `;`, comma decimals) or "en".
    #[wasm_bindgen(js_name = exportCsv)]
    pub fn export_csv(assessment: JsValue, options: JsValue) -> Result<JsString, JsValue> {
        let text = stringify(&assessment, ("Hasil penilaian", "The assessment"))?;
        let locale = locale(&options)?;
        csv::write(&text, locale)
            .map(|s| JsString::from(s.as_str()))
            .map_err(|p| failure(&p))
    }

    /// The engine version.
    #[wasm_bindgen]
    pub fn version() -> String {
        kota_cerdas_mandiri::score::assessment::ENGINE
            .version
            .to_string()
    }
}
