//! `chorus check --format github`: one workflow command per alert
//! (`::error file=…,line=…,col=…::…`), which a GitHub Actions run shows as
//! an annotation on the words in the pull request's diff.

use std::io::{self, Write};

use super::alerts::{Alert, Level};

/// Write one line per alert.
pub fn write(alerts: &[Alert], out: &mut dyn Write) -> io::Result<()> {
    for a in alerts {
        let command = match a.level {
            Level::Error => "error",
            Level::Note => "notice",
        };
        let mut props = vec![format!("file={}", property(&a.path.to_string_lossy()))];
        if let Some(p) = a.place {
            props.push(format!("line={}", p.line));
            props.push(format!("col={}", p.column));
            if let Some((line, column)) = p.end {
                props.push(format!("endLine={line}"));
                if line == p.line {
                    props.push(format!("endColumn={column}"));
                }
            }
        }
        props.push(format!("title={}", property(&format!("chorus {}", a.rule))));
        writeln!(out, "::{command} {}::{}", props.join(","), data(&a.message))?;
    }
    Ok(())
}

/// A workflow command's message: `%`, CR and LF are escaped, so a message
/// cannot end the command or start another one.
fn data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// A property value: as `data`, and `:` and `,` too, which end a value.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_in_a_message_can_start_another_command() {
        assert_eq!(data("50% off\n::error::x"), "50%25 off%0A::error::x");
        assert_eq!(property("a,b:c%"), "a%2Cb%3Ac%25");
    }
}
