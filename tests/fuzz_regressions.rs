//! What the parser fuzz target (`shell/fuzz`) found, kept: each input under `tests/fuzz/`
//! must go through every parser of the shell quickly and without a panic.

use std::time::{Duration, Instant};

#[test]
fn inputs_the_fuzzer_found_parse_quickly() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fuzz");
    let mut inputs: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    inputs.sort();
    assert!(!inputs.is_empty());
    for input in inputs {
        let bytes = std::fs::read(&input).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        let started = Instant::now();
        wasmix_shell::parse_everything(&text);
        let took = started.elapsed();
        eprintln!("{}: {took:?}", input.display());
        assert!(
            took < Duration::from_secs(2),
            "{} took {took:?}",
            input.display()
        );
    }
}
