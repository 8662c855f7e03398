//! The masterplan as typed values: the closed vocabularies of format v1, the file's model,
//! exact decimals, bilingual text, the problems found in an input, the catalogue of problem
//! and finding codes, and every closed set with its labels for interfaces ([`vocabulary`]).

pub mod code;
pub mod decimal;
pub mod framework;
pub mod masterplan;
pub mod problem;
pub mod text;
pub mod vocabulary;
