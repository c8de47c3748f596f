//! dc's machine: the stack, the registers (each a stack of values with an array), and
//! the commands, with GNU dc 1.4's results, messages and its ways of ending macros.
//!
//! Macros run on a stack of frames, not on Rust's stack: a macro called as the last
//! thing its caller does replaces the caller's frame (counting one level more), so a loop
//! written as tail recursion runs in constant space, as in GNU dc, and `q`/`Q` count
//! those levels as GNU dc counts them.

use crate::dc::{Stream, read_stdin_line};
use crate::number::{ArithmeticError, Number};
use crate::output::Output;
use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::io::Write;
use std::rc::Rc;

#[derive(Clone)]
enum Value {
    Number(Number),
    Text(Rc<[u8]>),
}

/// Whether dc goes on, or ends with a status.
pub enum Flow {
    Go,
    Exit(u8),
}

/// A macro running: its text, where it has got to, and how many calls it stands for.
struct Frame {
    text: Rc<[u8]>,
    at: usize,
    levels: usize,
}

/// One entry of a register's stack: its value (none for an entry only `:` made) and
/// its array.
#[derive(Default)]
struct Register {
    value: Option<Value>,
    array: BTreeMap<i32, Value>,
}

pub struct Machine<'a> {
    output: Output<'a>,
    stack: Vec<Value>,
    registers: Vec<Vec<Register>>,
    frames: Vec<Frame>,
    /// The file or standard input being read at the outermost level; none for `-e`.
    stream: Option<Stream>,
    ibase: i32,
    obase: i32,
    scale: i32,
    /// A `!` before `<`, `=` or `>`.
    negate_next: bool,
}

/// How GNU dc names a register or command byte in its messages.
fn shown(byte: u8) -> String {
    let octal = if byte == 0 {
        "0".to_string()
    } else {
        format!("0{byte:o}")
    };
    if byte.is_ascii_graphic() {
        format!("'{}' ({octal})", byte as char)
    } else {
        octal
    }
}

fn digit(byte: u8) -> Option<i64> {
    match byte {
        b'0'..=b'9' => Some(i64::from(byte - b'0')),
        b'A'..=b'F' => Some(i64::from(byte - b'A') + 10),
        _ => None,
    }
}

impl<'a> Machine<'a> {
    pub fn new(output: Output<'a>) -> Machine<'a> {
        Machine {
            output,
            stack: Vec::new(),
            registers: (0..256).map(|_| Vec::new()).collect(),
            frames: Vec::new(),
            stream: None,
            ibase: 10,
            obase: 10,
            scale: 0,
            negate_next: false,
        }
    }

    /// `-e TEXT`: runs to its end, or to a `q` that ends dc (status 0).
    pub fn run_text(&mut self, text: Vec<u8>) -> Flow {
        self.frames.push(Frame {
            text: text.into(),
            at: 0,
            levels: 1,
        });
        self.run()
    }

    /// A file or standard input, to its end or to a `q` (status 1, as GNU dc ends then).
    pub fn run_stream(&mut self, stream: Stream) -> Flow {
        self.stream = Some(stream);
        let flow = self.run();
        self.stream = None;
        self.frames.clear();
        flow
    }

    /// `dc: MESSAGE` on stderr. As in GNU dc, stdout goes out at each printing command,
    /// not before a message, which decides their order where both go to one place.
    pub fn complain(&mut self, message: &str) {
        wasmix_common::note!("dc: {message}");
    }

    fn run(&mut self) -> Flow {
        loop {
            if let Some(frame) = self.frames.last()
                && frame.at >= frame.text.len()
            {
                self.frames.pop();
                continue;
            }
            let Some(byte) = self.next() else {
                return Flow::Go;
            };
            let negated = std::mem::take(&mut self.negate_next);
            if let Flow::Exit(status) = self.command(byte, negated) {
                return Flow::Exit(status);
            }
        }
    }

    fn peek(&mut self) -> Option<u8> {
        match self.frames.last() {
            Some(frame) => frame.text.get(frame.at).copied(),
            None => self.stream.as_mut()?.peek(),
        }
    }

    fn next(&mut self) -> Option<u8> {
        match self.frames.last_mut() {
            Some(frame) => {
                let byte = frame.text.get(frame.at).copied();
                frame.at += usize::from(byte.is_some());
                byte
            }
            None => self.stream.as_mut()?.next(),
        }
    }

    /// The text up to the `close` that balances (to the end when none does), consumed
    /// with it and not kept.
    fn read_balanced(&mut self, open: u8, close: u8) -> Vec<u8> {
        let mut text = Vec::new();
        let mut depth = 1;
        while let Some(byte) = self.next() {
            if byte == close {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            } else if byte == open {
                depth += 1;
            }
            text.push(byte);
        }
        text
    }

    fn command(&mut self, byte: u8, negated: bool) -> Flow {
        match byte {
            b'_' | b'.' | b'0'..=b'9' | b'A'..=b'F' => {
                let number = self.read_number(byte);
                self.stack.push(Value::Number(number));
            }
            b' ' | b'\t' | b'\n' => {}
            b'+' => self.binary(|a, b, _| Ok(a.add(b))),
            b'-' => self.binary(|a, b, _| Ok(a.subtract(b))),
            b'*' => self.binary(|a, b, scale| Ok(a.multiply(b, scale))),
            b'/' => self.binary(|a, b, scale| a.divide(b, scale).map_err(|_| "divide by zero")),
            b'%' => {
                self.binary(|a, b, scale| a.remainder(b, scale).map_err(|_| "remainder by zero"))
            }
            b'~' => self.quotient_and_remainder(),
            b'^' => self.power(),
            b'|' => self.modular_power(),
            b'v' => self.square_root(),
            b'<' | b'=' | b'>' => {
                let Some(register) = self.next() else {
                    return self.end_of_input();
                };
                let wanted = match byte {
                    b'<' => Ordering::Less,
                    b'=' => Ordering::Equal,
                    _ => Ordering::Greater,
                };
                if (self.compare_top_two() == wanted) != negated {
                    return self.run_register(register);
                }
            }
            b'!' if matches!(self.peek(), Some(b'<' | b'=' | b'>')) => self.negate_next = true,
            b'!' => self.system(),
            b'#' => while self.next().is_some_and(|b| b != b'\n') {},
            b'?' => {
                self.output.flush();
                let line = read_stdin_line();
                self.stack.push(Value::Text(line.into()));
                return self.run_top();
            }
            b'[' => {
                let text = self.read_balanced(b'[', b']');
                self.stack.push(Value::Text(text.into()));
            }
            b'x' => return self.run_top(),
            b'q' => return self.quit(1, true),
            b'Q' => {
                if let Some(value) = self.pop() {
                    let levels = self.integer(&value, 0);
                    if levels > 0 {
                        return self.quit(levels as usize - 1, false);
                    }
                    self.complain("Q command requires a number >= 1");
                }
            }
            b's' | b'l' | b'S' | b'L' | b':' | b';' => {
                let Some(register) = self.next() else {
                    return self.end_of_input();
                };
                self.register_command(byte, register);
            }
            _ => self.plain_command(byte),
        }
        Flow::Go
    }

    /// The commands that read nothing after themselves.
    fn plain_command(&mut self, byte: u8) {
        match byte {
            b'p' => {
                if let Some(top) = self.stack.last().cloned() {
                    self.print(&top, true);
                } else {
                    self.complain("stack empty");
                }
            }
            b'n' => {
                if let Some(top) = self.pop() {
                    self.print(&top, false);
                }
            }
            b'P' => {
                if let Some(top) = self.pop() {
                    match top {
                        Value::Number(number) => self.output.bytes(&base_256(&number)),
                        Value::Text(text) => self.output.bytes(&text),
                    }
                    self.output.flush();
                }
            }
            b'f' => {
                for value in self.stack.clone().iter().rev() {
                    self.print(value, true);
                }
            }
            b'a' => {
                if let Some(top) = self.pop() {
                    let byte = match &top {
                        Value::Number(_) => self.integer(&top, 0) as u8,
                        Value::Text(text) => text.first().copied().unwrap_or(0),
                    };
                    self.stack.push(Value::Text(Rc::from([byte])));
                }
            }
            b'c' => self.stack.clear(),
            b'd' => match self.stack.last().cloned() {
                Some(top) => self.stack.push(top),
                None => self.complain("stack empty"),
            },
            b'r' => self.rotate(2),
            b'R' => {
                if let Some(count) = self.pop() {
                    let count = self.integer(&count, 0);
                    self.rotate(count);
                }
            }
            b'z' => self.push_integer(self.stack.len() as i64),
            b'Z' => {
                if let Some(top) = self.pop() {
                    let length = match top {
                        Value::Number(number) => number.significant_digits(),
                        Value::Text(text) => text.len(),
                    };
                    self.push_integer(length as i64);
                }
            }
            b'X' => {
                if let Some(top) = self.pop() {
                    let scale = match top {
                        Value::Number(number) => number.scale(),
                        Value::Text(_) => 0,
                    };
                    self.push_integer(scale as i64);
                }
            }
            b'i' => self.set_parameter(
                |m, v| m.ibase = v,
                |v| (2..=16).contains(&v),
                "input base must be a number between 2 and 16 (inclusive)",
                0,
            ),
            b'o' => self.set_parameter(
                |m, v| m.obase = v,
                |v| v > 1,
                "output base must be a number greater than 1",
                0,
            ),
            b'k' => self.set_parameter(
                |m, v| m.scale = v,
                |v| v >= 0,
                "scale must be a nonnegative number",
                -1,
            ),
            b'I' => self.push_integer(i64::from(self.ibase)),
            b'O' => self.push_integer(i64::from(self.obase)),
            b'K' => self.push_integer(i64::from(self.scale)),
            _ => {
                // GNU dc's quirk: the name of the command goes to stdout.
                let _ = std::io::stderr().write_all(b"dc: ");
                self.output
                    .bytes(format!("{} unimplemented\n", shown(byte)).as_bytes());
            }
        }
    }

    /// `i`, `o`, `k`: a value popped (a string counts as `otherwise`), kept if `valid`.
    fn set_parameter(
        &mut self,
        set: impl FnOnce(&mut Self, i32),
        valid: impl FnOnce(i32) -> bool,
        complaint: &str,
        otherwise: i32,
    ) {
        if let Some(top) = self.pop() {
            let value = self.integer(&top, otherwise);
            if valid(value) {
                set(self, value);
            } else {
                self.complain(complaint);
            }
        }
    }

    fn register_command(&mut self, byte: u8, register: u8) {
        let index = usize::from(register);
        match byte {
            b's' => {
                if let Some(value) = self.pop() {
                    let entries = &mut self.registers[index];
                    if entries.is_empty() {
                        entries.push(Register::default());
                    }
                    if let Some(entry) = entries.last_mut() {
                        entry.value = Some(value);
                    }
                }
            }
            b'S' => {
                if let Some(value) = self.pop() {
                    self.registers[index].push(Register {
                        value: Some(value),
                        array: BTreeMap::new(),
                    });
                }
            }
            b'l' => {
                if let Some(value) = self.register_value(register) {
                    self.stack.push(value);
                }
            }
            b'L' => match self.registers[index].last() {
                Some(Register { value: Some(_), .. }) => {
                    if let Some(Register {
                        value: Some(value), ..
                    }) = self.registers[index].pop()
                    {
                        self.stack.push(value);
                    }
                }
                _ => self.complain(&format!("stack register {} is empty", shown(register))),
            },
            b':' => {
                let Some(at) = self.pop() else { return };
                let at = self.integer(&at, -1);
                let Some(value) = self.pop() else { return };
                if at < 0 {
                    self.complain("array index must be a nonnegative integer");
                    return;
                }
                let entries = &mut self.registers[index];
                if entries.is_empty() {
                    entries.push(Register::default());
                }
                if let Some(entry) = entries.last_mut() {
                    entry.array.insert(at, value);
                }
            }
            _ => {
                let Some(at) = self.pop() else { return };
                let at = self.integer(&at, -1);
                if at < 0 {
                    self.complain("array index must be a nonnegative integer");
                    return;
                }
                let value = self.registers[index]
                    .last()
                    .and_then(|entry| entry.array.get(&at).cloned())
                    .unwrap_or(Value::Number(Number::zero()));
                self.stack.push(value);
            }
        }
    }

    /// What `l` loads: 0 from a register never set.
    fn register_value(&mut self, register: u8) -> Option<Value> {
        match self.registers[usize::from(register)].last() {
            None => Some(Value::Number(Number::zero())),
            Some(Register {
                value: Some(value), ..
            }) => Some(value.clone()),
            Some(Register { value: None, .. }) => {
                self.complain(&format!(
                    "BUG: register {} exists but is uninitialized?",
                    shown(register)
                ));
                None
            }
        }
    }

    fn run_register(&mut self, register: u8) -> Flow {
        if let Some(value) = self.register_value(register) {
            self.stack.push(value);
            return self.run_top();
        }
        Flow::Go
    }

    /// `x`: runs the string on top as a macro; a number stays where it is.
    fn run_top(&mut self) -> Flow {
        // Blanks and comments after the call do not keep it from being the last thing
        // the caller does.
        while let Some(byte) = self.frames.last().and_then(|f| f.text.get(f.at).copied()) {
            match byte {
                b' ' | b'\t' | b'\n' => self.skip(1),
                b'#' => {
                    self.skip(1);
                    while self.next().is_some_and(|b| b != b'\n') {}
                }
                _ => break,
            }
        }
        match self.pop() {
            Some(Value::Text(text)) => match self.frames.last_mut() {
                Some(frame) if frame.at >= frame.text.len() => {
                    frame.text = text;
                    frame.at = 0;
                    frame.levels += 1;
                }
                _ => self.frames.push(Frame {
                    text,
                    at: 0,
                    levels: 1,
                }),
            },
            Some(number) => self.stack.push(number),
            None => {}
        }
        Flow::Go
    }

    fn skip(&mut self, count: usize) {
        if let Some(frame) = self.frames.last_mut() {
            frame.at += count;
        }
    }

    /// `q` (one level and its caller, or dc at the outermost two) and `Q` (`unwind` more
    /// levels, never dc itself).
    fn quit(&mut self, mut unwind: usize, ends_dc: bool) -> Flow {
        let Some(current) = self.frames.last_mut() else {
            return self.quit_outermost(ends_dc);
        };
        if unwind < current.levels {
            current.levels -= unwind;
            return Flow::Go;
        }
        unwind -= current.levels;
        self.frames.pop();
        // Each caller the quit reaches ends; the one that has none left to pass on lets
        // its own caller go on.
        loop {
            if self.frames.pop().is_none() {
                return self.quit_outermost(ends_dc);
            }
            if unwind == 0 {
                return Flow::Go;
            }
            unwind -= 1;
        }
    }

    fn quit_outermost(&mut self, ends_dc: bool) -> Flow {
        match (ends_dc, self.stream.is_some()) {
            (true, true) => Flow::Exit(1),
            (true, false) => Flow::Exit(0),
            (false, true) => {
                self.complain("Q command argument exceeded string execution depth");
                Flow::Go
            }
            (false, false) => Flow::Go,
        }
    }

    /// A command that needs a register name found the end of its text.
    fn end_of_input(&mut self) -> Flow {
        if self.frames.pop().is_some() {
            self.complain("unexpected EOS");
            Flow::Go
        } else {
            self.complain("unexpected EOF");
            Flow::Exit(1)
        }
    }

    /// `!COMMAND`: the rest of the line, run by `sh -c`.
    fn system(&mut self) {
        let line = self.read_balanced(b'\n', b'\n');
        self.output.flush();
        let command = String::from_utf8_lossy(&line).into_owned();
        let argv = vec!["sh".into(), "-c".into(), command];
        if let Ok(child) = wasmix_common::process::Command::new(argv).spawn() {
            child.wait();
        }
    }

    /// A number as dc reads one, in the input base: digits `0-9A-F` whatever the base,
    /// `_` for negative.
    fn read_number(&mut self, first: u8) -> Number {
        let base = Number::from_integer(i64::from(self.ibase));
        let negative = first == b'_';
        if negative {
            while self.peek().is_some_and(|b| b.is_ascii_whitespace()) {
                self.next();
            }
        }
        let mut value = Number::zero();
        let mut point = first == b'.';
        if let Some(d) = digit(first) {
            value = Number::from_integer(d);
        }
        if !point {
            while let Some(d) = self.peek().and_then(digit) {
                self.next();
                value = value.multiply(&base, 0).add(&Number::from_integer(d));
            }
            if self.peek() == Some(b'.') {
                self.next();
                point = true;
            }
        }
        if point {
            let mut fraction = Number::zero();
            let mut divisor = Number::from_integer(1);
            let mut places = 0;
            while let Some(d) = self.peek().and_then(digit) {
                self.next();
                fraction = fraction.multiply(&base, 0).add(&Number::from_integer(d));
                divisor = divisor.multiply(&base, 0);
                places += 1;
            }
            if let Ok(fraction) = fraction.divide(&divisor, places) {
                value = value.add(&fraction);
            }
        }
        if negative { value.negated() } else { value }
    }

    fn print(&mut self, value: &Value, newline: bool) {
        match value {
            Value::Number(number) => self.output.number(number, self.obase as u64),
            Value::Text(text) => self.output.bytes(text),
        }
        if newline {
            self.output.bytes(b"\n");
        }
        self.output.flush();
    }

    fn pop(&mut self) -> Option<Value> {
        let top = self.stack.pop();
        if top.is_none() {
            self.complain("stack empty");
        }
        top
    }

    fn push_integer(&mut self, value: i64) {
        self.stack.push(Value::Number(Number::from_integer(value)));
    }

    /// A number as C's `int`, as GNU dc takes counts and bases; `otherwise` for a string.
    /// GNU dc reads the integer part's digits while what it has read is at most
    /// `INT_MAX / 10`, so from 2,147,483,650 on it punts; it cannot tell that from an
    /// integer part of 0, and punts on that too when the number is not 0.
    fn integer(&mut self, value: &Value, otherwise: i32) -> i32 {
        let Value::Number(number) = value else {
            return otherwise;
        };
        match number.to_i64() {
            Some(integer)
                if (integer != 0 || number.is_zero()) && integer.unsigned_abs() < 2_147_483_650 =>
            {
                integer as i32
            }
            _ => {
                self.complain("value overflows simple integer; punting...");
                -1
            }
        }
    }

    /// The top `count` numbers, if there are that many and all are numbers.
    fn operands(&mut self, count: usize) -> Option<Vec<Number>> {
        if self.stack.len() < count {
            self.complain("stack empty");
            return None;
        }
        let numbers: Vec<Number> = self.stack[self.stack.len() - count..]
            .iter()
            .filter_map(|value| match value {
                Value::Number(number) => Some(number.clone()),
                Value::Text(_) => None,
            })
            .collect();
        if numbers.len() < count {
            self.complain("non-numeric value");
            return None;
        }
        Some(numbers)
    }

    /// Replaces the top `count` numbers with `results`; on an error the stack stays.
    fn replace_top(&mut self, count: usize, results: Result<Vec<Number>, &str>) {
        match results {
            Ok(results) => {
                self.stack.truncate(self.stack.len() - count);
                self.stack.extend(results.into_iter().map(Value::Number));
            }
            Err(message) => self.complain(message),
        }
    }

    fn binary(&mut self, op: impl FnOnce(&Number, &Number, usize) -> Result<Number, &'static str>) {
        if let Some(numbers) = self.operands(2) {
            let result = op(&numbers[0], &numbers[1], self.scale as usize);
            self.replace_top(2, result.map(|r| vec![r]));
        }
    }

    fn quotient_and_remainder(&mut self) {
        if let Some(numbers) = self.operands(2) {
            let (a, b, scale) = (&numbers[0], &numbers[1], self.scale as usize);
            let results = match (a.divide(b, scale), a.remainder(b, scale)) {
                (Ok(quotient), Ok(remainder)) => Ok(vec![quotient, remainder]),
                _ => Err("divide by zero"),
            };
            self.replace_top(2, results);
        }
    }

    fn power(&mut self) {
        let Some(numbers) = self.operands(2) else {
            return;
        };
        let (base, exponent) = (&numbers[0], &numbers[1]);
        if exponent.scale() != 0 {
            wasmix_common::note!("Runtime warning: non-zero scale in exponent");
        }
        let result = match base.power(exponent, self.scale as usize) {
            Ok(result) => result,
            // bc's raise leaves its result at zero when the division fails...
            Err(ArithmeticError::ZeroToNegativePower) => Number::zero(),
            // ... and goes on with an exponent of 0 after this error.
            Err(_) => {
                wasmix_common::note!("Runtime error: exponent too large in raise");
                Number::from_integer(1)
            }
        };
        self.replace_top(2, Ok(vec![result]));
    }

    /// `|`: base, exponent and modulus, by bc's square-and-multiply.
    fn modular_power(&mut self) {
        let Some(numbers) = self.operands(3) else {
            return;
        };
        let (base, exponent, modulus) = (&numbers[0], &numbers[1], &numbers[2]);
        if modulus.is_zero() {
            self.complain("remainder by zero");
            return;
        }
        if exponent.is_negative() {
            return;
        }
        let scale = self.scale as usize;
        for (number, what) in [(base, "base"), (exponent, "exponent"), (modulus, "modulus")] {
            if number.scale() != 0 {
                wasmix_common::note!("Runtime warning: non-zero scale in {what}");
            }
        }
        let two = Number::from_integer(2);
        let kept = scale.max(base.scale());
        let mut exponent = exponent.truncated(0);
        let mut power = base.clone();
        let mut result = Number::from_integer(1);
        // The modulus is not zero, so no remainder below fails.
        let remainder = |n: &Number| n.remainder(modulus, scale).unwrap_or_else(|_| n.clone());
        while !exponent.is_zero() {
            let odd = !exponent.remainder(&two, 0).is_ok_and(|r| r.is_zero());
            exponent = exponent.divide(&two, 0).unwrap_or_else(|_| Number::zero());
            if odd {
                result = remainder(&result.multiply(&power, kept));
            }
            power = remainder(&power.multiply(&power, kept));
        }
        self.replace_top(3, Ok(vec![result]));
    }

    fn square_root(&mut self) {
        match self.pop() {
            Some(Value::Number(number)) => match number.square_root(self.scale as usize) {
                Ok(root) => self.stack.push(Value::Number(root)),
                Err(_) => self.complain("square root of negative number"),
            },
            Some(Value::Text(_)) => self.complain("square root of nonnumeric attempted"),
            None => {}
        }
    }

    /// The top against the one below it, both taken off; `Equal` when they cannot be.
    fn compare_top_two(&mut self) -> Ordering {
        let Some(numbers) = self.operands(2) else {
            return Ordering::Equal;
        };
        self.stack.truncate(self.stack.len() - 2);
        numbers[1].compare(&numbers[0])
    }

    /// `r` and `R`: the `count`th value comes to the top (a negative count sends the top
    /// down as far).
    fn rotate(&mut self, count: i32) {
        let depth = (count.unsigned_abs() as usize).min(self.stack.len());
        if depth < 2 {
            return;
        }
        let start = self.stack.len() - depth;
        if count > 0 {
            self.stack[start..].rotate_left(1);
        } else {
            self.stack[start..].rotate_right(1);
        }
    }
}

/// `P` of a number: the integer part of its absolute value as bytes, base 256.
fn base_256(number: &Number) -> Vec<u8> {
    let mut rest = number.truncated(0);
    if rest.is_negative() {
        rest = rest.negated();
    }
    let radix = Number::from_integer(256);
    let mut bytes = Vec::new();
    loop {
        let byte = rest
            .remainder(&radix, 0)
            .ok()
            .and_then(|r| r.to_i64())
            .unwrap_or(0);
        bytes.push(byte as u8);
        rest = rest.divide(&radix, 0).unwrap_or_else(|_| Number::zero());
        if rest.is_zero() {
            break;
        }
    }
    bytes.reverse();
    bytes
}
