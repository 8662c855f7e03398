//! A small JSON tree for the masterplan the reader builds: objects keep insertion order
//! (the format's order), numbers keep their decimal text, so nothing passes through a float.

/// A JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum J {
    /// `null`
    Null,
    /// `true` / `false`
    Bool(bool),
    /// A number, as its JSON text.
    Num(String),
    /// A string.
    Str(String),
    /// An array.
    Arr(Vec<J>),
    /// An object, members in insertion order.
    Obj(Vec<(String, J)>),
}

impl J {
    /// An empty object.
    pub fn obj() -> J {
        J::Obj(Vec::new())
    }

    /// Sets `key` (replacing an earlier value) on an object; no-op on anything else.
    pub fn set(&mut self, key: &str, value: J) {
        if let J::Obj(members) = self {
            match members.iter_mut().find(|(k, _)| k == key) {
                Some(slot) => slot.1 = value,
                None => members.push((key.to_string(), value)),
            }
        }
    }

    /// The member `key` of an object, created as an empty object when absent.
    pub fn child(&mut self, key: &str) -> Option<&mut J> {
        let J::Obj(members) = self else { return None };
        let i = match members.iter().position(|(k, _)| k == key) {
            Some(i) => i,
            None => {
                members.push((key.to_string(), J::obj()));
                members.len() - 1
            }
        };
        Some(&mut members[i].1)
    }

    /// Sets the value at a JSON Pointer of plain keys ("/masterplan/legal_basis/kind"),
    /// creating the objects on the way.
    pub fn set_path(&mut self, pointer: &str, value: J) {
        let mut tokens: Vec<&str> = pointer.split('/').skip(1).collect();
        let Some(last) = tokens.pop() else { return };
        let mut at = self;
        for t in tokens {
            match at.child(t) {
                Some(next) => at = next,
                None => return,
            }
        }
        at.set(last, value);
    }

    /// The JSON text, indented by two spaces.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, 0);
        out.push('\n');
        out
    }

    fn write(&self, out: &mut String, depth: usize) {
        let indent = |out: &mut String, d: usize| {
            out.push('\n');
            for _ in 0..d {
                out.push_str("  ");
            }
        };
        match self {
            J::Null => out.push_str("null"),
            J::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            J::Num(t) => out.push_str(t),
            J::Str(s) => quote(s, out),
            J::Arr(items) if items.is_empty() => out.push_str("[]"),
            J::Obj(members) if members.is_empty() => out.push_str("{}"),
            J::Arr(items) => {
                out.push('[');
                for (i, v) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    indent(out, depth + 1);
                    v.write(out, depth + 1);
                }
                indent(out, depth);
                out.push(']');
            }
            J::Obj(members) => {
                out.push('{');
                for (i, (k, v)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    indent(out, depth + 1);
                    quote(k, out);
                    out.push_str(": ");
                    v.write(out, depth + 1);
                }
                indent(out, depth);
                out.push('}');
            }
        }
    }
}

/// A JSON string literal.
fn quote(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

impl J {
    /// The tree of a parsed JSON value (numbers keep their text).
    pub fn from_node(n: &kota_cerdas_mandiri::io::json::Node) -> J {
        use kota_cerdas_mandiri::io::json::Value;
        match &n.value {
            Value::Null => J::Null,
            Value::Bool(b) => J::Bool(*b),
            Value::Number(t) => J::Num(t.to_string()),
            Value::String(s) => J::Str(s.to_string()),
            Value::Array(items) => J::Arr(items.iter().map(J::from_node).collect()),
            Value::Object(members) => J::Obj(
                members
                    .iter()
                    .map(|m| (m.name().to_string(), J::from_node(&m.node)))
                    .collect(),
            ),
        }
    }

    /// The value at a JSON Pointer of plain keys, created as `init` when absent (with the
    /// objects on the way).
    pub fn entry(&mut self, pointer: &str, init: J) -> Option<&mut J> {
        let tokens: Vec<&str> = pointer.split('/').skip(1).collect();
        let mut at = self;
        for (i, t) in tokens.iter().enumerate() {
            let J::Obj(members) = at else { return None };
            let k = match members.iter().position(|(k, _)| k == t) {
                Some(k) => k,
                None => {
                    let fresh = if i + 1 == tokens.len() {
                        init.clone()
                    } else {
                        J::obj()
                    };
                    members.push((t.to_string(), fresh));
                    members.len() - 1
                }
            };
            at = &mut members[k].1;
        }
        Some(at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_build_nested_objects_in_insertion_order() {
        let mut j = J::obj();
        j.set_path("/region/name", J::Str("Kab \"A\"\n".into()));
        j.set_path("/masterplan/legal_basis/kind", J::Null);
        j.set_path("/region/kind", J::Str("kota".into()));
        j.set("n", J::Num("3.485".into()));
        assert_eq!(
            j.to_text(),
            "{\n  \"region\": {\n    \"name\": \"Kab \\\"A\\\"\\n\",\n    \"kind\": \"kota\"\n  },\n  \"masterplan\": {\n    \"legal_basis\": {\n      \"kind\": null\n    }\n  },\n  \"n\": 3.485\n}\n"
        );
    }
}
