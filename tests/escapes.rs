//! Backslash escapes as each program reads them, against bash and GNU's: `\u` and `\U`
//! (printf, bash's `echo -e` and `$'...'`, written in UTF-8 or as `\uXXXX` by the
//! locale), paste's and xargs's delimiter escapes, and the formats of seq and csplit,
//! which read none. Each command line runs in bash with the GNU tools of this machine and
//! in wasmix, over the same files (a host directory mounted into wasmix).

mod support;

use std::process::Command;
use support::gnu::{case, compare, fed};

#[test]
fn unicode_escapes_follow_the_locale() {
    compare(&[
        case("printf '\\u263a|\\U0001F600|\\u00e9|\\u41|\\ud800\\n' | od -c"),
        // bash's warnings begin with the shell's name.
        case("printf '\\u|\\Ug|%b\\xg\\n' '\\u' 2>&1 | sed 's/^[a-z]*: line 1: //'; echo $?"),
        case("printf '%b\\n' '\\u263a' '\\U110000' | od -c"),
        case("echo -e 'a\\u263ab\\u7f' | od -c"),
        case("echo $'\\u263a\\U1F600' | od -c"),
        case(
            "LC_ALL=C.UTF-8; printf '\\u263a|\\ud800|\\U110000|\\U7FFFFFFF|\\U80000000\\n' | od -c",
        ),
        case("LC_ALL=C.UTF-8\necho $'\\u263a' \"${x@E}\" | od -c"),
        case("LC_ALL=; LANG=C.UTF-8; echo -e '\\u00e9' | od -c"),
        case("env printf '\\u263a|\\U0001F600|\\u00e9|\\u0024\\u0040\\u0060\\n' | od -c"),
        case("LC_ALL=C.UTF-8 env printf '\\u263a|\\U0001F600|\\U00110000\\n' | od -c"),
        case("env printf 'x\\u00\\n'; echo \" $?\""),
        case("env printf 'x%b|%s\\n' '\\u0041' b; echo \" $?\""),
        case("env printf '\\ud800'; echo \" $?\""),
        case("env echo -e 'a\\u263ab'; echo abc | tr a '\\u'; stat -c '\\u263a' ."),
    ]);
}

/// wasmix takes the locale from the host, as a login shell would from the system: under
/// the host's `LANG=C.UTF-8`, `\u` escapes write UTF-8 as bash's do.
#[test]
fn the_hosts_locale_is_the_shells() {
    let script = "printf '\\u263a|%s\\n' \"$LANG\"; echo -e '\\u00e9'; env printf '\\u00e9\\n'";
    let bash = Command::new("bash")
        .args(["-c", script])
        .env_remove("LC_ALL")
        .env_remove("LC_CTYPE")
        .env("LANG", "C.UTF-8")
        .output()
        .unwrap();
    let wasmix = support::wasmix()
        .args(["--ephemeral", "-c", script])
        .env("LANG", "C.UTF-8")
        .output()
        .unwrap();
    // bash itself writes UTF-8 here, so the comparison is about the locale.
    assert!(String::from_utf8_lossy(&bash.stdout).starts_with('\u{263a}'));
    assert_eq!(wasmix.stdout, bash.stdout);
}

#[test]
fn printf_counts_bytes_and_keeps_them() {
    compare(&[
        case("printf '%5s|%.1s|%5b|%c|%3c|\\n' é é é é é | od -c"),
        case("env printf '%5s|%.1s|%c|%3c|\\n' é é é é | od -c"),
        case("printf '%b|%3b|\\n' '\\377' '\\351' | od -c"),
        case("env printf '%b|\\n' '\\377' | od -c"),
        case("env printf '%-5b|' ab; env printf '%.1b|' ab; env printf '%*b|' 3 ab; echo \" $?\""),
        case("printf '%-5b|%.1b|%*b|\\n' ab ab 3 ab"),
    ]);
}

#[test]
fn delimiter_escapes_of_paste_and_xargs() {
    let paste = |list: &'static str| fed(list, "a\nb\nc\nd\n");
    compare(&[
        paste("paste -d '\\101' - - - -"),
        paste("paste -d '\\0x' - - - -"),
        paste("paste -s -d '\\0x' -"),
        paste("paste -d '\\q\\t\\\\' - - - -"),
        paste("paste -d '' - -"),
        paste("paste -d 'a\\' - -"),
        fed("xargs -d '\\x41' echo", "aAb"),
        fed("xargs -d '\\101' echo", "aAb"),
        fed("xargs -d '\\x' echo | od -c", "aAb"),
        fed("xargs -d '\\q' echo", "aAb"),
        fed("xargs -d '\\400' echo", "aAb"),
        fed("xargs -d '\\x41b' echo", "aAb"),
        fed("xargs -d '\\08' echo", "aAb"),
        fed("xargs -d 'ab' echo", "aAb"),
        fed("xargs -d '\\nx' echo", "a\nb"),
    ]);
}

#[test]
fn formats_of_seq_and_csplit_take_backslashes_as_they_are() {
    compare(&[
        case("seq -f 'a\\tb%g' 2"),
        case("seq -f '\\u%g' 1"),
        case("seq -f '%%\\\\%g' 1"),
        case("csplit -b 'x\\t%02d' lines.txt 3 > /dev/null; ls xx*"),
    ]);
}
