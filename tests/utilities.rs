//! The utilities beyond the first set, against GNU coreutils (and GNU sed, findutils'
//! xargs, util-linux more) on the same files: `lines.txt` (line 1 .. line 12),
//! `words.txt`, `empty` and the directory `dir`.

mod support;

use support::gnu::{after, case, compare, fed};

#[test]
fn sed() {
    compare(&[
        case("sed -n '3,5p' lines.txt"),
        case("sed 's/line/LINE/; 2q' lines.txt"),
        case("sed -e '/1/d' -e 's/ /_/g' lines.txt"),
        case(r"sed 's/\(l\)\(i\)/\2\1/2g' words.txt lines.txt"),
        case("sed -E 's/(o+)/[\\1]/g; $!N; s/\\n/|/' words.txt"),
        case("sed -i 's/line/row/' lines.txt && cat lines.txt"),
        case("sed -n '$=' lines.txt words.txt"),
        case("sed '1!G;h;$!d' lines.txt"),
        case("sed -n '/3/,/5/{=;p}' lines.txt"),
        fed("sed 'y/abc/xyz/; a\\\nafter' ", "aabbcc\n"),
        case("sed p nosuch"),
        case("sed 'k' lines.txt"),
        case("sed 's/a/b' lines.txt"),
    ]);
}

#[test]
fn env() {
    compare(&[
        case("env -i A=1 B=2 env"),
        case("env -u HOME A=x env | grep -c ^HOME="),
        case("env nosuch-program; echo $?"),
        case("env --bogus"),
        case("env -i echo hello"),
        case("FOO=bar env | grep ^FOO="),
    ]);
}

#[test]
fn xargs() {
    compare(&[
        case("seq 1 100 | xargs -n 10 echo"),
        fed("xargs -I{} echo '<{}>'", "  a b\nc\n"),
        fed("xargs echo", "a 'b c' \"d e\" f\\ g\n"),
        fed("xargs -0 -n1 echo", "a\0b c\0"),
        fed("xargs -t -n2 echo", "1 2 3\n"),
        fed("xargs false; echo $?", "x\n"),
        fed("xargs nosuch-program; echo $?", "x\n"),
        fed("xargs -r echo hi; echo $?", ""),
        fed("xargs echo; echo $?", "a 'b\n"),
        fed("xargs -n 0 echo", "x\n"),
        fed("xargs -L 1 echo", "a b\nc\n"),
        case("printf 'a:b:c' | xargs -d: echo"),
    ]);
}

/// A program whose reader went away ends as one killed by SIGPIPE (status 141).
#[test]
fn writers_to_a_pipe_whose_reader_went_away() {
    compare(&[
        case("head -c 10000000 /dev/zero | head -c 1 > /dev/null; echo ${PIPESTATUS[@]}"),
        case("yes | head -n 100000 | head -n 1; echo ${PIPESTATUS[@]}"),
        case("seq 1000000 > big; tail -n 500000 big | head -n 1; echo ${PIPESTATUS[@]}"),
        case("base64 /dev/zero | head -c 5; echo \" ${PIPESTATUS[@]}\""),
    ]);
}

#[test]
fn timeout() {
    compare(&[
        case("timeout 0.2 sleep 5; echo $?"),
        case("timeout 5 echo fast; echo $?"),
        case("timeout --preserve-status 0.1 sleep 5; echo $?"),
        case("timeout x sleep 1; echo $?"),
        case("timeout 1 nosuch-program; echo $?"),
        case("timeout 1 false; echo $?"),
        case("timeout; echo $?"),
    ]);
}

#[test]
fn realpath() {
    compare(&[
        case("realpath -m /a/../b/./c"),
        case("realpath dir/../lines.txt | sed 's|.*/||'"),
        case("realpath -e nosuch; echo $?"),
        case("realpath -m dir/../x/./y | sed \"s|$PWD|HERE|\""),
        case("ln -s lines.txt link && realpath -s link | sed 's|.*/||'"),
        case("realpath"),
    ]);
}

#[test]
fn expr() {
    compare(&[
        case("expr 2 + 3 \\* 4"),
        case("expr \\( 2 + 3 \\) \\* 4"),
        case("expr abc : 'a\\(.\\)'"),
        case("expr abcabc : '.*b'"),
        case("expr length hello; expr substr hello 2 3; expr index hello l"),
        case("expr 0; echo $?"),
        case("expr '' \\| 0; echo $?"),
        case("expr 1 / 0; echo $?"),
        case("expr a + 1; echo $?"),
        case("expr 1 +; echo $?"),
        case("expr 1 2; echo $?"),
        case("expr; echo $?"),
        case("expr a \\< b; expr 10 \\< 9; expr 3 '>=' 3"),
        case("expr -5 % 3"),
    ]);
}

#[test]
fn od() {
    compare(&[
        case("od lines.txt"),
        case("od -c words.txt"),
        case("od -An -tx1 words.txt"),
        case("od -tx1 -c words.txt"),
        case("od -A x -t x2 lines.txt"),
        case("od -t d2 -t u4 words.txt"),
        case("od empty"),
        fed(
            "od -c",
            "aaaaaaaaaaaaaaaa\naaaaaaaaaaaaaaaa\naaaaaaaaaaaaaaaa\naaaaaaaaaaaaaaaa\n",
        ),
        case("od nosuch"),
        case("od -t z lines.txt"),
    ]);
}

#[test]
fn fold() {
    compare(&[
        case("fold -w 5 words.txt"),
        case("fold -s -w 7 words.txt"),
        case("fold -b -w 3 lines.txt"),
        fed("fold -w 10", "a\tb\tc\td\te\n"),
        case("fold -w 0 words.txt"),
        case("fold nosuch"),
    ]);
}

#[test]
fn paste() {
    compare(&[
        case("paste lines.txt words.txt"),
        case("paste -d, lines.txt words.txt"),
        case("paste -s lines.txt"),
        case("paste -s -d ':,' lines.txt words.txt"),
        fed("paste - lines.txt", "x\ny\n"),
        case("paste nosuch"),
    ]);
}

#[test]
fn comm() {
    compare(&[
        case("printf 'a\\nb\\nd\\n' > x; printf 'b\\nc\\nd\\n' > y; comm x y"),
        case("printf 'a\\nb\\nd\\n' > x; printf 'b\\nc\\nd\\n' > y; comm -12 x y"),
        case(
            "printf 'a\\nb\\nd\\n' > x; printf 'b\\nc\\nd\\n' > y; comm -3 --output-delimiter=, x y",
        ),
        case("printf 'b\\na\\n' > x; printf 'b\\n' > y; comm x y; echo $?"),
        case("comm lines.txt"),
        case("comm nosuch lines.txt"),
    ]);
}

#[test]
fn join() {
    compare(&[
        case("printf '1 a\\n2 b\\n3 c\\n' > x; printf '1 x\\n3 z\\n4 w\\n' > y; join x y"),
        case("printf '1 a\\n2 b\\n3 c\\n' > x; printf '1 x\\n3 z\\n4 w\\n' > y; join -a1 -a2 x y"),
        case("printf '1 a\\n2 b\\n3 c\\n' > x; printf '1 x\\n3 z\\n4 w\\n' > y; join -v2 x y"),
        case("printf 'a,1\\nb,2\\n' > x; printf '1,p\\n2,q\\n' > y; join -t, -1 2 -2 1 x y"),
        case("printf 'k 1\\nk 2\\n' > x; printf 'k a\\nk b\\n' > y; join x y"),
        case("join lines.txt"),
        case("join nosuch lines.txt"),
    ]);
}

#[test]
fn split() {
    compare(&[
        case("split -l 5 lines.txt && ls && cat xab"),
        case("split -b 10 words.txt part_ && ls part_* && cat part_ab"),
        case("split -n 3 -d lines.txt n && ls n* && cat n02"),
        case("split -a 1 -l 4 lines.txt && ls x?"),
        fed("split -l 1 - in && cat inab", "one\ntwo\n"),
        case("split -l 0 lines.txt"),
        case("split nosuch"),
    ]);
}

#[test]
fn id_clear_more() {
    compare(&[
        case("id -u -g"),
        case("id no-such-user"),
        case("id -n"),
        case("TERM=xterm clear | od -c"),
        case("TERM=xterm clear | wc -c; echo $?"),
        case("TERM=xterm clear >/dev/null; echo $?"),
        case("more lines.txt | cat"),
        case("more lines.txt words.txt | cat"),
        case("more dir | cat; echo $?"),
        case("more nosuch; echo $?"),
    ]);
}

#[test]
fn more_of_the_first_set() {
    compare(&[
        case("rev words.txt"),
        case("rev nosuch; echo $?"),
        case("tac words.txt lines.txt"),
        case("tac nosuch; echo $?"),
        case("tr -s ' ' < words.txt"),
        case("tr a-z A-Z < words.txt"),
        case("tr -d 'aeiou' < words.txt"),
        case("uniq -c lines.txt"),
        fed("uniq -d", "a\na\nb\nc\nc\n"),
        fed("uniq -u", "a\na\nb\nc\nc\n"),
        case("readlink nosuch; echo $?"),
        case("ln -s lines.txt l && readlink l"),
        case("ln -s lines.txt l && readlink -f l | sed 's|.*/||'"),
        case("dirname /a/b/ c"),
        case("dirname"),
        case("md5sum lines.txt words.txt"),
        case("md5sum lines.txt > sums && md5sum -c sums"),
        case("md5sum nosuch; echo $?"),
        case("rmdir dir && ls"),
        case("rmdir nosuch"),
        case("rmdir lines.txt"),
        case("stat -c '%s %n' lines.txt words.txt"),
        case("stat nosuch"),
        case("stat -c %F dir"),
        case("uname --bogus"),
        case("uname -x"),
        case("uname extra"),
        case("whoami extra"),
        case("whoami --bogus"),
        case("echo $(whoami | wc -l)"),
        case("hostname | wc -l"),
        case("test -n \"$(hostname)\" && echo has-a-name"),
        case("[ \"$(hostname)\" = \"$(hostname)\" ] && echo stable"),
        case("/bin/true x y; echo $?"),
        case("/bin/false x; echo $?"),
    ]);
}

#[test]
fn grep_follows_links_only_when_told() {
    compare(&[
        case("mkdir t; echo hit > t/f; ln -s f t/link; ln -s .. t/up; grep -r hit t; echo $?"),
        case("mkdir t; echo hit > t/f; ln -s f t/link; grep -R hit t | sort"),
        case("mkdir t; echo hit > t/f; ln -s f t/link; grep -r hit t/link"),
        case("mkdir t; echo hit > t/f; ln -s ../t t/loop; grep -rc hit t"),
    ]);
}

#[test]
fn builtins_report_where_their_errors_go() {
    compare(&[
        case("nosuch 2>/dev/null; echo $?"),
        case("{ nosuch; } 2>&1 | sed 's/.*: nosuch/nosuch/'"),
        case("pwd > /dev/full 2>/dev/null; echo $?"),
        case("{ pwd > /dev/full; } 2>&1 | sed 's/.*pwd:/pwd:/'"),
        case("echo hi >&- 2>/dev/null; echo $?"),
        case("cat lines.txt > /dev/full 2>/dev/null; echo $?"),
        case("head -c 10 /dev/full | od -An -c"),
        case("sleep 0.2 && echo late & echo now"),
        case("(sleep 0.1; echo from a subshell) & exit 3"),
    ]);
}

/// less and stty where their output or input is not a terminal: less copies its input
/// (and reports on standard output what it cannot show), stty refuses.
#[test]
fn less_and_stty_away_from_a_terminal() {
    compare(&[
        case("less lines.txt"),
        case("less -N -S lines.txt words.txt"),
        case("less nosuch lines.txt; echo $?"),
        case("less dir; echo $?"),
        fed("less", "piped\n"),
        fed("less -", "no newline"),
        case("stty size < /dev/null; echo $?"),
        case("stty bogus < /dev/null; echo $?"),
        case("stty -a < /dev/null; echo $?"),
    ]);
}

#[test]
fn column() {
    compare(&[
        case("column lines.txt words.txt"),
        case("column -x -c 60 lines.txt"),
        case("COLUMNS=30 column lines.txt"),
        case("column -c 5 words.txt"),
        case("column -t words.txt lines.txt"),
        fed("column -t", "name size\nalpha 1\nbeta 22\n\ngamma  333 x\n"),
        fed("column -t -s: -o ' | '", "root:x:0\ndaemon::1\n"),
        fed("column", "\n\n"),
        case("column nosuch lines.txt; echo $?"),
        case("column -t nosuch lines.txt; echo $?"),
        case("column -c abc lines.txt; echo $?"),
        case("column --bogus"),
    ]);
}

/// numfmt's units, rounding, padding, fields, formats and errors, against GNU numfmt.
#[test]
fn numfmt() {
    compare(&[
        case("numfmt --to=si 1000; echo $?"),
        case("numfmt --to=si 999; echo $?"),
        case("numfmt --to=si 1001; echo $?"),
        case("numfmt --to=si 9999; echo $?"),
        case("numfmt --to=si 99999; echo $?"),
        case("numfmt --to=si 999999; echo $?"),
        case("numfmt --to=iec 2048; echo $?"),
        case("numfmt --to=iec-i 4096; echo $?"),
        case("numfmt --to=si -- -1500; echo $?"),
        case("numfmt --from=si 1K; echo $?"),
        case("numfmt --from=iec 1K; echo $?"),
        case("numfmt --from=iec-i 1Ki; echo $?"),
        case("numfmt --from=auto 1Mi 2M; echo $?"),
        case("numfmt --from=si 1.5K; echo $?"),
        case("numfmt 1.50; echo $?"),
        case("numfmt --to=si 1.5; echo $?"),
        case("numfmt --from=si 1.25K; echo $?"),
        case("numfmt --to=si --round=down 1999; echo $?"),
        case("numfmt --to=si --round=nearest 1950 1949; echo $?"),
        case("numfmt --to=si --round=towards-zero -- -1999; echo $?"),
        case("numfmt --to=si --round=up -- -1999; echo $?"),
        case("numfmt --to=si --round=down -- -1999; echo $?"),
        case("numfmt 1K; echo $?"),
        case("numfmt --from=iec-i 1K; echo $?"),
        case("numfmt abc; echo $?"),
        case("numfmt --from=si 1x; echo $?"),
        case("numfmt --from=si 1Kx; echo $?"),
        case("numfmt --from=si K; echo $?"),
        case("numfmt --to=si 0; echo $?"),
        case("numfmt --to=si 0.5; echo $?"),
        case("numfmt --to=si 12.34; echo $?"),
        case("numfmt --suffix=B 1000; echo $?"),
        case("numfmt --to=si --suffix=B 1000B; echo $?"),
        case("numfmt --padding=8 1000; echo $?"),
        case("numfmt --padding=-8 1000; echo $?"),
        case("numfmt --format=%.3f 1000; echo $?"),
        case("numfmt --format=%08.2f --to=si 123456; echo $?"),
        case("numfmt --from-unit=512 4; echo $?"),
        case("numfmt --to-unit=1024 4096; echo $?"),
        case("numfmt --to=si 1e3; echo $?"),
        case("numfmt --grouping 1000000; echo $?"),
        case("numfmt --to=si 123456789012345678901234; echo $?"),
        case("numfmt --to=si 1000000000000000000000000000000000; echo $?"),
        case("numfmt --to=si 999999999999999999999999999; echo $?"),
        case("numfmt 12345678901234567890; echo $?"),
        case("numfmt --from=si 999Y; echo $?"),
        case("numfmt --invalid=warn abc 10; echo $?"),
        case("numfmt --invalid=ignore abc 10; echo $?"),
        case("numfmt --invalid=fail abc 10; echo $?"),
        case("numfmt -- -5; echo $?"),
        case("numfmt --to=iec 1023.5; echo $?"),
        case("numfmt --to=si 9.96; echo $?"),
        case("numfmt --to=si 99.5; echo $?"),
        case("numfmt --to=si 1.04; echo $?"),
        case("numfmt --from=si 1.5; echo $?"),
        case("numfmt --format=%d 5; echo $?"),
        case("numfmt --format=abc 5; echo $?"),
        case("numfmt --format=%f%f 5; echo $?"),
        case("numfmt --format=x%10fy --to=si 5000; echo $?"),
        case("numfmt --format=%%%f%% 5; echo $?"),
        case("numfmt --format=a%8fb --padding=-10 1000; echo $?"),
        case("numfmt --to=si 1023 --to-unit=1000; echo $?"),
        case("numfmt --round=x 5; echo $?"),
        case("numfmt --from=x 5; echo $?"),
        case("numfmt --to=auto 5; echo $?"),
        case("numfmt --invalid=x 5; echo $?"),
        case("numfmt --field=0 5; echo $?"),
        case("numfmt --field=a 5; echo $?"),
        case("numfmt -d ab 5; echo $?"),
        case("numfmt --to-unit=0 5; echo $?"),
        case("numfmt --from-unit=x 5; echo $?"),
        case("numfmt --padding=0 5; echo $?"),
        case("numfmt --header=0 5; echo $?"),
        case("numfmt --from=iec --to=si 1.5M; echo $?"),
        case("numfmt --to=si --from-unit=1Ki 3; echo $?"),
        case("numfmt --to=si -- -0.5; echo $?"),
        case("numfmt --to=si -- -9.99; echo $?"),
        case("numfmt --to=iec-i 1025; echo $?"),
        case("numfmt --from=iec-i --to=iec-i 1.5Mi; echo $?"),
        case("numfmt --to=si 5 6 x 7; echo $?"),
        case("numfmt --format=%5.1f 3; echo $?"),
        case("numfmt --format=%.f 3.7; echo $?"),
        case("numfmt --to=si +5; echo $?"),
        case("numfmt --to=si 5.; echo $?"),
        case("numfmt --to=si .5; echo $?"),
        case("numfmt --to=si 1,000; echo $?"),
        case("numfmt --suffix=B 5KB; echo $?"),
        case("numfmt --from=si --suffix=B 5KB; echo $?"),
        case("numfmt --to=si -d: --field=2 a:2000:3000; echo $?"),
        case("numfmt --field=2-3 --to=si 'a 2000 3000 4000'; echo $?"),
        case("numfmt --field=- --to=si '1000 2000'; echo $?"),
        case("numfmt --field=1,3 --to=si '1000 2000 3000'; echo $?"),
        case("numfmt --to=si '  1000 x'; echo $?"),
        case("numfmt --field=2 --to=si '1000    2000'; echo $?"),
        case("numfmt --field=3 'a b'; echo $?"),
        fed("numfmt --to=si", "1000\n  2000\n     3\n 40000   5\n"),
        fed("numfmt --to=si --padding=3", "    1000\n"),
        fed("numfmt --to=si --field=2", "x\t1000\n"),
        fed("numfmt --to=si --format=%f", " 1000\n"),
        fed("numfmt --suffix=B --to=si", "  1000\n"),
        fed("numfmt --invalid=warn", "x  \n"),
        fed("numfmt --to=si", "1000 \n"),
        fed("numfmt --invalid=fail --field=- 2>&1; echo $?", "1 x\n3\n"),
        fed("numfmt --to=si; echo $?", "a 1000\n5\n"),
        fed("numfmt --to=si", "1000\n2000"),
        fed("numfmt --header=1 --to=si", "1000\n2000\n"),
        fed("numfmt -z --to=si | od -c", "1000\u{0}2000\u{0}"),
        fed("numfmt --field 2- --to=iec --padding=7", "1000 2000 3000\n"),
        fed("numfmt --field 2 --to=si --padding=-7", "1000   2000\n"),
        fed("numfmt --field 2 --to=si", "1000\t\t2000\n"),
        fed(
            "numfmt --field=- --invalid=warn --padding=6 --to=si 2>&1",
            "1000 x 3000\n",
        ),
        fed("numfmt --invalid=warn --field=2 2>&1", "1  x\n"),
        fed("numfmt --field 1 --to=si --padding=7", "   1000   2000\n"),
        fed("numfmt -d: --field=2,3 --from=si", "a:1K:2M:3\n"),
        case("numfmt --format=\"%'f\" --to=si 5; echo $?"),
        case(
            "numfmt --format=\"%'10.1f\" 5; numfmt --format='%-10f|' 5; numfmt --format='%%%f%%' 5",
        ),
    ]);
}

#[test]
fn nproc() {
    compare(&[
        case("nproc"),
        case("nproc --all"),
        case("nproc --ignore=1; nproc --ignore=99"),
        case("OMP_NUM_THREADS=5 nproc; OMP_NUM_THREADS=4,2 nproc; OMP_NUM_THREADS=x nproc"),
        case("OMP_THREAD_LIMIT=1 nproc; OMP_NUM_THREADS=5 nproc --all"),
        case("nproc --ignore=x; echo $?"),
        case("nproc a; echo $?"),
    ]);
}

#[test]
fn file() {
    compare(&[
        case("file lines.txt empty dir nosuch; echo $?"),
        case("ln -s lines.txt link; file link; file -L link; file -b -L link words.txt"),
        fed("file -", "from standard input\n"),
        case(
            "printf '#!/bin/sh\\necho\\n' > s; printf '#!/usr/bin/env python3\\n' > p; \
             printf '#!/usr/bin/perl\\n' > pl; printf '#!/opt/x -y\\n' > x; file s p pl x",
        ),
        case(
            "printf 'a\\r\\nb\\r\\n' > crlf; printf 'no end' > bare; printf 'caf\\351\\n' > latin; \
             printf 'h\\303\\251\\n' > utf8; printf '\\357\\273\\277bom\\n' > bom; \
             printf 'a\\033[0m\\bz\\n' > esc; printf '\\001\\002' > bin; file crlf bare latin utf8 bom esc bin",
        ),
        case("head -c 400 /dev/zero | tr '\\0' x > long; echo >> long; file long"),
        case(
            "printf '\\0asm\\1\\0\\0\\0' > m.wasm; printf '%%PDF-1.7\\n' > d.pdf; \
             printf '<!DOCTYPE html>\\n<p>\\n' > h.html; file m.wasm d.pdf h.html",
        ),
        case(
            "printf '\\037\\213\\010\\010\\0\\0\\0\\0\\0\\003a.txt\\0xxxxxxxx\\006\\0\\0\\0' > a.gz; \
             file a.gz",
        ),
        case("tar cf t.tar lines.txt 2>/dev/null; file t.tar"),
    ]);
}

/// hexdump against util-linux's: the display options, format strings (units, byte
/// counts, `%_a %_A %_c %_p %_u`, floats), squeezed repeats, and a last block cut short.
#[test]
fn hexdump_formats_as_util_linux() {
    let files = "printf 'hello world, this is a test\\n\\0\\1\\2' > a; \
        printf 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab' > c; : > e; \
        printf '\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0' > z11; \
        printf '\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0' > z12; \
        printf \"$(printf '\\\\%03o' $(seq 0 255))\" > bytes; ";
    compare(&after(
        files,
        &[
            "hexdump a; hexdump -C a; hexdump -b a; hexdump -c a",
            "hexdump -d a; hexdump -o a; hexdump -x a; hexdump -x -c a",
            "hexdump -C bytes; hexdump -c bytes; hexdump bytes | tail -3",
            "hexdump -C c; hexdump -v -C c; hexdump -C e; hexdump e; echo $?",
            "hexdump -e '1/1 \"%02x|\"1/1 \"%02x!\\n\"' z11 z12",
            "hexdump -e '1/1 \"%02x|\"1/1 \"%02x!\\n\"' z12",
            "hexdump -e '16/1 \" %3_u\" \"\\n\"' bytes",
            "hexdump -e '16/1 \" %4d\" \"\\n\"' bytes",
            "hexdump -e '\"%_ad:\" 2/1 \"%c\" \"\\n\"' a",
            "hexdump -e '1/4 \"%d\\n\"' -e '\"end %_Ax\\n\"' a",
            "hexdump -s 2 -n 3 -C a; hexdump -n 20 -C bytes",
            "hexdump -e '\"%07.7_ax  \" 8/2 \"%6d \" \"\\n\"' bytes",
            "hexdump -e '2/4 \"%x \" \"\\n\"' -e '1/8 \"%016x\" \"\\n\"' bytes",
            "hexdump -e '8/1 \"%-3_c|\" \"\\n\"' -e '4/2 \"%+5i\" \"\\n\"' a",
            "hexdump -e '8/1 \"%#o \" \"\\n\"' a; hexdump -e '\"%_p\"' a",
            "hexdump -e '1/4 \"%e\\n\"' -e '1/8 \"%g\\n\"' bytes | head -20",
            "hexdump -e '1/5 \"%s|\\n\"' a; hexdump -e '\"%_Ad\\n\"' a",
            "hexdump -C nofile a; echo $?; hexdump -e '\"%z\"' a; echo $?",
        ],
    ));
}

/// basenc's encodings and base32 (basenc under a second name) against GNU's: encoding,
/// wrapping, decoding group by group up to an invalid character, `-i`, and Z85's lengths.
#[test]
fn basenc_and_base32_as_gnu() {
    compare(&[
        case("printf hello | base32; printf hello | base32 | base32 -d; printf '' | base32"),
        case("printf 'NBSWY3DP' | base32 -d; printf 'NBSWY3D' | base32 -d; echo \" $?\""),
        case(
            "printf 'NBSWY3DPEE======NBSWY3DP\\n' | base32 -d; printf 'nbswy3dp' | base32 -d; echo \" $?\"",
        ),
        case(
            "printf 'NB!SWY3DP' | base32 -d; echo \" $?\"; printf 'NB!SWY3DP' | base32 -di; echo \" $?\"",
        ),
        case(
            "printf 'NBSWY3DP NBSWY3DP' | base32 -d; echo \" $?\"; printf 'NBSWY===' | base32 -d | od -c",
        ),
        case("head -c 100 /dev/zero | base32 -w 20; head -c 100 /dev/zero | base32 -w 0; echo"),
        case(
            "printf hello | basenc --base16; printf 68656c6c6f | basenc --base16 -d; echo \" $?\"",
        ),
        case("printf 68656C6C6F | basenc --base16 -d; printf 6 | basenc --base16 -d; echo \" $?\""),
        case("printf hi | basenc --base2msbf; printf hi | basenc --base2lsbf"),
        case(
            "printf 0110100001101001 | basenc --base2msbf -d; printf 0001011010010110 | basenc --base2lsbf -d",
        ),
        case(
            "printf hell | basenc --z85; printf hello | basenc --z85; echo \" $?\"; printf 'xK#0@' | basenc --z85 -d",
        ),
        case(
            "printf '??>>' | basenc --base64url; printf '??>>' | basenc --base64; printf 'Pz8-Pg==' | basenc --base64url -d",
        ),
        case(
            "printf 'Pz8' | basenc --base64 -d; echo \" $?\"; printf 'Pz8=Pz8=' | basenc --base64 -d",
        ),
        case("printf hello | basenc --base32hex; printf D1IMOR3F | basenc --base32hex -d"),
        case("printf hello | basenc; echo $?; base32 nofile; echo $?; base32 a b; echo $?"),
        case("base32 --base16 lines.txt; echo $?; base32 -w x lines.txt; echo $?"),
        case(
            "seq 1 1000 | basenc --base32 | basenc --base32 -d | md5sum; seq 1 1000 | basenc --base2msbf -w 50 | tail -2",
        ),
    ]);
}

/// `/dev/stdin`, `/dev/stdout` and `/dev/stderr` open the opening process's own streams,
/// whatever they are (a pipe, a file, the console), as on Linux.
#[test]
fn dev_stdin_stdout_and_stderr_are_the_programs_streams() {
    compare(&[
        case("echo x | cat /dev/stdin; cat /dev/stdin < lines.txt | head -2"),
        case("echo hi | tee /dev/stderr 2>&1 >/dev/null | tr a-z A-Z"),
        case("echo out | cat /dev/stdin > /dev/stdout; printf 'a\\nb\\n' | sed p /dev/stdin"),
        case(
            "echo gone | tee /dev/stderr 2>/dev/null; echo err | cat /dev/stdin >/dev/stderr 2>&1",
        ),
        case(
            "wc -l /dev/stdin < words.txt; printf '3\\n1\\n2\\n' | sort /dev/stdin -o /dev/stdout",
        ),
        case("ls -d /dev/stdin /dev/stdout /dev/stderr; test -e /dev/stdin && echo exists"),
    ]);
}

/// df with FILE operands shows only the file systems that hold them, as GNU's df.
#[test]
fn df_shows_the_file_system_of_each_operand() {
    compare(&[
        case("df . | tail -n +2 | wc -l; df lines.txt dir | tail -n +2 | wc -l"),
        case("df nosuch; echo $?; df nosuch . | tail -n +2 | wc -l"),
    ]);
}

/// pathchk against GNU's: `-p`'s portable characters and POSIX limits, `-P`'s empty names
/// and leading `-`, this system's limits and names whose directory cannot hold them.
#[test]
fn pathchk_as_gnu() {
    compare(&[
        case("pathchk lines.txt dir nosuch dir/nosuch; echo $?"),
        case("pathchk -p 'a b' \"a'b\" 'a*b' ok.name; echo $?"),
        case("pathchk -p \"$(printf 'caf\\303\\251')\"; echo $?"),
        case("pathchk -p abcdefghijklmnopq a/abcdefghijklmnopq abcdefghijklmn; echo $?"),
        case("pathchk -p \"$(printf 'ab/%.0s' $(seq 90))\"; echo $?"),
        case("pathchk -P -- -x a/-b ''; echo $?; pathchk --portability -a; echo $?"),
        case("pathchk ''; pathchk -p ''; echo $?; pathchk; echo $?"),
        case("pathchk \"$(printf 'y%.0s' $(seq 300))\" 2>&1 | cut -c 300-; pathchk lines.txt/x"),
        case("pathchk \"$(printf 'a/%.0s' $(seq 2100))\" 2>&1 | cut -c 1-60"),
        case("pathchk -p \"$(printf 'a\\377b')\" \"$(printf 'a\\tb')\" 'a\\b'; echo $?"),
        case(
            "for n in 'a b' '#x' 'x#' a=b a:b 'a{b'; do pathchk \"$n$(printf 'y%.0s' $(seq 300))\" 2>&1 | cut -c 1-20; done",
        ),
    ]);
}

/// arch and hostid against GNU's: what they print is this machine's, so compared is its
/// shape, and their usage errors.
#[test]
fn arch_and_hostid_as_gnu() {
    compare(&[
        case("[ \"$(arch)\" = \"$(uname -m)\" ] && echo same; arch x; echo $?; arch -q; echo $?"),
        case("hostid | grep -c '^[0-9a-f]\\{8\\}$'; hostid x; echo $?; hostid -q; echo $?"),
    ]);
}

/// uniq reads its input in blocks: lines longer than a block, and groups and files that
/// end between blocks, come out as GNU's do.
#[test]
fn uniq_lines_across_blocks_as_gnu() {
    compare(&[
        case(
            "head -c 300000 /dev/zero | tr '\\0' a > big; (cat big; echo; cat big; echo; cat big) | uniq -c | cut -c 1-12",
        ),
        case(
            "head -c 300000 /dev/zero | tr '\\0' b > big; (cat big; echo; cat big; echo) > twice; uniq -c twice | cut -c 1-12; uniq -d twice | wc -c",
        ),
        case(
            "seq 100000 | sed 's/$/ x/' | cut -c 1-3 | uniq -c | tail -3; printf 'a\\na' | uniq -c",
        ),
    ]);
}

/// fmt against GNU's: the same line breaks (GNU's costs of short, ragged, widowed and
/// orphaned lines and of breaks after sentences), indentation and tabs kept, `-c -t -s
/// -u -p -w -g`, the obsolete `-WIDTH`, paragraphs too long to hold at once, and errors.
#[test]
fn fmt_breaks_lines_as_gnu() {
    const TEXT: &str = "for i in $(seq 1 400); do printf 'word%s ' $i; [ $((i % 7)) = 0 ] && printf 'End. '; [ $((i % 11)) = 0 ] && printf '(aside), '; [ $((i % 60)) = 0 ] && printf '\\n\\n'; [ $((i % 9)) = 0 ] && printf '\\n'; done > t; ";
    compare(&after(
        TEXT,
        &[
            "fmt t",
            "fmt -w 40 t; fmt -50 t | head -20",
            "fmt -u -w 30 t | head -40; fmt -s -w 20 t | head -30",
            "sed 's/^/  /; 3~4s/^/\\t/' t | fmt -c | head -40",
            "sed '1~3s/^/    /' t | fmt -t -w 45 | head -40",
            "sed 's/^/# /' t | fmt -p '# ' -w 50 | head -30; printf 'a b\\n# c d\\n' | fmt -p '#'",
            "fmt -w 60 -g 40 t | head; fmt -g 30 t | head",
            "for i in $(seq 3000); do printf 'w%s ' $i; done | fmt -w 70 | md5sum",
            "head -c 7000 /dev/zero | tr '\\0' x | fmt | wc -c; printf 'no newline at end' | fmt",
            "fmt -w 2501 t; fmt -g 80 t; fmt -w x t; fmt t -60; echo $?",
            "fmt nosuch t | wc -l; fmt dir; echo $?",
            "printf 'ab\\rcd\\f\\tx y\\0 (z\\0\\n\\0' > b; fmt b | od -c; fmt -w 5 b | od -c",
        ],
    ));
}

/// groups against GNU's: the names are this machine's, so compared is their shape, and a
/// user that does not exist among others.
#[test]
fn groups_as_gnu() {
    compare(&[
        case("[ \"$(groups)\" = \"$(id -gn)\" ] && echo same; groups | wc -w"),
        case("groups \"$(id -un)\" nosuch \"$(id -un)\" | sed 's/[a-z]\\{1,\\}/X/g'; echo $?"),
        case("groups nosuch; echo $?; groups -x; echo $?"),
    ]);
}

#[test]
fn look() {
    let words = "printf 'apple\\nApricot\\nbanana\\nband\\nbandana\\nBanner\\ncar\\n' > w; \
                 printf 'a b\\nab\\na-b\\nabc\\n' > u; seq 1000 | sort > n; ";
    compare(&after(
        words,
        &[
            "look ban w; echo $?; look -f ban w; look zz w; echo $?",
            "look -d 'a b' u; echo $?; look -d a- u; look --alph ab u",
            "look -t b ab u; look -t x ab u; look --term=b ab u; look -t '' ab u",
            "look '' u; echo $?; look -f AB u; look ab -f u",
            "look a empty; echo $?; look a dir; echo $?; look a nosuch; echo $?",
            "look a b c; echo $?; look; echo $?; look -x a u; echo $?; look -t; echo $?",
            "printf 'abc\\nabd\\n' > l; WORDLIST=l look AB; echo $?; WORDLIST=nosuch look ab; echo $?",
            "printf 'ab\\nab' | look ab /dev/stdin; echo $?; printf 'ab\\nab' > e; look a e",
            "look 99 n; look 5 n | wc -l; look -d 1-0 n",
            "look -h; look --help | head -3",
        ],
    ));
}

#[test]
fn locale() {
    compare(&[
        case("env -i locale; env -i LANG=C.UTF-8 LC_TIME=POSIX locale"),
        case(
            "env -i LC_ALL=C.utf8 LANGUAGE=en locale; env -i LANG=xx_YY.UTF-8 LC_CTYPE=C.UTF-8 locale; echo $?",
        ),
        case(
            "env -i LANG=c.utf8 locale; env -i LANG=C.UTF-8@x locale | head -3; env -i LC_ALL=POSIX locale",
        ),
        case(
            "locale -a; locale charmap; env -i LANG=C.UTF-8 locale charmap; env -i locale -k LC_NUMERIC",
        ),
        case("env -i LANG=C.UTF-8 LC_NUMERIC=C locale -ck numeric-codeset LC_PAPER decimal_point"),
        case("env -i LC_ALL=C.UTF-8 locale LC_TIME LC_IDENTIFICATION; locale -k LC_CTYPE era"),
        case(
            "locale nope decimal_point; echo $?; locale LC_ALL; echo $?; locale decimal_point nope era",
        ),
        case("locale -x; echo $?; locale --bogus; echo $?; locale --cat decimal_point"),
    ]);
}
