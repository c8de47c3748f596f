//! getopt against util-linux's getopt on this machine: its own options, the three
//! orders of an option string, long options by prefix (and with `-a` by a single dash),
//! quoting for sh and csh, glibc's error messages and the statuses 1, 2 and 4.

mod support;

use support::gnu::{case, compare};

#[test]
fn getopt_parses_and_quotes_as_util_linux_getopt() {
    compare(&[
        case("getopt; echo $?"),
        case(
            "getopt -o ab:c:: -l alpha,beta:,gamma:: -n prog -- -a -b x -cfoo --alpha --beta=y --gamma --gam=z --al \"it's\" -- -z; echo $?",
        ),
        case("getopt -o a -- -x -a; echo $?"),
        case("getopt -o a -l alpha,alpine -- --al; echo $?"),
        case("getopt -o a: -- -a; echo $?"),
        case("getopt -o a -l al: -- --al; echo $?"),
        case("getopt -o a -l al -- --al=3 --nope; echo $?"),
        case("getopt ab:c x -a -b; echo $?"),
        case("getopt ab: -a -b x y; echo $?"),
        case("getopt --help; echo $?"),
        case("getopt -T; echo $?"),
        case("getopt -u -o a: -- -a 'x y' z; echo $?"),
        case("getopt -s tcsh -o a: -- -a 'x!y' \"a b\tc\"; echo $?"),
        case("getopt -s csh -o a: -- -a \"it's\"; echo $?"),
        case("getopt -a -o ab -l beta,alpha -- -beta -al -ab -b; echo $?"),
        case("getopt -o +a -- x -a; echo $?"),
        case("getopt -o -a -- x -a y; echo $?"),
        case("getopt -o a -- - -a -- -a; echo $?"),
        case("getopt -q -o a -- -x; echo $?"),
        case("getopt -Q -o a -- -x -a; echo $?"),
        case("getopt -s zsh -o a -- x; echo $?"),
        case("getopt -x; echo $?"),
        case("getopt -o; echo $?"),
        case("getopt --lon a; echo $?"),
        case("getopt -n myprog -o a -- -y; echo $?"),
        case("getopt -o a -l 'x:,y::  z' -- --x 1 --y --z; echo $?"),
        case("getopt -l x -- --; echo $?"),
        case("getopt -o '' --; echo $?"),
        case("getopt 'a:'; echo $?"),
        case("getopt -o ab -- -ba -a-; echo $?"),
        case("getopt -o a -l x,alpha,alpine -- --nope=3 --al=2 --alpha=1 -a=2; echo $?"),
        case("getopt -a -o ab -l alpha,beta -- -al=1 -nope -x; echo $?"),
        case("getopt -a -o ab: -l bb -- -b x -bb; echo $?"),
        case("getopt -o :a -- -x -a; echo $?"),
        case("getopt -o +:a: -- -a; echo $?"),
        case("getopt -o ab -l alpha:: -- --alpha --alpha=x; echo $?"),
        case("getopt -l 'a,b' -l c -o '' -- --c --a; echo $?"),
        case("getopt -s bash -o a --shell=sh -- -a; echo $?"),
        case("getopt -l foo -- --fo --fo=; echo $?"),
        case("getopt -l 'foo:' -o f:: -- --foo= -f; echo $?"),
        case("getopt -- -a x -a; echo $?"),
        case("getopt -T -x; echo $?"),
        case("getopt -x -T; echo $?"),
        case("getopt -o a -n '' -- -x; echo $?"),
        case("getopt -o 'a:b' -- -ab -b -a -b; echo $?"),
        case("getopt -o v -l verbose,version -- --ver --verb -vv file; echo $?"),
        case("getopt -o h -l help -- --help=x --h --he -h; echo $?"),
        case("getopt --options=ab: --longoptions=name: -- --name=v -b 3 rest; echo $?"),
        case("getopt -o ab -- -a -- -b; echo $?"),
        case("getopt -uo a: -- -a \"x y\"; echo $?"),
        case("getopt -Q -q -o a -- -x; echo $?"),
        case("POSIXLY_CORRECT=1 getopt -o a -- x -a; GETOPT_COMPATIBLE=1 getopt -o a -- -a x"),
        case("GETOPT_COMPATIBLE=1 getopt; echo $?"),
    ]);
}

/// The way scripts use it: `eval set --` its output, then a loop over the options.
#[test]
fn a_script_reads_its_options_through_getopt() {
    let script = r#"parse() {
  local parsed
  parsed=$(getopt -o vo:h -l verbose,output:,help -n demo -- "$@") || return 2
  eval set -- "$parsed"
  while true; do
    case $1 in
      -v|--verbose) echo verbose; shift ;;
      -o|--output) echo "output=[$2]"; shift 2 ;;
      -h|--help) echo help; shift ;;
      --) shift; break ;;
    esac
  done
  for arg; do echo "arg=[$arg]"; done
}
parse -v --out 'a b' file "it's" -o- -- -h
parse --outp; echo $?
parse -x; echo $?"#;
    compare(&[case(script)]);
}
