//! The current (`%+`) and previous (`%-`) job, chosen as bash chooses them: a job that
//! stops becomes current; a job started in the background does not displace a stopped
//! one; when the current job leaves, the newest stopped job, else the newest running one,
//! takes its place. So `fg` after Ctrl-Z and a later `cmd &` resumes the stopped program.

use std::collections::BTreeSet;

/// What the choice needs of a job: whether it is stopped or running (an ended job that
/// is still in the table is neither).
#[derive(Clone, Copy, PartialEq)]
pub enum Activity {
    Running,
    Stopped,
    Ended,
}

#[derive(Clone, Default)]
pub struct Marks {
    current: Option<usize>,
    previous: Option<usize>,
    /// The jobs seen stopped when the table was last looked at.
    stopped: BTreeSet<usize>,
}

impl Marks {
    pub fn current(&self) -> Option<usize> {
        self.current
    }

    pub fn previous(&self) -> Option<usize> {
        self.previous
    }

    /// `+`, `-` or a space, as `jobs` marks the job.
    pub fn mark(&self, number: usize) -> char {
        if self.current == Some(number) {
            '+'
        } else if self.previous == Some(number) {
            '-'
        } else {
            ' '
        }
    }

    /// Takes in the jobs as they are now (by number, oldest first): a job that has
    /// stopped since the last look becomes current (the newest, if several did), as
    /// bash makes it on the SIGCHLD that tells it; a current or previous job gone from
    /// the table is replaced.
    pub fn update(&mut self, jobs: &[(usize, Activity)]) {
        let newly_stopped = jobs
            .iter()
            .rev()
            .find(|(number, activity)| {
                *activity == Activity::Stopped && !self.stopped.contains(number)
            })
            .map(|(number, _)| *number);
        self.stopped = jobs
            .iter()
            .filter(|(_, activity)| *activity == Activity::Stopped)
            .map(|(number, _)| *number)
            .collect();
        let present =
            |number: Option<usize>| number.is_none_or(|n| jobs.iter().any(|(job, _)| *job == n));
        match newly_stopped {
            Some(number) => self.set_current(number, jobs),
            None if !present(self.current) || !present(self.previous) => self.reset(jobs),
            None => {}
        }
    }

    /// bash's `reset_current`: keep a stopped current job; else the previous job if it
    /// is stopped, the newest stopped job, or the newest running one.
    pub fn reset(&mut self, jobs: &[(usize, Activity)]) {
        let stopped =
            |number: Option<usize>| number.filter(|n| jobs.contains(&(*n, Activity::Stopped)));
        let newest = |activity: Activity| {
            jobs.iter()
                .rev()
                .find(|(_, a)| *a == activity)
                .map(|(n, _)| *n)
        };
        let candidate = stopped(self.current)
            .or_else(|| stopped(self.previous))
            .or_else(|| newest(Activity::Stopped))
            .or_else(|| newest(Activity::Running));
        match candidate {
            Some(number) => self.set_current(number, jobs),
            None => (self.current, self.previous) = (None, None),
        }
    }

    /// bash's `set_current_job`: `number` becomes current, and the previous job is the
    /// old current one if stopped, else the newest stopped job older than the new
    /// current one (when that is stopped), else the newest running one.
    pub fn set_current(&mut self, number: usize, jobs: &[(usize, Activity)]) {
        if self.current != Some(number) {
            self.previous = self.current;
            self.current = Some(number);
        }
        let activity = |n: usize| jobs.iter().find(|(job, _)| *job == n).map(|(_, a)| *a);
        if let Some(previous) = self.previous
            && previous != number
            && activity(previous) == Some(Activity::Stopped)
        {
            return;
        }
        let newest_older = |wanted: Activity| {
            jobs.iter()
                .rev()
                .find(|(n, a)| *n < number && *a == wanted)
                .map(|(n, _)| *n)
        };
        let newest = |wanted: Activity| {
            jobs.iter()
                .rev()
                .find(|(_, a)| *a == wanted)
                .map(|(n, _)| *n)
        };
        let candidate = match activity(number) {
            Some(Activity::Stopped) => newest_older(Activity::Stopped),
            _ => None,
        }
        .or_else(|| match activity(number) {
            Some(Activity::Running) => newest_older(Activity::Running),
            _ => newest(Activity::Running),
        });
        self.previous = Some(candidate.unwrap_or(number));
    }
}
