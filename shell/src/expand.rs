//! Word expansion: quote removal, escapes, tilde, parameter and command substitution,
//! field splitting of unquoted expansions, and pathname expansion (globbing) against the
//! shell's namespace.

use super::regex_word::RegexText;
use super::{Shell, syntax};
use brush_parser::ast::Word;
use brush_parser::word::{
    Parameter, ParameterExpr, SpecialParameter, TildeExpr, WordPiece, WordPieceWithSource,
};
use std::future::Future;
use std::pin::Pin;
use wasmix_kernel::file::Output;
use wasmix_kernel::pipe::pipe;
use wasmix_printf_format::escapes::Unicode;

/// A word the shell cannot expand: what went wrong, and whether it ends a script (an
/// unset variable under `set -u`, `${VAR:?}`), as in bash.
#[derive(Debug)]
pub struct ExpandError {
    pub message: String,
    pub fatal: bool,
    /// The status a fatal error ends `-c` text with (without `set -e`): bash's 127.
    pub status: u8,
    /// The status a fatal error ends a script with otherwise.
    pub script_status: u8,
    /// Ends the command line being run (bash's jump to its top level), not the shell.
    pub aborts: bool,
    /// Ends the shell under `set -e`, wherever it happens (a condition too), as the
    /// errors bash reports through its `report_error` do.
    pub exits_under_errexit: bool,
    /// A fault the arithmetic expression reader found (bash's `evalerror`): what `((`
    /// and `${VAR:off}` put their names before.
    pub in_expression: bool,
    /// A fault of an array subscript's expression or of an integer variable's value,
    /// from which bash jumps to its top level: it ends even a declaration's command line.
    pub from_expression: bool,
}

impl ExpandError {
    pub fn new(message: String) -> ExpandError {
        ExpandError {
            message,
            fatal: false,
            status: 1,
            script_status: 1,
            aborts: false,
            exits_under_errexit: false,
            in_expression: false,
            from_expression: false,
        }
    }

    /// A fault of an arithmetic expression (see `in_expression`).
    pub fn in_expression(message: String) -> ExpandError {
        ExpandError {
            in_expression: true,
            ..ExpandError::new(message)
        }
    }

    pub fn fatal(message: String) -> ExpandError {
        ExpandError {
            message,
            fatal: true,
            status: 127,
            script_status: 1,
            aborts: false,
            exits_under_errexit: false,
            in_expression: false,
            from_expression: false,
        }
    }

    /// A fatal error that ends a script with status 1.
    pub fn fatal_failure(message: String) -> ExpandError {
        ExpandError {
            status: 1,
            ..ExpandError::fatal(message)
        }
    }

    pub fn aborting(message: String) -> ExpandError {
        ExpandError {
            message,
            fatal: false,
            status: 1,
            script_status: 1,
            aborts: true,
            exits_under_errexit: false,
            in_expression: false,
            from_expression: false,
        }
    }

    /// A fault of an array subscript or of an integer variable's value: bash reports it
    /// as the expression reader's alone, not as any builtin's or `((`'s, and jumps to its
    /// top level, ending the command line.
    pub fn ending_the_line(self) -> ExpandError {
        ExpandError {
            aborts: !self.fatal,
            in_expression: false,
            from_expression: true,
            ..self
        }
    }

    /// The error, ending the shell under `set -e` (see `exits_under_errexit`).
    pub fn exiting_under_errexit(self) -> ExpandError {
        ExpandError {
            exits_under_errexit: true,
            ..self
        }
    }
}

/// The operand of `${VAR-word}`, `${VAR+word}`, `${VAR=word}` or `${VAR?word}` as it is
/// read: inside double quotes, as double-quoted text (a single quote is only a character
/// there and `$var` in it expands; `\}` is a brace). Double quotes inside it open and
/// close text that is quoted already, so they go (`"${x-"'a'"}"` is `'a'`). With
/// `extquote` (bash's default), `$'...'` in it is ANSI-C quoted and `$"..."` quoted.
pub(super) fn value_operand(text: &str, quoted: bool, extquote: bool) -> String {
    if !quoted {
        return text.to_string();
    }
    let text = text.replace("\\}", "}");
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    let mut copied = 0;
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'\\' => at += 2,
            b'"' => {
                out.push_str(&text[copied..at]);
                at += 1;
                copied = at;
            }
            b'$' if extquote && bytes.get(at + 1) == Some(&b'\'') => {
                let end = super::word::ansi_quote_end(bytes, at + 2).map_or(bytes.len(), |q| q + 1);
                out.push_str(&text[copied..at]);
                out.push('"');
                out.push_str(&text[at..end]);
                out.push('"');
                at = end;
                copied = at;
            }
            // Without extquote the quote goes and the `$` stays (`$"x"` is `$x`).
            b'$' if bytes.get(at + 1) == Some(&b'"') => {
                let kept = if extquote { at } else { at + 1 };
                out.push_str(&text[copied..kept]);
                at += 2;
                copied = at;
            }
            b'$' | b'`' => at = super::arith_keys::after_expansion(bytes, at),
            _ => at += 1,
        }
    }
    out.push_str(&text[copied.min(text.len())..]);
    out.push('"');
    out
}

/// Command substitutions inside command substitutions, at most.
const MAX_SUBSTITUTION_DEPTH: usize = 1000;

/// A field, and the glob pattern it stands for if it has unquoted `*`, `?` or `[`.
struct Field {
    text: String,
    pattern: Option<String>,
}

/// Fields being built from one word.
/// `$IFS` when it is unset.
const DEFAULT_IFS: &str = " \t\n";

pub(super) struct Fields {
    done: Vec<Field>,
    current: String,
    /// The current field as a glob pattern: quoted characters escaped.
    pattern: String,
    globbing: bool,
    /// A quoted empty string still makes a field: `echo ""` passes one empty argument.
    pub(super) current_exists: bool,
    /// A quoted `"$@"` or `"${a[@]}"` just stood for no elements: quotes around nothing
    /// else make no field.
    pub(super) no_elements: bool,
    /// Whether unquoted expansions are split into fields (not in assignments and patterns).
    split: bool,
    /// Whether unquoted literal text is split too: in the operand of `${VAR:-a b}`, whose
    /// result is split like any expansion's.
    split_literals: bool,
    /// The characters that split fields (`$IFS`).
    ifs: String,
    /// For `[[ =~ ]]`: the field as a regular expression, built instead of `pattern`.
    regex: Option<RegexText>,
    /// A here-document's body is being expanded: `$'...'` is no quote there, even in a
    /// `${VAR-word}` (extquote is for double quotes).
    pub(super) in_document: bool,
    /// An assignment's value is being expanded: a `~` after a `:` in the operand of an
    /// unquoted `${VAR-word}` or `${VAR+word}` is expanded as in the value itself.
    assignment: bool,
}

impl Default for Fields {
    fn default() -> Fields {
        Fields {
            done: Vec::new(),
            current: String::new(),
            pattern: String::new(),
            globbing: false,
            current_exists: false,
            no_elements: false,
            split: true,
            split_literals: false,
            ifs: DEFAULT_IFS.to_string(),
            regex: None,
            in_document: false,
            assignment: false,
        }
    }
}

impl Fields {
    /// For a value: one string, no splitting, no globbing.
    fn unsplit() -> Fields {
        Fields {
            split: false,
            ..Fields::default()
        }
    }

    /// For an assignment's value: unsplit, with tildes after `:` in `${VAR-word}`
    /// expanded.
    pub(super) fn assigned() -> Fields {
        Fields {
            assignment: true,
            ..Fields::unsplit()
        }
    }

    /// Whether unquoted expansions are split here (not in assignments and patterns).
    pub(super) fn splits(&self) -> bool {
        self.split
    }

    /// The result of an expansion: split into fields unless quoted (or not splitting).
    pub(super) fn push_expansion(&mut self, text: &str, quoted: bool) {
        if quoted {
            self.push_literal(text);
        } else if self.split {
            self.push_split(text);
        } else {
            // Unsplit, but still a pattern where one counts (`case`, `${VAR#$pat}`).
            self.push_unquoted(text);
        }
    }

    /// Quoted text: taken as it is, never a pattern.
    pub(super) fn push_literal(&mut self, text: &str) {
        self.current.push_str(text);
        if let Some(regex) = &mut self.regex {
            regex.push(text, true);
        } else {
            self.pattern.push_str(&super::pattern::escape(text));
        }
        self.current_exists = true;
    }

    /// Unquoted text: its `*`, `?` and `[` make the field a pattern.
    fn push_unquoted(&mut self, text: &str) {
        self.current.push_str(text);
        if let Some(regex) = &mut self.regex {
            regex.push(text, false);
        } else {
            self.pattern.push_str(text);
        }
        self.globbing |= super::pattern::has_magic(text);
        self.current_exists = true;
    }

    /// Appends an unquoted expansion, split into fields at `$IFS` as POSIX says: runs of
    /// IFS white space separate fields and are dropped at the ends; each other IFS
    /// character (with white space around it) ends a field, even an empty one.
    fn push_split(&mut self, text: &str) {
        if self.ifs.is_empty() {
            // Unsplit; but an empty expansion makes no field by itself.
            if !text.is_empty() {
                self.push_unquoted(text);
            }
            return;
        }
        let ifs = std::mem::take(&mut self.ifs);
        let is_space = |c: char| matches!(c, ' ' | '\t' | '\n') && ifs.contains(c);
        let is_delimiter = |c: char| ifs.contains(c);
        let mut rest = text.trim_start_matches(is_space);
        if rest.len() != text.len() {
            // White space after a field's text ends it, and an other IFS character right
            // after that white space is part of the same separator (`L x ` is one field).
            if self.current_exists
                && let Some(c) = rest
                    .chars()
                    .next()
                    .filter(|&c| is_delimiter(c) && !is_space(c))
            {
                rest = rest[c.len_utf8()..].trim_start_matches(is_space);
            }
            self.end_field();
        }
        while !rest.is_empty() {
            let Some(end) = rest.find(is_delimiter) else {
                // No delimiter after it: the field goes on past this expansion.
                self.push_unquoted(rest);
                break;
            };
            if end > 0 {
                self.push_unquoted(&rest[..end]);
            }
            rest = rest[end..].trim_start_matches(is_space);
            if let Some(c) = rest
                .chars()
                .next()
                .filter(|&c| is_delimiter(c) && !is_space(c))
            {
                rest = rest[c.len_utf8()..].trim_start_matches(is_space);
                self.current_exists = true;
            }
            self.end_field();
        }
        self.ifs = ifs;
    }

    pub(super) fn end_field(&mut self) {
        if self.current_exists {
            let pattern = std::mem::take(&mut self.pattern);
            self.done.push(Field {
                text: std::mem::take(&mut self.current),
                // `[` alone (the test command) has nothing to match against the disk.
                pattern: (self.globbing && super::pattern::is_pattern(&pattern)).then_some(pattern),
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

/// What an expansion step returns: boxed, since expansions nest (a default value or a
/// command substitution inside a word expands words of its own).
pub(super) type Expanding<'a, T> =
    Pin<Box<dyn Future<Output = Result<T, ExpandError>> + Send + 'a>>;

impl Shell {
    /// Expands a word into the fields it stands for (none, one or several), running the
    /// commands of its command substitutions.
    pub(super) async fn expand_word(&mut self, word: &Word) -> Result<Vec<String>, ExpandError> {
        // "$@" alone is as many words as there are parameters, and none when there are none.
        if word.value == "\"$@\"" {
            return Ok(self.positional.clone());
        }
        let ifs = self.variable("IFS").unwrap_or_else(|| DEFAULT_IFS.into());
        let mut expanded = Vec::new();
        let texts = if self.options.braceexpand {
            super::brace::expand(&word.value).map_err(ExpandError::new)?
        } else {
            vec![word.value.clone()]
        };
        for text in texts {
            let fields = Fields {
                ifs: ifs.clone(),
                ..Fields::default()
            };
            let text = self.assignment_like_tildes(text);
            let fields = self.fields_of(&text, fields).await?;
            expanded.extend(self.expand_paths(fields.finish())?);
        }
        Ok(expanded)
    }

    /// bash expands `~` after the `=` (and each `:`) of an argument that looks like an
    /// assignment (`echo PATH=~/bin:~/sbin`); such tildes become the quoted `$HOME`.
    /// Not in POSIX mode, which expands a tilde only at a word's start.
    fn assignment_like_tildes(&self, text: String) -> String {
        let Some((name, value)) = text.split_once('=') else {
            return text;
        };
        if self.options.posix {
            return text;
        }
        if !super::assign::is_name(name)
            || !value.contains('~')
            || value.contains(['\'', '"', '\\', '$', '`'])
        {
            return text;
        }
        let Some(home) = self.variable("HOME") else {
            return text;
        };
        let quoted_home = format!("'{}'", home.replace('\'', "'\\''"));
        let parts: Vec<String> = value
            .split(':')
            .map(|part| match part.strip_prefix('~') {
                Some(rest) if rest.is_empty() || rest.starts_with('/') => {
                    format!("{quoted_home}{rest}")
                }
                _ => part.to_string(),
            })
            .collect();
        format!("{name}={}", parts.join(":"))
    }

    /// The value of an assignment or a `case` word: expanded, but not split or matched
    /// against files.
    pub(super) async fn expand_value(&mut self, word: &Word) -> Result<String, ExpandError> {
        let fields = self.fields_of(&word.value, Fields::unsplit()).await?;
        Ok(fields.current)
    }

    /// A part of an assignment's value; with `in_operands`, tildes after a `:` in its
    /// `${VAR-word}` operands are expanded (see `Fields::assigned`).
    pub(super) async fn expand_assigned_part(
        &mut self,
        text: &str,
        in_operands: bool,
    ) -> Result<String, ExpandError> {
        let fields = match in_operands {
            true => Fields::assigned(),
            false => Fields::unsplit(),
        };
        Ok(self.fields_of(text, fields).await?.current)
    }

    /// A `case` pattern: expanded, its quoted parts escaped so they match only themselves.
    pub(super) async fn expand_case_pattern(&mut self, word: &Word) -> Result<String, ExpandError> {
        let fields = self.fields_of(&word.value, Fields::unsplit()).await?;
        Ok(fields.pattern)
    }

    /// The right side of `[[ =~ ]]`: a regular expression whose quoted parts match
    /// themselves.
    pub(super) async fn expand_regex(&mut self, word: &Word) -> Result<String, ExpandError> {
        let fields = Fields {
            regex: Some(RegexText::default()),
            ..Fields::unsplit()
        };
        let fields = self.fields_of(&word.value, fields).await?;
        Ok(fields.regex.unwrap_or_default().into_string())
    }

    /// Whether `$'...'` and `$"..."` are quotes in a `${VAR-word}` expanded into
    /// `fields` (shopt extquote, outside here-documents).
    pub(super) fn extquote_in(&self, fields: &Fields) -> bool {
        self.shell_options.extquote && !fields.in_document
    }

    /// Expands the body of a here-document: parameters, but no quotes and no splitting.
    pub(super) async fn expand_document(&mut self, document: &Word) -> Result<String, ExpandError> {
        let pieces = syntax::parse_word(&document.value, true).map_err(ExpandError::new)?;
        let mut fields = Fields {
            in_document: true,
            ..Fields::unsplit()
        };
        self.expand_pieces(&document.value, &pieces, true, &mut fields)
            .await?;
        Ok(fields.current)
    }

    /// Parses word text and expands it into `fields`.
    async fn fields_of(&mut self, text: &str, mut fields: Fields) -> Result<Fields, ExpandError> {
        let pieces = syntax::parse_word(text, false).map_err(ExpandError::new)?;
        self.expand_pieces(text, &pieces, false, &mut fields)
            .await?;
        Ok(fields)
    }

    /// Word text (an operand of a parameter operator) expanded as one string, unsplit;
    /// with `as_pattern`, its quoted parts escaped for matching.
    pub(super) fn expand_operand<'a>(
        &'a mut self,
        text: &'a str,
        quoted: bool,
        as_pattern: bool,
    ) -> Expanding<'a, String> {
        Box::pin(async move {
            let pieces = syntax::parse_word(text, false).map_err(ExpandError::new)?;
            let mut fields = Fields::unsplit();
            self.expand_pieces(text, &pieces, quoted, &mut fields)
                .await?;
            Ok(if as_pattern {
                fields.pattern
            } else {
                fields.current
            })
        })
    }

    /// Expands operand text into the fields being built, as if it stood in the word; its
    /// unquoted text is split as an expansion's result is.
    pub(super) fn expand_operand_into<'a>(
        &'a mut self,
        text: &'a str,
        quoted: bool,
        fields: &'a mut Fields,
    ) -> Expanding<'a, ()> {
        Box::pin(async move {
            let text = value_operand(text, quoted, self.extquote_in(fields));
            let parts = match fields.assignment && !quoted {
                true => super::elements::split_before_tildes(&text),
                false => vec![text],
            };
            let outer = std::mem::replace(&mut fields.split_literals, true);
            let mut result = Ok(());
            for (at, part) in parts.iter().enumerate() {
                if at > 0 {
                    fields.push_unquoted(":");
                }
                let pieces = syntax::parse_word(part, false).map_err(ExpandError::new)?;
                result = self.expand_pieces(part, &pieces, quoted, fields).await;
                if result.is_err() {
                    break;
                }
            }
            fields.split_literals = outer;
            result
        })
    }

    /// Pathname expansion: a pattern field becomes the sorted names that match it, or stays
    /// as it is when nothing does (bash's default).
    fn expand_paths(&self, fields: Vec<Field>) -> Result<Vec<String>, ExpandError> {
        let mut expanded = Vec::new();
        for field in fields {
            let Some(pattern) = field.pattern.filter(|_| !self.options.noglob) else {
                expanded.push(field.text);
                continue;
            };
            let matches = self.glob(&pattern);
            if !matches.is_empty() {
                expanded.extend(matches);
            } else if self.shell_options.failglob {
                let message = format!("no match: {}", field.text);
                return Err(ExpandError::aborting(message).exiting_under_errexit());
            } else if !self.shell_options.nullglob {
                expanded.push(field.text);
            }
        }
        Ok(expanded)
    }

    /// Runs `text` in a subshell and returns what it printed, without trailing newlines.
    /// `$?` becomes its status. (Boxed: it recurses through the commands it runs.)
    pub(super) fn capture<'a>(&'a mut self, text: &'a str) -> Expanding<'a, String> {
        Box::pin(self.capture_unboxed(text, false))
    }

    /// `$(...)`, which bash reads with the command it is in: a syntax error inside is
    /// that command's, and ends a script with status 2 (inside backquotes, read only when
    /// they run, it makes the substitution's status 2).
    fn substitute<'a>(&'a mut self, text: &'a str) -> Expanding<'a, String> {
        Box::pin(self.capture_unboxed(text, true))
    }

    async fn capture_unboxed(
        &mut self,
        text: &str,
        read_with_command: bool,
    ) -> Result<String, ExpandError> {
        if self.substitution_depth >= MAX_SUBSTITUTION_DEPTH {
            return Err(ExpandError::fatal_failure(format!(
                "command substitutions nested more than {MAX_SUBSTITUTION_DEPTH} deep"
            )));
        }
        let program = match syntax::parse_with(text, self.reading()) {
            Ok(program) => program,
            Err(error) if read_with_command => {
                return Err(ExpandError {
                    script_status: super::SYNTAX_ERROR_STATUS,
                    ..ExpandError::fatal(error.message)
                });
            }
            Err(error) => {
                self.report(&error.message);
                self.last_status = super::SYNTAX_ERROR_STATUS;
                return Ok(String::new());
            }
        };
        if let Some(word) = super::redirect::lone_input_redirect(&program) {
            let contents = self.read_substituted_file(word).await;
            self.substitution_status = Some(self.last_status);
            return Ok(substituted_text(contents, |warning| self.report(warning)));
        }
        let (reader, writer) = pipe();
        // The substitution's output is captured; the rest are the shell's own streams.
        let mut io = self.own_streams();
        io.stdout = Output::Pipe(writer);
        let mut shell = self.subshell(&io);
        // The subshell holds the write end now: the read below ends when it is done.
        drop(io);
        shell.substitution_depth += 1;
        // Its lines count from the line it is on.
        shell.line_offset = self.line.saturating_sub(1);
        // As bash outside POSIX mode: `set -e` does not reach into `$(...)` unless
        // `shopt -s inherit_errexit`.
        shell.options.errexit &= self.shell_options.inherit_errexit;
        let task = tokio::spawn(async move {
            let mut status = None;
            for command in &program.complete_commands {
                // `exec 4>&1` on one line holds for the lines after it.
                let io = shell.own_streams();
                match shell.run_list(command, &io).await {
                    Ok(()) => {}
                    Err(
                        super::Flow::Exit(code)
                        | super::Flow::Return(code)
                        | super::Flow::Abort(code),
                    ) => {
                        status = Some(code);
                        break;
                    }
                    Err(_) => break,
                }
            }
            let status = status.unwrap_or(shell.last_status);
            shell.exit_with(status).await
        });
        let mut output = Vec::new();
        while let Some(chunk) = reader.read(64 * 1024).await {
            output.extend_from_slice(&chunk);
        }
        self.last_status = task.await.unwrap_or(1);
        self.substitution_status = Some(self.last_status);
        Ok(substituted_text(output, |warning| self.report(warning)))
    }

    pub(super) fn expand_pieces<'a>(
        &'a mut self,
        source: &'a str,
        pieces: &'a [WordPieceWithSource],
        quoted: bool,
        fields: &'a mut Fields,
    ) -> Expanding<'a, ()> {
        Box::pin(async move {
            for piece in pieces {
                self.expand_piece(source, piece, quoted, fields).await?;
            }
            Ok(())
        })
    }

    async fn expand_piece(
        &mut self,
        source: &str,
        piece: &WordPieceWithSource,
        quoted: bool,
        fields: &mut Fields,
    ) -> Result<(), ExpandError> {
        match &piece.piece {
            // What the parser left as text after a `$` and `{` is no parameter it knows.
            WordPiece::Text(text)
                if text.contains("${")
                    || (text.ends_with('$') && source[piece.end_index..].starts_with('{')) =>
            {
                let rest = &source[piece.start_index..];
                let start = rest.find("${").unwrap_or(0);
                let end = rest[start..]
                    .find('}')
                    .map_or(rest.len(), |end| start + end + 1);
                return Err(ExpandError::aborting(format!(
                    "{}: bad substitution",
                    &rest[start..end]
                )));
            }
            WordPiece::Text(text) if quoted => fields.push_literal(text),
            WordPiece::Text(text) if fields.split_literals && fields.split => {
                fields.push_split(text)
            }
            WordPiece::Text(text) => fields.push_unquoted(text),
            // Inside double quotes (`"${u:-'b'}"`) single quotes are characters.
            WordPiece::SingleQuotedText(text) if quoted => {
                fields.push_literal(&format!("'{text}'"))
            }
            WordPiece::SingleQuotedText(text) => fields.push_literal(text),
            WordPiece::AnsiCQuotedText(text) => {
                fields.push_literal(&ansi_c_unquote(text, self.utf8_locale()))
            }
            // `$"..."` is text for translation, and with no translations, `"..."`.
            WordPiece::DoubleQuotedSequence(inner)
            | WordPiece::GettextDoubleQuotedSequence(inner) => {
                let existed = fields.current_exists;
                fields.current_exists = true;
                fields.no_elements = false;
                self.expand_pieces(source, inner, true, fields).await?;
                if fields.no_elements && inner.len() == 1 {
                    fields.current_exists = existed;
                }
            }
            WordPiece::EscapeSequence(escape) => {
                let escaped = &escape[1..];
                // Inside double quotes a backslash escapes only $ ` " \ and newline.
                if quoted && !matches!(escaped, "$" | "`" | "\"" | "\\" | "\n") {
                    fields.push_literal(escape);
                } else if escaped != "\n" {
                    fields.push_literal(escaped);
                }
            }
            WordPiece::CommandSubstitution(command) => {
                let output = self.substitute(command).await?;
                fields.push_expansion(&output, quoted);
            }
            WordPiece::BackquotedCommandSubstitution(command) => {
                // Inside backquotes a backslash quotes only `$`, `` ` `` and `\`.
                let mut text = String::with_capacity(command.len());
                let mut chars = command.chars().peekable();
                while let Some(c) = chars.next() {
                    match (c, chars.peek()) {
                        ('\\', Some('$' | '`' | '\\')) => text.extend(chars.next()),
                        (c, _) => text.push(c),
                    }
                }
                let output = self.capture(&text).await?;
                fields.push_expansion(&output, quoted);
            }
            WordPiece::ArithmeticExpression(expression) => {
                let evaluated = self.evaluate_arithmetic_text(&expression.value).await?;
                // As bash: a bad `$((...))` ends the command line (`((...))` only fails).
                let value = evaluated.value.map_err(|e| ExpandError {
                    aborts: !e.fatal,
                    ..e
                })?;
                fields.push_expansion(&value.to_string(), quoted);
            }
            WordPiece::TildeExpansion(tilde) if !quoted => {
                let value = match tilde {
                    TildeExpr::Home => self.variable("HOME"),
                    TildeExpr::WorkingDir => self.variable("PWD"),
                    TildeExpr::OldWorkingDir => self.variable("OLDPWD"),
                    TildeExpr::NthDirFromTopOfDirStack { n, .. } => self.stack_directory(*n, false),
                    TildeExpr::NthDirFromBottomOfDirStack { n, .. } => {
                        self.stack_directory(*n, true)
                    }
                    // As bash's getpwnam: the home /etc/passwd gives the name (`~root`),
                    // and wasmix's one user's, whatever `HOME` says now.
                    TildeExpr::UserHome(name) => self
                        .passwd_home(name)
                        .or_else(|| (name == super::USER).then(|| super::HOME.into())),
                };
                match value {
                    Some(value) => fields.push_literal(&value),
                    None => fields.push_literal(piece_text(source, piece)),
                }
            }
            // In arithmetic and other quoted text, `~` is only a character.
            WordPiece::TildeExpansion(_) => fields.push_literal(piece_text(source, piece)),
            WordPiece::ParameterExpansion(ParameterExpr::Parameter {
                parameter:
                    Parameter::Special(SpecialParameter::AllPositionalParameters { concatenate: false }),
                indirect: false,
            }) if quoted && fields.split => {
                // "$@": each parameter stays a word of its own.
                fields.no_elements = self.positional.is_empty();
                for (index, value) in self.positional.clone().iter().enumerate() {
                    if index > 0 {
                        fields.current_exists = true;
                        fields.end_field();
                    }
                    fields.push_literal(value);
                }
            }
            WordPiece::ParameterExpansion(expression) => {
                // `${#%}`: bash takes one character after `#` as the parameter whose
                // length is asked, and an operator there names none; nor does it change
                // the case of `$#` (`${#^}`, `${#,,}`).
                let text = piece_text(source, piece);
                if let Some(operator) = text.strip_prefix("${#").and_then(|t| t.strip_suffix('}'))
                    && (["/", "%", "=", "+"].contains(&operator)
                        || operator.starts_with(['^', ',']))
                {
                    return Err(ExpandError::aborting(format!("{text}: bad substitution")));
                }
                // `${a[]}`: an empty subscript is no parameter bash can read.
                let parameter = text.trim_start_matches("${").trim_start_matches(['#', '!']);
                let name = parameter.len()
                    - parameter
                        .trim_start_matches(|c: char| c.is_ascii_alphanumeric() || c == '_')
                        .len();
                if name > 0 && parameter[name..].starts_with("[]") {
                    return Err(ExpandError::aborting(format!("{text}: bad substitution")));
                }
                // bash names an unbraced positional parameter as written (`$9`).
                let unbraced_positional = text.len() == 2 && text.as_bytes()[1].is_ascii_digit();
                self.expand_parameter(expression, quoted, fields)
                    .await
                    .map_err(|mut e| {
                        if unbraced_positional
                            && e.message == format!("{}: unbound variable", &text[1..])
                        {
                            e.message = format!("{text}: unbound variable");
                        }
                        e
                    })?
            }
        }
        Ok(())
    }

    /// The value of a parameter, or None when it is unset.
    pub(super) fn lookup(&self, parameter: &Parameter) -> Option<String> {
        match parameter {
            Parameter::Named(name) => self.variable(name),
            Parameter::Positional(0) => Some(self.script_name.clone()),
            Parameter::Positional(n) => self.positional.get(*n as usize - 1).cloned(),
            Parameter::NamedWithIndex { .. } | Parameter::NamedWithAllIndices { .. } => None,
            Parameter::Special(special) => Some(match special {
                SpecialParameter::LastExitStatus => self.last_status.to_string(),
                // `$$` is the shell's own pid, in subshells too.
                SpecialParameter::ProcessId => self.process_pid.to_string(),
                SpecialParameter::LastBackgroundProcessId => self.last_background?.to_string(),
                SpecialParameter::ShellName => self.script_name.clone(),
                SpecialParameter::PositionalParameterCount => self.positional.len().to_string(),
                // $* and unquoted $@: the parameters joined (then split if unquoted),
                // joined by the first character of $IFS (none when it is empty).
                SpecialParameter::AllPositionalParameters { .. } => {
                    let ifs = self.variable("IFS").unwrap_or_else(|| DEFAULT_IFS.into());
                    let separator: String = ifs.chars().take(1).collect();
                    self.positional.join(&separator)
                }
                SpecialParameter::CurrentOptionFlags => self.option_flags(),
            }),
        }
    }
}

/// The text a piece was parsed from.
fn piece_text<'s>(source: &'s str, piece: &WordPieceWithSource) -> &'s str {
    source
        .get(piece.start_index..piece.end_index)
        .unwrap_or_default()
}

/// `$'...'` text: C-style backslash escapes; `utf8` is whether the locale is (how `\u`
/// escapes are written).
pub(super) fn ansi_c_unquote(text: &str, utf8: bool) -> String {
    // Built as bytes, so `\xce\xbc` is the two bytes of "μ".
    let mut out: Vec<u8> = Vec::new();
    let push = |out: &mut Vec<u8>, c: char| {
        let mut buffer = [0; 4];
        out.extend_from_slice(c.encode_utf8(&mut buffer).as_bytes());
    };
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            push(&mut out, c);
            continue;
        }
        match chars.next() {
            Some('n') => push(&mut out, '\n'),
            Some('t') => push(&mut out, '\t'),
            Some('r') => push(&mut out, '\r'),
            Some('a') => push(&mut out, '\x07'),
            Some('b') => push(&mut out, '\x08'),
            Some('e') | Some('E') => push(&mut out, '\x1b'),
            Some('f') => push(&mut out, '\x0c'),
            Some('v') => push(&mut out, '\x0b'),
            Some('\\') => push(&mut out, '\\'),
            Some('\'') => push(&mut out, '\''),
            Some('"') => push(&mut out, '"'),
            Some('c') => match chars.next() {
                // `\cX`: the control character, as Ctrl-X types it; bash masks any
                // character so (`\c0` is 0x10), but `\c?` is DEL.
                Some('?') => out.push(0x7f),
                // `\c\\` takes both backslashes, as bash reads it.
                Some('\\') if chars.clone().next() == Some('\\') => {
                    chars.next();
                    out.push(0x1c);
                }
                Some(c) => out.push((c.to_ascii_uppercase() as u32 & 0x1f) as u8),
                None => out.extend_from_slice(b"\\c"),
            },
            Some(kind @ ('x' | 'u' | 'U')) => {
                let most = match kind {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let digits: String = chars
                    .clone()
                    .take(most)
                    .take_while(char::is_ascii_hexdigit)
                    .collect();
                if !digits.is_empty() {
                    chars.nth(digits.len() - 1);
                }
                match u32::from_str_radix(&digits, 16).ok() {
                    // `\xHH` is a byte; `\u` and `\U` a character.
                    Some(byte) if kind == 'x' => out.push(byte as u8),
                    Some(code) => {
                        let unicode = Unicode {
                            strict: false,
                            utf8,
                        };
                        out.extend(unicode.encode(code));
                    }
                    _ => {
                        push(&mut out, '\\');
                        push(&mut out, kind);
                    }
                }
            }
            Some(first @ '0'..='7') => {
                let mut value = first.to_digit(8).unwrap_or(0);
                for _ in 0..2 {
                    match chars.clone().next().and_then(|c| c.to_digit(8)) {
                        Some(digit) => {
                            value = value * 8 + digit;
                            chars.next();
                        }
                        None => break,
                    }
                }
                out.push((value & 0xff) as u8);
            }
            Some(other) => {
                push(&mut out, '\\');
                push(&mut out, other);
            }
            None => push(&mut out, '\\'),
        }
        // A shell string ends at a NUL byte, as bash's C strings do.
        if let Some(end) = out.iter().position(|&b| b == 0) {
            out.truncate(end);
            break;
        }
    }
    wasmix_printf_format::rawbytes::decode(&out)
}

/// What a command substitution's output becomes: without NUL bytes (a shell string cannot
/// hold one: bash drops them, and `warn`s) and without its trailing newlines.
fn substituted_text(mut output: Vec<u8>, warn: impl FnOnce(&str)) -> String {
    if output.contains(&0) {
        output.retain(|&byte| byte != 0);
        warn("warning: command substitution: ignored null byte in input");
    }
    while output.last() == Some(&b'\n') {
        output.pop();
    }
    wasmix_printf_format::rawbytes::decode(&output)
}
