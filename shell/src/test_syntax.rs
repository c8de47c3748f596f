//! Whether bash takes a `test` expression, and what it says of one it does not: it
//! decides by the number of arguments, as POSIX does up to four, then by its own
//! recursive descent, and names the argument where it gave up (`[: a: unary operator
//! expected`). brush-parser's test grammar is more lenient (`test a = b -o '('`).

/// bash's unary file and string operators.
fn is_unary(arg: &str) -> bool {
    let bytes = arg.as_bytes();
    bytes.len() == 2 && bytes[0] == b'-' && b"abcdefghknoprstuvwxzGLNORS".contains(&bytes[1])
}

/// bash's binary operators.
fn is_binary(arg: &str) -> bool {
    matches!(
        arg,
        "=" | "=="
            | "!="
            | "<"
            | ">"
            | "-eq"
            | "-ne"
            | "-lt"
            | "-le"
            | "-gt"
            | "-ge"
            | "-nt"
            | "-ot"
            | "-ef"
    )
}

/// Whether bash takes `args` (without `[`'s `]`, which it still names where it looks past
/// the end: `bracket`); if not, its message.
pub fn check(args: &[String], bracket: bool) -> Result<(), String> {
    match args.len() {
        0 | 1 => Ok(()),
        2 => two(args),
        3 => three(args),
        4 if args[0] == "!" => three(&args[1..]),
        4 if args[0] == "(" && args[3] == ")" => two(&args[1..3]),
        _ => general(args, bracket),
    }
}

fn two(args: &[String]) -> Result<(), String> {
    if args[0] == "!" || is_unary(&args[0]) {
        return Ok(());
    }
    Err(format!("{}: unary operator expected", args[0]))
}

fn three(args: &[String]) -> Result<(), String> {
    if is_binary(&args[1]) || args[1] == "-a" || args[1] == "-o" {
        return Ok(());
    }
    if args[0] == "!" {
        return two(&args[1..]);
    }
    if args[0] == "(" && args[2] == ")" {
        return Ok(());
    }
    Err(format!("{}: binary operator expected", args[1]))
}

/// bash's `expr`: `-o` over `-a` over terms, then nothing may be left.
fn general(args: &[String], bracket: bool) -> Result<(), String> {
    let mut at = 0;
    or(args, &mut at, bracket)?;
    match args.get(at) {
        None => Ok(()),
        Some(left) if left.starts_with('-') => Err(format!("syntax error: `{left}' unexpected")),
        Some(_) => Err("too many arguments".into()),
    }
}

fn or(args: &[String], at: &mut usize, bracket: bool) -> Result<(), String> {
    and(args, at, bracket)?;
    while args.get(*at).is_some_and(|a| a == "-o") {
        *at += 1;
        and(args, at, bracket)?;
    }
    Ok(())
}

fn and(args: &[String], at: &mut usize, bracket: bool) -> Result<(), String> {
    term(args, at, bracket)?;
    while args.get(*at).is_some_and(|a| a == "-a") {
        *at += 1;
        term(args, at, bracket)?;
    }
    Ok(())
}

fn term(args: &[String], at: &mut usize, bracket: bool) -> Result<(), String> {
    let expected = || Err("argument expected".to_string());
    let Some(first) = args.get(*at) else {
        return expected();
    };
    if first == "!" {
        *at += 1;
        return term(args, at, bracket);
    }
    if first == "(" {
        *at += 1;
        if *at >= args.len() {
            return expected();
        }
        or(args, at, bracket)?;
        return match args.get(*at) {
            Some(close) if close == ")" => {
                *at += 1;
                Ok(())
            }
            Some(other) => Err(format!("`)' expected, found {other}")),
            None if bracket => Err("`)' expected, found ]".into()),
            None => Err("`)' expected".into()),
        };
    }
    // A unary operator with nothing after it is a string, as bash takes it.
    if *at + 3 <= args.len() && is_binary(&args[*at + 1]) {
        *at += 3;
    } else if is_unary(first) && *at + 1 < args.len() {
        *at += 2;
    } else {
        *at += 1;
    }
    Ok(())
}
