//! ar, zip and unzip against the host's binutils ar and Info-ZIP's zip and unzip: each
//! command line runs in bash with the host's tools and in wasmix, over the same files.

mod support;

use support::gnu::{after, compare};

const MEMBERS: &str = "printf 1 > a; printf 22 > b; echo long > a_name_of_sixteen_or_more; \
                       mkdir sub; echo s > sub/f; ";

#[test]
fn ar_creates_lists_and_prints_as_binutils() {
    compare(&after(
        MEMBERS,
        &[
            "ar rc t.a a b a_name_of_sixteen_or_more sub/f; od -c t.a; ar t t.a; ar tv t.a",
            "ar r t.a a b 2>&1; echo $?; ar rv t.a b a_name_of_sixteen_or_more; ar tO t.a",
            "ar q t.a a b a; ar t t.a; ar p t.a; ar pv t.a b; ar -t t.a b nosuch; echo $?",
            "ar rc t.a a; ar t t.a x 2>&1; ar p t.a x 2>&1; ar x t.a x 2>&1; echo $?",
            "ar rcs s.a a b; od -c s.a; ar s s.a; echo $?; cmp s.a t.a 2>&1; ar s nosuch.a; echo $?",
        ],
    ));
}

#[test]
fn ar_replaces_deletes_moves_and_extracts() {
    compare(&after(
        MEMBERS,
        &[
            "ar rc t.a a b sub/f; echo new > a; ar rv t.a a; ar p t.a a; ar t t.a",
            "ar rc t.a a b sub/f; ar dv t.a b nosuch; ar t t.a; ar d t.a; ar t t.a",
            "ar rc t.a a b sub/f; ar mv t.a a; ar t t.a; ar mb f t.a a; ar t t.a",
            "ar rc t.a a b; ar rbv a t.a sub/f; ar rav a t.a a_name_of_sixteen_or_more; ar t t.a",
            "ar rc t.a a b sub/f; rm a b; mkdir out; ar xv t.a; ls; cat a b f; ar x t.a f --output=out; ls out",
            "ar rc t.a a b; rm a; ar xo t.a a; ls -l --time-style=+%Y a | cut -d' ' -f1,6-",
        ],
    ));
}

#[test]
fn ar_refuses_bad_input_as_binutils() {
    compare(&after(
        MEMBERS,
        &[
            "ar t nosuch.a; echo $?; ar x nosuch.a; echo $?; ar p nosuch.a a; echo $?",
            "ar t a; echo $?; ar rc t.a nosuch a; echo $?; ls",
            "ar rt t.a 2>&1 | head -1; ar z t.a 2>&1 | head -1; ar 2>&1 | head -1 | cut -c1-10; ar > /dev/null 2>&1; echo $?",
            "ar d new.a a; echo $?; ar t new.a; ar rcu t.a a; echo $?",
            "printf '!<arch>\\nshort' > bad.a; ar t bad.a; echo $?",
            "ar t sub; echo $?; ar rc t.a sub; echo $?; ls",
        ],
    ));
}

/// The archive's listing without its times (the two runs may fall in different minutes)
/// and with deflate's ratio left out (zlib's and flate2's deflate differ in the bytes).
const LIST: &str = "unzip -l t.zip | sed 's/20..-..-.. ..:../TIME/'";
const FILES: &str = "printf 1 > a; seq 1 2000 > b; mkdir sub; echo s > sub/f; ";
const QUIET_RATIO: &str = " | sed 's/deflated [0-9]*%/deflated N%/'";

fn zip_cases(commands: &[&str]) -> Vec<support::gnu::Case> {
    let commands: Vec<String> = (commands.iter())
        .map(|c| c.replace("LIST", LIST).replace(" RATIO", QUIET_RATIO))
        .collect();
    let commands: Vec<&str> = commands.iter().map(String::as_str).collect();
    after(FILES, &commands)
}

#[test]
fn zip_adds_updates_and_deletes_as_info_zip() {
    compare(&zip_cases(&[
        "zip t.zip a b sub sub/f RATIO; echo $?; LIST",
        "zip -r t.zip sub a; zip t.zip a; zip -q t.zip b; LIST",
        "zip t.zip nosuch 2>&1; echo $?; ls; zip t.zip nosuch a 2>&1; echo $?; LIST",
        "zip -r t.zip . RATIO; zip -d t.zip a 'sub/*'; echo $?; LIST; zip -d t.zip nosuch 2>&1; echo $?",
        "zip -q t.zip a; zip -d t.zip a 2>&1; unzip -l t.zip 2>&1; echo $?",
        "zip -j t.zip sub sub/f a; zip -D t2.zip sub sub/f; unzip -l t2.zip | sed 's/20.*:.. //'",
        "zip -r -x 'sub/*' -q t.zip . ; LIST; zip -r t3 sub -x sub/f; ls",
        "zip -m t.zip a sub/f; ls . sub; zip -T t.zip b RATIO",
        "zip -9 t.zip b RATIO; zip -0 t2.zip b; zip -u t.zip b a; LIST",
        "ls a b | zip -@ t.zip RATIO; zip - a b > s.zip; unzip -p s.zip b | cmp - b",
    ]));
}

#[test]
fn unzip_extracts_lists_and_tests_as_info_zip() {
    compare(&zip_cases(&[
        "zip -qr t.zip a b sub; mkdir o; cd o; unzip ../t.zip; ls -R; cmp b ../b",
        "zip -qr t.zip a sub; unzip t.zip < /dev/null 2>&1; echo $?; echo n | unzip t.zip a; echo $?",
        "zip -qr t.zip a sub; echo new > a; echo A | unzip t.zip 2>&1; cat a; unzip -o t.zip; unzip -n t.zip",
        "zip -qr t.zip a b sub; rm -r a b sub; unzip -q t.zip; unzip -qq -o t.zip; ls; LIST",
        "zip -qr t.zip a b sub; unzip -t t.zip; echo $?; unzip -tq t.zip; unzip -lq t.zip | sed 's/20.*:.. //'",
        "zip -qr t.zip a b sub; unzip -p t.zip a sub/f; unzip -c t.zip a sub/f sub/",
        "zip -qr t.zip a b sub; unzip -d out -j t.zip; ls -R out; unzip -d o2 t.zip -x b 'sub/*'; ls -R o2",
        "zip -qr t.zip a sub; unzip -o t.zip nosuch a 2>&1; echo $?; unzip -t t.zip nosuch 2>&1; echo $?",
        "unzip nosuch 2>&1; echo $?; echo plain > nz.zip; unzip nz.zip 2>&1; echo $?",
        // Both times fixed: a file made at the run's own time could be listed a second
        // apart by the two runs.
        "chmod 751 a; chmod 600 b; touch -d '2001-02-03 04:05:06' a; touch -d '2002-03-04 05:06:08' b; \
         zip -q t.zip a b; rm a b; unzip -q t.zip; ls -l --time-style=+%FT%T a b | cut -d' ' -f1,6-",
        "zip -q t.zip a; zip -qd t.zip a; unzip t.zip 2>&1; echo $?; unzip -l t.zip 2>&1; echo $?",
        "zip -q t b; unzip -p t | cmp - b; unzip t.zip -d x > /dev/null; ls x",
        "zip -qr0 t.zip a b sub; unzip -v t.zip | sed 's/20..-..-.. ..:../TIME/'; unzip -vqq t.zip a | sed 's/20..-..-.. ..:../TIME/'",
        "touch -d '2001-02-03 04:05:59' a; zip -q t.zip a; unzip -l t.zip; unzip -vqq t.zip; TZ=America/New_York unzip -lqq t.zip",
    ]));
}

/// What wasmix's zip writes, the host's unzip reads; what the host's zip writes, wasmix's
/// unzip reads: text, random bytes, an empty file and a directory.
#[test]
fn zip_archives_are_read_both_ways() {
    let dir = tempfile::tempdir().unwrap();
    let random: Vec<u8> = (0u64..200_000)
        .map(|n| {
            (n.wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407)
                >> 56) as u8
        })
        .collect();
    let text: String = (0..50_000).map(|n| format!("line {}\n", n % 613)).collect();
    std::fs::create_dir(dir.path().join("tree")).unwrap();
    std::fs::write(dir.path().join("tree/random"), &random).unwrap();
    std::fs::write(dir.path().join("tree/text"), &text).unwrap();
    std::fs::write(dir.path().join("tree/empty"), "").unwrap();
    std::fs::create_dir(dir.path().join("tree/sub")).unwrap();
    let host = |args: &[&str]| {
        let out = std::process::Command::new(args[0])
            .args(&args[1..])
            .current_dir(dir.path())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    host(&["zip", "-qr", "host.zip", "tree"]);
    let mount = format!("{}:/data", dir.path().display());
    let script = "cd /data && zip -qr ours.zip tree && mkdir mine && cd mine && unzip -q ../host.zip \
                  && for f in random text empty; do cmp tree/$f ../tree/$f; done && test -d tree/sub";
    let out = support::wasmix()
        .args(["--ephemeral", "--mount", &mount, "-c", script])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(host(&["unzip", "-t", "ours.zip"]).contains("No errors detected"));
    // The host's deflated archive, listed verbosely: methods, sizes, factors and CRCs.
    let listed = support::wasmix()
        .args([
            "--ephemeral",
            "--mount",
            &mount,
            "-c",
            "cd /data && unzip -v host.zip",
        ])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&listed.stdout),
        host(&["unzip", "-v", "host.zip"])
    );
    std::fs::create_dir(dir.path().join("theirs")).unwrap();
    host(&["unzip", "-q", "-d", "theirs", "ours.zip"]);
    for name in ["random", "text", "empty"] {
        let ours = std::fs::read(dir.path().join("theirs/tree").join(name)).unwrap();
        let original = std::fs::read(dir.path().join("tree").join(name)).unwrap();
        assert!(ours == original, "{name} differs after the host's unzip");
    }
    assert!(dir.path().join("theirs/tree/sub").is_dir());
}
