//! Time slices: every epoch tick, running wasm gives way to the scheduler, so a tight
//! loop shares the CPU, a stop takes hold (the process waits, using no CPU, until
//! continued), and a CPU-time limit is enforced. A nice process gives way more than once:
//! each step of niceness is 1.25 times fewer slices when others want the CPU, as Linux
//! weighs them (19 is about 1/69 of a normal share); alone, it runs at full speed.

use crate::proc::Process;
use std::fmt;
use std::sync::Arc;
use std::time::Duration;
use wasmtime::{Store, UpdateDeadline};

/// The error that ends a process at the time slice where its CPU time passed its limit.
#[derive(Debug)]
pub(crate) struct CpuLimitExceeded;

impl fmt::Display for CpuLimitExceeded {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("CPU time limit exceeded")
    }
}

impl std::error::Error for CpuLimitExceeded {}

/// Makes `process`, running in `store`, give way at the end of every time slice.
pub(crate) fn slice_time<T: 'static>(
    store: &mut Store<T>,
    process: &Arc<Process>,
    cpu_limit: Option<Duration>,
) {
    store.set_epoch_deadline(1);
    let process = process.clone();
    let mut stopped = process.stops();
    store.epoch_deadline_callback(move |_| {
        if cpu_limit.is_some_and(|limit| process.usage.cpu_time() > limit) {
            return Err(CpuLimitExceeded.into());
        }
        if *stopped.borrow_and_update() {
            // Parked until continued: the task is not polled, so it uses no CPU.
            let mut stopped = stopped.clone();
            return Ok(UpdateDeadline::YieldCustom(
                1,
                Box::pin(async move {
                    let _ = stopped.wait_for(|s| !*s).await;
                }),
            ));
        }
        let turns = turns_given_way(process.niceness());
        Ok(UpdateDeadline::YieldCustom(
            1,
            Box::pin(async move {
                for _ in 0..turns {
                    tokio::task::yield_now().await;
                }
            }),
        ))
    });
}

/// How many times a process of this niceness yields at the end of its time slice.
fn turns_given_way(niceness: i8) -> u32 {
    1.25f64.powi(i32::from(niceness.max(0))).round() as u32
}
