//! Userland against GNU coreutils: each command line runs in bash with the GNU tools of this
//! machine and in wasmix, over the same files (a host directory mounted into wasmix), and
//! what they print and their statuses must be the same.

mod support;

use support::gnu::{after, case, compare, fed};

#[test]
fn echo() {
    compare(&[
        case("echo hello   world"),
        case("echo -n no newline"),
        case(r"echo -e 'a\tb\nc\x41\0101'"),
        case(r"echo -E 'a\tb'"),
        case("echo -nx -- -n"),
        case(r"echo -e 'stop\cnot shown'"),
    ]);
}

#[test]
fn cat() {
    compare(&[
        case("cat lines.txt"),
        case("cat -n lines.txt words.txt"),
        fed("cat - lines.txt", "from stdin\n"),
        case("cat nosuch lines.txt"),
        case("cat dir"),
        case("cat --bogus"),
    ]);
}

#[test]
fn true_and_false() {
    compare(&[
        case("true; echo $?"),
        case("true anything at all; echo $?"),
        case("false; echo $?"),
        case("false --bogus; echo $?"),
    ]);
}

#[test]
fn yes() {
    compare(&[
        case("yes | head -n 3"),
        case("yes abc def | head -n 2"),
        case("yes | head -c 5"),
        case("yes --bogus"),
    ]);
}

#[test]
fn head() {
    compare(&[
        case("head lines.txt"),
        case("head -n 3 lines.txt"),
        case("head -3 lines.txt"),
        case("head -c 10 lines.txt"),
        case("head -n -2 lines.txt"),
        case("head -c -5 words.txt"),
        case("head -n 2 lines.txt words.txt"),
        case("head -q -n1 lines.txt words.txt"),
        case("head -n 2 nosuch lines.txt"),
        case("head -n x lines.txt"),
        case("head -c 1K lines.txt"),
        fed("head -n 1", "one\ntwo\n"),
        // What head read past its lines goes back to a file stdin for the next reader.
        case("{ head -n 2; cat; } < lines.txt; { head -c 9; echo; cat; } < words.txt"),
        case("{ head -n 1 > /dev/null; head -n 2; head -c 3; echo; sed 1q; } < lines.txt"),
        case("{ head -n -3; echo; cat; } < lines.txt; cat lines.txt | { head -n 1; cat; }"),
        case("{ head -c -5; echo \"|\"; cat; } < lines.txt"),
    ]);
}

/// Files read a chunk at a time straight into the program's memory (`wc`, checksums), or
/// whole in one read (`diff`): sizes about the chunk's and the kernel's cap on a read of
/// another kind, on a host mount and in memory (a temporary directory).
#[test]
fn chunked_reads_at_their_boundaries() {
    let setup = "for n in 0 1 262143 262144 262145 1048576 1048577 3000000; do \
                 head -c $n /dev/zero | tr '\\0' x > f$n; echo >> f$n; done; ";
    compare(&after(
        setup,
        &[
            "wc -c f*; md5sum f* | sort; diff f1048577 f3000000 | md5sum",
            "d=$(mktemp -d); cp f* $d; cd $d && wc -lc f* && cksum f262145 f3000000; \
             diff f3000000 f1048576 | md5sum; rm -r $d",
        ],
    ));
}

#[test]
fn wc() {
    compare(&[
        case("wc lines.txt"),
        case("wc -l lines.txt words.txt"),
        case("wc -w words.txt"),
        case("wc -c lines.txt"),
        case("wc -lc empty words.txt"),
        case("cat lines.txt | wc"),
        case("cat words.txt | wc -l"),
        case("wc nosuch lines.txt"),
        case("wc -x"),
        // Around the edges of the 512-byte steps and of the 7-step blocks whose
        // one-byte counters are emptied before they overflow (all newlines, then lines).
        case(
            "for n in 0 1 63 64 65 511 512 513 3583 3584 3585 7168 7169 16320 100000; do \
             yes '' | head -c $n | wc -l; seq 30000 | head -c $n | wc -l; done",
        ),
        // Words counted 64 bytes at a time: words across the edges of the steps, white
        // space of each kind, control bytes (neither in a word nor between words) and
        // bytes above 127, in single bytes and in UTF-8.
        case(
            "for n in 63 64 65 127 128 129 1000 70000 300000; do \
             seq 100000 | tr '0-5' ' \\t\\n\\001a\\v' | head -c $n > t; \
             wc -w t; wc -wmc t; LC_ALL=C.UTF-8 wc -wm t; \
             printf '%*s%s' $n '' 'ab cd' | LC_ALL=C.UTF-8 wc -w; \
             { yes abcdefg | tr -d '\\n' | head -c $n; printf '\\200\\r\\fx'; } | wc -wlc; done",
        ),
    ]);
}

#[test]
fn seq() {
    compare(&[
        case("seq 5"),
        case("seq 2 5"),
        case("seq 1 2 10"),
        case("seq 5 -1 1"),
        case("seq -3 -1"),
        case("seq -s, 1 5"),
        case("seq -w 8 11"),
        case("seq 0 0.1 0.3"),
        case("seq 1 0.5 3"),
        case("seq 1 0"),
        case("seq"),
        case("seq a"),
        case("seq 1 0 3"),
        case("seq 1 2 3 4"),
    ]);
}

#[test]
fn seq_format() {
    compare(&[
        case("seq -f 'a%%b%gc' 1 3"),
        case("seq -f '%.2f' 0 0.5 1.5"),
        case("seq -f '%03g' 8 11"),
        case("seq --format='%-5g|' 1 3"),
        case("seq -f '%5.1e|' 1 3 10"),
        case("seq -f '%.3e' 100 -33.5 1"),
        case("seq -f '%08.3f' -1 .25 0"),
        case("seq -f '%g' -0 1"),
        case("seq -f '%#g' 1 1; seq -f '%+g' 1 1; seq -f %E 123456789 123456789"),
        case("seq -f '%Lg' -s, 1 5"),
        case("seq -f '%g' 0.1 0.1 0.3"),
        case("seq -f 'x' 1 2"),
        case("seq -f '%g%g' 1 2"),
        case("seq -f '%g %' 1 2"),
        case("seq -f '%d' 1 2"),
        case("seq -f '%hg' 1 2"),
        case("seq -f '%' 1 2"),
        case("seq -w -f '%g' 1 2"),
        case("printf '%g %#g %#.3g|' -0 -0 -0"),
    ]);
}

#[test]
fn sleep() {
    compare(&[
        case("sleep 0.1; echo done"),
        case("sleep 0.05 0.05s; echo done"),
        case("sleep x"),
        case("sleep"),
    ]);
}

#[test]
fn ls() {
    compare(&[
        case("ls"),
        case("ls -a"),
        case("ls -A dir"),
        case("ls -1 lines.txt dir nosuch"),
        case("mkdir -p dir/sub; touch dir/sub/x dir/y; ls -R dir"),
        case("ls -r"),
        case("ls -d dir lines.txt"),
        case("ls nosuch"),
    ]);
}

#[test]
fn mkdir_and_rmdir() {
    compare(&[
        case("mkdir new && ls -d new"),
        case("mkdir dir"),
        case("mkdir -p a/b/c && ls -R a"),
        case("mkdir -pv x/y"),
        case("mkdir"),
        case("mkdir nosuch/x"),
        case("mkdir -p d/e && rmdir -p d/e && ls"),
        case("rmdir lines.txt"),
        case("rmdir nosuch dir; ls"),
    ]);
}

#[test]
fn rm() {
    compare(&[
        case("rm lines.txt && ls"),
        case("rm nosuch"),
        case("rm -f nosuch; echo $?"),
        case("rm dir"),
        case("mkdir -p t/u && touch t/u/f && rm -r t && ls"),
        case("rm -d dir && ls"),
        case("rm -rv dir"),
        case("rm"),
    ]);
}

#[test]
fn cp_and_mv() {
    compare(&[
        case("cp lines.txt copy && cat copy"),
        case("cp lines.txt words.txt dir && ls dir"),
        case("cp nosuch x"),
        case("cp dir x"),
        case("cp lines.txt lines.txt"),
        case("cp -r dir d2 && ls"),
        case("cp lines.txt words.txt empty"),
        case("cp lines.txt words.txt nosuch"),
        case("mv lines.txt moved && ls"),
        case("mv words.txt dir && ls . dir"),
        case("mv nosuch x"),
        case("mv -v empty e2"),
        case("cp"),
    ]);
}

#[test]
fn touch_ln_readlink_stat() {
    compare(&[
        case("touch new && ls"),
        case("touch -c none; ls"),
        case("touch nosuch/x"),
        case("ln -s lines.txt link && cat link | head -n 2 && readlink link"),
        case("ln -s lines.txt words.txt"),
        case("ln lines.txt hard && cat hard | head -n 2 && ls -l hard | cut -d' ' -f2"),
        case("ln lines.txt words.txt; ln dir d2; ln nosuch x; echo $?"),
        case("ln -f lines.txt words.txt && cat words.txt | wc -l"),
        case("mkdir d && ln lines.txt empty d && ls d"),
        case("readlink lines.txt; echo $?"),
        case("ln -s lines.txt link && readlink -f link | wc -l"),
        case("mkdir -p a/b && ln -s ../../lines.txt a/b/up && cat a/b/up | wc -l"),
        case("stat -c '%n %s %F' lines.txt empty dir"),
        case("ln -s words.txt l && stat -c '%N %F' l"),
        case("stat nosuch"),
    ]);
}

#[test]
fn stat_printf_and_unknown_sequences() {
    compare(&[
        case("stat --printf='%n\\n' lines.txt words.txt"),
        case("stat --printf='%n %s\\t|\\101\\\\' lines.txt"),
        case("stat -c '%n\\n%s' lines.txt"),
        case("stat --printf='%q %' lines.txt"),
        case("stat -c '%q|%Q|%' lines.txt"),
        case("stat --printf '[%n]' lines.txt nosuch; echo \" $?\""),
    ]);
}

#[test]
fn find() {
    compare(&[
        case("find dir"),
        case("find . -name 'l*.txt'"),
        case("find . -iname 'WORDS*'"),
        case("find . -type f -name empty"),
        case("mkdir -p a/b/c; find a -maxdepth 1"),
        case("mkdir -p a/b/c; find a -mindepth 2 -type d -name c"),
        case("find nosuch"),
        case("find . \\( -name '*.txt' -o -name empty \\) -type f | sort"),
        case("find . ! -name '*.txt' -type f -a -print | sort"),
        case("find . -type f -exec echo got {} \\; | sort"),
        case("find . -type f -exec echo {} + | tr ' ' '\\n' | sort"),
        case("find . -name 'l*' -print0 | tr '\\0' '\\n'"),
        case("find . -printf '%d %y %f %P|%h\\n' | sort"),
        case("mkdir -p a/b; touch a/b/x a/y; find a -path '*b*' -prune -o -print | sort"),
        case("find . -empty | sort"),
        case("find . -type f -size -1 , -name 'w*' -size +0c | sort"),
        case("mkdir -p a/b; touch a/b/x; find a -delete; echo $?; ls"),
        case("find . -name empty -print -quit; find . -quit"),
        case("find . -mmin -60 -type f | sort; find . -mtime +1"),
        case("find . -newer empty -name x; find . -bogus; find . -name; find . -type q"),
        // -execdir: in the name's directory, the name as ./NAME; `+` once per directory.
        case(
            "mkdir -p top/a/b; cd top; touch a/f1 a/b/f2; find a -execdir sh -c 'echo \"${PWD##*/} $*\"' x {} \\; | sort",
        ),
        case("mkdir -p a/b; touch a/f1 a/b/f2; find a -name 'f*' -execdir echo {} + | sort"),
        case(
            "mkdir -p top/a; cd top; find \"$PWD/a\" -maxdepth 0 -execdir pwd \\; | sed 's|.*/||'",
        ),
        case(
            "mkdir a; touch a/f; find a -name f -execdir false \\;; echo $?; find a -name f -execdir false {} +; echo $?; find a -execdir; echo $?",
        ),
    ]);
}

#[test]
fn tee() {
    compare(&[
        fed("tee out && cat out", "one\ntwo\n"),
        fed(
            "tee -a lines.txt > /dev/null && cat lines.txt | wc -l",
            "more\n",
        ),
        fed("tee a b > /dev/null && cat a b", "x\n"),
        fed("tee nosuch/x", "y\n"),
    ]);
}

#[test]
fn tail() {
    compare(&[
        case("tail lines.txt"),
        case("tail -n 3 lines.txt"),
        case("tail -3 lines.txt"),
        case("tail -n +10 lines.txt"),
        case("tail -c 8 lines.txt"),
        case("tail -c +70 lines.txt"),
        case("tail -n 2 lines.txt words.txt"),
        case("tail -n x lines.txt"),
        case("tail nosuch"),
        fed("tail -n 1", "a\nb\n"),
    ]);
}

#[test]
fn sort() {
    compare(&[
        case("sort words.txt"),
        case("sort -r lines.txt"),
        fed("sort -n", "10\n9\n-1\n100\nx\n2.5\n"),
        fed("sort -u", "b\na\nb\na\n"),
        fed("sort -k2", "x 3\ny 1\nz 2\n"),
        fed("sort -t: -k2n", "a:10\nb:9\nc:100\n"),
        fed("sort -k2,2 -k1r", "b 1\na 1\nc 0\n"),
        fed("sort -h", "1K\n2M\n512\n1G\n"),
        fed("sort -rn", "1\n3\n2\n"),
        // -g reads each key as C's strtod does: hexadecimal, infinities, NaN, exponents
        // only with digits after them, and the longest number at the start.
        fed(
            "sort -g",
            "10\n0x10\n0x1p4\n0x.8\n0x1.8p1\n-0x10\n0X1F\n0xg\n0x\n3.\n.5\n.\n-\n+5\n\
             1e\n1e+\n2e1x\n-inf\nInfinity\n-NaN\nabc\n 7\n\t8\n1.5\n1,5\n5E-1\n00012\n",
        ),
        // Lines that differ after their first eight bytes, shorter ones, NULs and bytes
        // above 127: the order of whole lines is decided by eight bytes at a time.
        case(
            "printf 'abcdefghj\\nab\\nabcdefgh\\nab\\000\\na\\n\\nabcdefghi\\nabcdefgh\\000x\\n\\377\\nabcdefgh\\n' > m; \
             sort m | od -c; sort -r m | od -c; sort -u m | od -c",
        ),
        case(
            "seq 100000 | rev > big; sort big | md5sum; sort -r big | md5sum; sort -u big | wc -l",
        ),
        case("sort nosuch"),
        case("sort -t ab"),
    ]);
}

#[test]
fn uniq() {
    compare(&[
        fed("uniq", "a\na\nb\na\n"),
        fed("uniq -c", "a\na\nb\na\n"),
        fed("uniq -d", "a\na\nb\nc\nc\n"),
        fed("uniq -u", "a\na\nb\nc\nc\n"),
        fed("uniq -i", "A\na\nb\n"),
        case("uniq nosuch"),
    ]);
}

#[test]
fn cut() {
    compare(&[
        fed("cut -d: -f1,3", "a:b:c:d\nnone\n"),
        fed("cut -d: -f2-", "a:b:c:d\n"),
        fed("cut -s -d: -f1", "a:b\nnone\n"),
        fed("cut -c2-4", "abcdef\n"),
        fed("cut -b-2,5", "abcdef\n"),
        case("cut -f1 words.txt"),
        case("cut lines.txt"),
        case("cut -f0 lines.txt"),
    ]);
}

#[test]
fn cut_complement_output_delimiter_and_nul_lines() {
    compare(&[
        fed("cut -d' ' -f2 --complement", "b 2 x\na 10\nnone\n"),
        fed("cut --complement -b1-2,4", "abcdef\nab\n"),
        fed("cut --complement -c2-", "abcdef\n"),
        fed("cut -c1,3-4 --output-delimiter=:", "abcdef\n"),
        fed("cut -c1-2,2-3 --output-delimiter=:", "abcdef\n"),
        fed("cut -b1,2 --output-delimiter=::", "abcdef\n"),
        fed("cut -d' ' -f1,3 --output-delimiter=--", "a b c d\n"),
        fed(
            "cut -d' ' -f2- --output-delimiter=X --complement",
            "a b c\n",
        ),
        fed("cut --complement -c1,3,5 --output-delimiter=,", "abcdef\n"),
        // GNU's -c counts bytes, in every locale.
        fed("cut -c2-3", "h\u{e9}llo\n"),
        case("printf 'a:b\\0c:d\\0' | cut -z -d: -f2 | od -c"),
        case("printf 'a:b\\0c' | cut -z -d: -f1 | od -c"),
    ]);
}

#[test]
fn tr() {
    compare(&[
        fed("tr a-z A-Z", "hello world\n"),
        fed("tr -d aeiou", "hello world\n"),
        fed("tr -s ' '", "a   b    c\n"),
        fed("tr '[:lower:]' '[:upper:]'", "MiXeD\n"),
        fed("tr -cd '[:digit:]\\n'", "a1b2c3\n"),
        fed("tr abc x", "aabbcc\n"),
        fed("tr -s a-z", "aabbccdd\n"),
        case("tr"),
        case("tr a b < dir; echo $?; tr -d a < dir; tr -s a b < dir"),
        // Past one chunk of input: a squeeze that spans two chunks.
        case("seq 200000 | tr 0-9 a-j | md5sum; seq 200000 | tr -d 5 | md5sum"),
        case(
            "seq 200000 | tr -s 1 | md5sum; (head -c 262143 /dev/zero; printf '\\0\\0a') | tr -s '\\0' | od -c",
        ),
    ]);
}

#[test]
fn grep_plain_strings_over_many_blocks() {
    // Past a 256 KiB block: lines that match and do not, a string split across blocks.
    let setup = "seq 1 90000 | sed 's/7/the a.b /; s/3$/th/' > big; printf 'the\\nx' >> big; ";
    compare(&after(
        setup,
        &[
            "grep -c the big; grep -c -F a.b big; grep -c 'a.b' big; grep -c -v the big",
            "grep -n 'the a' big | tail -3; grep -v 7 big | md5sum; grep the big | md5sum",
            "grep -c -F 'th' big; grep -c '3th' big; grep -o 'e a' big | wc -l",
        ],
    ));
}

#[test]
fn grep() {
    compare(&[
        case("grep line lines.txt | head -n 3"),
        // With -m, a file stdin is left after the last selected line for the next reader.
        case("{ grep -m1 5; cat; } < lines.txt; { grep -m2 -A2 1; echo --; head -3; } < lines.txt"),
        case("{ grep -c -m1 4; head -1; } < lines.txt; { grep -m1 x; cat; } < lines.txt"),
        case("grep -n 'line 1' lines.txt"),
        case("grep -c line lines.txt words.txt"),
        case("grep -v line lines.txt words.txt"),
        case("grep -i THE words.txt"),
        case("grep -w the words.txt"),
        case("grep -o 'o[a-z]' words.txt"),
        case("grep -E 'fox|dog' words.txt"),
        case("grep -F 'a.b' words.txt; echo $?"),
        case("grep 'line 1\\+' lines.txt"),
        case("grep -l the lines.txt words.txt"),
        case("grep -x 'line 12' lines.txt"),
        case("grep nothing lines.txt; echo $?"),
        case("grep line nosuch; echo $?"),
        case("grep -r jumps ."),
        case("grep -q line lines.txt; echo $?"),
        case("grep"),
    ]);
}

#[test]
fn basename_dirname_rev_tac_nl() {
    compare(&[
        case("basename /a/b/c.txt .txt"),
        case("basename -a /x/y /z/ w"),
        case("basename -s .txt a.txt b.txt"),
        case("basename /"),
        case("dirname /a/b/ a /a //x"),
        case("dirname"),
        case("rev lines.txt | head -n 2"),
        fed("rev", "abc\nxyz"),
        case("tac lines.txt"),
        fed("tac", "1\n2\n3"),
        case("nl words.txt"),
        case("nl -ba -w3 -s: words.txt"),
        case("nl -v 5 lines.txt | tail -n 2"),
    ]);
}

#[test]
fn tac_separators_before_and_after() {
    compare(&[
        case("tac -s ' ' words.txt | od -c"),
        case("tac -b -s 'o' words.txt; tac --before lines.txt | head -3"),
        fed("tac -s '::'", "x:::y"),
        fed("tac -b -s '::'", "x::y::"),
        fed("tac -s '' | od -c", "a\0b\0c"),
        case("tac -s; tac -s : empty; echo $?"),
    ]);
}

#[test]
fn nl_increments_and_formats() {
    compare(&[
        case("nl -v10 -i5 words.txt"),
        case("nl -nrz words.txt"),
        case("nl -nln -w3 words.txt"),
        case("nl -n rz -w 2 -v -3 words.txt"),
        case("nl -i -2 -v 3 words.txt"),
        case("nl -ba -nrz -s: words.txt"),
        case("nl -n xx words.txt"),
        case("nl -i x words.txt"),
    ]);
}

/// Translations that are a few ranges moving by one amount go sixteen bytes at a time:
/// every byte value, at every offset within a block and at the end.
#[test]
fn tr_by_ranges_translates_every_byte() {
    const ALL_BYTES: &str = "printf '%b' \"$(printf '\\\\x%x' $(seq 1 255))\" > all; \
                             cat all all all all > all4; ";
    compare(&after(
        ALL_BYTES,
        &[
            "tr a-z A-Z < all4 | od -c",
            "tr '\\200-\\377a-z' '\\0-\\177A-Z' < all4 | od -c",
            "tr 'a-zA-Z' 'n-za-mN-ZA-M' < all4 | od -c",
            "tr '\\001-\\377' '\\000-\\376' < all4 | od -c",
            "tr 'a-ec-gp-tz9' 'A-EC-GP-TZ0' < all4 | od -c",
            "head -c 37 all | tr a-z A-Z | od -c",
        ],
    ));
}

#[test]
fn tr_truncates_the_first_set() {
    compare(&[
        fed("tr -t abc x", "aabbcc\n"),
        fed("tr -t a-z A-C", "hello\n"),
        fed("tr -ts ab x", "aabbcc\n"),
        fed("tr -t a xyz", "banana\n"),
        fed("tr --truncate-set1 abc xy", "abcabc\n"),
    ]);
}

#[test]
fn printf() {
    compare(&[
        case("printf '%5.2f|%-4s|%03d|%x|%c|%s\\n' 3.14159 ab 7 255 hello a 1.5 c"),
        case("printf 'x\\ty\\\\n%%\\n'"),
        case("printf '%b\\n' 'a\\tb'"),
        case("printf '%s-%s\\n' 1 2 3"),
        case("printf '%e %g %G\\n' 12345.678 0.0001 1e20"),
        case("printf '[%#.0f][%#.0e][%#5.0f][%#.0E][%.0f]\\n' 3 -3 3 4 5"),
        case("printf '%+d % d %5s|%-5d|\\n' 5 6 x 7"),
        case("printf '%o %X %#x %#o\\n' 8 255 255 8"),
        case("printf '%d\\n' \"'A\" 0x10 010"),
        case("printf 'no newline'"),
    ]);
}

#[test]
fn base64_and_checksums() {
    compare(&[
        case("base64 lines.txt"),
        case("base64 -w 20 words.txt"),
        case("base64 lines.txt | base64 -d"),
        fed("base64 -d", "aGk=\n"),
        fed("base64", ""),
        fed("base64 -d", "!!!\n"),
        case("sha256sum lines.txt words.txt empty"),
        fed("sha256sum", "abc"),
        case("sha256sum lines.txt > sums; sha256sum -c sums"),
        case("sha256sum nosuch"),
        case("md5sum lines.txt words.txt"),
        fed("md5sum -", "abc"),
        case("md5sum words.txt > sums; echo x >> words.txt; md5sum -c sums; echo $?"),
    ]);
}

#[test]
fn date() {
    compare(&[
        case("date -u -d @0 +%Y-%m-%d"),
        case("date -u -d @1700000000"),
        case("date -u -d @1700000000 '+%s %j %a %b %H:%M:%S'"),
        case("date -u -d @86400 -I"),
        case("date -u -d @1700000000 -R"),
    ]);
}

#[test]
fn cmp() {
    compare(&[
        case(
            "printf 'hello\\nworld\\n' > a; printf 'hello\\nwprld\\nx\\n' > b; \
             cmp a b; echo $?; cmp -l a b; cmp -b a b; cmp -bl a b",
        ),
        case("printf 'hel' > c; cmp lines.txt c; cmp c lines.txt; cmp lines.txt empty"),
        case("cmp -l words.txt lines.txt; echo $?; printf 'a\\nb\\n' > d; cmp d lines.txt"),
        case("cmp -s lines.txt words.txt; echo $?; cmp lines.txt lines.txt; echo $?"),
        case("cmp lines.txt nosuch; echo $?; cmp lines.txt dir; echo $?"),
        case("cmp -n 3 lines.txt words.txt; echo $?; cmp -i 5 lines.txt lines.txt; echo $?"),
        case("cmp lines.txt words.txt 2 3; cmp -i 1:2 lines.txt words.txt; cmp -n 0 a b"),
        case("printf '\\200\\177\\001' > e; printf abc > f; cmp -bl e f; cmp -b e f"),
        fed("cmp lines.txt -; cmp -l lines.txt -", "line 1\nline 3\n"),
        case("cmp -l <(printf ab) <(printf ac); printf ab | cmp -l - <(printf ax)"),
    ]);
}

#[test]
fn mktemp() {
    compare(&[
        case(
            "f=$(mktemp); test -f \"$f\" && echo file; \
             case $f in /tmp/tmp.??????????) echo shape;; esac; rm \"$f\"",
        ),
        case("d=$(mktemp -d); test -d \"$d\" && echo dir; rmdir \"$d\""),
        case(
            "f=$(mktemp fooXXXX); test -f \"$f\" && echo ${#f}; case $f in foo????) echo ok;; esac",
        ),
        case(
            "f=$(mktemp --suffix=.txt barXXX); case $f in bar???.txt) test -f $f && echo ok;; esac",
        ),
        case("f=$(mktemp -p dir XXXXX); case $f in dir/?????) test -f $f && echo ok;; esac"),
        case(
            "mktemp -u XXXXXX | wc -c; ls | wc -l; mktemp fooXX; echo $?; mktemp a/b/XXXX; echo $?",
        ),
        case("mktemp --suffix=a/b XXX; echo $?; mktemp -t a/XXX; echo $?"),
    ]);
}

#[test]
fn truncate() {
    compare(&[
        case("truncate -s 5 lines.txt; cat lines.txt; echo; wc -c lines.txt"),
        case(
            "truncate -s 100 new; wc -c new; truncate -s +10 new; wc -c new; \
             truncate -s -50 new; wc -c new; truncate -s '<20' new; wc -c new; \
             truncate -s '>30' new; wc -c new; truncate -s /7 new; wc -c new; \
             truncate -s %8 new; wc -c new",
        ),
        case("truncate -s 1K a; truncate -s 1KB b; wc -c a b; truncate -r lines.txt c; wc -c c"),
        case("truncate -c -s 5 nothere; echo $?; ls nothere"),
        case("truncate lines.txt; echo $?; truncate -s 5; echo $?"),
        case("truncate -s x lines.txt; echo $?; truncate -s 5 dir; echo $?"),
    ]);
}

#[test]
fn printenv_tty_and_sync() {
    compare(&[
        case("FOO=bar printenv FOO; printenv NOPE_XYZ; echo $?; FOO=1 BAR=2 printenv FOO BAR"),
        case("env -i A=1 B=2 printenv; env -i A=1 printenv -0 | od -c"),
        fed("tty; echo $?; tty -s; echo $?", ""),
        case("sync; echo $?; sync lines.txt; echo $?; sync nosuch; echo $?"),
    ]);
}

#[test]
fn sha1sum_and_sha512sum() {
    compare(&[
        case("sha1sum lines.txt words.txt empty; sha512sum lines.txt words.txt"),
        case(
            "sha1sum lines.txt > sums; sha1sum -c sums; sha512sum words.txt > s5; sha512sum -c s5",
        ),
        case("sha1sum nosuch; echo $?; sha512sum dir; echo $?"),
        fed("sha1sum", "abc"),
        fed("sha512sum -", "abc"),
    ]);
}

#[test]
fn b2sum() {
    compare(&[
        case("b2sum lines.txt words.txt empty; b2sum -l 256 lines.txt; b2sum --length=64 empty"),
        case("b2sum --tag -l 128 words.txt; b2sum --tag empty; echo hi | b2sum -l 16 --tag"),
        case("b2sum -l 7 empty; echo $?; b2sum -l 520 empty; echo $?; b2sum -l x empty; echo $?"),
        case(
            "b2sum -l 256 lines.txt > l; b2sum -c l; b2sum --tag -l 8 words.txt empty > t; \
             b2sum -c t; b2sum lines.txt > f; b2sum -l 128 -c f; b2sum -l 0 words.txt",
        ),
        case(
            "printf 'bad\\n' | b2sum -c -w; echo $?; b2sum -l 256 lines.txt | sed 's/^/\\\\/' | b2sum -c",
        ),
    ]);
}

#[test]
fn readlink_and_realpath_modes() {
    // Absolute names differ between the two sides' directories: each is shown from `.`.
    let setup = "mkdir -p rl/d; ln -s d rl/l; ln -s nowhere rl/dangling; ln -s loop1 rl/loop2; \
                 ln -s loop2 rl/loop1; touch rl/d/f; here() { sed \"s|$PWD|.|\"; }; ";
    compare(&after(
        setup,
        &[
            "readlink rl/l rl/dangling rl/d; echo $?; readlink -v rl/l rl/d rl/nosuch; echo $?",
            "readlink -f rl/l/f rl/dangling rl/nosuch/x rl/loop1 | here",
            "readlink -ev rl/l/f rl/dangling rl/nosuch rl/loop1 rl/d/f/x | here",
            "{ readlink -m rl/nosuch/../x rl/loop1/x; readlink -n rl/l; readlink -n rl/l rl/d; } | here",
            "readlink -z rl/l rl/dangling | od -c",
            "for o in -f -e -m; do for p in rl/d/f/ rl/d/nosuch/ rl/l/ rl/dangling/ rl/d/f/. \
             rl/d/nosuch/x/ rl/loop1/x rl/d/f/..; do readlink -v $o $p; echo \"$o $p $?\"; done; done | here",
            "{ realpath --relative-to=rl/d rl/d/f rl rl/l/f rl/dangling; realpath --relative-base=rl rl/d/f . rl; } | here",
            "realpath --relative-base=. --relative-to=rl/d rl/d/f .; \
             realpath --relative-base=rl/d --relative-to=rl rl/d/f | here",
            "{ realpath -L rl/l/..; realpath -P rl/l/..; realpath -s rl/l/.. rl/d/f/ rl/l/; } | here",
            "{ realpath -L rl/loop1/..; realpath -L -e rl/nosuch/..; realpath -s rl/nosuch/x rl/d/f/x; } | here",
            "{ realpath -s rl/dangling/x/y rl/loop1/x; realpath -se rl/dangling; realpath -L rl/dangling/..; } | here",
        ],
    ));
}

#[test]
fn comm_order_checks_totals_and_nul_lines() {
    let setup = "printf 'b\\na\\nc\\n' > u1; printf 'a\\nb\\nd\\n' > s2; printf 'a\\nb\\nc\\n' > s1; \
                 printf 'a\\nc\\nb\\n' > u3; printf 'a\\0b\\0' > z1; printf 'b\\0c\\0' > z2; ";
    compare(&after(
        setup,
        &[
            "comm u1 s2; echo $?; comm --check-order u1 s2; echo $?; comm --nocheck-order u1 s2",
            "comm u3 u3; echo $?; comm --check-order u3 u3; echo $?; comm u3 s1; comm s1 u3",
            "comm --total s1 s2; comm -12 --total s1 s2; comm --output-delimiter=:: --total s1 s2",
            "comm -z z1 z2 | od -c; comm -z --total z1 z2 | od -c; comm --output-delimiter= s1 s2 | od -c",
            "basename -z a/b; basename -az a/b c/d/; dirname -z a/b /x | od -c",
            "printf 'b\\nd\\n' > p; printf 'b\\na\\n' > q; comm p q; echo $?; comm --check-order p q",
            "printf 'd\\nb\\nc\\nb\\n' > p; printf 'd\\na\\na\\n' > q; comm p q; comm --check-order p q",
            "comm --output-delimiter=a --output-delimiter=b s1 s2; echo $?; comm --output-delimiter=a \
             --output-delimiter=a s1 s2",
        ],
    ));
}

#[test]
fn zero_terminated_heads_and_tails_rmdir_and_uname() {
    let setup = "printf 'a\\0b\\0c\\0d\\0' > zz; ";
    compare(&after(
        setup,
        &[
            "head -z -n 2 zz | od -c; tail -z -n 2 zz | od -c; tail -z -n +3 zz | od -c",
            "head -z -n -1 zz | od -c; head --zero-terminated -n1 zz | od -c",
            "tail -f 'no such'; echo $?; tail -s x -f zz; echo $?; tail --pid=x -f zz; echo $?",
            "tail -s 0.1 --pid=999999 -f zz | od -c; echo $?",
            "mkdir -p rd/a/b rd/e && touch rd/a/f && rmdir --ignore-fail-on-non-empty rd/a; echo $?; \
             rmdir -v rd/e rd/nosuch; echo $?; mkdir -p rd/x/y/z; rmdir -pv rd/x/y/z; echo $?",
            "mkdir -p rd/q/w; touch rd/q/f; rmdir -p --ignore-fail-on-non-empty rd/q/w; echo $?; \
             rmdir rd/q; rmdir rd/q/f; rmdir -p rd/q/; echo $?",
            "uname -p; uname -i; uname -pi; uname -spi | wc -w; uname -a | grep -c unknown",
        ],
    ));
}

#[test]
fn join_headers_auto_format_nul_lines_and_raw_bytes() {
    let setup = "printf 'id name\\n1 a\\n2 b\\n' > j1; printf 'id age\\n1 30\\n3 40\\n' > j2; \
                 printf '1 a b c\\n2 x\\n' > ja; printf '1 p\\n2 q r s\\n' > jb; : > je; ";
    compare(&after(
        setup,
        &[
            "join --header j1 j2; join --header -a1 -a2 j1 j2; join --header -o 1.2,2.2 j1 j2",
            "join --header j1 je; echo $?; join --header je j2; join --header --check-order j1 j2",
            "join -o auto ja jb; join -o auto -e E ja jb; join -t, --header -o auto j1 j2",
            "printf 'a 1\\0b 2\\0' > z1; printf 'a x\\0c y\\0' > z2; join -z z1 z2 | od -c",
            "printf 'a \\377\\n' > bad; join bad bad | od -c",
        ],
    ));
}

#[test]
fn wc_and_du_read_names_from_a_file() {
    let setup =
        "printf 'lines.txt\\0words.txt\\0' > f0; printf 'lines.txt\\0\\0words.txt' > f1; : > f2; ";
    compare(&after(
        setup,
        &[
            "wc --files0-from=f0; wc --files0-from=f1; echo $?; wc --files0-from=f2; echo $?",
            "printf 'lines.txt\\0words.txt\\0' | wc -l --files0-from=-; wc --files0-from=f0 empty",
            "wc --files0-from=nosuch; echo $?; printf -- '-\\0' | wc --files0-from=-; echo $?",
            "printf 'empty\\0nosuch\\0lines.txt' | wc -c --files0-from=-; echo $?",
            "du -b --files0-from=f0; du -s --files0-from=f1; echo $?; du --files0-from=f0 dir; echo $?",
            "printf 'dir\\0-\\0' | du -c --files0-from=-; echo $?; du --files0-from=nosuch; echo $?",
        ],
    ));
}

#[test]
fn split_names_separators_and_chunks() {
    let setup = "seq 1 700 > s700; ";
    compare(&after(
        setup,
        &[
            "split -l1 s700 && ls x* | sed -n '649,652p;$p'; ls x* | wc -l",
            "split -l1 -d s700 && ls x* | sed -n '89,92p;$p'",
            "split -l1 -x s700 && ls x* | sed -n '239,242p;$p'",
            "split -l1 --numeric-suffixes=5 s700; echo $?; ls x* | sed -n '1p;94,95p;$p'",
            "split -l300 --verbose --additional-suffix=.txt s700; ls x*; split -a3 -l300 -d s700; ls x*0",
            "printf 'a,b,c' | split -t, -l1 --verbose; head x*",
            "split -n 5 -e /dev/null; ls x* | wc -l; split -n 3 /dev/null; ls x* | wc -l",
            "split --numeric-suffixes=1 -a1 -l100 s700; echo $?; ls x*",
            "printf 'a\\0b\\0' | split -t '\\0' -l1; od -c xab; split -t ab s700; split --additional-suffix=a/b s700",
        ],
    ));
}

#[test]
fn env_splits_strings_and_changes_directory() {
    compare(&[
        case(r#"env -S 'printf %s|\n a "b c" d\_e f\tg'; env -S 'printf [%s] a\cb c'; echo"#),
        case(r#"V=v env -S "printf [%s] 'x y' \"\${V}\" #comment"; env -S'printf [%s] x'; echo"#),
        case(r#"env -S "printf [%s] 'open"; echo $?; env -S 'printf [%s] $HOME'; echo $?"#),
        case(r#"env -S 'printf %s\q'; echo $?; V=v env -i -S 'A=${V}x env'; env -S '-i B=1 env'"#),
        case("env -C dir pwd | sed 's|.*/||'; env -C nosuch pwd; echo $?; env -C dir; echo $?"),
        case(
            "echo '#!/bin/env -S printf [%s] a \"b c\"' > s; chmod +x s; ./s | sed 's|\\]\\[[^]]*\\]$|]|'",
        ),
        case("env printf 'x\\n' a; echo $?; env printf '%%\\n' a b; env printf 'x\\c' a; echo"),
    ]);
}

#[test]
fn cksum_algorithms() {
    compare(&[
        case("cksum -a sha256 lines.txt; cksum -a md5 --untagged words.txt; cksum -a sm3 empty"),
        case(
            "cksum -a sysv lines.txt; cksum -a bsd lines.txt empty; cksum -a crc --untagged empty",
        ),
        case("cksum -a blake2b -l 128 lines.txt; cksum -a blake2b words.txt; cksum --tag empty"),
        fed("cksum -a sha1; cksum -a sha1 --untagged -", "abc"),
        case("cksum -a md5 --tag --untagged empty; cksum -a md5 --untagged --tag empty"),
        case("cksum -a sha1 -z lines.txt | od -c; cksum -a sysv -c x; echo $?"),
        case("cksum -l 128 empty; echo $?; cksum -a md5 -l 128 empty; echo $?; cksum -a foo empty"),
        case(
            "cksum -a sha1 lines.txt > s; cksum -a sha256 words.txt >> s; \
             cksum -a blake2b -l 64 empty >> s; md5sum --tag lines.txt >> s; cksum -c s; \
             cksum -a sha1 -c s; echo $?",
        ),
        case("cksum -a sha1 --untagged empty | cksum -c; echo $?; printf 'bad\\n' | cksum -c -w"),
        case("cksum -a sm3 empty | cksum -c; cksum -a blake2b lines.txt | b2sum -c"),
        case("sum lines.txt words.txt; sum -s lines.txt; sum -r < words.txt; sum nosuch"),
    ]);
}

#[test]
fn checksum_lines_escape_names_and_take_every_form() {
    let setup = "touch 'x\\y' \"$(printf 'n\\nl')\" \"$(printf 'c\\rr')\"; \
                 h=$(md5sum < empty | cut -c1-32); ";
    compare(&after(
        setup,
        &[
            "md5sum x* n* c* > list; od -c list; md5sum -c list | od -c",
            "md5sum --tag x* n*; md5sum -z x* | od -c; sha1sum n* | sha1sum -c",
            "printf 'MD5(empty)= %s\\n' $h | md5sum -c; printf 'MD5 (empty)= %s\\n' $h | md5sum -c",
            "printf '  %s  empty\\n' $h | md5sum -c; printf '%s\\tempty\\n' $h | md5sum -c",
            "printf '%s empty\\n%s  empty\\n' $h $h | md5sum -c; echo $?",
            "printf '%s  empty\\n%s empty\\n' $h $h | md5sum -c; echo $?",
            "printf '%s  empty\\r\\n\\\\%s  x\\\\\\\\y\\n' $h $h | md5sum -c",
            "md5sum --tag -c list; md5sum -b -c list; md5sum --quiet lines.txt; \
             md5sum --ignore-missing lines.txt; md5sum --strict lines.txt",
        ],
    ));
}

#[test]
fn file_names_in_messages_are_quoted_as_gnu_quotes_them() {
    compare(&[
        case("cat 'no such' 'no:such' nosuch; wc 'no such'; cut -f1 'no such'; od 'no such'"),
        case("sha1sum 'no such'; cksum 'no such'; nl 'no such'; uniq 'no such'; paste 'no such'"),
        case("base64 'no such'; fold 'no such'; expand 'no such'; comm 'no such' empty"),
        case("tee '/nodir/a b' < empty; join 'no such' empty; tsort 'no such'; shuf 'no such'"),
        case("sum 'no such'; date -r 'no such'; realpath -e 'no such'; unexpand 'no such'"),
        case("sort 'no such'; sort -o '/nodir/a b' empty; split empty '/nodir/a b'; fold dir"),
        case("xargs -a 'no such' echo; csplit -f '/nodir/a b' lines.txt 1"),
    ]);
}

#[test]
fn strings_and_cksum() {
    compare(&[
        case(
            "printf 'ab\\0hello world\\0\\001\\002xyz\\tabc\\ndefgh\\200ijklmn' > bin; \
             strings bin; strings -n 3 bin; strings -t x bin; strings -t d -n 6 bin; strings -f bin",
        ),
        case("strings lines.txt | head -3; strings -3 words.txt; strings nosuch; echo $?"),
        fed("strings -o", "one\0two three\0"),
        case("cksum lines.txt words.txt empty; cksum nosuch; echo $?"),
        fed("cksum; cksum -", "abc"),
    ]);
}

#[test]
fn shuf() {
    compare(&[
        case("shuf lines.txt | sort; shuf -n 3 lines.txt | wc -l; shuf -n 0 lines.txt"),
        case("shuf -e a b c | sort; shuf -i 5-9 | sort -n; shuf -i 3-2; echo $?"),
        case("shuf -r -n 5 -e x | uniq -c; shuf -i 1-5 -o out; sort -n out"),
        case("shuf -z -e a b | tr '\\0' '\\n' | sort; shuf -i x; echo $?; shuf nosuch; echo $?"),
        fed("shuf | sort", "c\nb\na\n"),
    ]);
}

#[test]
fn dd() {
    compare(&[
        fed("dd bs=4 status=noxfer", "hello world\n"),
        fed("dd bs=4 count=2 skip=1 status=noxfer", "hello world\n"),
        fed(
            "dd conv=ucase status=none; dd conv=lcase status=none < lines.txt | head -2",
            "hello",
        ),
        fed("dd ibs=2 obs=1 status=noxfer", "abc"),
        case("printf xyz > o; printf ab | dd of=o conv=notrunc status=none; cat o; echo"),
        case("printf xyz > o; printf ab | dd of=o seek=2 bs=1 status=none; od -c o"),
        case("printf abc | dd bs=2 conv=sync status=none | od -c"),
        case(
            "dd if=lines.txt bs=1k count=1 status=noxfer | wc -c; dd if=lines.txt of=copy status=none; cmp lines.txt copy",
        ),
        case("dd if=nosuch; echo $?; dd foo=bar; echo $?; dd bs=0; echo $?; dd bs=x; echo $?"),
        // Its report has nowhere to go: the copy is made and dd fails.
        case("printf ab | dd of=o 2>&-; echo $?; cat o; printf ab | dd status=none 2>&-; echo $?"),
        case(
            "dd if=lines.txt bs=2x3 count=2 status=none; dd if=lines.txt bs=5c skip=1w count=1 status=none",
        ),
        // The statistics line without its time and rate: the size in SI and binary
        // units, rounded as GNU rounds them.
        case(
            "for n in 0 1 999 1000 1023 1024 15000 99999 999999 1048576 123456789; do \
             head -c $n /dev/zero | dd bs=1M iflag=fullblock 2>&1 >/dev/null | tail -1 \
             | sed 's/, [^,]*, [^,]*$//'; done",
        ),
    ]);
}

#[test]
fn gzip() {
    compare(&[
        case(
            "gzip -c lines.txt | gzip -dc; gzip -1 -c words.txt | gzip -d | cmp - words.txt && echo same",
        ),
        case(
            "gzip lines.txt; ls; gunzip lines.txt.gz; ls; gzip -k words.txt; ls; zcat words.txt.gz | head -2",
        ),
        case(
            "cat lines.txt | gzip | gzip -dc | tail -2; gzip -c lines.txt > a.gz; cat a.gz a.gz | gzip -dc | wc -l",
        ),
        case(
            "gzip -t a.gz; echo $?; gzip -c lines.txt > l.gz; gzip -t l.gz; echo $?; gzip -S .z -k lines.txt; ls",
        ),
        case(
            "gzip lines.txt; gzip -k lines.txt.gz; echo $?; gzip dir; echo $?; gzip nosuch; echo $?",
        ),
        case("echo x > bad.gz; gunzip bad.gz; echo $?; gunzip words.txt; echo $?"),
        case("gzip -k lines.txt; gzip lines.txt; echo $?; gzip -f lines.txt; echo $?; ls"),
        case("gzip -c lines.txt > t.gz; echo junk >> t.gz; gunzip -c t.gz | wc -l; echo $?"),
    ]);
}

#[test]
fn bzip2() {
    compare(&[
        case("bzip2 -c lines.txt | bzip2 -dc; bzip2 -1 -c words.txt | bunzip2 | cmp - words.txt"),
        case(
            "bzip2 lines.txt; ls; bunzip2 lines.txt.bz2; ls; bzip2 -k words.txt; bzcat words.txt.bz2",
        ),
        case("cat lines.txt | bzip2 | bzip2 -d | tail -2; bzip2 -c lines.txt > a.bz2"),
        case("bzip2 -c lines.txt > a.bz2; cat a.bz2 a.bz2 | bzcat | wc -l"),
        // After a cut-short stream bzip2 prints perror's line, whatever errno held: not
        // compared.
        case(
            "bzip2 -c empty | wc -c; bzip2 < empty | bzcat | wc -c; printf '' | bzip2 -d 2>&1 | head -3",
        ),
        case(
            "printf B | bzip2 -d 2>/dev/null; echo $?; (bzip2 -c words.txt; printf BZ) | bzcat 2>&-",
        ),
        case("bzip2 -c lines.txt > l.bz2; bzip2 -t l.bz2; echo $?; bzip2 -tv l.bz2"),
        case("bzip2 -c lines.txt > x.tbz; bunzip2 x.tbz; cp x.tar y.bz; bunzip2 y.bz; ls"),
        case("bzip2 -k lines.txt; bzip2 lines.txt; echo $?; bzip2 -f lines.txt; echo $?; ls"),
        case("bzip2 -k lines.txt; bzip2 lines.txt.bz2; echo $?"),
        case("bzip2 dir; echo $?; bzip2 nosuch lines.txt; echo $?; ls"),
        case("bzip2 -x 2>&1 | sed -n '1p;4,12p'; echo $?; bzip2 --nosuch 2>&1 | head -1"),
        case("echo x > bad.bz2; bunzip2 bad.bz2; echo $?; bunzip2 -f words.txt; echo $?; ls"),
        case("echo x > bad.bz2; bzip2 -t bad.bz2; echo $?; bzip2 -tv bad.bz2 lines.txt"),
        case("bzip2 -c lines.txt > t.bz2; echo junk >> t.bz2; bunzip2 -c t.bz2 | wc -l; echo $?"),
        case(
            "bzip2 -c lines.txt | head -c 40 > cut.bz2; bzip2 -d cut.bz2 2>&1 | sed '/perhaps/,/Input/{/^bzip2:/d}'; ls",
        ),
        case("bzip2 -c lines.txt | head -c 40 > cut.bz2; bzip2 -t cut.bz2; echo $?"),
        case(
            "bzip2 -c lines.txt > c.bz2; printf X | dd of=c.bz2 bs=1 seek=60 conv=notrunc 2>&-; bzip2 -t c.bz2; echo $?; bzcat c.bz2 2>&1 | wc -c",
        ),
        case("echo plain > p; bzip2 -dcf p; echo plain | bzip2 -dcf; cp p p.bz2; bunzip2 -f p.bz2"),
        case(
            "bzip2 -vk lines.txt empty 2>&1; bzip2 -dvc lines.txt.bz2; bzip2 -1v < words.txt | md5sum",
        ),
        case("chmod 600 lines.txt; bzip2 lines.txt; stat -c %a lines.txt.bz2; bunzip2 lines.txt"),
    ]);
}

/// What wasmix's bzip2 writes is what the host's bzip2 writes, byte for byte, and each
/// reads the other's, over text, random bytes, long runs, a periodic file and more than
/// one block.
#[test]
fn bzip2_streams_are_read_by_the_real_bzip2() {
    let dir = tempfile::tempdir().unwrap();
    let text: String = (0..150_000)
        .map(|n| format!("line {} of some text\n", n % 7919))
        .collect();
    let random: Vec<u8> = (0u64..300_000)
        .map(|n| {
            (n.wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407)
                >> 56) as u8
        })
        .collect();
    let files: [(&str, Vec<u8>); 5] = [
        ("text", text.into_bytes()),
        ("random", random),
        (
            "runs",
            [
                vec![b'a'; 1000],
                vec![b'b'; 255],
                vec![b'c'; 256],
                vec![b'd'; 3],
            ]
            .concat(),
        ),
        ("periodic", b"ab".repeat(50_000)),
        ("one", b"x".to_vec()),
    ];
    for (name, bytes) in &files {
        std::fs::write(dir.path().join(name), bytes).unwrap();
        let host = std::process::Command::new("bzip2")
            .args(["-2", "-c", name])
            .current_dir(dir.path())
            .output()
            .unwrap();
        std::fs::write(dir.path().join(format!("{name}.host.bz2")), host.stdout).unwrap();
    }
    let mount = format!("{}:/data", dir.path().display());
    let script = "cd /data && for f in text random runs periodic one; do \
                  bzip2 -2 -c $f > $f.ours.bz2; bzcat $f.host.bz2 | cmp - $f || echo $f; done";
    let out = support::wasmix()
        .args(["--ephemeral", "--mount", &mount, "-c", script])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "",
        "wasmix misread these"
    );
    for (name, bytes) in &files {
        let host = std::process::Command::new("bzip2")
            .args(["-dc", &format!("{name}.ours.bz2")])
            .current_dir(dir.path())
            .output()
            .unwrap();
        assert!(
            host.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&host.stderr)
        );
        assert!(host.stdout == *bytes, "bzip2 read {name} back differently");
        let ours = std::fs::read(dir.path().join(format!("{name}.ours.bz2"))).unwrap();
        let theirs = std::fs::read(dir.path().join(format!("{name}.host.bz2"))).unwrap();
        assert!(
            ours == theirs,
            "{name}: the compressed bytes differ from bzip2's"
        );
    }
}

/// What wasmix's gzip writes, GNU's gunzip reads: the host checks the file.
#[test]
fn gzip_output_is_read_by_gnu_gunzip() {
    let dir = tempfile::tempdir().unwrap();
    let text: String = (0..5000)
        .map(|n| format!("line {n} of some text\n"))
        .collect();
    std::fs::write(dir.path().join("text"), &text).unwrap();
    let mount = format!("{}:/data", dir.path().display());
    let status = support::wasmix()
        .args([
            "--ephemeral",
            "--mount",
            &mount,
            "-c",
            "cd /data && gzip -9 text",
        ])
        .status()
        .unwrap();
    assert!(status.success());
    assert!(
        !dir.path().join("text").exists(),
        "gzip keeps its input only with -k"
    );
    let gunzip = std::process::Command::new("gunzip")
        .arg("-c")
        .arg(dir.path().join("text.gz"))
        .output()
        .unwrap();
    assert!(
        gunzip.status.success(),
        "{}",
        String::from_utf8_lossy(&gunzip.stderr)
    );
    assert_eq!(String::from_utf8(gunzip.stdout).unwrap(), text);
}

#[test]
fn test_and_bracket() {
    compare(&[
        case("env test; echo $?; env test ''; echo $?; env test -f lines.txt; echo $?"),
        case("env test -d dir -a -s lines.txt; echo $?; env test -s empty; echo $?"),
        case("env test ! -e nosuch -o x = y; echo $?; env test ! ! a; echo $?"),
        case("env [ 1 -lt 2 ]; echo $?; env [ ' 12 ' -eq +12 ]; echo $?"),
        case("env [ 1 -lt 2; echo $?; env [ --help | head -n 3; env [ ]; echo $?"),
        case("env test a b c; echo $?; env test 1 -eq x; echo $?; env test a -a; echo $?"),
        case("env test x = y = z; echo $?; env test -q a; echo $?; env test -f; echo $?"),
        case("env test '(' a = a ')' -a '(' -n b ')'; echo $?; env test '(' a; echo $?"),
        case("env test -l abc -eq 3; echo $?; env test lines.txt -nt nosuch; echo $?"),
        case("env test 99999999999999999999 -gt 1; echo $?; env test -t 1; echo $?"),
        case("ln -s dir link; env test -h link -a -d link -a ! -L dir; echo $?"),
        case("chmod 644 empty; env test -x empty; echo $?; env test -r empty -a -w empty; echo $?"),
    ]);
}

#[test]
fn pwd_link_unlink_logname() {
    compare(&[
        case("cd dir && env pwd | sed 's,.*/,,'; env pwd -L | sed 's,.*/,,'"),
        case("ln -s dir l; cd l && env pwd -P | sed 's,.*/,,'; env pwd -L | sed 's,.*/,,'"),
        case("cd dir && env pwd extra | sed 's,.*/,,'; env pwd --bogus; echo $?"),
        case("link lines.txt second && cat second; stat -c %h lines.txt"),
        case("link nosuch x; echo $?; link a; echo $?; link a b c; echo $?"),
        case("unlink lines.txt; echo $?; ls; unlink dir; echo $?; unlink a b; echo $?"),
        case("unlink nosuch; echo $?; unlink; echo $?"),
        case("logname extra; echo $?"),
    ]);
}

#[test]
fn sum_and_factor() {
    compare(&[
        case("sum lines.txt; sum lines.txt words.txt empty; sum < words.txt"),
        case("sum -s lines.txt; sum -s lines.txt words.txt; sum -s < lines.txt"),
        case("sum nosuch lines.txt; echo $?; sum dir; echo $?; sum -r -s words.txt"),
        case("factor 0 1 2 12 97 1000000007 18446744073709551615; echo $?"),
        case("factor 340282366920938463463374607431768211455 600851475143 ' 12' +5"),
        case("factor abc 4 '' 0x10; echo $?; factor -- -1; echo $?"),
        fed("factor; echo $?", "6 8\n  9 10\n\n1001\n"),
    ]);
}

#[test]
fn sha224sum_and_sha384sum() {
    compare(&[
        case("sha224sum lines.txt words.txt empty; sha384sum lines.txt words.txt"),
        case("sha224sum lines.txt > sums; sha224sum -c sums; sha384sum nosuch; echo $?"),
        fed("sha384sum -", "abc"),
    ]);
}

#[test]
fn join_checks_the_order_of_its_input() {
    let files = "printf 'hello world\\nfoo:3 bar\\nalpha:1\\n' > f; printf 'alpha 1\\nzeta 2\\n' > g; \
                 printf 'a 1\\nc 3\\nb 2\\n' > u; printf 'a x\\nb y\\nc z\\n' > s; ";
    compare(&after(
        files,
        &[
            "join f g; echo $?",
            "join --nocheck-order f g; echo $?",
            "join --check-order f g; echo $?",
            "join u s; echo $?",
            "join s u; echo $?",
            "join --check-order s u; echo $?",
            "join -a1 -a2 u s; echo $?",
            "join s s; echo $?",
        ],
    ));
}

#[test]
fn join_output_format_and_empty_fields() {
    let files = "printf 'a 1\\nb 3\\n' > l; printf 'a 2\\nc 4\\n' > r; ";
    compare(&after(
        files,
        &[
            "join -o 1.2,2.2 l r",
            "join -o 0,1.2,2.2 -a1 -a2 -e X l r",
            "join -o '2.1 1.1' l r",
            "join -o 1.3 -e none l r",
            "join -o 1.2 -o 2.2 l r",
            "join -v1 -o 1.2,0 l r",
            "join -e X -a1 l r",
            "join -o 3.1 l r",
            "join -o x l r",
            "join -o 1.0 l r",
            "join -o 1x l r",
        ],
    ));
    compare(&[case(
        "printf 'k:1:x\\n' > l; printf 'k:2:y\\n' > r; join -t: -o 1.1,2.2,0 l r",
    )]);
}
