//! The starting set `chorus new FILE` writes: every field once, with a
//! comment saying what it is for. Its first line names the set's JSON
//! Schema, which `chorus new` writes beside it, so editors with a YAML
//! language server complete and check the fields.

/// The JSON Schema of a message set, and of a project's `.chorus.yaml`
/// (the files in `schemas/`, built in so an installed chorus has them).
pub const SET_SCHEMA: &str = include_str!("../../../schemas/message-set.schema.json");
pub const CONFIG_SCHEMA: &str = include_str!("../../../schemas/config.schema.json");

/// The name the template's first line gives the set's schema, beside it.
pub const SET_SCHEMA_FILE: &str = "chorus-set.schema.json";

/// A commented message set (schema v1) to start from. It parses as it is.
pub const TEMPLATE: &str = r#"# yaml-language-server: $schema=chorus-set.schema.json
# A chorus message set: the story the company tells the world, and the
# messages it tells its own people. Open it with `chorus FILE`; score it with
# `chorus check FILE`. These comments are for you: chorus keeps them when it
# saves, unless the story, pillars or segments change (the file is then
# written afresh).

# The version of this file's format. Leave it at 1.
version: 1

# The brand these messages speak for.
brand: Your Brand

# The external story, as customers hear it.
external:
  # One or two sentences.
  story: >-
    Your Brand is the fastest and most trusted way for small shops to get
    their orders delivered.
  # The claims the story rests on. Each internal message should support at
  # least one of them.
  pillars:
    - id: speed                     # a short name, unique in this file
      claim: The fastest deliveries in our market
      # Words that show a message supports this pillar (inflections count).
      keywords: [fast, quick, speed, same-day, hours]
      # Optional: statements with quantities. A message that gives another
      # figure in the same unit is flagged.
      facts: ["Orders are delivered within 24 hours"]
      # Optional: words that assert the opposite of the claim.
      opposites: [slow, delay, late]
    - id: trust
      claim: Couriers our customers can rely on
      keywords: [reliable, trusted, trained, certified, careful]
  # Optional: terms the brand never uses (inflections count too).
  avoid: [cheap, discount]

# The departments, regions or levels of the company. A message's audience
# names some of them.
segments: [couriers, sales, support, finance, IT]

# The internal messages. Each is scored on four points (specific, inclusive,
# aspirational, realistic) and checked against the story.
internal:
  - id: all-hands-speed             # a short name, unique in this file
    title: Speed is everyone's job  # optional
    audience: all                   # `all`, or a list of segments: [sales, support]
    channel: town hall              # optional: where the message is given
    messenger: COO                  # optional: who gives it
    status: draft                   # optional: draft, review or approved
    text: >-
      By the end of the year, every order we take should be delivered within
      24 hours, and each team, from finance to support, will remove one step
      that slows it down.
    # Criteria the team accepts failing, each with its reason, e.g.
    # waive: [{criterion: inclusive, reason: "written for sales only"}]
    waive: []
  - id: sales-couriers
    audience: [sales]
    channel: sales meeting
    text: >-
      This quarter, when you close an order, tell the customer which trained
      courier will bring it and that it will arrive within 24 hours.
  # A practical note is not meant to carry the story: say what it is for.
  # Kinds: story (the default), update, recognition, question. An update is
  # not asked to be aspirational or to name a pillar, but it must still not
  # contradict the story, misstate its figures or use an avoided term.
  - id: depot-keys
    kind: update
    audience: [couriers]
    channel: depot noticeboard
    text: >-
      From Monday the van keys live in the key safe by the yard door, so the
      first courier out no longer waits for the office to open.
"#;
