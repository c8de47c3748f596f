//! Sort keys: `-k` definitions, the part of a line each one picks out, and the ordering
//! options that go with it (global ones, or the key's own).

use wasmix_common::Failure;

#[derive(Clone, Copy, Default, PartialEq, Debug)]
pub enum Order {
    #[default]
    Text,
    Numeric,
    General,
    Human,
    Month,
    Version,
    /// `-R`: by a hash of the key under a salt chosen for this run.
    Random,
}

/// How two keys compare: the order and its modifiers.
#[derive(Clone, Copy, Default, Debug)]
pub struct Rule {
    pub order: Order,
    pub reverse: bool,
    pub dictionary: bool,
    pub fold: bool,
    pub printable_only: bool,
    /// `b`: leading blanks of the field are skipped where the key starts, and ends.
    pub blanks_start: bool,
    pub blanks_end: bool,
}

impl Rule {
    /// Applies an option letter; false when it is none.
    pub fn set(&mut self, letter: char) -> bool {
        match letter {
            'b' => (self.blanks_start, self.blanks_end) = (true, true),
            'd' => self.dictionary = true,
            'f' => self.fold = true,
            'g' => self.order = Order::General,
            'h' => self.order = Order::Human,
            'i' => self.printable_only = true,
            'M' => self.order = Order::Month,
            'n' => self.order = Order::Numeric,
            'R' => self.order = Order::Random,
            'r' => self.reverse = true,
            'V' => self.order = Order::Version,
            _ => return false,
        }
        true
    }

    /// Whether only bytes are compared, with nothing skipped or folded.
    pub fn is_plain(&self) -> bool {
        self.order == Order::Text && !self.dictionary && !self.fold && !self.printable_only
    }
}

#[derive(Clone, Debug)]
pub struct Key {
    /// Fields to skip, then characters to skip, to find the key's start (GNU's sword,
    /// schar).
    skip_fields: usize,
    skip_chars: usize,
    /// Where the key ends: None for the line's end; else fields to pass and characters
    /// (0: the end of that field).
    end: Option<(usize, usize)>,
    pub rule: Rule,
}

fn blank(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

impl Key {
    /// A key from `-k POS1[,POS2]`; `global` are the options a key without its own
    /// takes.
    pub fn parse(text: &str, global: Rule) -> Result<Key, Failure> {
        let bad =
            |why: &str| Failure::Fatal(format!("{why}: invalid field specification '{text}'"));
        // GNU's parse_field_count: the digits at the start of `rest` (too many for a
        // number are the largest one), or a message quoting what was there instead.
        let count = |rest: &'_ str, why: &str| -> Result<(usize, usize), Failure> {
            let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            if digits == 0 {
                return Err(Failure::Fatal(format!(
                    "{why}: invalid count at start of '{rest}'"
                )));
            }
            Ok((rest[..digits].parse().unwrap_or(usize::MAX), digits))
        };
        // POS1 is F[.C][OPTS], POS2 the same after a comma; nothing may follow.
        let mut rest = text;
        let (field, used) = count(rest, "invalid number at field start")?;
        rest = &rest[used..];
        if field == 0 {
            return Err(bad("field number is zero"));
        }
        let mut char = None;
        if let Some(after) = rest.strip_prefix('.') {
            let (c, used) = count(after, "invalid number after '.'")?;
            if c == 0 {
                return Err(bad("character offset is zero"));
            }
            char = Some(c);
            rest = &after[used..];
        }
        let mut rule = Rule::default();
        let mut own = false;
        while let Some(letter) = rest.chars().next().filter(|&l| rule.set(l)) {
            own = true;
            rest = &rest[letter.len_utf8()..];
        }
        let blanks_at_start = rule.blanks_start;
        rule.blanks_end = false;
        let mut key = Key {
            skip_fields: field - 1,
            skip_chars: char.unwrap_or(1) - 1,
            end: None,
            rule,
        };
        if let Some(after) = rest.strip_prefix(',') {
            let (field, used) = count(after, "invalid number after ','")?;
            rest = &after[used..];
            if field == 0 {
                return Err(bad("field number is zero"));
            }
            let mut char = None;
            if let Some(after) = rest.strip_prefix('.') {
                let (c, used) = count(after, "invalid number after '.'")?;
                char = Some(c);
                rest = &after[used..];
            }
            let mut end_rule = Rule::default();
            while let Some(letter) = rest
                .chars()
                .next()
                .filter(|&l| key.rule.set(l) && end_rule.set(l))
            {
                own = true;
                rest = &rest[letter.len_utf8()..];
            }
            key.rule.blanks_start = blanks_at_start;
            key.rule.blanks_end = end_rule.blanks_end;
            key.end = Some(match char {
                Some(c) if c > 0 => (field - 1, c),
                _ => (field, 0),
            });
        }
        if !rest.is_empty() {
            return Err(bad("stray character in field spec"));
        }
        if !own {
            key.rule = global;
        }
        Ok(key)
    }

    /// The whole line, with the global options: the key when no -k is given.
    pub fn whole_line(global: Rule) -> Key {
        Key {
            skip_fields: 0,
            skip_chars: 0,
            end: None,
            rule: global,
        }
    }

    /// Whether the key is all of every line (blanks included).
    pub fn is_whole_line(&self) -> bool {
        self.skip_fields == 0
            && self.skip_chars == 0
            && self.end.is_none()
            && !self.rule.blanks_start
    }

    /// The part of `line` that is this key.
    pub fn of<'l>(&self, line: &'l [u8], separator: Option<u8>) -> &'l [u8] {
        let start = self.start(line, separator);
        let end = match self.end {
            None => line.len(),
            Some((fields, chars)) => self.limit(line, separator, fields, chars),
        };
        if end <= start { &[] } else { &line[start..end] }
    }

    fn start(&self, line: &[u8], separator: Option<u8>) -> usize {
        let mut at = pass_fields(line, separator, self.skip_fields, true);
        if self.rule.blanks_start {
            while at < line.len() && blank(line[at]) {
                at += 1;
            }
        }
        (at + self.skip_chars).min(line.len())
    }

    fn limit(&self, line: &[u8], separator: Option<u8>, fields: usize, chars: usize) -> usize {
        let mut at = pass_fields(line, separator, fields, chars != 0);
        if chars != 0 {
            if self.rule.blanks_end {
                while at < line.len() && blank(line[at]) {
                    at += 1;
                }
            }
            at = (at + chars).min(line.len());
        }
        at
    }
}

/// Where `count` fields from the line's start end. With a separator, the last one is
/// passed too when `past_last` (its field is done with), as GNU's begfield/limfield.
fn pass_fields(line: &[u8], separator: Option<u8>, count: usize, past_last: bool) -> usize {
    let mut at = 0;
    for passed in 1..=count {
        if at >= line.len() {
            break;
        }
        match separator {
            Some(sep) => {
                while at < line.len() && line[at] != sep {
                    at += 1;
                }
                if at < line.len() && (passed < count || past_last) {
                    at += 1;
                }
            }
            None => {
                while at < line.len() && blank(line[at]) {
                    at += 1;
                }
                while at < line.len() && !blank(line[at]) {
                    at += 1;
                }
            }
        }
    }
    at
}
