//! The right side of `[[ string =~ regex ]]` as bash hands it to regcomp: a quoted
//! character matches itself, so it is escaped with a backslash; but inside a bracket
//! expression (opened by an unquoted `[`) a backslash is an ordinary character, so
//! there quoted characters go in as they are (`['^'a]` is `[^a]`, as in bash).

#[derive(Default)]
pub(super) struct RegexText {
    text: String,
    /// The bracket expression being read, if one is open.
    bracket: Option<Bracket>,
    /// An unquoted backslash outside brackets: the next character is escaped.
    escaping: bool,
}

#[derive(Default)]
struct Bracket {
    /// Characters read since the `[`.
    read: usize,
    /// A leading `^` was read (a `]` right after it is still a member).
    negated: bool,
    /// Inside `[:class:]`, `[=x=]` or `[.x.]`: the delimiter that ends it with `]`.
    class: Option<char>,
    previous: char,
}

impl Bracket {
    /// Reads one member character; false when it is the `]` that closes the expression.
    fn read(&mut self, c: char) -> bool {
        let first = self.read == usize::from(self.negated);
        let open = match self.class {
            Some(delimiter) => {
                if c == ']' && self.previous == delimiter {
                    self.class = None;
                }
                true
            }
            None if c == '^' && self.read == 0 => {
                self.negated = true;
                true
            }
            None if matches!(c, ':' | '=' | '.') && self.previous == '[' => {
                self.class = Some(c);
                true
            }
            None => c != ']' || first,
        };
        self.read += 1;
        self.previous = c;
        open
    }
}

impl RegexText {
    pub(super) fn push(&mut self, text: &str, quoted: bool) {
        for c in text.chars() {
            if let Some(bracket) = &mut self.bracket {
                if !bracket.read(c) {
                    self.bracket = None;
                }
            } else if self.escaping {
                self.escaping = false;
            } else if quoted {
                if "\\.[]()*+?{}|^$".contains(c) {
                    self.text.push('\\');
                }
            } else if c == '[' {
                self.bracket = Some(Bracket::default());
            } else if c == '\\' {
                self.escaping = true;
            }
            self.text.push(c);
        }
    }

    pub(super) fn into_string(self) -> String {
        self.text
    }
}
