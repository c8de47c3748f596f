//! `times`: the CPU time used by the shell and by the children it has waited for.

use super::Shell;
use std::time::Duration;

impl Shell {
    /// Two lines of user and system time, bash's shape: the shell's own (wasmix's
    /// host process, where the shell runs), then its finished children's (the wasm
    /// they ran and the host calls they made, counted as user time).
    pub(super) fn times_builtin(&self) -> (u8, String) {
        let (user, system) = host_cpu_times();
        let children = self.children_cpu;
        (
            0,
            format!(
                "{} {}\n{} {}\n",
                clock(user.saturating_sub(children)),
                clock(system),
                clock(children),
                clock(Duration::ZERO)
            ),
        )
    }
}

/// `0m0.012s`, as bash prints times.
pub(super) fn clock(time: Duration) -> String {
    let millis = time.as_millis();
    format!(
        "{}m{}.{:03}s",
        millis / 60_000,
        millis / 1000 % 60,
        millis % 1000
    )
}

/// This process's user and system CPU time.
fn host_cpu_times() -> (Duration, Duration) {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: getrusage writes a whole rusage into the buffer it is given.
    if unsafe { libc::getrusage(libc::RUSAGE_SELF, usage.as_mut_ptr()) } != 0 {
        return (Duration::ZERO, Duration::ZERO);
    }
    // SAFETY: zeroed is a valid rusage, and getrusage succeeded.
    let usage = unsafe { usage.assume_init() };
    let time = |t: libc::timeval| {
        Duration::from_secs(t.tv_sec as u64) + Duration::from_micros(t.tv_usec as u64)
    };
    (time(usage.ru_utime), time(usage.ru_stime))
}
