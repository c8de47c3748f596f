//! Feeds arbitrary text to every parser the shell runs on what it is given: commands,
//! words (expansions) and arithmetic. An error is an answer; a panic, a stack overflow or
//! a hang is a bug. Run: `cd shell && cargo +nightly fuzz run shell_parser`.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        wasmix_shell::parse_everything(text);
    }
});
