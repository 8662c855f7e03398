//! A method supplied by the user as a JSON object.
//!
//! It starts from a preset (`base`, default `kominfo-2022`) and replaces what it names:
//!
//! ```json
//! { "id": "simulasi-2025", "name": "Simulasi bobot 2025", "base": "kominfo-2022",
//!   "weights": { "baseline": 0.1, "output": 0.2, "outcome": 0.3, "impact": 0.2, "quick_win": 0.2 },
//!   "outcome": { "horizons": ["quick_win", "short", "medium"], "counting": "binary_running",
//!                "basis": "mean_of_pillars", "target_percent": 75,
//!                "mapping": { "kind": "bands", "lower_bound": "inclusive",
//!                             "bands": [ { "score": 1 }, { "from": 25, "score": 2 },
//!                                        { "from": 50, "score": 3 }, { "from": 75, "score": 4 } ] } },
//!   "baseline": { "source": "previous_index" },
//!   "quick_win": { "sustained": 4, "on_time": 4, "late": 3, "in_progress": 2, "planned": 1, "stopped": 1 },
//!   "impact": { "survey_weight": 0.5 } }
//! ```
//!
//! Every key is checked: a typo in a method changes scores, so unknown keys are errors.

use crate::io::json::{Node, Value};
use crate::model::decimal::Num;
use crate::model::framework::{Dimension, Horizon};
use crate::model::problem::pointer;
use crate::model::text::Text;

use super::{
    presets, Band, Bands, BaselineSource, Counting, LowerBound, Method, OutcomeBasis,
    PercentMapping, Score,
};

/// A flaw in a custom method: its JSON Pointer within the method object and the explanation.
pub type Flaw = (String, Text);

/// Reads a custom method object. Every flaw is returned at once.
pub fn decode(root: &Node) -> Result<Method, Vec<Flaw>> {
    let mut r = Reader { flaws: Vec::new() };
    let Some(members) = root.as_object() else {
        return Err(vec![(
            String::new(),
            Text::new(
                "metode kustom harus berupa objek JSON",
                "a custom method must be a JSON object",
            ),
        )]);
    };
    r.only_keys(
        "",
        members,
        &[
            "id",
            "name",
            "version",
            "base",
            "weights",
            "outcome",
            "baseline",
            "quick_win",
            "impact",
        ],
    );
    let base_id = match root.get("base") {
        None => presets::DEFAULT_ID.to_string(),
        Some(b) => r.string("/base", b).unwrap_or_default(),
    };
    let Some(mut m) = presets::by_id(&base_id) else {
        r.flaw(
            "/base",
            format!(
                "metode dasar \"{base_id}\" tidak dikenal; pilih salah satu: {}",
                preset_ids()
            ),
            format!(
                "unknown base method \"{base_id}\"; choose one of: {}",
                preset_ids()
            ),
        );
        return Err(r.flaws);
    };
    m.disputed = false;
    m.sources.clear();
    m.note = Text::new(
        format!("Metode kustom berdasarkan {base_id}; bukan metode resmi."),
        format!("Custom method based on {base_id}; not an official method."),
    );
    match root.get("id").map(|n| r.string("/id", n)) {
        Some(Some(id)) if !id.trim().is_empty() => {
            if presets::by_id(&id).is_some() {
                r.flaw(
                    "/id",
                    format!("\"{id}\" sudah dipakai metode bawaan; beri id lain"),
                    format!("\"{id}\" is a built-in preset id; choose another id"),
                );
            }
            m.id = id;
        }
        Some(_) => {}
        None => r.flaw(
            "/id",
            "metode kustom perlu \"id\"".into(),
            "a custom method needs an \"id\"".into(),
        ),
    }
    m.name = match root.get("name") {
        Some(n) => {
            let s = r.string("/name", n).unwrap_or_default();
            Text::new(s.clone(), s)
        }
        None => Text::new(m.id.clone(), m.id.clone()),
    };
    m.version = match root.get("version") {
        Some(n) => r.string("/version", n).unwrap_or_default(),
        None => "custom".to_string(),
    };
    match root.get("weights") {
        None => r.flaw(
            "/weights",
            "metode kustom perlu \"weights\" untuk kelima dimensi".into(),
            "a custom method needs \"weights\" for all five dimensions".into(),
        ),
        Some(w) => {
            if let Some(members) = w.as_object() {
                let ids: Vec<&str> = Dimension::ALL.iter().map(|d| d.id()).collect();
                r.only_keys("/weights", members, &ids);
                m.weights.clear();
                for d in Dimension::ALL {
                    if let Some(v) = w.get(d.id()) {
                        if let Some(x) = r.number(&pointer("/weights", d.id()), v) {
                            m.weights.insert(*d, x);
                        }
                    }
                }
            } else {
                r.wrong_type("/weights", "objek", "an object");
            }
        }
    }
    if let Some(o) = root.get("outcome") {
        r.outcome(o, &mut m);
    }
    if let Some(b) = root.get("baseline") {
        if let Some(members) = b.as_object() {
            r.only_keys("/baseline", members, &["source"]);
            if let Some(s) = b.get("source") {
                match r.string("/baseline/source", s).as_deref() {
                    Some("previous_index") => m.baseline.source = BaselineSource::PreviousIndex,
                    Some("provided_only") => m.baseline.source = BaselineSource::ProvidedOnly,
                    Some(other) => {
                        r.unknown("/baseline/source", other, "previous_index, provided_only")
                    }
                    None => {}
                }
            }
        } else {
            r.wrong_type("/baseline", "objek", "an object");
        }
    }
    if let Some(q) = root.get("quick_win") {
        r.quick_win(q, &mut m);
    }
    if let Some(i) = root.get("impact") {
        if let Some(members) = i.as_object() {
            r.only_keys("/impact", members, &["survey_weight"]);
            if let Some(v) = i.get("survey_weight") {
                if let Some(x) = r.number("/impact/survey_weight", v) {
                    if x < Num::ZERO || x > Num::ONE {
                        r.flaw(
                            "/impact/survey_weight",
                            "survey_weight harus antara 0 dan 1".into(),
                            "survey_weight must be between 0 and 1".into(),
                        );
                    }
                    m.impact.survey_weight = x;
                }
            }
        } else {
            r.wrong_type("/impact", "objek", "an object");
        }
    }
    if r.flaws.is_empty() {
        r.flaws.extend(m.check());
    }
    if r.flaws.is_empty() {
        Ok(m)
    } else {
        Err(r.flaws)
    }
}

fn preset_ids() -> String {
    presets::all()
        .iter()
        .map(|m| m.id.clone())
        .collect::<Vec<_>>()
        .join(", ")
}

struct Reader {
    flaws: Vec<Flaw>,
}

impl Reader {
    fn flaw(&mut self, path: &str, id: String, en: String) {
        self.flaws.push((path.to_string(), Text::new(id, en)));
    }

    fn wrong_type(&mut self, path: &str, id: &str, en: &str) {
        self.flaw(path, format!("harus berupa {id}"), format!("must be {en}"));
    }

    fn unknown(&mut self, path: &str, value: &str, allowed: &str) {
        self.flaw(
            path,
            format!("nilai \"{value}\" tidak dikenal; gunakan salah satu: {allowed}"),
            format!("unknown value \"{value}\"; use one of: {allowed}"),
        );
    }

    fn only_keys(&mut self, base: &str, members: &[crate::io::json::Member], allowed: &[&str]) {
        for m in members {
            if !allowed.contains(&m.key.as_ref()) {
                let list = allowed.join(", ");
                self.flaw(
                    &pointer(base, &m.key),
                    format!(
                        "kunci \"{}\" tidak dikenal dalam metode; yang dikenal: {list}",
                        m.key
                    ),
                    format!(
                        "unknown key \"{}\" in the method; known keys: {list}",
                        m.key
                    ),
                );
            }
        }
    }

    fn string(&mut self, path: &str, n: &Node) -> Option<String> {
        match n.as_str() {
            Some(s) => Some(s.to_string()),
            None => {
                self.wrong_type(path, "teks", "a string");
                None
            }
        }
    }

    fn number(&mut self, path: &str, n: &Node) -> Option<Num> {
        match (&n.value, n.as_num()) {
            (_, Some(x)) => Some(x),
            (Value::Number(_), None) => {
                self.flaw(
                    path,
                    "angka di luar jangkauan".into(),
                    "number out of range".into(),
                );
                None
            }
            _ => {
                self.wrong_type(path, "angka", "a number");
                None
            }
        }
    }

    fn score(&mut self, path: &str, n: &Node) -> Option<Num> {
        let x = self.number(path, n)?;
        if x < Num::ONE || x > Num::from_int(4) {
            self.flaw(
                path,
                "skor harus antara 1 dan 4".into(),
                "a score must be between 1 and 4".into(),
            );
            return None;
        }
        Some(x)
    }

    fn outcome(&mut self, o: &Node, m: &mut Method) {
        let Some(members) = o.as_object() else {
            return self.wrong_type("/outcome", "objek", "an object");
        };
        self.only_keys(
            "/outcome",
            members,
            &["horizons", "counting", "basis", "mapping", "target_percent"],
        );
        if let Some(h) = o.get("horizons") {
            match h.as_array() {
                Some(items) => {
                    let mut horizons = Vec::new();
                    for (i, item) in items.iter().enumerate() {
                        let path = format!("/outcome/horizons/{i}");
                        if let Some(s) = self.string(&path, item) {
                            match Horizon::from_id(&s) {
                                Some(hz) if !horizons.contains(&hz) => horizons.push(hz),
                                Some(_) => {}
                                None => self.unknown(&path, &s, &Horizon::ids()),
                            }
                        }
                    }
                    if horizons.is_empty() {
                        self.flaw(
                            "/outcome/horizons",
                            "sebutkan minimal satu horizon".into(),
                            "name at least one horizon".into(),
                        );
                    }
                    // Canonical order; the shared rank sort instead of another sort instance.
                    crate::model::problem::sort_by_rank(&mut horizons, |h| Some(*h as usize));
                    m.outcome.horizons = horizons;
                }
                None => self.wrong_type("/outcome/horizons", "daftar", "an array"),
            }
        }
        if let Some(c) = o.get("counting") {
            match self.string("/outcome/counting", c).as_deref() {
                Some("binary_running") => m.outcome.counting = Counting::BinaryRunning,
                Some("weighted_progress") => m.outcome.counting = Counting::WeightedProgress,
                Some(other) => self.unknown(
                    "/outcome/counting",
                    other,
                    "binary_running, weighted_progress",
                ),
                None => {}
            }
        }
        if let Some(b) = o.get("basis") {
            match self.string("/outcome/basis", b).as_deref() {
                Some("mean_of_pillars") => m.outcome.basis = OutcomeBasis::MeanOfPillars,
                Some("pooled") => m.outcome.basis = OutcomeBasis::Pooled,
                Some(other) => self.unknown("/outcome/basis", other, "mean_of_pillars, pooled"),
                None => {}
            }
        }
        if let Some(t) = o.get("target_percent") {
            if let Some(x) = self.number("/outcome/target_percent", t) {
                if x < Num::ZERO || x > Num::from_int(100) {
                    self.flaw(
                        "/outcome/target_percent",
                        "target harus 0–100".into(),
                        "the target must be 0–100".into(),
                    );
                }
                m.outcome.target_percent = x;
            }
        }
        if let Some(map) = o.get("mapping") {
            if let Some(mapping) = self.mapping(map) {
                m.outcome.mapping = mapping;
            }
        }
    }

    fn mapping(&mut self, map: &Node) -> Option<PercentMapping> {
        let Some(members) = map.as_object() else {
            self.wrong_type("/outcome/mapping", "objek", "an object");
            return None;
        };
        self.only_keys(
            "/outcome/mapping",
            members,
            &["kind", "lower_bound", "bands"],
        );
        match map
            .get("kind")
            .and_then(|k| self.string("/outcome/mapping/kind", k))
            .as_deref()
        {
            Some("linear") => Some(PercentMapping::Linear),
            Some("bands") => {
                let lower_bound = match map
                    .get("lower_bound")
                    .and_then(|l| self.string("/outcome/mapping/lower_bound", l))
                    .as_deref()
                {
                    None | Some("inclusive") => LowerBound::Inclusive,
                    Some("exclusive") => LowerBound::Exclusive,
                    Some(other) => {
                        self.unknown(
                            "/outcome/mapping/lower_bound",
                            other,
                            "inclusive, exclusive",
                        );
                        LowerBound::Inclusive
                    }
                };
                let Some(items) = map.get("bands").and_then(|b| b.as_array()) else {
                    self.flaw(
                        "/outcome/mapping/bands",
                        "perlu daftar \"bands\"".into(),
                        "needs a \"bands\" array".into(),
                    );
                    return None;
                };
                let mut bands = Vec::new();
                for (i, item) in items.iter().enumerate() {
                    let path = format!("/outcome/mapping/bands/{i}");
                    let Some(members) = item.as_object() else {
                        self.wrong_type(&path, "objek", "an object");
                        continue;
                    };
                    self.only_keys(&path, members, &["from", "score"]);
                    let from = item
                        .get("from")
                        .and_then(|f| self.number(&format!("{path}/from"), f));
                    let score = match item.get("score") {
                        Some(s) => self.score(&format!("{path}/score"), s),
                        None => {
                            self.flaw(
                                &format!("{path}/score"),
                                "perlu \"score\"".into(),
                                "needs a \"score\"".into(),
                            );
                            None
                        }
                    };
                    if let Some(score) = score {
                        bands.push(Band {
                            from,
                            value: Score { score },
                        });
                    }
                }
                Some(PercentMapping::Bands(Bands { lower_bound, bands }))
            }
            Some(other) => {
                self.unknown("/outcome/mapping/kind", other, "linear, bands");
                None
            }
            None => {
                self.flaw(
                    "/outcome/mapping/kind",
                    "perlu \"kind\": linear atau bands".into(),
                    "needs \"kind\": linear or bands".into(),
                );
                None
            }
        }
    }

    fn quick_win(&mut self, q: &Node, m: &mut Method) {
        let Some(members) = q.as_object() else {
            return self.wrong_type("/quick_win", "objek", "an object");
        };
        let keys = [
            "sustained",
            "on_time",
            "late",
            "in_progress",
            "planned",
            "stopped",
            "use_innovation_score",
        ];
        self.only_keys("/quick_win", members, &keys);
        let rule = &mut m.quick_win;
        for (key, slot) in [
            ("sustained", &mut rule.sustained),
            ("on_time", &mut rule.on_time),
            ("late", &mut rule.late),
            ("in_progress", &mut rule.in_progress),
            ("planned", &mut rule.planned),
            ("stopped", &mut rule.stopped),
        ] {
            if let Some(v) = q.get(key) {
                if let Some(x) = self.score(&pointer("/quick_win", key), v) {
                    *slot = x;
                }
            }
        }
        if let Some(v) = q.get("use_innovation_score") {
            match v.value {
                Value::Bool(b) => rule.use_innovation_score = b,
                _ => self.wrong_type(
                    "/quick_win/use_innovation_score",
                    "true/false",
                    "true or false",
                ),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::json::parse;

    fn method(text: &str) -> Result<Method, Vec<Flaw>> {
        decode(&parse(text).unwrap())
    }

    #[test]
    fn a_custom_method_overrides_its_base() {
        let m = method(r#"{"id":"uji","weights":{"baseline":0.2,"output":0.2,"outcome":0.2,"impact":0.2,"quick_win":0.2},
            "outcome":{"mapping":{"kind":"bands","bands":[{"score":1},{"from":50,"score":2.5},{"from":75,"score":4}]}}}"#)
        .unwrap();
        assert_eq!(m.id, "uji");
        assert_eq!(m.weights[&Dimension::Impact], Num::parse("0.2").unwrap());
        assert!(matches!(m.outcome.mapping, PercentMapping::Bands(_)));
        assert_eq!(m.outcome.target_percent, Num::from_int(75));
    }

    #[test]
    fn weights_must_sum_to_one_and_bands_must_ascend() {
        let flaws = method(r#"{"id":"x","weights":{"baseline":0.1,"output":0.2,"outcome":0.4,"impact":0.3,"quick_win":0.2}}"#).unwrap_err();
        assert_eq!(flaws[0].0, "/weights");
        assert!(flaws[0].1.en.contains("1.2"), "{:?}", flaws);
        let flaws = method(r#"{"id":"x","weights":{"baseline":0.1,"output":0.2,"outcome":0.3,"impact":0.2,"quick_win":0.2},
            "outcome":{"mapping":{"kind":"bands","bands":[{"score":1},{"from":50,"score":2},{"from":40,"score":3}]}}}"#)
        .unwrap_err();
        assert_eq!(flaws[0].0, "/outcome/mapping");
    }

    #[test]
    fn every_flaw_is_reported_at_once() {
        let flaws =
            method(r#"{"weights":{"baseline":"0.1","outcom":0.3},"bobot":1,"base":"nope"}"#)
                .unwrap_err();
        // base unknown stops early: the base is needed for everything else
        assert_eq!(flaws.len(), 2, "{flaws:?}");
        let flaws = method(r#"{"weights":{"baseline":"0.1","outcom":0.3},"bobot":1}"#).unwrap_err();
        let paths: Vec<&str> = flaws.iter().map(|f| f.0.as_str()).collect();
        assert_eq!(
            paths,
            vec!["/bobot", "/id", "/weights/outcom", "/weights/baseline"]
        );
    }
}
