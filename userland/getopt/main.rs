//! getopt: a command line's options, parsed and quoted for a shell script to `eval`, as
//! util-linux's getopt prints them (`parse.rs` reads them as glibc's getopt_long).

mod parse;

use parse::{Found, Reader, Spec, Takes};
use std::io::Write;
use wasmix_common::{Failure, Output, Program, note};

static PROGRAM: Program = Program::new(
    "getopt",
    "\nUsage:\n \
     getopt <optstring> <parameters>\n \
     getopt [options] [--] <optstring> <parameters>\n \
     getopt [options] -o|--options <optstring> [options] [--] <parameters>\n\n\
     Parse command options.\n\n\
     Options:\n \
     -a, --alternative             allow long options starting with single -\n \
     -l, --longoptions <longopts>  the long options to be recognized\n \
     -n, --name <progname>         the name under which errors are reported\n \
     -o, --options <optstring>     the short options to be recognized\n \
     -q, --quiet                   disable error reporting by getopt(3)\n \
     -Q, --quiet-output            no normal output\n \
     -s, --shell <shell>           set quoting conventions to those of <shell>\n \
     -T, --test                    test for getopt(1) version\n \
     -u, --unquoted                do not quote the output\n\n \
     -h, --help                    display this help\n \
     -V, --version                 display version\n\n\
     For more details see getopt(1).\n",
);

/// Statuses: the parameters had an error, getopt was used wrongly, `-T` asked.
const PARAMETER_ERROR: u8 = 1;
const USAGE_ERROR: u8 = 2;
const TEST_STATUS: u8 = 4;

/// How words are quoted for the shell that will read them.
#[derive(Clone, Copy, PartialEq)]
enum Quoting {
    Unquoted,
    /// sh and bash: in single quotes, a quote as `'\''`.
    Bourne,
    /// csh and tcsh: also `!`, blanks and newlines escaped.
    C,
}

fn quote(word: &str, quoting: Quoting) -> String {
    if quoting == Quoting::Unquoted {
        return word.to_string();
    }
    let mut quoted = String::from("'");
    for c in word.chars() {
        match c {
            '\'' => quoted.push_str("'\\''"),
            '!' if quoting == Quoting::C => quoted.push_str("'\\!'"),
            '\n' if quoting == Quoting::C => quoted.push_str("\\n"),
            c if quoting == Quoting::C && c.is_ascii_whitespace() => {
                quoted.push_str("'\\");
                quoted.push(c);
                quoted.push('\'');
            }
            c => quoted.push(c),
        }
    }
    quoted.push('\'');
    quoted
}

/// What getopt's own options asked for.
struct Settings {
    optstring: Option<String>,
    long: Vec<(String, Takes)>,
    name: String,
    quoting: Quoting,
    long_only: bool,
    quiet_errors: bool,
    quiet_output: bool,
}

/// Adds the long options of a `-l` list (names separated by commas or blanks, each
/// ending in `:` or `::` if it takes an argument).
fn add_long(list: &str, long: &mut Vec<(String, Takes)>) {
    for name in list.split([',', ' ', '\t', '\n']).filter(|n| !n.is_empty()) {
        let (name, takes) = if let Some(name) = name.strip_suffix("::") {
            (name, Takes::Optional)
        } else if let Some(name) = name.strip_suffix(':') {
            (name, Takes::Argument)
        } else {
            (name, Takes::Nothing)
        };
        long.push((name.to_string(), takes));
    }
}

/// A mistake in getopt's own command line: its message and the hint, status 2.
fn usage_error(message: Option<&str>) -> u8 {
    if let Some(message) = message {
        note!("getopt: {message}");
    }
    note!("Try 'getopt --help' for more information.");
    USAGE_ERROR
}

/// Parses the parameters with the settings and prints what a script would `eval`.
fn generate(settings: &Settings, optstring: &str, parameters: Vec<String>, out: &mut Output) -> u8 {
    let mut spec = Spec::new(optstring, settings.long.clone());
    spec.long_only = settings.long_only;
    spec.report &= !settings.quiet_errors;
    let mut reader = Reader::new(&spec, &settings.name, parameters);
    let mut text = String::new();
    let mut status = 0;
    let argument = |value: Option<String>| quote(&value.unwrap_or_default(), settings.quoting);
    while let Some(found) = reader.next_option() {
        match found {
            Found::Short(c, takes, value) => {
                text.push_str(&format!(" -{c}"));
                if takes != Takes::Nothing {
                    text.push_str(&format!(" {}", argument(value)));
                }
            }
            Found::Long(index, value) => {
                let (name, takes) = &spec.long[index];
                text.push_str(&format!(" --{name}"));
                if *takes != Takes::Nothing {
                    text.push_str(&format!(" {}", argument(value)));
                }
            }
            Found::Word(word) => text.push_str(&format!(" {}", argument(Some(word)))),
            Found::Error => status = PARAMETER_ERROR,
        }
    }
    text.push_str(" --");
    for word in reader.rest() {
        text.push_str(&format!(" {}", quote(&word, settings.quoting)));
    }
    if !settings.quiet_output {
        let _ = writeln!(out, "{text}");
    }
    status
}

fn run(words: Vec<String>, out: &mut Output) -> u8 {
    let compatible = std::env::var_os("GETOPT_COMPATIBLE").is_some();
    let mut settings = Settings {
        optstring: None,
        long: Vec::new(),
        name: "getopt".to_string(),
        quoting: Quoting::Bourne,
        long_only: false,
        quiet_errors: false,
        quiet_output: false,
    };
    let Some(first) = words.first() else {
        if compatible {
            let _ = writeln!(out, " --");
            return 0;
        }
        return usage_error(Some("missing optstring argument"));
    };
    // The old getopt's form: the option string first, its output unquoted.
    if !first.starts_with('-') || compatible {
        settings.quoting = Quoting::Unquoted;
        let optstring = first.trim_start_matches(['-', '+']).to_string();
        return generate(&settings, &optstring, words[1..].to_vec(), out);
    }
    // getopt's own long options, each with the short one it stands for.
    let own = [
        ("options", Takes::Argument, 'o'),
        ("longoptions", Takes::Argument, 'l'),
        ("quiet", Takes::Nothing, 'q'),
        ("quiet-output", Takes::Nothing, 'Q'),
        ("shell", Takes::Argument, 's'),
        ("test", Takes::Nothing, 'T'),
        ("unquoted", Takes::Nothing, 'u'),
        ("help", Takes::Nothing, 'h'),
        ("alternative", Takes::Nothing, 'a'),
        ("name", Takes::Argument, 'n'),
        ("version", Takes::Nothing, 'V'),
    ];
    let own_long = own.iter().map(|(n, t, _)| (n.to_string(), *t)).collect();
    let spec = Spec::new("+ao:l:n:qQs:TuhV", own_long);
    let mut reader = Reader::new(&spec, "getopt", words);
    while let Some(found) = reader.next_option() {
        let (key, value) = match found {
            Found::Short(c, _, value) => (c, value.unwrap_or_default()),
            Found::Long(index, value) => (own[index].2, value.unwrap_or_default()),
            Found::Word(_) | Found::Error => return usage_error(None),
        };
        match key {
            'a' => settings.long_only = true,
            'o' => settings.optstring = Some(value),
            'l' => add_long(&value, &mut settings.long),
            'n' => settings.name = value,
            'q' => settings.quiet_errors = true,
            'Q' => settings.quiet_output = true,
            's' => {
                settings.quoting = match value.as_str() {
                    "sh" | "bash" => Quoting::Bourne,
                    "csh" | "tcsh" => Quoting::C,
                    _ => return usage_error(Some("unknown shell after -s or --shell argument")),
                }
            }
            'T' => return TEST_STATUS,
            'u' => settings.quoting = Quoting::Unquoted,
            'h' => PROGRAM.show_help(),
            _ => PROGRAM.show_version(),
        }
    }
    let mut parameters = reader.rest();
    let optstring = match settings.optstring.take() {
        Some(optstring) => optstring,
        None if parameters.is_empty() => {
            return usage_error(Some("missing optstring argument"));
        }
        None => parameters.remove(0),
    };
    generate(&settings, &optstring, parameters, out)
}

fn main() {
    PROGRAM.run(|_, out| Ok::<u8, Failure>(run(wasmix_common::args::words(), out)))
}
