//! The command grammar's properties: linear time, a depth limit that errs instead of
//! crashing, no panic on any token sequence, and bash's reading of ambiguous text.

use std::time::{Duration, Instant};

use crate::syntax::parse;

use super::{MAX_DEPTH, Parser};

/// Runs `test` on a thread whose stack holds the deepest nesting the shell accepts, as
/// the shell's own threads do.
fn with_deep_stack(test: impl FnOnce() + Send + 'static) -> std::thread::JoinHandle<()> {
    std::thread::Builder::new()
        .stack_size(1 << 30)
        .spawn(test)
        .unwrap()
}

/// Programs of growing nesting, `depth` levels deep, valid and not.
fn nested(depth: usize) -> Vec<String> {
    vec![
        format!("{}echo hi{}", "( ".repeat(depth), " )".repeat(depth)),
        // An error at the innermost level: brush-parser's grammar took 2^depth steps.
        format!("{}echo hi{}", "( ".repeat(depth), " )".repeat(depth - 1)),
        format!("{}echo hi ;{}", "(".repeat(depth), ")".repeat(depth - 1)),
        format!("{}echo hi ;{}", "((".repeat(depth), "))".repeat(depth)),
        format!(
            "{}echo hi;{}",
            "if true; then ".repeat(depth),
            " fi;".repeat(depth)
        ),
        format!("{}echo;{}", "{ ".repeat(depth), " }".repeat(depth - 1)),
        format!("[[ {}a{} ]]", "( ".repeat(depth), " )".repeat(depth)),
        format!("[[ {}a{} ]]", "( ".repeat(depth), " )".repeat(depth - 1)),
        format!(
            "{}x{}",
            "case a in a) ".repeat(depth),
            ";; esac".repeat(depth)
        ),
    ]
}

/// How many token reads parsing `text` takes.
fn reads(text: &str) -> usize {
    let options = brush_parser::ParserOptions::default();
    let tokens =
        brush_parser::tokenize_str_with_options(text, &options.tokenizer_options()).unwrap();
    let mut parser = Parser::new(&tokens);
    let _ = parser.program(&mut Vec::new(), &mut 0);
    parser.reads.get()
}

/// The parser's work grows as its input: four times the nesting, valid or not, takes
/// four times the token reads (brush-parser's grammar took 2^depth steps on the
/// failing ones). Counted rather than timed: at depth, time is the allocator's and the
/// caches' (`parse_time_grows_with_input` times it).
#[test]
fn parse_work_is_linear_in_nesting() {
    for (small, large) in nested(100).into_iter().zip(nested(400)) {
        let ratio = reads(&large) as f64 / reads(&small) as f64;
        assert!(
            ratio < 4.1,
            "4x the nesting took {ratio:.2}x the reads: {small}"
        );
    }
}

fn fastest_parse(text: &str) -> Duration {
    (0..10)
        .map(|_| {
            let start = Instant::now();
            let _ = parse(text);
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// Parse time, tokenizer included, grows no faster than the square of the nesting (a
/// watchdog stops the test if a parse never ends): eight times the text may take at most
/// 64 times as long, where a cubic parse takes 512 and an exponential one never ends.
/// (`parse_work_is_linear_in_nesting` holds our grammar to linear work by count; a bound
/// between linear and quadratic time failed on busy CI machines, at 13.8x of 12x and
/// 24.8x of 24x, on code whose work is linear.)
#[test]
fn parse_time_grows_with_input() {
    let (done, finished) = std::sync::mpsc::channel();
    with_deep_stack(move || {
        for (small, large) in nested(50).into_iter().zip(nested(400)) {
            let ratio =
                fastest_parse(&large).as_secs_f64() / fastest_parse(&small).as_secs_f64().max(1e-7);
            assert!(
                ratio < 64.0,
                "8x the text took {ratio:.1}x as long: {small}"
            );
        }
        done.send(()).unwrap();
    });
    // A failed assertion drops the sender: the wait ends at once.
    finished
        .recv_timeout(Duration::from_secs(60))
        .expect("parsing nested commands took over a minute");
}

/// Nesting as deep as bash accepts parses; one level past the limit is one error.
#[test]
fn nesting_to_the_limit_parses_and_beyond_it_is_an_error() {
    with_deep_stack(|| {
        // The innermost `echo` is a command of its own.
        let depth = MAX_DEPTH - 1;
        let program = format!("{}echo hi{}", "( ".repeat(depth), " )".repeat(depth));
        assert!(parse(&program).is_ok());
        let program = format!(
            "{}echo hi{}",
            "( ".repeat(depth + 1),
            " )".repeat(depth + 1)
        );
        let error = parse(&program).unwrap_err();
        assert!(
            error.message.contains("nested too deeply"),
            "{}",
            error.message
        );
    });
}

/// Random sequences of shell tokens parse or fail, never panic.
#[test]
fn random_programs_never_panic() {
    const PIECES: [&str; 40] = [
        "(", ")", "((", "))", "{", "}", ";", ";;", ";&", "&", "|", "|&", "||", "&&", "if", "then",
        "fi", "case", "in", "esac", "for", "do", "done", "[[", "]]", "=~", "!", "<", ">", "<<",
        "a=", "x", "\n", " ", "<(", "function", "coproc", "time", "2>", "f()",
    ];
    for program in crate::random_text::texts(&PIECES, 0x9e37_79b9_7f4a_7c15, 20_000, 24, " ") {
        let _ = parse(&program);
    }
}

fn error_of(text: &str) -> String {
    parse(text).unwrap_err().message
}

/// Where bash decides between two readings, the parser decides as bash does.
#[test]
fn ambiguous_text_reads_as_in_bash() {
    use brush_parser::ast::{Command, CompoundCommand};
    let first_command = |text: &str| {
        let program = parse(text).unwrap();
        let list = &program.complete_commands[0].0[0].0;
        match &list.first.seq[0] {
            Command::Compound(compound, _) => match compound {
                CompoundCommand::Arithmetic(_) => "arithmetic",
                CompoundCommand::Subshell(_) => "subshell",
                _ => "other compound",
            },
            Command::Simple(_) => "simple",
            _ => "other",
        }
    };
    assert_eq!(first_command("((x = 1))"), "arithmetic");
    // The inner `(` closes before a space, or the two are apart: subshells.
    assert_eq!(first_command("((echo a) )"), "subshell");
    assert_eq!(first_command("( (echo a))"), "subshell");
    // After an assignment a reserved word is the command's name.
    assert_eq!(
        error_of("x=1 if true; then echo; fi"),
        "syntax error near unexpected token `then'"
    );
    assert_eq!(
        error_of("a= (x y)"),
        "syntax error near unexpected token `('"
    );
    assert_eq!(
        error_of("echo > (x)"),
        "syntax error near unexpected token `('"
    );
    assert_eq!(
        error_of("{ (echo a) (echo b); }"),
        "syntax error near unexpected token `('"
    );
    assert_eq!(
        error_of("for i in a b do echo; done"),
        "syntax error near unexpected token `done'"
    );
    assert!(parse("for i in 1 2; { echo $i; }").is_ok());
    assert!(parse("for ((;;)); do break; done").is_ok());
}
