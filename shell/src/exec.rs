//! Running parsed commands: lists, pipelines and simple commands.

use super::compound::SubshellWork;
use super::named_fds::{NamedDescriptors, streams_at};
use super::{Flow, Origin, Shell};
use brush_parser::ast::{
    AndOr, AndOrList, Command, CommandPrefixOrSuffixItem, CompoundCommand, CompoundList,
    CompoundListItem, IoFileRedirectTarget, IoRedirect, Pipeline, ProcessSubstitutionKind, Program,
    SeparatorOperator, SimpleCommand, SourceLocation,
};
use std::sync::Arc;
use std::time::{Duration, Instant};
use wasmix_kernel::file::{Input, Output, Stdio};
use wasmix_kernel::fs::fdfs::PipeEnd;
use wasmix_kernel::kernel::{Executable, SpawnError, SpawnRequest};
use wasmix_kernel::pipe::pipe;
use wasmix_kernel::proc::{ExitStatus, Pid, Signal, Waited};

/// A stage of a pipeline once started.
pub(super) enum Stage {
    Running {
        pid: Pid,
        name: String,
    },
    /// Finished on the spot: a builtin, or a command that could not start.
    Done(u8),
    /// A compound command or function inside a pipeline, run by a subshell of its own.
    Subshell(tokio::task::JoinHandle<u8>),
}

/// The command a waited-for process runs, for bash's line when a signal ends it (made
/// only then: printing a pipeline back is work no command that ends well needs).
pub(super) enum Job<'a> {
    Pipeline(&'a Pipeline),
    Named(&'a str),
}

impl Job<'_> {
    fn text(&self) -> String {
        match self {
            Job::Pipeline(pipeline) => super::print::pipeline_text(pipeline),
            Job::Named(name) => name.to_string(),
        }
    }
}

/// Whether a pipeline stage's words are to be expanded in its subshell: expanding them
/// may assign a variable or end the shell (`${x=y}`, `${x:?}`, arithmetic), or shows the
/// subshell's pid (`$BASHPID`). Judged from the text, erring on the side of yes.
fn may_change_the_shell(command: &SimpleCommand) -> bool {
    let words = command.prefix.iter().flat_map(|p| &p.0);
    let words = words.chain(command.suffix.iter().flat_map(|s| &s.0));
    let texts = words.filter_map(|item| match item {
        CommandPrefixOrSuffixItem::Word(word)
        | CommandPrefixOrSuffixItem::AssignmentWord(_, word) => Some(word.value.as_str()),
        _ => None,
    });
    let mut texts = texts.chain(command.word_or_name.iter().map(|w| w.value.as_str()));
    texts.any(|text| {
        text.contains("$((")
            || text.contains("$[")
            || (text.contains("${") && text.contains(['=', '?']))
            || text.contains("BASHPID")
    })
}

/// The lines bash gives a simple command, within its text: `$LINENO` is the line its
/// second word ends on (bash has read that word when it makes the command, so `echo \`
/// with `a` on the next line is on that line), or its first's when it has one; and the
/// line its last word ends on, where `eval` counts its own lines from.
fn command_lines(command: &SimpleCommand) -> Option<(usize, usize)> {
    let located = |item: &CommandPrefixOrSuffixItem| match item {
        CommandPrefixOrSuffixItem::AssignmentWord(_, word)
        | CommandPrefixOrSuffixItem::Word(word)
        | CommandPrefixOrSuffixItem::IoRedirect(IoRedirect::File(
            _,
            _,
            IoFileRedirectTarget::Filename(word),
        )) => word.loc.clone(),
        _ => None,
    };
    let prefix = command.prefix.iter().flat_map(|p| &p.0).filter_map(located);
    let name = command.word_or_name.iter().filter_map(|w| w.loc.clone());
    let suffix = command.suffix.iter().flat_map(|s| &s.0).filter_map(located);
    let mut words = prefix.chain(name).chain(suffix);
    let first = words.next()?;
    let Some(second) = words.next() else {
        return Some((first.start.line, first.end.line));
    };
    let last = words.last().unwrap_or_else(|| second.clone());
    Some((second.end.line, last.end.line))
}

/// The last line of the command starting on line `start` (counted from 1): the last line
/// before the next command's with more than blanks or a comment (those bash reads with the
/// next command). brush-parser's spans of compound commands stop short of their ends.
fn command_end_line(lines: &[&str], start: usize, next_start: Option<usize>) -> usize {
    let next = match next_start {
        Some(next) if next <= start => return start,
        Some(next) => next,
        None => lines.len() + 1,
    };
    (start..next)
        .rev()
        .find(|&line| {
            let content = lines.get(line - 1).copied().unwrap_or("").trim_start();
            !content.is_empty() && !content.starts_with('#')
        })
        .unwrap_or(start)
}

/// What `set -v` has shown of a program's text: its lines, split once it is first needed.
struct Echoed<'a> {
    text: &'a str,
    lines: Option<Vec<&'a str>>,
}

impl<'a> Echoed<'a> {
    /// The lines bash would read before running the command at `index`: from the end of
    /// the one before it to its own end.
    fn lines_for(&mut self, program: &Program, index: usize) -> &[&'a str] {
        let (from, (_, to)) = self.bounds(program, index);
        &self.lines.as_deref().unwrap_or_default()[from..to]
    }

    /// `lines_for`, split where the command starts: the lines before it (comments,
    /// blank lines) and its own.
    fn lines_split_for(&mut self, program: &Program, index: usize) -> (&[&'a str], &[&'a str]) {
        let (from, (own, to)) = self.bounds(program, index);
        let lines = self.lines.as_deref().unwrap_or_default();
        (&lines[from..own], &lines[own..to])
    }

    /// Where the lines read for the command at `index` start, where its own start, and
    /// where they end, as indexes of the text's lines.
    fn bounds(&mut self, program: &Program, index: usize) -> (usize, (usize, usize)) {
        let text = self.text;
        let lines = self.lines.get_or_insert_with(|| text.lines().collect());
        let start_of = |i: usize| {
            program
                .complete_commands
                .get(i)
                .and_then(|c| c.location())
                .map(|span| span.start.line)
        };
        let end_of = |i: usize| command_end_line(lines, start_of(i).unwrap_or(0), start_of(i + 1));
        let count = lines.len();
        let from = if index == 0 { 0 } else { end_of(index - 1) }.min(count);
        let to = end_of(index).max(from).min(count);
        let own = start_of(index).map_or(from, |line| line.saturating_sub(1));
        (from, (own.clamp(from, to), to))
    }
}

/// Whether a failing and-or list runs the ERR trap.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Traps {
    Err,
    None,
}

/// A pipeline that is one compound command which is no subshell (`{ }`, `if`, loops,
/// `case`): its status is its commands', which ran the ERR trap for it.
fn reports_through_its_commands(pipeline: &Pipeline) -> bool {
    use brush_parser::ast::CompoundCommand as C;
    matches!(
        pipeline.seq.as_slice(),
        [Command::Compound(
            C::BraceGroup(_)
                | C::IfClause(_)
                | C::ForClause(_)
                | C::ArithmeticForClause(_)
                | C::WhileClause(_)
                | C::UntilClause(_)
                | C::CaseClause(_),
            _
        )]
    )
}

impl Shell {
    /// Runs a program; `source`, the text it was parsed from, is what `set -v` shows.
    /// Runs a program's complete commands. When one changes how text is read (the aliases
    /// or extglob) from `read_as`, as it was read, the run stops and gives the index of
    /// the next, whose text is to be read again (`reader.rs`).
    pub(super) async fn run_program(
        &mut self,
        program: &Program,
        source: Option<&str>,
        read_as: (u64, bool, bool),
    ) -> Result<Option<usize>, Flow> {
        let mut echoed = source.map(|text| Echoed { text, lines: None });
        // Text of comments alone (a line of a script read from standard input).
        if program.complete_commands.is_empty()
            && self.options.history
            && !matches!(self.origin, Origin::Prompt)
            && let Some(text) = source
        {
            self.record_script_lines(text, "");
        }
        for (index, command) in program.complete_commands.iter().enumerate() {
            // A command read at the top level (not a trap's) is counted as bash's
            // reader counts them.
            self.command_number += usize::from(source.is_some());
            // Only under `set -v` is the text looked at, so a script pays nothing for it.
            if self.options.verbose
                && let Some(echoed) = &mut echoed
            {
                let lines = echoed.lines_for(program, index);
                if !lines.is_empty() {
                    self.say(lines.join("\n"));
                }
            }
            // Under `set -o history`, the lines of a script or `-c` text are recorded as
            // they are read (those read at the prompt are recorded there).
            if self.options.history
                && !matches!(self.origin, Origin::Prompt)
                && let Some(echoed) = &mut echoed
            {
                let (before, own) = echoed.lines_split_for(program, index);
                let (before, own) = (before.join("\n"), own.join("\n"));
                if self.options.histexpand
                    && self
                        .history_expanded_instead(command, &before, &own)
                        .await?
                {
                    if self.reading_state() != read_as
                        && super::reader::read_again_after(program, index)
                    {
                        return Ok(Some(index + 1));
                    }
                    continue;
                }
                self.record_script_lines(&before, &own);
            }
            self.note_read_to(command);
            // Fetched for each command: `exec 3>file` changes them.
            let streams = self.own_streams();
            match self.run_list(command, &streams).await {
                Err(Flow::Abort(status)) => self.last_status = status,
                other => other?,
            }
            if self.reading_state() != read_as && super::reader::read_again_after(program, index) {
                return Ok(Some(index + 1));
            }
        }
        Ok(None)
    }

    /// Under `set -H` and `set -o history` in a script, a command whose lines have
    /// history expansions is run as expanded (shown on stderr and recorded so), as bash
    /// expands each line it reads; one whose event is not found is dropped with the
    /// error. True when the command was handled so.
    async fn history_expanded_instead(
        &mut self,
        command: &CompoundList,
        before: &str,
        own: &str,
    ) -> Result<bool, Flow> {
        let line = command
            .location()
            .map_or(self.line, |l| l.start.line + self.line_offset);
        let expanded = match self.expand_command_history(own) {
            Ok(None) => return Ok(false),
            Ok(Some(expanded)) => expanded,
            Err(message) => {
                self.record_script_lines(before, "");
                self.report_at_line(line, &message);
                return Ok(true);
            }
        };
        for line in expanded.shown {
            self.say(line);
        }
        self.record_script_lines(before, &expanded.text);
        self.note_read_to(command);
        if expanded.print_only {
            return Ok(true);
        }
        let streams = self.own_streams();
        // The expanded text's lines are counted from the command's own.
        self.last_line = line;
        self.last_status = self.eval(&[expanded.text], &streams).await?;
        Ok(true)
    }

    /// Where the complete command about to run ends (`read_to_line`).
    pub(super) fn note_read_to(&mut self, command: &CompoundList) {
        if let Some(location) = command.location() {
            self.read_to_line = location.end.line + self.line_offset;
        }
    }

    /// Runs a list of and-or lists, with `io` as the streams of its commands.
    pub(super) async fn run_list(&mut self, list: &CompoundList, io: &Stdio) -> Result<(), Flow> {
        // What `exec 3>file` set up, for the commands after it (here or in a list this
        // one is part of).
        let mut redirected: Option<Arc<Stdio>> = None;
        let mut changed = self.streams_changed;
        for CompoundListItem(and_or, separator) in &list.0 {
            if self.streams_changed != changed {
                changed = self.streams_changed;
                redirected = self.streams.clone();
            }
            let io = redirected.as_deref().unwrap_or(io);
            if matches!(separator, SeparatorOperator::Async) {
                self.run_in_background(and_or, io).await?;
                continue;
            }
            self.run_and_or(and_or, io, Traps::Err).await?;
            self.run_signal_traps().await?;
            if self.take_interrupt() {
                let status = 128 + Signal::Interrupt.number();
                if !matches!(self.origin, Origin::Prompt) {
                    // Like bash, a script or -c string stops when the user interrupts it.
                    return Err(Flow::Exit(status));
                }
                // At the prompt the whole command line stops, loops included.
                self.last_status = status;
                return Err(Flow::Break(usize::MAX));
            }
        }
        Ok(())
    }

    /// Runs `a && b || c ...`. Under `set -e` a failure ends the shell only when it is the
    /// last pipeline of the list, not negated, and not inside a condition.
    async fn run_and_or(&mut self, list: &AndOrList, io: &Stdio, traps: Traps) -> Result<(), Flow> {
        // `set -n`: read, not run (at the prompt it would lock the user out; bash ignores it).
        if self.options.noexec && !matches!(self.origin, Origin::Prompt) {
            return Ok(());
        }
        let count = list.additional.len();
        let err_traps_before = self.err_traps_run;
        let changed = self.streams_changed;
        self.last_status = self
            .run_checked_pipeline(&list.first, io, count == 0)
            .await?;
        let mut last = (&list.first, count == 0);
        // `exec 3<file && cmd <&3`: what exec set up reaches the pipelines after it.
        let mut redirected: Option<Arc<Stdio>> = None;
        let mut changed = changed;
        for (index, next) in list.additional.iter().enumerate() {
            let (run, pipeline) = match next {
                AndOr::And(p) => (self.last_status == 0, p),
                AndOr::Or(p) => (self.last_status != 0, p),
            };
            if self.streams_changed != changed {
                changed = self.streams_changed;
                redirected = self.streams.clone();
            }
            if run {
                let final_one = index + 1 == count;
                let io = redirected.as_deref().unwrap_or(io);
                self.last_status = self.run_checked_pipeline(pipeline, io, final_one).await?;
                last = (pipeline, final_one);
            }
        }
        let (pipeline, final_one) = last;
        // In POSIX mode a special builtin's usage error ends a non-interactive shell as
        // `set -e` would, in the same places.
        let special_failed = std::mem::take(&mut self.special_builtin_failed)
            && self.options.posix
            && !matches!(self.origin, Origin::Prompt);
        let ignored_inside = self.failure_ignored && reports_through_its_commands(pipeline);
        self.failure_ignored = self.last_status != 0
            && (!final_one || pipeline.bang || ignored_inside || self.condition_depth > 0);
        if self.last_status != 0 && !self.failure_ignored {
            // As bash without `set -o errtrace`: functions do not inherit the ERR trap. A
            // compound command's failure was its last command's, which had the trap
            // (unless none ran: its redirection failed).
            let reported =
                reports_through_its_commands(pipeline) && self.err_traps_run != err_traps_before;
            if (self.function_names.is_empty() || self.options.errtrace)
                && traps == Traps::Err
                && !reported
            {
                self.run_trap("ERR").await?;
            }
            if self.options.errexit || special_failed {
                return Err(Flow::Exit(self.last_status));
            }
        }
        Ok(())
    }

    /// A pipeline of an and-or list; all but the last, and negated ones, run as conditions.
    async fn run_checked_pipeline(
        &mut self,
        pipeline: &Pipeline,
        io: &Stdio,
        final_one: bool,
    ) -> Result<u8, Flow> {
        // As in bash, `!` makes its commands conditions only when `set -e` is on as it
        // starts: a `set -e` run inside `! f` holds for the rest of `f`.
        let condition = !final_one || (pipeline.bang && self.options.errexit);
        // What the commands inside it leave here is what counts for it.
        self.failure_ignored = false;
        self.condition_depth += usize::from(condition);
        let status = self.run_pipeline(pipeline, io).await;
        self.condition_depth -= usize::from(condition);
        status
    }

    /// Whether a background list is a pipeline of programs, which run as processes of
    /// their own; anything else (builtins, functions, compound commands, `&&`) runs in a
    /// background subshell.
    fn runs_as_processes(&self, list: &AndOrList) -> bool {
        list.additional.is_empty()
            && list.first.seq.iter().all(|command| match command {
                Command::Simple(simple) => simple.word_or_name.as_ref().is_some_and(|word| {
                    self.find_builtin(&word.value).is_none()
                        && !self.functions.contains_key(&word.value)
                }),
                _ => false,
            })
    }

    /// Runs an and-or list in a subshell on a task of its own, with a pid of its own (in
    /// the process table, so `$!`, `wait`, `kill` and /proc know it). Killing it ends the
    /// task and, through the kernel, the processes it started.
    pub(super) fn start_background_subshell(&self, list: &AndOrList, io: Stdio) -> Option<Pid> {
        // A full table is reported by the caller, where the job's errors go.
        let process = self
            .kernel
            .insert_task(self.pid, self.namespace.clone())
            .ok()?;
        let mut shell = self.subshell(&io);
        shell.pid = process.pid;
        shell.subshell_pid = None;
        let list = list.clone();
        let task = tokio::spawn(async move {
            // bash runs no ERR trap for an asynchronous list's own status.
            let status = match shell.run_and_or(&list, &io, Traps::None).await {
                Err(Flow::Exit(status) | Flow::Return(status) | Flow::Abort(status)) => status,
                _ => shell.last_status,
            };
            shell.exit_with(status).await
        });
        let pid = process.pid;
        tokio::spawn(async move {
            let abort = task.abort_handle();
            let status = tokio::select! {
                status = task => ExitStatus::Exited(status.unwrap_or(1)),
                signal = process.killed() => {
                    abort.abort();
                    ExitStatus::Killed(signal)
                }
            };
            process.finish(status);
        });
        Some(pid)
    }

    /// `LIST &`: starts the pipeline and goes on without waiting.
    async fn run_in_background(&mut self, list: &AndOrList, io: &Stdio) -> Result<(), Flow> {
        // Without job control, a background job does not read the terminal, nor the
        // shell's stdin, unless a command around it redirected that.
        let mut io = io.duplicate();
        if self.stdin_redirections == 0 {
            io.stdin = Input::Null;
        }
        let mut pids = Vec::new();
        let mut last_status = 0;
        if self.runs_as_processes(list) {
            for stage in self.start_pipeline(&list.first, &io).await? {
                match stage {
                    Stage::Running { pid, .. } => pids.push(pid),
                    Stage::Done(status) => last_status = status,
                    Stage::Subshell(_) => {}
                }
            }
        } else {
            let stderr = io.stderr.duplicate();
            match self.start_background_subshell(list, io) {
                Some(pid) => pids.push(pid),
                None => {
                    let error = SpawnError::TooManyProcesses(self.kernel.max_processes());
                    let _ = super::builtin::deliver(
                        format!("{}{error}\n", self.message_prefix()),
                        stderr,
                    );
                    self.last_status = error.status();
                    return Ok(());
                }
            }
        }
        if let Some(&last) = pids.last() {
            self.last_background = Some(last);
        }
        let command = super::print::and_or_text(list);
        let number = self.jobs.start(
            self.kernel.clone(),
            pids.clone(),
            last_status,
            command,
            self.options.monitor,
        );
        if matches!(self.origin, Origin::Prompt) {
            eprintln!("[{number}] {}", pids.last().copied().unwrap_or_default());
        }
        self.last_status = 0;
        Ok(())
    }

    /// Spawns every stage of a pipeline, joined by pipes; the first reads `io`'s stdin and
    /// the last writes its stdout.
    async fn start_pipeline(
        &mut self,
        pipeline: &Pipeline,
        io: &Stdio,
    ) -> Result<Vec<Stage>, Flow> {
        let count = pipeline.seq.len();
        if count > 1 {
            self.load_programs(pipeline);
        }
        // The stages of a pipeline are subshells in bash: what they run is not hashed by
        // the shell itself.
        let mut hashed = (count > 1).then(|| self.hashed.clone());
        let mut stages = Vec::with_capacity(count);
        let mut next_stdin = Some(io.stdin.duplicate());
        for (index, command) in pipeline.seq.iter().enumerate() {
            let (reader, stdout) = if index + 1 < count {
                let (reader, writer) = pipe();
                (Some(Input::Pipe(reader)), Output::Pipe(writer))
            } else {
                (None, io.stdout.duplicate())
            };
            let mut stdio = io.duplicate();
            stdio.stdin = next_stdin.take().unwrap_or(Input::Null);
            stdio.stdout = stdout;
            // `shopt -s lastpipe` without job control: the last stage is the shell's own.
            let in_shell = count == 1
                || (index + 1 == count
                    && self.shell_options.lastpipe
                    && !matches!(self.origin, super::Origin::Prompt));
            if in_shell && let Some(saved) = hashed.take() {
                self.hashed = saved;
            }
            stages.push(self.start_command(command, stdio, in_shell).await?);
            next_stdin = reader;
        }
        if let Some(hashed) = hashed {
            self.hashed = hashed;
        }
        Ok(stages)
    }

    /// Loads the programs that a pipeline's stages name by a plain word (not a builtin or
    /// a function) all at once, a thread each, so that first compiles run side by side;
    /// the stages then start one after another. Only a head start: each stage still finds
    /// its program when it runs, and reports what is wrong with it then.
    fn load_programs(&self, pipeline: &Pipeline) {
        let plain = |name: &&str| {
            !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "_-+./".contains(c))
        };
        let paths: Vec<String> = pipeline
            .seq
            .iter()
            .filter_map(|command| match command {
                Command::Simple(simple) => simple.word_or_name.as_ref(),
                _ => None,
            })
            .map(|word| word.value.as_str())
            .filter(plain)
            .filter(|name| self.find_builtin(name).is_none() && !self.functions.contains_key(*name))
            .filter_map(|name| self.find_command(name))
            .collect();
        if paths.len() > 1 {
            self.kernel.load_programs(&self.namespace, &paths);
        }
    }

    async fn run_pipeline(&mut self, pipeline: &Pipeline, io: &Stdio) -> Result<u8, Flow> {
        let started = Instant::now();
        let cpu_before = self.children_cpu;
        let stages = self.start_pipeline(pipeline, io).await?;
        let pids: Vec<Pid> = stages
            .iter()
            .filter_map(|s| match s {
                Stage::Running { pid, .. } => Some(*pid),
                _ => None,
            })
            .collect();
        self.add_foreground(&pids);
        let usages: Vec<_> = pids
            .iter()
            .filter_map(|pid| self.kernel.processes.get(*pid))
            .map(|process| process.usage.clone())
            .collect();
        let mut status = 0;
        let mut failed = 0;
        let mut statuses = Vec::new();
        let mut stages = stages.into_iter();
        while let Some(stage) = stages.next() {
            status = match stage {
                Stage::Done(status) => status,
                Stage::Running { pid, name } => match self
                    .wait_for(
                        pid,
                        &name,
                        stages.len().eq(&0).then_some(Job::Pipeline(pipeline)),
                    )
                    .await
                {
                    Some(status) => status,
                    None => {
                        // Ctrl-Z: what is still running becomes a stopped job.
                        let mut rest = vec![pid];
                        rest.extend(stages.filter_map(|s| match s {
                            Stage::Running { pid, .. } => Some(pid),
                            _ => None,
                        }));
                        self.remove_foreground(&pids);
                        let command = pipeline.to_string();
                        let monitored = self.options.monitor;
                        let number =
                            self.jobs
                                .start(self.kernel.clone(), rest, 0, command, monitored);
                        self.announce_stop(number);
                        return Ok(super::jobctl::STOPPED_STATUS);
                    }
                },
                Stage::Subshell(task) => task.await.unwrap_or(1),
            };
            if status != 0 {
                failed = status;
            }
            statuses.push((None, status.to_string()));
        }
        self.remove_foreground(&pids);
        if !pids.is_empty() {
            self.notify_ended_jobs();
        }
        self.children_cpu += usages.iter().map(|usage| usage.cpu_time()).sum();
        if !leaves_pipestatus(pipeline) {
            let _ = self.assign_array("PIPESTATUS", statuses, false);
        }
        if self.options.pipefail {
            status = failed;
        }
        if let Some(timed) = &pipeline.timed {
            let cpu = self.children_cpu.saturating_sub(cpu_before);
            let format = match timed.is_posix_output() {
                true => Some("real %2R\nuser %2U\nsys %2S".to_string()),
                false => self.variable("TIMEFORMAT"),
            };
            let report = time_report(started.elapsed(), cpu, format.as_deref());
            let _ = super::builtin::deliver(report, io.stderr.duplicate());
        }
        Ok(if pipeline.bang {
            u8::from(status == 0)
        } else {
            status
        })
    }

    /// Marks processes as running in the foreground (subshells add theirs too).
    /// Makes `pids` the ones Ctrl-C stops. A Ctrl-C that came after the command line was
    /// read but before they started stops them too: it was meant for them.
    pub(super) fn add_foreground(&self, pids: &[Pid]) {
        if let Ok(mut foreground) = self.foreground.lock() {
            foreground.extend(pids);
            // Checked under the lock: a Ctrl-C after this sees the pids in the list.
            if self.interrupted.load(std::sync::atomic::Ordering::SeqCst) {
                for &pid in pids {
                    let _ = self.kernel.kill(pid, Signal::Interrupt);
                }
            }
        }
    }

    pub(super) fn remove_foreground(&self, pids: &[Pid]) {
        if let Ok(mut foreground) = self.foreground.lock() {
            foreground.retain(|pid| !pids.contains(pid));
        }
    }

    /// Waits for a process and tells the user, in one line, if it died abnormally (`name`
    /// the program; `job` the command line as bash shows it, where a signal's end is told,
    /// as bash tells it of a pipeline's last process only). None when it was stopped
    /// instead (Ctrl-Z).
    pub(super) async fn wait_for(&self, pid: Pid, name: &str, job: Option<Job<'_>>) -> Option<u8> {
        let status = match self.kernel.processes.wait_or_stop(pid).await {
            Ok(Waited::Exited(status)) => status,
            Ok(Waited::Stopped) => return None,
            Err(e) => {
                self.report(&format!("wait: {e}"));
                return Some(127);
            }
        };
        // A shell that is itself being killed (with its children, as a process group)
        // says nothing about them: it is going too.
        let dying = self
            .kernel
            .processes
            .get(self.pid)
            .is_some_and(|shell| shell.is_being_killed());
        match &status {
            _ if dying => {}
            ExitStatus::Crashed(why) => self.report(&format!("{name}: crashed: {why}")),
            ExitStatus::Failed(why) => self.report(&format!("{name}: failed: {why}")),
            ExitStatus::Killed(Signal::Interrupt) => {
                if matches!(self.origin, Origin::Prompt) {
                    eprintln!();
                }
            }
            ExitStatus::Killed(Signal::Pipe) => {}
            ExitStatus::Killed(signal) => match job {
                // Of a pipeline, bash tells how its last process ended only.
                None => {}
                // At the prompt, and for SIGTERM anywhere, the signal's words alone.
                Some(_)
                    if matches!(self.origin, Origin::Prompt) || *signal == Signal::Terminate =>
                {
                    self.say(signal.description().to_string())
                }
                Some(job) => self.report(&format!(
                    "{pid:>5} {:<24}{}",
                    signal.description(),
                    job.text()
                )),
            },
            ExitStatus::Exited(_) => {}
        }
        Some(status.code())
    }

    async fn start_command(
        &mut self,
        command: &Command,
        stdio: Stdio,
        alone: bool,
    ) -> Result<Stage, Flow> {
        // `$LINENO`: a compound command or test is on the line it starts on (a simple
        // command, on the line of its first word: see `start_simple`).
        let line_before = self.line;
        // `$BASH_COMMAND`: what runs now (in a trap, what ran when the trap went off).
        let shown = matches!(
            command,
            Command::Simple(_)
                | Command::ExtendedTest(..)
                | Command::Compound(CompoundCommand::Subshell(_), _)
        );
        if shown && self.shows_command && self.running_traps.is_empty() {
            self.command_text = super::print::command_text(command);
        }
        if shown {
            self.publish_tables();
        }
        if !matches!(command, Command::Simple(_))
            && let Some(location) = command.location()
        {
            self.line = location.start.line + self.line_offset;
        }
        match command {
            // A stage of a pipeline is a subshell: what its expansions assign (`${x=1}`,
            // `$((i++))`) or an error that ends it (`${x?}`) stays inside it.
            Command::Simple(simple) if !alone && may_change_the_shell(simple) => {
                let mut shell = self.subshell(&stdio);
                match Box::pin(shell.start_simple(simple, stdio, false)).await {
                    Err(Flow::Exit(status) | Flow::Abort(status)) => Ok(Stage::Done(status)),
                    other => other,
                }
            }
            Command::Simple(simple) => self.start_simple(simple, stdio, alone).await,
            Command::Compound(compound, redirects) => {
                let Some(stdio) = self.redirected(stdio, redirects.as_ref()).await else {
                    // As in bash, `$LINENO` stays where it was when none of it ran.
                    self.line = line_before;
                    return Ok(Stage::Done(1));
                };
                // `while ...; do cmd & done < file`: the background commands inside
                // read the file, not /dev/null, as in bash; in a pipeline, the pipe.
                let reads = redirects.as_ref().is_some_and(redirects_stdin)
                    || (!alone && matches!(stdio.stdin, Input::Pipe(_)));
                self.stdin_redirections += usize::from(reads);
                let stage = if alone {
                    let installed = redirects.is_some().then(|| self.install_streams(&stdio));
                    let result = self.run_compound(compound, &stdio).await;
                    if let Some(installed) = installed {
                        self.restore_streams(installed);
                    }
                    result.map(Stage::Done)
                } else {
                    Ok(self.in_subshell(stdio, SubshellWork::Compound(compound.clone())))
                };
                self.stdin_redirections -= usize::from(reads);
                stage
            }
            Command::Function(definition) => {
                let name = definition.fname.value.clone();
                // As bash: a name written with an expansion or a quote is refused, on the
                // line the complete command holding the definition ends on.
                // So is, in POSIX mode, anything but a name, which ends a non-interactive
                // shell.
                let posix_refused = self.options.posix && !super::assign::is_name(&name);
                if name.contains(['$', '`', '\'', '"', '\\']) || posix_refused {
                    self.line = self.read_to_line;
                    self.report(&format!("`{name}': not a valid identifier"));
                    if posix_refused && !matches!(self.origin, Origin::Prompt) {
                        return Err(Flow::Exit(2));
                    }
                    return Ok(Stage::Done(1));
                }
                if self.readonly_functions.contains(&name) {
                    self.line = self.read_to_line;
                    self.report(&format!("{name}: readonly function"));
                    return Ok(Stage::Done(1));
                }
                if self.options.posix && super::table::SPECIAL.contains(&name.as_str()) {
                    self.report(&format!("`{name}': is a special builtin"));
                    return match self.origin {
                        Origin::Prompt => Ok(Stage::Done(2)),
                        _ => Err(Flow::Exit(2)),
                    };
                }
                let origin = super::FunctionOrigin {
                    file: self.current_file(),
                    line_offset: self.line_offset,
                    line: definition
                        .body
                        .location()
                        .map_or(self.line, |span| span.start.line + self.line_offset),
                };
                self.function_origins.insert(name.clone(), origin);
                self.functions
                    .insert(name, std::sync::Arc::new(definition.body.clone()));
                Ok(Stage::Done(0))
            }
            Command::ExtendedTest(test, redirects) => {
                if self.run_debug_trap().await? {
                    return Ok(Stage::Done(0));
                }
                // `set -x` writes where the shell's stderr is, before the redirections.
                let stderr = self.trace_output(&stdio);
                let Some(stdio) = self.redirected(stdio, redirects.as_ref()).await else {
                    return Ok(Stage::Done(1));
                };
                let installed = redirects.is_some().then(|| self.install_streams(&stdio));
                let status = self.run_conditional(&test.expr, &stderr).await;
                if let Some(installed) = installed {
                    self.restore_streams(installed);
                }
                Ok(Stage::Done(status?))
            }
        }
    }

    /// A redirection that failed is reported where the ones before it sent stderr, as in
    /// bash (`cmd 2>&1 >&9 | grep Bad`).
    fn report_redirect_error(&self, message: &str, stdio: &Stdio) {
        let line = format!("{}{message}\n", self.message_prefix());
        let _ = super::builtin::deliver(line, stdio.stderr.duplicate());
    }

    /// Makes a compound command's redirected streams the shell's own while it runs, so
    /// that what the shell reads and writes itself inside (a command substitution's
    /// input, its complaints) goes where they say, as in bash (`{ x=$(cat); } <<< text`).
    /// Gives back what was installed and what it replaced.
    fn install_streams(&mut self, stdio: &Stdio) -> Installed {
        let installed = Arc::new(stdio.duplicate());
        let own = self.streams.replace(Arc::clone(&installed));
        Installed {
            stdio: installed,
            own,
            redirected: self.redirected_fds.clone(),
        }
    }

    /// Puts the shell's own streams back. If `exec` changed them for good meanwhile, the
    /// descriptors the compound command's redirections named go back and the others keep
    /// what `exec` gave them, as bash undoes a group's redirections (after
    /// `{ exec 10>&1; } > f`, stdout is the terminal again and 10 is `f`).
    fn restore_streams(&mut self, installed: Installed) {
        let current = match self.streams.take() {
            Some(current) if !Arc::ptr_eq(&current, &installed.stdio) => current,
            _ => {
                self.streams = installed.own;
                return;
            }
        };
        let own = match &installed.own {
            Some(own) => own.duplicate(),
            None => Stdio::console(),
        };
        let mut restored = current.duplicate();
        for &fd in &installed.redirected {
            super::named_fds::copy_descriptor(&own, &mut restored, fd);
        }
        self.streams = Some(Arc::new(restored));
    }

    /// `stdio` with a command's trailing redirections applied; None (reported, status 1
    /// as in bash) when one fails.
    async fn redirected(
        &mut self,
        mut stdio: Stdio,
        redirects: Option<&brush_parser::ast::RedirectList>,
    ) -> Option<Stdio> {
        let redirects: Vec<_> = redirects.iter().flat_map(|r| &r.0).collect();
        match self.apply_redirects(&redirects, &mut stdio).await {
            Ok(()) => Some(stdio),
            Err(message) => {
                self.report_redirect_error(&message, &stdio);
                None
            }
        }
    }

    async fn start_simple(
        &mut self,
        command: &SimpleCommand,
        stdio: Stdio,
        alone: bool,
    ) -> Result<Stage, Flow> {
        self.substitution_status = None;
        self.dispose_ended_coprocess();
        match command_lines(command) {
            Some((line, last)) => {
                self.line = line + self.line_offset;
                self.last_line = last + self.line_offset;
            }
            None => self.last_line = self.line,
        }
        // Under extdebug a failing DEBUG trap skips the command, which succeeds.
        if self.run_debug_trap().await? {
            return Ok(Stage::Done(0));
        }
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
        // `declare a=(x y)`, `local x=$y`: assignments given to a declaration builtin are
        // expanded as assignments (no splitting), not as words.
        let declaring = command.word_or_name.as_ref().is_some_and(|w| {
            matches!(
                w.value.as_str(),
                "declare" | "typeset" | "local" | "export" | "readonly"
            )
        });
        // `set -k`: words that are assignments count as assignments wherever they are
        // (a declaration's too, as in bash).
        let suffix = suffix.filter(|item| match item {
            CommandPrefixOrSuffixItem::AssignmentWord(assignment, _) if self.options.keyword => {
                assignments.push(assignment);
                false
            }
            _ => true,
        });
        let name_word = command
            .word_or_name
            .clone()
            .map(CommandPrefixOrSuffixItem::Word);
        words.extend(name_word.as_ref());
        words.extend(suffix);

        // `let x=( 1 + 2 )`: the expression as written, expanded as an assignment's.
        let letting = command
            .word_or_name
            .as_ref()
            .is_some_and(|w| w.value == "let");
        self.declared_arrays.clear();
        let mut argv = Vec::new();
        let mut pipes = Vec::new();
        let mut redirects = Vec::new();
        let assigns = command.word_or_name.is_some();
        let named = match self.name_descriptors(&words, &stdio, assigns) {
            Ok(named) => named,
            Err(message) => {
                self.report(&message);
                return Ok(Stage::Done(1));
            }
        };
        // Where the last word or process substitution ended, whether it was the latter,
        // and whether it gave a field: a process substitution touching a word is part of
        // it (`x=<(cmd)`, `<(a)<(b)`), as in bash.
        let mut last: Option<(usize, bool, bool)> = None;
        for (position, item) in words.into_iter().enumerate() {
            if let Some(redirect) = named.redirects.get(&position) {
                redirects.extend(redirect.as_ref());
                continue;
            }
            if named.redirects.contains_key(&(position + 1)) {
                continue;
            }
            let span = substitution_span(item);
            let glued = matches!((last, span),
                (Some((end, was_substitution, true)), Some((start, _, is_substitution)))
                    if end == start && (was_substitution || is_substitution));
            let before = argv.len();
            let word = match item {
                CommandPrefixOrSuffixItem::AssignmentWord(assignment, _) if declaring => {
                    // `declare -A a=(k v)`: the words are an associative array's.
                    let associative = argv
                        .iter()
                        .skip(1)
                        .any(|a: &String| a.starts_with('-') && a.contains('A'));
                    match self.declaration_argument(assignment, associative).await {
                        Ok(Some(text)) => argv.push(text),
                        Ok(None) => {}
                        Err(e) => return Ok(Stage::Done(self.expansion_failed(e)?)),
                    }
                    continue;
                }
                CommandPrefixOrSuffixItem::AssignmentWord(assignment, word)
                    if letting
                        && matches!(
                            assignment.value,
                            brush_parser::ast::AssignmentValue::Array(_)
                        ) =>
                {
                    match self.expand_assigned(word).await {
                        Ok(text) => argv.push(text),
                        Err(e) => return Ok(Stage::Done(self.expansion_failed(e)?)),
                    }
                    continue;
                }
                CommandPrefixOrSuffixItem::Word(word)
                | CommandPrefixOrSuffixItem::AssignmentWord(_, word) => word,
                CommandPrefixOrSuffixItem::IoRedirect(redirect) => {
                    redirects.push(redirect);
                    continue;
                }
                CommandPrefixOrSuffixItem::ProcessSubstitution(
                    ProcessSubstitutionKind::Read,
                    list,
                ) => {
                    let fd = super::procsub::FIRST_FD - pipes.len() as u32;
                    pipes.push((fd, PipeEnd::Read(self.start_substituted(list))));
                    argv.push(format!("/dev/fd/{fd}"));
                    last = glue_fields(&mut argv, before, glued, span);
                    continue;
                }
                CommandPrefixOrSuffixItem::ProcessSubstitution(
                    ProcessSubstitutionKind::Write,
                    list,
                ) => {
                    let fd = super::procsub::FIRST_FD - pipes.len() as u32;
                    let writer = self.start_substituted_reader(list, &stdio);
                    pipes.push((fd, PipeEnd::Write(writer)));
                    argv.push(format!("/dev/fd/{fd}"));
                    last = glue_fields(&mut argv, before, glued, span);
                    continue;
                }
            };
            match self.expand_word(word).await {
                Ok(fields) => argv.extend(fields),
                Err(e) => return Ok(Stage::Done(self.expansion_failed(e)?)),
            }
            last = glue_fields(&mut argv, before, glued, span);
        }
        if pipes.is_empty() {
            return self
                .run_simple(argv, assignments, redirects, &named, stdio, alone)
                .await;
        }
        // The command (and what it runs) sees the pipes in /dev/fd; the shell after it
        // does not, unless the command changed the namespace itself (`mount`).
        let installed = self.namespace_with_pipes(pipes);
        let before = std::mem::replace(&mut self.namespace, installed.clone());
        let result = self
            .run_simple(argv, assignments, redirects, &named, stdio, alone)
            .await;
        if Arc::ptr_eq(&self.namespace, &installed) {
            self.namespace = before;
        }
        result
    }

    /// Runs a simple command whose words are expanded: its assignments, redirections, then
    /// the function, builtin or program it names.
    async fn run_simple(
        &mut self,
        argv: Vec<String>,
        assignments: Vec<&brush_parser::ast::Assignment>,
        redirects: Vec<&brush_parser::ast::IoRedirect>,
        named: &NamedDescriptors,
        stdio: Stdio,
        alone: bool,
    ) -> Result<Stage, Flow> {
        let mut stdio = stdio;
        // A job spec as the command (`%1`) is `fg` of it, as in bash.
        let argv = match argv.first() {
            Some(first) if first.starts_with('%') => {
                std::iter::once("fg".into()).chain(argv).collect()
            }
            _ => argv,
        };
        if argv.is_empty() {
            // Only assignments: they set shell variables, left to right (`a=1 b=$a`).
            for assignment in assignments {
                // Traced with the `$PS4` from before it.
                let ps4 = self.variable("PS4");
                let shown = match self.perform_assignment(assignment).await {
                    Ok(shown) => shown,
                    Err(e) => return Ok(Stage::Done(self.expansion_failed(e)?)),
                };
                // `set -x` writes where the shell's stderr is, before the redirections.
                let to = self.trace_output(&stdio);
                self.trace(&[shown], &to, Some(ps4)).await;
            }
            // A read-only `{NAME}` is reported where stderr went before the redirections.
            let refused = named
                .refused
                .as_ref()
                .map(|name| (name, stdio.stderr.duplicate()));
            if let Err(message) = self.apply_redirects(&redirects, &mut stdio).await {
                self.report_redirect_error(&message, &stdio);
                return Ok(Stage::Done(1));
            }
            if let Some((name, stderr)) = refused {
                self.refuse_named(name, &stderr);
                return Ok(Stage::Done(1));
            }
            if alone && !self.shell_options.varredir_close {
                self.keep_named_descriptors(streams_at(&stdio, &named.fds));
            }
            // A command without words leaves `$_` empty, as in bash (a pipeline's stages
            // are subshells there: they leave it alone).
            if alone {
                self.set_variable("_", "", false);
            }
            return Ok(Stage::Done(self.substitution_status.unwrap_or(0)));
        }
        // Each assignment sees those before it (`K=x A=${K#?} cmd`), as in bash; they
        // are undone here and made again for the command below.
        let mut values = Vec::new();
        let mut before = Vec::new();
        for assignment in assignments {
            // An element (`a[0]=x cmd`) is no name a command's environment can hold: bash
            // says so, before expanding its value, and runs the command without it.
            if let brush_parser::ast::AssignmentName::ArrayElementName(..) = assignment.name {
                self.report(&format!("`{}': not a valid identifier", assignment.name));
                continue;
            }
            let value = self.one_command_value(&assignment.value).await;
            let Ok(value) = value else {
                self.restore_variables(before);
                return Ok(Stage::Done(self.expansion_failed(value.unwrap_err())?));
            };
            let name = assignment.name.to_string();
            // A read-only variable keeps a program from running, as in bash; a builtin or
            // function runs all the same, without that assignment.
            if self.is_readonly(&name) {
                self.report(&format!("{name}: readonly variable"));
                let shell_command =
                    self.functions.contains_key(&argv[0]) || self.find_builtin(&argv[0]).is_some();
                if shell_command {
                    continue;
                }
                self.restore_variables(before);
                return Ok(Stage::Done(1));
            }
            // `a+=5 cmd` appends (adds, to an integer), for the command as for the shell.
            let value = match assignment.append {
                true => match self.appended(&name, &value) {
                    Ok(value) => value,
                    Err(e) => {
                        self.restore_variables(before);
                        return Ok(Stage::Done(self.expansion_failed(e)?));
                    }
                },
                false => value,
            };
            before.push((name.clone(), self.variables.get(&name).cloned()));
            self.set_temporary(&name, &value);
            values.push((name, value));
        }
        self.restore_variables(before);
        if self.options.xtrace {
            let utf8 = self.utf8_locale();
            let shown: Vec<String> = values
                .iter()
                .map(|(n, v)| format!("{n}={}", super::options::traced_quoted(v, utf8)))
                .chain(argv.iter().map(|w| super::options::traced_quoted(w, utf8)))
                .collect();
            let to = self.trace_output(&stdio);
            self.trace(&shown, &to, None).await;
        }
        // A read-only `{NAME}` is reported where stderr went before the redirections.
        let refused = named
            .refused
            .as_ref()
            .map(|name| (name, stdio.stderr.duplicate()));
        if let Err(message) = self.apply_redirects(&redirects, &mut stdio).await {
            self.report_redirect_error(&message, &stdio);
            return Ok(Stage::Done(1));
        }
        if let Some((name, stderr)) = refused {
            self.refuse_named(name, &stderr);
            return Ok(Stage::Done(1));
        }
        // `$_`: the last argument of the command before.
        if let Some(last) = argv.last().filter(|_| alone) {
            self.set_variable("_", last, false);
        }
        let argv = self.as_autocd(argv, &stdio);
        let name = argv[0].clone();
        let builtin = self.find_builtin(&name);
        // In POSIX mode a special builtin is found before a function of its name.
        let special = self.options.posix && super::table::SPECIAL.contains(&name.as_str());
        let function = self.functions.get(&name).cloned().filter(|_| !special);
        if builtin.is_none() && function.is_none() {
            return Ok(self.spawn_program(argv, values, stdio));
        }
        // `VAR=value builtin` and `VAR=value function`: the variables hold for the command
        // only, as in bash (`IFS=, read a b`).
        let saved: Vec<_> = values
            .iter()
            .map(|(name, _)| (name.clone(), self.variables.get(name).cloned()))
            .collect();
        for (variable, value) in &values {
            self.set_temporary(variable, value);
        }
        // `var=60 export var`: what the builtin declares stays after it.
        let (stays, localized) = match function {
            None => (
                super::assign::declared_by(&argv, self.locals.is_empty()),
                super::assign::localized_by(&argv),
            ),
            Some(_) => (Vec::new(), Vec::new()),
        };
        let kept = streams_at(&stdio, &named.fds);
        let function_call = function.is_some() && alone;
        // A function comes before a builtin of its name, as in bash.
        let result = match (builtin, function) {
            (_, Some(body)) if alone => {
                let installed = (!redirects.is_empty()).then(|| self.install_streams(&stdio));
                let result = self.call_function(&body, &argv, &stdio).await;
                if let Some(installed) = installed {
                    self.restore_streams(installed);
                }
                // `$_` is the call's last argument after it, whatever ran inside.
                if let Some(last) = argv.last() {
                    self.set_variable("_", last, false);
                }
                result.map(Stage::Done)
            }
            (_, Some(body)) => Ok(self.in_subshell(stdio, SubshellWork::Function(body, argv))),
            (Some(builtin), None) if alone => {
                self.special_builtin_failed = false;
                let result = self.run_builtin(builtin, &argv, stdio, true).await;
                // A status of 2 from these is a usage error; eval's and `.`'s can be
                // their text's own.
                let special = super::table::SPECIAL.contains(&argv[0].as_str());
                let usage_status = !matches!(argv[0].as_str(), "eval" | "." | "source")
                    && matches!(result, Ok(Stage::Done(2)));
                self.special_builtin_failed =
                    special && (self.special_builtin_failed || usage_status);
                // bash sets `$_` after a builtin too (`unset _; echo $_` shows `_`).
                if let Some(last) = argv.last() {
                    self.set_variable("_", last, false);
                }
                result
            }
            // In a pipeline a builtin runs in a subshell, as in bash: what it changes
            // (`read`'s variables, `cd`) is gone after it.
            (Some(builtin), None) => {
                let mut subshell = self.subshell(&stdio);
                match subshell.run_builtin(builtin, &argv, stdio, false).await {
                    Err(Flow::Exit(status) | Flow::Return(status) | Flow::Abort(status)) => {
                        Ok(Stage::Done(status))
                    }
                    Err(Flow::Break(_) | Flow::Continue(_)) => Ok(Stage::Done(0)),
                    stage => stage,
                }
            }
            (None, None) => unreachable!("programs were started above"),
        };
        // In POSIX mode a special builtin's assignments stay, as an assignment alone would.
        let special = super::table::SPECIAL.contains(&name.as_str());
        let mut saved = if self.options.posix && special && !self.functions.contains_key(&name) {
            Vec::new()
        } else {
            saved
        };
        saved.retain(|(variable, _)| !stays.contains(variable));
        // What the function made its own (`export var`, `declare -g var`, an assignment
        // after `unset var`, a POSIX special builtin's `var=1 :`) outlives the call, as
        // bash propagates such temporary variables.
        if function_call {
            saved.retain(|(variable, _)| {
                self.variables
                    .get(variable)
                    .is_none_or(|current| current.temporary)
            });
        } else if let Some(frame) = self.locals.last_mut() {
            // `z=y local z` in a function: the local keeps the value (exported, as
            // bash's); what the prefix assignment hid comes back when the function
            // returns.
            saved.retain_mut(|(variable, before)| {
                let local = localized
                    .contains(variable)
                    .then(|| frame.iter_mut().find(|(name, _)| name == variable));
                let Some(Some(entry)) = local else {
                    return true;
                };
                if entry.1.as_ref().is_some_and(|hidden| hidden.temporary) {
                    entry.1 = before.take();
                }
                false
            });
        }
        // What stays is the shell's own variable from now on.
        for (variable, _) in &values {
            if !saved.iter().any(|(name, _)| name == variable)
                && let Some(kept) = self.variables.get_mut(variable)
            {
                kept.temporary = false;
            }
        }
        self.restore_variables(saved);
        if alone && !self.shell_options.varredir_close {
            self.keep_named_descriptors(kept);
        }
        result
    }

    /// A read-only `{NAME}`: bash's two complaints (the redirections are made all the
    /// same: bash opens the file first).
    fn refuse_named(&self, name: &str, stderr: &Output) {
        let prefix = self.message_prefix();
        let text = format!(
            "{prefix}{name}: readonly variable\n{prefix}{name}: cannot assign fd to variable\n"
        );
        let _ = super::builtin::deliver(text, stderr.duplicate());
    }

    /// The value of an assignment before a command. An array (`a=(x y) cmd`) is passed
    /// as bash passes it: its words expanded as an assignment's, in parentheses.
    async fn one_command_value(
        &mut self,
        value: &brush_parser::ast::AssignmentValue,
    ) -> Result<String, super::expand::ExpandError> {
        let elements = match value {
            brush_parser::ast::AssignmentValue::Scalar(word) => {
                return self.expand_assigned(word).await;
            }
            brush_parser::ast::AssignmentValue::Array(elements) => elements,
        };
        let mut parts = Vec::with_capacity(elements.len());
        for (key, word) in elements {
            let value = self.expand_assigned(word).await?;
            parts.push(match key {
                Some(key) => format!("[{}]={value}", self.expand_assigned(key).await?),
                None => value,
            });
        }
        Ok(format!("({})", parts.join(" ")))
    }

    /// `shopt -s autocd` at the prompt: a directory's name run as a command (no builtin,
    /// function or program of its name) is `cd -- DIR`, shown on stderr as bash shows it.
    fn as_autocd(&mut self, argv: Vec<String>, stdio: &Stdio) -> Vec<String> {
        let name = &argv[0];
        let directory = self.shell_options.autocd
            && matches!(self.origin, Origin::Prompt)
            && self.find_builtin(name).is_none()
            && !self.functions.contains_key(name)
            && self
                .namespace
                .stat(
                    &wasmix_kernel::fs::namespace::absolute(&self.cwd, name),
                    true,
                )
                .is_ok_and(|meta| meta.is_dir());
        if !directory {
            return argv;
        }
        let argv: Vec<String> = ["cd", "--"]
            .into_iter()
            .map(String::from)
            .chain(argv)
            .collect();
        let _ = super::builtin::deliver(format!("{}\n", argv.join(" ")), stdio.stderr.duplicate());
        argv
    }

    /// Starts the program `argv[0]` names, with `extra` added to the environment.
    pub(super) fn spawn_program(
        &mut self,
        argv: Vec<String>,
        extra: Vec<(String, String)>,
        stdio: Stdio,
    ) -> Stage {
        self.spawn_program_named(argv, None, Environment::Shell(extra), stdio)
    }

    /// Starts the program `argv[0]` names, given `argv0` (`exec -a`) in its place if any.
    pub(super) fn spawn_program_named(
        &mut self,
        mut argv: Vec<String>,
        argv0: Option<String>,
        environment: Environment,
        stdio: Stdio,
    ) -> Stage {
        let name = argv[0].clone();
        // Errors about starting the command go where its own errors would (`2>`).
        let stderr = stdio.stderr.duplicate();
        if let Some(refusal) = self.refused_command_path(&name) {
            let _ = super::builtin::deliver(refusal, stderr);
            return Stage::Done(1);
        }
        // `PATH=dir cmd` looks `cmd` up in `dir`, as bash does.
        let search_path = match &environment {
            Environment::Shell(extra) => extra.iter().rev().find(|(n, _)| n == "PATH"),
            Environment::Empty => None,
        }
        .map(|(_, v)| v.clone());
        let found = match search_path {
            Some(path) => {
                let cwd = self.cwd.clone();
                wasmix_kernel::kernel::find_program(&self.namespace, &name, &path, &cwd)
            }
            None => {
                let found = match self.hashed_path(&name).filter(|_| !name.contains('/')) {
                    Some(path) => Some(path),
                    None => self.find_command(&name),
                };
                if let Some(path) = found.as_ref().filter(|_| !name.contains('/')) {
                    self.remember_program(&name, path);
                }
                found
            }
        };
        let Some(path) = found else {
            let _ = super::builtin::deliver(
                format!("{}{name}: command not found\n", self.message_prefix()),
                stderr,
            );
            return Stage::Done(127);
        };
        // A prefix assignment replaces the exported value rather than joining it: programs
        // read the first of two entries with one name.
        let env = match environment {
            Environment::Empty => Vec::new(),
            Environment::Shell(extra) => {
                let mut env = self.environment();
                for (name, value) in extra {
                    env.retain(|(present, _)| *present != name);
                    env.push((name, value));
                }
                // As bash: `$_` in a program's environment is the path it was run by.
                let executed = if name.contains('/') { &name } else { &path };
                env.retain(|(present, _)| present != "_");
                env.push(("_".into(), executed.clone()));
                env
            }
        };
        if let Some(argv0) = argv0 {
            argv[0] = argv0;
        }
        // Errors name the command as typed (`./s.sh`), as bash's do, not the full path.
        let typed = name.contains('/').then(|| (path.clone(), name.clone()));
        let request = SpawnRequest {
            parent: self.pid,
            namespace: self.namespace.clone(),
            // A name with a slash goes as typed: a script's interpreter is given it so.
            executable: Executable::Path(if name.contains('/') {
                name.clone()
            } else {
                path
            }),
            argv,
            env,
            cwd: self.cwd.clone(),
            stdio,
            limits: self.limits,
            invoke: None,
            network: Default::default(),
        };
        match self.kernel.spawn(request) {
            Ok(pid) => Stage::Running { pid, name },
            Err(e) => {
                let mut message = e.to_string();
                if let Some((path, name)) = typed
                    && message.starts_with(&path)
                {
                    message.replace_range(..path.len(), &name);
                }
                let _ = super::builtin::deliver(
                    format!("{}{message}\n", self.message_prefix()),
                    stderr,
                );
                Stage::Done(e.status())
            }
        }
    }

    /// The path of a command: itself if it has a slash, else the first match in $PATH.
    pub(super) fn find_command(&self, name: &str) -> Option<String> {
        let cwd = self.cwd.clone();
        let path = self.variable("PATH").unwrap_or_default();
        wasmix_kernel::kernel::find_program(&self.namespace, name, &path, &cwd)
    }
}

/// The `time` keyword's report, as `format` (`$TIMEFORMAT`; bash's default when unset)
/// says: `%[p][l]R`, `U`, `S` are the real, user and system times with `p` decimals (3
/// unless given), `l` as minutes and seconds; `%P` the CPU share; `%%` a percent sign. User
/// is the CPU time the processes the pipeline started spent running wasm and the host
/// calls they made.
fn time_report(real: Duration, cpu: Duration, format: Option<&str>) -> String {
    let format = format.unwrap_or("\nreal\t%3lR\nuser\t%3lU\nsys\t%3lS");
    if format.is_empty() {
        return String::new();
    }
    let mut out = String::new();
    let mut chars = format.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let precision = chars
            .next_if(char::is_ascii_digit)
            .map_or(3, |d| d.to_digit(10).unwrap_or(3).min(3) as usize);
        let long = chars.next_if_eq(&'l').is_some();
        let time = match chars.next() {
            Some('R') => real,
            Some('U') => cpu,
            Some('S') => Duration::ZERO,
            Some('P') => {
                let share = cpu.as_secs_f64() / real.as_secs_f64().max(f64::EPSILON) * 100.0;
                out.push_str(&format!("{share:.2}"));
                continue;
            }
            Some('%') => {
                out.push('%');
                continue;
            }
            Some(other) => {
                out.push('%');
                out.push(other);
                continue;
            }
            None => {
                out.push('%');
                break;
            }
        };
        let seconds = time.as_secs_f64();
        // Truncated, as bash shows them, not rounded.
        let scale = 10u64.pow(precision as u32);
        let units = (time.as_micros() as u64 * scale / 1_000_000) as f64 / scale as f64;
        if long {
            let minutes = (seconds / 60.0).floor();
            let rest = units - minutes * 60.0;
            out.push_str(&format!("{minutes}m{rest:.precision$}s"));
        } else {
            out.push_str(&format!("{units:.precision$}"));
        }
    }
    out.push('\n');
    out
}

/// Whether a pipeline leaves `PIPESTATUS` to the commands inside it, as bash does: a lone
/// compound command run in the shell (not a subshell, `(( ))` or `[[ ]]`), or a function
/// definition. `case x in y) ;; esac` leaves it as it was.
fn leaves_pipestatus(pipeline: &Pipeline) -> bool {
    match &pipeline.seq[..] {
        [Command::Function(_)] => true,
        [Command::Compound(compound, _)] => !matches!(
            compound,
            CompoundCommand::Subshell(_) | CompoundCommand::Arithmetic(_)
        ),
        _ => false,
    }
}

/// What `install_streams` replaced, for `restore_streams`.
struct Installed {
    stdio: Arc<Stdio>,
    own: Option<Arc<Stdio>>,
    /// The descriptors the compound command's redirections named.
    redirected: Vec<i32>,
}

/// The environment a program is started with.
pub(super) enum Environment {
    /// The shell's exported variables, with these prefix assignments over them.
    Shell(Vec<(String, String)>),
    /// None at all (`exec -c`).
    Empty,
}

/// Where a word or a process substitution starts and ends in the source, and whether it
/// is the latter (whose `<(` is just before its subshell's parenthesis).
fn substitution_span(item: &CommandPrefixOrSuffixItem) -> Option<(usize, usize, bool)> {
    match item {
        CommandPrefixOrSuffixItem::Word(word)
        | CommandPrefixOrSuffixItem::AssignmentWord(_, word) => {
            let loc = word.loc.as_ref()?;
            Some((loc.start.index, loc.end.index, false))
        }
        CommandPrefixOrSuffixItem::ProcessSubstitution(_, subshell) => {
            let loc = &subshell.loc;
            Some((loc.start.index.checked_sub(1)?, loc.end.index, true))
        }
        CommandPrefixOrSuffixItem::IoRedirect(_) => None,
    }
}

/// Joins the first field an item gave (from `before` on) to the last field before it
/// when the two touch; returns what `last` becomes.
fn glue_fields(
    argv: &mut Vec<String>,
    before: usize,
    glued: bool,
    span: Option<(usize, usize, bool)>,
) -> Option<(usize, bool, bool)> {
    let produced = argv.len() > before;
    if glued && produced && before > 0 {
        let first = argv.remove(before);
        argv[before - 1].push_str(&first);
    }
    span.map(|(_, end, substitution)| (end, substitution, produced))
}

/// Whether a compound command's redirections give it a standard input of its own.
fn redirects_stdin(redirects: &brush_parser::ast::RedirectList) -> bool {
    use brush_parser::ast::{IoFileRedirectKind, IoRedirect};
    redirects.0.iter().any(|redirect| match redirect {
        IoRedirect::File(fd, kind, _) => {
            fd.is_none_or(|fd| fd == 0)
                && matches!(
                    kind,
                    IoFileRedirectKind::Read
                        | IoFileRedirectKind::ReadAndWrite
                        | IoFileRedirectKind::DuplicateInput
                )
        }
        IoRedirect::HereDocument(fd, _) | IoRedirect::HereString(fd, _) => {
            fd.is_none_or(|fd| fd == 0)
        }
        _ => false,
    })
}
