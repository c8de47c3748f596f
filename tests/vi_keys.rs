//! vi against Vim: each case is a text and the keys typed at it, given to wasmix's vi and
//! to this machine's Vim (`vim -u NONE -N`: no settings, not vi-compatible, as people run
//! it), each on a pseudo-terminal; the files they write must be the same.

mod support;

use rexpect::session::PtySession;
use std::path::Path;
use std::time::Duration;
use support::pty::{press, spawn};
use support::{WASMIX, shared_cache};

const T: &str = "one two three\nfour five\nsix\n";

/// (text, keys): each piece of keys is sent on its own, a moment apart, so that an
/// Escape is never read as the start of a longer key code.
const CASES: &[(&str, &[&str])] = &[
    (T, &["dw"]),
    (T, &["d2w"]),
    (T, &["wdw"]),
    (T, &["wwdw"]),
    (T, &["cwX\x1b"]),
    (T, &["3x"]),
    (T, &["$x"]),
    (T, &["ddp"]),
    (T, &["yyP"]),
    (T, &["yy2p"]),
    (T, &["J"]),
    (T, &["3J"]),
    (T, &["dj"]),
    (T, &["jdk"]),
    (T, &["dG"]),
    (T, &["jdgg"]),
    (T, &["de"]),
    (T, &["wdb"]),
    (T, &["d$"]),
    (T, &["wD"]),
    (T, &["wCnew\x1b"]),
    (T, &["dfe"]),
    (T, &["dte"]),
    (T, &["$dFo"]),
    (T, &["$dTo"]),
    (T, &["fo;x"]),
    (T, &["$Fe,x"]),
    (T, &["Ahead\x1b"]),
    (T, &["Ihead \x1b"]),
    ("  one two\nfour five\n", &["Ihead \x1b"]),
    (T, &["onew line\x1b"]),
    (T, &["jOnew line\x1b"]),
    (T, &["rX"]),
    (T, &["3rX"]),
    (T, &["~~~"]),
    (T, &["ywP"]),
    (T, &["yw$p"]),
    (T, &["dwu"]),
    (T, &["dwdwuu"]),
    (T, &["dwdwuu\x12"]),
    (T, &[":%s/o/0/g\r"]),
    (T, &[":%s/o/0/\r"]),
    (T, &[":2,3s/i/I/g\r"]),
    (T, &[":%s/\\(t\\)\\(w\\)/\\2\\1/\r"]),
    (T, &[":%s/e/[&]/g\r"]),
    (T, &["/five\r", "x"]),
    (T, &["/i\r", "nx"]),
    (T, &["G?o\r", "x"]),
    (T, &[":2\r", "dd"]),
    (T, &[":2d\r"]),
    (T, &[">>"]),
    ("\tone two three\nfour five\nsix\n", &["<<"]),
    ("a\n\nb\nc\n\nd\n", &["d}"]),
    ("a\n\nb\nc\n\nd\n", &["Gd{"]),
    ("f(a, (b)) x\n", &["d%"]),
    (T, &["wcc", "new\x1b"]),
    (T, &["ciw"]),
    (T, &["x$p"]),
    (T, &["2dd"]),
    (T, &["d2d"]),
    (T, &["jYP"]),
    (T, &["wxX"]),
    (T, &["A\r\ttab\x1b"]),
    (T, &["lsXY\x1b"]),
    (T, &["SXY\x1b"]),
    ("foo.bar(baz) qux\n", &["dW"]),
    ("foo.bar(baz) qux\n", &["dw"]),
    ("foo.bar(baz) qux\n", &["3dw"]),
    ("foo.bar(baz) qux\n", &["$db"]),
    ("foo.bar(baz) qux\n", &["$dB"]),
    ("foo.bar(baz) qux\n", &["dE"]),
    ("x\n", &["ddix\x1b"]),
    ("", &["ihello\rworld\x1b"]),
    ("one\ntwo\n", &["jA!\x1bkA?\x1b"]),
    ("one two\n", &["$i\r\x1b"]),
    ("one\ntwo\nthree\nfour\n", &["2jdH"]),
    ("one\ntwo\nthree\nfour\n", &["dL"]),
    ("one\ntwo\nthree\nfour\n", &["3G", "dd"]),
    ("one\ntwo\nthree\nfour\n", &["jyjGp"]),
    ("a b c d e f\n", &["2w3x"]),
    ("    indented line\n", &["0d^"]),
    ("    indented line\n", &["$d0"]),
    ("one two three\n", &["w5|x"]),
    (T, &["ciwX\x1b"]),
    (T, &["wdiw"]),
    (T, &["wdaw"]),
    (T, &["$daw"]),
    (T, &["wyiwP"]),
    ("f(a, (b)) x\n", &["fadi("]),
    ("f(a, (b)) x\n", &["fbda("]),
    ("f(a, (b)) x\n", &["fbci)X\x1b"]),
    ("say \"hi there\" now\n", &["di\""]),
    ("say \"hi there\" now\n", &["fhda\""]),
    ("x = {\n  a,\n  b\n}\n", &["jdi{"]),
    ("x = {\n  a,\n  b\n}\n", &["jda{"]),
    ("a [b c] d\n", &["fbci[Z\x1b"]),
    (T, &["2yyjp"]),
    (T, &["y2jGp"]),
    (T, &["jd$"]),
    (T, &["3l2x"]),
    (T, &["wv"]),
    (T, &["/t\r", "2nD"]),
    (T, &["3w"]),
    (T, &["e2e", "x"]),
    (T, &["$2bx"]),
    (T, &["wc2wX\x1b"]),
    (T, &["j0dw"]),
    (T, &["xu"]),
    (T, &["ddjp"]),
    (T, &["Gdd"]),
    (T, &["GddP"]),
    (T, &["Gkdj"]),
    ("a\n", &["5dd"]),
    ("line\n", &["Yp"]),
    (T, &["wd^"]),
    (T, &["w~"]),
    ("ABC def\n", &["5~"]),
    (T, &[":$\r", "dd"]),
    (T, &[":1,2d\r"]),
    (T, &[":.,$s/ /_/g\r"]),
    (T, &[":%s/o//g\r"]),
    (T, &[":%s/x/y/\r"]),
    (T, &[":%s/[aeiou]/(&)/g\r"]),
    (T, &[":s/two/2/\r"]),
    (T, &[":%s#e#E#g\r"]),
    (T, &["jcwZ\x1b"]),
    (T, &["cc", "new\x1b"]),
    (T, &["2cc", "new\x1b"]),
    (T, &["c$Z\x1b"]),
    (T, &["yyjjp"]),
    (T, &["Jx"]),
    ("a\n  b\n", &["J"]),
    ("a \nb\n", &["J"]),
    ("a\n)b\n", &["J"]),
    (T, &["fwr\r"]),
    (T, &["i\x1bx"]),
    (T, &["A\x1bx"]),
    (T, &["$a!\x1b"]),
    (T, &["o\x1bdd"]),
    ("word\n", &["ea!\x1b"]),
    (T, &["tx"]),
    (T, &["3fex"]),
    ("aaa bbb\n", &["wcwX\x1b"]),
    ("a  b\n", &["lcwX\x1b"]),
    ("one\n\ntwo\n", &["jdw"]),
    ("x y\n", &["$dw"]),
    (T, &["}dd"]),
    ("a\nb\n\nc\n", &["d}"]),
    ("(a) [b] {c}\n", &["%x"]),
    ("(a) [b] {c}\n", &["f]%x"]),
    (T, &["jx.j."]),
    (T, &["dwj."]),
    (T, &["ihi \x1bj."]),
    (T, &["x3."]),
    (T, &["ddj."]),
    (T, &["cwX\x1bw."]),
    ("a\nb\nc\nd\n", &["dd.."]),
    ("one\n\ntwo\n", &["jdw"]),
    ("a b\n\nc\n", &["wdw"]),
    ("one\ntwo\n", &["$dw"]),
    ("  one\ntwo\n", &["wd}"]),
    ("x\n", &["jdd"]),
    (T, &["Gdj"]),
    (T, &["dk"]),
    ("x = {\n  a,\n  b\n}\n", &["jci{", "new\x1b"]),
    ("say 'a' 'b'\n", &["fbdi'"]),
    (T, &["2r\r"]),
];

fn on_a_terminal(mut command: std::process::Command) -> PtySession {
    command.env("TERM", "xterm");
    spawn(command, 24, 80)
}

fn type_keys(session: &mut PtySession, keys: &[&str]) {
    for piece in keys {
        press(session, piece);
        std::thread::sleep(Duration::from_millis(60));
    }
}

fn case_file(dir: &Path, who: &str, index: usize) -> std::path::PathBuf {
    dir.join(format!("{who}-{index:03}.txt"))
}

/// Vim edits every case's file in one session, `:wn` taking it to the next.
fn run_vim(dir: &Path) {
    let mut command = std::process::Command::new("vim");
    command.args(["-u", "NONE", "-N", "-n", "-i", "NONE"]);
    command.args((0..CASES.len()).map(|i| case_file(dir, "vim", i)));
    let mut vim = on_a_terminal(command);
    std::thread::sleep(Duration::from_millis(500));
    for (index, (_, keys)) in CASES.iter().enumerate() {
        type_keys(&mut vim, keys);
        let next = if index + 1 == CASES.len() { "wq" } else { "wn" };
        type_keys(&mut vim, &[&format!("\x1b:{next}!\r")]);
        std::thread::sleep(Duration::from_millis(60));
    }
    vim.exp_eof().unwrap();
}

/// wasmix's vi edits each case's file in a session of its own, from one shell.
fn run_wasmix_vi(dir: &Path) {
    let mut command = std::process::Command::new(WASMIX);
    command
        .arg("--cache-dir")
        .arg(shared_cache())
        .arg("--ephemeral")
        .arg("--mount")
        .arg(format!("{}:/m", dir.display()));
    let mut shell = on_a_terminal(command);
    shell.exp_string("user@wasmix:~$ ").unwrap();
    for (index, (_, keys)) in CASES.iter().enumerate() {
        let name = format!("/m/ours-{index:03}.txt");
        shell.send_line(&format!("vi {name}")).unwrap();
        shell.exp_string(&format!("\"{name}\"")).unwrap();
        type_keys(&mut shell, keys);
        type_keys(&mut shell, &["\x1b:wq!\r"]);
        shell.exp_string("user@wasmix:~$ ").unwrap();
    }
    shell.send_line("exit").unwrap();
    shell.exp_eof().unwrap();
}

#[test]
fn vi_edits_as_vim_does() {
    let dir = tempfile::tempdir().unwrap();
    for (index, (text, _)) in CASES.iter().enumerate() {
        for who in ["vim", "ours"] {
            std::fs::write(case_file(dir.path(), who, index), text).unwrap();
        }
    }
    let vim_dir = dir.path().to_path_buf();
    let vim = std::thread::spawn(move || run_vim(&vim_dir));
    run_wasmix_vi(dir.path());
    vim.join().unwrap();

    let mut differences = Vec::new();
    for (index, (text, keys)) in CASES.iter().enumerate() {
        let read = |who| std::fs::read_to_string(case_file(dir.path(), who, index)).unwrap();
        let (vim, ours) = (read("vim"), read("ours"));
        if vim != ours {
            differences.push(format!(
                "{text:?} {keys:?}\n  vim:  {vim:?}\n  ours: {ours:?}"
            ));
        }
    }
    assert!(
        differences.is_empty(),
        "{} of {} cases differ:\n{}",
        differences.len(),
        CASES.len(),
        differences.join("\n")
    );
}
