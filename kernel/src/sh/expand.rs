//! Word expansion: quote removal, escapes, tilde, parameter and command substitution,
//! field splitting of unquoted expansions, and pathname expansion (globbing) against the
//! shell's namespace.

use super::{Shell, syntax};
use crate::file::{Input, Output, Stdio};
use crate::pipe::pipe;
use brush_parser::ParserOptions;
use brush_parser::ast::Word;
use brush_parser::word::{
    Parameter, ParameterExpr, SpecialParameter, TildeExpr, WordPiece, WordPieceWithSource,
};
use std::collections::{HashMap, VecDeque};

/// A word the shell cannot expand (yet): named, so the user sees what was not done.
#[derive(Debug)]
pub struct ExpandError(pub String);

/// A field, and the glob pattern it stands for if it has unquoted `*`, `?` or `[`.
struct Field {
    text: String,
    pattern: Option<String>,
}

/// Fields being built from one word.
#[derive(Default)]
struct Fields {
    done: Vec<Field>,
    current: String,
    /// The current field as a glob pattern: quoted characters escaped.
    pattern: String,
    globbing: bool,
    /// A quoted empty string still makes a field: `echo ""` passes one empty argument.
    current_exists: bool,
    /// The output of the word's command substitutions, run beforehand, by command text.
    captured: HashMap<String, VecDeque<String>>,
}

impl Fields {
    /// Quoted text: taken as it is, never a pattern.
    fn push_literal(&mut self, text: &str) {
        self.current.push_str(text);
        self.pattern.push_str(&glob::Pattern::escape(text));
        self.current_exists = true;
    }

    /// Unquoted text: its `*`, `?` and `[` make the field a pattern.
    fn push_unquoted(&mut self, text: &str) {
        self.current.push_str(text);
        self.pattern.push_str(text);
        self.globbing |= text.contains(['*', '?', '[']);
        self.current_exists = true;
    }

    /// Appends an unquoted expansion: it is split at white space into fields.
    fn push_split(&mut self, text: &str) {
        let mut parts = text.split([' ', '\t', '\n']).peekable();
        let starts_with_space = text.starts_with([' ', '\t', '\n']);
        if starts_with_space {
            self.end_field();
        }
        while let Some(part) = parts.next() {
            if !part.is_empty() {
                self.push_unquoted(part);
            }
            if parts.peek().is_some() {
                self.end_field();
            }
        }
    }

    fn end_field(&mut self) {
        if self.current_exists {
            let pattern = std::mem::take(&mut self.pattern);
            self.done.push(Field {
                text: std::mem::take(&mut self.current),
                pattern: self.globbing.then_some(pattern),
            });
            self.current_exists = false;
        }
        self.pattern.clear();
        self.globbing = false;
    }

    fn finish(mut self) -> Vec<Field> {
        self.end_field();
        self.done
    }
}

impl Shell {
    /// Expands a word into the fields it stands for (none, one or several).
    pub(super) fn expand_word(&self, word: &Word) -> Result<Vec<String>, ExpandError> {
        // "$@" alone is as many words as there are parameters, and none when there are none.
        if word.value == "\"$@\"" {
            return Ok(self.positional.clone());
        }
        let pieces = brush_parser::word::parse(&word.value, &ParserOptions::default())
            .map_err(|e| ExpandError(format!("{}: {e}", word.value)))?;
        let mut fields = Fields::default();
        self.expand_pieces(&word.value, &pieces, false, &mut fields)?;
        Ok(self.expand_paths(fields.finish()))
    }

    /// Expands a word, first running the commands of its command substitutions.
    pub(super) async fn expand_word_running(
        &mut self,
        word: &Word,
    ) -> Result<Vec<String>, ExpandError> {
        let fields = self.expand_fields_running(word).await?;
        Ok(self.expand_paths(fields))
    }

    /// The value of an assignment: expanded, but not split or matched against files.
    pub(super) async fn expand_value_running(
        &mut self,
        word: &Word,
    ) -> Result<String, ExpandError> {
        let fields = self.expand_fields_running(word).await?;
        Ok(fields
            .into_iter()
            .map(|field| field.text)
            .collect::<Vec<_>>()
            .join(" "))
    }

    /// A `case` pattern: expanded, its quoted parts escaped so they match only themselves.
    pub(super) fn expand_case_pattern(&self, word: &Word) -> Result<String, ExpandError> {
        let pieces = brush_parser::word::parse(&word.value, &ParserOptions::default())
            .map_err(|e| ExpandError(format!("{}: {e}", word.value)))?;
        let mut fields = Fields::default();
        self.expand_pieces(&word.value, &pieces, false, &mut fields)?;
        Ok(fields
            .finish()
            .into_iter()
            .map(|field| {
                field
                    .pattern
                    .unwrap_or_else(|| glob::Pattern::escape(&field.text))
            })
            .collect::<Vec<_>>()
            .join(" "))
    }

    async fn expand_fields_running(&mut self, word: &Word) -> Result<Vec<Field>, ExpandError> {
        if word.value == "\"$@\"" {
            let literal = |text: &String| Field {
                text: text.clone(),
                pattern: None,
            };
            return Ok(self.positional.iter().map(literal).collect());
        }
        let pieces = brush_parser::word::parse(&word.value, &ParserOptions::default())
            .map_err(|e| ExpandError(format!("{}: {e}", word.value)))?;
        let mut commands = Vec::new();
        substitutions(&pieces, &mut commands);
        let mut fields = Fields::default();
        for command in commands {
            let output = self.capture(&command).await;
            fields
                .captured
                .entry(command)
                .or_default()
                .push_back(output);
        }
        self.expand_pieces(&word.value, &pieces, false, &mut fields)?;
        Ok(fields.finish())
    }

    /// Pathname expansion: a pattern field becomes the sorted names that match it, or stays
    /// as it is when nothing does (bash's default).
    fn expand_paths(&self, fields: Vec<Field>) -> Vec<String> {
        let mut expanded = Vec::new();
        for field in fields {
            match field.pattern.map(|pattern| self.glob(&pattern)) {
                Some(matches) if !matches.is_empty() => expanded.extend(matches),
                _ => expanded.push(field.text),
            }
        }
        expanded
    }

    fn glob(&self, pattern: &str) -> Vec<String> {
        let options = glob::MatchOptions {
            case_sensitive: true,
            require_literal_separator: true,
            require_literal_leading_dot: true,
        };
        let cwd = self.variable("PWD").unwrap_or_else(|| "/".into());
        let absolute = pattern.starts_with('/');
        // (what is shown, where it is in the namespace)
        let mut found = vec![(String::new(), if absolute { "/".to_string() } else { cwd })];
        let components: Vec<&str> = pattern.split('/').filter(|c| !c.is_empty()).collect();
        for (index, component) in components.iter().enumerate() {
            let Ok(matcher) = glob::Pattern::new(component) else {
                return Vec::new();
            };
            let last = index + 1 == components.len();
            let mut next = Vec::new();
            for (shown, at) in &found {
                let Ok(entries) = self.namespace.read_dir(at) else {
                    continue;
                };
                for entry in entries {
                    let is_dir = entry.file_type == crate::fs::FileType::Directory;
                    if matcher.matches_with(&entry.name, options) && (last || is_dir) {
                        let shown = match (shown.is_empty(), absolute) {
                            (true, true) => format!("/{}", entry.name),
                            (true, false) => entry.name.clone(),
                            _ => format!("{shown}/{}", entry.name),
                        };
                        next.push((
                            shown,
                            format!("{}/{}", at.trim_end_matches('/'), entry.name),
                        ));
                    }
                }
            }
            found = next;
        }
        let mut names: Vec<String> = found.into_iter().map(|(shown, _)| shown).collect();
        names.sort();
        names
    }

    /// Runs `text` in a subshell and returns what it printed, without trailing newlines.
    /// `$?` becomes its status. (Boxed: it recurses through the commands it runs.)
    fn capture<'a>(
        &'a mut self,
        text: &'a str,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = String> + Send + 'a>> {
        Box::pin(self.capture_unboxed(text))
    }

    async fn capture_unboxed(&mut self, text: &str) -> String {
        let program = match syntax::parse(text) {
            Ok(program) => program,
            Err(error) => {
                self.report(&error.message);
                self.last_status = super::SYNTAX_ERROR_STATUS;
                return String::new();
            }
        };
        let (reader, writer) = pipe();
        let io = Stdio {
            stdin: Input::Console,
            stdout: Output::Pipe(writer),
            stderr: Output::ConsoleErr,
        };
        let mut shell = self.clone();
        let task = tokio::spawn(async move {
            for command in &program.complete_commands {
                match shell.run_list(command, &io).await {
                    Ok(()) => {}
                    Err(super::Flow::Exit(status) | super::Flow::Return(status)) => return status,
                    Err(_) => break,
                }
            }
            shell.last_status
        });
        let mut output = Vec::new();
        while let Some(chunk) = reader.read(64 * 1024).await {
            output.extend_from_slice(&chunk);
        }
        self.last_status = task.await.unwrap_or(1);
        self.substitution_status = Some(self.last_status);
        while output.last() == Some(&b'\n') {
            output.pop();
        }
        String::from_utf8_lossy(&output).into_owned()
    }

    /// Expands the body of a here-document: parameters, but no quotes and no splitting.
    pub(super) fn expand_document(&self, document: &Word) -> Result<String, String> {
        let pieces = brush_parser::word::parse_heredoc(&document.value, &ParserOptions::default())
            .map_err(|e| e.to_string())?;
        let mut fields = Fields::default();
        self.expand_pieces(&document.value, &pieces, true, &mut fields)
            .map_err(|e| e.0)?;
        Ok(fields.current)
    }

    fn expand_pieces(
        &self,
        source: &str,
        pieces: &[WordPieceWithSource],
        quoted: bool,
        fields: &mut Fields,
    ) -> Result<(), ExpandError> {
        for piece in pieces {
            match &piece.piece {
                WordPiece::Text(text) if quoted => fields.push_literal(text),
                WordPiece::Text(text) => fields.push_unquoted(text),
                WordPiece::SingleQuotedText(text) => fields.push_literal(text),
                WordPiece::AnsiCQuotedText(text) => fields.push_literal(&ansi_c_unquote(text)),
                WordPiece::DoubleQuotedSequence(inner) => {
                    fields.current_exists = true;
                    self.expand_pieces(source, inner, true, fields)?;
                }
                WordPiece::EscapeSequence(escape) => {
                    let escaped = &escape[1..];
                    if escaped != "\n" {
                        fields.push_literal(escaped);
                    }
                }
                WordPiece::CommandSubstitution(command)
                | WordPiece::BackquotedCommandSubstitution(command) => {
                    let output = fields
                        .captured
                        .get_mut(command)
                        .and_then(VecDeque::pop_front)
                        .ok_or_else(|| {
                            ExpandError(format!(
                                "$({command}): command substitution is not supported here"
                            ))
                        })?;
                    if quoted {
                        fields.push_literal(&output);
                    } else {
                        fields.push_split(&output);
                    }
                }
                WordPiece::TildeExpansion(TildeExpr::Home) => {
                    fields.push_literal(&self.variable("HOME").unwrap_or_default())
                }
                WordPiece::ParameterExpansion(ParameterExpr::Parameter {
                    parameter:
                        Parameter::Special(SpecialParameter::AllPositionalParameters {
                            concatenate: false,
                        }),
                    indirect: false,
                }) if quoted => {
                    // "$@": each parameter stays a word of its own.
                    for (index, value) in self.positional.iter().enumerate() {
                        if index > 0 {
                            fields.current_exists = true;
                            fields.end_field();
                        }
                        fields.push_literal(value);
                    }
                }
                WordPiece::ParameterExpansion(ParameterExpr::Parameter {
                    parameter,
                    indirect: false,
                }) => {
                    let value = self.parameter(parameter)?;
                    if quoted {
                        fields.push_literal(&value);
                    } else {
                        fields.push_split(&value);
                    }
                }
                _ => {
                    let text = source
                        .get(piece.start_index..piece.end_index)
                        .unwrap_or(source);
                    return Err(ExpandError(format!(
                        "{text}: this expansion is not supported"
                    )));
                }
            }
        }
        Ok(())
    }

    fn parameter(&self, parameter: &Parameter) -> Result<String, ExpandError> {
        Ok(match parameter {
            Parameter::Named(name) => self.variable(name).unwrap_or_default(),
            Parameter::Positional(0) => self.script_name.clone(),
            Parameter::Positional(n) => self
                .positional
                .get(*n as usize - 1)
                .cloned()
                .unwrap_or_default(),
            Parameter::Special(SpecialParameter::LastExitStatus) => self.last_status.to_string(),
            Parameter::Special(SpecialParameter::ProcessId) => self.pid.to_string(),
            Parameter::Special(SpecialParameter::LastBackgroundProcessId) => self
                .last_background
                .map(|pid| pid.to_string())
                .unwrap_or_default(),
            Parameter::Special(SpecialParameter::ShellName) => self.script_name.clone(),
            Parameter::Special(SpecialParameter::PositionalParameterCount) => {
                self.positional.len().to_string()
            }
            // $* and unquoted $@: the parameters joined by spaces (then split if unquoted).
            Parameter::Special(SpecialParameter::AllPositionalParameters { .. }) => {
                self.positional.join(" ")
            }
            other => {
                return Err(ExpandError(format!(
                    "${other}: this expansion is not supported"
                )));
            }
        })
    }
}

/// The command substitutions of a word, in order, quoted ones included.
fn substitutions(pieces: &[WordPieceWithSource], commands: &mut Vec<String>) {
    for piece in pieces {
        match &piece.piece {
            WordPiece::CommandSubstitution(command)
            | WordPiece::BackquotedCommandSubstitution(command) => commands.push(command.clone()),
            WordPiece::DoubleQuotedSequence(inner) => substitutions(inner, commands),
            _ => {}
        }
    }
}

/// `$'...'` text: C-style backslash escapes.
fn ansi_c_unquote(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('a') => out.push('\x07'),
            Some('b') => out.push('\x08'),
            Some('e') | Some('E') => out.push('\x1b'),
            Some('f') => out.push('\x0c'),
            Some('v') => out.push('\x0b'),
            Some('\\') => out.push('\\'),
            Some('\'') => out.push('\''),
            Some('"') => out.push('"'),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}
