//! Signals: their Linux numbers and names, what each does to a process that has not asked
//! otherwise, and what a process has asked (a shell's `trap`): to catch a signal, which
//! then waits for it as pending, or to ignore it.

use std::sync::atomic::{AtomicU64, Ordering};
use tokio::sync::Notify;

/// Signals, with their Linux numbers, for the statuses a shell reports (128 + n).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Signal {
    Hangup,
    Interrupt,
    Quit,
    IllegalInstruction,
    Trap,
    Abort,
    BusError,
    FloatingPoint,
    Kill,
    User1,
    SegmentationFault,
    User2,
    Pipe,
    Alarm,
    Terminate,
    StackFault,
    Child,
    Continue,
    /// Pause: the process stops at its next time slice and uses no CPU until continued.
    Stop,
    /// The terminal's stop (Ctrl-Z): a stop that can be caught.
    TerminalStop,
    TerminalInput,
    TerminalOutput,
    Urgent,
    /// The process used the CPU time its limit allows (SIGXCPU).
    CpuTimeExceeded,
    FileSizeExceeded,
    VirtualTimer,
    ProfilingTimer,
    WindowChange,
    Io,
    Power,
    BadSystemCall,
}

/// (number, name) of every signal, in `kill -l` order.
pub const SIGNALS: [(u8, &str, Signal); 31] = [
    (1, "HUP", Signal::Hangup),
    (2, "INT", Signal::Interrupt),
    (3, "QUIT", Signal::Quit),
    (4, "ILL", Signal::IllegalInstruction),
    (5, "TRAP", Signal::Trap),
    (6, "ABRT", Signal::Abort),
    (7, "BUS", Signal::BusError),
    (8, "FPE", Signal::FloatingPoint),
    (9, "KILL", Signal::Kill),
    (10, "USR1", Signal::User1),
    (11, "SEGV", Signal::SegmentationFault),
    (12, "USR2", Signal::User2),
    (13, "PIPE", Signal::Pipe),
    (14, "ALRM", Signal::Alarm),
    (15, "TERM", Signal::Terminate),
    (16, "STKFLT", Signal::StackFault),
    (17, "CHLD", Signal::Child),
    (18, "CONT", Signal::Continue),
    (19, "STOP", Signal::Stop),
    (20, "TSTP", Signal::TerminalStop),
    (21, "TTIN", Signal::TerminalInput),
    (22, "TTOU", Signal::TerminalOutput),
    (23, "URG", Signal::Urgent),
    (24, "XCPU", Signal::CpuTimeExceeded),
    (25, "XFSZ", Signal::FileSizeExceeded),
    (26, "VTALRM", Signal::VirtualTimer),
    (27, "PROF", Signal::ProfilingTimer),
    (28, "WINCH", Signal::WindowChange),
    (29, "IO", Signal::Io),
    (30, "PWR", Signal::Power),
    (31, "SYS", Signal::BadSystemCall),
];

/// What a signal does to a process that neither catches nor ignores it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Terminate,
    Ignore,
    Stop,
    Continue,
}

impl Signal {
    pub fn from_number(number: u8) -> Option<Signal> {
        SIGNALS
            .iter()
            .find(|(n, ..)| *n == number)
            .map(|(.., signal)| *signal)
    }

    /// By name, with or without `SIG`, in any case (`TERM`, `sigkill`).
    pub fn from_name(name: &str) -> Option<Signal> {
        let name = name.to_ascii_uppercase();
        let name = name.strip_prefix("SIG").unwrap_or(&name);
        SIGNALS
            .iter()
            .find(|(_, n, _)| *n == name)
            .map(|(.., signal)| *signal)
    }

    pub fn number(self) -> u8 {
        SIGNALS
            .iter()
            .find(|(.., signal)| *signal == self)
            .map_or(0, |(n, ..)| *n)
    }

    pub fn name(self) -> &'static str {
        SIGNALS
            .iter()
            .find(|(.., signal)| *signal == self)
            .map_or("?", |(_, name, _)| name)
    }

    /// What bash says of a foreground job ended by this signal.
    pub fn description(self) -> &'static str {
        match self {
            Signal::Hangup => "Hangup",
            Signal::Interrupt => "Interrupt",
            Signal::Quit => "Quit",
            Signal::IllegalInstruction => "Illegal instruction",
            Signal::Trap => "Trace/breakpoint trap",
            Signal::Abort => "Aborted",
            Signal::BusError => "Bus error",
            Signal::FloatingPoint => "Floating point exception",
            Signal::Kill => "Killed",
            Signal::User1 => "User defined signal 1",
            Signal::SegmentationFault => "Segmentation fault",
            Signal::User2 => "User defined signal 2",
            Signal::Pipe => "Broken pipe",
            Signal::Alarm => "Alarm clock",
            Signal::Terminate => "Terminated",
            Signal::StackFault => "Stack fault",
            Signal::Child => "Child exited",
            Signal::Continue => "Continued",
            Signal::Stop | Signal::TerminalStop => "Stopped",
            Signal::TerminalInput => "Stopped (tty input)",
            Signal::TerminalOutput => "Stopped (tty output)",
            Signal::Urgent => "Urgent I/O condition",
            Signal::CpuTimeExceeded => "CPU time limit exceeded",
            Signal::FileSizeExceeded => "File size limit exceeded",
            Signal::VirtualTimer => "Virtual timer expired",
            Signal::ProfilingTimer => "Profiling timer expired",
            Signal::WindowChange => "Window changed",
            Signal::Io => "I/O possible",
            Signal::Power => "Power failure",
            Signal::BadSystemCall => "Bad system call",
        }
    }

    pub fn default_action(self) -> Action {
        match self {
            Signal::Child | Signal::Urgent | Signal::WindowChange => Action::Ignore,
            Signal::Stop
            | Signal::TerminalStop
            | Signal::TerminalInput
            | Signal::TerminalOutput => Action::Stop,
            Signal::Continue => Action::Continue,
            _ => Action::Terminate,
        }
    }

    /// KILL and STOP cannot be caught or ignored.
    pub fn can_be_handled(self) -> bool {
        !matches!(self, Signal::Kill | Signal::Stop)
    }

    fn bit(self) -> u64 {
        1 << self.number()
    }
}

/// What a process asked to happen when a signal comes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Disposition {
    Default,
    Ignore,
    /// Kept as pending until the process takes it.
    Catch,
}

/// A process's dispositions and the caught signals that wait for it, as bit sets.
#[derive(Default)]
pub struct Dispositions {
    caught: AtomicU64,
    ignored: AtomicU64,
    pending: AtomicU64,
    arrived: Notify,
}

impl Dispositions {
    /// What a new process starts with: the signals its parent ignores stay ignored, as
    /// across fork and exec; caught ones go back to their defaults.
    pub fn inherited_from(parent: &Dispositions) -> Dispositions {
        Dispositions {
            ignored: AtomicU64::new(parent.ignored.load(Ordering::SeqCst)),
            ..Dispositions::default()
        }
    }

    pub fn set(&self, signal: Signal, disposition: Disposition) {
        if !signal.can_be_handled() {
            return;
        }
        let bit = signal.bit();
        let (catch, ignore) = match disposition {
            Disposition::Default => (false, false),
            Disposition::Ignore => (false, true),
            Disposition::Catch => (true, false),
        };
        for (set, on) in [(&self.caught, catch), (&self.ignored, ignore)] {
            if on {
                set.fetch_or(bit, Ordering::SeqCst);
            } else {
                set.fetch_and(!bit, Ordering::SeqCst);
            }
        }
    }

    /// The signals ignored and caught, as Linux's masks (bit n-1 for signal n).
    pub fn masks(&self) -> (u64, u64) {
        (
            self.ignored.load(Ordering::SeqCst) >> 1,
            self.caught.load(Ordering::SeqCst) >> 1,
        )
    }

    /// Takes a signal the process handles itself: a caught one becomes pending, an
    /// ignored one is dropped. False when the signal's default action applies.
    pub fn absorb(&self, signal: Signal) -> bool {
        let bit = signal.bit();
        if self.caught.load(Ordering::SeqCst) & bit != 0 {
            self.pending.fetch_or(bit, Ordering::SeqCst);
            self.arrived.notify_waiters();
            return true;
        }
        self.ignored.load(Ordering::SeqCst) & bit != 0
    }

    /// The caught signals that came since the last call, in number order.
    pub fn take_pending(&self) -> Vec<Signal> {
        if self.pending.load(Ordering::SeqCst) == 0 {
            return Vec::new();
        }
        let pending = self.pending.swap(0, Ordering::SeqCst);
        SIGNALS
            .iter()
            .map(|(.., signal)| *signal)
            .filter(|signal| pending & signal.bit() != 0)
            .collect()
    }

    /// Resolves when a caught signal comes (one already pending counts), with the first
    /// pending one, which stays pending.
    pub async fn arrival(&self) -> Signal {
        loop {
            let notified = self.arrived.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            let pending = self.pending.load(Ordering::SeqCst);
            if let Some((.., signal)) = SIGNALS.iter().find(|(.., s)| pending & s.bit() != 0) {
                return *signal;
            }
            notified.await;
        }
    }
}
