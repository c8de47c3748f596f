//! locale: the locale settings in effect, the locales there are, and the values of their
//! keywords, as glibc's locale prints them. wasmix has the two locales every glibc
//! system has, C (also called POSIX) and C.UTF-8; their keywords are glibc's own, recorded
//! from this machine's `locale` by `record.sh` into `keywords.tsv`.

use std::io::Write;
use wasmix_common::{Arg, Failure, Program, args, note};

static PROGRAM: Program = Program::new(
    "locale",
    "Usage: locale [OPTION...] NAME\n  \
     or:  locale [OPTION...] [-a]\n\
     Get locale-specific information.\n\n \
     System information:\n  \
     -a, --all-locales          Write names of available locales\n\n \
     Modify output format:\n  \
     -c, --category-name        Write names of selected categories\n  \
     -k, --keyword-name         Write names of selected keywords\n\n  \
     -?, --help                 Give this help list\n      \
     --usage                Give a short usage message\n  \
     -V, --version              Print program version\n",
);

/// The categories, in the order glibc lists them.
const CATEGORIES: [&str; 12] = [
    "LC_CTYPE",
    "LC_NUMERIC",
    "LC_TIME",
    "LC_COLLATE",
    "LC_MONETARY",
    "LC_MESSAGES",
    "LC_PAPER",
    "LC_NAME",
    "LC_ADDRESS",
    "LC_TELEPHONE",
    "LC_MEASUREMENT",
    "LC_IDENTIFICATION",
];

/// `--usage`, as argp words it.
const USAGE: &str = "Usage: locale [-ack?V] [--all-locales] [--category-name] [--keyword-name]\n            \
                     [--help] [--usage] [--version] NAME\n  or:  locale [OPTION...] [-a]\n";

const KEYWORDS: &str = include_str!("keywords.tsv");

/// One keyword: its name, category, and its value in C and in C.UTF-8, each as
/// `locale -k` writes it and as plain `locale` does.
struct Keyword<'a> {
    name: &'a str,
    category: &'a str,
    c: (&'a str, &'a str),
    utf8: (&'a str, &'a str),
}

fn keywords() -> impl Iterator<Item = Keyword<'static>> {
    KEYWORDS.lines().filter_map(|line| {
        let mut fields = line.split('\t');
        Some(Keyword {
            name: fields.next()?,
            category: fields.next()?,
            c: (fields.next()?, fields.next()?),
            utf8: (fields.next()?, fields.next()?),
        })
    })
}

fn variable(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|value| !value.is_empty())
}

/// The locale a category is set to: `LC_ALL`, else its own variable, else `LANG`.
fn setting(category: &str) -> Option<String> {
    variable("LC_ALL")
        .or_else(|| variable(category))
        .or_else(|| variable("LANG"))
}

/// Which of the two locales a name is: C.UTF-8 (`true`), C (`false`), or neither. glibc
/// reads the codeset loosely (`C.utf8`, `C.UTF8`) and lets a modifier (`@x`) go.
fn known(name: &str) -> Option<bool> {
    let name = name.split_once('@').map_or(name, |(name, _)| name);
    match name.split_once('.') {
        None => matches!(name, "C" | "POSIX").then_some(false),
        Some(("C", codeset)) => {
            let normal: String = codeset
                .chars()
                .filter(|c| c.is_ascii_alphanumeric())
                .map(|c| c.to_ascii_lowercase())
                .collect();
            (normal == "utf8").then_some(true)
        }
        Some(_) => None,
    }
}

/// Whether a category's data is C.UTF-8's (else C's, also when its setting is unknown,
/// as glibc falls back).
fn is_utf8(category: &str) -> bool {
    setting(category).is_some_and(|name| known(&name) == Some(true))
}

fn valid(category: &str) -> bool {
    setting(category).is_none_or(|name| known(&name).is_some())
}

/// glibc's warnings for settings it cannot load: LC_CTYPE's, LC_MESSAGES', then all's.
fn warn_unknown_settings() {
    let reason = "No such file or directory";
    for category in ["LC_CTYPE", "LC_MESSAGES"] {
        if !valid(category) {
            PROGRAM.warn(format!("Cannot set {category} to default locale: {reason}"));
        }
    }
    if !CATEGORIES.iter().all(|category| valid(category)) {
        PROGRAM.warn(format!("Cannot set LC_ALL to default locale: {reason}"));
    }
}

/// `locale` alone: the variables and what each category is set to.
fn list_settings(out: &mut impl Write) -> std::io::Result<()> {
    let raw = |name: &str| std::env::var(name).unwrap_or_default();
    writeln!(out, "LANG={}", raw("LANG"))?;
    writeln!(out, "LANGUAGE={}", raw("LANGUAGE"))?;
    let all = variable("LC_ALL");
    for category in CATEGORIES {
        match (&all, variable(category)) {
            (None, Some(own)) => writeln!(out, "{category}={own}")?,
            _ => {
                let name = setting(category).unwrap_or_else(|| "POSIX".into());
                writeln!(out, "{category}=\"{name}\"")?
            }
        }
    }
    writeln!(out, "LC_ALL={}", raw("LC_ALL"))
}

/// The values of a keyword or of every keyword of a category: whether `name` is one.
fn show(
    name: &str,
    with_category: bool,
    with_keyword: bool,
    out: &mut impl Write,
) -> std::io::Result<bool> {
    let is_category = CATEGORIES.contains(&name);
    let selected: Vec<Keyword> = keywords()
        .filter(|k| {
            if is_category {
                k.category == name
            } else {
                k.name == name
            }
        })
        .collect();
    let Some(first) = selected.first() else {
        return Ok(false);
    };
    if with_category {
        writeln!(out, "{}", first.category)?;
    }
    for keyword in &selected {
        let (keyword_form, plain) = match is_utf8(keyword.category) {
            true => keyword.utf8,
            false => keyword.c,
        };
        match with_keyword {
            true => writeln!(out, "{}={keyword_form}", keyword.name)?,
            false => writeln!(out, "{plain}")?,
        }
    }
    Ok(true)
}

fn main() {
    PROGRAM.run(|mut args, out| {
        let (mut all_locales, mut with_category, mut with_keyword) = (false, false, false);
        let mut names = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('a') | Arg::Long("all-locales") => all_locales = true,
                Arg::Short('c') | Arg::Long("category-name") => with_category = true,
                Arg::Short('k') | Arg::Long("keyword-name") => with_keyword = true,
                Arg::Short('?') => args.show_help(),
                Arg::Short('V') => args.show_version(),
                Arg::Long("usage") => {
                    out.write_all(USAGE.as_bytes())?;
                    return Ok(0);
                }
                Arg::Value(v) => names.push(args::into_string(v)?),
                // argp's words and status for a bad option.
                other => {
                    if let Failure::Usage(message) = args::unexpected(other) {
                        PROGRAM.warn(message);
                    }
                    note!("Try `locale --help' or `locale --usage' for more information.");
                    return Err(Failure::Status(64));
                }
            }
        }
        warn_unknown_settings();
        if all_locales {
            out.write_all(b"C\nC.utf8\nPOSIX\n")?;
            return Ok(0);
        }
        if names.is_empty() {
            list_settings(out)?;
            return Ok(0);
        }
        // The first name that is no keyword or category ends it.
        for name in names {
            if !show(&name, with_category, with_keyword, out)? {
                PROGRAM.warn(format!("unknown name \"{name}\""));
                return Ok(1);
            }
        }
        Ok(0)
    })
}
