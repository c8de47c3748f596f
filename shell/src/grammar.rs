//! The command grammar: lists, pipelines, simple commands, assignments and redirections,
//! parsed by recursive descent over brush-parser's tokens into its syntax tree (compound
//! commands are in `compound_grammar.rs`).
//!
//! One or two tokens of lookahead decide every choice, so each token is looked at a fixed
//! number of times and parse time is linear in the input. brush-parser's PEG grammar tried
//! alternatives and backtracked: on text that failed to parse, each `(` doubled its work.

use brush_parser::ast::{
    self, AndOr, AndOrList, Assignment, AssignmentName, AssignmentValue, Command,
    CommandPrefixOrSuffixItem as Item, CompoundList, CompoundListItem, IoFileRedirectKind,
    IoFileRedirectTarget, IoRedirect, Pipeline, PipelineTimed, Program, SeparatorOperator,
    SimpleCommand, Word,
};
use brush_parser::{SourceSpan, Token};

use crate::redirect_grammar::is_redirection;

/// How deep commands may nest: bash's own parser stops near 5,000 nested parentheses
/// (its stack of 10,000 states), so nothing bash accepts is refused.
pub const MAX_DEPTH: usize = 5_000;

/// brush-parser's syntax tree has no `select`: the parser gives `select NAME in WORDS`
/// as a `for` loop whose variable name is NAME after this mark, which no `for` loop's
/// name can hold (a word never has an unquoted blank), and `select.rs` runs it.
pub const SELECT_LOOP: &str = "select ";

/// Where parsing failed.
#[derive(Debug, PartialEq, Eq)]
pub enum GrammarError {
    /// The token at this index cannot stand where it is.
    Near(usize),
    /// The text ended inside a command.
    EndOfInput,
    /// The operator at this index stands inside an array's `name=(...)`: bash reports
    /// it, gives status 1 and goes on after the line (`SyntaxError::discards_line`).
    InArray(usize),
    /// Commands nest deeper than `MAX_DEPTH`, at the token with this index.
    TooDeep(usize),
    /// The word at this index is an alias where a command begins: the reader replaces
    /// it by its text and parses the command again (`alias_reading.rs`).
    Alias(usize),
}

pub type Parsed<T> = Result<T, GrammarError>;

/// Parses a whole program.
pub fn parse_program(tokens: &[Token]) -> Parsed<Program> {
    let mut complete_commands = Vec::new();
    Parser::new(tokens).program(&mut complete_commands, &mut 0)?;
    Ok(Program { complete_commands })
}

/// Which words where a command begins are aliases to expand (`alias_reading.rs`).
pub trait Aliases {
    /// Whether the word at token `index` is an alias that applies there.
    fn expands(&self, index: usize, word: &str) -> bool;
}

pub struct Parser<'t> {
    pub(crate) tokens: &'t [Token],
    pub(crate) at: usize,
    depth: usize,
    /// For each `(`, the index of the `)` that closes it: whether `((` is arithmetic is
    /// decided by where its inner parenthesis closes, and looking it up must not rescan.
    closers: Vec<Option<usize>>,
    /// How many times a token was looked at: the measure of the parser's work that its
    /// linearity test checks, free of the allocator's and the caches' noise.
    reads: std::cell::Cell<usize>,
    pub(crate) aliases: Option<&'t dyn Aliases>,
}

impl<'t> Parser<'t> {
    pub(crate) fn new(tokens: &'t [Token]) -> Self {
        let mut closers = vec![None; tokens.len()];
        let mut open = Vec::new();
        for (index, token) in tokens.iter().enumerate() {
            if is_op(token, "(") {
                open.push(index);
            } else if is_op(token, ")")
                && let Some(opener) = open.pop()
            {
                closers[opener] = Some(index);
            }
        }
        Parser {
            tokens,
            at: 0,
            depth: 0,
            closers,
            reads: std::cell::Cell::new(0),
            aliases: None,
        }
    }

    /// Parses complete commands from `*start` to the end into `done`, keeping in `*start`
    /// the index of the first token of the one being parsed, where parsing can resume.
    pub(crate) fn program(
        &mut self,
        done: &mut Vec<CompoundList>,
        start: &mut usize,
    ) -> Parsed<()> {
        self.at = *start;
        self.linebreak();
        while self.peek().is_some() {
            *start = self.at;
            done.push(self.complete_command()?);
            match self.peek() {
                None => break,
                Some(token) if is_newline(token) => self.linebreak(),
                Some(_) => return Err(self.error_here()),
            }
        }
        *start = self.at;
        Ok(())
    }

    /// Stops at a word where a command begins that is an alias.
    fn check_alias(&self) -> Parsed<()> {
        match (self.aliases, self.peek()) {
            (Some(aliases), Some(Token::Word(word, _))) if aliases.expands(self.at, word) => {
                Err(GrammarError::Alias(self.at))
            }
            _ => Ok(()),
        }
    }

    // ---- tokens ----

    pub(crate) fn peek(&self) -> Option<&'t Token> {
        self.peek_at(0)
    }

    pub(crate) fn peek_at(&self, ahead: usize) -> Option<&'t Token> {
        self.reads.set(self.reads.get() + 1);
        self.tokens.get(self.at + ahead)
    }

    pub(crate) fn next(&mut self) -> Parsed<&'t Token> {
        let token = self.peek().ok_or(GrammarError::EndOfInput)?;
        self.at += 1;
        Ok(token)
    }

    pub(crate) fn error_here(&self) -> GrammarError {
        if self.at < self.tokens.len() {
            GrammarError::Near(self.at)
        } else {
            GrammarError::EndOfInput
        }
    }

    pub(crate) fn peek_op(&self, op: &str) -> bool {
        self.peek().is_some_and(|t| is_op(t, op))
    }

    pub(crate) fn peek_word(&self, word: &str) -> bool {
        self.peek().is_some_and(|t| is_word(t, word))
    }

    pub(crate) fn eat_op(&mut self, op: &str) -> Option<&'t Token> {
        let token = self.peek().filter(|t| is_op(t, op))?;
        self.at += 1;
        Some(token)
    }

    pub(crate) fn eat_word(&mut self, word: &str) -> Option<&'t Token> {
        let token = self.peek().filter(|t| is_word(t, word))?;
        self.at += 1;
        Some(token)
    }

    pub(crate) fn expect_op(&mut self, op: &str) -> Parsed<&'t Token> {
        self.eat_op(op).ok_or_else(|| self.error_here())
    }

    pub(crate) fn expect_word(&mut self, word: &str) -> Parsed<&'t Token> {
        self.eat_word(word).ok_or_else(|| self.error_here())
    }

    /// Any word: a name, a pattern, an operand.
    pub(crate) fn expect_any_word(&mut self) -> Parsed<&'t Token> {
        match self.peek() {
            Some(token @ Token::Word(..)) => {
                self.at += 1;
                Ok(token)
            }
            _ => Err(self.error_here()),
        }
    }

    pub(crate) fn linebreak(&mut self) {
        while self.peek().is_some_and(is_newline) {
            self.at += 1;
        }
    }

    /// The `)` closing the `(` at `index`, when there is one.
    pub(crate) fn closer_of(&self, index: usize) -> Option<usize> {
        self.closers.get(index).copied().flatten()
    }

    /// Whether the next token can begin a command (a list goes on) or ends the list.
    pub(crate) fn starts_command(&self) -> bool {
        match self.peek() {
            None => false,
            Some(Token::Operator(op, _)) => op == "(" || is_redirection(op),
            Some(Token::Word(word, _)) => !matches!(
                word.as_str(),
                "then" | "else" | "elif" | "fi" | "do" | "done" | "esac" | "}"
            ),
        }
    }

    // ---- lists ----

    /// Commands on one line: `a; b & c`.
    fn complete_command(&mut self) -> Parsed<CompoundList> {
        let mut items = Vec::new();
        loop {
            let and_or = self.and_or()?;
            let separator = if self.eat_op(";").is_some() {
                SeparatorOperator::Sequence
            } else if self.eat_op("&").is_some() {
                SeparatorOperator::Async
            } else {
                items.push(CompoundListItem(and_or, SeparatorOperator::Sequence));
                break;
            };
            items.push(CompoundListItem(and_or, separator));
            if !self.starts_command() {
                break;
            }
        }
        Ok(CompoundList(items))
    }

    /// The body of a compound command: commands separated by `;`, `&` or newlines.
    pub(crate) fn compound_list(&mut self) -> Parsed<CompoundList> {
        self.linebreak();
        let mut items = Vec::new();
        loop {
            let and_or = self.and_or()?;
            let before = self.at;
            let separator = if self.eat_op("&").is_some() {
                SeparatorOperator::Async
            } else {
                self.eat_op(";");
                SeparatorOperator::Sequence
            };
            self.linebreak();
            items.push(CompoundListItem(and_or, separator));
            if self.at == before || !self.starts_command() {
                break;
            }
        }
        Ok(CompoundList(items))
    }

    fn and_or(&mut self) -> Parsed<AndOrList> {
        let first = self.pipeline()?;
        let mut additional = Vec::new();
        loop {
            let joint: fn(Pipeline) -> AndOr = if self.eat_op("&&").is_some() {
                AndOr::And
            } else if self.eat_op("||").is_some() {
                AndOr::Or
            } else {
                break;
            };
            self.linebreak();
            additional.push(joint(self.pipeline()?));
        }
        Ok(AndOrList { first, additional })
    }

    fn pipeline(&mut self) -> Parsed<Pipeline> {
        // `time [-p] [--]` and `!` in any order and number, as bash's grammar allows
        // (`time ! cmd`, `! time cmd`, `time time -p cmd`); the first `time` counts.
        let mut timed = None;
        let mut bangs = 0;
        loop {
            if let Some(time) = self.eat_word("time") {
                let posix = self.eat_word("-p");
                self.eat_word("--");
                timed = timed.or(Some(match posix {
                    Some(p) => PipelineTimed::TimedWithPosixOutput(span(time, p)),
                    None => PipelineTimed::Timed(location(time).clone()),
                }));
            } else if self.eat_word("!").is_some() {
                bangs += 1;
            } else {
                break;
            }
        }
        // `time` and `!` may stand alone.
        let seq = if (timed.is_some() || bangs > 0) && !self.starts_command() {
            Vec::new()
        } else {
            self.pipe_sequence()?
        };
        Ok(Pipeline {
            timed,
            bang: bangs % 2 == 1,
            seq,
        })
    }

    fn pipe_sequence(&mut self) -> Parsed<Vec<Command>> {
        let mut seq = Vec::new();
        loop {
            let mut command = self.command()?;
            let piped = if self.eat_op("|").is_some() {
                true
            } else if self.eat_op("|&").is_some() {
                add_stderr_to_pipe(&mut command);
                true
            } else {
                false
            };
            seq.push(command);
            if !piped {
                return Ok(seq);
            }
            self.linebreak();
        }
    }

    /// One command of a pipeline. Every nesting passes through here, so the depth is
    /// counted here.
    pub(crate) fn command(&mut self) -> Parsed<Command> {
        self.nested(Self::command_at_depth)
    }

    /// Runs `parse` one level deeper, refusing to go past `MAX_DEPTH`.
    pub(crate) fn nested<T>(&mut self, parse: fn(&mut Self) -> Parsed<T>) -> Parsed<T> {
        if self.depth == MAX_DEPTH {
            return Err(GrammarError::TooDeep(self.at));
        }
        self.depth += 1;
        let parsed = parse(self);
        self.depth -= 1;
        parsed
    }

    fn command_at_depth(&mut self) -> Parsed<Command> {
        // As in bash, an alias is found before a reserved word (`alias if=echo`).
        self.check_alias()?;
        match self.peek() {
            None => Err(GrammarError::EndOfInput),
            Some(Token::Operator(op, _)) if op == "(" => {
                let compound = self.compound_command()?;
                self.compound_with_redirects(compound)
            }
            Some(Token::Operator(..)) => Ok(Command::Simple(self.simple_command()?)),
            Some(Token::Word(word, _)) => match word.as_str() {
                "function" => Ok(Command::Function(self.function_definition()?)),
                "{" | "if" | "case" | "for" | "select" | "while" | "until" | "coproc" => {
                    let compound = self.compound_command()?;
                    self.compound_with_redirects(compound)
                }
                "[[" => {
                    let test = self.extended_test()?;
                    Ok(Command::ExtendedTest(test, self.redirect_list()?))
                }
                word if is_reserved(word) => Err(self.error_here()),
                _ if self.is_function_header() => {
                    Ok(Command::Function(self.function_definition()?))
                }
                _ => Ok(Command::Simple(self.simple_command()?)),
            },
        }
    }

    /// `name ()` begins a function definition.
    fn is_function_header(&self) -> bool {
        matches!(self.peek(), Some(Token::Word(name, _)) if !name.ends_with('='))
            && self.peek_at(1).is_some_and(|t| is_op(t, "("))
            && self.peek_at(2).is_some_and(|t| is_op(t, ")"))
    }

    // ---- simple commands ----

    fn simple_command(&mut self) -> Parsed<SimpleCommand> {
        let mut prefix = Vec::new();
        loop {
            if self.starts_redirect() {
                prefix.push(Item::IoRedirect(self.io_redirect()?));
            } else if let Some(named) = self.named_redirect_first()? {
                prefix.extend(named);
            } else if let Some((assignment, word)) = self.assignment_word(true)? {
                prefix.push(Item::AssignmentWord(assignment, word));
            } else {
                break;
            }
        }
        if !prefix.is_empty() {
            self.check_alias()?;
        }
        // After assignments or redirections, reserved words are plain words, as in bash.
        let name = match self.peek() {
            Some(token @ Token::Word(word, _)) if !prefix.is_empty() || !is_reserved(word) => {
                self.at += 1;
                Some(Word::from(token))
            }
            _ => None,
        };
        if prefix.is_empty() && name.is_none() {
            return Err(self.error_here());
        }
        // `name (` can only begin a function definition: bash wants the `)` and names
        // the token where it is missing (past the end: the newline that ends the text).
        if prefix.is_empty() && self.peek_op("(") {
            return Err(GrammarError::Near(self.at + 1));
        }
        let suffix = match &name {
            // bash reads `let x=( 1 + 2 )` and `eval a=(x y)` as one word, as it reads a
            // declaration's.
            Some(name) => self.command_suffix(
                is_declaration(&name.value) || matches!(name.value.as_str(), "let" | "eval"),
            )?,
            None => None,
        };
        Ok(SimpleCommand {
            prefix: (!prefix.is_empty()).then_some(ast::CommandPrefix(prefix)),
            word_or_name: name,
            suffix,
        })
    }

    /// The arguments and redirections after the command's name. Only declarations take
    /// array literals there (`declare a=(x y)`); for other commands `a=(` is an error.
    fn command_suffix(&mut self, declaration: bool) -> Parsed<Option<ast::CommandSuffix>> {
        let mut items = Vec::new();
        loop {
            if let Some((kind, subshell)) = self.process_substitution()? {
                items.push(Item::ProcessSubstitution(kind, subshell));
            } else if self.starts_redirect() {
                items.push(Item::IoRedirect(self.io_redirect()?));
            } else if let Some((assignment, word)) = self.assignment_word(declaration)? {
                items.push(Item::AssignmentWord(assignment, word));
            } else if let Some(token @ Token::Word(..)) = self.peek() {
                self.at += 1;
                items.push(Item::Word(Word::from(token)));
                if let Some(redirect) = self.named_redirect(token)? {
                    items.push(Item::IoRedirect(redirect));
                }
            } else {
                break;
            }
        }
        Ok((!items.is_empty()).then_some(ast::CommandSuffix(items)))
    }

    /// `NAME=value`, `NAME+=value`, `NAME[i]=value`, and `NAME=(elements)`.
    fn assignment_word(&mut self, arrays: bool) -> Parsed<Option<(Assignment, Word)>> {
        let Some(token @ Token::Word(text, loc)) = self.peek() else {
            return Ok(None);
        };
        let Some((name, append, value)) = split_assignment(text) else {
            return Ok(None);
        };
        let array_follows = arrays
            && value.is_empty()
            && self
                .peek_at(1)
                .is_some_and(|t| is_op(t, "(") && contiguous(token, t));
        if !array_follows {
            self.at += 1;
            let assignment = Assignment {
                name,
                value: AssignmentValue::Scalar(Word::from(value.to_string())),
                append,
                loc: loc.clone(),
            };
            return Ok(Some((assignment, Word::from(token))));
        }
        self.at += 2;
        let mut elements = Vec::new();
        let mut literal = format!("{text}(");
        let end = loop {
            self.linebreak();
            let element = self.next()?;
            match element {
                Token::Word(element, _) => {
                    if !literal.ends_with('(') {
                        literal.push(' ');
                    }
                    literal.push_str(element);
                    elements.push(array_element(element));
                }
                Token::Operator(op, _) if op == ")" => break element,
                Token::Operator(..) => return Err(GrammarError::InArray(self.at - 1)),
            }
        };
        literal.push(')');
        // `a=(4*3)/2` is one word, and a scalar's value, as bash reads it.
        if let Some(rest @ Token::Word(tail, _)) = self.peek()
            && contiguous(end, rest)
        {
            self.at += 1;
            literal.push_str(tail);
            let loc = span(token, rest);
            let assignment = Assignment {
                name,
                value: AssignmentValue::Scalar(Word::from(literal[text.len()..].to_string())),
                append,
                loc: loc.clone(),
            };
            return Ok(Some((assignment, Word::with_location(&literal, &loc))));
        }
        let loc = span(token, end);
        let assignment = Assignment {
            name,
            value: AssignmentValue::Array(elements),
            append,
            loc: loc.clone(),
        };
        Ok(Some((assignment, Word::with_location(&literal, &loc))))
    }
}

/// `name=`, `name+=`, `name[index]=` at the start of a word: the name, whether it
/// appends, and the value after `=`.
fn split_assignment(text: &str) -> Option<(AssignmentName, bool, &str)> {
    let bytes = text.as_bytes();
    let first = *bytes.first()?;
    if !(first.is_ascii_alphabetic() || first == b'_') {
        return None;
    }
    let name_end = bytes
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || *b == b'_'))?;
    let name = &text[..name_end];
    let (assigned, rest) = if bytes[name_end] == b'[' {
        let close = subscript_end(text, name_end)?;
        let index = &text[name_end + 1..close];
        (
            AssignmentName::ArrayElementName(name.to_string(), index.to_string()),
            &text[close + 1..],
        )
    } else {
        (
            AssignmentName::VariableName(name.to_string()),
            &text[name_end..],
        )
    };
    if let Some(value) = rest.strip_prefix("+=") {
        Some((assigned, true, value))
    } else {
        rest.strip_prefix('=').map(|value| (assigned, false, value))
    }
}

/// The `]` closing the subscript opened at `open`, stepping over nested brackets,
/// quotes, escapes and substitutions (`a[$(echo ])]=x`), as bash's `skipsubscript`.
pub(crate) fn subscript_end(text: &str, open: usize) -> Option<usize> {
    group_end(text, open)
}

/// The closing quote of the `"` or backquote at `open`, stepping over escapes and, in
/// double quotes, substitutions.
fn quoted_end(text: &str, open: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let quote = bytes[open];
    let mut at = open + 1;
    while at < bytes.len() {
        match bytes[at] {
            b'\\' => at += 1,
            b'$' if quote == b'"' && matches!(bytes.get(at + 1), Some(b'(' | b'{')) => {
                at = group_end(text, at + 1)?;
            }
            b'`' if quote == b'"' => at = quoted_end(text, at)?,
            c if c == quote => return Some(at),
            _ => {}
        }
        at += 1;
    }
    None
}

/// The `)`, `}` or `]` closing the `(`, `{` or `[` at `open`, stepping over quotes,
/// escapes and nested groups.
fn group_end(text: &str, open: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let (opening, closing) = match bytes[open] {
        b'(' => (b'(', b')'),
        b'[' => (b'[', b']'),
        _ => (b'{', b'}'),
    };
    let mut depth = 0usize;
    let mut at = open;
    while at < bytes.len() {
        match bytes[at] {
            b'\\' => at += 1,
            b'\'' => at = text[at + 1..].find('\'')? + at + 1,
            b'"' | b'`' => at = quoted_end(text, at)?,
            b'$' if matches!(bytes.get(at + 1), Some(b'(' | b'{')) => {
                at = group_end(text, at + 1)?;
            }
            c if c == opening => depth += 1,
            c if c == closing => {
                depth -= 1;
                if depth == 0 {
                    return Some(at);
                }
            }
            _ => {}
        }
        at += 1;
    }
    None
}

/// An element of an array literal: `[key]=value` or a value.
fn array_element(element: &str) -> (Option<Word>, Word) {
    if let Some(inner) = element.strip_prefix('[')
        && let Some(close) = inner.find(']')
        && let Some(value) = inner[close + 1..].strip_prefix('=')
    {
        return (Some(Word::new(&inner[..close])), Word::new(value));
    }
    (None, Word::new(element))
}

/// The builtins whose arguments may be array assignments.
fn is_declaration(name: &str) -> bool {
    matches!(
        name,
        "declare" | "typeset" | "local" | "export" | "readonly"
    )
}

/// `a |& b` is `a 2>&1 | b`.
fn add_stderr_to_pipe(command: &mut Command) {
    let redirect = IoRedirect::File(
        Some(2),
        IoFileRedirectKind::DuplicateOutput,
        IoFileRedirectTarget::Fd(1),
    );
    let list = match command {
        Command::Simple(simple) => {
            let suffix = simple
                .suffix
                .get_or_insert_with(|| ast::CommandSuffix(Vec::new()));
            suffix.0.push(Item::IoRedirect(redirect));
            return;
        }
        Command::Compound(_, list) | Command::ExtendedTest(_, list) => list,
        Command::Function(function) => &mut function.body.1,
    };
    list.get_or_insert_with(|| ast::RedirectList(Vec::new()))
        .0
        .push(redirect);
}

/// Words that are reserved where a command begins.
pub(crate) fn is_reserved(word: &str) -> bool {
    matches!(
        word,
        "!" | "{"
            | "}"
            | "case"
            | "do"
            | "done"
            | "elif"
            | "else"
            | "esac"
            | "fi"
            | "for"
            | "if"
            | "in"
            | "then"
            | "until"
            | "while"
            | "[["
            | "]]"
            | "function"
            | "select"
            | "coproc"
    )
}

pub(crate) fn is_op(token: &Token, op: &str) -> bool {
    matches!(token, Token::Operator(text, _) if text == op)
}

pub(crate) fn is_word(token: &Token, word: &str) -> bool {
    matches!(token, Token::Word(text, _) if text == word)
}

fn is_newline(token: &Token) -> bool {
    is_op(token, "\n")
}

pub(crate) fn location(token: &Token) -> &SourceSpan {
    token.location()
}

/// The span from the start of one token to the end of another.
pub(crate) fn span(start: &Token, end: &Token) -> SourceSpan {
    span_between(location(start), location(end))
}

/// The span from the start of one span to the end of another.
pub(crate) fn span_between(start: &SourceSpan, end: &SourceSpan) -> SourceSpan {
    SourceSpan {
        start: start.start.clone(),
        end: end.end.clone(),
    }
}

/// Two tokens written with nothing between them.
pub(crate) fn contiguous(left: &Token, right: &Token) -> bool {
    location(left).end.index == location(right).start.index
}

/// Tokens as text, one space where the source had space between them.
pub(crate) fn joined(tokens: &[Token]) -> String {
    let mut text = String::new();
    let mut previous_end = None;
    for token in tokens {
        if previous_end.is_some_and(|end| location(token).start.index > end) {
            text.push(' ');
        }
        text.push_str(token.to_str());
        previous_end = Some(location(token).end.index);
    }
    text
}

#[cfg(test)]
#[path = "grammar_tests.rs"]
mod tests;
