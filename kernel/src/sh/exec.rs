//! Running parsed commands: lists, pipelines and simple commands.

use super::builtin::Builtin;
use super::{Exit, Origin, Shell};
use crate::file::{Input, Output, Stdio};
use crate::kernel::{Executable, SpawnRequest};
use crate::pipe::pipe;
use crate::proc::{ExitStatus, Pid, Signal};
use brush_parser::ast::{
    AndOr, AndOrList, Command, CommandPrefixOrSuffixItem, CompoundListItem, Pipeline, Program,
    SeparatorOperator, SimpleCommand,
};

/// A stage of a pipeline once started.
pub(super) enum Stage {
    Running {
        pid: Pid,
        name: String,
    },
    /// Finished on the spot: a builtin, or a command that could not start.
    Done(u8),
}

impl Shell {
    pub(super) async fn run_program(&mut self, program: &Program) -> Result<(), Exit> {
        for command in &program.complete_commands {
            for CompoundListItem(list, separator) in &command.0 {
                if matches!(separator, SeparatorOperator::Async) {
                    self.run_in_background(list).await?;
                    continue;
                }
                self.run_and_or(list).await?;
                if self.take_interrupt() && !matches!(self.origin, Origin::Prompt) {
                    // Like bash, a script or -c string stops when the user interrupts it.
                    return Err(Exit(128 + Signal::Interrupt.number()));
                }
            }
        }
        Ok(())
    }

    async fn run_and_or(&mut self, list: &AndOrList) -> Result<(), Exit> {
        self.last_status = self.run_pipeline(&list.first).await?;
        for next in &list.additional {
            let (run, pipeline) = match next {
                AndOr::And(p) => (self.last_status == 0, p),
                AndOr::Or(p) => (self.last_status != 0, p),
            };
            if run {
                self.last_status = self.run_pipeline(pipeline).await?;
            }
        }
        Ok(())
    }

    /// `LIST &`: starts the pipeline and goes on without waiting.
    async fn run_in_background(&mut self, list: &AndOrList) -> Result<(), Exit> {
        if !list.additional.is_empty() {
            self.report("background lists joined by && or || are not supported by this shell yet");
            self.last_status = 2;
            return Ok(());
        }
        // Without job control, a background job does not read the terminal.
        let stages = self.start_pipeline(&list.first, Input::Null).await?;
        let mut pids = Vec::new();
        let mut last_status = 0;
        for stage in stages {
            match stage {
                Stage::Running { pid, .. } => pids.push(pid),
                Stage::Done(status) => last_status = status,
            }
        }
        if let Some(&last) = pids.last() {
            self.last_background = Some(last);
        }
        let command = list.first.to_string();
        let number = self
            .jobs
            .start(self.kernel.clone(), pids.clone(), last_status, command);
        if matches!(self.origin, Origin::Prompt) {
            eprintln!("[{number}] {}", pids.last().copied().unwrap_or_default());
        }
        self.last_status = 0;
        Ok(())
    }

    /// Spawns every stage of a pipeline, joined by pipes; the first reads `stdin`.
    async fn start_pipeline(
        &mut self,
        pipeline: &Pipeline,
        stdin: Input,
    ) -> Result<Vec<Stage>, Exit> {
        let count = pipeline.seq.len();
        let mut stages = Vec::with_capacity(count);
        let mut next_stdin = Some(stdin);
        for (index, command) in pipeline.seq.iter().enumerate() {
            let (reader, stdout) = if index + 1 < count {
                let (reader, writer) = pipe();
                (Some(Input::Pipe(reader)), Output::Pipe(writer))
            } else {
                (None, Output::ConsoleOut)
            };
            let stdio = Stdio {
                stdin: next_stdin.take().unwrap_or(Input::Null),
                stdout,
                stderr: Output::ConsoleErr,
            };
            stages.push(self.start_command(command, stdio, count == 1).await?);
            next_stdin = reader;
        }
        Ok(stages)
    }

    async fn run_pipeline(&mut self, pipeline: &Pipeline) -> Result<u8, Exit> {
        let stages = self.start_pipeline(pipeline, Input::Console).await?;
        let pids: Vec<Pid> = stages
            .iter()
            .filter_map(|s| match s {
                Stage::Running { pid, .. } => Some(*pid),
                Stage::Done(_) => None,
            })
            .collect();
        self.set_foreground(pids);
        let mut status = 0;
        for stage in stages {
            status = match stage {
                Stage::Done(status) => status,
                Stage::Running { pid, name } => self.wait_for(pid, &name).await,
            };
        }
        self.set_foreground(Vec::new());
        Ok(if pipeline.bang {
            u8::from(status == 0)
        } else {
            status
        })
    }

    fn set_foreground(&self, pids: Vec<Pid>) {
        if let Ok(mut foreground) = self.foreground.lock() {
            *foreground = pids;
        }
    }

    /// Waits for a process and tells the user, in one line, if it died abnormally.
    async fn wait_for(&self, pid: Pid, name: &str) -> u8 {
        let status = match self.kernel.wait(pid).await {
            Ok(status) => status,
            Err(e) => {
                self.report(&format!("wait: {e}"));
                return 127;
            }
        };
        match &status {
            ExitStatus::Crashed(why) => self.report(&format!("{name}: crashed: {why}")),
            ExitStatus::Killed(Signal::Interrupt) => {
                if matches!(self.origin, Origin::Prompt) {
                    eprintln!();
                }
            }
            ExitStatus::Killed(Signal::Kill) => self.report(&format!("{name}: Killed")),
            ExitStatus::Killed(Signal::Terminate) => self.report(&format!("{name}: Terminated")),
            ExitStatus::Exited(_) => {}
        }
        status.code()
    }

    async fn start_command(
        &mut self,
        command: &Command,
        stdio: Stdio,
        alone: bool,
    ) -> Result<Stage, Exit> {
        match command {
            Command::Simple(simple) => self.start_simple(simple, stdio, alone).await,
            _ => {
                self.report("compound commands are not supported by this shell yet");
                Ok(Stage::Done(2))
            }
        }
    }

    async fn start_simple(
        &mut self,
        command: &SimpleCommand,
        stdio: Stdio,
        alone: bool,
    ) -> Result<Stage, Exit> {
        let mut words = Vec::new();
        let mut assignments = Vec::new();
        let prefix = command.prefix.iter().flat_map(|p| &p.0);
        let suffix = command.suffix.iter().flat_map(|s| &s.0);
        for item in prefix {
            match item {
                CommandPrefixOrSuffixItem::AssignmentWord(assignment, _) => {
                    assignments.push(assignment)
                }
                other => words.push(other),
            }
        }
        let name_word = command
            .word_or_name
            .clone()
            .map(CommandPrefixOrSuffixItem::Word);
        words.extend(name_word.as_ref());
        words.extend(suffix);

        let mut argv = Vec::new();
        let mut redirects = Vec::new();
        for item in words {
            let word = match item {
                CommandPrefixOrSuffixItem::Word(word)
                | CommandPrefixOrSuffixItem::AssignmentWord(_, word) => word,
                CommandPrefixOrSuffixItem::IoRedirect(redirect) => {
                    redirects.push(redirect);
                    continue;
                }
                CommandPrefixOrSuffixItem::ProcessSubstitution(..) => {
                    self.report("process substitution is not supported by this shell yet");
                    return Ok(Stage::Done(2));
                }
            };
            match self.expand_word(word) {
                Ok(fields) => argv.extend(fields),
                Err(e) => {
                    self.report(&e.0);
                    return Ok(Stage::Done(1));
                }
            }
        }

        let mut values = Vec::new();
        for assignment in assignments {
            let brush_parser::ast::AssignmentValue::Scalar(word) = &assignment.value else {
                self.report("arrays are not supported by this shell yet");
                return Ok(Stage::Done(2));
            };
            let value = match self.expand_word(word) {
                Ok(fields) => fields.join(" "),
                Err(e) => {
                    self.report(&e.0);
                    return Ok(Stage::Done(1));
                }
            };
            values.push((assignment.name.to_string(), value));
        }

        let mut stdio = stdio;
        if let Err(message) = self.apply_redirects(&redirects, &mut stdio) {
            self.report(&message);
            return Ok(Stage::Done(1));
        }
        let Some(name) = argv.first().cloned() else {
            // Only assignments: they set shell variables.
            for (variable, value) in values {
                self.set_variable(&variable, &value, false);
            }
            return Ok(Stage::Done(0));
        };
        if let Some(builtin) = Builtin::find(&name) {
            return self.run_builtin(builtin, &argv, stdio, alone);
        }
        let Some(path) = self.find_command(&name) else {
            self.report(&format!("{name}: command not found"));
            return Ok(Stage::Done(127));
        };
        let mut env = self.environment();
        env.extend(values);
        let request = SpawnRequest {
            parent: self.pid,
            namespace: self.namespace.clone(),
            executable: Executable::Path(path),
            argv,
            env,
            stdio,
        };
        match self.kernel.spawn(request) {
            Ok(pid) => Ok(Stage::Running { pid, name }),
            Err(e) => {
                self.report(&e.to_string());
                Ok(Stage::Done(e.status()))
            }
        }
    }

    /// Runs a program given as bytes from the host (`wasmix run`), on the console, and
    /// returns its status.
    pub async fn run_host_program(&mut self, label: &str, bytes: &[u8], argv: Vec<String>) -> u8 {
        let program = match self.kernel.load_program(label, bytes) {
            Ok(program) => program,
            Err(e) => {
                self.report(&e.to_string());
                return e.status();
            }
        };
        let name = argv.first().cloned().unwrap_or_default();
        let request = SpawnRequest {
            parent: self.pid,
            namespace: self.namespace.clone(),
            executable: Executable::Loaded(program),
            argv,
            env: self.environment(),
            stdio: Stdio::console(),
        };
        match self.kernel.spawn(request) {
            Ok(pid) => {
                self.set_foreground(vec![pid]);
                let status = self.wait_for(pid, &name).await;
                self.set_foreground(Vec::new());
                status
            }
            Err(e) => {
                self.report(&e.to_string());
                e.status()
            }
        }
    }

    /// The path of a command: itself if it has a slash, else the first match in $PATH.
    fn find_command(&self, name: &str) -> Option<String> {
        if name.contains('/') {
            let cwd = self.variable("PWD").unwrap_or_else(|| "/".into());
            return Some(crate::fs::namespace::absolute(&cwd, name));
        }
        let path = self.variable("PATH").unwrap_or_default();
        path.split(':')
            .filter(|dir| !dir.is_empty())
            .map(|dir| format!("{}/{name}", dir.trim_end_matches('/')))
            .find(|candidate| {
                self.namespace
                    .stat(candidate, true)
                    .is_ok_and(|meta| !meta.is_dir())
            })
    }
}
