//! Differences from GNU found by running toybox's test suite (`tests/*.test` from its
//! source) through wasmix and through this machine's GNU tools. Each case runs in bash
//! with GNU's tools and in wasmix, over the same files, and what they print and their
//! statuses must be the same.

mod support;

use support::gnu::{after, case, compare, fed};

/// cut's lists as GNU's `set_fields` reads them: blanks between parts, a decreasing
/// range refused, GNU's message for each other fault; and a newline delimiter, which
/// makes the whole input one line.
#[test]
fn cut_lists_and_a_newline_delimiter() {
    compare(&[
        case(
            "cut -f '1 3' words.txt; cut -b 8-3 lines.txt; echo $?; cut -c 2-,4 lines.txt | head -2",
        ),
        case(
            "cut -b x lines.txt; cut -f 1x2 lines.txt; cut -b 1-2-3 lines.txt; cut -f 1-2-3 lines.txt",
        ),
        case(
            "cut -b 0 lines.txt; cut -f 0-2 lines.txt; cut -b - lines.txt; cut -f 5,- lines.txt; echo $?",
        ),
        case(
            "cut -b 99999999999999999999 lines.txt; cut -f 99999999999999999999 lines.txt; cut -f 1,,3 lines.txt",
        ),
        fed(
            "cut -d $'\\n' -f 2-3,5",
            "one\ntwo\nthree\nfour\nfive\nsix\n",
        ),
        fed(
            "cut -d $'\\n' -f 1 -s; printf 'a\\nc' | cut -d $'\\n' -f2; printf '' | cut -d $'\\n' -f1",
            "abc\n",
        ),
    ]);
}

/// A lowercase multiplier (`1k`, `1m`) is 1024-based, as GNU's sizes read it.
#[test]
fn sizes_take_lowercase_multipliers() {
    compare(&[
        case(
            "truncate -s 1k f && truncate -s +1k f && stat -c %s f; truncate -s 7k f && truncate -s %3k f && stat -c %s f",
        ),
        case(
            "truncate -s 1m f && stat -c %s f; seq 2000 | head -c 1k | wc -c; dd if=lines.txt bs=1k count=' 1' status=none | wc -c",
        ),
        case("seq 1000 > s; split -b 1k s p; wc -c p*"),
    ]);
}

/// `split -n N`: each chunk the size over N (at least a byte), the last one the rest.
#[test]
fn split_into_chunks_as_gnu_cuts_them() {
    compare(&after(
        "seq 1000 > input; printf ab > two; printf 12345 > five; ",
        &[
            "split -n 3 input; wc -c x*",
            "split -n 7 input a; wc -c a*",
            "split -n 3 two b; wc -c b*; split -n 3 five c; wc -c c*",
        ],
    ));
}

/// xxd reads a dump as vim's xxd does: an offset ended by a colon or blanks, at most a
/// line's worth of bytes, up to the first character that is not hex; `-c 0` puts a
/// plain dump on one line.
#[test]
fn xxd_reverts_dumps_as_vims_does() {
    compare(&[
        fed(
            "xxd -r",
            "    00000000  7468 6973 2069 7320 736f 6d65 2074 6578  this is some tex\n00000010: 740a                                     t.\n",
        ),
        fed("xxd -r -", "0000: 68 65 6c6c 6fxxxx\n"),
        fed(
            "xxd -r -",
            "0000: 40404040404040404040404040404040404040404040404040404040404040404040404040404040\r",
        ),
        fed(
            "xxd -r -p -",
            "40404040404040404040404040404040404040404040404040404040404040404040404040404040\n",
        ),
        fed("xxd -p -c0; printf abc | xxd -c 257; echo $?", "one\ntwo\n"),
    ]);
}

/// cmp's `-s` says nothing of a file it cannot open (but does of one it cannot read);
/// fold's `-s` breaks after a tab as after a space; dd takes blanks before a number.
#[test]
fn cmp_silence_fold_blanks_and_dd_numbers() {
    compare(&[
        case(
            "cmp -s lines.txt nonexistent; echo $?; cmp -s nonexistent lines.txt; echo $?; cmp -s lines.txt dir; echo $?",
        ),
        fed(
            "fold -bsw8; echo; printf 'ab\\tcdefghij\\n' | fold -sw6",
            "abc\tdefghi",
        ),
        case(
            "dd if=lines.txt 'count= 2' ibs=1 status=none; echo; dd if=lines.txt bs='1 x 2' status=none; echo $?",
        ),
    ]);
}

/// awk: with RS="" a newline separates fields only when FS is one character (a regex FS
/// is left as it is); `split` on an empty regex gives the characters.
#[test]
fn awk_paragraph_fields_and_empty_split() {
    let text = "abc defxy ghi\njkl mno\n\npqr stu\nvwxy abc\n";
    compare(&[
        fed(
            "awk 'BEGIN { RS=\"\"; FS=\"[ ]\"} {print NR, NF; for (i=1;i<=NF;i++) printf \" %s %s\", i, $i; print \"\"}'",
            text,
        ),
        fed(
            "awk 'BEGIN { RS=\"\"; FS=\"xy\"} {print NR, NF; for (i=1;i<=NF;i++) printf \" %s %s\", i, $i; print \"\"}'",
            text,
        ),
        case("awk 'BEGIN { n = split(\"abc\", a, //); print n, length(a), a[1] a[3] }'"),
    ]);
}

/// `ls -Z`: the security context, `?` where there is none, as GNU shows it.
#[test]
fn ls_shows_a_context_column() {
    compare(&[case(
        "ls -Z lines.txt; ls -Z1 lines.txt empty; ls -sZ empty; ls -lZ empty | cut -d' ' -f1,5",
    )]);
}

/// date: a `%` that starts no conversion stands for itself, `E` and `O` change nothing,
/// and `-I` takes an abbreviated precision.
#[test]
fn date_lenient_formats_and_iso_abbreviations() {
    compare(&[
        case(
            "date -u -d @1327322096 +%Y%m%d-%H%M%S.%; date -u -d @0 +%; date -u -d @0 '+%Ey %Od %q%K'",
        ),
        case(
            "for p in d h m s n; do date -u -d @1327322096.5 -I$p; done; date -u -d @0 --iso-8601=min",
        ),
    ]);
}

/// find's `-printf` directives (flags, width and precision) and escapes, `-lname`,
/// `-ilname`, `-samefile`, `-newerXY`, and a broken link named with `-L`.
#[test]
fn find_printf_links_and_times() {
    compare(&after(
        "mkdir -p d/sub; echo hi > d/file; ln -s file d/link; ln -s ../gone d/broken; ln d/file d/hard; \
         touch -d @1000 d/old; touch -d @3000 d/new; ln -s nowhere broken; ",
        &[
            "find d -name file -printf '%p|%f|%h|%H|%P|%d|%s|%y|%m|%M\\n'",
            "find d -name file -printf '%-6f|%6.2f|%.1p\\n'; find d -name link -printf '%l %Y %y\\n'",
            "find d -name file -printf '\\0 \\007 \\t \\079 x\\cy' | od -c",
            "find d -lname '*ile' | sort; find d -ilname '*GON*'; find d -samefile d/file | sort",
            "find d -newermt @2000 -name '[on]*'; find d -newer d/old -name '[on]*'; find -L broken",
        ],
    ));
}

/// diff's `-L` short option for `--label`.
#[test]
fn diff_takes_short_labels() {
    compare(&[case(
        "diff -u -L left -L right lines.txt words.txt | head -3; diff -L a -L b -c empty lines.txt | head -2",
    )]);
}

/// sed reads all its `-e` expressions as one script (a block may open in one and close
/// in another; faults are named by expression), and `l` ends with NUL under `-z`.
#[test]
fn sed_expressions_join_into_one_script() {
    compare(&[
        fed(
            "sed -e '2,4{c blah' -e '}'",
            "one\ntwo\nthree\nfour\nfive\nsix",
        ),
        fed(
            "sed -e '/one/,/three/{' -e 'i meep' -e '1D;}'",
            "one\ntwo\nthree\n",
        ),
        fed(
            "sed -e '1{' -e p; sed -e p -e '1{p'; sed -e p -e k; echo $?",
            "a\n",
        ),
        fed("sed -zn 'N;l' | od -c", "one\0two"),
    ]);
}

/// xargs: with `-a` the commands keep standard input; a command line that cannot fit in
/// `-s` is refused in GNU's words; `--process-slot-var` numbers the running commands.
#[test]
fn xargs_stdin_sizes_and_slots() {
    compare(&[
        fed("printf '1 2\\n' > args; xargs -a args cat - ", "stdin\n"),
        fed(
            "xargs -s 4; echo $?; xargs -s 6 echo; echo $?; xargs -s 9 echo; echo $?",
            "x y\n",
        ),
        fed("xargs -n 1 -P 1 --process-slot-var=V printenv V", "a b c\n"),
        case("env -i =BLAH A=b"),
    ]);
}

/// tar: `--owner`, `--group` and `--mtime` for what it adds; directories keep their
/// archived times; a gzip archive is read without `-z`; `-I gzip`; an empty directory
/// gives way to a file; names shown as `--strip-components` makes them.
#[test]
fn tar_owners_times_and_compression() {
    compare(&after(
        "mkdir -p d/e; echo hi > d/e/f; touch -d @1000000000 d/e/f d/e d; ",
        &[
            "tar c --owner=root --group=sys --mtime=@1234567890 d | tar tv",
            "tar c --owner=bob:77 --group=grp:5 d/e/f | tar tv; tar c --owner=0 --group=0 d/e/f | tar tv",
            "tar cf a.tar d; rm -rf d; tar xf a.tar; stat -c '%Y %n' d d/e d/e/f",
            "tar czf a.tgz d; rm -rf d; tar xvf a.tgz; tar c -I gzip d | gzip -dc | tar t",
            "tar cf b.tar d/e/f; rm d/e/f; mkdir d/e/f; tar xf b.tar; cat d/e/f",
            "tar c --owner=root --group=root d | tar t --strip=1 --show-transformed",
        ],
    ));
}

/// file knows more formats by their first bytes, a broken link, and `-h`.
#[test]
fn file_recognizes_more_formats() {
    compare(&after(
        "printf '\\xca\\xfe\\xba\\xbe\\x00\\x00\\x00\\x35' > java.class; printf 'BZh91AY&SY' > b.bz2; \
         printf '7z\\xbc\\xaf\\x27\\x1c\\x00\\x04' > a.7z; printf 'dex\\n035\\x00' > a.dex; \
         echo R0lGODlhIAAgAMZHAAAAABYWFiYmJioqKi4uLjIy | base64 -d > gif; \
         printf '07070103344745000081A4000003E800' > c.cpio; ln -s nowhere dangling; ln -s gif link; ",
        &[
            "file java.class b.bz2 a.7z a.dex gif c.cpio",
            "file dangling; file -h link; file -L link; file -b gif",
        ],
    ));
}

/// A long option may be cut to any start that names just one (`--strip`), as GNU's
/// getopt_long takes it; one that names several is refused with them listed.
#[test]
fn long_options_may_be_abbreviated() {
    compare(&[
        case(
            "tail --li 2 lines.txt; sort --rev lines.txt | head -2; cut --fi 1 -d' ' lines.txt | head -1",
        ),
        case(
            "ls --al; echo $?; basename --su=.txt lines.txt; wc --li lines.txt; grep --colo=never -c line lines.txt",
        ),
    ]);
}

/// gzip and gunzip give the new file the old one's mode and times; grep -r passes over
/// a FIFO it meets (by default); a date may name its own zone with `TZ="..."`.
#[test]
fn gzip_times_grep_fifos_and_dates_in_a_zone() {
    compare(&after(
        "echo hello > f1; chmod 640 f1; touch -a -d @252558240 f1; touch -m -d @544413660 f1; \
         mkdir -p sub; echo found > sub/file; mkfifo sub/fifo; ",
        &[
            "gzip -k f1 && stat -c '%a %X %Y' f1.gz; rm f1; gunzip -k f1.gz && stat -c '%a %Y' f1",
            "grep -rh found sub && echo done; grep -r -D skip found sub",
            "TZ=America/Los_Angeles date -d 'TZ=\"Europe/Berlin\" 2018-01-04 08:00'",
            "TZ=America/Los_Angeles date -d 'TZ=\"GMT\" @1533427200'; date -u -d 'TZ=\"Asia/Tokyo\" 2020-06-01 09:00'",
        ],
    ));
}

/// `mkdir -p` lets its owner write and search each parent it makes, whatever the umask,
/// so that the next one can go inside.
#[test]
fn mkdir_parents_stay_writable_under_any_umask() {
    compare(&[case(
        "umask 377; mkdir -p -m 777 one/two; stat -c %a one one/two; mkdir -p x/y/; stat -c %a x x/y; \
         umask 022; mkdir -p a/b/c; stat -c %a a a/b a/b/c",
    )]);
}

/// `diff --no-dereference` compares links as links: by their targets, and never alike a
/// file; labels name them.
#[test]
fn diff_compares_links_as_links() {
    compare(&after(
        "echo a > aa; ln -s aa cc; ln -s lines.txt dd; ln -s aa ee; touch nothing; ",
        &[
            "diff -q --no-dereference -L aa -L cc aa cc; echo $?; diff --no-dereference cc dd; echo $?",
            "diff --no-dereference cc ee; echo $?; diff --no-dereference nothing cc; echo $?; diff cc ee; echo $?",
        ],
    ));
}
