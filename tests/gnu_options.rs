//! Options GNU's programs list in their `--help` that wasmix's lacked, found by asking
//! each program for each of them, and their corners compared with GNU's: each case runs
//! in bash with the GNU tools of this machine and in wasmix, over the same files, and
//! what they print and their statuses must be the same.

mod support;

use support::gnu::{after, case, compare, fed};

/// A pattern GNU's regex refuses is named as GNU names the fault, in one line (the
/// regex crate's message took four, with a caret under its own translation).
#[test]
fn regex_errors_in_gnus_words() {
    compare(&[
        fed(
            "grep '\\('; echo $?; grep -E '('; grep '[a'; grep 'a\\{1'",
            "a\n",
        ),
        fed("grep -E '[b-a]'; grep -E 'a{2,1}'; echo $?", "a\n"),
        fed("sed 's/\\(/x/'; echo $?; sed -n '/a\\{1/p'", "a\n"),
        case("expr a : '\\('; echo $?; diff -I '\\(' lines.txt words.txt; echo $?"),
    ]);
}

/// grep's `-T` (a tab after the prefix, numbers as wide as the input's size, or the
/// widest number for a pipe), `--group-separator`, `--no-group-separator`, `-d`, `-D`,
/// `--exclude-from`, and a tree searched in its directory's order.
#[test]
fn grep_alignment_separators_and_what_is_searched() {
    compare(&after(
        "printf 'a\\nb\\nc\\nd\\ne\\nf\\n' > g; seq 120 > n; printf 'x\\n\\ny\\n' > e; mkfifo fifo; \
         mkdir -p t/s; echo b > t/in.o; echo b > t/in.c; echo b > t/s/z; echo '*.o' > ex; ",
        &[
            "grep -T -n b g; grep -T -H -n -b c g n; grep -T c g; grep -T -H c g; grep -c -T c g",
            "grep -T -n -b '^1.0$' n; grep -T -n -A1 '^99$' n; cat n | grep -T -n '^99$'; grep -T -n '' e",
            "grep -T -o -n c g; grep -T -n --color=always b g; grep -rT -n b t",
            "grep -A1 --group-separator=XX -e b -e e g; grep -A1 --no-group-separator -e b -e e g; grep -A1 --group-separator= -e b -e e g",
            "grep -d skip b t g; echo $?; grep -d read b t; echo $?; grep -d recurse b t; grep -d bad b t; echo $?",
            "grep -r --exclude-from=ex b t; grep -D skip x fifo g; echo $?; grep -D foo x g; echo $?",
        ],
    ));
}

/// tee's `-p` and `--output-error` (a reader gone, a full device), sed's `--sandbox`,
/// `-l` and `-u`, timeout's `-v`.
#[test]
fn write_errors_sandboxes_and_verbose_signals() {
    compare(&[
        case("seq 100000 | tee --output-error=warn t | head -1; echo ${PIPESTATUS[1]}; wc -l < t"),
        case("seq 100000 | tee -p t | head -1; echo ${PIPESTATUS[1]}; wc -l < t"),
        case("seq 100000 | tee t | head -1; echo ${PIPESTATUS[1]}"),
        case(
            "seq 100000 | tee --output-error=exit-nopipe t | head -1; echo ${PIPESTATUS[1]}; wc -l < t",
        ),
        case("echo x | tee --output-error=foo; echo $?; echo x | tee -p /dev/full; echo $?"),
        case("echo x | tee --output-error=exit /dev/full t; echo $?; cat t"),
        fed(
            "sed --sandbox 'w x'; echo $?; sed --sandbox 'p;r x'; sed --sandbox 's/a/b/w x'",
            "a\n",
        ),
        fed(
            "sed --sandbox 'R x'; sed --sandbox 'W x'; sed --sandbox p",
            "a\n",
        ),
        fed(
            "sed -n -l 10 l; sed -n -l 0 l; sed -n -l 5 'l 3'",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n",
        ),
        fed("sed -u 's/2/x/'", "1\n2\n3\n"),
        case("timeout -v 0.1 sleep 1; echo $?; timeout -v -s INT 0.1 sleep 1; echo $?"),
    ]);
}

/// nl's logical pages (header, body and footer delimiters, `-d`, numbering that starts
/// again at each section unless `-p`), `-h`, `-f`, `pBRE` styles and `-l`.
#[test]
fn nl_sections_styles_and_blank_lines() {
    let page = "printf 'a\\n\\\\:\\\\:\\\\:\\nh1\\n\\\\:\\\\:\\nb1\\n\\nb2\\n\\\\:\\nf1\\n\\\\:\\\\:\\\\:\\nh2\\n\\\\:\\\\:\\nb3\\n' > p; ";
    compare(&after(
        page,
        &[
            "nl p; nl -p -ha -fa p; nl -d '' p; nl -d X p; nl -d '\\' p",
            "printf 'a\\n\\n\\n\\n\\nb\\n\\n' | nl -ba -l 2; printf 'a\\n\\n\\n\\nb\\n' | nl -ba -l 3 -i 5 -v 10",
            "nl -b pb p; nl -b 'p^[hb]' -h pf p; nl -n rz -v -3 -i 2 p; nl -n ln -s :: p",
            "nl -h x p; echo $?; nl -f '' p; echo $?; nl -l 0 p; echo $?; nl -w 0 p; echo $?",
            "printf a | nl | od -c; nl -b 'p\\(' p; echo $?",
        ],
    ));
}

/// stat's directives with printf flags, widths and precisions (fractions of a second),
/// `%b %B %o %f`, `-t`, and the default report's layout (owner, device and birth aside:
/// wasmix's user is not the host's, and WASI tells neither device nor birth).
#[test]
fn stat_directives_terse_and_report() {
    compare(&after(
        "printf 'fourteen bytes' > f; ln -s f l; mkdir d; touch -d '2020-01-02 03:04:05.123456789' f; ",
        &[
            "stat -c '%b %B %o %f %s|%10s|%-6s|%06s|%.3Y|%14.2Y|%.0Y|%5.1n|%04a|%10.10A|%-8F|' f",
            "stat -c '%b %f %F %s' l f; stat -L -c '%f %F' l; stat --printf '%s %n\\n' f l; stat -c '%q %' f",
            "stat -t f | cut -d' ' -f1-4,9-14; stat -L -t l | cut -d' ' -f1-4",
            "stat f | sed -n '1,2p;5,6p'; stat l | head -2; stat f | sed -n 4p | cut -c1-26",
        ],
    ));
}

/// od's `-S` and `--endian`, base64's `-i` and what it decodes before bad input, sort's
/// `--files0-from`, split's `-C`, id's `-r`, `-z` and `-a` (the user's number aside).
#[test]
fn strings_byte_orders_name_lists_and_line_bytes() {
    compare(&after(
        "printf 'hello\\0ab\\0world!\\nxyz\\0tail' > s; printf 'ab\\ncdefghij\\nk\\nlm\\n\\nnopqrstuvwxyz\\n' > c; seq 3 > n3; ",
        &[
            "od -S 3 s; od -S 2 -A x s; od --strings s; od -S 1 -A n s; od -S 3 -j 1 -A d s",
            "printf '\\001\\002\\003\\004' | od --endian=big -t x2 -t x4 -t d2; printf '\\001\\002' | od --endian=little -t x2; od --endian=foo /dev/null; echo $?",
            "echo 'aGVs bG8=!!' | base64 -d -i; echo 'aGVs*bG8=' | base64 -d; echo $?; echo 'aGVsbG8=aGk*' | base64 -d; echo $?",
            "echo 'aG*' | base64 -d; echo $?; echo 'aGVsb*G8=' | base64 -d; echo $?; echo 'a*' | base64 -d; echo $?",
            "printf 'n3\\0c\\0' | sort --files0-from=-; printf 'n3\\0\\0' | sort --files0-from=-; echo $?; printf 'nosuch\\0' | sort --files0-from=-; echo $?",
            "sort --files0-from=- x < /dev/null; echo $?; printf '' | sort --files0-from=-; echo $?",
            "split -C 5 c; for f in xa*; do printf '%s:' $f; od -c $f | head -2; done; rm xa*; split -C 1 c; ls xa* | wc -l; cat xa* | cmp - c && echo same",
            "split -C 0 c; echo $?; split --line-bytes=7 -d c p; ls p*; cat p02",
            "id -a | grep -c uid=; id -r; echo $?; id -z; echo $?; id -u -z | tr '\\0' '|' | tr -d '0-9'; id -r -n; echo $?",
        ],
    ));
}

/// xargs's size limit: an argument longer than `-s` allows ends xargs after what fitted
/// ran; `-x` ends it where the size cuts a line short of `-n` or `-L`.
#[test]
fn xargs_size_limits_and_exit() {
    compare(&[
        case(
            "echo aaaa bbbb cccc | xargs -s 12 echo; echo $?; echo aaaaaaaaaaaaaaa | xargs -s 12 echo; echo $?",
        ),
        case(
            "echo 'aaaaaaaaaaaa b' | xargs -s 10 echo; echo $?; echo 'b aaaaaaaaaaaa c' | xargs -s 10 echo; echo $?",
        ),
        case(
            "echo a b c d | xargs -n 2 -s 8 echo; echo $?; echo a b c d | xargs -n 2 -x -s 8 echo; echo $?",
        ),
        case(
            "echo a b c d | xargs -n 2 -x -s 9 echo; echo $?; echo a b c d e | xargs -n 3 -x -s 11 echo; echo $?",
        ),
        case(
            "printf 'a b\\nc d e\\n' | xargs -L 1 -x -s 11 echo; echo $?; printf 'a b\\nc d e\\n' | xargs -L 1 -x -s 10 echo; echo $?",
        ),
    ]);
}

/// env's `-v`/`--debug` report: the environment cleaned or unset, what is set, `-S`'s
/// split, the directory, and the command with each argument.
#[test]
fn env_reports_each_step() {
    compare(&[
        case("env -v -u FOO -i A=1 true; env -v -u X true; env -iv true; env -v - true"),
        case("env -v -S 'echo \"a b\"'; env --debug A=b B=c printf '%s\\n' x y"),
        case("mkdir d; env -v -C d true"),
    ]);
}

/// chown's `--from` (an owner no file has leaves each as it is), `--preserve-root`, and
/// `-H` with `-R`; the owner's name aside (root on the host, wasmix's user inside).
#[test]
fn chown_from_and_preserve_root() {
    compare(&after(
        "touch f; mkdir -p t/s; touch t/s/g; ",
        &[
            "chown -v --from=1234 0 f | sed s/root/user/g; chown -v --from=1234 0:0 f | sed s/root/user/g; chown -c --from=1234 0 f; echo $?",
            "chown --from=bad 0 f; echo $?; chown --from=:bad 0 f; echo $?",
            "chown --preserve-root -R 1234 /; echo $?; chgrp --preserve-root -R 1234 /; echo $?",
            "chown -H -R -v --from=1234 0 t | sed s/root/user/g | sort",
        ],
    ));
}

/// touch `-h`: the link's own times change, not its target's, and nothing is created;
/// `-f` is accepted and ignored.
#[test]
fn touch_a_link_itself() {
    compare(&after(
        "touch -d '2025-05-05 05:05' f; ln -s f l; ",
        &[
            "touch -h -d '2020-01-01 00:00' l; stat -c '%y %n' l f | cut -c1-19",
            "touch -h -m -d '2019-02-02' l; stat -c '%y' l | cut -c1-19; touch -h -d 2021-01-01 nosuch; echo $?; ls nosuch",
            "touch -f f; echo $?",
        ],
    ));
}

/// sort's `--sort=WORD` (and the start of one), du's `-X`/`--exclude-from` and `-t`.
#[test]
fn sort_words_and_du_exclusion_lists() {
    compare(&after(
        "mkdir -p t/s; echo x > t/a.o; echo y > t/b.c; echo z > t/s/c.o; echo '*.o' > ex; ",
        &[
            "printf '10\\n9\\n' | sort --sort=numeric; printf '1K\\n2M\\n3\\n' | sort --sort=human-numeric; printf '10\\n9\\n' | sort --sort=num",
            "printf 'b\\na\\n' | sort --sort=version -r; sort --sort=foo /dev/null; echo $?; sort --sort=r /dev/null; echo $?",
            "du -a -X ex t | sort; du -a --exclude-from=ex t | sort; du -X nosuch t; echo $?",
            "head -c 10000 /dev/zero > big; du -t 5K t big; du -t -4K -a t | sort; du -b -t 2 t/a.o ex; du -t 4097 ex",
            "du -t 0 ex; du -t -0 ex; echo $?; du -t x ex; echo $?; du -c -t 100K ex; du --threshold=1M big; echo $?",
        ],
    ));
}

/// tail follows every file named, with a header when the one printing changes; `-F`
/// (`--follow=name --retry`) follows a rotated log into its new file with GNU's notes.
/// The changes come half a second apart; tail looks every tenth of a second.
#[test]
fn tail_follows_files_and_names() {
    compare(&[
        case(
            "printf 'a\\n' > x; printf 'b\\n' > y; \
             (sleep 0.5; echo x2 >> x; sleep 0.5; echo y2 >> y; sleep 0.5; echo x3 >> x) & \
             timeout 2.5 tail -f -s 0.1 x y; echo $?; wait",
        ),
        case(
            "echo a > f; (sleep 0.5; mv f f.1; sleep 0.5; echo b > f; sleep 0.5; echo c >> f; \
             sleep 0.5; rm f; sleep 0.5; echo d > f; sleep 0.5; : > f; sleep 0.3; echo e >> f) & \
             timeout 4 tail -F -s 0.1 f 2>&1; wait",
        ),
        case(
            "echo a > f; echo x > g; (sleep 0.5; echo g2 >> g; sleep 0.5; mv g f) & \
             timeout 2 tail -F -s 0.1 f g 2>&1; echo $?; wait",
        ),
        case(
            "echo a > f; (sleep 0.5; rm f; sleep 0.5; echo b > f) & \
             timeout 2 tail --follow=name -s 0.1 f; echo $?; wait",
        ),
        case("(sleep 0.5; echo a > f) & timeout 1.5 tail --follow=n --retry -s 0.1 f; wait"),
        // By descriptor, a renamed file is followed where it went.
        case(
            "printf 'a\\n' > x; (sleep 0.5; mv x x.old; sleep 0.3; echo more >> x.old; \
             echo new > x) & timeout 1.5 tail -f -s 0.1 x; echo $?; wait",
        ),
        case("timeout 1 tail -f --retry f; echo $?; tail --retry nosuch; echo $?"),
        case("tail --pid=1 lines.txt | head -1; tail --follow=x f; echo $?"),
        case("tail --follow= f; echo $?; tail --follow=n --pid=99999 empty; echo $?"),
        case("tail --max-unchanged-stats=x f; echo $?; tail --max-unchanged-stats=3 -n1 lines.txt"),
    ]);
}

/// truncate's `-o`: SIZE counted in IO blocks (4096 bytes, what `stat -c %o` shows).
#[test]
fn truncate_counts_io_blocks() {
    compare(&[case(
        "truncate -o f; echo $?; truncate -o -s 2 f; stat -c %s f; truncate -o -s +1 f; \
         stat -c %s f; truncate -o -s %3 f; stat -c %s f; truncate -o -r f g; echo $?; \
         truncate -o -s /5 f; stat -c %s f; truncate --io-blocks -s 0 f; stat -c %s f; \
         truncate -o -s 99999999999999999 f; echo $?",
    )]);
}

/// Widths and precisions past what Rust's formatting takes (65,535) and jiff's (255):
/// each program pads by hand, or refuses as GNU's does (numfmt's 128-byte buffer, its 18
/// digits), where they crashed.
#[test]
fn widths_past_what_rust_formats() {
    compare(&[
        case("seq 1 2 | nl -w 70000 | md5sum; seq -3 1 | nl -v -3 -n rz -w 5"),
        case("seq -3 1 | nl -v -3 -n ln -w 5; printf 'a\\n\\nb\\n' | nl -w 3"),
        case("echo 5 | awk '{ printf \"%70000d|%.70000f|%-70000s|\\n\", $1, $1, $1 }' | md5sum"),
        case(
            "for f in %.18f %.19f %.17f %0127f %0128f; do numfmt --format $f 5 12345; echo $?; done",
        ),
        case(
            "for f in %.5f %.124f %.123f %0126f %0125f; do numfmt --to=si --format $f 5000; \
             echo $?; done; numfmt --to=iec --format %.5f 5000",
        ),
        case("date -u -d @1700000000 '+%70000Y|%_300d|%-300d|%0300e|%300k|%300s|%300a' | md5sum"),
    ]);
}

/// Malformed input named as bash and GNU name it: `test` and `[` by the arguments where
/// bash gave up, `mkdir -p` by the file in the way, `sort -k` by the part of the key.
#[test]
fn malformed_input_is_named_where_it_fails() {
    compare(&[
        case(
            "while read -ra t; do { test \"${t[@]}\"; echo \" $?\"; [ \"${t[@]}\" ]; echo \" $?\"; } \
             2>&1 | sed 's/^[^:]*: line [0-9]*: //'; done <<'END'\n\
             a =\n a b\n x -f\n a b c\n a -eq\n ! a b\n a = b c\n a -a\n -n a b\n a -o\n ( a\n\
             ( a = b ) c\n a = b -o (\n a = b -o ( c\n a = b -o ( c d\n ! ! a b\n a -a -f\n\
             1 -eq 2 3 4 5\n a =~ b\n -e -e\n = = =\n x = x -a ! y = z\n -a -a -a -a\n\
             a = a -a -f\n -f -a -f -a\n a -a b -a -f\n -e / -a -d / -a\nEND",
        ),
        case(
            "touch f; mkdir -p f/b; mkdir -p f; mkdir -p f/b/c; mkdir f/b; mkdir -p ./f/; \
             mkdir -p d/e && ls d",
        ),
        case(
            "for k in x 1.x 1,x 1,2.x 1x 1.2x 1,0 -1 1,-1 '' 1. 1.1.1 1,2x 99999999999999999999; do \
             sort -k \"$k\" /dev/null; echo $?; done",
        ),
    ]);
}

/// /bin/time is GNU time: `-f` with every sequence whose value does not depend on the
/// run (and the unknown ones), `-q`, `-o` and `-a`, the `TIME` variable, the status and
/// its line for a failing, missing or killed command, `-p` and `-v` in their shapes.
#[test]
fn time_formats_outputs_and_statuses() {
    compare(&[
        case("command time -f '%x|%C|%%|a\\tb\\nc\\\\d\\qe|%q|%' sh -c 'exit 3'; echo $?"),
        case("command time -q -f x false; echo $?; TIME='env %x' command time true"),
        case(
            "command time -o out -f 'o %x' false; cat out; command time -a -o out -f 'p %x' true; cat out",
        ),
        case("command time; echo $?; command time -f; echo $?; command time -x true; echo $?"),
        case("command time -o /nodir/x true; echo $?; command time nosuch 2>&1 | head -2"),
        // Into a file, not `| head -1`: whether time is still writing when head exits
        // (141) is a race of the host's scheduler.
        case("command time sh -c 'kill -9 $$' 2>err; echo $?; head -1 err"),
        case(
            "command time -p true 2>&1 | sed 's/[0-9]/N/g'; command time -v true 2>&1 | sed 's/: .*//'",
        ),
        case("command time true 2>&1 | sed 's/[0-9?]//g'"),
    ]);
}
