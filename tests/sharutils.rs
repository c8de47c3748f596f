//! uuencode and uudecode (GNU sharutils), which this machine lacks: the base64 lines are
//! held against GNU `base64 -w 60` of the same bytes, decoded files against the originals
//! on the host, and the historical encoding against the lines BusyBox's test suite gives
//! for sharutils' format.

mod support;

use std::os::unix::fs::PermissionsExt;
use std::process::Command;
use support::{Run, wasmix};

/// Runs `script` in wasmix with `dir` mounted at /data and as the working directory.
fn run_in_mount(dir: &std::path::Path, script: &str) -> Run {
    wasmix()
        .arg("--ephemeral")
        .arg("--mount")
        .arg(format!("{}:/data", dir.display()))
        .arg("-c")
        .arg(format!("cd /data && umask 022 && {script}"))
        .output()
        .expect("cannot start wasmix")
        .into()
}

/// Bytes of every value, in a fixed order, for a file that needs all of base64.
fn all_bytes(length: usize) -> Vec<u8> {
    (0..length).map(|i| (i * 7 + i / 256) as u8).collect()
}

#[test]
fn base64_lines_are_gnu_base64_of_45_bytes_each() {
    let dir = tempfile::tempdir().unwrap();
    for length in [0, 1, 2, 3, 44, 45, 46, 1000] {
        let input = dir.path().join("input");
        std::fs::write(&input, all_bytes(length)).unwrap();
        std::fs::set_permissions(&input, std::fs::Permissions::from_mode(0o640)).unwrap();
        let run = run_in_mount(dir.path(), "uuencode -m input copy");
        let gnu = Command::new("base64")
            .args(["-w", "60"])
            .arg(&input)
            .output()
            .unwrap();
        let body = String::from_utf8(gnu.stdout).unwrap();
        assert_eq!(
            run.stdout,
            format!("begin-base64 640 copy\n{body}====\n"),
            "{length} bytes"
        );
        assert_eq!(run.status, 0);
    }
}

#[test]
fn historical_encoding_in_sharutils_format() {
    // Each line is its length, then four characters for each three bytes (the last group
    // padded with zeros), with a backquote for zero; standard input gets the mode a new
    // file would.
    let cases = [
        ("", "begin 644 f\n`\nend\n"),
        ("A", "begin 644 f\n!00``\n`\nend\n"),
        ("AB", "begin 644 f\n\"04(`\n`\nend\n"),
        ("ABC", "begin 644 f\n#04)#\n`\nend\n"),
        ("A\\000\\377Z", "begin 644 f\n$00#_6@``\n`\nend\n"),
        (
            "The fast grey fox jumped over the lazy brown dog.\\n",
            "begin 644 f\nM5&AE(&9A<W0@9W)E>2!F;W@@:G5M<&5D(&]V97(@=&AE(&QA>GD@8G)O=VX@\n\
             %9&]G+@H`\n`\nend\n",
        ),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (text, expected) in cases {
        let run = run_in_mount(dir.path(), &format!("printf '{text}' | uuencode f"));
        assert_eq!(run.stdout, expected, "{text}");
    }
    let run = run_in_mount(dir.path(), "umask 0; uuencode f < /dev/null | head -1");
    assert_eq!(run.stdout, "begin 666 f\n");
}

#[test]
fn decoded_files_are_the_originals_with_their_modes() {
    let dir = tempfile::tempdir().unwrap();
    let original = all_bytes(5000);
    std::fs::write(dir.path().join("data"), &original).unwrap();
    std::fs::set_permissions(
        dir.path().join("data"),
        std::fs::Permissions::from_mode(0o751),
    )
    .unwrap();
    let run = run_in_mount(
        dir.path(),
        "uuencode data old > old.uu && uuencode -m data new > new.uu && uudecode old.uu new.uu \
         && uudecode -o piped < old.uu && uudecode -o - new.uu > out && echo decoded",
    );
    assert_eq!(run.stdout, "decoded\n", "{}", run.stderr);
    for (name, mode) in [
        ("old", 0o751),
        ("new", 0o751),
        ("piped", 0o751),
        ("out", 0o644),
    ] {
        let path = dir.path().join(name);
        assert_eq!(std::fs::read(&path).unwrap(), original, "{name}");
        let found = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(found, mode, "{name}");
    }
}

#[test]
fn bad_input_is_reported_with_sharutils_words_and_statuses() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            "printf 'junk\\n' | uudecode",
            "uudecode: standard input: Invalid or missing 'begin' line\n",
            2,
        ),
        // sharutils ends these three messages without a newline.
        (
            "printf 'begin 644 x\\nM\\n' | uudecode",
            "uudecode: standard input: Short file",
            2,
        ),
        (
            "printf 'begin 644 x\\n`\\nen\\n' | uudecode",
            "uudecode: standard input: No `end' line",
            2,
        ),
        (
            "printf 'begin-base64 644 x\\n@@@@\\n' | uudecode",
            "uudecode: standard input: invalid input",
            2,
        ),
        (
            "uudecode nosuch",
            "uudecode: nosuch: No such file or directory\n",
            4,
        ),
        (
            "uudecode -o x a b",
            "uudecode: You cannot specify an output file when processing\n\
             multiple input files.\nTry 'uudecode --help' for more information.\n",
            64,
        ),
        (
            "uuencode",
            "Usage: uuencode [OPTION]... [INPUT] NAME\n\
             Try 'uuencode --help' for more information.\n",
            64,
        ),
        (
            "uuencode nosuch x",
            "uuencode: nosuch: No such file or directory\n",
            1,
        ),
    ];
    for (script, stderr, status) in cases {
        let run = run_in_mount(dir.path(), script);
        assert_eq!(
            (run.stderr.as_str(), run.status),
            (stderr, status),
            "{script}"
        );
    }
}
