//! # Kota Cerdas Mandiri — the scoring engine
//!
//! Turns a regency's smart-city masterplan file (format v1) into the numbers the ministry's
//! evaluators look at: implementation rates per pillar, quick-win status, readiness, the five
//! evaluation dimensions, the Indeks Pencapaian and the findings an assessor would write.
//!
//! The core is pure Rust: `(&Masterplan, &Method) -> Assessment`, no I/O, no clock, no
//! randomness. [`wasm`] binds it to JavaScript; nothing else knows about wasm.
#![deny(missing_docs)]

pub mod assessment;
pub mod decimal;
pub mod decode;
pub mod engine;
pub mod evaluation;
pub mod export;
pub mod findings;
pub mod framework;
pub mod implementation;
pub mod json;
pub mod masterplan;
pub mod method;
pub mod national;
pub mod problem;
pub mod quick_wins;
pub mod readiness;
pub mod text;
#[cfg(target_arch = "wasm32")]
pub mod wasm;
