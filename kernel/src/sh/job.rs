//! Background jobs: pipelines started with `&`. The shell reaps them when they end and
//! announces them at the next prompt, as bash does.

use crate::kernel::Kernel;
use crate::proc::Pid;
use std::sync::{Arc, Mutex, MutexGuard};

pub struct Job {
    pub number: usize,
    pub command: String,
    /// The status of its last stage, once it has ended.
    pub status: Option<u8>,
}

#[derive(Clone, Default)]
pub struct Jobs(Arc<Mutex<Vec<Job>>>);

impl Jobs {
    fn lock(&self) -> MutexGuard<'_, Vec<Job>> {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Registers a started pipeline and reaps its processes in the background. Stages that
    /// never started carry their status already. Returns the job number.
    pub fn start(
        &self,
        kernel: Arc<Kernel>,
        pids: Vec<Pid>,
        last_status: u8,
        command: String,
    ) -> usize {
        let number = {
            let mut jobs = self.lock();
            let number = jobs.iter().map(|j| j.number).max().unwrap_or(0) + 1;
            jobs.push(Job {
                number,
                command,
                status: None,
            });
            number
        };
        let jobs = self.clone();
        tokio::spawn(async move {
            let mut status = last_status;
            let last = pids.last().copied();
            for pid in pids {
                if let Ok(exit) = kernel.wait(pid).await
                    && Some(pid) == last
                {
                    status = exit.code();
                }
            }
            if let Some(job) = jobs.lock().iter_mut().find(|j| j.number == number) {
                job.status = Some(status);
            }
        });
        number
    }

    /// Jobs that have ended since the last call; they leave the table.
    pub fn take_finished(&self) -> Vec<Job> {
        let mut jobs = self.lock();
        let (finished, running) = jobs.drain(..).partition(|j| j.status.is_some());
        *jobs = running;
        finished
    }
}

/// bash's line for an ended job: `[1]+  Done                    sleep 1`.
pub fn announcement(job: &Job) -> String {
    let state = match job.status {
        Some(0) | None => "Done".to_string(),
        Some(code) => format!("Exit {code}"),
    };
    format!("[{}]+  {state:<24}{}", job.number, job.command)
}
