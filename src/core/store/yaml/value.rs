//! serde_yaml's nodes → the model's `Value`, keeping mapping order, tags and
//! the written form of numbers, and spending from a budget so aliases cannot
//! expand a small file into gigabytes.

use std::cell::Cell;
use std::fmt;

use serde::de::{self, DeserializeSeed, EnumAccess, IgnoredAny, MapAccess, SeqAccess, VariantAccess, Visitor};

use super::errors::{BUDGET_MESSAGE, MERGE_MESSAGE};
use crate::core::model::Value;

/// Whether some number other than the top-level `version` was read; only
/// then is a second pass needed to recover numbers as written.
pub(super) fn needs_raw_numbers(value: &Value) -> bool {
    match value {
        Value::Map(entries) => entries.iter().any(|(k, v)| {
            let is_version = matches!(k, Value::String(s) if s == "version");
            contains_number(k) || (!is_version && contains_number(v))
        }),
        other => contains_number(other),
    }
}

fn contains_number(value: &Value) -> bool {
    match value {
        Value::Number(_) => true,
        Value::Null | Value::Bool(_) | Value::String(_) => false,
        Value::Seq(items) => items.iter().any(contains_number),
        Value::Map(entries) => entries.iter().any(|(k, v)| contains_number(k) || contains_number(v)),
        Value::Tagged(_, inner) => contains_number(inner),
    }
}

fn float_text(v: f64) -> String {
    if v.is_nan() {
        ".nan".into()
    } else if v.is_infinite() {
        if v > 0.0 { ".inf" } else { "-.inf" }.into()
    } else {
        format!("{v:?}")
    }
}

/// Builds a `Value` from any node, spending from a shared budget.
#[derive(Clone, Copy)]
pub(super) struct ValueSeed<'b> {
    pub(super) budget: &'b Cell<usize>,
}

impl ValueSeed<'_> {
    fn spend<E: de::Error>(&self, cost: usize) -> Result<(), E> {
        match self.budget.get().checked_sub(cost.saturating_add(1)) {
            Some(left) => {
                self.budget.set(left);
                Ok(())
            }
            None => Err(E::custom(BUDGET_MESSAGE)),
        }
    }
}

impl<'de> DeserializeSeed<'de> for ValueSeed<'_> {
    type Value = Value;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ValueSeed<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        self.spend(0)?;
        Ok(Value::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        self.visit_unit()
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        self.spend(0)?;
        Ok(Value::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        self.spend(0)?;
        Ok(Value::Number(v.to_string()))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        self.spend(0)?;
        Ok(Value::Number(v.to_string()))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Value, E> {
        self.spend(0)?;
        Ok(Value::Number(v.to_string()))
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Value, E> {
        self.spend(0)?;
        Ok(Value::Number(v.to_string()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        self.spend(0)?;
        Ok(Value::Number(float_text(v)))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        self.spend(v.len())?;
        Ok(Value::String(v.to_owned()))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        self.spend(0)?;
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(self)? {
            items.push(item);
        }
        Ok(Value::Seq(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        self.spend(0)?;
        let mut entries = Vec::new();
        while let Some(key) = map.next_key_seed(self)? {
            if matches!(&key, Value::String(k) if k == "<<") {
                // serde_yaml reads `<<` as an ordinary key: the merged
                // fields would be missed and a rewrite would spell `"<<"`.
                return Err(de::Error::custom(MERGE_MESSAGE));
            }
            let value = map.next_value_seed(self)?;
            entries.push((key, value));
        }
        Ok(Value::Map(entries))
    }

    /// serde_yaml presents a node with a local tag (`!name`) as an enum whose
    /// variant is the tag without its `!`; `Value::Tagged` keeps it so.
    /// (Standard tags such as `!!str` are applied by serde_yaml, not kept.)
    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Value, A::Error> {
        let (tag, content): (String, _) = data.variant()?;
        self.spend(tag.len())?;
        let inner = content.newtype_variant_seed(self)?;
        Ok(Value::Tagged(tag, Box::new(inner)))
    }
}

/// Second pass: walks the document alongside the first pass's tree and
/// replaces each number by its text as written.
pub(super) struct RawNumbers<'g> {
    pub(super) guide: &'g mut Value,
    /// At the top level, `version` is left alone: chorus reads it as a u32.
    pub(super) root: bool,
}

impl<'de> DeserializeSeed<'de> for RawNumbers<'_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        if matches!(self.guide, Value::Number(_)) {
            let text = d.deserialize_str(TextVisitor)?;
            *self.guide = Value::Number(text);
            Ok(())
        } else if contains_number(self.guide) {
            d.deserialize_any(self)
        } else {
            d.deserialize_ignored_any(IgnoredAny).map(|_| ())
        }
    }
}

impl<'de> Visitor<'de> for RawNumbers<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("the same document as the first pass")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        if let Value::Seq(items) = self.guide {
            for item in items {
                let seed = RawNumbers {
                    guide: item,
                    root: false,
                };
                seq.next_element_seed(seed)?;
            }
        }
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        if let Value::Map(entries) = self.guide {
            for (key, value) in entries {
                let is_version = self.root && matches!(key, Value::String(s) if s == "version");
                map.next_key_seed(RawNumbers {
                    guide: key,
                    root: false,
                })?;
                if is_version {
                    map.next_value::<IgnoredAny>()?;
                } else {
                    map.next_value_seed(RawNumbers {
                        guide: value,
                        root: false,
                    })?;
                }
            }
        }
        Ok(())
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<(), A::Error> {
        let (_, content): (IgnoredAny, _) = data.variant()?;
        match self.guide {
            Value::Tagged(_, inner) => content.newtype_variant_seed(RawNumbers {
                guide: inner,
                root: false,
            }),
            _ => content.newtype_variant::<IgnoredAny>().map(|_| ()),
        }
    }
}

/// A scalar's text exactly as written (for plain scalars, before typing).
struct TextVisitor;

impl Visitor<'_> for TextVisitor {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a scalar")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
        Ok(v.to_owned())
    }
}
