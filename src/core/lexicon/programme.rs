//! The lexicon's words and limits for the programme signals: which channels
//! are face to face, which checklist rules mark a message that talks *at*
//! people, which kinds give credit, and the shares above which the set as a
//! whole is flagged. Data, so a company can name its own huddles.

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ProgrammeConfig {
    /// Channels where people meet ("town hall", "huddle"); any other named
    /// channel is digital. A channel matches when it holds one of these as
    /// whole words, ignoring case, or its plural in -s ("briefings"); one
    /// that also names a digital form ("briefings and intranet") still
    /// matches, since it has a face-to-face moment.
    pub face_to_face: Vec<String>,
    /// Checklist rules whose finding marks a message as talking at people.
    pub talking_at: Vec<String>,
    /// Kinds of message that give credit to people.
    pub credit_kinds: Vec<String>,
    /// Weeks without a message before a segment is flagged (a set may say otherwise).
    pub quiet_weeks: u32,
    /// Percent of talking-at messages above which the set is flagged (a set may say otherwise).
    pub talking_at_share: u8,
    /// Percent of the messages one messenger may send before the set is flagged.
    pub messenger_share: u8,
    /// Percent of credit one segment may get before the set is flagged.
    pub credit_share: u8,
    /// Fewest messages before a share is worth flagging.
    pub min_messages: usize,
}

impl ProgrammeConfig {
    /// Whether `channel` is one where people meet face to face.
    pub fn is_face_to_face(&self, channel: &str) -> bool {
        let channel = channel.to_lowercase();
        // A hyphen joins words into another thing: a "huddles-digest email"
        // is an email, a "post-briefing survey" a survey.
        let joins = |c: char| c.is_alphanumeric() || c == '-';
        self.face_to_face.iter().any(|entry| {
            let entry = entry.to_lowercase();
            channel.match_indices(&entry).any(|(at, _)| {
                let before = channel[..at].chars().next_back();
                let rest = &channel[at + entry.len()..];
                let rest = rest.strip_prefix('s').unwrap_or(rest);
                !before.is_some_and(joins) && !rest.chars().next().is_some_and(joins)
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_channel_is_face_to_face_by_whole_words_only() {
        let cfg = ProgrammeConfig {
            face_to_face: vec!["town hall".into(), "1:1".into(), "huddle".into()],
            talking_at: vec![],
            credit_kinds: vec![],
            quiet_weeks: 6,
            talking_at_share: 30,
            messenger_share: 60,
            credit_share: 60,
            min_messages: 3,
        };
        assert!(cfg.is_face_to_face("Town Hall (Leeds)"));
        assert!(cfg.is_face_to_face("monthly 1:1"));
        assert!(cfg.is_face_to_face("crew huddle"));
        assert!(!cfg.is_face_to_face("huddles-digest email"));
        assert!(!cfg.is_face_to_face("email"));
    }
}
