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
/// "o" are words in English text too.
const OTHERS: &[(&str, &[&str])] = &[
    (
        "Spanish",
        &[
            "el", "la", "los", "las", "del", "y", "que", "en", "un", "una", "es", "por", "para", "con", "se", "su",
            "sus", "al", "lo", "como", "más", "pero", "este", "esta", "nuestro", "nuestra", "nuestros", "todos",
            "cada", "será", "vamos", "hemos", "está", "están", "muy", "también", "nos", "le",
        ],
    ),
    (
        "French",
        &[
            "le", "la", "les", "des", "du", "et", "est", "que", "qui", "un", "une", "pour", "dans", "pas", "nous",
            "vous", "sur", "avec", "ce", "cette", "notre", "nos", "votre", "sont", "sera", "au", "aux", "chaque", "ne",
            "très", "aussi", "leur", "leurs",
        ],
    ),
    (
        "German",
        &[
            "der", "die", "das", "und", "ist", "nicht", "ein", "eine", "zu", "mit", "für", "auf", "wir", "sie", "ihr",
            "unsere", "unser", "dem", "des", "im", "sind", "wird", "werden", "auch", "von", "bei", "jede", "jeder",
            "ich", "es", "auch", "noch", "nach",
        ],
    ),
    (
        "Italian",
        &[
            "il", "lo", "la", "gli", "le", "di", "che", "è", "un", "una", "per", "con", "non", "sono", "del", "della",
            "nostro", "nostra", "ogni", "saremo", "siamo", "alla", "nel", "anche", "questo", "questa", "ci", "si",
        ],
    ),
    (
        "Portuguese",
        &[
            "os", "as", "do", "da", "dos", "das", "que", "em", "um", "uma", "para", "com", "não", "é", "nosso",
            "nossa", "cada", "será", "somos", "pelo", "pela", "também", "muito", "nos", "seu", "sua",
        ],
    ),
    (
        "Dutch",
        &[
            "het", "een", "en", "van", "niet", "op", "met", "voor", "wij", "zijn", "ons", "onze", "elke", "wordt",
            "naar", "bij", "ook", "dat", "die", "deze", "worden", "heeft", "hebben", "jullie",
        ],
    ),
];

/// The language `text` is written in, when it is confidently not English.
pub fn foreign(text: &str) -> Option<&'static str> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.len() < MIN_WORDS {
        return None;
    }
    let count = |list: &[&str]| words.iter().filter(|w| list.contains(&w.as_str())).count();
    let english = count(ENGLISH);
    let (name, hits) = OTHERS
        .iter()
        .map(|(name, list)| (*name, count(list)))
        .max_by_key(|(_, n)| *n)?;
    // Clearly more of the other language's function words than English
    // ones, and enough of them to be more than a borrowed phrase.
    (hits >= MIN_HITS && hits >= 2 * english.max(1)).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

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
    }
}
