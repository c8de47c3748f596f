//! Job control builtins: `jobs`, `fg`, `bg`, `disown`, `wait` and `kill`, and what Ctrl-Z
//! does to the foreground pipeline.

use super::builtin::deliver_before_error;
use super::job::{self, JobState};
use super::{Origin, Shell};
use wasmix_kernel::file::Output;
use wasmix_kernel::proc::{ExitStatus, Pid, SIGNALS, Signal};

/// bash's `$?` after Ctrl-Z stops the foreground job (128 + SIGTSTP).
pub const STOPPED_STATUS: u8 = 148;

impl Shell {
    /// `jobs`: every job with its state; `-l` adds the pids, `-p` shows only them.
    pub(super) fn jobs_builtin(&mut self, argv: &[String], stdout: &Output) -> (u8, String) {
        let (flags, specs): (Vec<&String>, Vec<&String>) = argv[1..]
            .iter()
            .partition(|a| a.starts_with('-') && a.len() > 1);
        let flag = |letter: char| flags.iter().any(|f| f.contains(letter));
        let (long, pids_only) = (flag('l'), flag('p'));
        let (running_only, stopped_only) = (flag('r'), flag('s'));
        let kernel = self.kernel.clone();
        let mut text = String::new();
        let jobs = match &self.parent_jobs {
            Some(parent) if self.jobs.is_empty() => parent.clone(),
            _ => self.jobs.clone(),
        };
        // A shell that is neither interactive nor under job control forgets ended jobs
        // without a word, as bash (a subshell's copy of the table still lists them, and
        // in POSIX mode `jobs` tells of them once).
        if !matches!(self.origin, Origin::Prompt)
            && self.subshell_level == 0
            && !self.options.monitor
            && !self.options.posix
        {
            let _ = jobs.take_finished();
        }
        // The jobs named, in the order named (all when none is); a name that finds none
        // is reported in its place.
        let marks = jobs.marks().clone();
        let shown: Vec<Result<usize, String>> = match specs.is_empty() {
            true => jobs.with(|all| all.iter().map(|j| Ok(j.number)).collect()),
            false => specs.iter().map(|spec| jobs.find(Some(spec))).collect(),
        };
        let mut status = 0;
        for number in shown {
            let number = match number {
                Ok(number) => number,
                Err(message) => {
                    deliver_before_error(&mut text, stdout);
                    self.report(&format!("jobs: {message}"));
                    status = 1;
                    continue;
                }
            };
            jobs.with(|all| {
                let Some(index) = all.iter().position(|j| j.number == number) else {
                    return;
                };
                let entry = &all[index];
                let state = jobs.state(&kernel, entry);
                if (running_only && state != JobState::Running)
                    || (stopped_only && state != JobState::Stopped)
                {
                    return;
                }
                // One line a job: its first process, the group leader in bash.
                if pids_only {
                    if let Some(pid) = entry.pids.first() {
                        text.push_str(&format!("{pid}\n"));
                    }
                    return;
                }
                let mark = marks.mark(number);
                let mut shown = job::line(entry.number, mark, &state, &entry.command);
                if long {
                    let pid = entry.pids.last().copied().unwrap_or_default();
                    shown = shown.replacen("  ", &format!(" {pid:>5} "), 1);
                }
                text.push_str(&shown);
                text.push('\n');
            });
        }
        // Ended jobs are shown once, here, instead of at the next prompt.
        for (number, ..) in self
            .jobs
            .with(|all| {
                all.iter()
                    .map(|j| (j.number, j.ended.borrow().is_some()))
                    .collect::<Vec<_>>()
            })
            .into_iter()
            .filter(|(_, ended)| *ended)
        {
            self.jobs.remove(number);
        }
        (status, text)
    }

    /// `fg [%N]`: continues a job in the foreground and waits for it.
    /// Whether jobs can be moved: with job control on (`set -m`, the prompt's default).
    fn job_control(&self, builtin: &str) -> bool {
        if !self.options.monitor {
            self.report(&format!("{builtin}: no job control"));
        }
        self.options.monitor
    }

    /// The job `fg` or `bg` is to move: under job control, named by the operand (the
    /// current one without), and itself started under job control, as bash requires.
    fn movable_job(&self, builtin: &str, argv: &[String]) -> Result<usize, u8> {
        if let Some(option) = argv[1..].iter().find(|a| a.starts_with('-') && a.len() > 1) {
            self.report(&format!("{builtin}: {option}: invalid option"));
            let usage = match builtin {
                "fg" => "fg [job_spec]",
                _ => "bg [job_spec ...]",
            };
            self.say(format!("{builtin}: usage: {usage}"));
            return Err(2);
        }
        if !self.job_control(builtin) {
            return Err(1);
        }
        // A subshell has no jobs of its own to move.
        if self.parent_jobs.is_some() && self.jobs.is_empty() {
            self.report(&format!("{builtin}: no current jobs"));
            return Err(1);
        }
        let number = match self.jobs.find(argv.get(1).map(String::as_str)) {
            Ok(number) => number,
            Err(message) => {
                self.report(&format!("{builtin}: {message}"));
                return Err(1);
            }
        };
        if !self.jobs.monitored(number) {
            self.report(&format!(
                "{builtin}: job {number} started without job control"
            ));
            return Err(1);
        }
        Ok(number)
    }

    pub(super) async fn fg_builtin(&mut self, argv: &[String], stdout: &Output) -> u8 {
        let number = match self.movable_job("fg", argv) {
            Ok(number) => number,
            Err(status) => return status,
        };
        let command = self.jobs.command(number);
        if super::builtin::deliver(format!("{command}\n"), stdout.duplicate()).is_err() {
            return 1;
        }
        self.jobs.make_current(number);
        let pids = self.jobs.pids(number);
        self.signal_pids(&pids, Signal::Continue);
        self.wait_in_foreground(number, &pids).await
    }

    /// Waits for a job in the foreground: to its end (its status), or until Ctrl-Z stops
    /// it again (148).
    pub(super) async fn wait_in_foreground(&mut self, number: usize, pids: &[Pid]) -> u8 {
        let Some(mut ended) = self.jobs.ended(number) else {
            return 127;
        };
        self.add_foreground(pids);
        let mut stops: Vec<_> = pids
            .iter()
            .filter_map(|pid| self.kernel.processes.get(*pid))
            .map(|process| process.stops())
            .collect();
        let stopped = async {
            let waits = stops
                .iter_mut()
                .map(|stop| Box::pin(async move { stop.wait_for(|s| *s).await.is_ok() }));
            futures_select_all(waits).await
        };
        let status = tokio::select! {
            _ = ended.wait_for(Option::is_some) => None,
            true = stopped => Some(()),
        };
        self.remove_foreground(pids);
        let finished = ended.borrow().clone();
        match (status, finished) {
            (_, Some(status)) => {
                self.jobs.remove(number);
                report_end(&status);
                status.code()
            }
            (Some(()), None) => {
                self.announce_stop(number);
                STOPPED_STATUS
            }
            (None, None) => 1,
        }
    }

    /// Under job control (`set -m`) in `-c` text, tells of the background jobs that
    /// ended, as bash does once a command it waited for is done (the prompt tells of
    /// them before it is shown).
    pub(super) fn notify_ended_jobs(&self) {
        if !self.notifies_ended_jobs() {
            return;
        }
        for (number, mark, command, status) in self.jobs.take_finished() {
            self.say(job::line(number, mark, &JobState::Done(status), &command));
        }
    }

    /// bash 5.2 does so for `-c` text only: a script file or standard input under
    /// `set -m` is told of nothing (`jobs` still lists the ended jobs).
    fn notifies_ended_jobs(&self) -> bool {
        self.options.monitor
            && matches!(self.origin, Origin::CommandString)
            && self.subshell_level == 0
    }

    /// A job `wait` saw end leaves the table, or is left to be told of, as bash tells of
    /// it under job control.
    fn forget_waited_job(&self, number: usize) {
        if !self.notifies_ended_jobs() {
            self.jobs.remove(number);
        }
    }

    /// `[1]+  Stopped                 spin`, on a line of its own.
    pub(super) fn announce_stop(&self, number: usize) {
        let command = self.jobs.command(number);
        if matches!(self.origin, Origin::Prompt) {
            eprintln!();
        }
        let mark = self.jobs.marks().mark(number);
        eprintln!("{}", job::line(number, mark, &JobState::Stopped, &command));
    }

    /// `bg [%N]`: continues a stopped job in the background.
    pub(super) fn bg_builtin(&mut self, argv: &[String]) -> (u8, String) {
        let number = match self.movable_job("bg", argv) {
            Ok(number) => number,
            Err(status) => return (status, String::new()),
        };
        let job_state = self.jobs.with(|all| {
            all.iter()
                .find(|j| j.number == number)
                .map(|j| self.jobs.state(&self.kernel, j))
        });
        if job_state == Some(JobState::Running) {
            self.report(&format!("bg: job {number} already in background"));
            return (0, String::new());
        }
        // The mark as it stands, then the choice made again with the job running, as
        // bash's `bg` does (POSIX mode shows no mark).
        let mark = match self.options.posix {
            true => ' ',
            false => self.jobs.marks().mark(number),
        };
        let pids = self.jobs.pids(number);
        self.signal_pids(&pids, Signal::Continue);
        self.jobs.reset_marks();
        let command = self.jobs.command(number);
        (0, format!("[{number}]{mark} {command} &\n"))
    }

    fn signal_pids(&self, pids: &[Pid], signal: Signal) {
        for pid in pids {
            let _ = self.kernel.kill(*pid, signal);
        }
    }

    /// At the end of a script or `-c` run: waits for the background jobs, whose
    /// processes would have outlived bash (the kernel is the machine, and nothing outlives
    /// it). Ctrl-C ends them, as it ends a foreground job.
    pub async fn wait_for_background_jobs(&mut self) {
        let pids: Vec<Pid> = self.jobs.with(|all| {
            all.iter()
                .flat_map(|job| job.pids.iter().copied())
                .collect()
        });
        self.add_foreground(&pids);
        self.wait_builtin(&["wait".to_string()]).await;
        self.remove_foreground(&pids);
    }

    /// `disown [-h] [-ar] [%N...]`: takes jobs out of the table; they run on, unwaited
    /// and unreported. No operand means the current job; `-a` all, `-r` only running
    /// ones. `-h` keeps them in the table and only spares them the hangup signal a shell
    /// sends its jobs as it is hung up, which this shell never sends: it leaves them be.
    pub(super) fn disown_builtin(&mut self, argv: &[String]) -> (u8, String) {
        let (mut all, mut running_only, mut keep) = (false, false, false);
        let mut operands = &argv[1..];
        while let Some(option) = operands
            .first()
            .filter(|o| o.starts_with('-') && o.len() > 1)
        {
            for letter in option[1..].chars() {
                match letter {
                    'a' => all = true,
                    'r' => running_only = true,
                    'h' => keep = true,
                    _ => {
                        self.report(&format!("disown: -{letter}: invalid option"));
                        // Without a prefix, as bash's.
                        self.say("disown: usage: disown [-h] [-ar] [jobspec ... | pid ...]".into());
                        return (2, String::new());
                    }
                }
            }
            operands = &operands[1..];
        }
        let mut status = 0;
        let mut chosen = Vec::new();
        if operands.is_empty() && (all || running_only) {
            chosen = self
                .jobs
                .with(|jobs| jobs.iter().map(|j| j.number).collect());
        } else if operands.is_empty() {
            match self.jobs.find(None) {
                Ok(number) => chosen.push(number),
                Err(message) => {
                    self.report(&format!("disown: {message}"));
                    status = 1;
                }
            }
        }
        let (named, failure) = self.jobs_named("disown", operands);
        chosen.extend(named);
        if failure.is_some() {
            status = 1;
        }
        for number in chosen {
            let running = self
                .jobs
                .ended(number)
                .is_some_and(|e| e.borrow().is_none());
            if !keep && (!running_only || running) {
                self.jobs.remove(number);
            }
        }
        (status, String::new())
    }

    /// The jobs the operands name, each one that names none reported as `BUILTIN: why`;
    /// and whether all of them named one.
    /// The jobs operands name, and bash's status for the first that names none: 1 for
    /// a word that is no pid or job spec, 127 for one that names no job.
    fn jobs_named(&self, builtin: &str, operands: &[String]) -> (Vec<usize>, Option<u8>) {
        let mut numbers = Vec::new();
        let mut failure = None;
        for operand in operands {
            match self.job_of(operand) {
                Ok(number) => numbers.push(number),
                Err(message) => {
                    self.report(&format!("{builtin}: {message}"));
                    let malformed = !operand.starts_with('%') && operand.parse::<Pid>().is_err();
                    failure.get_or_insert(if malformed { 1 } else { 127 });
                }
            }
        }
        (numbers, failure)
    }

    /// The job an operand names: `%SPEC`, or the pid of one of its processes.
    fn job_of(&self, operand: &str) -> Result<usize, String> {
        if operand.starts_with('%') {
            return self.jobs.find(Some(operand));
        }
        match operand.parse::<Pid>() {
            Ok(pid) => self
                .jobs
                .by_pid(pid)
                .ok_or_else(|| format!("pid {pid} is not a child of this shell")),
            Err(_) => Err(format!("`{operand}': not a pid or valid job spec")),
        }
    }

    /// `wait -n [%N|PID]...`: waits for the next of those jobs (all, with none named) to
    /// end, and gives its status; 127 when there is none.
    /// `wait -n`: the first of the jobs to end; its status and last process.
    async fn wait_for_next(&mut self, operands: &[String]) -> (u8, Option<Pid>) {
        let mut status = 127;
        let mut waited = None;
        let (mut targets, _) = self.jobs_named("wait", operands);
        if operands.is_empty() {
            targets = self.jobs.with(|all| all.iter().map(|j| j.number).collect());
        }
        let mut waits = tokio::task::JoinSet::new();
        for number in targets {
            if let Some(mut ended) = self.jobs.ended(number) {
                waits.spawn(async move {
                    let _ = ended.wait_for(Option::is_some).await;
                    let code = ended.borrow().as_ref().map_or(0, ExitStatus::code);
                    (number, code)
                });
            }
        }
        if let Some(Ok((number, code))) = waits.join_next().await {
            waited = self.jobs.pids(number).last().copied();
            self.jobs.remove(number);
            status = code;
        }
        (status, waited)
    }

    /// `wait [-fn] [-p VAR] [%N|PID]...`: with no operand, every job; the status is the
    /// last one's. `-p` puts the process waited for into VAR (`-f` is how wait always
    /// waits here: for the end).
    pub(super) async fn wait_builtin(&mut self, argv: &[String]) -> u8 {
        let mut next = false;
        let mut variable = None;
        let mut rest = &argv[1..];
        while let Some(option) = rest.first().filter(|a| a.starts_with('-') && a.len() > 1) {
            rest = &rest[1..];
            if option == "--" {
                break;
            }
            for flag in option[1..].chars() {
                match flag {
                    'n' => next = true,
                    'p' => {
                        variable = rest.first().cloned();
                        rest = rest.get(1..).unwrap_or_default();
                    }
                    _ => {}
                }
            }
        }
        let (status, waited) = match next {
            true => self.wait_for_next(rest).await,
            false => self.wait_for_listed(rest).await,
        };
        // Waiting for every job names none of them, as in bash.
        let waited = waited.filter(|_| next || !rest.is_empty());
        if let Some(name) = variable {
            match waited {
                Some(pid) => self.set_variable(&name, &pid.to_string(), false),
                None => {
                    let _ = self.unset_variable(&name);
                }
            }
        }
        status
    }

    /// Plain `wait`: each job named (all with none); the last status and process.
    async fn wait_for_listed(&mut self, operands: &[String]) -> (u8, Option<Pid>) {
        let mut waited = None;
        let mut targets = Vec::new();
        if operands.is_empty() {
            targets = self.jobs.with(|all| all.iter().map(|j| j.number).collect());
        }
        let mut status = 0;
        // A process substitution is no job: wait for it to be reaped.
        for operand in operands {
            if let Ok(pid) = operand.parse::<Pid>()
                && self.jobs.by_pid(pid).is_none()
                && let Some(mut ended) = self.jobs.quiet(pid)
                && let Some(signal) = self.wait_or_signal(ended.wait_for(Option::is_some)).await
            {
                return (128 + signal.number(), waited);
            }
        }
        // A pid whose job already left the table gives the status it ended with.
        let (remembered, operands): (Vec<&String>, Vec<&String>) =
            operands.iter().partition(|operand| {
                operand.parse::<Pid>().is_ok_and(|pid| {
                    self.jobs.by_pid(pid).is_none() && self.jobs.reaped(pid).is_some()
                })
            });
        let operands: Vec<String> = operands.into_iter().cloned().collect();
        let (named, failure) = self.jobs_named("wait", &operands);
        targets.extend(named);
        if let Some(failure) = failure {
            status = failure;
        }
        if let Some(pid) = remembered.last().and_then(|p| p.parse::<Pid>().ok())
            && operands.is_empty()
        {
            status = self.jobs.reaped(pid).map_or(status, |ended| ended.code());
            waited = Some(pid);
        }
        for number in targets {
            let Some(mut ended) = self.jobs.ended(number) else {
                continue;
            };
            // A caught signal ends the wait with 128 + its number, and its trap runs.
            if let Some(signal) = self.wait_or_signal(ended.wait_for(Option::is_some)).await {
                return (128 + signal.number(), waited);
            }
            let ending = ended.borrow().clone();
            let code = ending.as_ref().map_or(0, ExitStatus::code);
            // A job a signal ended is reported as bash reports it: not for Ctrl-C, a
            // closed pipe or SIGTERM (bash's DONT_REPORT_SIGTERM), nor for a signal
            // the shell traps itself.
            if let Some(ExitStatus::Killed(signal)) = ending
                && !matches!(signal, Signal::Interrupt | Signal::Pipe | Signal::Terminate)
                && !self.traps.contains_key(&format!("SIG{}", signal.name()))
            {
                let pid = self.jobs.pids(number).last().copied().unwrap_or_default();
                let command = self.jobs.command(number);
                self.report(&format!("{pid:>5} {:<24}{command}", signal.description()));
            }
            if !operands.is_empty() || !remembered.is_empty() {
                status = code;
            }
            waited = self.jobs.pids(number).last().copied().or(waited);
            self.forget_waited_job(number);
        }
        (status, waited)
    }

    /// `kill [-SIGNAL | -s SIGNAL | -n N] PID|%JOB...`, and `kill -l [N]`.
    pub(super) fn kill_builtin(&mut self, argv: &[String], stdout: &Output) -> (u8, String) {
        // None: signal 0, which only asks whether the process is there.
        let mut signal = Some(Signal::Terminate);
        let parse = |name: &str| match name {
            "0" => Some(None),
            _ => parse_signal(name).map(Some),
        };
        let mut operands = &argv[1..];
        match operands.first().map(String::as_str) {
            Some("-l" | "-L") => return self.list_signals(&operands[1..], stdout),
            Some("-s" | "-n") => {
                let Some(name) = operands.get(1) else {
                    self.report(&format!(
                        "kill: {}: option requires an argument",
                        operands[0]
                    ));
                    return (2, String::new());
                };
                match parse(name) {
                    Some(s) => signal = s,
                    None => {
                        self.report(&format!("kill: {name}: invalid signal specification"));
                        return (1, String::new());
                    }
                }
                operands = &operands[2..];
            }
            Some("--") => operands = &operands[1..],
            Some(flag) if flag.starts_with('-') && flag.len() > 1 => {
                match parse(&flag[1..]) {
                    Some(s) => signal = s,
                    None => {
                        self.report(&format!(
                            "kill: {}: invalid signal specification",
                            &flag[1..]
                        ));
                        return (1, String::new());
                    }
                }
                operands = &operands[1..];
            }
            _ => {}
        }
        if operands.is_empty() {
            self.say("kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]".into());
            return (2, String::new());
        }
        let mut status = 0;
        for operand in operands {
            let pids = if operand.starts_with('%') {
                match self.jobs.find(Some(operand)) {
                    Ok(number) => self.jobs.pids(number),
                    Err(message) => {
                        self.report(&format!("kill: {message}"));
                        status = 1;
                        continue;
                    }
                }
            } else {
                match operand.parse::<Pid>() {
                    Ok(pid) => vec![pid],
                    Err(_) => {
                        self.report(&match operand.is_empty() {
                            true => "kill: `': not a pid or valid job spec".to_string(),
                            false => {
                                format!("kill: {operand}: arguments must be process or job IDs")
                            }
                        });
                        status = 1;
                        continue;
                    }
                }
            };
            for pid in pids {
                let alive = self.kernel.processes.get(pid).is_some_and(|p| {
                    !matches!(
                        p.state(),
                        wasmix_kernel::proc::RunState::Exited
                            | wasmix_kernel::proc::RunState::Killed
                    )
                });
                let sent = match signal {
                    Some(signal) => alive && self.kernel.kill(pid, signal).is_ok(),
                    None => alive,
                };
                if !sent {
                    self.report(&format!("kill: ({pid}) - No such process"));
                    status = 1;
                }
            }
        }
        (status, String::new())
    }
}

/// Tells what ended a foreground job, if it was a signal (as bash does).
fn report_end(status: &ExitStatus) {
    if let ExitStatus::Killed(signal) = status
        && *signal != Signal::Interrupt
    {
        eprintln!("{}", signal.description());
    }
}

/// A signal by name (`TERM`, `SIGTERM`) or number.
fn parse_signal(text: &str) -> Option<Signal> {
    match text.parse::<u8>() {
        Ok(number) => Signal::from_number(number),
        Err(_) => Signal::from_name(text),
    }
}

/// `kill -l`: the signals wasmix delivers; `kill -l N` names one (a status 128+N too).
impl Shell {
    /// Waits for `work`, unless a signal this shell catches comes first: then that signal.
    /// SIGCHLD (a child ended) runs its trap and the wait goes on, as in bash.
    async fn wait_or_signal<T>(
        &mut self,
        work: impl std::future::Future<Output = T>,
    ) -> Option<Signal> {
        let process = (self.subshell_level == 0)
            .then(|| self.kernel.processes.get(self.pid))
            .flatten();
        let Some(process) = process else {
            work.await;
            return None;
        };
        let mut work = std::pin::pin!(work);
        loop {
            // Biased: a signal sent just before the job ended still interrupts the wait.
            let signal = tokio::select! {
                biased;
                signal = process.signals.arrival() => signal,
                _ = &mut work => return None,
            };
            if signal != Signal::Child {
                return Some(signal);
            }
            self.forget_ended_children();
            let _ = self.run_trap("SIGCHLD").await;
        }
    }

    /// `kill -l`: every signal, five to a line as bash prints them; with operands, the
    /// name of each number (an exit status above 128 too) and the number of each name.
    pub(super) fn list_signals(&self, operands: &[String], stdout: &Output) -> (u8, String) {
        if operands.is_empty() {
            let text = SIGNALS
                .chunks(5)
                .map(|line| {
                    let entries: Vec<String> = line
                        .iter()
                        .map(|(number, name, _)| format!("{number:>2}) SIG{name}"))
                        .collect();
                    entries.join("\t") + "\n"
                })
                .collect();
            return (0, text);
        }
        let mut status = 0;
        let mut text = String::new();
        for operand in operands {
            let found = match operand.parse::<u32>() {
                Ok(0) => Some("EXIT".to_string()),
                Ok(n) => u8::try_from(if n > 128 { n - 128 } else { n })
                    .ok()
                    .and_then(Signal::from_number)
                    .map(|s| s.name().to_string()),
                Err(_) if operand.eq_ignore_ascii_case("EXIT") => Some("0".into()),
                Err(_) => Signal::from_name(operand).map(|s| s.number().to_string()),
            };
            match found {
                Some(found) => text.push_str(&(found + "\n")),
                None => {
                    deliver_before_error(&mut text, stdout);
                    self.report(&format!("kill: {operand}: invalid signal specification"));
                    status = 1;
                }
            }
        }
        (status, text)
    }
}

/// Resolves when any of the futures does with true (a stop), or never.
async fn futures_select_all<F>(futures: impl Iterator<Item = F>) -> bool
where
    F: std::future::Future<Output = bool> + Unpin,
{
    let mut futures: Vec<Option<F>> = futures.map(Some).collect();
    std::future::poll_fn(|cx| {
        for slot in futures.iter_mut() {
            if let Some(future) = slot
                && let std::task::Poll::Ready(stopped) = std::pin::Pin::new(future).poll(cx)
            {
                *slot = None;
                if stopped {
                    return std::task::Poll::Ready(true);
                }
            }
        }
        std::task::Poll::Pending
    })
    .await
}
