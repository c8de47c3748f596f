//! Redirections: `<`, `>`, `>>`, `>|`, `2>&1`, `>&2`, `&>`, `&>>`, here-documents and
//! here-strings, applied to a command's stdio in the order written; and `$(< FILE)`. As in bash,
//! `/dev/stdin`, `/dev/stdout`, `/dev/stderr` and `/dev/fd/N` name the command's own streams
//! (WASI has no descriptors a program could reopen them through).

use super::Shell;
use brush_parser::ast::{
    Command, CommandPrefixOrSuffixItem, CompoundListItem, IoFileRedirectKind, IoFileRedirectTarget,
    IoRedirect, ProcessSubstitutionKind, Program, Word,
};
use bytes::Bytes;
use wasmix_kernel::file::{Input, Output, Stdio, Stream};
use wasmix_kernel::fs::Metadata;
use wasmix_kernel::fs::OpenOptions;
use wasmix_kernel::fs::namespace::absolute;
use wasmix_kernel::fs::sizelimit::limit_file_size;
use wasmix_kernel::pipe::pipe;

/// `$(< FILE)`: a substitution whose program is one input redirection and nothing else,
/// which bash reads as the file's contents (`$(cat FILE)` without a process).
pub(super) fn lone_input_redirect(program: &Program) -> Option<&Word> {
    let [list] = program.complete_commands.as_slice() else {
        return None;
    };
    let [CompoundListItem(and_or, _)] = list.0.as_slice() else {
        return None;
    };
    let pipeline = &and_or.first;
    if !and_or.additional.is_empty() || pipeline.bang || pipeline.timed.is_some() {
        return None;
    }
    let [Command::Simple(simple)] = pipeline.seq.as_slice() else {
        return None;
    };
    if simple.word_or_name.is_some() || simple.suffix.is_some() {
        return None;
    }
    match simple.prefix.as_ref()?.0.as_slice() {
        [
            CommandPrefixOrSuffixItem::IoRedirect(IoRedirect::File(
                None | Some(0),
                IoFileRedirectKind::Read,
                IoFileRedirectTarget::Filename(word),
            )),
        ] => Some(word),
        _ => None,
    }
}

impl Shell {
    /// The contents of the file `$(< FILE)` names; what went wrong is reported and makes
    /// `$?` 1.
    pub(super) async fn read_substituted_file(&mut self, word: &Word) -> Vec<u8> {
        let read = match self.redirect_path(word).await {
            Ok((name, path)) => match self.read_whole_file(&path) {
                // As bash: a directory opens, and reading it gives nothing, quietly.
                Err(wasmix_kernel::fs::FsError::IsDirectory) => Ok(Vec::new()),
                read => read.map_err(|e| format!("{name}: {e}")),
            },
            Err(message) => Err(message),
        };
        match read {
            Ok(contents) => {
                self.last_status = 0;
                contents
            }
            Err(message) => {
                self.report(&message);
                self.last_status = 1;
                Vec::new()
            }
        }
    }

    /// Applies redirections to `stdio`. Err carries the message to report (the command is
    /// then not run, status 1, as in bash).
    pub(super) async fn apply_redirects(
        &mut self,
        redirects: &[&IoRedirect],
        stdio: &mut Stdio,
    ) -> Result<(), String> {
        self.redirected_fds = redirects
            .iter()
            .flat_map(|r| descriptors_named(r))
            .collect();
        for redirect in redirects {
            match redirect {
                IoRedirect::File(fd, kind, target) => {
                    self.redirect_file(*fd, kind, target, stdio).await?
                }
                IoRedirect::OutputAndError(word, append) => {
                    let refuse = !*append && self.options.noclobber;
                    let output = self.open_output(word, *append, refuse, stdio).await?;
                    stdio.stderr = output.duplicate();
                    stdio.stdout = output;
                }
                // A here-string is neither split nor globbed (bash 4.4 on): `$x` keeps its
                // blanks and `"$@"` is joined by spaces.
                IoRedirect::HereString(fd, word) => {
                    let text = self.expand_value(word).await.map_err(|e| e.message)? + "\n";
                    set_input(stdio, *fd, text_input(text))?;
                }
                IoRedirect::HereDocument(fd, document) => {
                    let text = if document.requires_expansion {
                        self.expand_document(&document.doc)
                            .await
                            .map_err(|e| e.message)?
                    } else {
                        document.doc.value.clone()
                    };
                    set_input(stdio, *fd, text_input(text))?;
                }
            }
        }
        Ok(())
    }

    async fn redirect_file(
        &mut self,
        fd: Option<i32>,
        kind: &IoFileRedirectKind,
        target: &IoFileRedirectTarget,
        stdio: &mut Stdio,
    ) -> Result<(), String> {
        match (kind, target) {
            (
                IoFileRedirectKind::Read,
                IoFileRedirectTarget::ProcessSubstitution(ProcessSubstitutionKind::Read, list),
            ) => {
                let reader = self.start_substituted(list);
                set_input(stdio, fd, Input::Pipe(reader))
            }
            (
                IoFileRedirectKind::Write
                | IoFileRedirectKind::Append
                | IoFileRedirectKind::Clobber,
                IoFileRedirectTarget::ProcessSubstitution(ProcessSubstitutionKind::Write, list),
            ) => {
                let writer = self.start_substituted_reader(list, stdio);
                set_output(stdio, fd.unwrap_or(1), Output::Pipe(writer))
            }
            (IoFileRedirectKind::Read, IoFileRedirectTarget::Filename(word)) => {
                let (name, path) = self.redirect_path(word).await?;
                if path == "/dev/stdin" {
                    let input = stdio.stdin.duplicate();
                    return set_input(stdio, fd, input);
                }
                // One not open may be a process substitution's, in the namespace.
                if let Some(input) = descriptor_file(&path).and_then(|n| reopened_input(stdio, n)) {
                    return set_input(stdio, fd, input);
                }
                self.room_for_a_descriptor(&name)?;
                let handle: std::sync::Arc<dyn wasmix_kernel::fs::FileHandle> =
                    match self.namespace.open(&path, OpenOptions::read_only()) {
                        Ok(handle) => handle,
                        // As on Linux, a directory opens for reading; it is reading it that
                        // fails (`cat < dir`: "cat: -: Is a directory").
                        Err(wasmix_kernel::fs::FsError::IsDirectory) => {
                            std::sync::Arc::new(DirectoryInput)
                        }
                        Err(e) => return Err(format!("{name}: {e}")),
                    };
                // A process substitution's `/dev/fd/N` is read as the pipe it is.
                let input = match handle.pipe_reader() {
                    Some(reader) => Input::Pipe(reader),
                    None => Input::File(handle, Default::default()),
                };
                set_input(stdio, fd, input)
            }
            (
                IoFileRedirectKind::Write
                | IoFileRedirectKind::Clobber
                | IoFileRedirectKind::Append,
                IoFileRedirectTarget::Filename(word),
            ) => {
                let append = matches!(kind, IoFileRedirectKind::Append);
                let refuse = matches!(kind, IoFileRedirectKind::Write) && self.options.noclobber;
                let output = self.open_output(word, append, refuse, stdio).await?;
                set_output(stdio, fd.unwrap_or(1), output)
            }
            (IoFileRedirectKind::ReadAndWrite, IoFileRedirectTarget::Filename(word)) => {
                let (name, path) = self.redirect_path(word).await?;
                self.refused_output_redirect(&name)?;
                let options = OpenOptions {
                    read: true,
                    write: true,
                    create: true,
                    ..OpenOptions::default()
                };
                let handle = self.create_file(&path, options, &name)?;
                // A FIFO opened both ways holds both ends of its pipe.
                // One descriptor: what is read moves where the next write goes.
                let offset = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
                let input = match handle.pipe_reader() {
                    Some(reader) => Input::Pipe(reader),
                    None => Input::File(handle.clone(), offset.clone()),
                };
                let output = match handle.pipe_writer() {
                    Some(writer) => Output::Pipe(writer),
                    None => Output::File(handle, Some(offset)),
                };
                match fd.unwrap_or(0) {
                    0 => stdio.stdin = input,
                    1 => stdio.stdout = output,
                    2 => stdio.stderr = output,
                    n => stdio.set_higher(n, Some(Stream::ReadWrite(input, output))),
                }
                Ok(())
            }
            (IoFileRedirectKind::DuplicateOutput | IoFileRedirectKind::DuplicateInput, target) => {
                let output = matches!(kind, IoFileRedirectKind::DuplicateOutput);
                let into = fd.unwrap_or(if output { 1 } else { 0 });
                let source = match target {
                    IoFileRedirectTarget::Fd(n) => *n,
                    IoFileRedirectTarget::Duplicate(word) => {
                        let text = self.expand_one(word).await?;
                        if text == "-" {
                            return close(stdio, into);
                        }
                        // `N>&M-`: move M to N.
                        if let Some(moved) = text.strip_suffix('-')
                            && let Ok(source) = moved.parse::<i32>()
                        {
                            duplicate(stdio, source, into)?;
                            return close(stdio, source);
                        }
                        match text.parse() {
                            // bash names the descriptor as written (`$v: Bad file descriptor`).
                            Ok(source) => {
                                return duplicate(stdio, source, into)
                                    .map_err(|_| format!("{}: Bad file descriptor", word.value));
                            }
                            // `>&file` is `&>file`, and `1>&file` is `>file`, in bash.
                            Err(_) if output && fd.is_none_or(|fd| fd == 1) => {
                                let refuse = self.options.noclobber;
                                let file = self.open_output(word, false, refuse, stdio).await?;
                                if fd.is_none() {
                                    stdio.stderr = file.duplicate();
                                }
                                stdio.stdout = file;
                                return Ok(());
                            }
                            Err(_) => return Err(format!("{text}: ambiguous redirect")),
                        }
                    }
                    _ => return Err("this redirection is not supported".into()),
                };
                duplicate(stdio, source, into)
            }
            _ => Err(format!("{kind}: this redirection is not supported")),
        }
    }

    async fn expand_one(&mut self, word: &Word) -> Result<String, String> {
        // In POSIX mode a non-interactive shell matches no files for a redirection.
        let noglob = self.options.noglob;
        self.options.noglob |= self.options.posix && !matches!(self.origin, super::Origin::Prompt);
        let fields = self.expand_word(word).await.map_err(|e| e.message);
        self.options.noglob = noglob;
        let fields = fields?;
        match fields.as_slice() {
            [one] => Ok(one.clone()),
            _ => Err(format!("{}: ambiguous redirect", word.value)),
        }
    }

    /// The file a redirection names: as expanded (what bash's messages show) and as an
    /// absolute path.
    pub(super) async fn redirect_path(&mut self, word: &Word) -> Result<(String, String), String> {
        let name = self.expand_one(word).await?;
        // An empty name names no file, as on Linux (not the working directory).
        if name.is_empty() {
            return Err(": No such file or directory".into());
        }
        let path = absolute(&self.cwd, &name);
        Ok((name, path))
    }

    /// `/dev/stdout` and `/dev/stderr` name the command's own streams, as bash treats them
    /// in redirections.
    /// With `refuse_existing` (`set -C`), an existing regular file is not overwritten.
    async fn open_output(
        &mut self,
        word: &Word,
        append: bool,
        refuse_existing: bool,
        stdio: &Stdio,
    ) -> Result<Output, String> {
        let (name, path) = self.redirect_path(word).await?;
        self.refused_output_redirect(&name)?;
        match path.as_str() {
            "/dev/stdout" => return Ok(stdio.stdout.duplicate()),
            "/dev/stderr" => return Ok(stdio.stderr.duplicate()),
            _ => {}
        }
        if let Some(output) = descriptor_file(&path).and_then(|n| reopened_output(stdio, n, append))
        {
            return Ok(output);
        }
        if refuse_existing
            && self
                .namespace
                .stat(&path, true)
                .is_ok_and(|m| m.file_type == wasmix_kernel::fs::FileType::File)
        {
            return Err(format!("{name}: cannot overwrite existing file"));
        }
        let options = OpenOptions {
            write: true,
            create: true,
            truncate: !append,
            ..OpenOptions::default()
        };
        let handle = self.create_file(&path, options, &name)?;
        // A FIFO is written as the pipe it is.
        Ok(match handle.pipe_writer() {
            Some(writer) => Output::Pipe(writer),
            None if append => Output::File(handle, None),
            None => Output::File(handle, Some(Default::default())),
        })
    }

    /// A file the shell opens takes a descriptor after its standard three, which
    /// `ulimit -n 3` (or less) leaves no room for.
    fn room_for_a_descriptor(&self, shown: &str) -> Result<(), String> {
        if self.limits.open_files <= 3 {
            return Err(format!(
                "{shown}: {}",
                wasmix_kernel::fs::FsError::TooManyOpenFiles
            ));
        }
        Ok(())
    }

    /// Opens `path` for a redirection, a new file getting the mode the umask allows.
    fn create_file(
        &self,
        path: &str,
        options: OpenOptions,
        shown: &str,
    ) -> Result<std::sync::Arc<dyn wasmix_kernel::fs::FileHandle>, String> {
        self.room_for_a_descriptor(shown)?;
        let existed = self.namespace.stat(path, true).is_ok();
        let handle = self
            .namespace
            .open(path, options)
            .map_err(|e| format!("{shown}: {e}"))?;
        // What the shell writes there itself stops at its file-size limit.
        let handle = limit_file_size(handle, self.limits.file_size);
        if !existed {
            self.namespace
                .apply_umask(path, false, self.limits.umask)
                .map_err(|e| format!("{shown}: {e}"))?;
        }
        Ok(handle)
    }
}

/// Text fed to a command's stdin through a pipe, written by a task of its own so a long
/// document cannot fill the pipe before the reader starts.
fn text_input(text: String) -> Input {
    let (reader, writer) = pipe();
    let bytes = Bytes::from(wasmix_printf_format::rawbytes::encode(text.as_bytes()).into_owned());
    tokio::spawn(async move { writer.write_all(bytes).await });
    Input::Pipe(reader)
}

/// The descriptors a redirection gives new streams.
fn descriptors_named(redirect: &IoRedirect) -> Vec<i32> {
    match redirect {
        IoRedirect::File(fd, kind, _) => {
            let reads = matches!(
                kind,
                IoFileRedirectKind::Read
                    | IoFileRedirectKind::ReadAndWrite
                    | IoFileRedirectKind::DuplicateInput
            );
            vec![fd.unwrap_or(if reads { 0 } else { 1 })]
        }
        IoRedirect::OutputAndError(..) => vec![1, 2],
        IoRedirect::HereString(fd, _) | IoRedirect::HereDocument(fd, _) => vec![fd.unwrap_or(0)],
    }
}

fn set_input(stdio: &mut Stdio, fd: Option<i32>, input: Input) -> Result<(), String> {
    match fd.unwrap_or(0) {
        0 => stdio.stdin = input,
        // Reading through 1 or 2 is as rare as it is odd; the shell holds no such stream.
        1 | 2 => return Err(format!("{}: Bad file descriptor", fd.unwrap_or(0))),
        n => stdio.set_higher(n, Some(Stream::Read(input))),
    }
    Ok(())
}

fn set_output(stdio: &mut Stdio, fd: i32, output: Output) -> Result<(), String> {
    match fd {
        1 => stdio.stdout = output,
        2 => stdio.stderr = output,
        0 => return Err("0: Bad file descriptor".into()),
        n => stdio.set_higher(n, Some(Stream::Write(output))),
    }
    Ok(())
}

/// `/dev/fd/N`: descriptor N of the command's own, opened again as Linux opens it (a
/// file from its start, a pipe or the terminal as it is).
fn descriptor_file(path: &str) -> Option<i32> {
    path.strip_prefix("/dev/fd/")?.parse().ok()
}

/// What `/dev/fd/N` is to `test`: the file descriptor N holds, a FIFO for a pipe, a
/// character device for the terminal; None when N is not open.
pub(super) fn descriptor_metadata(stdio: &Stdio, n: i32) -> Option<Metadata> {
    use wasmix_kernel::fs::FileType;
    let synthetic = |kind| Metadata::synthetic(kind, 0, 0o600, std::time::UNIX_EPOCH);
    match descriptor(stdio, n) {
        (Some(Input::File(file, _)), _) | (_, Some(Output::File(file, _))) => file.metadata().ok(),
        (Some(Input::Pipe(_)), _) | (_, Some(Output::Pipe(_))) => Some(synthetic(FileType::Fifo)),
        (Some(Input::Console), _) | (_, Some(Output::ConsoleOut | Output::ConsoleErr)) => {
            Some(synthetic(FileType::CharDevice))
        }
        _ => None,
    }
}

/// What descriptor N holds: its input side and its output side.
fn descriptor(stdio: &Stdio, n: i32) -> (Option<&Input>, Option<&Output>) {
    match n {
        0 => (Some(&stdio.stdin), None),
        1 => (None, Some(&stdio.stdout)),
        2 => (None, Some(&stdio.stderr)),
        n => match stdio.higher(n) {
            Some(Stream::Read(input)) => (Some(input), None),
            Some(Stream::Write(output)) => (None, Some(output)),
            Some(Stream::ReadWrite(input, output)) => (Some(input), Some(output)),
            None => (None, None),
        },
    }
}

/// `< /dev/fd/N`: a file read again from its start, anything else shared.
fn reopened_input(stdio: &Stdio, n: i32) -> Option<Input> {
    Some(match descriptor(stdio, n) {
        (_, Some(Output::File(file, _))) | (Some(Input::File(file, _)), _) => {
            Input::File(file.clone(), Default::default())
        }
        (Some(input), _) => input.duplicate(),
        _ => return None,
    })
}

/// `> /dev/fd/N` (emptied) or `>> /dev/fd/N`: a file written from its start or its end,
/// anything else shared.
fn reopened_output(stdio: &Stdio, n: i32, append: bool) -> Option<Output> {
    Some(match descriptor(stdio, n) {
        (Some(Input::File(file, _)), _) | (_, Some(Output::File(file, _))) => {
            if !append {
                let _ = file.set_len(0);
            }
            let offset = (!append).then(Default::default);
            Output::File(file.clone(), offset)
        }
        (_, Some(output)) => output.duplicate(),
        _ => return None,
    })
}

/// `N>&M` and `N<&M`: N becomes another hold on what M is.
fn duplicate(stdio: &mut Stdio, source: i32, into: i32) -> Result<(), String> {
    // bash leaves `N<&N` alone, open or not.
    if source == into {
        return Ok(());
    }
    let bad = || format!("{source}: Bad file descriptor");
    let stream = match source {
        0 => Stream::Read(stdio.stdin.duplicate()),
        1 => Stream::Write(stdio.stdout.duplicate()),
        2 => Stream::Write(stdio.stderr.duplicate()),
        n => match stdio.higher(n).ok_or_else(bad)? {
            Stream::Read(input) => Stream::Read(input.duplicate()),
            Stream::Write(output) => Stream::Write(output.duplicate()),
            Stream::ReadWrite(input, output) => {
                Stream::ReadWrite(input.duplicate(), output.duplicate())
            }
        },
    };
    match (into, stream) {
        (0, Stream::Read(input) | Stream::ReadWrite(input, _)) => stdio.stdin = input,
        (1, Stream::Write(output) | Stream::ReadWrite(_, output)) => stdio.stdout = output,
        (2, Stream::Write(output) | Stream::ReadWrite(_, output)) => stdio.stderr = output,
        (0..=2, _) => return Err(bad()),
        (n, stream) => stdio.set_higher(n, Some(stream)),
    }
    Ok(())
}

/// `N>&-`: closes N.
fn close(stdio: &mut Stdio, fd: i32) -> Result<(), String> {
    match fd {
        0 => stdio.stdin = Input::Null,
        1 => stdio.stdout = Output::Closed,
        2 => stdio.stderr = Output::Closed,
        n => stdio.set_higher(n, None),
    }
    Ok(())
}

/// A directory given as standard input: every read fails with EISDIR.
struct DirectoryInput;

impl wasmix_kernel::fs::FileHandle for DirectoryInput {
    fn read_at(&self, _: &mut [u8], _: u64) -> wasmix_kernel::fs::FsResult<usize> {
        Err(wasmix_kernel::fs::FsError::IsDirectory)
    }

    fn metadata(&self) -> wasmix_kernel::fs::FsResult<wasmix_kernel::fs::Metadata> {
        Err(wasmix_kernel::fs::FsError::IsDirectory)
    }
}
