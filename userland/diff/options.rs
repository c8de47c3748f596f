//! diff's command line, read as GNU diff reads it: one output style (a second one is a
//! conflict), the largest context asked for, the obsolete `-NUM`, formats and patterns.

use crate::ifdef::{Formats, Kind};
use crate::likeness::Likeness;
use crate::lines::{Look, Palette};
use crate::side_by_side::SideBySide;
use wasmix_common::posix_regex::{Dialect, Flags, PosixRegex, Syntax};
use wasmix_common::{Arg, Args, Failure, args};

/// The output formats; with a number, the lines of context.
#[derive(Clone, Copy, PartialEq)]
pub enum Style {
    Normal,
    Unified,
    Context,
    SideBySide,
    Ed,
    Rcs,
    Ifdef,
}

pub struct Options {
    pub brief: bool,
    pub report_identical: bool,
    pub style: Style,
    pub context: usize,
    pub columns: SideBySide,
    pub recursive: bool,
    pub new_file: bool,
    /// `-P`: a first file that is absent is empty.
    pub new_first_file: bool,
    pub text: bool,
    /// `--no-dereference`: symbolic links are compared as links, by their targets.
    pub no_dereference: bool,
    pub strip_trailing_cr: bool,
    pub minimal: bool,
    pub horizon: usize,
    pub likeness: Likeness,
    pub functions: Vec<PosixRegex>,
    pub labels: Vec<String>,
    pub look: Look,
    pub formats: Formats,
    pub exclude: Vec<glob::Pattern>,
    pub starting_file: Option<String>,
    pub from_file: Option<String>,
    pub to_file: Option<String>,
    pub operands: Vec<String>,
    /// The options as given, for the `diff -r a/x b/x` line before each file of a tree.
    pub switches: String,
}

/// The NUM of `-C`, `-U`, `--context` and `--unified`.
fn context_length(text: &str) -> Result<usize, Failure> {
    text.parse()
        .map_err(|_| Failure::Usage(format!("invalid context length '{text}'")))
}

/// A width or tab size: a number above 0.
fn positive(text: &str, what: &str) -> Result<usize, Failure> {
    text.parse()
        .ok()
        .filter(|&n| n > 0)
        .ok_or_else(|| Failure::Usage(format!("invalid {what} '{text}'")))
}

/// A pattern of `-I` or `-F`: a basic regular expression, as GNU's grep reads one.
fn pattern(text: &str) -> Result<PosixRegex, Failure> {
    let syntax = Syntax {
        extended: false,
        dialect: Dialect::Grep,
        control_escapes: false,
        bracket_escapes: false,
    };
    PosixRegex::new(text, syntax, Flags::default())
        .map_err(|message| Failure::Fatal(format!("{text}: {message}")))
}

fn exclusion(text: &str) -> Result<glob::Pattern, Failure> {
    glob::Pattern::new(text).map_err(|e| Failure::Fatal(format!("{text}: {e}")))
}

/// The options as typed (each with its value), for the `diff -r` line: every argument
/// but the operands, in order, quoted for the shell where they need it, as GNU's diff
/// shows them.
fn switches(raw: &[String], operands: &[String]) -> String {
    let mut shown = String::new();
    let mut operands = operands.iter().peekable();
    let mut value_follows = false;
    for arg in raw {
        if !value_follows && operands.peek() == Some(&arg) {
            operands.next();
            continue;
        }
        shown.push(' ');
        shown.push_str(&wasmix_common::quote::quotef(arg));
        value_follows = matches!(
            arg.as_str(),
            "-C" | "-U"
                | "-W"
                | "-D"
                | "-F"
                | "-I"
                | "-x"
                | "-X"
                | "-S"
                | "-L"
                | "--label"
                | "--width"
                | "--tabsize"
        );
    }
    shown
}

impl Options {
    /// Takes the style an option names: another one than the style already chosen is
    /// refused, as GNU's diff refuses `-c -u`.
    fn choose(&mut self, style: Style, chosen: &mut bool) -> Result<(), Failure> {
        if *chosen && self.style != style {
            return Err(Failure::Usage("conflicting output style options".into()));
        }
        self.style = style;
        *chosen = true;
        Ok(())
    }

    fn format(&mut self, value: String, slot: impl Fn(&mut Formats) -> &mut Option<Vec<u8>>) {
        *slot(&mut self.formats) = Some(value.into_bytes());
    }

    pub fn parse(mut args: Args) -> Result<Options, Failure> {
        let mut o = Options {
            brief: false,
            report_identical: false,
            style: Style::Normal,
            context: 0,
            columns: SideBySide {
                width: 130,
                tab_size: 8,
                expand_tabs: false,
                left_column: false,
                suppress_common: false,
            },
            recursive: false,
            new_file: false,
            new_first_file: false,
            text: false,
            no_dereference: false,
            strip_trailing_cr: false,
            minimal: false,
            horizon: 0,
            likeness: Likeness::default(),
            functions: Vec::new(),
            labels: Vec::new(),
            look: Look::default(),
            formats: Formats::default(),
            exclude: Vec::new(),
            starting_file: None,
            from_file: None,
            to_file: None,
            operands: Vec::new(),
            switches: String::new(),
        };
        let raw: Vec<String> = std::env::args().skip(1).collect();
        let mut chosen = false;
        let mut show_function = false;
        let mut explicit_context = false;
        // `-NUM`: the digits of one run of options, as GNU's `ocontext`.
        let mut obsolete_context: Option<usize> = None;
        let mut previous_was_digit = false;
        let mut color = "never".to_string();
        let mut palette = Palette::default();
        while let Some(arg) = args.next()? {
            let digit = matches!(arg, Arg::Short(c) if c.is_ascii_digit());
            match arg {
                Arg::Short(c @ '0'..='9') => {
                    let so_far = if previous_was_digit {
                        obsolete_context.unwrap_or(0)
                    } else {
                        0
                    };
                    obsolete_context =
                        Some(so_far.saturating_mul(10) + (c as usize - '0' as usize));
                }
                Arg::Short('q') | Arg::Long("brief") => o.brief = true,
                Arg::Short('s') | Arg::Long("report-identical-files") => o.report_identical = true,
                Arg::Long("normal") => o.choose(Style::Normal, &mut chosen)?,
                Arg::Short('u') => {
                    o.choose(Style::Unified, &mut chosen)?;
                    o.context = o.context.max(3);
                }
                Arg::Short('c') => {
                    o.choose(Style::Context, &mut chosen)?;
                    o.context = o.context.max(3);
                }
                Arg::Short(c @ ('C' | 'U')) => {
                    let n = context_length(&args.value()?)?;
                    let style = if c == 'C' {
                        Style::Context
                    } else {
                        Style::Unified
                    };
                    o.choose(style, &mut chosen)?;
                    o.context = o.context.max(n);
                    explicit_context = true;
                }
                Arg::Long(name @ ("context" | "unified")) => {
                    let style = if name == "context" {
                        Style::Context
                    } else {
                        Style::Unified
                    };
                    let n = match args.optional_value() {
                        Some(text) => context_length(&text)?,
                        None => 3,
                    };
                    o.choose(style, &mut chosen)?;
                    o.context = o.context.max(n);
                    explicit_context = true;
                }
                Arg::Short('e') | Arg::Long("ed") => o.choose(Style::Ed, &mut chosen)?,
                Arg::Short('n') | Arg::Long("rcs") => o.choose(Style::Rcs, &mut chosen)?,
                Arg::Short('y') | Arg::Long("side-by-side") => {
                    o.choose(Style::SideBySide, &mut chosen)?
                }
                Arg::Short('D') | Arg::Long("ifdef") => {
                    o.choose(Style::Ifdef, &mut chosen)?;
                    let name = args.value()?;
                    for (slot, text) in o.formats.group.iter_mut().zip(Formats::ifdef(&name)) {
                        *slot = Some(text);
                    }
                }
                Arg::Long(name) if name.ends_with("-format") => {
                    let (kind, group) = match name {
                        "line-format" => (None, false),
                        "unchanged-line-format" => (Some(Kind::Unchanged), false),
                        "old-line-format" => (Some(Kind::Old), false),
                        "new-line-format" => (Some(Kind::New), false),
                        "unchanged-group-format" => (Some(Kind::Unchanged), true),
                        "old-group-format" => (Some(Kind::Old), true),
                        "new-group-format" => (Some(Kind::New), true),
                        "changed-group-format" => (Some(Kind::Changed), true),
                        _ => return Err(args::unexpected(Arg::Long(name))),
                    };
                    let value = args.value()?;
                    o.choose(Style::Ifdef, &mut chosen)?;
                    match (kind, group) {
                        (None, _) => {
                            for slot in &mut o.formats.line {
                                *slot = Some(value.clone().into_bytes());
                            }
                        }
                        (Some(k), true) => o.format(value, |f| &mut f.group[k as usize]),
                        (Some(k), false) => o.format(value, |f| &mut f.line[k as usize]),
                    }
                }
                Arg::Short('W') | Arg::Long("width") => {
                    o.columns.width = positive(&args.value()?, "width")?
                }
                Arg::Long("tabsize") => o.columns.tab_size = positive(&args.value()?, "tabsize")?,
                Arg::Long("left-column") => o.columns.left_column = true,
                Arg::Long("suppress-common-lines") => o.columns.suppress_common = true,
                Arg::Short('p') | Arg::Long("show-c-function") => {
                    show_function = true;
                    o.functions.push(pattern("^[[:alpha:]$_]")?);
                }
                Arg::Short('F') | Arg::Long("show-function-line") => {
                    o.functions.push(pattern(&args.value()?)?)
                }
                Arg::Short('t') | Arg::Long("expand-tabs") => o.look.expand_tabs = true,
                Arg::Short('T') | Arg::Long("initial-tab") => o.look.initial_tab = true,
                Arg::Long("suppress-blank-empty") => o.look.suppress_blank_empty = true,
                Arg::Short('r') | Arg::Long("recursive") => o.recursive = true,
                Arg::Short('N') | Arg::Long("new-file") => o.new_file = true,
                Arg::Short('P') | Arg::Long("unidirectional-new-file") => o.new_first_file = true,
                Arg::Short('x') | Arg::Long("exclude") => {
                    o.exclude.push(exclusion(&args.value()?)?)
                }
                Arg::Short('X') | Arg::Long("exclude-from") => {
                    let name = args.value()?;
                    let text = std::fs::read(&name).map_err(|e| {
                        Failure::Fatal(format!("{name}: {}", wasmix_common::describe_io_error(&e)))
                    })?;
                    for line in String::from_utf8_lossy(&text).lines() {
                        o.exclude.push(exclusion(line)?);
                    }
                }
                Arg::Short('S') | Arg::Long("starting-file") => {
                    o.starting_file = Some(args.value()?)
                }
                Arg::Long("from-file") => o.from_file = Some(args.value()?),
                Arg::Long("to-file") => o.to_file = Some(args.value()?),
                Arg::Short('a') | Arg::Long("text") => o.text = true,
                Arg::Long("no-dereference") => o.no_dereference = true,
                Arg::Long("strip-trailing-cr") => o.strip_trailing_cr = true,
                Arg::Short('i') | Arg::Long("ignore-case") => o.likeness.ignore_case = true,
                Arg::Short('E') | Arg::Long("ignore-tab-expansion") => {
                    o.likeness.add_white_space('E')
                }
                Arg::Short('Z') | Arg::Long("ignore-trailing-space") => {
                    o.likeness.add_white_space('Z')
                }
                Arg::Short('b') | Arg::Long("ignore-space-change") => {
                    o.likeness.add_white_space('b')
                }
                Arg::Short('w') | Arg::Long("ignore-all-space") => o.likeness.add_white_space('w'),
                Arg::Short('B') | Arg::Long("ignore-blank-lines") => {
                    o.likeness.ignore_blank_lines = true
                }
                Arg::Short('I') | Arg::Long("ignore-matching-lines") => {
                    o.likeness.ignore_matching.push(pattern(&args.value()?)?)
                }
                Arg::Short('d') | Arg::Long("minimal") => o.minimal = true,
                Arg::Long("horizon-lines") => {
                    let text = args.value()?;
                    let n: usize = text
                        .parse()
                        .map_err(|_| Failure::Usage(format!("invalid horizon length '{text}'")))?;
                    o.horizon = o.horizon.max(n);
                }
                Arg::Long("color") => color = args.optional_value().unwrap_or("auto".into()),
                Arg::Long("palette") => {
                    palette = palette
                        .parse(&args.value()?)
                        .ok_or_else(|| Failure::Fatal("unparsable value for --palette".into()))?
                }
                Arg::Short('L') | Arg::Long("label") => o.labels.push(args.value()?),
                Arg::Value(v) => o.operands.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
            previous_was_digit = digit;
        }
        if !chosen && show_function {
            o.style = Style::Context;
            if obsolete_context.is_none() {
                o.context = 3;
            }
        }
        if let Some(n) = obsolete_context
            && matches!(o.style, Style::Context | Style::Unified)
            && (o.context < n || n < o.context && !explicit_context)
        {
            o.context = n;
        }
        o.look.tab_size = o.columns.tab_size;
        o.columns.expand_tabs = o.look.expand_tabs;
        o.likeness.tab_size = o.columns.tab_size;
        o.horizon = o.horizon.max(o.context);
        let terminal = std::io::IsTerminal::is_terminal(&std::io::stdout())
            && std::env::var("TERM").map_or(true, |t| t != "dumb");
        o.look.palette = match color.as_str() {
            "always" | "yes" | "force" => Some(palette),
            "auto" | "tty" | "if-tty" if terminal => Some(palette),
            "auto" | "tty" | "if-tty" | "never" | "no" | "none" => None,
            other => return Err(Failure::Usage(format!("invalid color '{other}'"))),
        };
        o.switches = switches(&raw, &o.operands);
        Ok(o)
    }
}
