//! Keeps `www/assessment.schema.json` (the published output contract) in step with the Rust
//! types: the key sets of the objects the engine writes (top level, pillar rate, agency,
//! quick-win item, finding, and every other object met on the way), which keys are always
//! there, and the closed sets (pillars, dimensions, statuses, states, severities, sources,
//! codes …). The assessments are the engine's real output, written by `io::json_out`, for
//! every fixture, sample and hostile file that assesses. ajv checks the values themselves
//! (`tests/api/schema.test.mjs`).

mod common;

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use common::root;
use kota_cerdas_mandiri::io::json_out;
use kota_cerdas_mandiri::method::{Counting, Grade};
use kota_cerdas_mandiri::model::code::Code;
use kota_cerdas_mandiri::model::decimal::Num;
use kota_cerdas_mandiri::model::framework::{
    Aspect, BpkOpinion, Dimension, Horizon, Pillar, QuickWinStatus, RegionKind,
};
use kota_cerdas_mandiri::score::evaluation::ScoreSource;
use kota_cerdas_mandiri::score::findings::Severity;
use kota_cerdas_mandiri::score::implementation::NotCounted;
use kota_cerdas_mandiri::score::quick_wins::State;

/// Top-level keys only a file written for people has (the page, or the CLI for the hash, adds
/// them; the engine never writes them: spec §4).
const DOWNLOAD_ONLY: [&str; 3] = ["masterplan", "input_text", "input_sha256"];

fn schema() -> Value {
    let text = std::fs::read_to_string(root().join("www/assessment.schema.json")).unwrap();
    serde_json::from_str(&text).expect("the schema is JSON")
}

/// Follows a local `$ref` ("#/$defs/name"); the node itself otherwise.
fn resolve<'a>(schema: &'a Value, node: &'a Value) -> (&'a Value, Option<String>) {
    match node.get("$ref").and_then(Value::as_str) {
        Some(r) => {
            let name = r.strip_prefix("#/$defs/").expect("a local $ref");
            let target = &schema["$defs"][name];
            assert!(target.is_object(), "$ref {r} has no target");
            (target, Some(format!("#/$defs/{name}")))
        }
        None => (node, None),
    }
}

fn keys(node: &Value, field: &str) -> BTreeSet<String> {
    match &node[field] {
        Value::Object(m) => m.keys().cloned().collect(),
        Value::Array(a) => a.iter().map(|k| k.as_str().unwrap().to_string()).collect(),
        _ => BTreeSet::new(),
    }
}

fn strings(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap_or_else(|| panic!("not a list: {list}"))
        .iter()
        .filter(|v| !v.is_null())
        .map(|v| v.as_str().unwrap().to_string())
        .collect()
}

fn ids<T: serde::Serialize>(values: &[T]) -> Vec<String> {
    // Unit variants serialise as their wire string with any serializer.
    values
        .iter()
        .map(|v| {
            serde_json::to_value(v)
                .unwrap()
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect()
}

/// The engine's output, as `io::json_out` writes it, for every fixture, sample and hostile
/// file that assesses (the hostile ones bring findings with `line` and `column`).
fn outputs() -> Vec<(String, Value)> {
    let out: Vec<(String, Value)> = common::assessed()
        .iter()
        .map(|(path, a)| (path.display().to_string(), common::to_value(a)))
        .collect();
    assert!(out.len() >= 10, "only {} assessments", out.len());
    out
}

/// What was seen of one object schema: the keys ever present, the keys always present.
#[derive(Default)]
struct Seen {
    union: BTreeSet<String>,
    always: Option<BTreeSet<String>>,
    instances: usize,
}

/// Walks an instance along its schema, recording the keys of every object per schema node
/// (named by its `$defs` entry, or by its JSON path in the schema).
fn walk(schema: &Value, node: &Value, at: &str, value: &Value, seen: &mut BTreeMap<String, Seen>) {
    let (node, named) = resolve(schema, node);
    let at = named.unwrap_or_else(|| at.to_string());
    if let Some(branches) = node.get("anyOf").and_then(Value::as_array) {
        if value.is_null() {
            return;
        }
        let (i, branch) = branches
            .iter()
            .enumerate()
            .find(|(_, b)| b.get("type").and_then(Value::as_str) != Some("null"))
            .expect("a non-null branch");
        return walk(schema, branch, &format!("{at}/anyOf/{i}"), value, seen);
    }
    match value {
        Value::Object(members) => {
            let props = node
                .get("properties")
                .unwrap_or_else(|| panic!("{at}: the schema has no properties for an object"));
            let present: BTreeSet<String> = members.keys().cloned().collect();
            let s = seen.entry(at.clone()).or_default();
            s.union.extend(present.iter().cloned());
            s.always = Some(match s.always.take() {
                None => present,
                Some(a) => a.intersection(&present).cloned().collect(),
            });
            s.instances += 1;
            for (k, v) in members {
                if let Some(sub) = props.get(k) {
                    walk(schema, sub, &format!("{at}/properties/{k}"), v, seen);
                }
            }
        }
        Value::Array(items) => {
            let sub = node
                .get("items")
                .unwrap_or_else(|| panic!("{at}: the schema has no items for an array"));
            for v in items {
                walk(schema, sub, &format!("{at}/items"), v, seen);
            }
        }
        _ => {}
    }
}

fn seen_in_outputs() -> (Value, BTreeMap<String, Seen>) {
    let schema = schema();
    let mut seen = BTreeMap::new();
    for (_, a) in outputs() {
        walk(&schema, &schema, "#", &a, &mut seen);
    }
    (schema, seen)
}

/// The schema node a walk key names ("#", "#/$defs/x", "#/properties/a/properties/b" …).
fn node_at<'a>(schema: &'a Value, at: &str) -> &'a Value {
    let pointer = at.strip_prefix('#').unwrap();
    schema
        .pointer(pointer)
        .unwrap_or_else(|| panic!("no node {at}"))
}

#[test]
fn every_object_of_the_schema_is_closed_and_requires_only_its_own_keys() {
    fn check(node: &Value, at: &str, objects: &mut usize) {
        match node {
            Value::Object(m) => {
                if m.contains_key("properties") || m.get("type") == Some(&Value::from("object")) {
                    *objects += 1;
                    assert_eq!(
                        m.get("additionalProperties"),
                        Some(&Value::Bool(false)),
                        "{at}: additionalProperties must be false"
                    );
                    let props = keys(node, "properties");
                    let required = keys(node, "required");
                    assert!(
                        required.is_subset(&props),
                        "{at}: required {:?} not in properties",
                        required.difference(&props).collect::<Vec<_>>()
                    );
                }
                for (k, v) in m {
                    check(v, &format!("{at}/{k}"), objects);
                }
            }
            Value::Array(a) => {
                for (i, v) in a.iter().enumerate() {
                    check(v, &format!("{at}/{i}"), objects);
                }
            }
            _ => {}
        }
    }
    let schema = schema();
    let mut objects = 0;
    // The two download-only keys are open on purpose: the input masterplan and its text.
    let mut s = schema.clone();
    for k in DOWNLOAD_ONLY {
        s["properties"][k] = Value::Null;
    }
    check(&s, "#", &mut objects);
    assert!(objects >= 25, "only {objects} object schemas");
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    let description = schema["description"].as_str().unwrap();
    assert!(description.contains("masterplan") && description.contains("input_text"));
    for k in DOWNLOAD_ONLY {
        assert!(schema["properties"][k].is_object(), "{k} is allowed");
        assert!(!keys(&schema, "required").contains(k), "{k} is optional");
    }
}

/// The five objects named by the contract: their schema keys are exactly the keys the Rust
/// structs write (those of an `Option` skipped when `None` seen at least once), and the
/// required keys exactly those always written.
#[test]
fn top_level_pillar_rate_agency_quick_win_item_and_finding_match_the_rust_fields() {
    let (schema, seen) = seen_in_outputs();
    for at in [
        "#",
        "#/$defs/pillar_rate",
        "#/$defs/agency",
        "#/$defs/quick_win_item",
        "#/$defs/finding",
    ] {
        let node = node_at(&schema, at);
        let s = seen
            .get(at)
            .unwrap_or_else(|| panic!("{at}: never met in the outputs"));
        let mut props = keys(node, "properties");
        if at == "#" {
            for k in DOWNLOAD_ONLY {
                props.remove(k);
            }
        }
        assert_eq!(
            s.union, props,
            "{at}: the keys the engine writes (left) against the schema's (right)"
        );
        assert_eq!(
            s.always.clone().unwrap_or_default(),
            keys(node, "required"),
            "{at}: keys always written (left) against the schema's required (right)"
        );
    }
    // A finding's optional keys, each both present and absent in the outputs.
    let f = &seen["#/$defs/finding"];
    assert!(f.instances > 100, "{} findings", f.instances);
    for k in [
        "pillar",
        "agency",
        "agency_index",
        "line",
        "column",
        "programs",
        "subject",
        "items",
        "candidates",
    ] {
        assert!(f.union.contains(k), "no finding has {k}");
    }
}

/// Every other object the outputs contain: no key the schema lacks, every required key always
/// written, and every schema key written somewhere (except the grade fields no preset sets,
/// checked on the Rust struct below).
#[test]
fn every_object_written_has_the_schemas_keys() {
    let (schema, seen) = seen_in_outputs();
    let never_written: BTreeSet<(&str, &str)> =
        [("#/$defs/grade", "grade"), ("#/$defs/grade", "score")].into();
    for (at, s) in &seen {
        let node = node_at(&schema, at);
        let props = keys(node, "properties");
        let unknown: Vec<_> = s.union.difference(&props).collect();
        assert!(
            unknown.is_empty(),
            "{at}: the engine writes {unknown:?}, the schema lacks them"
        );
        let required = keys(node, "required");
        let always = s.always.clone().unwrap_or_default();
        let sometimes: Vec<_> = required.difference(&always).collect();
        assert!(
            sometimes.is_empty(),
            "{at}: required but not always written: {sometimes:?}"
        );
        for k in &props {
            let download_only = at == "#" && DOWNLOAD_ONLY.contains(&k.as_str());
            if !download_only && !never_written.contains(&(at.as_str(), k.as_str())) {
                assert!(
                    s.union.contains(k),
                    "{at}: the schema has {k}, the engine never writes it"
                );
            }
        }
    }
    assert!(seen.len() >= 25, "only {} object kinds met", seen.len());
    for (at, k) in never_written {
        assert!(!keys(node_at(&schema, at), "required").contains(k));
    }
}

#[test]
fn a_grade_with_every_field_writes_the_schemas_keys() {
    let grade = Grade {
        grade: Some("BB".into()),
        label: "Sangat Baik".into(),
        label_en: "Very good".into(),
        score: Some(Num::from_int(4)),
        concern: false,
    };
    let written: Value = serde_json::from_str(&json_out::to_string(&grade).unwrap()).unwrap();
    let schema = schema();
    let written_keys: BTreeSet<String> = written.as_object().unwrap().keys().cloned().collect();
    assert_eq!(written_keys, keys(&schema["$defs"]["grade"], "properties"));
}

#[test]
fn the_closed_sets_are_the_engines() {
    let schema = schema();
    let defs = &schema["$defs"];
    let top = &schema["properties"];
    let own = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let set = |v: Vec<String>| v.into_iter().collect::<BTreeSet<_>>();

    assert_eq!(strings(&defs["pillar"]["enum"]), own(Pillar::IDS));
    for keyed in [
        &top["implementation"]["properties"]["pillars"],
        &top["quick_wins"]["properties"]["by_pillar"],
    ] {
        assert_eq!(keys(keyed, "properties"), set(own(Pillar::IDS)));
        assert_eq!(keys(keyed, "required"), set(own(Pillar::IDS)));
    }
    for keyed in [
        &top["evaluation"]["properties"]["dimensions"],
        &top["method"]["properties"]["weights"],
    ] {
        assert_eq!(keys(keyed, "properties"), set(own(Dimension::IDS)));
        assert_eq!(keys(keyed, "required"), set(own(Dimension::IDS)));
    }
    let readiness = &defs["readiness"]["properties"];
    for keyed in [&readiness["aspects"], &readiness["aspect_items"]] {
        assert_eq!(keys(keyed, "properties"), set(own(Aspect::IDS)));
    }
    assert_eq!(
        strings(&top["method"]["properties"]["outcome_horizons"]["items"]["enum"]),
        own(Horizon::IDS)
    );
    assert_eq!(
        strings(&defs["quick_win_item"]["properties"]["status"]["enum"]),
        own(QuickWinStatus::IDS)
    );
    assert_eq!(
        strings(&top["region"]["properties"]["kind"]["enum"]),
        own(RegionKind::IDS)
    );
    assert_eq!(
        strings(&defs["opinion"]["properties"]["value"]["enum"]),
        own(BpkOpinion::IDS)
    );

    // Enums without a list of their own: every variant named here, and a `match` that stops
    // compiling when one is added.
    let states = [
        State::Sustained,
        State::SustainedLate,
        State::OnTime,
        State::Late,
        State::Stopped,
        State::Pending,
        State::NotDue,
    ];
    for s in states {
        match s {
            State::Sustained
            | State::SustainedLate
            | State::OnTime
            | State::Late
            | State::Stopped
            | State::Pending
            | State::NotDue => {}
        }
    }
    assert_eq!(
        strings(&defs["quick_win_item"]["properties"]["state"]["enum"]),
        ids(&states)
    );
    let severities = [Severity::Critical, Severity::Warning, Severity::Info];
    for s in severities {
        match s {
            Severity::Critical | Severity::Warning | Severity::Info => {}
        }
    }
    assert_eq!(
        strings(&defs["finding"]["properties"]["severity"]["enum"]),
        ids(&severities)
    );
    assert_eq!(
        keys(&top["finding_counts"], "properties"),
        set(ids(&severities))
    );
    assert_eq!(
        keys(&top["finding_counts"], "required"),
        set(ids(&severities))
    );
    let sources = [
        ScoreSource::Provided,
        ScoreSource::Computed,
        ScoreSource::Missing,
    ];
    for s in sources {
        match s {
            ScoreSource::Provided | ScoreSource::Computed | ScoreSource::Missing => {}
        }
    }
    assert_eq!(
        strings(&defs["dimension_score"]["properties"]["source"]["enum"]),
        ids(&sources)
    );
    let counting = [Counting::BinaryRunning, Counting::WeightedProgress];
    for c in counting {
        match c {
            Counting::BinaryRunning | Counting::WeightedProgress => {}
        }
    }
    assert_eq!(
        strings(&top["method"]["properties"]["counting"]["enum"]),
        ids(&counting)
    );
    let not_counted = [
        NotCounted::Horizon,
        NotCounted::NotStarted,
        NotCounted::Cancelled,
    ];
    for n in not_counted {
        match n {
            NotCounted::Horizon | NotCounted::NotStarted | NotCounted::Cancelled => {}
        }
    }
    assert_eq!(
        keys(
            &defs["pillar_rate"]["properties"]["not_counted"],
            "properties"
        ),
        set(ids(&not_counted))
    );
    assert_eq!(
        strings(&defs["program_count"]["properties"]["not_counted"]["enum"]),
        ids(&not_counted)
    );

    // Finding codes: the whole catalogue (input warnings become findings too), in its order.
    let codes: Vec<String> = Code::ALL.iter().map(|c| c.id().to_string()).collect();
    assert_eq!(
        strings(&defs["finding"]["properties"]["code"]["enum"]),
        codes
    );
}
