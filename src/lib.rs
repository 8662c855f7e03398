//! # Kota Cerdas Mandiri — the scoring engine
//!
//! Turns a regency's smart-city masterplan file (format v1) into the numbers the ministry's
//! evaluators look at: implementation rates per pillar, quick-win status, readiness, the five
//! evaluation dimensions, the Indeks Pencapaian and the findings an assessor would write.
//!
//! The core is pure Rust: `(&Masterplan, &Method) -> Assessment`, no I/O, no clock, no
//! randomness. The `wasm` module binds it to JavaScript; nothing else knows about wasm.
//!
//! ```
//! use kota_cerdas_mandiri::engine::{assess, Options};
//!
//! let text = r#"{
//!   "format": "kota-cerdas/masterplan", "format_version": 1,
//!   "region": { "name": "Kabupaten Contoh", "kind": "kabupaten" },
//!   "evaluation": { "year": 2022, "dimension_scores": {
//!     "baseline": 2.58, "output": 3.48, "outcome": 3.41, "impact": 3.89, "quick_win": 3.65 } },
//!   "programs": [
//!     { "id": "GOV-01", "name": "Mal Pelayanan Publik", "pillar": "governance",
//!       "horizon": "medium", "start_year": 2020, "status": "running" },
//!     { "id": "GOV-02", "name": "Satu Data", "pillar": "governance",
//!       "horizon": "short", "start_year": 2021, "status": "planned" } ] }"#;
//! let a = assess(text, &Options::default()).expect("a valid file");
//! // 0.1·2.58 + 0.2·3.48 + 0.3·3.41 + 0.2·3.89 + 0.2·3.65 = 3.485 exactly → 3.49
//! assert_eq!(a.evaluation.index.map(|i| i.to_plain()), Some("3.49".into()));
//! assert_eq!(a.implementation.overall.percent.map(|p| p.to_plain()), Some("50".into()));
//!
//! // A bad file gives every problem, located and in both languages.
//! let problems = assess("{ \"format\": 1 }", &Options { locate: true, ..Options::default() }).unwrap_err();
//! assert!(problems.iter().all(|p| p.line.is_some() && !p.message.id.is_empty()));
//! ```
#![deny(missing_docs)]

//! ## Layout: the pipeline, in order
//!
//! | module | stage |
//! |---|---|
//! | [`io`] | read: the JSON reader, the decoder that validates format v1 into the model; write: the JSON writer and the CSV export |
//! | [`model`] | the masterplan as typed values, the closed vocabularies, exact decimals, problems |
//! | [`method`] | the evaluation method as data: presets with their sources, custom methods |
//! | [`score`] | each scoring concern, the findings, and the assessment that gathers them |
//! | [`compare`] | two files of one region side by side (`compare`) |
//! | [`batch`] | the ranking of many assessed files, per year and region kind, with its CSV (`rank`) |
//! | [`engine`] | the entry points that run the pipeline: text in, problems or an assessment out |
//! | [`support`] | small stand-ins for crates, kept for the wasm module's size, each tested against the crate it replaces |
//! | `wasm` | the JavaScript binding (wasm32 with the `bindings` feature only) |
//! | `js` | what every JavaScript binding shares, no exports: values to JS, problem lists, the JS `Error` (wasm32 with the `js` feature, which `bindings` includes; the comparison module enables it alone) |
pub mod batch;
pub mod compare;
pub mod engine;
pub mod io;
pub mod method;
pub mod model;
pub mod score;
pub mod support;
#[cfg(all(target_arch = "wasm32", feature = "bindings"))]
pub mod wasm;
// Declared last: the order of the items decides the core module's layout, and brotli saw the
// other places as 100–230 B more (the same code, 313 578 B raw either way).
#[cfg(all(target_arch = "wasm32", feature = "js"))]
pub mod js;

pub use engine::{assess, validate, MethodChoice, Options};
pub use model::framework::{Dimension, Pillar};
pub use model::masterplan::Masterplan;
pub use model::problem::Problem;
pub use score::assessment::Assessment;
