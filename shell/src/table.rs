//! The builtins' table: each builtin's name, usage and what it does, for lookup, `type`,
//! completion and `help`.

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Builtin {
    Alias,
    Bg,
    Bind,
    Colon,
    Break,
    Bare,
    Cd,
    Command,
    Continue,
    Declare,
    Dirs,
    Disown,
    Echo,
    Eval,
    Exec,
    Exit,
    Export,
    False,
    Fg,
    Getopts,
    Help,
    History,
    WasmInstall,
    Jobs,
    Kill,
    Logout,
    Let,
    Local,
    Mapfile,
    Mount,
    Ns,
    Popd,
    Printf,
    Pushd,
    Pwd,
    Read,
    Readonly,
    Return,
    Set,
    Shift,
    Shopt,
    Source,
    Test,
    Trap,
    True,
    Type,
    Ulimit,
    Umask,
    Hash,
    Caller,
    Compgen,
    Fc,
    Complete,
    Compopt,
    Enable,
    Times,
    Umount,
    Unalias,
    Unset,
    Wait,
}

/// Name, builtin, usage, and what it does (for `help`).
pub(super) const BUILTINS: &[(&str, Builtin, &str, &str)] = &[
    (".", Builtin::Source, ". FILE [ARGS]", "the same as source"),
    (":", Builtin::Colon, ": [ARGS]", "do nothing, successfully"),
    ("[", Builtin::Test, "[ EXPRESSION ]", "the same as test"),
    (
        "alias",
        Builtin::Alias,
        "alias [NAME[=VALUE]...]",
        "define or show aliases",
    ),
    (
        "bg",
        Builtin::Bg,
        "bg [%JOB]",
        "continue a stopped job in the background",
    ),
    (
        "disown",
        Builtin::Disown,
        "disown [-h] [-ar] [%JOB...]",
        "forget jobs (-a: all, -r: the running ones; -h: keep them, spared a hangup)",
    ),
    (
        "bind",
        Builtin::Bind,
        "bind [-b|-a] OLD NEW",
        "show OLD at NEW (replace, before, after)",
    ),
    (
        "break",
        Builtin::Break,
        "break [N]",
        "leave the innermost N loops",
    ),
    (
        "builtin",
        Builtin::Bare,
        "builtin NAME [ARGS]",
        "run the builtin NAME, even where a function has its name",
    ),
    (
        "caller",
        Builtin::Caller,
        "caller [N]",
        "where the function N calls up was called from: LINE FUNCTION FILE",
    ),
    (
        "cd",
        Builtin::Cd,
        "cd [-L|-P] [DIR]",
        "change the working directory (- for the last one)",
    ),
    (
        "command",
        Builtin::Command,
        "command [-v|-V] NAME [ARGS]",
        "run NAME, not a function or alias",
    ),
    (
        "fc",
        Builtin::Fc,
        "fc [-e EDITOR] [-lnr] [FIRST [LAST]] or fc -s [OLD=NEW] [COMMAND]",
        "list, edit and run again commands of the history",
    ),
    (
        "compgen",
        Builtin::Compgen,
        "compgen [-abcdefgjksuv] [-o OPT] [-A ACTION] [-G GLOB] [-W WORDS] [-F FUNC] [-C CMD] [-X FILTER] [-P PRE] [-S SUF] [WORD]",
        "print the completions of WORD, one per line",
    ),
    (
        "complete",
        Builtin::Complete,
        "complete [-abcdefgjksuv] [-pr] [-DEI] [-o OPT] [-A ACTION] [-G GLOB] [-W WORDS] [-F FUNC] [-C CMD] [-X FILTER] [-P PRE] [-S SUF] [NAME...]",
        "say how Tab completes the arguments of each NAME (-p lists, -r removes)",
    ),
    (
        "compopt",
        Builtin::Compopt,
        "compopt [-o|+o OPT] [-DEI] [NAME...]",
        "change completion options, of the completion running or of each NAME",
    ),
    (
        "continue",
        Builtin::Continue,
        "continue [N]",
        "go on with the next turn of the Nth loop",
    ),
    (
        "declare",
        Builtin::Declare,
        "declare [-aAiIlnrxgp] [NAME[=VALUE]...]",
        "set variables and their attributes (array, integer, read-only, exported)",
    ),
    (
        "dirs",
        Builtin::Dirs,
        "dirs [-clpv]",
        "show the directory stack",
    ),
    (
        "echo",
        Builtin::Echo,
        "echo [-neE] [ARGS]",
        "print the arguments (-n: no newline, -e: backslash escapes)",
    ),
    (
        "enable",
        Builtin::Enable,
        "enable [-a] [-nps] [NAME...]",
        "turn builtins on, or off (-n) so NAME runs the program; alone: list them (-s: the special ones)",
    ),
    (
        "eval",
        Builtin::Eval,
        "eval [ARGS]",
        "run the arguments, joined by spaces, as shell text",
    ),
    (
        "exec",
        Builtin::Exec,
        "exec [COMMAND [ARGS]] [REDIRECTIONS]",
        "replace the shell with COMMAND, or redirect the shell's own descriptors (0-9)",
    ),
    (
        "exit",
        Builtin::Exit,
        "exit [N]",
        "leave the shell with status N (default: the last)",
    ),
    (
        "export",
        Builtin::Export,
        "export [-n] [-p] NAME[=VALUE]...",
        "pass variables to programs",
    ),
    ("false", Builtin::False, "false", "fail (status 1)"),
    (
        "fg",
        Builtin::Fg,
        "fg [%JOB]",
        "continue a job in the foreground",
    ),
    (
        "getopts",
        Builtin::Getopts,
        "getopts OPTSTRING NAME [ARGS]",
        "parse options one at a time (OPTIND, OPTARG)",
    ),
    (
        "hash",
        Builtin::Hash,
        "hash [-lr] [-p PATH] [-dt] [NAME...]",
        "show or set the programs remembered from $PATH, and how often each ran",
    ),
    (
        "help",
        Builtin::Help,
        "help [-ds] [PATTERN...]",
        "show this list, or the builtins PATTERN matches",
    ),
    (
        "history",
        Builtin::History,
        "history [-c] [N]",
        "list (or clear) the commands typed",
    ),
    (
        "jobs",
        Builtin::Jobs,
        "jobs [-l|-p]",
        "list jobs and their states",
    ),
    (
        "kill",
        Builtin::Kill,
        "kill [-SIGNAL] PID|%JOB... | -l",
        "send a signal (INT KILL TERM STOP CONT)",
    ),
    (
        "let",
        Builtin::Let,
        "let EXPRESSION...",
        "evaluate arithmetic; status 1 if the last is 0",
    ),
    (
        "local",
        Builtin::Local,
        "local [-aAiInrx] NAME[=VALUE]...",
        "make variables local to a function (-I: starting as the ones they hide)",
    ),
    (
        "logout",
        Builtin::Logout,
        "logout [N]",
        "leave the shell at the prompt with status N, as exit does",
    ),
    (
        "mapfile",
        Builtin::Mapfile,
        "mapfile [-t] [-n N] [-O N] [-s N] [-d D] [-u FD] [ARRAY]",
        "read lines into an array (MAPFILE)",
    ),
    (
        "mount",
        Builtin::Mount,
        "mount",
        "list the mount table (host directories: wasmix --mount)",
    ),
    ("ns", Builtin::Ns, "ns", "print this shell's namespace"),
    (
        "popd",
        Builtin::Popd,
        "popd",
        "go back to the directory below on the stack",
    ),
    (
        "printf",
        Builtin::Printf,
        "printf [-v VAR] FORMAT [ARGS]",
        "format ARGS (bash's %q and %(fmt)T too), or put the result in VAR",
    ),
    (
        "pushd",
        Builtin::Pushd,
        "pushd [DIR]",
        "go to DIR, keeping the directory on a stack (alone: swap the top two)",
    ),
    (
        "pwd",
        Builtin::Pwd,
        "pwd [-L|-P]",
        "print the working directory (-P: with links resolved)",
    ),
    (
        "read",
        Builtin::Read,
        "read [-r] [-a A] [-d D] [-n|-N N] [-p P] [-t S] [NAME...]",
        "read a line (or up to D, or N bytes) into variables or array A",
    ),
    (
        "readarray",
        Builtin::Mapfile,
        "readarray [-t] [-n N] [-O N] [-s N] [-d D] [-u FD] [ARRAY]",
        "the same as mapfile",
    ),
    (
        "readonly",
        Builtin::Readonly,
        "readonly [-aAp] NAME[=VALUE]...",
        "make variables unchangeable",
    ),
    (
        "return",
        Builtin::Return,
        "return [N]",
        "leave a function with status N",
    ),
    (
        "set",
        Builtin::Set,
        "set [-eux] [-o pipefail] [--] [ARGS]",
        "set options or $1...",
    ),
    (
        "shift",
        Builtin::Shift,
        "shift [N]",
        "drop the first N positional parameters",
    ),
    (
        "shopt",
        Builtin::Shopt,
        "shopt [-s|-u] [-pq] [NAME...]",
        "set glob and match options (nullglob, dotglob, globstar, nocasematch, ...)",
    ),
    (
        "source",
        Builtin::Source,
        "source FILE [ARGS]",
        "run FILE's commands in this shell",
    ),
    (
        "test",
        Builtin::Test,
        "test EXPRESSION",
        "compare strings and numbers, test files",
    ),
    (
        "trap",
        Builtin::Trap,
        "trap [-p] [COMMAND] EXIT|ERR",
        "run COMMAND when the shell exits, or after a command fails",
    ),
    (
        "times",
        Builtin::Times,
        "times",
        "print the CPU time of the shell and of its finished children",
    ),
    ("true", Builtin::True, "true", "succeed (status 0)"),
    (
        "type",
        Builtin::Type,
        "type [-afptP] NAME...",
        "tell what NAME is: alias, keyword, builtin, function, program",
    ),
    (
        "typeset",
        Builtin::Declare,
        "typeset [-aAilrxgp] [NAME[=VALUE]...]",
        "the same as declare",
    ),
    (
        "ulimit",
        Builtin::Ulimit,
        "ulimit [-SHacfntv] [limit]",
        "show or set limits on file size, open files, CPU and memory",
    ),
    (
        "umask",
        Builtin::Umask,
        "umask [-p] [-S] [MODE]",
        "show or set the mask new files' modes lack",
    ),
    (
        "umount",
        Builtin::Umount,
        "umount DIR",
        "remove what is mounted or bound at DIR",
    ),
    (
        "unalias",
        Builtin::Unalias,
        "unalias [-a] NAME...",
        "remove aliases",
    ),
    (
        "unset",
        Builtin::Unset,
        "unset [-f|-v] NAME...",
        "remove variables, array elements (NAME[I]) and functions",
    ),
    (
        "wasm-install",
        Builtin::WasmInstall,
        "wasm-install FILE [NAME]",
        "check, compile and copy a .wasm program into /bin",
    ),
    (
        "wait",
        Builtin::Wait,
        "wait [-n] [%JOB|PID]...",
        "wait for jobs to end (-n: for the next one)",
    ),
];

/// Words bash reserves, for `type` and `compgen -k` (in bash's order).
pub(super) const KEYWORDS: &[&str] = &[
    "if", "then", "else", "elif", "fi", "case", "esac", "for", "select", "while", "until", "do",
    "done", "in", "function", "time", "{", "}", "!", "[[", "]]", "coproc",
];

/// POSIX's special builtins, and `source` as bash counts it: in POSIX mode their prefix
/// assignments stay set after them and no function may take their names.
pub(super) const SPECIAL: &[&str] = &[
    ":", ".", "break", "continue", "eval", "exec", "exit", "export", "readonly", "return", "set",
    "shift", "source", "times", "trap", "unset",
];

/// The names of all builtins, for completion.
pub fn names() -> impl Iterator<Item = &'static str> {
    BUILTINS.iter().map(|(name, ..)| *name)
}

impl Builtin {
    pub fn find(name: &str) -> Option<Builtin> {
        BUILTINS
            .iter()
            .find(|(n, ..)| *n == name)
            .map(|(_, builtin, ..)| *builtin)
    }
}

impl super::Shell {
    /// `help [-ds] [PATTERN...]`: the builtins whose names match, in full, as a
    /// description (`-d`) or as a synopsis (`-s`).
    pub(super) fn help_builtin(&self, args: &[String]) -> (u8, String) {
        let mut short = None;
        let mut patterns = args;
        while let Some(flags) = patterns.first().and_then(|a| a.strip_prefix('-')) {
            patterns = &patterns[1..];
            if flags == "-" {
                break;
            }
            for flag in flags.chars() {
                match flag {
                    // `-d` wins over `-s`, whatever their order.
                    'd' => short = Some('d'),
                    's' => short = short.or(Some('s')),
                    other => {
                        self.report(&format!("help: -{other}: invalid option"));
                        self.say("help: usage: help [-ds] [pattern ...]".into());
                        return (2, String::new());
                    }
                }
            }
        }
        if patterns.is_empty() {
            return (0, help_text());
        }
        let mut text = String::new();
        for pattern in patterns {
            let matcher = super::pattern::Pattern::new(pattern, true);
            let matching = BUILTINS.iter().filter(|(name, ..)| matcher.matches(name));
            for (name, _, usage, what) in matching {
                text.push_str(&match short {
                    Some('d') => format!("{name} - {what}\n"),
                    Some(_) => format!("{name}: {usage}\n"),
                    None => format!("{name}: {usage}\n    {what}\n"),
                });
            }
        }
        // bash complains only when nothing matched, naming the last pattern.
        if text.is_empty() {
            let pattern = &patterns[patterns.len() - 1];
            self.report(&format!(
                "help: no help topics match `{pattern}'.  Try `help help' or `man -k {pattern}' or `info {pattern}'."
            ));
            return (1, text);
        }
        (0, text)
    }
}

fn help_text() -> String {
    let mut text =
        String::from("wasmix shell. Programs live in /bin; these commands are built in:\n\n");
    let mut listed: Vec<_> = BUILTINS.iter().collect();
    listed.sort_by_key(|(name, ..)| *name);
    for (_, _, usage, what) in listed {
        // A synopsis too long for its column has its description on the next line.
        if usage.len() < 34 {
            text.push_str(&format!("  {usage:<34}{what}\n"));
        } else {
            text.push_str(&format!("  {usage}\n  {:<34}{what}\n", ""));
        }
    }
    text.push_str(
        "\nCommands: NAME ARGS..., joined by | (pipes), ; && || (lists) and & (background),\n\
         with redirections < > >> >| <> 2> N>&M N<&M &> <<EOF <<-EOF <<<; if, while, until,\n\
         for, case, { }, ( ), functions, (( )), [[ ]]; $VAR, ${VAR:-x} and the other\n\
         operators, arrays a=(x y) and declare -A, {a,b} and {1..9}, \"$@\", $(...),\n\
         $((...)); time PIPELINE; Ctrl-Z stops the foreground job.\n",
    );
    text
}
