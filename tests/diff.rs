//! diff and patch against GNU diffutils and GNU patch: every output format (normal,
//! context, unified, ed, RCS, side by side, `#ifdef` and the group and line formats),
//! the options that loosen what counts as a change, trees, and patches applied back.
//! Each command line runs in bash with the GNU tools of this machine and in wasmix, over
//! the same files, and what they print and their statuses must be the same.

mod support;

use support::gnu::{after, case, compare, fed, made};

/// Cases whose shortest edit is unique: where several are equally short, GNU diff's
/// heuristics and Myers' algorithm (the `similar` crate) may pick different ones.
#[test]
fn diff() {
    compare(&[
        case(
            "printf 'a\\nb\\nc\\n' > x; printf 'a\\nB\\nc\\n' > y; diff x y; echo $?; diff x x; echo $?",
        ),
        case("printf 'a\\nb\\nc\\n' > x; printf 'a\\nc\\n' > y; diff x y; diff y x"),
        case(
            "printf 'one\\ntwo\\n' > x; printf 'zero\\none\\ntwo\\nthree\\n' > y; diff x y; diff y x",
        ),
        case(
            "printf 'x' > n1; printf 'y' > n2; printf 'x\\n' > n3; diff n1 n2; diff n1 n3; diff -u --label A --label B n1 n3",
        ),
        case(
            "seq 1 20 > x; seq 1 20 | sed 's/^5$/five/; s/^16$/sixteen/' > y; diff -u --label x --label y x y",
        ),
        case(
            "seq 1 20 > x; seq 1 20 | sed 's/^5$/five/; s/^9$/nine/' > y; diff -U 1 --label x --label y x y; diff --unified=0 --label x --label y x y",
        ),
        case("seq 1 5 > x; : > y; diff x y; diff -u --label x --label y y x"),
        case(
            "diff -q lines.txt words.txt; echo $?; diff -s lines.txt lines.txt; diff -qs lines.txt lines.txt",
        ),
        case(
            "printf 'A b\\n' > x; printf 'a  b \\n' > y; diff x y; diff -i x y; diff -w x y; echo $?; diff -bi x y; echo $?",
        ),
        case(
            "mkdir -p d1/s d2/s; seq 3 > d1/f; seq 4 > d2/f; echo o > d1/only; seq 2 > d1/s/g; seq 3 > d2/s/g; diff d1 d2; echo $?; diff -r d1 d2; echo $?; diff -rq d1 d2",
        ),
        case("mkdir d1 d2; echo new > d2/n; diff -rN d1 d2; echo $?"),
        case(
            "printf 'a\\0b' > b1; printf 'a\\0c' > b2; diff b1 b2; echo $?; diff -a b1 b2 | wc -l",
        ),
        case("diff lines.txt nosuch; echo $?; diff lines.txt; echo $?; diff a b c; echo $?"),
        case("mkdir d; cp lines.txt d/; diff d lines.txt; echo $?; diff lines.txt d; echo $?"),
        fed("diff - lines.txt", "line 1\nline 2\n"),
    ]);
}

/// Where several shortest edits exist (lines that repeat), GNU diff looks only between
/// the files' identical first and last lines and slides each run of changes down, then
/// back to meet a change in the other file; these files, one letter a line, made Myers'
/// choice and GNU's differ before wasmix did the same.
#[test]
fn diff_places_changes_among_repeated_lines_as_gnu() {
    let pairs = [
        ("abaaba", "bbaab"),
        ("baabaaa", "bbaa"),
        ("bbbbbbaabbab", "bbabbbbaabbbb"),
        ("abbaaa", "abbbaab"),
        ("aabbbbaaaaba", "aabbabaaabaaa"),
        ("cadcddcdaaba", "cadcbcccdaba"),
    ];
    let lines = |letters: &str| {
        letters
            .chars()
            .map(|c| format!("{c}\\n"))
            .collect::<String>()
    };
    let cases: Vec<support::gnu::Case> = pairs
        .iter()
        .map(|(a, b)| {
            support::gnu::made(
                format!(
                    "printf '{}' > a; printf '{}' > b; diff a b; diff b a; \
                     diff -u --label a --label b a b; diff -U1 --label a --label b b a",
                    lines(a),
                    lines(b)
                ),
                "",
            )
        })
        .collect();
    compare(&cases);
}

#[test]
fn patch() {
    compare(&[
        case(
            "printf 'a\\nb\\nc\\nd\\ne\\n' > a; printf 'a\\nc\\nd\\nX\\ne\\nf\\n' > b; \
             diff -u a b > u.patch; cp a a2; patch a2 < u.patch; echo $?; cmp a2 b && echo same; \
             diff a b > n.patch; cp a a3; patch a3 < n.patch; cmp a3 b && echo same",
        ),
        case(
            "printf 'a\\nb\\nc\\nd\\ne\\n' > a; printf 'a\\nc\\nd\\nX\\ne\\nf\\n' > b; \
             diff -u a b > u.patch; patch -R b < u.patch; cmp a b && echo reversed; \
             cp a a4; patch --dry-run a4 < u.patch; cmp a a4 && echo untouched; \
             patch -o out a < u.patch; cat out",
        ),
        case(
            "mkdir -p x; printf 'z\\na\\nb\\nc\\nd\\ne\\n' > x/a; printf 'a\\nb\\nc\\nd\\ne\\n' > o; \
             printf 'a\\nc\\nd\\nX\\ne\\nf\\n' > n; diff -u --label x/a --label x/a o n > p; \
             patch -p0 < p; echo $?; cat x/a",
        ),
        case(
            "seq 1 5 > a; seq 1 6 | sed 's/3/three/' > b; diff -u a b > u.patch; \
             printf 'q\\nq\\nq\\n' > c; patch c < u.patch; echo $?; cat c.rej | tail -n +3; ls c*",
        ),
        case(
            "printf 'x' > n1; printf 'y\\n' > n2; diff -u n1 n2 > p; patch n1 < p; od -c n1; \
             diff n2 n1 > q; patch n2 < q; od -c n2",
        ),
        case("printf 'hello\\n' > f; patch f < lines.txt; echo $?; patch f nosuch; echo $?"),
    ]);
}

/// A hunk whose context changed is placed with fuzz (up to 2 lines, `-F`), from wherever
/// its line numbers say, even past the end; a name in C quotes is read as diff wrote it.
#[test]
fn patch_fuzz_and_quoted_names() {
    compare(&[
        case(
            "seq 1 8 > t; printf -- '--- t\\n+++ t\\n@@ -2,5 +2,5 @@\\n X\\n 3\\n-4\\n+D\\n 5\\n Y\\n' > p; \
             patch < p; echo $?; cat t; seq 1 8 > t; patch -F0 < p; echo $?; patch --fuzz 1 < p; echo $?",
        ),
        case(
            "printf 'top\\n */\\npkg\\n\\nimport b\\nimport a\\nimport c\\nimport x\\nimport z\\n' > input; \
             printf -- '--- a/x/input\\n+++ b/x/input\\n@@ -15,7 +15,6 @@\\n  */\\n pkg\\n\\n-import b\\n import a\\n import c\\n import z\\n' > p; \
             patch < p; echo $?; cat input",
        ),
        case(
            "printf -- '--- /dev/null\\n+++ \"fruit ba\\\\164\"\\n@@ -0,0 +1 @@\\n+hello\\n' > p; \
             patch < p; echo $?; cat 'fruit bat'; patch --dry-run -R < p; echo $?",
        ),
    ]);
}

/// A tree of files changed in every way a diff can show, turned into a unified patch by
/// `diff -ruN` and applied to a copy of the old tree: the copy becomes the new tree.
#[test]
fn diff_patch_round_trip() {
    compare(&[case(
        "mkdir -p old/sub new/sub; seq 1 40 > old/long; seq 1 40 | sed 's/^7$/seven/; /^30$/d' > new/long; \
         printf 'no newline' > old/tail; printf 'no newline\\nnow one\\n' > new/tail; \
         echo gone > old/removed; echo born > new/added; seq 5 > old/sub/s; seq 6 > new/sub/s; \
         diff -ruN old new > tree.patch; echo diff $?; cp -r old copy; cd copy; \
         patch -p1 < ../tree.patch; echo patch $?; cd ..; diff -r copy new; echo same $?; ls copy",
    )]);
}

/// The context format (`-c`, `-C NUM`, `--context`), as GNU diff writes it, and GNU
/// patch applying it (forwards, reversed, creating a file, no newline at the end).
#[test]
fn diff_context_format_and_patch_reading_it() {
    let files = "seq 30 > a; seq 30 | sed '3d;7s/7/seven/;20a\\\nnew\n29,30d' > b; \
        printf 'x\\n' > c; printf 'y' > d; : > e; mkdir da db; echo 1 > da/f; echo 2 > db/f; ";
    let cases = [
        "diff -c a b | tail -n +3; diff -C1 a b | tail -n +3",
        "diff -C0 a b | tail -n +3; diff --context=2 a b | tail -n +3",
        "diff -c c d | tail -n +3; diff -c e c | tail -n +3; diff -c c e | tail -n +3",
        "diff -c -u a b; echo $?; diff -c --label A --label B a b | head -4",
        "diff -rc da db | sed 's/\\t.*//'; diff -c a a; echo $?; diff -cq a b",
        "diff -c a b > p.diff; patch a p.diff; cmp a b && echo patched",
        "diff -c e c > p.diff; patch e p.diff; cmp e c && echo created",
        "diff -c c d > p.diff; patch c p.diff; cmp c d && echo no newline",
        "diff -c a b > p.diff; patch -R b p.diff; cmp a b && echo reversed",
        "diff -rc da db > p.diff; patch -p0 < p.diff; cat da/f",
    ];
    compare(&cases.map(|command| made(format!("{files}{command}"), "")));
}

/// The side-by-side format (`-y`, `-W`, `--left-column`, `--suppress-common-lines`,
/// `--tabsize`), as GNU diff lays it out: tabs to the columns, the gutter's marks, lines
/// cut at the column's width, control characters, bytes past ASCII, a missing newline.
#[test]
fn diff_side_by_side_as_gnu() {
    let files = "seq 30 > a; seq 30 | sed '3d;7s/7/seven/;20a\\\nnew\n29,30d' > b; \
        printf 'a\\tb\\nsame\\nold\\001x\\n\\351t\\303\\251\\ncr\\rx\\nb\\bs\\n' > c; \
        printf 'a\\tb\\nsame\\nnew line here, long enough to be cut at the column\\n\\351t x\\nadded' > d; \
        mkdir da db; echo 1 > da/f; echo 2 > db/f; echo s > da/s; echo s > db/s; ";
    let cases = [
        "diff -y a b; echo $?",
        "diff -y -W 60 c d; echo $?; diff -y -W 7 c d; diff -y -W 2 c d",
        "diff -y --left-column -W 50 a b; diff -y --suppress-common-lines a b",
        "diff -y --tabsize=4 -W 45 c d; diff --width=200 -y c d",
        "diff -y a a; echo $?; diff -y -s c c; diff -yq a b",
        "diff -y -r -W 30 da db; diff -y -u a b; echo $?; diff -y -W 0 a b; echo $?",
    ];
    compare(&cases.map(|command| made(format!("{files}{command}"), "")));
}

/// Where two files have several equally short edit scripts, diff prints the one GNU diff
/// prints: lines found in one file only are set aside before the search, and the search
/// takes GNU's steps. (Myers' search as the `similar` crate runs it chose otherwise here.)
#[test]
fn diff_chooses_gnus_edit_script() {
    let files = "printf 'line 1\\nline 2\\nbeta\\nline 20\\nline 21\\nline 9\\nline 3\\nline 24\\nline 25\\nline 21\\nx\\n' > a; \
        printf 'line 1\\nline 2\\nline 21\\nline 9\\nline 20\\nline 3\\nline 24\\nline 21\\nline 25\\nx\\ny\\n' > b; \
        seq 3000 | awk '{ print ($1 * 7919) % 41 % 40 }' > c; \
        seq 3000 | awk '{ r = ($1 * 7919) % 41 % 40; if ($1 % 37 == 0) print r + 50; else if ($1 % 53) print r }' > d; ";
    let cases = [
        "diff a b; diff -u a b | tail -n +3; diff -y -W 40 a b",
        "diff c d | md5sum; diff -u c d | tail -n +3 | md5sum; diff c d | grep -c '^[0-9]'",
        "diff -b a b; diff -c c d | tail -n +3 | head -40",
    ];
    compare(&cases.map(|command| made(format!("{files}{command}"), "")));
}

/// Files whose changes show every output format's corners: a change, additions, a
/// deletion, a line that is a lone dot, tabs, blank lines, a last line without newline.
const FILES: &str = "printf 'a\\nb\\nc\\nd\\ne\\nf\\ng\\n' > 1; printf 'a\\nB\\nc\\nd\\nx\\ny\\ne\\ng\\nh\\n' > 2; \
    printf 'a\\n.\\nb\\n' > dot; printf 'a\\tb\\n\\nc\\nd\\n' > t1; printf 'a\\tB\\n\\nc\\ne\\n' > t2; \
    printf 'a\\nb' > m1; printf 'a\\nc' > m2; printf 'a\\nb\\n' > n1; cp m1 m1c; ";

/// `-e` (an ed script, last change first; a lone dot written as GNU writes it; a file
/// without its last newline is trouble) and `-n` (RCS's counted commands).
#[test]
fn diff_ed_and_rcs_scripts() {
    compare(&after(
        FILES,
        &[
            "diff -e 1 2; echo $?; diff --ed 2 1; diff -e 1 dot; diff -e 1 /dev/null",
            "diff -e m1 m2; echo $?; diff -e m1 n1; echo $?; diff -e m1 m1c; echo $?",
            "diff -e --label L1 --label L2 m1 m2; diff -e m1 m1; echo $?; cat 1 | diff -e - 2",
            "diff -n 1 2; echo $?; diff --rcs 2 1; diff -n 1 dot; diff -n m1 m2 | od -c",
            "diff -n n1 m1; diff -n m1 m1c; echo $?",
            "diff -e -n 1 2; echo $?; diff -u --normal 1 2; echo $?; diff --normal 1 2",
        ],
    ));
}

/// `-D NAME` and the group and line formats it is made of: every directive (`%<`, `%>`,
/// `%=`, the numbers in each radix with widths and flags, `%(A=B?T:E)`, `%c'C'`), a
/// directive that is not one, and files that are alike.
#[test]
fn diff_ifdef_and_formats() {
    compare(&after(
        FILES,
        &[
            "diff -D FOO 1 2; echo $?; diff --ifdef=X m1 m2; diff -D X n1 m1; diff -D X 1 1",
            "diff --old-group-format='<%<' --new-group-format='>%>' --unchanged-group-format='=%=' 1 2",
            "diff --line-format='%L' 1 2; diff --line-format='%l' m1 m2 | od -c; diff --line-format='%L' m1 m2 | od -c",
            "diff --old-line-format='-%l|%dn\n' --new-line-format='+%5dn:%l\n' --unchanged-line-format='' 1 2",
            "diff --changed-group-format='%df,%dl %dF,%dL %(n=1?one:many) %(N=2?two:not) [%3xM] [%-4oe] [%04dE] %c'x' %c'\\101' %%\n' --unchanged-group-format='' 1 2",
            "diff --unchanged-line-format='%c%l\n' --new-group-format='bad %q %(x=1?a:b)\n%>' 1 2",
            "diff --new-group-format='%dN new from %dF\n' --old-group-format='%dn old %df-%dl\n' --changed-group-format='%(n=N?same:diff) %.3dn %5.2dN %Xn\n' --unchanged-group-format='' 1 2; echo $?",
            "diff --unchanged-group-format='' 1 1; echo $?; diff --line-format='[%l]\n' 1 1",
        ],
    ));
}

/// `-t`, `-T` and `--suppress-blank-empty` in each format; `-p` and `-F` name the
/// function a hunk is in; `--color` in GNU's palette or one given.
#[test]
fn diff_line_marks_functions_and_colours() {
    let c_files = "printf '#include <stdio.h>\\n\\nint helper(int x)\\n{\\n    int y = x * 2;\\n    return y;\\n}\\n\\nstatic void other(void)\\n{\\n    puts(1);\\n    puts(2);\\n    puts(3);\\n    puts(4);\\n}\\n\\nint main(void)\\n{\\n    return 0;\\n}\\n' > c1.c; \
        sed 's/x \\* 2/x * 3/; s/puts(3)/puts(30)/; s/return 0/return 1/' c1.c > c2.c; ";
    let mut cases = after(
        FILES,
        &[
            "diff -T t1 t2; diff -t t1 t2; diff --suppress-blank-empty -T t1 t2",
            "diff -u -T t1 t2 | tail -n +3; diff -U5 -t -T t1 t2 | tail -n +3; diff -u --suppress-blank-empty -T t1 t2 | tail -n +3",
            "diff -c -T t1 t2 | tail -n +3; diff -c --suppress-blank-empty t1 t2 | tail -n +3; diff -e -t t1 t2",
            "diff -y -t t1 t2; diff -t -y -W 40 t1 t2",
            "diff --color=always -u --label a --label b 1 2; diff --color=always 1 2; diff --color=always -c --label a --label b 1 2",
            "diff --color=always -u --label a --label b m1 m2; diff --color 1 2; diff --color=bad 1 2; echo $?",
            "diff --palette='ad=1;32:de=1;31:ln=35' --color=always 1 2",
        ],
    );
    cases.extend(after(
        c_files,
        &[
            "diff -p c1.c c2.c | tail -n +3; diff -u -p c1.c c2.c | tail -n +3",
            "diff -U1 -F '^static' c1.c c2.c | tail -n +3; diff -U1 -F '^static' -F '^int' c1.c c2.c | tail -n +3",
            "diff -C1 --show-function-line='^[a-z]' c1.c c2.c | tail -n +3; diff -F '\\(' 1 2; echo $?",
        ],
    ));
    compare(&cases);
}

/// What counts as a change: `-B` and `-I` set aside changes of blank or matching lines
/// (one hunk at a time, as GNU groups them), `-E`, `-Z` and `-b` loosen white space,
/// `--strip-trailing-cr` reads CR LF as LF; `-d`, `--horizon-lines` and the obsolete
/// `-NUM` context.
#[test]
fn diff_changes_that_do_not_count() {
    let files = "printf 'a\\n\\nb\\nc\\nd\\ne\\nf\\ng\\nh\\n#x\\ni\\n' > g1; printf 'a\\nb\\nc\\nd\\ne\\nf\\ng\\nh\\n#y\\ni\\nj\\n' > g2; \
        printf ' a\\n' > s1; printf 'a\\n' > s2; printf 'a\\tb\\n' > e1; printf 'a       b\\n' > e2; printf 'a \\t\\n' > z1; \
        printf 'a\\nb' > m1; printf 'a\\nb\\n' > n1; printf 'a\\r\\nb\\r' > cr1; printf 'a\\nb' > cr2; printf 'x\\r\\ny\\r\\n' > cr4; printf 'x\\nz\\n' > cr5; \
        seq 40 > l1; seq 40 | sed 's/^5$/five/; s/^30$/thirty/' > l2; ";
    compare(&after(
        files,
        &[
            "diff -B g1 g2; diff -I '^#' g1 g2; diff -B -I '^#' g1 g2; echo $?",
            "diff -U1 -B g1 g2 | tail -n +3; diff -U1 -B -I '#' g1 g2 | tail -n +3; diff -c1 -B g1 g2 | tail -n +3",
            "diff -e -B g1 g2; diff -n -I '#' g1 g2; diff -D Y -B g1 g2; diff -I 'x\\|y' -B g1 g2; echo $?",
            "diff -b s1 s2; echo $?; diff -E e1 e2; echo $?; diff -Z z1 s2; echo $?; diff -EZ e1 e2; echo $?",
            "diff -Z m1 n1; echo $?; diff -E m1 n1; echo $?; diff -bE s1 s2; echo $?; diff -wZ e1 e2; echo $?",
            "diff --strip-trailing-cr cr1 cr2; diff --strip-trailing-cr cr1 n1; diff -u --strip-trailing-cr cr4 cr5 | tail -n +3",
            "diff -5 -u l1 l2 | tail -n +3; diff -1 -c l1 l2 | tail -n +3; diff -U 5 -2 l1 l2 | tail -n +3",
            "diff -u -0 l1 l2 | tail -n +3; diff -d l1 l2; diff --horizon-lines=5 l1 l2; diff --horizon-lines=x l1 l2",
            "diff -I '\\(' g1 g2; echo $?",
        ],
    ));
}

/// Trees with `-x`, `-X`, `-S`, `-P`, and `--from-file`/`--to-file` with many operands.
#[test]
fn diff_trees_and_many_operands() {
    let files = "mkdir da db; for f in a b c d; do echo $f > da/$f; echo $f$f > db/$f; done; \
        echo x > da/x.o; echo y > db/y.o; printf '*.o\\nc\\n' > excl; seq 3 > f1; seq 4 > f2; seq 5 > f3; ";
    compare(&after(
        files,
        &[
            "diff -r da db; diff -r -x c da db; diff -r -X excl da db; echo $?",
            "diff -r -S c da db; diff -rN -x '*.o' da db; diff -rP da db; diff -X nosuch da db; echo $?",
            "diff --from-file=f1 f2 f3 f1; echo $?; diff --to-file=f1 f2 f3; diff --from-file=da db; echo $?",
            "diff --from-file=f1 --to-file=f2 f3; echo $?; diff --from-file=f1; echo $?",
        ],
    ));
}
