//! The grammar of redirections (`2>file`, `<&3`, here-documents and here-strings,
//! process substitutions, and `{NAME}>file`), and of a compound command's trailing ones,
//! continuing the recursive-descent parser of `grammar.rs`.

use brush_parser::SourceSpan;
use brush_parser::Token;
use brush_parser::ast::{
    self, AndOr, AndOrList, Command, CommandPrefixOrSuffixItem as Item, CompoundList,
    CompoundListItem, IoFileRedirectKind, IoFileRedirectTarget, IoRedirect, Pipeline,
    SeparatorOperator, SimpleCommand, Word,
};

use crate::grammar::{GrammarError, Parsed, Parser, contiguous, is_op};

/// The descriptor of a redirection named by the `{NAME}` word before it, which the shell
/// fills in when it runs (no descriptor written can be negative).
pub const NAMED_FD: ast::IoFd = -1;

impl Parser<'_> {
    /// `{NAME}>file`: a redirection written against a word `{NAME}` (or `{NAME[N]}`)
    /// whose descriptor the shell picks and stores in NAME. Its descriptor is `NAMED_FD`.
    pub(crate) fn named_redirect(&mut self, word: &Token) -> Parsed<Option<IoRedirect>> {
        let names_descriptor = word
            .to_str()
            .strip_prefix('{')
            .and_then(|w| w.strip_suffix('}'))
            .is_some_and(|name| {
                let base = match super::assign::split_subscript(name) {
                    Some((base, index)) if index.parse::<i64>().is_ok() => base,
                    Some(_) => return false,
                    None => name,
                };
                super::assign::is_name(base)
            });
        let against = self.peek().is_some_and(|operator| {
            matches!(operator, Token::Operator(op, _) if is_redirection(op) && !op.starts_with('&'))
                && contiguous(word, operator)
        });
        if !(names_descriptor && against) {
            return Ok(None);
        }
        let mut redirect = self.io_redirect()?;
        match &mut redirect {
            IoRedirect::File(fd, ..)
            | IoRedirect::HereString(fd, _)
            | IoRedirect::HereDocument(fd, _) => *fd = Some(NAMED_FD),
            IoRedirect::OutputAndError(..) => {}
        }
        Ok(Some(redirect))
    }

    /// A `{NAME}>file` redirection where a command's name could be (`{fd}<file cmd`, or
    /// alone): the word and the redirection it names.
    pub(crate) fn named_redirect_first(
        &mut self,
    ) -> Parsed<Option<[ast::CommandPrefixOrSuffixItem; 2]>> {
        let Some(word @ Token::Word(..)) = self.peek() else {
            return Ok(None);
        };
        self.at += 1;
        match self.named_redirect(word)? {
            Some(redirect) => Ok(Some([
                ast::CommandPrefixOrSuffixItem::Word(ast::Word::from(word)),
                ast::CommandPrefixOrSuffixItem::IoRedirect(redirect),
            ])),
            None => {
                self.at -= 1;
                Ok(None)
            }
        }
    }

    pub(crate) fn starts_redirect(&self) -> bool {
        match self.peek() {
            Some(Token::Operator(op, _)) => is_redirection(op),
            Some(number @ Token::Word(..)) => self.io_number(number).is_some(),
            None => false,
        }
    }

    /// A descriptor number written right against its redirection: `2>`.
    fn io_number(&self, token: &Token) -> Option<ast::IoFd> {
        let Token::Word(digits, _) = token else {
            return None;
        };
        let operator = self.peek_at(1)?;
        let Token::Operator(op, _) = operator else {
            return None;
        };
        let fits = !digits.is_empty()
            && digits.bytes().all(|b| b.is_ascii_digit())
            && op.starts_with(['<', '>'])
            && contiguous(token, operator);
        if fits { digits.parse().ok() } else { None }
    }

    /// A compound command and its trailing redirections. One named by a `{NAME}` word
    /// makes `COMPOUND {fd}<file` run as `{ exec {fd}<file && COMPOUND; }`: as in bash,
    /// the descriptor is opened before the command and stays the shell's after it.
    pub(crate) fn compound_with_redirects(
        &mut self,
        compound: ast::CompoundCommand,
    ) -> Parsed<Command> {
        let mut redirects = Vec::new();
        let mut named = Vec::new();
        loop {
            if self.starts_redirect() {
                redirects.push(self.io_redirect()?);
                continue;
            }
            let Some(word @ Token::Word(..)) = self.peek() else {
                break;
            };
            self.at += 1;
            match self.named_redirect(word)? {
                Some(redirect) => {
                    named.extend([Item::Word(Word::from(word)), Item::IoRedirect(redirect)])
                }
                None => {
                    self.at -= 1;
                    break;
                }
            }
        }
        let redirects = (!redirects.is_empty()).then_some(ast::RedirectList(redirects));
        let command = Command::Compound(compound, redirects);
        if named.is_empty() {
            return Ok(command);
        }
        let exec = SimpleCommand {
            prefix: None,
            word_or_name: Some(Word::from("exec".to_string())),
            suffix: Some(ast::CommandSuffix(named)),
        };
        let pipeline = |command| Pipeline {
            timed: None,
            bang: false,
            seq: vec![command],
        };
        let list = AndOrList {
            first: pipeline(Command::Simple(exec)),
            additional: vec![AndOr::And(pipeline(command))],
        };
        let list = CompoundList(vec![CompoundListItem(list, SeparatorOperator::Sequence)]);
        let group = ast::BraceGroupCommand {
            list,
            loc: SourceSpan::default(),
        };
        Ok(Command::Compound(
            ast::CompoundCommand::BraceGroup(group),
            None,
        ))
    }

    pub(crate) fn redirect_list(&mut self) -> Parsed<Option<ast::RedirectList>> {
        let mut redirects = Vec::new();
        while self.starts_redirect() {
            redirects.push(self.io_redirect()?);
        }
        Ok((!redirects.is_empty()).then_some(ast::RedirectList(redirects)))
    }

    pub(crate) fn io_redirect(&mut self) -> Parsed<IoRedirect> {
        let fd = match self.peek() {
            Some(token) => self.io_number(token),
            None => None,
        };
        if fd.is_some() {
            self.at += 1;
        }
        let operator = self.next()?;
        let op = operator.to_str();
        let file = |kind| (kind, false);
        let (kind, duplicate) = match op {
            "<" => file(IoFileRedirectKind::Read),
            ">" => file(IoFileRedirectKind::Write),
            ">>" => file(IoFileRedirectKind::Append),
            "<>" => file(IoFileRedirectKind::ReadAndWrite),
            ">|" => file(IoFileRedirectKind::Clobber),
            "<&" => (IoFileRedirectKind::DuplicateInput, true),
            ">&" => (IoFileRedirectKind::DuplicateOutput, true),
            "&>" | "&>>" if fd.is_none() => {
                let target = self.expect_any_word()?;
                return Ok(IoRedirect::OutputAndError(Word::from(target), op == "&>>"));
            }
            "<<<" => {
                let word = self.expect_any_word()?;
                return Ok(IoRedirect::HereString(fd, Word::from(word)));
            }
            "<<" | "<<-" => return self.here_document(fd, op == "<<-"),
            _ => return Err(GrammarError::Near(self.at - 1)),
        };
        let target = if duplicate {
            IoFileRedirectTarget::Duplicate(Word::from(self.expect_any_word()?))
        } else if let Some((kind, subshell)) = self.process_substitution()? {
            IoFileRedirectTarget::ProcessSubstitution(kind, subshell)
        } else {
            IoFileRedirectTarget::Filename(Word::from(self.expect_any_word()?))
        };
        Ok(IoRedirect::File(fd, kind, target))
    }

    /// The tokenizer gives a here-document as its tag, its body, and its closing tag.
    fn here_document(&mut self, fd: Option<ast::IoFd>, remove_tabs: bool) -> Parsed<IoRedirect> {
        let tag = self.expect_any_word()?;
        let doc = self.next()?;
        self.expect_any_word()?;
        let requires_expansion = !tag.to_str().contains(['\'', '"', '\\']);
        let mut doc = Word::from(doc);
        doc.value = super::substitution_cases::decode_document(&doc.value);
        Ok(IoRedirect::HereDocument(
            fd,
            ast::IoHereDocument {
                remove_tabs,
                requires_expansion,
                here_end: Word::from(tag),
                doc,
            },
        ))
    }

    /// `<(list)` or `>(list)`, the parenthesis against the sign.
    pub(crate) fn process_substitution(
        &mut self,
    ) -> Parsed<Option<(ast::ProcessSubstitutionKind, ast::SubshellCommand)>> {
        let kind = match self.peek() {
            Some(t) if is_op(t, "<") => ast::ProcessSubstitutionKind::Read,
            Some(t) if is_op(t, ">") => ast::ProcessSubstitutionKind::Write,
            _ => return Ok(None),
        };
        let (Some(sign), Some(open)) = (self.peek(), self.peek_at(1)) else {
            return Ok(None);
        };
        if !is_op(open, "(") || !contiguous(sign, open) {
            return Ok(None);
        }
        self.at += 1;
        Ok(Some((kind, self.subshell()?)))
    }
}

pub(crate) fn is_redirection(op: &str) -> bool {
    matches!(
        op,
        "<" | ">" | ">>" | "<&" | ">&" | "<>" | ">|" | "&>" | "&>>" | "<<" | "<<-" | "<<<"
    )
}
