//! ls and du against GNU's: how names are laid out, quoted and marked, and how space is
//! counted. Each command line runs in bash with the GNU tools of this machine and in
//! wasmix, over the same files (a host directory mounted into wasmix).

mod support;

use support::gnu::{after, case, compare, made};

#[test]
fn ls_indicator_styles() {
    let tree = "mkdir d; mkfifo p; ln -s lines.txt l; chmod +x words.txt; ";
    compare(&after(
        tree,
        &[
            "ls --file-type",
            "ls --indicator-style=file-type",
            "ls --indicator-style=classify",
            "ls --indicator-style=slash",
            "ls -F --indicator-style=none",
            "ls --indicator-style=x",
            "ls --color=x",
        ],
    ));
}

/// Names that quoting styles treat differently: spaces, quotes, shell characters, control
/// characters, a byte that is not UTF-8 and a multibyte character.
const ODD_NAMES: &str = "touch plain 'with space' \"it's\" 'dq\"x' 'star*' '#hash' a#b '~t' \
    'back\\slash' a=b '{' \"$(printf 'tab\\tx')\" \"$(printf 'caf\\351')\" \"$(printf '\\303\\274tf')\" \
    \"it's \\\"both\\\"\" 'a@b' && mkdir sub && ";

#[test]
fn ls_quoting_styles() {
    let styles = [
        "literal",
        "shell",
        "shell-always",
        "shell-escape",
        "shell-escape-always",
        "c",
        "c-maybe",
        "escape",
        "locale",
        "clocale",
    ];
    let mut commands: Vec<String> = styles
        .iter()
        .map(|style| format!("ls --quoting-style={style}"))
        .collect();
    commands.extend(
        [
            "ls -b; ls -N; ls -Q; ls -q",
            "ls -F -b; ls --file-type -b; ls -p --quoting-style=shell-escape",
            "ls -C -w 60 --quoting-style=shell-escape",
            "ls -x -w 60 --quoting-style=shell",
            "ls -l --quoting-style=shell-escape | cut -c 42-",
            "LC_ALL=C.UTF-8 ls -Q; LC_ALL=C.UTF-8 ls -C -w 50 --quoting-style=shell-escape",
            "QUOTING_STYLE=c ls; QUOTING_STYLE=bad ls -d plain",
            "ls --quoting-style=x",
        ]
        .map(String::from),
    );
    let commands: Vec<&str> = commands.iter().map(String::as_str).collect();
    compare(&after(ODD_NAMES, &commands));
}

#[test]
fn ls_formats_and_widths() {
    let names = "touch alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi \
                 omicron pi rho sigma tau upsilon phi chi psi omega && ";
    compare(&after(
        names,
        &[
            "ls -m; ls -x; ls -C",
            "ls -w 40 -x; ls -w 40 -C; ls -w 30 -m; ls -w 0 -C; ls -w 0 -m",
            "ls --format=across; ls --format=commas; ls --format=vertical -w 50",
            "ls --format=horizontal -w 20; ls --format=single-column -w 20",
            "ls -xs; ls -ms -w 40; ls -Cs -w 40",
            "mkdir dd && ls -m -F -w 50 && ls -x -p -w 60",
            "ls -l -m; ls -1 -m; ls -x -1",
            "ls -l -1 -d alpha | cut -c 1-10",
            "ls -f | sort; ls -f -C | wc -l",
            "ls -w x; ls --format=x",
        ],
    ));
    compare(&after(
        ODD_NAMES,
        &["ls -m -w 30", "ls -x -w 50", "ls -C -w 70"],
    ));
}

#[test]
fn ls_sorts_by_version_extension_and_width() {
    compare(&after(
        "touch f10 f2 f1.txt a.b.c .h zz ab 'a b' x.tar.gz v1.10 v1.9 && ",
        &[
            "ls -v; ls -X; ls --sort=width",
            "ls --sort=version -r; ls --sort=extension -a; ls --sort=size -1 | wc -l",
            "ls --sort=none | sort; ls -U -v; ls --sort=x",
        ],
    ));
}

/// GNU's `dir` and `vdir`: `ls -C -b` and `ls -l -b`, in columns even into a pipe.
#[test]
fn dir_and_vdir() {
    compare(&after(
        ODD_NAMES,
        &[
            "dir; dir -w 40 sub; dir -1 | head -3",
            "vdir | cut -c 1-10,42-",
            "dir -d plain nosuch; echo $?",
            "dir --help | head -1; vdir --version | head -1 | cut -d' ' -f1",
        ],
    ));
}

#[test]
fn du_apparent_sizes_in_bytes() {
    let tree = "mkdir -p d/e && printf 12345 > d/a && printf 1234567890 > d/e/b && ln -s a d/l";
    compare(&[
        case("du -b lines.txt"),
        case("du --apparent-size -b lines.txt words.txt"),
        made(format!("{tree} && du -b d"), ""),
        made(format!("{tree} && du -ab d | sort"), ""),
        made(format!("{tree} && du -sb d"), ""),
        case("mkdir d && head -c 5000 /dev/zero > d/a && du --apparent-size -s d/a"),
        case("du -b nosuch lines.txt"),
    ]);
}

#[test]
fn du_units_depth_totals_and_hard_links() {
    let tree = "mkdir -p t/a/b && head -c 5000 /dev/zero > t/f && head -c 3000000 /dev/zero > \
                t/a/g && ln t/f t/a/hl && cd t && ";
    compare(&after(
        tree,
        &[
            "du -b -a",
            "du -b -c -d 1 . a",
            "du -b -l -a",
            "du -b -S",
            "du -b -k; du -b -m; du -k -b",
            "du --apparent-size -BM; du --apparent-size -B1K; du --apparent-size -BKB",
            "du -b --si -a; du -b -h",
            "du -ab --exclude='*g'; du -b --exclude=b",
            "du -b0 | tr '\\0' :",
            "du -b a/g a; du -b a a/g; du -b . .",
            "du -sa .",
            "du -s -d 1 .",
            "du -b -s -d 0 .",
            "du -d x .; du -B 0 .; du -B 1x .",
            "du -bL .",
        ],
    ));
}

/// `--group-directories-first`, `--time-style` (each named style, `posix-`, `+FORMAT`
/// with a format for recent times after a newline, a bad one) and `--full-time`, as GNU's.
#[test]
fn ls_groups_directories_and_styles_times() {
    compare(&after(
        "mkdir zd ad; touch -d '2020-01-01 10:11:12' b.f t; touch new; ",
        &[
            "ls --group-directories-first; ls -r --group-directories-first",
            "ls -U --group-directories-first | sort | head -3",
            "ls -l --time-style=+%Y-%m t | awk '{print $6, $7}'",
            "ls -l --time-style=long-iso t | awk '{print $6, $7, $8}'",
            "ls -l --time-style=full-iso t | awk '{print $6, $7, $8, $9}'",
            "ls -l --time-style=iso t new | awk '{print NF, $6}' | cut -c1-6",
            "ls --full-time t | awk '{print $6, $7, $8, $9}'; ls -l --time-style=locale t | awk '{print $6, $7, $8, $9}'",
            "ls -l --time-style=posix-iso t | awk '{print NF}'",
            "ls -l --time-style=$'+%Y\\n%m' t new | awk '{print $6, $7}'",
            "ls -l --time-style=bogus t; echo $?; ls --time-style=bogus t; echo $?",
        ],
    ));
}

/// `-g -o -n -G` (the fields each leaves, counted: the owner's name differs by design),
/// `-I`, `--hide`, `-B`, and `-c`, `-u`, `--time` choosing which time shows and sorts.
#[test]
fn ls_owner_fields_hidden_names_and_times() {
    compare(&after(
        "touch -d '2020-01-01 10:00' a; touch -d '2021-01-01' b~; touch .hid; mkdir d; \
         touch -a -d '2019-05-05' a; touch -m -d '2018-01-01' d; ",
        &[
            "ls -g | awk '{print NF}'; ls -o | awk '{print NF}'; ls -go | awk '{print NF}'",
            "ls -n | awk '{print NF}'; ls -lG | awk '{print NF}'; ls -gG a | awk '{print NF, $NF}'",
            "ls -I 'b*'; ls -B; ls --hide='b*'; ls -a --hide='b*'; ls -A -I 'b*' -I '.*'",
            "ls -a -I 'b*' -I '.*'; ls --ignore='?' -a",
            "ls -lu --time-style=long-iso a b~ | awk '{print $6, $NF}'",
            // Only files whose times were set: the harness's own may share a clock tick.
            "ls -ltu --time-style=+%F a b~ d | awk '{print $6, $NF}'; ls -u a b~ d; ls -t a b~ d",
            "ls -tu a b~ d; ls -tr a b~ d; ls -u -d a b~ d",
            "ls -l --time=atime --time-style=+%F a | awk '{print $6}'; ls --time=foo 2>/dev/null; echo $?",
            "ls -lc --time-style=+%Y a | awk '{print $NF}'; ls -c | wc -l",
        ],
    ));
}

/// ls, stat and diff show times in the zone `TZ` names, as GNU's do (they showed UTC).
#[test]
fn times_are_shown_in_the_zone_tz_names() {
    let files = "export TZ=Asia/Tokyo; touch -d '2020-01-02 03:04:05' a; \
        TZ=America/New_York touch -d '2021-07-08 09:10:11' b; echo x > c; touch -r a c; ";
    compare(&after(
        files,
        &[
            "ls -l --time-style=full-iso a b | cut -d ' ' -f 6-",
            "ls -l --time-style=long-iso a b | cut -d ' ' -f 6-",
            "ls -l a b | cut -c 25-; TZ=UTC ls -l --full-time a | cut -d ' ' -f 6-",
            "stat -c '%y %n' a b; TZ=Europe/Paris stat -c %y b",
            "diff -u a c | head -2; diff -c a c | head -2; TZ=UTC diff -u a c | head -1",
        ],
    ));
}

/// `--block-size` (letters with their suffix, numbers without, `human-readable`, `si`),
/// `--si` and `-k`, for the size column, `-s` and the total; and GNU's refusals.
#[test]
fn ls_block_sizes() {
    compare(&after(
        "printf 'fourteen bytes' > small; head -c 10001 /dev/zero > big; seq 100 > mid; ",
        &[
            "ls -l --block-size=K small mid big | cut -c1-11,24-; ls -ls --block-size=K small big | cut -c1-15,28-",
            "ls -s --block-size=1 small big; ls -l --si big mid | cut -c1-11,24-; ls -ls --si big | cut -c1-15,28-",
            "ls -l --block-size=1000 big | cut -c1-11,24-; ls -sk big; ls -l --block-size=KB big | cut -c1-11,24-",
            "ls -l --block-size=human-readable big | cut -c1-11,24-; ls -l --block-size=si big | cut -c1-11,24-; ls -sh --block-size=M big",
            "ls -l --block-size=x big; echo $?; ls --block-size=1x; echo $?; du -B x .; echo $?; du -B 1x .; echo $?",
        ],
    ));
}

/// `--zero` (names and totals end in NUL, headers and the lines between sections do not)
/// and `-H` (links named on the command line followed, even with `-l`).
#[test]
fn ls_zero_and_command_line_links() {
    compare(&after(
        "mkdir -p z/s z/d; touch z/s/x \"z/$(printf 'a\\nb')\" 'z/c d'; ln -s s z/sl; echo hi > z/f; ln -s f z/fl; cd z; ",
        &[
            "ls --zero | od -c; ls --zero -C | od -c; ls --zero -l | cut -c1-10 | od -c | head -3",
            "ls --zero -R | od -c; ls --zero . s | od -c",
            "ls -l -H fl | cut -c1-10; ls -l fl | cut -c1-10; ls -H sl; ls -l -H sl | head -1; ls -ld -H sl | cut -c1",
        ],
    ));
}
