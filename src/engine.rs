//! The engine's entry points: text in, problems or an assessment out.
//!
//! Method precedence (spec §5): the caller's choice wins over the file's
//! `evaluation.method`, which wins over the default preset.

use crate::io::decode;
use crate::io::json;
use crate::method::{custom, presets, Method};
use crate::model::code::Code;
use crate::model::masterplan::Masterplan;
use crate::model::problem::{Location, Problem, Problems};
use crate::score::assessment::{self, Assessment};
use crate::score::findings::{self, Finding};

/// Which method the caller asks for.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum MethodChoice {
    /// None: the file's `evaluation.method`, else the default preset.
    #[default]
    FromFile,
    /// A preset id.
    Preset(String),
    /// A custom method, as JSON text.
    Custom(String),
}

/// Options of `assess` and `validate`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Options {
    /// The method.
    pub method: MethodChoice,
    /// Fill in line and column (true for raw file text; false when the text was made by
    /// `JSON.stringify` from an object and positions would mean nothing to the user).
    pub locate: bool,
}

fn preset_list() -> String {
    presets::all()
        .iter()
        .map(|m| m.id.clone())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Resolves the method, reporting an unknown id or a flawed custom method.
fn resolve(
    mp: &Masterplan,
    choice: &MethodChoice,
    text: &str,
    problems: &mut Problems,
) -> Option<Method> {
    let unknown = |problems: &mut Problems, id: &str, loc: Location| {
        problems.error(
            Code::UnknownMethod.id(),
            &loc,
            format!(
                "Metode \"{id}\" tidak dikenal. Pilih salah satu: {}.",
                preset_list()
            ),
            format!("Unknown method \"{id}\". Choose one of: {}.", preset_list()),
        );
    };
    match choice {
        MethodChoice::Preset(id) => {
            let m = presets::by_id(id);
            if m.is_none() {
                unknown(problems, id, Location::path(""));
            }
            m
        }
        MethodChoice::Custom(method_text) => match json::parse(method_text) {
            Err(_) => {
                problems.error(
                    Code::InvalidMethod.id(),
                    &Location::path(""),
                    "Metode kustom bukan JSON yang sah.".into(),
                    "The custom method is not valid JSON.".into(),
                );
                None
            }
            Ok(root) => match custom::decode(&root) {
                Ok(m) => Some(m),
                Err(flaws) => {
                    for (path, t) in flaws {
                        problems.error(
                            Code::InvalidMethod.id(),
                            &Location::path(path.clone()),
                            format!(
                                "Metode kustom, {}: {}.",
                                if path.is_empty() { "/" } else { &path },
                                t.id
                            ),
                            format!(
                                "Custom method, {}: {}.",
                                if path.is_empty() { "/" } else { &path },
                                t.en
                            ),
                        );
                    }
                    None
                }
            },
        },
        MethodChoice::FromFile => match &mp.evaluation.method {
            None => presets::by_id(presets::DEFAULT_ID),
            Some(id) => {
                let m = presets::by_id(id);
                if m.is_none() {
                    let at = json::parse(text)
                        .ok()
                        .and_then(|r| r.pointer("/evaluation/method").map(|n| n.at));
                    unknown(
                        problems,
                        id,
                        Location {
                            path: "/evaluation/method".into(),
                            at,
                        },
                    );
                }
                m
            }
        },
    }
}

/// Reads, validates and resolves the method: the shared first half of `validate` and `assess`.
fn prepare(text: &str, options: &Options) -> (Option<(Masterplan, Method)>, Vec<Problem>) {
    let mut problems = Problems::new();
    let mp = decode::decode_text(text, &mut problems);
    let mut ready = None;
    if let Some(mp) = mp {
        if let Some(method) = resolve(&mp, &options.method, text, &mut problems) {
            // Parsed once, on the first lookup: one parse per finding made a 5 MB file with
            // 1 000 unknown indicator codes take minutes (tests/hostile.rs).
            let tree = std::cell::OnceCell::new();
            let positions = |path: &str| {
                tree.get_or_init(|| json::parse(text).ok())
                    .as_ref()
                    .and_then(|r| r.pointer(path).map(|n| n.at))
            };
            findings::input_checks(&mp, &method, &mut problems, &positions);
            ready = Some((mp, method));
        }
    }
    let list = problems.finish(options.locate.then_some(text));
    (ready, list)
}

/// Every problem of a masterplan text (errors and warnings); never fails.
pub fn validate(text: &str, options: &Options) -> Vec<Problem> {
    prepare(text, options).1
}

/// Assesses a masterplan text. On any error, returns every problem found.
pub fn assess(text: &str, options: &Options) -> Result<Assessment, Vec<Problem>> {
    assess_with_masterplan(text, options).map(|(_, a)| a)
}

/// Assesses a masterplan text and returns the masterplan read with it (for `compare`, which
/// needs the programs and the previous indices); [`assess`] without the masterplan.
pub(crate) fn assess_with_masterplan(
    text: &str,
    options: &Options,
) -> Result<(Masterplan, Assessment), Vec<Problem>> {
    let (ready, problems) = prepare(text, options);
    match ready {
        Some((mp, method))
            if !problems
                .iter()
                .any(|p| p.severity == crate::model::problem::Severity::Error) =>
        {
            let warnings = problems.into_iter().map(Finding::from_problem).collect();
            let a = assessment::assess(&mp, &method, warnings);
            Ok((mp, a))
        }
        _ => Err(problems),
    }
}
