//! Knowing when a text is not English. chorus's rules read English; a
//! message in Spanish scored by them would get English verdicts that mean
//! nothing. The most common function words of a few European languages
//! tell them apart once a text has enough words; a handful of words never
//! decides (a Spanish name or a French dish in an English sentence is still
//! English).
//!
//! The word lists are the everyday articles, prepositions, pronouns and
//! helping verbs of each language, written out for chorus (no outside
//! list is copied).

/// Fewer words than this and no language is guessed.
const MIN_WORDS: usize = 8;
/// Function words of the other language needed, at the least.
const MIN_HITS: usize = 4;

const ENGLISH: &[&str] = &[
    "the", "and", "of", "to", "is", "are", "we", "you", "our", "will", "with", "for", "that", "this", "it", "be", "on",
    "at", "by", "from", "have", "has", "not", "can", "your", "they", "their", "all", "each", "was", "an", "or", "us",
    "if", "so", "who", "what", "when", "more", "new",
];

/// (name, its function words). Single letters are left out: "a", "e" and
/// "o" are words in English text too, and so are most words that are also
/// common English ("no", "on", "was", "come", "we", "hat").
const OTHERS: &[(&str, &[&str])] = &[
    (
        "Spanish",
        &[
            "el", "la", "los", "las", "del", "y", "que", "en", "un", "una", "es", "por", "para", "con", "se", "su",
            "sus", "al", "lo", "como", "más", "pero", "este", "esta", "nuestro", "nuestra", "nuestros", "todos",
            "cada", "será", "vamos", "hemos", "está", "están", "muy", "también", "nos", "le", "de", "les", "mi", "tu",
            "ya", "hay", "desde", "hasta", "sobre", "entre", "cuando", "han", "ha", "fue", "todo", "toda", "todas",
            "gracias", "puedan", "pueden",
        ],
    ),
    (
        "French",
        &[
            "le", "la", "les", "des", "du", "et", "est", "que", "qui", "un", "une", "pour", "dans", "pas", "nous",
            "vous", "sur", "avec", "ce", "cette", "notre", "nos", "votre", "sont", "sera", "au", "aux", "chaque", "ne",
            "très", "aussi", "leur", "leurs", "de", "à", "en", "il", "elle", "ils", "mais", "ou", "tout", "toute",
            "tous", "toutes", "merci", "être", "avoir", "été", "sommes", "êtes", "ont", "fait", "je", "cet", "ces",
        ],
    ),
    (
        "German",
        &[
            "der", "die", "das", "und", "ist", "nicht", "ein", "eine", "zu", "mit", "für", "auf", "wir", "sie", "ihr",
            "unsere", "unser", "dem", "des", "im", "sind", "wird", "werden", "auch", "von", "bei", "jede", "jeder",
            "ich", "es", "noch", "nach", "alle", "ihre", "ihren", "damit", "dass", "können", "kann", "haben", "aus",
            "über", "diese", "dieser", "dieses", "zum", "zur", "vom", "oder", "wenn", "nur", "ab", "bis", "sich",
            "uns", "euch", "wie", "mehr", "danke",
        ],
    ),
    (
        "Italian",
        &[
            "il", "lo", "la", "gli", "le", "di", "che", "è", "un", "una", "per", "con", "non", "sono", "del", "della",
            "nostro", "nostra", "ogni", "saremo", "siamo", "alla", "nel", "anche", "questo", "questa", "ci", "si",
            "dei", "delle", "al", "nella", "tutti", "tutte", "più", "sul", "dal", "grazie", "abbiamo", "essere", "ha",
            "hanno", "sarà",
        ],
    ),
    (
        "Portuguese",
        &[
            "os", "as", "do", "da", "dos", "das", "que", "em", "um", "uma", "para", "com", "não", "é", "nosso",
            "nossa", "cada", "será", "somos", "pelo", "pela", "também", "muito", "nos", "seu", "sua", "de", "na", "ao",
            "mais", "por", "todos", "todas", "são", "está", "obrigado", "obrigada", "temos", "vamos",
        ],
    ),
    (
        "Dutch",
        &[
            "het", "een", "en", "van", "niet", "op", "met", "voor", "wij", "zijn", "ons", "onze", "elke", "wordt",
            "naar", "bij", "ook", "dat", "die", "deze", "worden", "heeft", "hebben", "jullie", "de", "te", "om", "aan",
            "uit", "als", "maar", "dit", "zal", "kunnen", "alle", "bedankt",
        ],
    ),
];

/// How many words are read: a language shows in its first sentences, and a
/// bound keeps the look cheap on every message of a large set.
const SAMPLE: usize = 30;

/// Each function word with the languages it belongs to (bit 0 English,
/// bit i the i-th of `OTHERS`), built once.
/// Hashed with FNV, not SipHash: the keys are short words of a fixed list,
/// looked up for the opening words of every message.
type Table = std::collections::HashMap<&'static str, u8, super::phrases::FastHash>;

fn table() -> &'static Table {
    static TABLE: std::sync::OnceLock<Table> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = Table::default();
        for w in ENGLISH {
            *t.entry(*w).or_insert(0) |= 1;
        }
        for (i, (_, list)) in OTHERS.iter().enumerate() {
            for w in *list {
                *t.entry(*w).or_insert(0) |= 1 << (i + 1);
            }
        }
        t
    })
}

/// How many of " the ", " and ", " to ", " of ", " we ", " you ", " is ",
/// " our " occur in `head` (counted up to two), found in one pass over its
/// spaces rather than one substring search each: such a marker is a space,
/// the word, and the next space.
fn english_markers(head: &str) -> usize {
    let b = head.as_bytes();
    let mut seen = 0u8;
    let mut at = 0;
    while let Some(p) = b[at..].iter().position(|&c| c == b' ') {
        let start = at + p + 1;
        let Some(len) = b[start..].iter().position(|&c| c == b' ') else {
            break;
        };
        let bit = match &b[start..start + len] {
            b"the" => 1,
            b"and" => 2,
            b"to" => 4,
            b"of" => 8,
            b"we" => 16,
            b"you" => 32,
            b"is" => 64,
            b"our" => 128,
            _ => 0,
        };
        seen |= bit;
        if seen.count_ones() >= 2 {
            return 2;
        }
        at = start;
    }
    seen.count_ones() as usize
}

/// The language `text` is written in, when it is confidently not English.
pub fn foreign(text: &str) -> Option<&'static str> {
    // Most messages are plainly English: two of its commonest words in the
    // opening lines settle it without reading word by word.
    let mut cut = text.len().min(400);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &text[..cut];
    if english_markers(head) >= 2 {
        return None;
    }
    let table = table();
    let mut counts = [0usize; 1 + OTHERS.len()];
    let mut words = 0;
    let mut lower = String::new();
    for w in text
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .take(SAMPLE)
    {
        words += 1;
        // Function words are short (the longest listed has 8 letters, some
        // of two bytes): a longer word is not looked up at all.
        if w.len() > 12 {
            continue;
        }
        lower.clear();
        if w.is_ascii() {
            lower.extend(w.chars().map(|c| c.to_ascii_lowercase()));
        } else {
            lower.extend(w.chars().flat_map(char::to_lowercase));
        }
        if let Some(bits) = table.get(lower.as_str()) {
            for (i, n) in counts.iter_mut().enumerate() {
                *n += usize::from(bits & (1 << i) != 0);
            }
        }
    }
    if words < MIN_WORDS {
        return None;
    }
    let english = counts[0];
    let (name, hits) = OTHERS
        .iter()
        .zip(&counts[1..])
        .map(|((name, _), n)| (*name, *n))
        .max_by_key(|(_, n)| *n)?;
    // Clearly more of the other language's function words than English
    // ones, and enough of them to be more than a borrowed phrase.
    (hits >= MIN_HITS && hits >= 2 * english.max(1)).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_are_counted_as_the_substring_search_counts_them() {
        let markers = [" the ", " and ", " to ", " of ", " we ", " you ", " is ", " our "];
        for head in [
            "We go to the shop",
            "and the",
            " the  and ",
            " the the the ",
            "x of  y is z",
            "ours is theirs",
            " you",
            "",
            " to of ",
            "the and to",
            "  we  our ",
        ] {
            let found = markers.iter().filter(|m| head.contains(*m)).take(2).count();
            assert_eq!(english_markers(head), found, "{head:?}");
        }
    }

    #[test]
    fn other_languages_are_recognised() {
        assert_eq!(
            foreign("A partir de marzo, cada tienda abrirá una hora antes para que los clientes tengan el pan recién hecho."),
            Some("Spanish")
        );
        assert_eq!(
            foreign("Dès lundi, nous ouvrons le dépôt une heure plus tôt pour que les bus soient prêts à temps."),
            Some("French")
        );
        assert_eq!(
            foreign("Ab Montag öffnen wir das Lager eine Stunde früher, damit die Busse rechtzeitig bereit sind."),
            Some("German")
        );
    }

    #[test]
    fn everyday_notes_are_recognised_by_their_commonest_words() {
        assert_eq!(
            foreign("Merci à toute l'équipe de Lyon pour le travail de cette semaine."),
            Some("French")
        );
        assert_eq!(
            foreign(
                "Ab nächster Woche öffnen alle Filialen samstags, damit Mitglieder ihre Geschäfte erledigen können."
            ),
            Some("German")
        );
        assert_eq!(
            foreign("Gracias a todas las personas de recepción: desde hoy hay café gratis hasta las diez."),
            Some("Spanish")
        );
        assert_eq!(
            foreign("Grazie a tutti: da lunedì il magazzino sarà aperto più presto per i clienti."),
            Some("Italian")
        );
    }

    #[test]
    fn english_is_english_even_with_borrowed_words() {
        assert_eq!(
            foreign("By June every store will bake its own pan de muerto for the festival, and each team will help."),
            None
        );
        assert_eq!(
            foreign("From Monday the van keys live in the key safe by the yard door, so the first crew out no longer waits."),
            None
        );
    }

    #[test]
    fn a_handful_of_words_decides_nothing() {
        assert_eq!(foreign("Hola, equipo: ¡gracias!"), None);
        assert_eq!(foreign("Merci à tous !"), None);
        // Survey answers of a few words, as in tests/fixtures/pulse/short-foreign.csv.
        assert_eq!(foreign("Muy rápido, gracias."), None);
        assert_eq!(foreign("Schnell und gut."), None);
        assert_eq!(
            foreign(
                "Nous sommes fast et nous réparons les stands de la ville très vite, avec les meilleurs de la région."
            ),
            Some("French")
        );
    }
}
