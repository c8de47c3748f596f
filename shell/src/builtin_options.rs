//! The options of builtins that bash reads with its internal getopt: a letter it does not
//! know is refused before the builtin runs, with bash's words and usage line (status 2),
//! so `exec -i` or `eval -x` fail instead of taking the option for a command or a name.

use super::Shell;

/// The option letters (getopt style: a `:` after a letter that takes an argument) and
/// the usage line of each builtin checked here.
fn spec(builtin: &str) -> Option<(&'static str, &'static str)> {
    Some(match builtin {
        "alias" => ("p", "alias [-p] [name[=value] ... ]"),
        "unalias" => ("a", "unalias [-a] name [name ...]"),
        "exec" => (
            "cla:",
            "exec [-cl] [-a name] [command [argument ...]] [redirection ...]",
        ),
        "readonly" => ("aAfnp", "readonly [-aAf] [name[=value] ...] or readonly -p"),
        "export" => ("aAfnp", "export [-fn] [name[=value] ...] or export -p"),
        "eval" => ("", "eval [arg ...]"),
        "builtin" => ("", "builtin [shell-builtin [arg ...]]"),
        "caller" => ("", "caller [expr]"),
        "." => ("", ". filename [arguments]"),
        "source" => ("", "source filename [arguments]"),
        "command" => ("pVv", "command [-pVv] command [arg ...]"),
        "wait" => ("fnp:", "wait [-fn] [-p var] [id ...]"),
        "umask" => ("pS", "umask [-p] [-S] [mode]"),
        "pwd" => ("LP", "pwd [-LP]"),
        "hash" => ("dlp:rt", "hash [-lr] [-p pathname] [-dt] [name ...]"),
        "jobs" => (
            "lnprsx",
            "jobs [-lnprs] [jobspec ...] or jobs -x command [args]",
        ),
        "mapfile" | "readarray" => (
            "d:n:O:s:tu:C:c:",
            "mapfile [-d delim] [-n count] [-O origin] [-s count] [-t] [-u fd] [-C callback] [-c quantum] [array]",
        ),
        "declare" | "typeset" => (
            "acfgilnprtuxAFGI",
            "declare [-aAfFgiIlnrtux] [name[=value] ...] or declare -p [-aAfFilnrtux] [name ...]",
        ),
        "local" => ("acfgilnprtuxAFGI", "local [option] name[=value] ..."),
        _ => return None,
    })
}

impl Shell {
    /// Refuses an option `builtin` does not know, as bash: the complaint and its usage
    /// line; Some(2) then, None when the options are fine.
    pub(super) fn refuse_unknown_options(&self, builtin: &str, args: &[String]) -> Option<u8> {
        let (letters, usage) = spec(builtin)?;
        let takes_argument = |c: char| {
            letters
                .find(c)
                .is_some_and(|at| letters[at + c.len_utf8()..].starts_with(':'))
        };
        let mut rest = args.iter();
        while let Some(arg) = rest.next() {
            if arg == "--" || !arg.starts_with('-') || arg.len() == 1 {
                return None;
            }
            for (at, c) in arg.char_indices().skip(1) {
                if c == ':' || !letters.contains(c) {
                    self.report(&format!("{builtin}: -{c}: invalid option"));
                    self.say(format!("{builtin}: usage: {usage}"));
                    return Some(2);
                }
                if takes_argument(c) {
                    // The rest of the word is its argument, or else the next word.
                    if at + c.len_utf8() == arg.len() && rest.next().is_none() {
                        self.report(&format!("{builtin}: -{c}: option requires an argument"));
                        self.say(format!("{builtin}: usage: {usage}"));
                        return Some(2);
                    }
                    break;
                }
            }
        }
        None
    }
}
