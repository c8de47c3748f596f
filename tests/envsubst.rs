//! envsubst against GNU gettext's envsubst on this machine: `$NAME` and `${NAME}`
//! replaced (set, unset or empty), what is no reference left alone, a SHELL-FORMAT
//! narrowing the names, `-v`, bytes that are not UTF-8, and the errors.

mod support;

use support::gnu::{Case, compare, made};

/// The command with `FOO`, `BAR` and an empty `EMPTY` in its environment, and its status.
fn with_values(command: &str) -> Case {
    made(
        format!("export FOO=foo BAR='b a r' EMPTY=; {command}; echo $?"),
        "",
    )
}

#[test]
fn envsubst_replaces_references_as_gnu_envsubst() {
    compare(&[
        with_values(
            "printf 'a $FOO ${BAR} $NOPE ${NOPE} $ ${ ${FOO ${FOO:-x} \\\\$FOO $$ $1 ${1} $FOO_X ${FOO}bar $EMPTY. x\\n' | envsubst",
        ),
        with_values("printf '$FOO $BAR ${BAR}\\n' | envsubst '$BAR'"),
        with_values("printf '$FOO $BAR ${BAR}\\n' | envsubst '${FOO} text $NOPE'"),
        with_values("envsubst -v 'x $B $A ${C} $A $1 ${D'"),
        with_values("envsubst --variables '$FOO${BAR}$'"),
        with_values("envsubst a b"),
        with_values("envsubst -x"),
        with_values("envsubst --nope"),
        with_values("printf 'no newline $FOO' | envsubst"),
        with_values("envsubst -v"),
        with_values("envsubst -h | head -3"),
        with_values("printf '$FOO\\n$BAR\\n' | envsubst -- '$FOO'"),
        with_values("printf '\\xff$FOO\\xfe\\n' | envsubst | od -c"),
        with_values(
            "printf 'x=$HOME_X y=${LINES_TXT}\\n' | envsubst; envsubst '$FOO' < lines.txt | tail -1",
        ),
    ]);
}
