//! Process substitution: `<(LIST)` runs LIST in a subshell writing to a pipe and stands
//! for `/dev/fd/N`, the pipe's read end in the namespace of the command it is given to
//! (numbered from 63 down, as bash does); `CMD < <(LIST)` reads the pipe directly.
//! `>(LIST)` is the other way round: LIST reads what the command writes to the pipe.

use super::Shell;
use super::compound::SubshellWork;
use brush_parser::ast::{AndOrList, Command, CompoundCommand, Pipeline, SubshellCommand};
use std::sync::Arc;
use wasmix_kernel::file::{Input, Output, Stdio};
use wasmix_kernel::fs::fdfs::{FdFs, PipeEnd};
use wasmix_kernel::fs::namespace::{BindMode, Namespace};
use wasmix_kernel::pipe::{PipeReader, PipeWriter, pipe};

/// The descriptor number of a command's first process substitution.
pub(super) const FIRST_FD: u32 = 63;

impl Shell {
    /// Starts LIST writing into a new pipe, not waited for (as bash does not); the read end.
    pub(super) fn start_substituted(&mut self, list: &SubshellCommand) -> PipeReader {
        let (reader, writer) = pipe();
        let mut io = self.own_streams();
        io.stdout = Output::Pipe(writer);
        self.start_substitution(list, io);
        reader
    }

    /// Starts LIST reading from a new pipe, its other streams those of the command it is
    /// given to (`io`), as bash forks it; the write end.
    pub(super) fn start_substituted_reader(
        &mut self,
        list: &SubshellCommand,
        io: &Stdio,
    ) -> PipeWriter {
        let (reader, writer) = pipe();
        let mut io = io.duplicate();
        io.stdin = Input::Pipe(reader);
        self.start_substitution(list, io);
        writer
    }

    /// Runs LIST as a process of its own, as bash forks one: `$!` is its pid, and `wait
    /// $!` waits for it (bash lists no job for it). With the process table full, it runs
    /// all the same, without a pid.
    fn start_substitution(&mut self, list: &SubshellCommand, io: Stdio) {
        let command = Command::Compound(CompoundCommand::Subshell(list.clone()), None);
        let and_or = AndOrList {
            first: Pipeline {
                timed: None,
                bang: false,
                seq: vec![command],
            },
            additional: Vec::new(),
        };
        match self.start_background_subshell(&and_or, io.duplicate()) {
            Some(pid) => {
                self.last_background = Some(pid);
                self.jobs.watch_quietly(self.kernel.clone(), pid);
            }
            None => {
                let command = CompoundCommand::Subshell(list.clone());
                drop(self.in_subshell(io, SubshellWork::Compound(command)));
            }
        }
    }

    /// The shell's namespace with `/dev/fd` holding the pipes, for one command.
    pub(super) fn namespace_with_pipes(&self, pipes: Vec<(u32, PipeEnd)>) -> Arc<Namespace> {
        let mut namespace = (*self.namespace).clone();
        let server = Arc::new(FdFs::new(pipes));
        if let Err(e) = namespace.mount("/dev/fd", server, BindMode::Replace) {
            self.report(&format!("process substitution: /dev/fd: {e}"));
        }
        Arc::new(namespace)
    }
}
