//! Linux's signals by number and name, in `kill -l` order, for the programs that send
//! them through `wasmix:process` (timeout) or set them aside (nohup).

const NAMES: [&str; 31] = [
    "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV", "USR2",
    "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG",
    "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS",
];

/// A signal given as GNU's tools take it: a number, or a name with or without `SIG` in
/// any case (`TERM`, `sigkill`, `9`).
pub fn number(text: &str) -> Option<u8> {
    if let Ok(number) = text.parse::<u8>() {
        return name(number).map(|_| number);
    }
    let upper = text.to_ascii_uppercase();
    let bare = upper.strip_prefix("SIG").unwrap_or(&upper);
    NAMES
        .iter()
        .position(|name| *name == bare)
        .map(|index| index as u8 + 1)
}

/// The name of a signal number, without `SIG`.
pub fn name(number: u8) -> Option<&'static str> {
    NAMES.get(usize::from(number).checked_sub(1)?).copied()
}
