//! How ls writes a name: GNU's quoting styles (`--quoting-style`, `-b`, `-N`, `-Q`), with
//! GNU's rules for when a shell style needs quotes and how it escapes what cannot be
//! printed, byte for byte as GNU's quotearg does them.

use wasmix_common::names;

#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Style {
    Literal,
    Shell,
    ShellAlways,
    ShellEscape,
    ShellEscapeAlways,
    C,
    /// C's quotes only where something is escaped.
    CMaybe,
    Escape,
    /// The locale's quotation marks: in the C locale `'`, with C's escapes.
    Locale,
}

/// GNU's names for them, in GNU's order (`clocale` is C's style in the C locale).
pub const STYLE_NAMES: [&str; 10] = [
    "literal",
    "shell",
    "shell-always",
    "shell-escape",
    "shell-escape-always",
    "c",
    "c-maybe",
    "escape",
    "locale",
    "clocale",
];

impl Style {
    pub fn named(name: &str) -> Option<Style> {
        let styles = [
            Style::Literal,
            Style::Shell,
            Style::ShellAlways,
            Style::ShellEscape,
            Style::ShellEscapeAlways,
            Style::C,
            Style::CMaybe,
            Style::Escape,
            Style::Locale,
            Style::C,
        ];
        STYLE_NAMES
            .iter()
            .position(|n| *n == name)
            .map(|i| styles[i])
    }

    /// Styles that quote only a name that needs it: GNU's ls then indents the names
    /// without quotes by one column, so that they line up with the quoted ones.
    pub fn quotes_when_needed(self) -> bool {
        matches!(self, Style::Shell | Style::ShellEscape | Style::CMaybe)
    }

    fn is_shell(self) -> bool {
        matches!(
            self,
            Style::Shell | Style::ShellAlways | Style::ShellEscape | Style::ShellEscapeAlways
        )
    }

    /// The style a name that needs quotes is written in instead.
    fn with_quotes(self) -> Style {
        match self {
            Style::ShellEscape => Style::ShellEscapeAlways,
            Style::CMaybe => Style::C,
            _ => Style::ShellAlways,
        }
    }
}

pub struct Quoting {
    pub style: Style,
    /// Characters escaped (or, in a shell style, quoted) besides the style's own: the
    /// indicators `-F` appends, and a space in the escape style.
    pub also: Vec<u8>,
    /// `-q`: what cannot be printed is shown as `?`.
    pub hide_control: bool,
    /// In a UTF-8 locale a printable multibyte character is written as it is; in the C
    /// locale every byte above 127 is unprintable.
    pub utf8: bool,
}

/// What a shell style met that makes it start again with quotes around the whole name.
struct NeedsQuotes;

/// Where the quoting of one pass stands.
struct Pass {
    out: Vec<u8>,
    /// In `$'...'` of a shell escape style, not yet closed.
    pending_escape_end: bool,
    /// The character being stored was escaped (it stays inside `$'...'`).
    escaping: bool,
}

impl Pass {
    /// Begins an escape: a backslash, inside `$'` for a shell style.
    fn start_escape(&mut self, shell: bool, elide: bool) -> Result<(), NeedsQuotes> {
        if elide {
            return Err(NeedsQuotes);
        }
        self.escaping = true;
        if shell && !self.pending_escape_end {
            self.out.extend_from_slice(b"'$'");
            self.pending_escape_end = true;
        }
        self.out.push(b'\\');
        Ok(())
    }

    fn store(&mut self, byte: u8) {
        if self.pending_escape_end && !self.escaping {
            self.out.extend_from_slice(b"''");
            self.pending_escape_end = false;
        }
        self.out.push(byte);
    }
}

impl Quoting {
    /// The name as ls shows it, and the columns it takes.
    pub fn quote(&self, name: &str) -> (Vec<u8>, usize) {
        let bytes = names::to_bytes(name);
        // The literal style writes a name as it is: no pass over it.
        if self.style == Style::Literal && !self.hide_control {
            let width = self.width(&bytes);
            return (bytes.into_owned(), width);
        }
        let quoted = match self.pass(&bytes, self.style, &self.also) {
            Ok(quoted) => quoted,
            Err(NeedsQuotes) => self
                .pass(&bytes, self.style.with_quotes(), &[])
                .unwrap_or_else(|_| bytes.to_vec()),
        };
        let quoted = if self.hide_control {
            self.hidden(&quoted)
        } else {
            quoted
        };
        let width = self.width(&quoted);
        (quoted, width)
    }

    /// The columns a written name takes, as GNU's ls counts them: in the C locale its
    /// printable bytes; in UTF-8 each character's width, an undecodable byte one column,
    /// a control character none.
    fn width(&self, shown: &[u8]) -> usize {
        if !self.utf8 {
            return shown.iter().filter(|b| (0x20..0x7f).contains(*b)).count();
        }
        shown
            .utf8_chunks()
            .map(|chunk| {
                let text: usize = chunk
                    .valid()
                    .chars()
                    .map(|c| unicode_width::UnicodeWidthChar::width(c).unwrap_or(0))
                    .sum();
                text + chunk.invalid().len()
            })
            .sum()
    }

    /// The length of the character at the start of `bytes`, and whether it is printable.
    fn character(&self, bytes: &[u8]) -> (usize, bool) {
        let first = bytes[0];
        if first.is_ascii() {
            return (1, (0x20..0x7f).contains(&first));
        }
        if !self.utf8 {
            return (1, false);
        }
        let length = match first {
            0xc2..=0xdf => 2,
            0xe0..=0xef => 3,
            0xf0..=0xf4 => 4,
            _ => return (1, false),
        };
        match bytes.get(..length).map(std::str::from_utf8) {
            Some(Ok(text)) => {
                let c = text.chars().next().unwrap_or('\u{fffd}');
                (length, !c.is_control() && !is_format(c))
            }
            _ => (1, false),
        }
    }

    /// `-q`: each unprintable character becomes one `?`.
    fn hidden(&self, quoted: &[u8]) -> Vec<u8> {
        let mut shown = Vec::with_capacity(quoted.len());
        let mut at = 0;
        while at < quoted.len() {
            let (length, printable) = self.character(&quoted[at..]);
            if printable {
                shown.extend_from_slice(&quoted[at..at + length]);
            } else {
                shown.push(b'?');
            }
            at += length;
        }
        shown
    }

    /// One pass of GNU's quotearg over the name's bytes in `style`.
    fn pass(&self, name: &[u8], style: Style, also: &[u8]) -> Result<Vec<u8>, NeedsQuotes> {
        let elide = style.quotes_when_needed();
        let shell = style.is_shell();
        let backslash = !matches!(style, Style::Literal | Style::Shell | Style::ShellAlways);
        let quote = match style {
            Style::C | Style::CMaybe => Some(b'"'),
            Style::Locale => Some(b'\''),
            _ if shell => Some(b'\''),
            _ => None,
        };
        let mut pass = Pass {
            out: Vec::with_capacity(name.len() + 2),
            pending_escape_end: false,
            escaping: false,
        };
        if let (Some(quote), false) = (quote, elide) {
            pass.out.push(quote);
        }
        let mut single_quote_met = false;
        let mut all_double_quotable = true;
        let mut at = 0;
        while at < name.len() {
            let mut c = name[at];
            pass.escaping = false;
            let mut double_quotable = false;
            let is_right_quote = backslash && !shell && quote == Some(c);
            let mut escape = is_right_quote;
            match c {
                b'?' if shell && elide => return Err(NeedsQuotes),
                b'\x07' | b'\x08' | b'\x0c' | b'\x0b' | b'\n' | b'\r' | b'\t' => {
                    if shell && elide && matches!(c, b'\n' | b'\r' | b'\t') {
                        return Err(NeedsQuotes);
                    }
                    if backslash {
                        c = b"abfvnrt"[b"\x07\x08\x0c\x0b\n\r\t"
                            .iter()
                            .position(|&e| e == c)
                            .unwrap_or(0)];
                        escape = true;
                    }
                }
                b'\\' => {
                    if shell && elide {
                        return Err(NeedsQuotes);
                    }
                    // Never escaped in a shell style, nor where quotes may be left out.
                    escape = backslash && !shell && !(elide && quote.is_some());
                }
                b'{' | b'}' | b'#' | b'~' | b' ' => {
                    let special = match c {
                        b'{' | b'}' => name.len() == 1,
                        b'#' | b'~' => at == 0,
                        _ => true,
                    };
                    if special {
                        double_quotable = true;
                        if shell && elide {
                            return Err(NeedsQuotes);
                        }
                    }
                }
                b'!' | b'"' | b'$' | b'&' | b'(' | b')' | b'*' | b';' | b'<' | b'=' | b'>'
                | b'[' | b'^' | b'`' | b'|' => {
                    if shell && elide {
                        return Err(NeedsQuotes);
                    }
                }
                b'\'' => {
                    single_quote_met = true;
                    double_quotable = true;
                    if shell {
                        if elide {
                            return Err(NeedsQuotes);
                        }
                        pass.out.extend_from_slice(b"'\\'");
                        pass.pending_escape_end = false;
                    }
                }
                b'%'
                | b'+'
                | b','
                | b'-'
                | b'.'
                | b'/'
                | b'0'..=b'9'
                | b':'
                | b'A'..=b'Z'
                | b']'
                | b'_'
                | b'a'..=b'z' => double_quotable = true,
                _ => {
                    let (length, printable) = self.character(&name[at..]);
                    double_quotable = printable;
                    if length > 1 || (backslash && !printable) {
                        // Each byte of it, escaped in octal if it cannot be printed.
                        for &byte in &name[at..at + length] {
                            if backslash && !printable {
                                pass.start_escape(shell, elide)?;
                                pass.out.push(b'0' + (byte >> 6));
                                pass.out.push(b'0' + ((byte >> 3) & 7));
                                pass.store(b'0' + (byte & 7));
                            } else {
                                pass.store(byte);
                            }
                        }
                        if !double_quotable {
                            all_double_quotable = false;
                        }
                        at += length;
                        continue;
                    }
                }
            }
            let also_quoted = ((backslash && !shell) || elide) && also.contains(&name[at]);
            if escape || also_quoted {
                pass.start_escape(shell, elide)?;
            }
            pass.store(c);
            if !double_quotable {
                all_double_quotable = false;
            }
            at += 1;
        }
        if pass.out.is_empty() && shell && elide {
            return Err(NeedsQuotes);
        }
        // An apostrophe is common in names: GNU writes such a name in double quotes
        // where nothing in it is special there.
        if shell && !elide && single_quote_met && all_double_quotable {
            return self.pass(name, Style::C, also);
        }
        if let (Some(quote), false) = (quote, elide) {
            pass.out.push(quote);
        }
        Ok(pass.out)
    }
}

/// Unicode's format characters (Cf), which `iswprint` does not count as printable either.
fn is_format(c: char) -> bool {
    matches!(c, '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{feff}')
}
