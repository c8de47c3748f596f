//! Regular expressions as GNU reads them, in its two readers: grep's, which forgives (a
//! leading `*` dropped with a warning, `a{1` literal, a lone `)` literal), and glibc's,
//! which sed, expr, csplit and nl use and which refuses the same patterns. Back-references
//! and POSIX's longest-leftmost match are compared too. Each case runs in bash with the
//! GNU tools of this machine and in wasmix, over the same files.

mod support;

use support::gnu::{case, compare, fed};

const LINES: &str = "a{1\na)\naa\nx\n{1\n+a\n*b\nb\na|b\na$b\n^a\nx{1}\na\\b\n]x\nxd\n";

/// grep's extended syntax: operators where no operand precedes them, braces that start
/// no interval, a `)` with no `(`, anchors inside a pattern.
#[test]
fn grep_extended_forgives() {
    compare(&[
        fed(
            "grep -E 'a{1'; echo $?; grep -E 'a{1,2'; grep -E 'a{x}'",
            LINES,
        ),
        fed("grep -E 'a)'; grep -E ')'; echo $?", LINES),
        fed(
            "grep -E '*b'; echo $?; grep -E 'x|+a'; grep -E '^*b'",
            LINES,
        ),
        fed("grep -E '(*b)' 2>&1; grep -E '^{1}' 2>&1 | head -3", LINES),
        fed("grep -E '{'; grep -E '{1'; grep -E '\\{'", LINES),
        fed(
            "grep -E 'a$b'; echo $?; grep -E 'a^a'; echo $?; grep -E '\\^a'",
            LINES,
        ),
        fed(
            "grep -E 'a{,2}b'; grep -E 'a{1}{2}'; grep -cE 'a**'; grep -cE 'a+?'",
            LINES,
        ),
        fed("grep -E 'a\\|b'; echo $?; grep -E 'x\\d'", LINES),
        fed(
            "grep -E 'x{2,1}'; echo $?; grep -E 'a{99999}'; echo $?",
            LINES,
        ),
    ]);
}

/// grep's basic syntax: `*` and `\{` with nothing before them are literal, `$` is an
/// anchor only at the end, `\|` alternates, and errors are GNU's.
#[test]
fn grep_basic_literals_and_errors() {
    compare(&[
        fed("grep 'a$b'; grep '^*b'; grep '*b'; grep 'x\\{1\\}'", LINES),
        fed("grep '\\(*b\\)'; grep 'a|b'; grep -c 'a\\|b'", LINES),
        fed(
            "grep '\\(^a\\)'; grep -c 'b*\\{1\\}'; grep '\\+a'; grep '\\{1'",
            LINES,
        ),
        fed(
            "grep 'a\\{1'; echo $?; grep '\\('; echo $?; grep 'a\\)'; echo $?",
            LINES,
        ),
        fed("grep '\\(a\\)\\2'; echo $?; grep 'a\\'; echo $?", LINES),
    ]);
}

/// Bracket expressions: a backslash is a member, `]` first is a member, classes must be
/// named rightly, `[:alpha:]` alone is the usual slip.
#[test]
fn brackets_as_posix_reads_them() {
    compare(&[
        fed(
            "grep -E '[\\n]'; grep -E '[a\\]'; grep '[]x]'; grep -c '[^]x]'",
            LINES,
        ),
        fed(
            "grep '[[:foo:]]'; echo $?; grep '[:space:]'; echo $?",
            LINES,
        ),
        fed(
            "grep '[z-a]'; echo $?; grep '[a'; echo $?; grep '[[:alpha:]'; echo $?",
            LINES,
        ),
        fed(
            "grep '[[.a.]]b'; grep -c '[[=a=]]'; grep '[a-]x'; grep '[&~]'",
            "a&\nab\n-x\n~\n",
        ),
        fed("sed 's/[:space:]/X/'; echo $?; sed 's/[\\n]/X/g'", "a\\n\n"),
    ]);
}

/// Back-references, in grep (basic and extended, several patterns at once), sed and expr.
#[test]
fn back_references() {
    compare(&[
        fed(
            "grep '\\(.\\)\\1'; grep -E '(a|b)\\1x'; grep -c -e '\\(a\\)\\1' -e '\\(b\\)\\1'",
            "book\nabx\nbbx\nsee\nab\n",
        ),
        fed(
            "grep -o '\\([a-z]\\)\\1'; grep -w '\\(o\\)\\1'",
            "book keeper\noo\n",
        ),
        fed("sed 's/\\(.\\)\\1/<\\1\\1>/g'", "book keeper\n"),
        fed(
            "sed -E 's/(a+)b\\1/[&]/; s/^(.)(.).*\\2\\1$/pal:&/'",
            "aabaa\nabcba\n",
        ),
        case("expr abab : '\\(ab\\)\\1'; expr abcab : '\\(ab\\)c\\1'; expr xx : '\\(.\\)\\1$'"),
        fed(
            "sed 's/a/\\1/'; echo $?; sed -E 's/(a)/\\2/'; echo $?",
            "a\n",
        ),
    ]);
}

/// POSIX takes the longest of the leftmost matches: `a|ab` matches `ab`.
#[test]
fn longest_leftmost_matches() {
    compare(&[
        fed("grep -oE 'a|ab|abc'; grep -oE 'x*|b'", "abcd\nabab\n"),
        fed(
            "sed -E 's/a|ab/X/g; s/(c|cd)(e|de)/[\\1,\\2]/'",
            "abab acde\ncde\n",
        ),
        fed("sed 's/\\|a/X/'; sed 's/b\\|ab/X/'", "ab\n"),
        fed("grep --color=always -E 'in|int'", "int main\n"),
        case("expr interest : 'in\\|int'; expr abc : '\\(a\\|ab\\)\\(c\\|bcd\\)*'"),
    ]);
}

/// sed's glibc reader: what grep forgives is an error, and sed's own escapes.
#[test]
fn sed_refuses_what_grep_forgives() {
    compare(&[
        fed(
            "sed -E 's/*b/X/'; echo $?; sed -E 's/a|*b/X/'; echo $?",
            "a\n",
        ),
        fed(
            "sed -E 's/{/X/'; echo $?; sed -E 's/a{x}/X/'; sed -E 's/a{1/X/'",
            "a\n",
        ),
        fed(
            "sed -E 's/a)/X/'; echo $?; sed -E 's/(a/X/'; echo $?",
            "a\n",
        ),
        fed(
            "sed 's/a**/X/'; echo $?; sed 's/a*\\{2\\}/X/'; sed 's/\\{1\\}/X/'",
            "a\n",
        ),
        fed(
            "sed -E 's/a{,2}/X/; s/()/<>/'; sed 's/^*/X/; s/\\(*a\\)/Y/'",
            "aaa\n*a\n",
        ),
        fed(
            "sed 's/a\\tb/T/; s/\\d065/D/; s/\\o102/O/; s/\\x43/H/; s/\\cA/C/'",
            "a\tb A B C \x01\n",
        ),
        fed("sed 's/a$\\|b/X/g; s/x\\(a$\\)/Y/'", "a$b ab xa\n"),
    ]);
}

/// Empty matches: after one the search moves on a character, and one just where the
/// last match ended is no match.
#[test]
fn empty_matches_step_as_gnu_steps() {
    compare(&[
        fed(
            "sed 's/a*/x/g'; sed 's/b*/-/g'; sed 's/x*/-/2'",
            "baaac\nabc\n",
        ),
        fed("grep -o 'b*'; echo $?; grep -c ''", "abc\n\n"),
    ]);
}

/// `N` puts a newline in the pattern space: `.` matches it, `M` makes `^` and `$` match
/// around it, and `` \` `` and `\'` still mean the whole space.
#[test]
fn sed_dot_newline_and_multiline_mode() {
    compare(&[
        fed("sed 'N; s/a.b/X/'", "a\nb\n"),
        fed("sed 'N; s/^/>/Mg; s/$/</Mg'", "one\ntwo\n"),
        fed(
            "sed -n 'N; /^two/Mp'; sed 'N;s/\\`/[/M; s/\\'\"'\"'/]/M'",
            "one\ntwo\n",
        ),
    ]);
}

/// The other readers: csplit and nl take glibc's basic syntax; diff -I grep's.
#[test]
fn csplit_nl_and_diff_patterns() {
    compare(&[
        case(
            "csplit -s lines.txt '/line 1\\{1\\}[02]/'; cat xx01; csplit lines.txt '/a\\{1/'; echo $?",
        ),
        case("nl -b 'pline [13]$' lines.txt; nl -b 'p\\(' lines.txt; echo $?"),
        case("diff -I 'line [0-9]\\{1,\\}' lines.txt words.txt | head -3; echo $?"),
    ]);
}

/// grep -P: Perl's syntax (look-around, `\d`, `\K`, lazy repeats) on the backtracking
/// engine, one pattern only, and PCRE's words for what it refuses.
#[test]
fn grep_perl_patterns() {
    compare(&[
        fed(
            "grep -P 'foo(?!bar)'; grep -cP '\\d+'; grep -oP 'a\\Kbc'",
            "foobar\nfoo\nabc 12\n",
        ),
        fed(
            "grep -oP '<.+?>'; grep -P '(?<=<)b'; grep -ciP 'FOO'",
            "<a><b>\nfoo\n",
        ),
        fed(
            "grep -Pw '\\d'; echo $?; grep -Px '\\w+ \\d+'; grep -P '(\\w)\\1'",
            "a1\nab 12\nbook\n",
        ),
        fed(
            "grep -P -e a -e b; echo $?; grep -P '('; echo $?; grep -P 'a)'",
            "a\n",
        ),
        fed("grep -P '[a'; grep -P '*a'; grep -P 'a\\'; echo $?", "a\n"),
    ]);
}

/// Bytes that are not UTF-8: sed's `\xHH` above 127 names a byte (the first of a UTF-8
/// `μ`, or a lone 0xFF), as does such a byte written into a sed script or a grep pattern.
#[test]
fn bytes_outside_utf8_in_patterns() {
    compare(&[
        case("printf 'echo \\316\\274 x\\n' | sed 's/\\xce//g' | od -An -tx1"),
        case(
            "printf 'a\\377b\\n' | sed 's/\\xff/Y/'; printf 'a\\316\\274b\\n' | sed 's/\\xce\\xbc/M/'",
        ),
        case("printf 'a\\316\\274b\\n' | sed \"s/$(printf '\\316')/Q/\" | od -An -c"),
        case("printf 'a\\316\\274b\\nc\\n' | grep -c \"$(printf '\\316')\""),
    ]);
}
