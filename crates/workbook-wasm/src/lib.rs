//! The workbook module: the JavaScript binding of `kota-cerdas-workbook`, built apart from
//! the engine's module (`make build-workbook` → `www/pkg-workbook/`) so the page loads it
//! only when a workbook is opened or saved. Its only exports are those below; the engine
//! inside it is linked without its own binding (the `bindings` feature).
//!
//! | export | does |
//! |---|---|
//! | `readWorkbook(bytes: Uint8Array)` | `{ masterplan: object \| null, text: string \| null, problems: [...] }`; never throws on bad data |
//! | `writeWorkbook(masterplan: object, locale?: "id" \| "en")` | `{ bytes: Uint8Array, warnings: [...] }`: the filled workbook and what it could not carry |
//! | `templateWorkbook(locale?: "id" \| "en")` | the empty template as `Uint8Array` |
//! | `readPastedPrograms(text: string, masterplan: object)` | rows pasted from a spreadsheet (tab-separated, a header row) as the program table of `masterplan`, whose programs they replace: `{ masterplan, text, problems }` as `readWorkbook`, problems located by the row and column of the pasted text; never throws on bad data |
//! | `writeAssessment(assessment: object, masterplan: object \| null, locale?: "id" \| "en")` | the results as a workbook (`Uint8Array`): summary, pillars, quick wins, findings as an action plan, per OPD, programs; throws an `Error` with `problems` when `assessment` is not one |
//! | `writeComparison(comparison: object, locale?: "id" \| "en")` | a comparison (the comparison module's `compare()`) as a workbook of one sheet (`Uint8Array`): index, dimensions, rates and pillars side by side with their change, the index over the years, programs and quick wins that changed |
//!
//! Each problem is `{ severity, code, path, sheet?, cell?, row?, column?, message: { id, en } }`.

#[cfg(target_arch = "wasm32")]
mod bind {
    use js_sys::{Error, Reflect, Uint8Array, JSON};
    use wasm_bindgen::prelude::*;

    use kota_cerdas_mandiri::io::json_out;
    use kota_cerdas_workbook::{
        read, read_pasted, results, template, write, Locale, Reading, WorkbookProblem,
    };

    fn locale(value: Option<String>) -> Locale {
        value.as_deref().map(Locale::parse).unwrap_or_default()
    }

    fn problems_text(problems: &[WorkbookProblem]) -> String {
        json_out::to_string(problems).unwrap_or_else(|_| "[]".into())
    }

    fn failure(p: &WorkbookProblem) -> JsValue {
        let err = Error::new(&format!("{} / {}", p.message.id, p.message.en));
        if let Ok(list) = JSON::parse(&problems_text(std::slice::from_ref(p))) {
            let _ = Reflect::set(&err, &JsValue::from_str("problems"), &list);
        }
        err.into()
    }

    /// Reads a workbook (.xlsx or .ods bytes) into a masterplan. Never throws on bad data.
    #[wasm_bindgen(js_name = readWorkbook)]
    pub fn read_workbook(bytes: &[u8]) -> Result<JsValue, JsValue> {
        reading(read(bytes))
    }

    /// Reads rows pasted from a spreadsheet (tab-separated, a header row) as the program
    /// table of `masterplan` (an object), whose programs they replace. Never throws on bad
    /// data.
    #[wasm_bindgen(js_name = readPastedPrograms)]
    pub fn read_pasted_programs(text: &str, masterplan: JsValue) -> Result<JsValue, JsValue> {
        let base: String = if masterplan.is_object() {
            JSON::stringify(&masterplan)?.into()
        } else {
            String::new()
        };
        reading(read_pasted(text, &base))
    }

    /// `{ masterplan, text, problems }` of a reading.
    fn reading(r: Reading) -> Result<JsValue, JsValue> {
        let text = r.text.as_deref();
        let quoted = match text {
            Some(t) => json_out::to_string(t).unwrap_or_else(|_| "null".into()),
            None => "null".into(),
        };
        let out = format!(
            "{{\"masterplan\":{},\"text\":{quoted},\"problems\":{}}}",
            text.unwrap_or("null"),
            problems_text(&r.problems)
        );
        JSON::parse(&out)
    }

    /// A filled workbook of a masterplan object, with what it could not carry.
    #[wasm_bindgen(js_name = writeWorkbook)]
    pub fn write_workbook(
        masterplan: JsValue,
        locale_id: Option<String>,
    ) -> Result<JsValue, JsValue> {
        let text: String = JSON::stringify(&masterplan)?.into();
        let w = write(&text, locale(locale_id)).map_err(|p| failure(&p))?;
        let out = JSON::parse(&format!("{{\"warnings\":{}}}", problems_text(&w.warnings)))?;
        Reflect::set(
            &out,
            &JsValue::from_str("bytes"),
            &Uint8Array::from(&w.bytes[..]),
        )?;
        Ok(out)
    }

    /// The results of an assessment (the object `assessText` returned) as a workbook, the
    /// programs' details from `masterplan` (the object it was made from; null: the
    /// assessment's own `masterplan` member), headers and labels in `locale`.
    #[wasm_bindgen(js_name = writeAssessment)]
    pub fn write_assessment(
        assessment: JsValue,
        masterplan: JsValue,
        locale_id: Option<String>,
    ) -> Result<Uint8Array, JsValue> {
        let text: String = JSON::stringify(&assessment)?.into();
        let plan: Option<String> = if masterplan.is_object() {
            Some(JSON::stringify(&masterplan)?.into())
        } else {
            None
        };
        let bytes = results::write_assessment(&text, plan.as_deref(), locale(locale_id))
            .map_err(|p| failure(&p))?;
        Ok(Uint8Array::from(&bytes[..]))
    }

    /// The comparison (what the comparison module's compare() returned) as a workbook.
    #[wasm_bindgen(js_name = writeComparison)]
    pub fn write_comparison(
        comparison: JsValue,
        locale_id: Option<String>,
    ) -> Result<Uint8Array, JsValue> {
        let text: String = JSON::stringify(&comparison)?.into();
        let bytes = results::write_comparison(&text, locale(locale_id)).map_err(|p| failure(&p))?;
        Ok(Uint8Array::from(&bytes[..]))
    }

    /// The empty template workbook.
    #[wasm_bindgen(js_name = templateWorkbook)]
    pub fn template_workbook(locale_id: Option<String>) -> Result<Uint8Array, JsValue> {
        let bytes = template(locale(locale_id)).map_err(|p| failure(&p))?;
        Ok(Uint8Array::from(&bytes[..]))
    }
}
