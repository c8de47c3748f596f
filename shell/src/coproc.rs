//! `coproc [NAME] COMMAND`: a command run in the background with a pipe to its stdin and
//! one from its stdout, whose ends the shell keeps as descriptors: `${NAME[1]}` to write
//! to it, `${NAME[0]}` to read from it, its pid in `NAME_PID` (NAME is COPROC unless given).
//! Once it has ended, the next command finds its descriptors closed and both variables
//! unset, as bash leaves them when it reaps a coprocess.

use super::{Flow, Shell};
use brush_parser::ast::{AndOrList, CoprocessCommand, Pipeline};
use wasmix_kernel::file::{Input, Output, Stdio, Stream};
use wasmix_kernel::kernel::SpawnError;
use wasmix_kernel::pipe::pipe;

/// The coprocess running: its name, pid and the shell's descriptors for it, and the
/// shell that started it (a background subshell, which cannot reap it, leaves it be).
#[derive(Clone)]
pub(super) struct Coprocess {
    name: String,
    pid: wasmix_kernel::proc::Pid,
    descriptors: [i32; 2],
    parent: wasmix_kernel::proc::Pid,
}

impl Shell {
    pub(super) fn run_coprocess(
        &mut self,
        coprocess: &CoprocessCommand,
        io: &Stdio,
    ) -> Result<(), Flow> {
        self.dispose_ended_coprocess();
        let name = coprocess
            .name
            .as_ref()
            .map_or_else(|| "COPROC".to_string(), |word| word.value.clone());
        let (its_stdin, to_it) = pipe();
        let (from_it, its_stdout) = pipe();
        let mut its_io = io.duplicate();
        its_io.stdin = Input::Pipe(its_stdin);
        its_io.stdout = Output::Pipe(its_stdout);
        let list = AndOrList {
            first: Pipeline {
                timed: None,
                bang: false,
                seq: vec![(*coprocess.body).clone()],
            },
            additional: Vec::new(),
        };
        let Some(pid) = self.start_background_subshell(&list, its_io) else {
            let error = SpawnError::TooManyProcesses(self.kernel.max_processes());
            self.report(&error.to_string());
            self.last_status = error.status();
            return Ok(());
        };
        // The shell's ends, on high descriptors as bash puts them (63 and 60 when free).
        let mut streams = self.own_streams();
        let mut free = (10..64).rev().filter(|fd| streams.higher(*fd).is_none());
        let (read_fd, write_fd) = match (free.next(), free.nth(2)) {
            (Some(read), Some(write)) => (read, write),
            _ => (63, 60),
        };
        streams.set_higher(read_fd, Some(Stream::Read(Input::Pipe(from_it))));
        streams.set_higher(write_fd, Some(Stream::Write(Output::Pipe(to_it))));
        self.streams = Some(std::sync::Arc::new(streams));
        self.streams_changed += 1;
        let elements = vec![(None, read_fd.to_string()), (None, write_fd.to_string())];
        if let Err(e) = self.assign_array(&name, elements, false) {
            self.report(&e.message);
        }
        self.set_variable(&format!("{name}_PID"), &pid.to_string(), false);
        self.coprocess = Some(Coprocess {
            name: name.clone(),
            pid,
            descriptors: [read_fd, write_fd],
            parent: self.pid,
        });
        self.last_background = Some(pid);
        self.jobs.start(
            self.kernel.clone(),
            vec![pid],
            0,
            format!("coproc {name} {}", coprocess.body),
            self.options.monitor,
        );
        self.last_status = 0;
        Ok(())
    }

    /// A coprocess that has ended leaves no descriptors and no variables behind.
    pub(super) fn dispose_ended_coprocess(&mut self) {
        let Some(coprocess) = &self.coprocess else {
            return;
        };
        let pid = coprocess.pid;
        let ended = self.jobs.reaped(pid).is_some()
            || self
                .jobs
                .by_pid(pid)
                .and_then(|number| self.jobs.ended(number))
                .is_some_and(|ended| ended.borrow().is_some());
        if !ended || coprocess.parent != self.pid {
            return;
        }
        let Some(coprocess) = self.coprocess.take() else {
            return;
        };
        let mut streams = self.own_streams();
        for fd in coprocess.descriptors {
            streams.set_higher(fd, None);
        }
        self.streams = Some(std::sync::Arc::new(streams));
        self.streams_changed += 1;
        for name in [coprocess.name.clone(), format!("{}_PID", coprocess.name)] {
            let _ = self.unset_variable(&name);
        }
    }
}
