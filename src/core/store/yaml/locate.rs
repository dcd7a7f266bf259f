//! Where a node named by a `FieldPath` starts in the text, so problems found
//! in the model can be shown at their line and column.

use std::cell::Cell;
use std::fmt;

use serde::de::{self, DeserializeSeed, EnumAccess, IgnoredAny, MapAccess, SeqAccess, VariantAccess, Visitor};

use super::value::ValueSeed;
use crate::core::model::Value;
use crate::core::store::path::Step;

/// The 1-based line and column where the node at `path` starts. When the path
/// leads nowhere (a missing key), the deepest node found on the way is given;
/// `None` only if the document cannot be read at all.
pub fn locate(source: &str, path: &[Step]) -> Option<(usize, usize)> {
    let doc = serde_yaml::Deserializer::from_str(source).next()?;
    match (Seek { path }).deserialize(doc) {
        Ok(()) => None,
        Err(e) => e.location().map(|l| (l.line(), l.column())),
    }
}

/// Message of the error raised at the node being located; only its position
/// matters, the text is never shown.
const FOUND: &str = "chorus: located";

/// Walks down `path` and raises an error at the node it names, so serde_yaml
/// attaches that node's position to the error. Where a step cannot be taken,
/// the error is raised at the node reached so far (the parent's position).
struct Seek<'p> {
    path: &'p [Step],
}

impl<'de> DeserializeSeed<'de> for Seek<'_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl Seek<'_> {
    fn stop<E: de::Error>(&self) -> Result<(), E> {
        Err(E::custom(FOUND))
    }
}

impl<'de> Visitor<'de> for Seek<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("the node to locate")
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.stop()
    }
    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        self.stop()
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        self.stop()
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        self.stop()
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        self.stop()
    }
    fn visit_i128<E: de::Error>(self, _: i128) -> Result<(), E> {
        self.stop()
    }
    fn visit_u128<E: de::Error>(self, _: u128) -> Result<(), E> {
        self.stop()
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        self.stop()
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        self.stop()
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let Some((Step::Index(target), rest)) = self.path.split_first() else {
            return self.stop();
        };
        for _ in 0..*target {
            if seq.next_element::<IgnoredAny>()?.is_none() {
                return self.stop();
            }
        }
        seq.next_element_seed(Seek { path: rest })?;
        self.stop()
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let Some((step, rest)) = self.path.split_first() else {
            return self.stop();
        };
        let mut index = 0;
        loop {
            match step {
                Step::KeyAt(target) if index == *target => {
                    map.next_key_seed(Seek { path: &[] })?;
                    return self.stop();
                }
                Step::Key(name) => {
                    let budget = Cell::new(usize::MAX);
                    match map.next_key_seed(ValueSeed { budget: &budget })? {
                        None => return self.stop(),
                        Some(Value::String(k)) if &k == name => {
                            map.next_value_seed(Seek { path: rest })?;
                            return self.stop();
                        }
                        Some(_) => {}
                    }
                }
                _ => {
                    if map.next_key::<IgnoredAny>()?.is_none() {
                        return self.stop();
                    }
                }
            }
            map.next_value::<IgnoredAny>()?;
            index += 1;
        }
    }

    /// A tagged node: the path continues inside it.
    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<(), A::Error> {
        let (_, content): (IgnoredAny, _) = data.variant()?;
        content.newtype_variant_seed(Seek { path: self.path })
    }
}
#[cfg(test)]
mod tests {
    use super::*;

    fn key(k: &str) -> Step {
        Step::Key(k.into())
    }

    #[test]
    fn locates_block_and_flow_nodes() {
        let src = "\
top: 1
internal:
  - id: a
    audience: [sales, HR]
  - id: b
    audience:
      - sales
      - HR
";
        let p = |steps: Vec<Step>| locate(src, &steps);
        assert_eq!(p(vec![key("top")]), Some((1, 6)));
        assert_eq!(p(vec![key("internal"), Step::Index(1)]), Some((5, 5)));
        assert_eq!(
            p(vec![key("internal"), Step::Index(0), key("audience"), Step::Index(1)]),
            Some((4, 23))
        );
        assert_eq!(
            p(vec![key("internal"), Step::Index(1), key("audience"), Step::Index(1)]),
            Some((8, 9))
        );
        assert_eq!(p(vec![key("internal"), Step::Index(0), Step::KeyAt(1)]), Some((4, 5)));
        // A missing key falls back to the mapping that lacks it.
        assert_eq!(p(vec![key("internal"), Step::Index(1), key("text")]), Some((5, 5)));
        // A missing index falls back to the sequence.
        assert_eq!(p(vec![key("internal"), Step::Index(7)]), Some((3, 3)));
    }

    #[test]
    fn locates_through_aliases_and_tags() {
        let src = "a: &x {b: [1, 2]}\nc: *x\nd: !t {e: 5}\n";
        assert_eq!(locate(src, &[key("c"), key("b"), Step::Index(1)]), Some((1, 15)));
        assert_eq!(locate(src, &[key("d"), key("e")]), Some((3, 11)));
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let src = "é: ü\nx: [ä, ö]\n";
        assert_eq!(locate(src, &[key("x"), Step::Index(1)]), Some((2, 8)));
    }
}
