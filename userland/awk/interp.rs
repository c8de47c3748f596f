//! Running a parsed program: statements, expressions, variables and arrays. Input and
//! output streams are in `io.rs`, fields in `fields.rs`, the string and math functions in
//! `builtins.rs`.

use crate::ast::*;
use crate::fields::{Record, Splitter};
use crate::format::sprintf;
use crate::io::{RecordReader, RecordSeparator, Streams, Target};
use crate::value::Value;
use indexmap::IndexMap;
use regex::Regex;
use std::cell::RefCell;
use std::collections::HashMap;
use std::io::Write;
use std::rc::Rc;
use wasmix_common::Output;

pub const NR: usize = 0;
pub const NF: usize = 1;
pub const FNR: usize = 2;
pub const FS: usize = 3;
pub const OFS: usize = 4;
pub const ORS: usize = 5;
pub const RS: usize = 6;
pub const FILENAME: usize = 7;
pub const SUBSEP: usize = 8;
pub const RSTART: usize = 9;
pub const RLENGTH: usize = 10;
pub const CONVFMT: usize = 11;
pub const OFMT: usize = 12;
pub const ENVIRON: usize = 13;
pub const ARGC: usize = 14;
pub const ARGV: usize = 15;

/// Deep enough for real recursive programs, shallow enough for the wasm stack.
const MAX_CALL_DEPTH: usize = 2000;

pub type Array = IndexMap<Rc<str>, Value, rustc_hash::FxBuildHasher>;

#[derive(Clone)]
pub enum Cell {
    Val(Value),
    Arr(Rc<RefCell<Array>>),
}

/// What ends the normal flow of statements inside a loop or a function.
pub enum Flow {
    Normal,
    Break,
    Continue,
    Return(Value),
}

/// What unwinds through function calls up to the rule loop.
pub enum Stop {
    Next,
    NextFile,
    Exit,
    /// A fatal error: the message, after `awk: `.
    Error(String),
    /// Output went to a reader that has gone away.
    BrokenPipe,
}

pub type Run<T> = Result<T, Stop>;

pub enum Place {
    Var(Var),
    Field(usize),
    Element(Rc<RefCell<Array>>, Rc<str>),
}

pub fn fatal<T>(message: impl Into<String>) -> Run<T> {
    Err(Stop::Error(message.into()))
}

pub struct Interp<'p> {
    pub program: &'p Program,
    pub globals: Vec<Cell>,
    frames: Vec<Vec<Cell>>,
    regexes: Vec<Regex>,
    dynamic: HashMap<Rc<str>, Regex>,
    pub record: Record,
    /// NR and FNR live here, not in their slots: they change with every record.
    nr: f64,
    fnr: f64,
    /// FS or RS was assigned since the splitter and separator were made.
    separators_changed: bool,
    /// The buffer the next record is read into.
    spare: String,
    /// How the current record's fields split (FS when it was read).
    pub splitter: Splitter,
    fs_splitter: Splitter,
    separator: Rc<RecordSeparator>,
    pub streams: Streams,
    main: Option<RecordReader>,
    argv_next: usize,
    read_operand: bool,
    ranges: Vec<bool>,
    pub seed: f64,
    pub random: u64,
    pub out: &'p mut Output,
    pub status: u8,
}

impl<'p> Interp<'p> {
    pub fn new(program: &'p Program, out: &'p mut Output) -> Result<Interp<'p>, String> {
        let regexes = program
            .regexes
            .iter()
            .map(|r| crate::ere::compile(r))
            .collect::<Result<_, _>>()?;
        let mut globals = vec![Cell::Val(Value::Uninit); program.globals.len()];
        let strings = [
            (FS, " "),
            (OFS, " "),
            (ORS, "\n"),
            (RS, "\n"),
            (SUBSEP, "\x1c"),
            (CONVFMT, "%.6g"),
            (OFMT, "%.6g"),
            (FILENAME, ""),
        ];
        for (slot, text) in strings {
            globals[slot] = Cell::Val(Value::str(text));
        }
        globals[RSTART] = Cell::Val(Value::Num(0.0));
        globals[RLENGTH] = Cell::Val(Value::Num(-1.0));
        let environ: Array = std::env::vars()
            .map(|(k, v)| (k.into(), Value::input(&v)))
            .collect();
        globals[ENVIRON] = Cell::Arr(Rc::new(RefCell::new(environ)));
        Ok(Interp {
            program,
            globals,
            frames: Vec::new(),
            regexes,
            dynamic: HashMap::new(),
            record: Record::default(),
            nr: 0.0,
            fnr: 0.0,
            separators_changed: true,
            spare: String::new(),
            splitter: Splitter::Blanks,
            fs_splitter: Splitter::Blanks,
            separator: Rc::new(RecordSeparator::Char(b'\n')),
            streams: Streams::default(),
            main: None,
            argv_next: 1,
            read_operand: false,
            ranges: vec![false; program.ranges],
            seed: 0.0,
            random: 0x2545_f491_4f6c_dd1d,
            out,
            status: 0,
        })
    }

    pub fn set_argv(&mut self, argv: &[String]) {
        let array: Array = argv
            .iter()
            .enumerate()
            .map(|(i, a)| (i.to_string().into(), Value::input(a)))
            .collect();
        self.globals[ARGV] = Cell::Arr(Rc::new(RefCell::new(array)));
        self.globals[ARGC] = Cell::Val(Value::Num(argv.len() as f64));
    }

    pub fn global_text(&self, slot: usize) -> Rc<str> {
        match &self.globals[slot] {
            Cell::Val(v) => v.text("%.6g"),
            Cell::Arr(_) => "".into(),
        }
    }

    pub fn convfmt(&self) -> Rc<str> {
        self.global_text(CONVFMT)
    }

    /// Remakes the splitter and record separator after FS or RS changed.
    fn refresh_separators(&mut self) -> Run<()> {
        if !self.separators_changed {
            return Ok(());
        }
        let fs = self.global_text(FS);
        let rs = self.global_text(RS);
        self.fs_splitter = Splitter::new(&fs, rs.is_empty()).or_else(fatal)?;
        self.separator = Rc::new(RecordSeparator::new(&rs).or_else(fatal)?);
        self.separators_changed = false;
        Ok(())
    }

    /// The splitter for the FS in force now.
    pub fn current_splitter(&mut self) -> Run<Splitter> {
        self.refresh_separators()?;
        Ok(self.fs_splitter.clone())
    }

    fn record_separator(&mut self) -> Run<Rc<RecordSeparator>> {
        self.refresh_separators()?;
        Ok(self.separator.clone())
    }

    pub fn set_record(&mut self, text: &str) -> Run<()> {
        self.record.set(text);
        self.splitter = self.current_splitter()?;
        Ok(())
    }

    // ---- variables and arrays ----

    pub fn cell(&mut self, var: Var) -> &mut Cell {
        match var {
            Var::Global(i) => &mut self.globals[i],
            Var::Local(i) => &mut self
                .frames
                .last_mut()
                .expect("locals only inside functions")[i],
        }
    }

    pub fn get_var(&mut self, var: Var) -> Run<Value> {
        match var {
            Var::Global(NF) => return Ok(Value::Num(self.record.nf(&self.splitter) as f64)),
            Var::Global(NR) => return Ok(Value::Num(self.nr)),
            Var::Global(FNR) => return Ok(Value::Num(self.fnr)),
            _ => {}
        }
        match self.cell(var) {
            Cell::Val(v) => Ok(v.clone()),
            Cell::Arr(a) if a.borrow().is_empty() => Ok(Value::Uninit),
            Cell::Arr(_) => fatal("can't use array in scalar context"),
        }
    }

    pub fn set_var(&mut self, var: Var, value: Value) -> Run<()> {
        if var == Var::Global(NF) {
            let nf = value.num();
            if nf < 0.0 {
                return fatal("NF set to negative value");
            }
            let (ofs, convfmt) = (self.global_text(OFS), self.convfmt());
            self.record
                .set_nf(nf as usize, &self.splitter, &ofs, &convfmt);
            return Ok(());
        }
        match var {
            Var::Global(NR) => {
                self.nr = value.num();
                return Ok(());
            }
            Var::Global(FNR) => {
                self.fnr = value.num();
                return Ok(());
            }
            Var::Global(FS | RS) => self.separators_changed = true,
            _ => {}
        }
        let cell = self.cell(var);
        if let Cell::Arr(a) = cell
            && !a.borrow().is_empty()
        {
            return fatal("can't assign to an array name");
        }
        *cell = Cell::Val(value);
        Ok(())
    }

    pub fn array(&mut self, var: Var) -> Run<Rc<RefCell<Array>>> {
        let cell = self.cell(var);
        match cell {
            Cell::Arr(a) => Ok(a.clone()),
            Cell::Val(Value::Uninit) => {
                let array = Rc::new(RefCell::new(Array::default()));
                *cell = Cell::Arr(array.clone());
                Ok(array)
            }
            Cell::Val(_) => fatal("can't use scalar as array"),
        }
    }

    fn subscript(&mut self, keys: &[Expr]) -> Run<Rc<str>> {
        let convfmt = self.convfmt();
        let mut parts = Vec::with_capacity(keys.len());
        for key in keys {
            parts.push(self.eval(key)?.text(&convfmt));
        }
        if parts.len() == 1 {
            return Ok(parts.pop().expect("one key"));
        }
        Ok(parts.join(&*self.global_text(SUBSEP)).into())
    }

    /// Where an lvalue lives, found once so that `a[k()]++` evaluates `k()` once.
    pub fn place(&mut self, target: &Expr) -> Run<Place> {
        Ok(match target {
            Expr::Var(var) => Place::Var(*var),
            Expr::Field(index) => Place::Field(self.field_index(index)?),
            Expr::Index(var, keys) => {
                let key = self.subscript(keys)?;
                Place::Element(self.array(*var)?, key)
            }
            _ => return fatal("assignment to a value that is not a variable"),
        })
    }

    pub fn load(&mut self, place: &Place) -> Run<Value> {
        Ok(match place {
            Place::Var(var) => self.get_var(*var)?,
            Place::Field(i) => self.record.field(*i, &self.splitter),
            Place::Element(array, key) => {
                array.borrow_mut().entry(key.clone()).or_default().clone()
            }
        })
    }

    pub fn store(&mut self, place: &Place, value: Value) -> Run<()> {
        match place {
            Place::Var(var) => self.set_var(*var, value)?,
            Place::Field(i) => {
                let (ofs, convfmt) = (self.global_text(OFS), self.convfmt());
                self.record
                    .set_field(*i, value, &self.splitter, &ofs, &convfmt);
                if *i == 0 {
                    self.splitter = self.current_splitter()?;
                }
            }
            Place::Element(array, key) => {
                array.borrow_mut().insert(key.clone(), value);
            }
        }
        Ok(())
    }

    pub fn assign(&mut self, target: &Expr, value: Value) -> Run<Value> {
        let place = self.place(target)?;
        self.store(&place, value.clone())?;
        Ok(value)
    }

    fn field_index(&mut self, index: &Expr) -> Run<usize> {
        let n = self.eval(index)?.num();
        if n < 0.0 {
            return fatal(format!("trying to access out of range field {}", n as i64));
        }
        Ok(n as usize)
    }

    pub fn regex(&mut self, pattern: &Expr) -> Run<Regex> {
        if let Expr::Regex(i) = pattern {
            return Ok(self.regexes[*i].clone());
        }
        let convfmt = self.convfmt();
        let text = self.eval(pattern)?.text(&convfmt);
        self.dynamic_regex(text)
    }

    pub fn dynamic_regex(&mut self, text: Rc<str>) -> Run<Regex> {
        if let Some(re) = self.dynamic.get(&text) {
            return Ok(re.clone());
        }
        let re = crate::ere::compile(&text).or_else(fatal)?;
        if self.dynamic.len() > 500 {
            self.dynamic.clear();
        }
        self.dynamic.insert(text, re.clone());
        Ok(re)
    }

    // ---- expressions ----

    pub fn eval(&mut self, expr: &Expr) -> Run<Value> {
        Ok(match expr {
            Expr::Num(n) => Value::Num(*n),
            Expr::Str(s) => Value::Str(s.clone()),
            Expr::Regex(i) => {
                let matched = self.regexes[*i].is_match(self.record.text());
                Value::Num(f64::from(u8::from(matched)))
            }
            Expr::Var(var) => self.get_var(*var)?,
            Expr::Field(index) => {
                let i = self.field_index(index)?;
                self.record.field(i, &self.splitter)
            }
            Expr::Index(var, keys) => {
                let key = self.subscript(keys)?;
                let array = self.array(*var)?;
                let mut array = array.borrow_mut();
                array.entry(key).or_default().clone()
            }
            Expr::In(keys, var) => {
                let key = self.subscript(keys)?;
                let found = self.array(*var)?.borrow().contains_key(&key);
                Value::Num(f64::from(u8::from(found)))
            }
            Expr::Assign(target, op, value) => {
                let value = self.eval(value)?;
                let place = self.place(target)?;
                let value = match op {
                    Some(op) => {
                        let current = self.load(&place)?.num();
                        Value::Num(arithmetic(*op, current, value.num())?)
                    }
                    None => value,
                };
                self.store(&place, value.clone())?;
                value
            }
            Expr::Binary(op, a, b) => {
                let a = self.eval(a)?.num();
                let b = self.eval(b)?.num();
                Value::Num(arithmetic(*op, a, b)?)
            }
            Expr::Compare(op, a, b) => {
                let a = self.eval(a)?;
                let b = self.eval(b)?;
                let ordering = if a.numeric() && b.numeric() {
                    a.num().partial_cmp(&b.num())
                } else {
                    let convfmt = self.convfmt();
                    Some(a.text(&convfmt).cmp(&b.text(&convfmt)))
                };
                use std::cmp::Ordering::*;
                let holds = match (op, ordering) {
                    (_, None) => *op == Compare::Ne,
                    (Compare::Lt, Some(o)) => o == Less,
                    (Compare::Le, Some(o)) => o != Greater,
                    (Compare::Eq, Some(o)) => o == Equal,
                    (Compare::Ne, Some(o)) => o != Equal,
                    (Compare::Gt, Some(o)) => o == Greater,
                    (Compare::Ge, Some(o)) => o != Less,
                };
                Value::Num(f64::from(u8::from(holds)))
            }
            Expr::Concat(a, b) => {
                let convfmt = self.convfmt();
                let a = self.eval(a)?.text(&convfmt);
                let b = self.eval(b)?.text(&convfmt);
                let mut joined = String::with_capacity(a.len() + b.len());
                joined.push_str(&a);
                joined.push_str(&b);
                Value::str(joined)
            }
            Expr::And(a, b) => {
                let holds = self.eval(a)?.truth() && self.eval(b)?.truth();
                Value::Num(f64::from(u8::from(holds)))
            }
            Expr::Or(a, b) => {
                let holds = self.eval(a)?.truth() || self.eval(b)?.truth();
                Value::Num(f64::from(u8::from(holds)))
            }
            Expr::Not(a) => Value::Num(f64::from(u8::from(!self.eval(a)?.truth()))),
            Expr::Negate(a) => Value::Num(-self.eval(a)?.num()),
            Expr::Plus(a) => Value::Num(self.eval(a)?.num()),
            Expr::Match(positive, text, pattern) => {
                let convfmt = self.convfmt();
                let text = self.eval(text)?.text(&convfmt);
                let matched = self.regex(pattern)?.is_match(&text);
                Value::Num(f64::from(u8::from(matched == *positive)))
            }
            Expr::Ternary(condition, yes, no) => {
                if self.eval(condition)?.truth() {
                    self.eval(yes)?
                } else {
                    self.eval(no)?
                }
            }
            Expr::IncDec(target, step, post) => {
                let place = self.place(target)?;
                let before = self.load(&place)?.num();
                self.store(&place, Value::Num(before + step))?;
                Value::Num(if *post { before } else { before + step })
            }
            Expr::Call(index, args) => self.call(*index, args)?,
            Expr::Builtin(name, args) => self.builtin(name, args)?,
            Expr::Getline(source, target) => self.getline(source, target.as_deref())?,
            Expr::Group(_) => {
                return fatal("syntax error: a parenthesized list outside `in` or print");
            }
        })
    }

    fn call(&mut self, index: usize, args: &[Expr]) -> Run<Value> {
        let function = &self.program.functions[index];
        if args.len() > function.params {
            return fatal(format!(
                "function {} called with {} args, accepts only {}",
                function.name,
                args.len(),
                function.params
            ));
        }
        let mut frame = Vec::with_capacity(function.params);
        for arg in args {
            let cell = match arg {
                Expr::Var(var) if *var != Var::Global(NF) => {
                    let cell = self.cell(*var);
                    match cell {
                        // An untyped variable may become an array in the callee, and the
                        // caller must see it: share a new array (it reads as "" until used).
                        Cell::Val(Value::Uninit) => {
                            let array = Rc::new(RefCell::new(Array::default()));
                            *cell = Cell::Arr(array.clone());
                            Cell::Arr(array)
                        }
                        other => other.clone(),
                    }
                }
                other => Cell::Val(self.eval(other)?),
            };
            frame.push(cell);
        }
        frame.resize(function.params, Cell::Val(Value::Uninit));
        if self.frames.len() >= MAX_CALL_DEPTH {
            return fatal(format!(
                "function call nesting too deep in {}",
                function.name
            ));
        }
        self.frames.push(frame);
        let flow = self.block(&function.body);
        self.frames.pop();
        match flow? {
            Flow::Return(value) => Ok(value),
            _ => Ok(Value::Uninit),
        }
    }

    // ---- statements ----

    pub fn block(&mut self, statements: &[Stmt]) -> Run<Flow> {
        for statement in statements {
            match self.exec(statement)? {
                Flow::Normal => {}
                other => return Ok(other),
            }
        }
        Ok(Flow::Normal)
    }

    fn exec(&mut self, statement: &Stmt) -> Run<Flow> {
        match statement {
            Stmt::Expr(e) => {
                self.eval(e)?;
            }
            Stmt::Print(args, redirect) => {
                let mut line = String::new();
                if args.is_empty() {
                    line.push_str(self.record.text());
                } else {
                    let (ofs, ofmt) = (self.global_text(OFS), self.global_text(OFMT));
                    for (i, arg) in args.iter().enumerate() {
                        if i > 0 {
                            line.push_str(&ofs);
                        }
                        if let Expr::Field(index) = arg {
                            let i = self.field_index(index)?;
                            self.record
                                .append_field(i, &self.splitter, &ofmt, &mut line);
                            continue;
                        }
                        line.push_str(&self.eval(arg)?.text(&ofmt));
                    }
                }
                line.push_str(&self.global_text(ORS));
                self.write(redirect.as_ref(), &line)?;
            }
            Stmt::Printf(args, redirect) => {
                let convfmt = self.convfmt();
                let format = self.eval(&args[0])?.text(&convfmt);
                let mut values = Vec::with_capacity(args.len() - 1);
                for arg in &args[1..] {
                    values.push(self.eval(arg)?);
                }
                let text = sprintf(&format, &values, &convfmt).or_else(fatal)?;
                self.write(redirect.as_ref(), &text)?;
            }
            Stmt::If(condition, then, otherwise) => {
                if self.eval(condition)?.truth() {
                    return self.exec(then);
                } else if let Some(otherwise) = otherwise {
                    return self.exec(otherwise);
                }
            }
            Stmt::While(condition, body) => {
                while self.eval(condition)?.truth() {
                    match self.exec(body)? {
                        Flow::Break => break,
                        Flow::Return(v) => return Ok(Flow::Return(v)),
                        _ => {}
                    }
                }
            }
            Stmt::Do(body, condition) => loop {
                match self.exec(body)? {
                    Flow::Break => break,
                    Flow::Return(v) => return Ok(Flow::Return(v)),
                    _ => {}
                }
                if !self.eval(condition)?.truth() {
                    break;
                }
            },
            Stmt::For(init, condition, step, body) => {
                if let Some(init) = init {
                    self.exec(init)?;
                }
                loop {
                    if let Some(condition) = condition
                        && !self.eval(condition)?.truth()
                    {
                        break;
                    }
                    match self.exec(body)? {
                        Flow::Break => break,
                        Flow::Return(v) => return Ok(Flow::Return(v)),
                        _ => {}
                    }
                    if let Some(step) = step {
                        self.exec(step)?;
                    }
                }
            }
            Stmt::ForIn(key, array, body) => {
                let keys: Vec<Rc<str>> = self.array(*array)?.borrow().keys().cloned().collect();
                for k in keys {
                    self.set_var(*key, Value::input(&k))?;
                    match self.exec(body)? {
                        Flow::Break => break,
                        Flow::Return(v) => return Ok(Flow::Return(v)),
                        _ => {}
                    }
                }
            }
            Stmt::Block(statements) => return self.block(statements),
            Stmt::Next => return Err(Stop::Next),
            Stmt::NextFile => return Err(Stop::NextFile),
            Stmt::Exit(code) => {
                if let Some(code) = code {
                    self.status = self.eval(code)?.num() as i64 as u8;
                }
                return Err(Stop::Exit);
            }
            Stmt::Return(value) => {
                let value = match value {
                    Some(v) => self.eval(v)?,
                    None => Value::Uninit,
                };
                return Ok(Flow::Return(value));
            }
            Stmt::Break => return Ok(Flow::Break),
            Stmt::Continue => return Ok(Flow::Continue),
            Stmt::Delete(array, keys) => {
                let key = match keys {
                    Some(keys) => Some(self.subscript(keys)?),
                    None => None,
                };
                let array = self.array(*array)?;
                let mut array = array.borrow_mut();
                match key {
                    Some(key) => {
                        array.shift_remove(&key);
                    }
                    None => array.clear(),
                }
            }
        }
        Ok(Flow::Normal)
    }

    fn write(&mut self, redirect: Option<&Redirect>, text: &str) -> Run<()> {
        let (target, append, pipe) = match redirect {
            None => return self.write_stdout(text),
            Some(Redirect::File(e)) => (e, false, false),
            Some(Redirect::Append(e)) => (e, true, false),
            Some(Redirect::Pipe(e)) => (e, false, true),
        };
        let convfmt = self.convfmt();
        let name = self.eval(target)?.text(&convfmt);
        if pipe {
            // The command's output must come after what we printed before it.
            self.flush_stdout()?;
        }
        let result = match self.streams.output(&name, append, pipe) {
            Ok(Target::Stdout) => return self.write_stdout(text),
            Ok(Target::Stream(stream)) => stream.write_all(text.as_bytes()),
            Err(e) if pipe => return fatal(e.to_string()),
            Err(e) => {
                let why = wasmix_common::describe_io_error(&e);
                return fatal(format!("cannot open \"{name}\" for output ({why})"));
            }
        };
        match result {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            Err(e) => fatal(format!(
                "write failure on \"{name}\" ({})",
                wasmix_common::describe_io_error(&e)
            )),
            Ok(()) => Ok(()),
        }
    }

    fn write_stdout(&mut self, text: &str) -> Run<()> {
        match self.out.write_all(text.as_bytes()) {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Err(Stop::BrokenPipe),
            Err(e) => fatal(format!(
                "write failure ({})",
                wasmix_common::describe_io_error(&e)
            )),
            Ok(()) => Ok(()),
        }
    }

    pub fn flush_stdout(&mut self) -> Run<()> {
        match self.out.flush() {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Err(Stop::BrokenPipe),
            _ => Ok(()),
        }
    }

    // ---- input ----

    fn getline(&mut self, source: &Getline, target: Option<&Expr>) -> Run<Value> {
        let convfmt = self.convfmt();
        let separator = self.record_separator()?;
        // Only the main input counts in NR: awks agree, whatever POSIX says of `cmd | getline`.
        let read = match source {
            Getline::Input if target.is_none() => {
                let found = self.next_record()?;
                return Ok(Value::Num(f64::from(u8::from(found))));
            }
            Getline::Input => {
                let mut text = String::new();
                Ok(self.read_main(&mut text)?.then_some(text))
            }
            Getline::File(name) => {
                let name = self.eval(name)?.text(&convfmt);
                self.streams
                    .input(&name, false)
                    .and_then(|r| r.next(&separator))
            }
            Getline::Command(command) => {
                let command = self.eval(command)?.text(&convfmt);
                self.flush_stdout()?;
                self.streams
                    .input(&command, true)
                    .and_then(|r| r.next(&separator))
            }
        };
        let text = match read {
            Err(_) => return Ok(Value::Num(-1.0)),
            Ok(None) => return Ok(Value::Num(0.0)),
            Ok(Some(text)) => text,
        };
        match target {
            Some(target) => {
                self.assign(target, Value::input(&text))?;
            }
            None => self.set_record(&text)?,
        }
        Ok(Value::Num(1.0))
    }

    /// Appends the next record of the main input (the operands in ARGV, or stdin) to
    /// `out`, counted in NR and FNR; false when all input is read.
    pub fn read_main(&mut self, out: &mut String) -> Run<bool> {
        loop {
            if self.main.is_none() && !self.open_next_operand()? {
                return Ok(false);
            }
            let separator = self.record_separator()?;
            let reader = self.main.as_mut().expect("opened above");
            match reader.next_into(&separator, out) {
                Ok(true) => {
                    self.nr += 1.0;
                    self.fnr += 1.0;
                    return Ok(true);
                }
                Ok(false) => self.main = None,
                Err(e) => {
                    let name = self.global_text(FILENAME);
                    wasmix_common::note!(
                        "awk: read error on {name} ({})",
                        wasmix_common::describe_io_error(&e)
                    );
                    self.status = 2;
                    self.main = None;
                }
            }
        }
    }

    /// Reads the next record of the main input into `$0`; false at the end.
    pub fn next_record(&mut self) -> Run<bool> {
        // The record stays what it was at the end of the input: END sees the last one.
        let mut buffer = std::mem::take(&mut self.spare);
        buffer.clear();
        let found = self.read_main(&mut buffer);
        if let Ok(true) = found {
            self.spare = self.record.install(buffer);
            self.refresh_separators()?;
            if !matches!(
                (&self.splitter, &self.fs_splitter),
                (Splitter::Blanks, Splitter::Blanks)
            ) {
                self.splitter = self.fs_splitter.clone();
            }
        } else {
            self.spare = buffer;
        }
        found
    }

    pub fn skip_file(&mut self) {
        self.main = None;
    }

    fn open_next_operand(&mut self) -> Run<bool> {
        loop {
            let argc = self.get_var(Var::Global(ARGC))?.num() as usize;
            if self.argv_next >= argc {
                if self.read_operand {
                    return Ok(false);
                }
                self.read_operand = true;
                self.main = Some(RecordReader::new(Box::new(std::io::stdin())));
                // Standard input read for want of operands is `-`, as mawk and the one
                // true awk name it.
                self.globals[FILENAME] = Cell::Val(Value::str("-"));
                self.fnr = 0.0;
                return Ok(true);
            }
            let key: Rc<str> = self.argv_next.to_string().into();
            self.argv_next += 1;
            let operand = self
                .array(Var::Global(ARGV))?
                .borrow()
                .get(&key)
                .cloned()
                .unwrap_or_default();
            let operand = operand.text("%.6g");
            if operand.is_empty() {
                continue;
            }
            if let Some((name, value)) = crate::assignment(&operand) {
                let slot = self.program.globals.iter().position(|g| *g == name);
                if let Some(slot) = slot {
                    self.set_var(Var::Global(slot), Value::input(&value))?;
                }
                continue;
            }
            self.read_operand = true;
            let reader: Box<dyn std::io::Read> = if &*operand == "-" || &*operand == "/dev/stdin" {
                Box::new(std::io::stdin())
            } else {
                match std::fs::File::open(&*operand) {
                    Ok(file) if file.metadata().is_ok_and(|m| m.is_dir()) => {
                        wasmix_common::note!(
                            "awk: warning: command line argument `{operand}' is a directory: skipped"
                        );
                        continue;
                    }
                    Ok(file) => Box::new(file),
                    Err(e) => {
                        let why = wasmix_common::describe_io_error(&e);
                        return fatal(format!("cannot open file {operand} ({why})"));
                    }
                }
            };
            self.globals[FILENAME] = Cell::Val(Value::str(operand));
            self.fnr = 0.0;
            self.main = Some(RecordReader::new(reader));
            return Ok(true);
        }
    }

    /// Whether a rule's pattern selects the current record.
    pub fn selects(&mut self, pattern: &Pattern) -> Run<bool> {
        Ok(match pattern {
            Pattern::Begin | Pattern::End => false,
            Pattern::All => true,
            Pattern::Expr(e) => self.eval(e)?.truth(),
            Pattern::Range(first, last, i) => {
                if self.ranges[*i] {
                    if self.eval(last)?.truth() {
                        self.ranges[*i] = false;
                    }
                    true
                } else if self.eval(first)?.truth() {
                    self.ranges[*i] = !self.eval(last)?.truth();
                    true
                } else {
                    false
                }
            }
        })
    }
}

fn arithmetic(op: Binary, a: f64, b: f64) -> Run<f64> {
    Ok(match op {
        Binary::Add => a + b,
        Binary::Sub => a - b,
        Binary::Mul => a * b,
        Binary::Div if b == 0.0 => return fatal("division by zero"),
        Binary::Div => a / b,
        Binary::Mod if b == 0.0 => return fatal("division by zero in %"),
        Binary::Mod => a % b,
        Binary::Pow => a.powf(b),
    })
}
