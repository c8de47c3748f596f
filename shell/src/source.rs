//! Running shell text inside the running shell: `source FILE` and `eval ARGS`.

use super::reader::Reader;
use super::syntax::{END_OF_FILE, SyntaxError};
use super::{Flow, Shell};
use std::future::Future;
use std::pin::Pin;
use wasmix_kernel::file::Stdio;

/// Sourced files and `eval`s (with the functions around them) nested before the shell
/// refuses, so that a file that sources itself ends with an error.
const MAX_NESTED_TEXTS: usize = 200;

type Boxed<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// Text read inside the running shell: a sourced file (by the name it was given) or
/// `eval`'s words (with the lines before them, which its line numbers count from).
#[derive(Clone, Copy)]
enum Nested<'a> {
    Source(&'a str),
    Eval(usize),
}

impl Shell {
    /// `source FILE [ARGS]`: runs a file of the namespace in this shell. (Boxed: what it
    /// runs can source again.)
    pub(super) fn source<'a>(
        &'a mut self,
        argv: &'a [String],
        io: &'a Stdio,
    ) -> Boxed<'a, Result<u8, Flow>> {
        Box::pin(self.source_unboxed(argv, io))
    }

    async fn source_unboxed(&mut self, argv: &[String], io: &Stdio) -> Result<u8, Flow> {
        // `source -- FILE`: the `--` goes.
        let owned: Vec<String>;
        let argv = match argv.get(1) {
            Some(dashes) if dashes == "--" => {
                owned = std::iter::once(argv[0].clone())
                    .chain(argv[2..].iter().cloned())
                    .collect();
                &owned[..]
            }
            _ => argv,
        };
        let Some(file) = argv.get(1) else {
            self.report(&format!("{}: filename argument required", argv[0]));
            self.say(format!("{0}: usage: {0} filename [arguments]", argv[0]));
            self.special_builtin_failed = true;
            return Ok(2);
        };
        let cwd = self.cwd.clone();
        // As bash: a name without a slash is looked for in $PATH first (files only; unless
        // `shopt -u sourcepath`), then in the working directory.
        let in_path = (!file.contains('/') && self.shell_options.sourcepath)
            .then(|| {
                let search = self.variable("PATH").unwrap_or_default();
                search.split(':').find_map(|dir| {
                    let dir = if dir.is_empty() { "." } else { dir };
                    let candidate =
                        wasmix_kernel::fs::namespace::absolute(&cwd, &format!("{dir}/{file}"));
                    self.namespace
                        .stat(&candidate, true)
                        .is_ok_and(|meta| !meta.is_dir())
                        .then_some(candidate)
                })
            })
            .flatten();
        // In POSIX mode the working directory is not searched (whatever `sourcepath`).
        if in_path.is_none() && !file.contains('/') && self.options.posix {
            self.report(&format!("{}: {file}: file not found", argv[0]));
            self.special_builtin_failed = true;
            return Ok(1);
        }
        let path = in_path.unwrap_or_else(|| wasmix_kernel::fs::namespace::absolute(&cwd, file));
        // `echo cmd | . /dev/stdin`: the builtin's own standard input, a pipe here.
        let read = match path.as_str() {
            "/dev/stdin" | "/dev/fd/0" => Ok(super::process::read_all(&io.stdin).await),
            _ => self.source_text(&path).await,
        };
        let text = match read {
            Ok(bytes) => super::process::script_text(&bytes),
            Err(e) => {
                self.report(&format!("{file}: {e}"));
                self.special_builtin_failed = true;
                return Ok(1);
            }
        };
        self.notice_bash_command(&text);
        let saved =
            (argv.len() > 2).then(|| std::mem::replace(&mut self.positional, argv[2..].to_vec()));
        let positional_set = std::mem::take(&mut self.positional_set);
        self.source_files.push(file.to_string());
        let line = self.line;
        self.enter_frame("source", line);
        self.publish_call_stack();
        // Without `set -T` a sourced file does not see the DEBUG trap, unless it sets
        // one of its own, as in bash.
        let debug_trap = match self.options.functrace {
            true => None,
            false => self.traps.remove("DEBUG"),
        };
        let pushed_arguments = saved.is_some() && self.shell_options.extdebug;
        if pushed_arguments {
            self.call_arguments.push(argv[2..].to_vec());
            self.publish_arguments();
        }
        let result = self.run_nested(&text, io, Nested::Source(file)).await;
        if pushed_arguments {
            self.call_arguments.pop();
            self.publish_arguments();
        }
        self.source_files.pop();
        self.call_frames.pop();
        self.publish_call_stack();
        // Arguments given to `.` are the file's own, unless it `set` new ones.
        if let Some(saved) = saved.filter(|_| !self.positional_set) {
            self.positional = saved;
        }
        self.positional_set |= positional_set;
        let status = match result {
            Ok(Some(error)) => {
                self.report_nested_error(&error, Nested::Source(file));
                super::SYNTAX_ERROR_STATUS
            }
            Ok(None) => self.last_status,
            Err(Flow::Return(status)) => status,
            Err(other) => {
                self.restore_debug_trap(debug_trap);
                return Err(other);
            }
        };
        // The RETURN trap runs as a sourced file ends too, where a function would run
        // it (a function is not handed it without `set -T`), `$LINENO` the line of
        // `source`; the DEBUG trap is back only after it, as in bash.
        let mut returned = Ok(status);
        if self.traps.contains_key("RETURN")
            && (self.function_names.is_empty()
                || self.options.functrace
                || self.in_traced_function())
        {
            self.last_status = status;
            self.line = line;
            if let Err(flow) = self.run_trap("RETURN").await {
                returned = Err(flow);
            }
        }
        self.restore_debug_trap(debug_trap);
        returned
    }

    /// `eval ARGS`: the arguments joined by spaces, parsed and run here. (Boxed: the
    /// text can eval again.)
    pub(super) fn eval<'a>(
        &'a mut self,
        args: &'a [String],
        io: &'a Stdio,
    ) -> Boxed<'a, Result<u8, Flow>> {
        Box::pin(async move {
            // `eval -- ARGS`; any other option is refused, as bash does.
            let args = match args.first().map(String::as_str) {
                Some("--") => &args[1..],
                Some(option) if option.starts_with('-') && option.len() > 1 => {
                    self.report(&format!("eval: {option}: invalid option"));
                    self.say("eval: usage: eval [arg ...]".into());
                    return Ok(2);
                }
                _ => args,
            };
            let text = args.join(" ");
            if text.trim().is_empty() {
                return Ok(0);
            }
            self.notice_bash_command(&text);
            // bash counts eval's lines from the line its last word ends on.
            let offset = self.last_line.saturating_sub(1);
            match self.run_nested(&text, io, Nested::Eval(offset)).await? {
                Some(mut error) => {
                    // bash reads eval's text with a newline after it: an end of file
                    // after a last backslash is a line further on.
                    if error.message == END_OF_FILE && super::syntax::ends_with_escape(&text) {
                        error.line += 1;
                    }
                    self.report_nested_error(&error, Nested::Eval(offset));
                    // One inside a command substitution ends a script (1) or `-c` text
                    // (127), as in bash.
                    match (error.in_substitution, &self.origin) {
                        (true, super::Origin::CommandString) => Err(Flow::Exit(127)),
                        (true, super::Origin::Script(_) | super::Origin::StandardInput) => {
                            Err(Flow::Exit(1))
                        }
                        _ => Ok(super::SYNTAX_ERROR_STATUS),
                    }
                }
                None => Ok(self.last_status),
            }
        })
    }

    /// Reads and runs text inside the running shell, counting against the nesting limit
    /// (a file that sources itself would otherwise recurse until the native stack
    /// overflows). The commands before a syntax error run, and the error is given back to
    /// be reported.
    async fn run_nested(
        &mut self,
        text: &str,
        io: &Stdio,
        nested: Nested<'_>,
    ) -> Result<Option<SyntaxError>, Flow> {
        let (name, kind, line_offset) = match nested {
            Nested::Source(file) => (file, "source", 0),
            Nested::Eval(offset) => ("eval", "eval", offset),
        };
        if self.call_depth >= MAX_NESTED_TEXTS {
            self.report(&format!(
                "{name}: maximum {kind} nesting level exceeded ({MAX_NESTED_TEXTS})"
            ));
            self.last_status = 1;
            return Ok(None);
        }
        self.call_depth += 1;
        self.trace_nesting += 1;
        let offset = std::mem::replace(&mut self.line_offset, line_offset);
        let result = self.read_and_run(text, io, nested).await;
        self.line_offset = offset;
        self.trace_nesting -= 1;
        self.call_depth -= 1;
        match result {
            // An error that drops the command line being run (a read-only variable, a
            // bad substitution) drops the rest of the text, and `eval` or `source` fails:
            // the line that ran it goes on, as in bash.
            Err(Flow::Abort(status)) => {
                self.last_status = status;
                Ok(None)
            }
            other => other,
        }
    }

    async fn read_and_run(
        &mut self,
        text: &str,
        io: &Stdio,
        nested: Nested<'_>,
    ) -> Result<Option<SyntaxError>, Flow> {
        let mut reader = Reader::new(text);
        while let Some(chunk) = reader.next(self.reading()) {
            let aliases = self.reading_state();
            let mut stopped = None;
            let last = chunk.program.complete_commands.len().saturating_sub(1);
            for (index, command) in chunk.program.complete_commands.iter().enumerate() {
                if index == last {
                    self.warn_open_documents(&chunk.open_documents, text, nested);
                }
                self.note_read_to(command);
                self.run_list(command, io).await?;
                if self.reading_state() != aliases
                    && super::reader::read_again_after(&chunk.program, index)
                {
                    stopped = Some(index + 1);
                    break;
                }
            }
            if let Some(line) = stopped.and_then(|index| chunk.resume_line(index)) {
                reader.resume_at(line);
                continue;
            }
            match chunk.error {
                Some((error, _)) if error.discards_line => {
                    self.report_nested_error(&error, nested);
                    self.last_status = 1;
                    reader.resume_at(error.line + 1);
                }
                Some((error, _)) => return Ok(Some(error)),
                None => {}
            }
        }
        Ok(None)
    }

    /// The here-documents the end of sourced or evaluated text delimited, warned of as
    /// bash does when the command holding them is reached.
    fn warn_open_documents(
        &self,
        documents: &[super::syntax::OpenDocument],
        text: &str,
        nested: Nested<'_>,
    ) {
        let (name, offset) = match (nested, &self.origin) {
            (Nested::Source(file), _) => (file.to_string(), 0),
            (Nested::Eval(_), super::Origin::Prompt) => (String::new(), 0),
            (Nested::Eval(offset), super::Origin::CommandString | super::Origin::StandardInput) => {
                (self.script_name.clone(), offset)
            }
            (Nested::Eval(offset), super::Origin::Script(path)) => (path.clone(), offset),
        };
        let end = offset + text.lines().count();
        for document in documents {
            let warning = format!(
                "warning: here-document at line {} delimited by end-of-file (wanted `{}')",
                offset + document.line,
                document.tag
            );
            self.say(match name.is_empty() {
                true => format!("wasmix: {warning}"),
                false => format!("{name}: line {end}: {warning}"),
            });
        }
    }

    /// A syntax error in sourced or evaluated text, as bash words it there.
    fn report_nested_error(&self, error: &SyntaxError, nested: Nested<'_>) {
        let prefix = match (nested, &self.origin) {
            (Nested::Source(file), _) => format!("{file}: line {}: ", error.line),
            (Nested::Eval(_), super::Origin::Prompt) => "wasmix: ".to_string(),
            (Nested::Eval(offset), super::Origin::CommandString | super::Origin::StandardInput) => {
                format!("{}: eval: line {}: ", self.script_name, offset + error.line)
            }
            (Nested::Eval(offset), super::Origin::Script(path)) => {
                format!("{path}: eval: line {}: ", offset + error.line)
            }
        };
        for part in error.message.split('\n') {
            self.say(format!("{prefix}{part}"));
        }
        if let Some(line) = &error.source_line {
            self.say(format!("{prefix}`{line}'"));
        }
    }

    /// The whole text of a file to source; a pipe (`source <(cmd)`) is read to its end,
    /// as it has no offsets to read at.
    async fn source_text(&self, path: &str) -> Result<Vec<u8>, wasmix_kernel::fs::FsError> {
        let file = self
            .namespace
            .open(path, wasmix_kernel::fs::OpenOptions::read_only())?;
        let Some(reader) = file.pipe_reader() else {
            return self.read_whole_file(path);
        };
        let mut contents = Vec::new();
        while let Some(bytes) = reader.read(64 * 1024).await {
            contents.extend_from_slice(&bytes);
        }
        Ok(contents)
    }
}
