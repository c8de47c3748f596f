//! The load average of /proc/loadavg: how many processes were running, on average, over
//! the last 1, 5 and 15 minutes, each an exponentially decaying average as Linux keeps.
//!
//! Linux samples its run queue every five seconds. wasmix's processes run on the
//! scheduler's threads and have no run queue of their own, so the load between two
//! readings is the CPU time all processes used in it divided by the time that passed
//! (a process waiting for input or sleeping adds nothing, as on Linux), folded into the
//! averages when the file is read. More running processes than CPUs count as the CPUs.

use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The windows of the three averages, in seconds.
const WINDOWS: [f64; 3] = [60.0, 300.0, 900.0];

pub struct LoadAverage {
    state: Mutex<State>,
}

struct State {
    read_at: Instant,
    cpu_used: Duration,
    averages: [f64; 3],
}

impl LoadAverage {
    /// Averages of nothing yet, counted from `cpu_used`, the CPU time used so far.
    pub fn new(cpu_used: Duration) -> LoadAverage {
        LoadAverage {
            state: Mutex::new(State {
                read_at: Instant::now(),
                cpu_used,
                averages: [0.0; 3],
            }),
        }
    }

    /// The averages now, given the CPU time all processes have used since boot.
    pub fn read(&self, cpu_used: Duration) -> [f64; 3] {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let now = Instant::now();
        let elapsed = now.duration_since(state.read_at).as_secs_f64();
        if elapsed > 0.0 {
            let load = cpu_used.saturating_sub(state.cpu_used).as_secs_f64() / elapsed;
            for (average, window) in state.averages.iter_mut().zip(WINDOWS) {
                let kept = (-elapsed / window).exp();
                *average = load + (*average - load) * kept;
            }
            state.read_at = now;
            state.cpu_used = cpu_used;
        }
        state.averages
    }
}
