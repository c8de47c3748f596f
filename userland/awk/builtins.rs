//! awk's built-in functions: strings (counted in characters), regex substitution, the
//! math functions, and the ones that reach outside (`system`, `close`, `fflush`).

use crate::ast::Expr;
use crate::fields::Splitter;
use crate::format::sprintf;
use crate::interp::{Cell, Interp, RLENGTH, RSTART, Run, fatal};
use crate::value::Value;
use regex::Regex;
use std::rc::Rc;
use wasmix_common::process::Command;

/// Characters, not bytes: `length("é")` is 1.
fn char_count(text: &str) -> usize {
    if text.is_ascii() {
        text.len()
    } else {
        text.chars().count()
    }
}

/// The byte offset of character `n` (0-based) in `text`, or its length.
fn byte_offset(text: &str, n: usize) -> usize {
    if text.is_ascii() {
        return n.min(text.len());
    }
    text.char_indices().nth(n).map_or(text.len(), |(i, _)| i)
}

fn num(n: f64) -> Value {
    Value::Num(n)
}

impl Interp<'_> {
    fn text_of(&mut self, expr: &Expr) -> Run<Rc<str>> {
        let convfmt = self.convfmt();
        Ok(self.eval(expr)?.text(&convfmt))
    }

    fn number_of(&mut self, expr: &Expr) -> Run<f64> {
        Ok(self.eval(expr)?.num())
    }

    pub fn builtin(&mut self, name: &str, args: &[Expr]) -> Run<Value> {
        let count = |low: usize, high: usize| -> Run<()> {
            if args.len() < low || args.len() > high {
                return fatal(format!("function {name} called with {} args", args.len()));
            }
            Ok(())
        };
        match name {
            "length" => {
                count(0, 1)?;
                match args.first() {
                    None => Ok(num(char_count(self.record.text()) as f64)),
                    Some(Expr::Var(var)) => {
                        if let Cell::Arr(array) = self.cell(*var).clone() {
                            return Ok(num(array.borrow().len() as f64));
                        }
                        let text = self.text_of(&args[0])?;
                        Ok(num(char_count(&text) as f64))
                    }
                    Some(arg) => {
                        let text = self.text_of(arg)?;
                        Ok(num(char_count(&text) as f64))
                    }
                }
            }
            "substr" => {
                count(2, 3)?;
                let text = self.text_of(&args[0])?;
                let length = char_count(&text) as f64;
                // As the one true awk: the start is truncated into the string, then at
                // most the count of characters from there.
                let start = self.number_of(&args[1])?.trunc().clamp(1.0, length + 1.0);
                let count = match args.get(2) {
                    Some(n) => self.number_of(n)?.trunc().clamp(0.0, length + 1.0 - start),
                    None => length + 1.0 - start,
                };
                if start.is_nan() || count.is_nan() || count <= 0.0 {
                    return Ok(Value::str(""));
                }
                let (first, last) = (start, start + count);
                let (from, to) = (
                    byte_offset(&text, first as usize - 1),
                    byte_offset(&text, last as usize - 1),
                );
                Ok(Value::str(&text[from..to]))
            }
            "index" => {
                count(2, 2)?;
                let (text, part) = (self.text_of(&args[0])?, self.text_of(&args[1])?);
                Ok(num(
                    text.find(&*part).map_or(0, |i| char_count(&text[..i]) + 1) as f64,
                ))
            }
            "split" => {
                count(2, 3)?;
                let text = self.text_of(&args[0])?;
                let Expr::Var(var) = &args[1] else {
                    return fatal("split: second argument is not an array");
                };
                let splitter = match args.get(2) {
                    None => self.current_splitter()?,
                    Some(Expr::Regex(_)) => match self.regex(&args[2])? {
                        // An empty regex splits into characters, as an empty string does.
                        re if re.as_str() == "(?s)" => Splitter::Chars,
                        re => Splitter::Regex(re),
                    },
                    Some(fs) => {
                        let fs = self.text_of(fs)?;
                        Splitter::new(&fs, false).or_else(fatal)?
                    }
                };
                let mut parts = Vec::new();
                splitter.split(&text, &mut parts);
                let array = self.array(*var)?;
                let mut array = array.borrow_mut();
                array.clear();
                for (i, &(start, end)) in parts.iter().enumerate() {
                    array.insert((i + 1).to_string().into(), Value::input(&text[start..end]));
                }
                Ok(num(parts.len() as f64))
            }
            "sub" | "gsub" => {
                count(2, 3)?;
                let re = self.regex(&args[0])?;
                let replacement = self.text_of(&args[1])?;
                let whole = Expr::Field(Box::new(Expr::Num(0.0)));
                let target = args.get(2).unwrap_or(&whole);
                let text = self.text_of(target)?;
                let (result, n) = substitute(&re, &text, &replacement, name == "gsub");
                if n > 0 {
                    if !matches!(target, Expr::Var(_) | Expr::Field(_) | Expr::Index(..)) {
                        return fatal(format!("{name}: third argument is not a variable"));
                    }
                    self.assign(target, Value::str(result))?;
                }
                Ok(num(n as f64))
            }
            "match" => {
                count(2, 2)?;
                let text = self.text_of(&args[0])?;
                let re = self.regex(&args[1])?;
                let (start, length) = match re.find(&text) {
                    Some(m) => (
                        char_count(&text[..m.start()]) + 1,
                        char_count(m.as_str()) as f64,
                    ),
                    None => (0, -1.0),
                };
                self.globals[RSTART] = Cell::Val(num(start as f64));
                self.globals[RLENGTH] = Cell::Val(num(length));
                Ok(num(start as f64))
            }
            "sprintf" => {
                if args.is_empty() {
                    return fatal("sprintf: no format");
                }
                let convfmt = self.convfmt();
                let format = self.text_of(&args[0])?;
                let mut values = Vec::new();
                for arg in &args[1..] {
                    values.push(self.eval(arg)?);
                }
                Ok(Value::str(
                    sprintf(&format, &values, &convfmt).or_else(fatal)?,
                ))
            }
            "sin" | "cos" | "exp" | "log" | "sqrt" | "int" => {
                count(1, 1)?;
                let x = self.number_of(&args[0])?;
                Ok(num(match name {
                    "sin" => x.sin(),
                    "cos" => x.cos(),
                    "exp" => x.exp(),
                    "log" => x.ln(),
                    "sqrt" => x.sqrt(),
                    _ => x.trunc(),
                }))
            }
            "atan2" => {
                count(2, 2)?;
                let (y, x) = (self.number_of(&args[0])?, self.number_of(&args[1])?);
                Ok(num(y.atan2(x)))
            }
            "rand" => {
                count(0, 0)?;
                // xorshift64*: a fixed sequence for each seed, as awk's rand is.
                self.random ^= self.random >> 12;
                self.random ^= self.random << 25;
                self.random ^= self.random >> 27;
                let r = self.random.wrapping_mul(0x2545_f491_4f6c_dd1d);
                Ok(num((r >> 11) as f64 / (1u64 << 53) as f64))
            }
            "srand" => {
                count(0, 1)?;
                let seed = match args.first() {
                    Some(arg) => self.number_of(arg)?,
                    None => std::time::SystemTime::now()
                        .duration_since(std::time::UNIX_EPOCH)
                        .map_or(0, |d| d.as_secs()) as f64,
                };
                let previous = std::mem::replace(&mut self.seed, seed);
                self.random = (seed as i64 as u64) ^ 0x2545_f491_4f6c_dd1d;
                if self.random == 0 {
                    self.random = 1;
                }
                Ok(num(previous))
            }
            "tolower" | "toupper" => {
                count(1, 1)?;
                let text = self.text_of(&args[0])?;
                Ok(Value::str(if name == "tolower" {
                    text.to_ascii_lowercase()
                } else {
                    text.to_ascii_uppercase()
                }))
            }
            "system" => {
                count(1, 1)?;
                let command = self.text_of(&args[0])?;
                self.flush_stdout()?;
                self.streams.flush(None);
                let argv = vec!["sh".into(), "-c".into(), command.to_string()];
                Ok(num(match Command::new(argv).spawn() {
                    Ok(child) => f64::from(child.wait().status.code()),
                    Err(e) => f64::from(e.status()),
                }))
            }
            "close" => {
                count(1, 1)?;
                let name = self.text_of(&args[0])?;
                Ok(num(f64::from(self.streams.close(&name))))
            }
            "fflush" => {
                count(0, 1)?;
                self.flush_stdout()?;
                let status = match args.first() {
                    Some(arg) => {
                        let name = self.text_of(arg)?;
                        if &*name == "/dev/stdout" {
                            0
                        } else {
                            self.streams.flush(Some(&name))
                        }
                    }
                    None => self.streams.flush(None),
                };
                Ok(num(f64::from(status)))
            }
            _ => fatal(format!("no function {name}")),
        }
    }
}

/// `sub`/`gsub`: the text with matches replaced (`&` is the match, `\&` a literal `&`),
/// and how many were replaced. An empty match right after a match is not replaced.
pub fn substitute(re: &Regex, text: &str, replacement: &str, global: bool) -> (String, usize) {
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    let mut count = 0;
    let mut previous_end = None;
    while pos <= text.len() {
        let Some(m) = re.find_at(text, pos) else {
            break;
        };
        let empty = m.start() == m.end();
        if empty && previous_end == Some(m.start()) {
            match text[m.start()..].chars().next() {
                Some(c) => {
                    out.push_str(&text[pos..m.start() + c.len_utf8()]);
                    pos = m.start() + c.len_utf8();
                    continue;
                }
                None => break,
            }
        }
        out.push_str(&text[pos..m.start()]);
        expand_replacement(replacement, m.as_str(), &mut out);
        count += 1;
        previous_end = Some(m.end());
        pos = m.end();
        if empty {
            match text[pos..].chars().next() {
                Some(c) => {
                    out.push(c);
                    pos += c.len_utf8();
                }
                None => {
                    pos = text.len() + 1;
                }
            }
        }
        if !global {
            break;
        }
    }
    if pos <= text.len() {
        out.push_str(&text[pos..]);
    }
    (out, count)
}

fn expand_replacement(replacement: &str, matched: &str, out: &mut String) {
    let mut chars = replacement.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'&') => {
                chars.next();
                out.push('&');
            }
            '\\' if chars.peek() == Some(&'\\') => {
                chars.next();
                out.push('\\');
            }
            '&' => out.push_str(matched),
            c => out.push(c),
        }
    }
}
