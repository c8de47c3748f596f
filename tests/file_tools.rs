//! mv, ln, cp, rm, dd, tar, patch, sha1sum and csplit against GNU's: cases met running
//! BusyBox's own test suite through wasmix (where GNU gives BusyBox's answer), and the
//! options around them. Each command line runs in bash with the GNU tools of this machine and in wasmix,
//! over the same files (a host directory mounted into wasmix).

mod support;

use support::gnu::{after, case, compare, fed};

const FILES: &str = "printf 1 > a; printf 22 > b; mkdir d; ";

#[test]
fn mv_target_directory_no_clobber_update_and_interactive() {
    compare(&after(
        FILES,
        &[
            "mv -t d a b; ls d; ls",
            "mv -t nodir a; mv -t a b; mv -t d; ls",
            "mv -T a b; cat b; ls; mv -T a b c; mv -T b d; ls",
            "mv -n a b; cat b; mv -f -n a b; cat b",
            "touch -d 2000-01-01 a; mv -u a b; cat b; ls; mv -u b a; cat a; ls",
            "mv -i a b < /dev/null; echo $?; cat b; echo y | mv -i a b; cat b; ls",
            "mv -v a b; mkdir e; mv d e; ls e; mv b e; mv -T e/b e/d",
            "mv a a; mv d d/x",
        ],
    ));
}

#[test]
fn ln_target_directory_verbose_and_no_dereference() {
    compare(&after(
        FILES,
        &[
            "ln -v a h; ln -sv a s; ln -sfv b s; cat s; ls",
            "ln -v -t d a b; ls d; ln -t nodir a; ln -t a b; echo $?",
            "ln -T a d; ln -T a b c; echo $?",
            "ln -s d dl; ln -sfn a dl; readlink dl; ls d",
            "ln -s d dl; ln -sf a dl; readlink dl; readlink dl/a",
            "echo n | ln -i a b; echo $?; cat b; echo y | ln -i a b; cat b",
            "ln -s a b; echo $?",
        ],
    ));
}

#[test]
fn cp_keeps_hard_links_with_d_and_a() {
    compare(&after(
        "touch foo; ln foo bar; mkdir baz; ",
        &[
            "cp -d foo bar baz; test baz/foo -ef baz/bar; echo $?",
            "cp foo bar baz; test baz/foo -ef baz/bar; echo $?",
            "mkdir t; ln foo t/x; cp -a t foo baz; test baz/t/x -ef baz/foo; echo $?",
            "cp -r --preserve=links foo bar baz; test baz/foo -ef baz/bar; echo $?",
            "cp -t nodir foo; cp -t foo bar; echo $?",
        ],
    ));
}

#[test]
fn dd_flags_and_whole_blocks() {
    compare(&[
        fed("dd count=3 iflag=count_bytes 2>/dev/null", "I WANT\n"),
        fed(
            "dd skip=2 iflag=skip_bytes bs=3 status=none",
            "I WANT MORE\n",
        ),
        fed("dd conv=swab status=none", "abcdef\n"),
        fed(
            "dd iflag=fullblock,count_bytes count=1 status=noxfer",
            "hi\n",
        ),
        fed("dd iflag=x; dd oflag=y", ""),
        case("dd if=/dev/zero of=f bs=1M count=1 status=noxfer; wc -c < f"),
        case(
            "printf abcdef > f; printf XY | dd of=f seek=3 oflag=seek_bytes conv=notrunc status=none; cat f",
        ),
        case("printf abc > f; printf XY | dd of=f oflag=append conv=notrunc status=none; cat f"),
    ]);
}

#[test]
fn sha1sum_check_takes_one_space() {
    let empty = "da39a3ee5e6b4b0d3255bfef95601890afd80709";
    let lines = [
        format!("touch EMPTY; echo '{empty} EMPTY' | sha1sum -c"),
        format!("touch EMPTY; echo '{empty} *EMPTY' | sha1sum -c"),
        format!("touch EMPTY; echo '{empty}EMPTY' | sha1sum -c; echo $?"),
    ];
    let cases: Vec<_> = lines
        .into_iter()
        .map(|line| support::gnu::made(line, ""))
        .collect();
    compare(&cases);
}

#[test]
fn checksums_end_lines_with_nul_under_zero() {
    compare(&[
        case("sha1sum -z lines.txt words.txt | od -c"),
        case("md5sum -z --tag empty - < words.txt | od -c; sha256sum --zero -b empty | od -c"),
    ]);
}

#[test]
fn tar_overwrite_writes_into_a_hard_linked_file() {
    compare(&after(
        "echo Ok > input; ln input input_hard; tar cf test.tar input_hard; echo WRONG > input; ",
        &[
            "tar xf test.tar --overwrite && cat input",
            "tar xf test.tar && cat input",
            "tar xUf test.tar && cat input",
        ],
    ));
}

#[test]
fn tar_excludes_patterns_on_create_list_and_extract() {
    compare(&after(
        "mkdir -p d/sub; touch d/a.o d/b.c d/sub/c.o d/sub/keep; echo b.c > ex; ",
        &[
            "tar cf x.tar --exclude='*.o' d; tar tf x.tar | sort",
            "tar cf x.tar --exclude=sub d; tar tf x.tar | sort",
            "tar cf x.tar -X ex d; tar tf x.tar | sort; tar cfX y.tar ex d; tar tf y.tar | sort",
            "tar cf x.tar d; tar tf x.tar --exclude=sub | sort",
            "tar cf x.tar d; mkdir out; tar xf x.tar -C out --exclude='*.o'; find out | sort",
            "tar cf x.tar --exclude=d d; tar tf x.tar; echo $?",
            "tar cf x.tar -X nosuch d; echo $?",
            "tar cf x.tar d; rm -r d; echo d/sub/keep > k; tar xf x.tar d/sub -X k; echo $?; find d",
        ],
    ));
}

/// The members of `tar cf x.tar -C dir .` keep their `./`, as GNU's, so `./sub` names them.
/// `-j` filters through bzip2 both ways, and a bzip2 archive is recognized without it.
#[test]
fn tar_through_bzip2() {
    compare(&after(
        "mkdir -p d/sub; seq 500 > d/a; echo hi > d/sub/b; chmod 751 d/sub/b; ln -s a d/l; ",
        &[
            "tar cjf x.tbz d; mkdir o; tar xjf x.tbz -C o; ls -lR o | cut -c1-10; cat o/d/l | wc -l",
            "tar cjf x.tbz d; tar tf x.tbz | sort; tar tvjf x.tbz | awk '{ print $1, $6 }' | sort",
            "tar --bzip2 -cf - d | bzip2 -d | tar tf - | sort; tar cf - d | bzip2 | tar tf - | wc -l",
            "tar -I bzip2 -cf x.tbz d; bunzip2 x.tbz; tar tf x.tar | wc -l",
            "echo not bzip2 | tar tjf - 2>/dev/null; echo $?",
            "tar czf - d | tar tf -; echo $?; tar czf x.tgz d; tar tf x.tgz | wc -l",
        ],
    ));
}

#[test]
fn tar_keeps_the_dot_of_members_below_dot() {
    compare(&after(
        "mkdir -p foo/1/10/100 foo/2; echo hi > foo/2/f; ln -s ../2/f foo/1/l; ln foo/2/f foo/2/h; \
         touch foo/$(printf 'x%.0s' $(seq 120)); tar cf x.tar -C foo .; ",
        &[
            "tar tvf x.tar | awk '{ print $1, $6, $7, $8 }' | sort",
            "mkdir o; tar xf x.tar -C o ./1/10; find o | sort",
            "mkdir o; tar xf x.tar -C o; find o | sort; cat o/1/l",
        ],
    ));
}

#[test]
fn patch_that_seems_reversed_is_skipped() {
    let setup = "printf 'abc\\ndef\\n123\\n' > input; \
                 printf -- '--- input.old\\n+++ input\\n@@ -1,2 +1,3 @@\\n abc\\n+def\\n 123\\n' > p; ";
    compare(&after(
        setup,
        &[
            "patch < p; echo $?; cat input; ls",
            "patch -N < p; echo $?; ls",
            "patch -t < p; echo $?; cat input; ls",
            "patch --dry-run < p; echo $?; ls",
        ],
    ));
}

#[test]
fn version_into_a_closed_pipe_ends_quietly() {
    compare(&[case(
        "sed --version | head -c 3; echo; cat --help | head -n 1",
    )]);
}

#[test]
fn rm_and_cp_ask_with_i() {
    let tree = "mkdir -p d/e; touch d/f; : > empty; echo x > full; ln -s full l; mkfifo p; ";
    compare(&after(
        tree,
        &[
            "printf 'y\\ny\\ny\\ny\\n' | rm -ri d; ls",
            "printf 'y\\nn\\ny\\n' | rm -ri d; echo $?; ls d",
            "echo n | rm -i full empty; ls",
            "yes | rm -i empty l p; ls",
            "touch a b c e; echo n | rm -I a b c e; echo $?; ls; echo y | rm -I a b c e; ls",
            "echo n | rm -rI d; ls; rm -rf /; echo $?",
            "rm -i nonexist; echo $?; rm -fi nonexist; echo $?; rm -if nonexist; echo $?",
            "rm --interactive=never full; rm --interactive=x full; ls",
            "echo n | rm -d -i d/e; ls d",
            "cp -i full empty < /dev/null; cat empty; echo y | cp -i full empty; cat empty",
            "echo y | cp -n -i full empty; cat empty; cp -i -n full empty < /dev/null; cat empty",
        ],
    ));
}

#[test]
fn csplit_at_lines_and_patterns() {
    compare(&after(
        "seq 10 > f; ",
        &[
            "csplit f 3 7; ls; cat xx01",
            "csplit f /5/ '{1}'; echo $?; ls",
            "csplit f '/[27]/' '{*}'; ls; cat xx02",
            "csplit f /3/+1 %6% /8/-1; ls; head xx*",
            "csplit -s -f pre -b '%03d.txt' f 4; ls",
            "csplit f 12; echo $?; ls",
            "csplit -k f 5 12; echo $?; ls",
            "csplit f 1; ls",
            "csplit -z f 1 4 4; ls",
            "csplit f 5 3; echo $?; ls",
            "csplit --suppress-matched f /5/; cat xx01",
            "csplit -n 3 f 5; ls",
            "csplit f /nomatch/; echo $?; ls",
            "csplit f /1/; ls",
            "csplit f 3 /3/",
            "csplit f 3 /4/",
            "csplit f 10",
            "csplit f 3 '{2}'; ls",
            "csplit f /3/-5; echo $?; ls",
            "csplit f /3/+20; echo $?",
            "csplit f %3%; ls",
            "csplit; csplit f; csplit nofile 3; csplit f x; csplit f 0",
            "csplit -b abc f 3; csplit -b %s f 3; csplit -b %d%d f 3; csplit -b 'p%x-' f 3 6; ls",
            "csplit f 3 '{*}'; ls",
            "csplit f /0/ '{*}'; echo $?",
            "seq 100 | csplit - '/^9/' '{*}'; wc -l xx*",
            "csplit --suppress-matched f /3/ '{2}'; head xx*",
            "csplit f 3 '{x}'",
            "printf 'a\\nb\\nc' | csplit - /b/; od -c xx01",
        ],
    ));
}

#[test]
fn install_copies_with_modes_and_makes_directories() {
    let modes = "; echo $?; stat -c '%n %a %s' $(find . -newer lines.txt | sort)";
    let listed = [
        "install f g; install -m u+x f g1; install -m a=r f g2; install -m 640 f g3",
        "install -d -m 700 x/y/z; install -d x2/y",
        "install -D f p/q/r; install -Dt t1/t2 f; install -v f d",
        "install -vD f v/w/x; install -vd dd/ee; install -v f g; install -v f g",
        "install -C -v f g; install -C -v -m 644 f g; install -C -v -m 644 f g",
    ]
    .map(|command| format!("{command}{modes}"));
    let mut commands: Vec<&str> = listed.iter().map(String::as_str).collect();
    commands.extend([
        "install -p f h; [ h -nt f ] || [ f -nt h ] || echo same times",
        "install f f; echo $?; install d g; echo $?; install nofile g; echo $?",
        "install f f2 nodir; echo $?; install -t nodir f; echo $?; install f f2 f; echo $?; install -t f f; echo $?",
        "install f; echo $?; install; echo $?; install -T f d; echo $?; install -m 9 f g; echo $?",
        "install -d; echo $?; install -d -t x y; echo $?; install -T f g f2; echo $?",
    ]);
    compare(&after(
        "touch -d 2001-01-01 lines.txt; sleep 0.01; echo hi > f; mkdir d; ",
        &commands,
    ));
}

/// `gzip -l` against GNU's, on archives GNU gzip made (with and without a stored name):
/// sizes, ratio (header and trailer left out), totals, names, and bad operands.
#[test]
fn gzip_lists_sizes_and_ratios_as_gnu() {
    let archives = "printf '\\037\\213\\010\\010\\201\\074\\022\\153\\000\\003\\150\\167\\000\\313\\110\\315\\311\\311\\127\\050\\317\\057\\312\\111\\341\\002\\000\\055\\073\\010\\257\\014\\000\\000\\000' > hw.gz; \
        printf '\\037\\213\\010\\000\\000\\000\\000\\000\\000\\003\\063\\344\\002\\000\\123\\374\\121\\147\\002\\000\\000\\000' > one.gz; ";
    compare(&after(
        archives,
        &[
            "gzip -l hw.gz; gzip --list one.gz hw.gz; echo $?",
            "gzip -l < one.gz; gzip -l nosuch.gz; echo $?; gzip -l lines.txt; echo $?",
            "gzip -l -S .z hw.gz; cp hw.gz hw.z; gzip -l -S .z hw.z",
        ],
    ));
}

/// `-b`, `--backup=CONTROL` (and its abbreviations), `-S`, `VERSION_CONTROL` and
/// `SIMPLE_BACKUP_SUFFIX` in cp, mv, ln and install: the backup's name, what -v says of it.
#[test]
fn backups_of_replaced_files() {
    compare(&after(
        "printf a > a; printf b > b; printf c > c; mkdir d; ",
        &[
            "cp -bv a b; ls; cat b~; cp --backup=numbered -v a b; cp --backup=numbered -v a b; cp --backup=existing -v a b; ls",
            "cp -S .x -v c a; cp --backup=num -v c a; cp --backup=n c a; echo $?; cp --backup= -v c a; cp --backup=off -v c b; ls",
            "VERSION_CONTROL=bad cp -b c a; echo $?; VERSION_CONTROL=numbered cp -bv c a; SIMPLE_BACKUP_SUFFIX=.orig cp -bv --backup=simple c b; ls",
            "mv -bv a c; ls; mv --backup=t -v b c; ls; mv -S .k -v c d/; mv -bv d/c b; ls . d",
            "ln -bv a b; ln -sbv c b; ls; ln --backup=numbered -sv a c; ls; readlink c",
            "install -bv a b; ls; install --backup=t -v -m 600 c b; install -S .s -v a c; ls; install -bC a c; ls",
        ],
    ));
}

/// cp's `-l`, `-s`, `--remove-destination`, `--attributes-only` and `--no-preserve`;
/// ln's `-r`, `-L`, `-P`; mv's `--strip-trailing-slashes`.
#[test]
fn cp_makes_links_and_ln_relative_ones() {
    compare(&after(
        "printf a > a; printf b > b; mkdir d; ",
        &[
            "cp -l a b; echo $?; cp -lf a b; echo $?; ls -i a b | awk '{ print $1 == p; p = $1 }'",
            "cp -sv a e; readlink e; cp -s a d/x; echo $?; cp -v --remove-destination a b; cp -lv a f",
            "cp -rl d d2; cp --attributes-only -v a g; wc -c g; cp -R -l -v d d3; cp --no-preserve=mode -pv a h",
            "ln -sr a d/x; readlink d/x; ln -srv d/x y; readlink y; ln -r a z; echo $?",
            "cd d; ln -sr ../a q; readlink q; ln -sr . s; readlink s; ln -sr ../d t; readlink t",
            "ln -s a l; ln -L l hl; ln -P l hp; ls -l hl hp | cut -c1; mv --strip-trailing-slashes d/ m; ls",
        ],
    ));
}

/// shred overwrites a file to a whole block (unless `-x` or `-s`), with GNU's passes for
/// up to three iterations and `-z`, and renames it to ever shorter names of zeros before
/// removing it (`-u`, `--remove=wipe`), or not (`--remove=unlink`).
#[test]
fn shred_overwrites_renames_and_removes_as_gnu_shred() {
    compare(&[
        case(
            "for n in 1 2 3; do printf 'hello\\n' > s; shred -v -n $n s; done; \
             stat -c %s s; shred -x s; stat -c %s s; printf '' > e; shred e; stat -c %s e; \
             shred -s 10 s; stat -c %s s",
        ),
        case(
            "printf 'hello\\n' > s; shred -v -z -u s; ls; printf 'hello\\n' > abcd; \
             shred -v -u abcd; ls; printf 'hello\\n' > s; shred -v --remove=unlink s; \
             printf x > s; shred -v --remove=wipe s; ls",
        ),
        case("touch 0 00; printf x > ab; shred -v -u ab; ls"),
        case(
            "printf abc > t; shred -n 1 -s 2 --random-source=/dev/zero t; od -c t; \
             shred -n x t; echo $?; shred --remove=x t; echo $?; shred --remove=w t; echo $?",
        ),
        case(
            "shred -s x t; echo $?; shred dir; echo $?; printf abc > t; shred -v -n 1 -z t; \
             shred; echo $?; shred nofile t; echo $?",
        ),
        case(
            "printf abc > r; printf abcdef > u; shred -n 1 -x --random-source=r u; echo $?; \
             shred --random-source=nosuch u; echo $?",
        ),
    ]);
}
