//! The job table: pipelines started with `&`, and foreground pipelines stopped with
//! Ctrl-Z. Each job's processes are reaped by a task of its own, which publishes how the
//! job ended; the shell announces ended jobs at the next prompt, as bash does.

use super::job_marks::{Activity, Marks};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};
use tokio::sync::watch;
use wasmix_kernel::kernel::Kernel;
use wasmix_kernel::proc::{ExitStatus, Pid, RunState};

pub struct Job {
    pub number: usize,
    pub command: String,
    pub pids: Vec<Pid>,
    /// How its last stage ended, once every stage has.
    pub ended: watch::Receiver<Option<ExitStatus>>,
    /// Started under job control (`set -m`): only then may `fg` and `bg` move it.
    pub monitored: bool,
}

/// What `jobs` shows of a job.
#[derive(Clone, Debug, PartialEq)]
pub enum JobState {
    Running,
    Stopped,
    Done(ExitStatus),
}

#[derive(Clone, Default)]
pub struct Jobs {
    table: Arc<Mutex<Vec<Job>>>,
    /// The current and previous job (taken after `table`, never before).
    marks: Arc<Mutex<Marks>>,
    /// The kernel the jobs run in, for their states; given with the first job.
    kernel: Arc<OnceLock<Arc<Kernel>>>,
    /// How the processes of jobs that left the table ended, by pid: as bash, `wait PID`
    /// still gives a background process's status after its job was reported or waited.
    reaped: Arc<Mutex<HashMap<Pid, ExitStatus>>>,
    /// Processes that are no job (process substitutions) while they run.
    quiet: Arc<Mutex<HashMap<Pid, watch::Receiver<Option<ExitStatus>>>>>,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl Jobs {
    fn lock(&self) -> MutexGuard<'_, Vec<Job>> {
        lock(&self.table)
    }

    /// Keeps how an ended job's processes ended, as it leaves the table.
    fn remember(&self, job: &Job, status: &ExitStatus) {
        let mut reaped = lock(&self.reaped);
        for pid in &job.pids {
            reaped.insert(*pid, status.clone());
        }
    }

    /// How the background process `pid` ended, if its job has left the table.
    pub fn reaped(&self, pid: Pid) -> Option<ExitStatus> {
        lock(&self.reaped).get(&pid).cloned()
    }

    /// Reaps a process that is no job (a process substitution) in the background,
    /// keeping how it ended for `wait PID`.
    pub fn watch_quietly(&self, kernel: Arc<Kernel>, pid: Pid) {
        let (publish, ended) = watch::channel(None);
        lock(&self.quiet).insert(pid, ended);
        let reaped = self.reaped.clone();
        let quiet = self.quiet.clone();
        tokio::spawn(async move {
            let status = kernel.wait(pid).await.unwrap_or(ExitStatus::Exited(0));
            lock(&reaped).insert(pid, status.clone());
            lock(&quiet).remove(&pid);
            publish.send_replace(Some(status));
        });
    }

    /// How a process that is no job will end, while it runs.
    pub fn quiet(&self, pid: Pid) -> Option<watch::Receiver<Option<ExitStatus>>> {
        lock(&self.quiet).get(&pid).cloned()
    }

    /// Registers a started pipeline and reaps its processes in the background. Stages that
    /// never started carry their status already. Returns the job number.
    pub fn start(
        &self,
        kernel: Arc<Kernel>,
        pids: Vec<Pid>,
        last_status: u8,
        command: String,
        monitored: bool,
    ) -> usize {
        let _ = self.kernel.set(kernel.clone());
        let (publish, ended) = watch::channel(None);
        let number = {
            let mut jobs = self.lock();
            let number = jobs.iter().map(|j| j.number).max().unwrap_or(0) + 1;
            jobs.push(Job {
                number,
                command,
                pids: pids.clone(),
                ended,
                monitored,
            });
            // A job started in the background does not displace a stopped one.
            let activities = self.activities(&jobs);
            lock(&self.marks).reset(&activities);
            number
        };
        tokio::spawn(async move {
            let mut status = ExitStatus::Exited(last_status);
            let last = pids.last().copied();
            for pid in pids {
                if let Ok(exit) = kernel.wait(pid).await
                    && Some(pid) == last
                {
                    status = exit;
                }
            }
            publish.send_replace(Some(status));
        });
        number
    }

    /// The state of a job, from its processes: stopped when every one still alive is.
    pub fn state(&self, kernel: &Kernel, job: &Job) -> JobState {
        if let Some(status) = job.ended.borrow().clone() {
            return JobState::Done(status);
        }
        let alive: Vec<RunState> = job
            .pids
            .iter()
            .filter_map(|pid| kernel.processes.get(*pid))
            .map(|p| p.state())
            .filter(|s| matches!(s, RunState::Running | RunState::Stopped))
            .collect();
        if !alive.is_empty() && alive.iter().all(|s| *s == RunState::Stopped) {
            JobState::Stopped
        } else {
            JobState::Running
        }
    }

    /// Each job's number and whether it runs, is stopped or has ended.
    fn activities(&self, jobs: &[Job]) -> Vec<(usize, Activity)> {
        let Some(kernel) = self.kernel.get() else {
            return Vec::new();
        };
        jobs.iter()
            .map(|job| {
                let activity = match self.state(kernel, job) {
                    JobState::Running => Activity::Running,
                    JobState::Stopped => Activity::Stopped,
                    JobState::Done(_) => Activity::Ended,
                };
                (job.number, activity)
            })
            .collect()
    }

    /// The current and previous job, brought up to date with the table.
    pub fn marks(&self) -> MutexGuard<'_, Marks> {
        let jobs = self.lock();
        let activities = self.activities(&jobs);
        let mut marks = lock(&self.marks);
        marks.update(&activities);
        marks
    }

    /// Chooses the current and previous job again (bash's `reset_current`), as `bg` does
    /// once its job runs.
    pub fn reset_marks(&self) {
        let jobs = self.lock();
        let activities = self.activities(&jobs);
        let mut marks = lock(&self.marks);
        marks.update(&activities);
        marks.reset(&activities);
    }

    /// Makes a job current, as `fg` does.
    pub fn make_current(&self, number: usize) {
        let jobs = self.lock();
        let activities = self.activities(&jobs);
        lock(&self.marks).set_current(number, &activities);
    }

    /// Runs `f` over the table, in job order.
    pub fn with<T>(&self, f: impl FnOnce(&[Job]) -> T) -> T {
        f(&self.lock())
    }

    /// The job a `%N`, `%%`, `%+`, `%-` or `%NAME` spec names (`None` spec: the current
    /// job, as `job_marks` chooses it).
    pub fn find(&self, spec: Option<&str>) -> Result<usize, String> {
        let (current, previous) = {
            let marks = self.marks();
            (marks.current(), marks.previous())
        };
        let jobs = self.lock();
        let numbers: Vec<usize> = jobs.iter().map(|j| j.number).collect();
        let spec_text = spec.unwrap_or("%+");
        let found = match spec_text.strip_prefix('%').unwrap_or(spec_text) {
            "" | "%" | "+" => current,
            "-" => previous.or(current),
            // `%?text`: the job whose command holds the text.
            text if text.starts_with('?') => jobs
                .iter()
                .rev()
                .find(|j| j.command.contains(&text[1..]))
                .map(|j| j.number),
            text => match text.parse::<usize>() {
                Ok(n) => numbers.iter().copied().find(|&j| j == n),
                Err(_) => jobs
                    .iter()
                    .rev()
                    .find(|j| j.command.starts_with(text))
                    .map(|j| j.number),
            },
        };
        found.ok_or_else(|| match spec {
            None => "current: no such job".to_string(),
            Some(text) => format!("{text}: no such job"),
        })
    }

    pub fn pids(&self, number: usize) -> Vec<Pid> {
        self.with(|jobs| {
            jobs.iter()
                .find(|j| j.number == number)
                .map(|j| j.pids.clone())
                .unwrap_or_default()
        })
    }

    pub fn is_empty(&self) -> bool {
        self.with(|jobs| jobs.is_empty())
    }

    pub fn monitored(&self, number: usize) -> bool {
        self.with(|jobs| jobs.iter().any(|j| j.number == number && j.monitored))
    }

    pub fn command(&self, number: usize) -> String {
        self.with(|jobs| {
            jobs.iter()
                .find(|j| j.number == number)
                .map(|j| j.command.clone())
                .unwrap_or_default()
        })
    }

    pub fn ended(&self, number: usize) -> Option<watch::Receiver<Option<ExitStatus>>> {
        self.with(|jobs| {
            jobs.iter()
                .find(|j| j.number == number)
                .map(|j| j.ended.clone())
        })
    }

    /// The job whose last process is `pid`, for `wait PID`.
    pub fn by_pid(&self, pid: Pid) -> Option<usize> {
        self.with(|jobs| {
            jobs.iter()
                .find(|j| j.pids.contains(&pid))
                .map(|j| j.number)
        })
    }

    pub fn remove(&self, number: usize) {
        let mut jobs = self.lock();
        if let Some(job) = jobs.iter().find(|j| j.number == number)
            && let Some(status) = job.ended.borrow().clone()
        {
            self.remember(job, &status);
        }
        jobs.retain(|j| j.number != number);
        let activities = self.activities(&jobs);
        lock(&self.marks).update(&activities);
    }

    /// Jobs that have ended since the last call, with their marks and how they ended;
    /// they leave the table.
    pub fn take_finished(&self) -> Vec<(usize, char, String, ExitStatus)> {
        let marks = self.marks().clone();
        let mut jobs = self.lock();
        let mut finished = Vec::new();
        jobs.retain(|job| match job.ended.borrow().clone() {
            Some(status) => {
                self.remember(job, &status);
                let mark = marks.mark(job.number);
                finished.push((job.number, mark, job.command.clone(), status));
                false
            }
            None => true,
        });
        let activities = self.activities(&jobs);
        lock(&self.marks).update(&activities);
        finished
    }
}

/// bash's words for a job's state: `Running`, `Stopped`, `Done`, `Exit 3`, `Killed`.
pub fn describe(state: &JobState) -> String {
    match state {
        JobState::Running => "Running".into(),
        JobState::Stopped => "Stopped".into(),
        JobState::Done(ExitStatus::Exited(0)) => "Done".into(),
        JobState::Done(ExitStatus::Exited(code)) => format!("Exit {code}"),
        JobState::Done(ExitStatus::Killed(signal)) => signal.description().into(),
        JobState::Done(ExitStatus::Crashed(_)) => "Aborted".into(),
        JobState::Done(ExitStatus::Failed(_)) => "Exit 1".into(),
    }
}

/// bash's line for a job: `[1]+  Done                    sleep 1`.
pub fn line(number: usize, mark: char, state: &JobState, command: &str) -> String {
    let suffix = if *state == JobState::Running {
        " &"
    } else {
        ""
    };
    format!("[{number}]{mark}  {:<24}{command}{suffix}", describe(state))
}
