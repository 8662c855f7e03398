//! Keeps `www/masterplan.schema.json` in step with the decoder: the same objects, the same
//! keys, the same required keys, the same closed sets.

use kota_cerdas_mandiri::io::decode::{known_keys, required_keys};
use kota_cerdas_mandiri::io::json::{self, Node, Value};
use kota_cerdas_mandiri::model::framework::{
    Aspect, BpkOpinion, Horizon, LegalKind, Pillar, ProgramStatus, QuickWinStatus, RegionKind,
    SubDimension,
};

fn schema() -> Node<'static> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/www/masterplan.schema.json");
    // Leaked once per test: the tree borrows from the text.
    let text: &'static str = Box::leak(
        std::fs::read_to_string(path)
            .expect("schema file")
            .into_boxed_str(),
    );
    json::parse(text).expect("schema is JSON")
}

/// Follows a local `$ref` ("#/$defs/name") if the node has one.
fn resolve<'a>(root: &'a Node<'a>, node: &'a Node<'a>) -> &'a Node<'a> {
    match node.get("$ref").and_then(Node::as_str) {
        Some(r) => {
            let name = r.strip_prefix("#/$defs/").expect("local $ref");
            let target = root
                .get("$defs")
                .and_then(|d| d.get(name))
                .expect("$ref target");
            resolve(root, target)
        }
        None => node,
    }
}

/// The schema of the object at a `known_keys` path ("programs[].quick_win").
fn at<'a>(root: &'a Node<'a>, path: &str) -> &'a Node<'a> {
    let mut node = root;
    if path.is_empty() {
        return node;
    }
    for step in path.split('.') {
        let (key, item) = match step.strip_suffix("[]") {
            Some(key) => (key, true),
            None => (step, false),
        };
        node = resolve(root, node);
        node = node
            .get("properties")
            .and_then(|p| p.get(key))
            .unwrap_or_else(|| panic!("schema has no property {key} in {path}"));
        if item {
            node = resolve(root, node).get("items").expect("items");
        }
    }
    resolve(root, node)
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

fn strings(node: Option<&Node>) -> Vec<String> {
    node.and_then(Node::as_array)
        .unwrap_or_default()
        .iter()
        .filter_map(|n| n.as_str().map(str::to_string))
        .collect()
}

#[test]
fn every_object_has_exactly_the_decoders_keys() {
    let root = schema();
    for (path, keys) in known_keys() {
        let props = at(&root, path)
            .get("properties")
            .and_then(Node::as_object)
            .unwrap_or_else(|| panic!("no properties at {path:?}"));
        let schema_keys = sorted(props.iter().map(|m| m.key.to_string()).collect());
        let rust_keys = sorted(keys.iter().map(|k| k.to_string()).collect());
        assert_eq!(schema_keys, rust_keys, "keys at {path:?}");
    }
}

#[test]
fn required_keys_match() {
    let root = schema();
    for (path, required) in required_keys() {
        let schema_required = sorted(strings(at(&root, path).get("required")));
        let rust_required = sorted(required.iter().map(|k| k.to_string()).collect());
        assert_eq!(schema_required, rust_required, "required at {path:?}");
    }
}

#[test]
fn only_the_closed_maps_forbid_other_keys() {
    let root = schema();
    for (path, _) in known_keys() {
        let closed = at(&root, path)
            .get("additionalProperties")
            .map(|n| &n.value);
        let expected = matches!(path, "evaluation.dimension_scores" | "national_indices");
        assert_eq!(closed == Some(&Value::Bool(false)), expected, "{path:?}");
        if !expected {
            assert_eq!(
                closed, None,
                "{path:?} must allow unknown keys (they are warnings)"
            );
        }
    }
}

#[test]
fn enums_are_the_rust_vocabularies() {
    fn ids<T: Copy>(all: &[T], id: fn(T) -> &'static str) -> Vec<String> {
        all.iter().map(|v| id(*v).to_string()).collect()
    }
    let cases: Vec<(&str, &str, Vec<String>)> = vec![
        ("region", "kind", ids(RegionKind::ALL, RegionKind::id)),
        (
            "masterplan.legal_basis",
            "kind",
            ids(LegalKind::ALL, LegalKind::id),
        ),
        ("readiness.items[]", "aspect", ids(Aspect::ALL, Aspect::id)),
        ("programs[]", "pillar", ids(Pillar::ALL, Pillar::id)),
        (
            "programs[]",
            "sub_dimension",
            ids(SubDimension::ALL, SubDimension::id),
        ),
        ("programs[]", "horizon", ids(Horizon::ALL, Horizon::id)),
        (
            "programs[]",
            "status",
            ids(ProgramStatus::ALL, ProgramStatus::id),
        ),
        (
            "programs[].quick_win",
            "status",
            ids(QuickWinStatus::ALL, QuickWinStatus::id),
        ),
        ("impact.surveys[]", "pillar", ids(Pillar::ALL, Pillar::id)),
        (
            "impact.surveys[]",
            "sub_dimension",
            ids(SubDimension::ALL, SubDimension::id),
        ),
        (
            "national_indices",
            "bpk_opinion",
            ids(BpkOpinion::ALL, BpkOpinion::id),
        ),
    ];
    let root = schema();
    for (path, key, rust) in cases {
        let prop = at(&root, path)
            .get("properties")
            .and_then(|p| p.get(key))
            .expect(key);
        // `null` in an optional field's enum means "absent"; the ids are the rest, in order.
        let schema_ids = strings(resolve(&root, prop).get("enum"));
        assert_eq!(schema_ids, rust, "enum of {path}.{key}");
    }
}

#[test]
fn the_schema_names_its_draft_and_describes_every_property_in_both_languages() {
    let root = schema();
    assert_eq!(
        root.get("$schema").and_then(Node::as_str),
        Some("https://json-schema.org/draft/2020-12/schema")
    );
    for (path, keys) in known_keys() {
        let obj = at(&root, path);
        for key in keys {
            let prop = obj.get("properties").and_then(|p| p.get(key)).expect(key);
            let description = prop
                .get("description")
                .and_then(Node::as_str)
                .unwrap_or_default();
            assert!(
                description.contains(" — "),
                "{path}.{key}: English — Indonesian"
            );
        }
    }
}
