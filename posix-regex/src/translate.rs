//! POSIX basic and extended regular expressions as GNU reads them, written out in the
//! syntax of the regex crate (or of fancy-regex, which backtracks, for a pattern with
//! back-references). GNU has two readers with different quirks: grep's, which forgives
//! (a `*` at the start is dropped with a warning, `a{1` is literal), and glibc's, which
//! sed, expr, csplit and nl use and which refuses the same patterns.

use wasmix_printf_format::rawbytes;

#[derive(Clone, Copy, PartialEq)]
pub enum Dialect {
    Grep,
    Glibc,
}

#[derive(Clone, Copy)]
pub struct Syntax {
    pub extended: bool,
    pub dialect: Dialect,
    /// sed's `\n`, `\t`, `\dNNN`, `\oNNN`, `\xHH`, `\cX` (grep reads `\t` as `t`).
    pub control_escapes: bool,
    /// A backslash in a bracket escapes the character after it, as in the shell's
    /// `[[ =~ ]]`, whose quoted characters arrive escaped (POSIX reads it as a member).
    pub bracket_escapes: bool,
}

impl Syntax {
    /// glibc's regcomp with REG_EXTENDED, as bash's `=~` and procps' pgrep read patterns.
    pub const GLIBC_EXTENDED: Syntax = Syntax {
        extended: true,
        dialect: Dialect::Glibc,
        control_escapes: false,
        bracket_escapes: false,
    };
}

pub struct Translation {
    pub pattern: String,
    /// It needs the backtracking engine: it refers back to a group (`\(.\)\1`), or it is
    /// in Perl's syntax (grep -P).
    pub backtracking: bool,
    /// The pattern has `|`, where the regex crate's first-alternative-wins differs from
    /// POSIX's longest match.
    pub alternation: bool,
    /// How many groups it has.
    pub groups: usize,
    /// grep's warnings (`* at start of expression`), to print before searching.
    pub warnings: Vec<String>,
}

const UNMATCHED_BRACKET: &str = "Unmatched [, [^, [:, [., or [=";
const UNMATCHED_OPEN: &str = "Unmatched ( or \\(";
const UNMATCHED_CLOSE: &str = "Unmatched ) or \\)";
const UNMATCHED_BRACE: &str = "Unmatched \\{";
const BAD_INTERVAL: &str = "Invalid content of \\{\\}";
const BAD_PRECEDING: &str = "Invalid preceding regular expression";

const CLASSES: [&str; 12] = [
    "alpha", "upper", "lower", "digit", "xdigit", "space", "print", "punct", "graph", "cntrl",
    "blank", "alnum",
];

/// `pattern` in the regex crate's terms, or GNU's message for a pattern it refuses.
pub fn translate(pattern: &str, syntax: Syntax) -> Result<Translation, String> {
    translate_after_groups(pattern, syntax, 0)
}

/// As `translate`, for a pattern that will follow `groups_before` groups in a larger
/// regex (grep's `-e a -e b`): its back-references are renumbered to match.
pub fn translate_after_groups(
    pattern: &str,
    syntax: Syntax,
    groups_before: usize,
) -> Result<Translation, String> {
    Translator::new(pattern, syntax, groups_before).run()
}

/// Why braces make no interval: not shaped as one (grep then reads a literal brace), or
/// shaped as one that cannot be (`{2,1}`).
enum Interval {
    Malformed(&'static str),
    Refused(&'static str),
}

impl Interval {
    fn message(self) -> String {
        match self {
            Interval::Malformed(message) | Interval::Refused(message) => message.into(),
        }
    }
}

struct Translator {
    chars: Vec<char>,
    at: usize,
    syntax: Syntax,
    groups_before: usize,
    out: String,
    /// Where the last atom a repetition may follow starts in `out`.
    atom: Option<usize>,
    /// That atom has a repetition already (`a*`); another one wraps it in a group.
    repeated: bool,
    /// At the start of the pattern, of a group or of an alternative.
    at_branch_start: bool,
    /// For each open group: its number and where it starts in `out`.
    open: Vec<(usize, usize)>,
    groups: usize,
    closed: Vec<usize>,
    result: Translation,
}

impl Translator {
    fn new(pattern: &str, syntax: Syntax, groups_before: usize) -> Translator {
        Translator {
            chars: pattern.chars().collect(),
            at: 0,
            syntax,
            groups_before,
            out: String::with_capacity(pattern.len() + 8),
            atom: None,
            repeated: false,
            at_branch_start: true,
            open: Vec::new(),
            groups: 0,
            closed: Vec::new(),
            result: Translation {
                pattern: String::new(),
                backtracking: false,
                alternation: false,
                groups: 0,
                warnings: Vec::new(),
            },
        }
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn grep(&self) -> bool {
        self.syntax.dialect == Dialect::Grep
    }

    fn run(mut self) -> Result<Translation, String> {
        while let Some(c) = self.peek() {
            self.at += 1;
            if self.syntax.extended {
                self.extended(c)?;
            } else {
                self.basic(c)?;
            }
        }
        if !self.open.is_empty() {
            return Err(UNMATCHED_OPEN.into());
        }
        self.result.pattern = self.out;
        self.result.groups = self.groups;
        Ok(self.result)
    }

    fn extended(&mut self, c: char) -> Result<(), String> {
        match c {
            '(' => self.open_group(),
            ')' if self.open.is_empty() => match self.syntax.dialect {
                Dialect::Grep => self.literal(')'),
                Dialect::Glibc => return Err(UNMATCHED_CLOSE.into()),
            },
            ')' => self.close_group(),
            '|' => self.alternative(),
            '^' => self.anchor("^"),
            '$' => self.anchor("$"),
            '*' | '+' | '?' => self.repeat(&c.to_string(), c)?,
            '{' => self.extended_interval()?,
            '\\' => self.escape()?,
            _ => self.common(c)?,
        }
        Ok(())
    }

    fn basic(&mut self, c: char) -> Result<(), String> {
        match c {
            '^' if self.at_branch_start => self.anchor("^"),
            '$' if self.at == self.chars.len()
                || self.chars[self.at..].starts_with(&['\\', ')'])
                || self.chars[self.at..].starts_with(&['\\', '|']) =>
            {
                self.anchor("$")
            }
            '*' if self.atom.is_none() => self.literal('*'),
            '*' => self.repeat("*", '*')?,
            '\\' => match self.peek() {
                Some('(') => {
                    self.at += 1;
                    self.open_group();
                }
                Some(')') if self.open.is_empty() => return Err(UNMATCHED_CLOSE.into()),
                Some(')') => {
                    self.at += 1;
                    self.close_group();
                }
                Some('|') => {
                    self.at += 1;
                    self.alternative();
                }
                Some(op @ ('+' | '?')) => {
                    self.at += 1;
                    if self.atom.is_none() {
                        self.literal(op);
                    } else {
                        self.repeat(&op.to_string(), op)?;
                    }
                }
                Some('{') => {
                    self.at += 1;
                    if self.atom.is_none() {
                        match self.syntax.dialect {
                            Dialect::Grep => self.literal('{'),
                            Dialect::Glibc => return Err(BAD_PRECEDING.into()),
                        }
                    } else {
                        let interval = self.interval(true).map_err(Interval::message)?;
                        self.repeat(&interval, '{')?;
                    }
                }
                _ => self.escape()?,
            },
            _ => self.common(c)?,
        }
        Ok(())
    }

    /// What both syntaxes read alike.
    fn common(&mut self, c: char) -> Result<(), String> {
        match c {
            '.' => self.atom_text("."),
            '[' => self.bracket()?,
            _ => self.literal(c),
        }
        Ok(())
    }

    fn start_atom(&mut self) {
        self.atom = Some(self.out.len());
        self.repeated = false;
        self.at_branch_start = false;
    }

    fn atom_text(&mut self, text: &str) {
        self.start_atom();
        self.out.push_str(text);
    }

    fn literal(&mut self, c: char) {
        self.start_atom();
        push_escaped(&mut self.out, c);
    }

    fn anchor(&mut self, text: &str) {
        self.out.push_str(text);
        self.atom = None;
        // In a basic regex `^*` is a literal star, as at the start.
        self.at_branch_start = false;
    }

    fn open_group(&mut self) {
        self.groups += 1;
        self.open.push((self.groups, self.out.len()));
        self.out.push('(');
        self.atom = None;
        self.at_branch_start = true;
    }

    fn close_group(&mut self) {
        let (number, start) = self.open.pop().unwrap_or((0, 0));
        self.closed.push(number);
        self.out.push(')');
        self.atom = Some(start);
        self.repeated = false;
        self.at_branch_start = false;
    }

    fn alternative(&mut self) {
        self.out.push('|');
        self.result.alternation = true;
        self.atom = None;
        self.at_branch_start = true;
    }

    /// Applies a repetition (`*`, `+`, `?` or `{m,n}` as the crate writes it) to the last
    /// atom. `op` names it for grep's warning.
    fn repeat(&mut self, repetition: &str, op: char) -> Result<(), String> {
        let Some(start) = self.atom else {
            return match self.syntax.dialect {
                Dialect::Grep => {
                    let name = if op == '{' {
                        "{...}".to_string()
                    } else {
                        op.to_string()
                    };
                    let warning = format!("{name} at start of expression");
                    if !self.result.warnings.contains(&warning) {
                        self.result.warnings.push(warning);
                    }
                    Ok(())
                }
                Dialect::Glibc => Err(BAD_PRECEDING.into()),
            };
        };
        if self.repeated {
            if !self.syntax.extended && self.syntax.dialect == Dialect::Glibc {
                return Err(BAD_PRECEDING.into());
            }
            // `a**`, `a+?`: the crate would refuse the first and read the second as lazy.
            self.out.insert_str(start, "(?:");
            self.out.push(')');
        }
        self.out.push_str(repetition);
        self.repeated = true;
        Ok(())
    }

    /// `{` in an extended regex: an interval when one follows, else (for grep) a literal.
    fn extended_interval(&mut self) -> Result<(), String> {
        let before = self.at;
        match self.interval(false) {
            Ok(interval) => self.repeat(&interval, '{'),
            Err(Interval::Malformed(_)) if self.grep() => {
                self.at = before;
                self.literal('{');
                Ok(())
            }
            Err(_) if self.atom.is_none() => Err(BAD_PRECEDING.into()),
            Err(refusal) => Err(refusal.message()),
        }
    }

    /// Reads `m}`, `m,}`, `m,n}` or `,n}` (with `\}` in a basic regex) after the brace.
    fn interval(&mut self, basic: bool) -> Result<String, Interval> {
        let number = |t: &mut Translator| {
            let begin = t.at;
            while t.peek().is_some_and(|c| c.is_ascii_digit()) {
                t.at += 1;
            }
            let digits: String = t.chars[begin..t.at].iter().collect();
            (!digits.is_empty()).then(|| digits.parse::<u32>().unwrap_or(u32::MAX))
        };
        let low = number(self);
        let high = if self.peek() == Some(',') {
            self.at += 1;
            number(self)
        } else {
            Some(low.unwrap_or(0))
        };
        let closing: &[char] = if basic { &['\\', '}'] } else { &['}'] };
        if self.chars[self.at..].starts_with(closing) {
            self.at += closing.len();
        } else if self.peek().is_none() {
            return Err(Interval::Malformed(UNMATCHED_BRACE));
        } else {
            return Err(Interval::Malformed(BAD_INTERVAL));
        }
        let low = low.unwrap_or(0);
        if high.is_some_and(|high| high < low) {
            return Err(Interval::Refused(BAD_INTERVAL));
        }
        if low > 32767 || high.is_some_and(|high| high > 32767) {
            return Err(Interval::Refused("Regular expression too big"));
        }
        Ok(match high {
            Some(high) if high == low => format!("{{{low}}}"),
            Some(high) => format!("{{{low},{high}}}"),
            None => format!("{{{low},}}"),
        })
    }

    /// A backslash and what follows it, where both syntaxes agree.
    fn escape(&mut self) -> Result<(), String> {
        let Some(c) = self.peek() else {
            return Err("Trailing backslash".into());
        };
        self.at += 1;
        match c {
            '1'..='9' => {
                let number = c as usize - '0' as usize;
                if !self.closed.contains(&number) {
                    return Err("Invalid back reference".into());
                }
                self.result.backtracking = true;
                let renumbered = number + self.groups_before;
                self.atom_text(&format!("\\{renumbered}"));
            }
            'w' | 'W' | 's' | 'S' => self.atom_text(&format!("\\{c}")),
            'b' | 'B' => self.anchor(&format!("\\{c}")),
            '<' => self.anchor(r"\b{start}"),
            '>' => self.anchor(r"\b{end}"),
            '`' => self.anchor(r"\A"),
            '\'' => self.anchor(r"\z"),
            _ if self.syntax.control_escapes => {
                let value = self.control_escape(c);
                self.literal(value);
            }
            _ => self.literal(c),
        }
        Ok(())
    }

    /// sed's escapes for characters that are awkward to type.
    fn control_escape(&mut self, c: char) -> char {
        let digits = |t: &mut Translator, radix: u32, most: usize| {
            let begin = t.at;
            while t.at - begin < most && t.peek().is_some_and(|d| d.is_digit(radix)) {
                t.at += 1;
            }
            let text: String = t.chars[begin..t.at].iter().collect();
            // A number above 127 names a byte, as in GNU sed (`s/\xce//` takes the
            // first byte of a UTF-8 `μ`).
            u32::from_str_radix(&text, radix)
                .ok()
                .and_then(|n| match u8::try_from(n) {
                    Ok(byte) if byte >= 0x80 => Some(rawbytes::raw_char(byte)),
                    _ => char::from_u32(n),
                })
        };
        match c {
            'n' => '\n',
            't' => '\t',
            'r' => '\r',
            'f' => '\x0c',
            'v' => '\x0b',
            'a' => '\x07',
            'd' => digits(self, 10, 3).unwrap_or('d'),
            'o' => digits(self, 8, 3).unwrap_or('o'),
            'x' => digits(self, 16, 2).unwrap_or('x'),
            'c' => match self.peek() {
                Some(letter) => {
                    self.at += 1;
                    char::from_u32(letter.to_ascii_uppercase() as u32 ^ 0x40).unwrap_or(letter)
                }
                None => 'c',
            },
            other => other,
        }
    }

    /// Whether a backslash here (in a bracket) starts one of sed's escapes: a control
    /// letter, `\cX`, or a number (`\x` with no digits is an `x`, as in GNU sed).
    fn names_control_escape(&self) -> bool {
        match self.peek() {
            Some('n' | 't' | 'r' | 'f' | 'v' | 'a' | 'd' | 'o' | 'x') => true,
            Some('c') => self.chars.get(self.at + 1).is_some(),
            _ => false,
        }
    }

    /// A bracket expression, after its `[`. A backslash in it is itself (but for sed's
    /// escapes), `]` first is a member, and `[:class:]` must name a class.
    fn bracket(&mut self) -> Result<(), String> {
        let opening = self.at;
        let mut body = String::from("[");
        if self.peek() == Some('^') {
            body.push('^');
            self.at += 1;
        }
        let mut first = true;
        loop {
            let Some(c) = self.peek() else {
                return Err(UNMATCHED_BRACKET.into());
            };
            self.at += 1;
            if c == ']' && !first {
                break;
            }
            first = false;
            let start = if c == '\\' && self.syntax.bracket_escapes && self.peek().is_some() {
                self.at += 1;
                self.chars[self.at - 1]
            } else if c == '\\' && self.syntax.control_escapes && self.names_control_escape() {
                // GNU sed turns `[\t]` into a tab, `[\x41]` into `A`, as outside brackets.
                self.at += 1;
                let letter = self.chars[self.at - 1];
                self.control_escape(letter)
            } else if c == '[' && matches!(self.peek(), Some(':' | '.' | '=')) {
                match self.bracket_part(&mut body)? {
                    Some(member) => member,
                    None => continue,
                }
            } else {
                c
            };
            if self.peek() == Some('-') && !matches!(self.chars.get(self.at + 1), Some(']') | None)
            {
                self.at += 1;
                let mut end = self.chars[self.at];
                self.at += 1;
                if end == '[' && self.peek() == Some('.') {
                    end = self.bracket_part(&mut body)?.unwrap_or(end);
                }
                if end < start {
                    return Err("Invalid range end".into());
                }
                push_escaped_member(&mut body, start);
                body.push('-');
                push_escaped_member(&mut body, end);
            } else {
                push_escaped_member(&mut body, start);
            }
        }
        let inner: String = self.chars[opening..self.at - 1].iter().collect();
        if inner.len() >= 2 && inner.starts_with(':') && inner.ends_with(':') {
            let hint = format!("character class syntax is [[{inner}]], not [{inner}]");
            return Err(hint);
        }
        body.push(']');
        self.atom_text(&body);
        Ok(())
    }

    /// `[:class:]` (written into `body`, None) or `[.c.]`/`[=c=]` (the character), after
    /// the `[`.
    fn bracket_part(&mut self, body: &mut String) -> Result<Option<char>, String> {
        let kind = self.chars[self.at];
        self.at += 1;
        let begin = self.at;
        while self.at + 1 < self.chars.len()
            && !(self.chars[self.at] == kind && self.chars[self.at + 1] == ']')
        {
            self.at += 1;
        }
        if self.at + 1 >= self.chars.len() {
            return Err(UNMATCHED_BRACKET.into());
        }
        let name: String = self.chars[begin..self.at].iter().collect();
        self.at += 2;
        if kind == ':' {
            if !CLASSES.contains(&name.as_str()) {
                return Err("Invalid character class name".into());
            }
            body.push_str(&format!("[:{name}:]"));
            return Ok(None);
        }
        let mut chars = name.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => Ok(Some(c)),
            _ => Err("Invalid collation character".into()),
        }
    }
}

fn push_escaped(out: &mut String, c: char) {
    // A byte outside valid UTF-8 (`rawbytes.rs`) is matched as that byte.
    if let Some(byte) = rawbytes::kept_byte(c) {
        out.push_str(&format!("(?-u:\\x{byte:02X})"));
        return;
    }
    if "\\.+*?()|[]{}^$#&-~".contains(c) {
        out.push('\\');
    }
    out.push(c);
}

/// A member of a bracket expression, escaped where the crate reads set operations.
fn push_escaped_member(out: &mut String, c: char) {
    if "\\[]^-&~".contains(c) {
        out.push('\\');
    }
    out.push(c);
}
