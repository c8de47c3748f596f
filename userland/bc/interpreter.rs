//! Runs parsed bc: variables, arrays and functions in three name spaces, `auto` and
//! parameters scoped dynamically (a called function sees its caller's locals, as in bc),
//! arrays passed by value or, declared `*a[]`, by reference.

use crate::ast::{
    Argument, Expression, Function, Local, Operator, Place, Printed, Relation, Statement,
};
use crate::mathlib;
use crate::number::{ArithmeticError, Number};
use crate::output::Output;
use std::cell::RefCell;
use std::collections::HashMap;
use std::io::Write;
use std::rc::Rc;

const DIMENSION_MAX: usize = 16_777_215;
const SCALE_MAX: usize = 2_147_483_647;

type Array = Rc<RefCell<HashMap<usize, Number>>>;

/// How a statement ended, when not by running on to the next.
enum Flow {
    Next,
    Break,
    Continue,
    Return(Option<Number>),
    Halt,
}

/// A runtime error, which abandons the rest of the line being run.
pub struct Fault(String);

pub enum Outcome {
    Done,
    Halted,
}

pub struct Interpreter<'a> {
    scalars: HashMap<String, Number>,
    arrays: HashMap<String, Array>,
    functions: HashMap<String, Rc<Function>>,
    pub scale: usize,
    input_base: u32,
    output_base: u64,
    last: Number,
    math_library: bool,
    /// The function running, for messages: `(main)` at the top.
    calls: Vec<String>,
    pub output: Output<'a>,
}

fn truth(value: bool) -> Number {
    Number::from_integer(i64::from(value))
}

impl<'a> Interpreter<'a> {
    pub fn new(math_library: bool, output: Output<'a>) -> Interpreter<'a> {
        Interpreter {
            scalars: HashMap::new(),
            arrays: HashMap::new(),
            functions: HashMap::new(),
            scale: if math_library { 20 } else { 0 },
            input_base: 10,
            output_base: 10,
            last: Number::zero(),
            math_library,
            calls: Vec::new(),
            output,
        }
    }

    fn function_name(&self) -> &str {
        self.calls.last().map_or("(main)", |name| name)
    }

    fn fault(&self, message: &str) -> Fault {
        Fault(format!(
            "Runtime error (func={}, adr=0): {message}",
            self.function_name()
        ))
    }

    fn warn(&mut self, message: &str) {
        self.output.flush();
        let _ = writeln!(
            std::io::stderr(),
            "Runtime warning (func={}, adr=0): {message}",
            self.function_name()
        );
    }

    pub fn define(&mut self, function: Rc<Function>) {
        self.functions.insert(function.name.clone(), function);
    }

    /// Runs a line's statements; a runtime error is reported and ends the line.
    pub fn run(&mut self, statements: &[Statement]) -> Outcome {
        for statement in statements {
            match self.statement(statement) {
                Ok(Flow::Halt) => return Outcome::Halted,
                Ok(_) => {}
                Err(Fault(message)) => {
                    self.output.flush();
                    let _ = writeln!(std::io::stderr(), "{message}");
                    self.calls.clear();
                    break;
                }
            }
        }
        self.output.flush();
        Outcome::Done
    }

    fn block(&mut self, statements: &[Statement]) -> Result<Flow, Fault> {
        for statement in statements {
            match self.statement(statement)? {
                Flow::Next => {}
                flow => return Ok(flow),
            }
        }
        Ok(Flow::Next)
    }

    fn statement(&mut self, statement: &Statement) -> Result<Flow, Fault> {
        match statement {
            Statement::Expression(expression) => {
                let value = self.evaluate(expression)?;
                if let (Some(value), false) = (value, matches!(expression, Expression::Assign(..)))
                {
                    self.output.number(&value, self.output_base);
                    self.output.text("\n");
                    self.last = value;
                }
            }
            Statement::Text(text) => self.output.text(text),
            Statement::Print(items) => {
                for item in items {
                    match item {
                        Printed::Text(text) => self.output.text(&unescape(text)),
                        Printed::Value(expression) => {
                            let value = self.value(expression)?;
                            self.output.number(&value, self.output_base);
                            self.last = value;
                        }
                    }
                }
            }
            Statement::If(condition, then, otherwise) => {
                if !self.value(condition)?.is_zero() {
                    return self.statement(then);
                } else if let Some(otherwise) = otherwise {
                    return self.statement(otherwise);
                }
            }
            Statement::While(condition, body) => {
                while !self.value(condition)?.is_zero() {
                    match self.statement(body)? {
                        Flow::Break => break,
                        Flow::Next | Flow::Continue => {}
                        flow => return Ok(flow),
                    }
                }
            }
            Statement::For(start, condition, step, body) => {
                if let Some(start) = start {
                    self.evaluate(start)?;
                }
                loop {
                    if let Some(condition) = condition
                        && self.value(condition)?.is_zero()
                    {
                        break;
                    }
                    match self.statement(body)? {
                        Flow::Break => break,
                        Flow::Next | Flow::Continue => {}
                        flow => return Ok(flow),
                    }
                    if let Some(step) = step {
                        self.evaluate(step)?;
                    }
                }
            }
            Statement::Block(statements) => return self.block(statements),
            Statement::Break => return Ok(Flow::Break),
            Statement::Continue => return Ok(Flow::Continue),
            Statement::Return(value) => {
                let value = match value {
                    Some(expression) => Some(self.value(expression)?),
                    None => None,
                };
                return Ok(Flow::Return(value));
            }
            Statement::Halt => return Ok(Flow::Halt),
            Statement::Limits => self.output.text(&format!(
                "BC_BASE_MAX     = {SCALE_MAX}\nBC_DIM_MAX      = {DIMENSION_MAX}\n\
                 BC_SCALE_MAX    = {SCALE_MAX}\nBC_STRING_MAX   = {SCALE_MAX}\n\
                 MAX Exponent    = {}\nNumber of vars  = 32767\n",
                i64::MAX
            )),
        }
        Ok(Flow::Next)
    }

    /// An expression's value; a void function's call has none.
    fn evaluate(&mut self, expression: &Expression) -> Result<Option<Number>, Fault> {
        if let Expression::Call(name, arguments) = expression {
            return self.call(name, arguments);
        }
        self.value(expression).map(Some)
    }

    fn arithmetic(
        &self,
        operator: Operator,
        left: &Number,
        right: &Number,
    ) -> Result<Number, Fault> {
        let scale = self.scale;
        let result = match operator {
            Operator::Add => Ok(left.add(right)),
            Operator::Subtract => Ok(left.subtract(right)),
            Operator::Multiply => Ok(left.multiply(right, scale)),
            Operator::Divide => left.divide(right, scale),
            Operator::Remainder => left.remainder(right, scale),
            Operator::Power => left.power(right, scale),
        };
        result.map_err(|error| self.fault(error.message()))
    }

    pub fn value(&mut self, expression: &Expression) -> Result<Number, Fault> {
        Ok(match expression {
            Expression::Number(digits) => Number::parse(digits, self.input_base),
            Expression::Load(place) => self.load(place)?,
            Expression::Group(inner) => self.value(inner)?,
            Expression::Negate(inner) => self.value(inner)?.negated(),
            Expression::Not(inner) => truth(self.value(inner)?.is_zero()),
            Expression::Arithmetic(operator, left, right) => {
                let left = self.value(left)?;
                let right = self.value(right)?;
                if *operator == Operator::Power && right.scale() > 0 {
                    self.warn("non-zero scale in exponent");
                }
                self.arithmetic(*operator, &left, &right)?
            }
            Expression::Compare(relation, left, right) => {
                let order = self.value(left)?.compare(&self.value(right)?);
                truth(match relation {
                    Relation::Less => order.is_lt(),
                    Relation::LessOrEqual => order.is_le(),
                    Relation::Greater => order.is_gt(),
                    Relation::GreaterOrEqual => order.is_ge(),
                    Relation::Equal => order.is_eq(),
                    Relation::NotEqual => order.is_ne(),
                })
            }
            Expression::And(left, right) => {
                truth(!self.value(left)?.is_zero() && !self.value(right)?.is_zero())
            }
            Expression::Or(left, right) => {
                truth(!self.value(left)?.is_zero() || !self.value(right)?.is_zero())
            }
            Expression::Assign(place, operator, value) => {
                let mut value = self.value(value)?;
                if let Some(operator) = operator {
                    let old = self.load(place)?;
                    if *operator == Operator::Power && value.scale() > 0 {
                        self.warn("non-zero scale in exponent");
                    }
                    value = self.arithmetic(*operator, &old, &value)?;
                }
                self.store(place, value)?
            }
            Expression::PreStep(place, up) => {
                let new = self.stepped(place, *up)?;
                self.store(place, new)?
            }
            Expression::PostStep(place, up) => {
                let old = self.load(place)?;
                let new = self.stepped(place, *up)?;
                self.store(place, new)?;
                old
            }
            Expression::Call(name, arguments) => self.call(name, arguments)?.unwrap_or_default(),
            Expression::Length(inner) => Number::from_integer(self.value(inner)?.length() as i64),
            Expression::ScaleOf(inner) => Number::from_integer(self.value(inner)?.scale() as i64),
            Expression::SquareRoot(inner) => {
                let value = self.value(inner)?;
                value
                    .square_root(self.scale)
                    .map_err(|error| self.fault(error.message()))?
            }
            Expression::Read => self.read()?,
        })
    }

    fn stepped(&mut self, place: &Place, up: bool) -> Result<Number, Fault> {
        let one = Number::from_integer(1);
        let old = self.load(place)?;
        Ok(if up {
            old.add(&one)
        } else {
            old.subtract(&one)
        })
    }

    fn index(&mut self, name: &str, index: &Expression) -> Result<usize, Fault> {
        let index = self.value(index)?;
        match index.to_i64() {
            Some(i) if (0..=DIMENSION_MAX as i64).contains(&i) => Ok(i as usize),
            _ => Err(self.fault(&format!("Array {name} subscript out of bounds."))),
        }
    }

    fn array(&mut self, name: &str) -> Array {
        self.arrays.entry(name.to_string()).or_default().clone()
    }

    fn load(&mut self, place: &Place) -> Result<Number, Fault> {
        Ok(match place {
            Place::Variable(name) => self.scalars.get(name).cloned().unwrap_or_default(),
            Place::Element(name, index) => {
                let index = self.index(name, index)?;
                self.array(name)
                    .borrow()
                    .get(&index)
                    .cloned()
                    .unwrap_or_default()
            }
            Place::Scale => Number::from_integer(self.scale as i64),
            Place::InputBase => Number::from_integer(i64::from(self.input_base)),
            Place::OutputBase => Number::from_integer(self.output_base as i64),
            Place::Last => self.last.clone(),
        })
    }

    /// Stores the value and gives back what was stored (a base or scale as it was set).
    fn store(&mut self, place: &Place, value: Number) -> Result<Number, Fault> {
        match place {
            Place::Variable(name) => {
                self.scalars.insert(name.clone(), value.clone());
            }
            Place::Element(name, index) => {
                let index = self.index(name, index)?;
                self.array(name).borrow_mut().insert(index, value.clone());
            }
            Place::Last => self.last = value.clone(),
            Place::Scale => {
                let wanted = value.to_i64().unwrap_or(i64::MAX);
                self.scale = if wanted < 0 {
                    self.warn("negative scale, set to 0");
                    0
                } else if wanted as u64 > SCALE_MAX as u64 {
                    self.warn(&format!("scale too large, set to {SCALE_MAX}"));
                    SCALE_MAX
                } else {
                    wanted as usize
                };
                return Ok(Number::from_integer(self.scale as i64));
            }
            Place::InputBase => {
                let wanted = value.to_i64().unwrap_or(i64::MAX);
                self.input_base = self.base("ibase", wanted, 36) as u32;
                return Ok(Number::from_integer(i64::from(self.input_base)));
            }
            Place::OutputBase => {
                let wanted = value.to_i64().unwrap_or(i64::MAX);
                self.output_base = self.base("obase", wanted, SCALE_MAX as i64) as u64;
                return Ok(Number::from_integer(self.output_base as i64));
            }
        }
        Ok(value)
    }

    fn base(&mut self, name: &str, wanted: i64, most: i64) -> i64 {
        if wanted < 2 {
            self.warn(&format!("{name} too small, set to 2"));
            2
        } else if wanted > most {
            self.warn(&format!("{name} too large, set to {most}"));
            most
        } else {
            wanted
        }
    }

    /// `read()`: an expression typed on standard input.
    fn read(&mut self) -> Result<Number, Fault> {
        self.output.flush();
        let mut line = Vec::new();
        let _ = std::io::BufRead::read_until(&mut std::io::stdin().lock(), b'\n', &mut line);
        let text = String::from_utf8_lossy(&line);
        let text = text.trim();
        match crate::parse_expression(text) {
            Some(expression) => self.value(&expression),
            None => Err(self.fault("read() of a bad number")),
        }
    }

    fn call(&mut self, name: &str, arguments: &[Argument]) -> Result<Option<Number>, Fault> {
        let Some(function) = self.functions.get(name).cloned() else {
            if self.math_library
                && let Some(result) = self.library_call(name, arguments)
            {
                return result.map(Some);
            }
            return Err(self.fault(&format!("Function {name} not defined.")));
        };
        if function.parameters.len() != arguments.len() {
            return Err(self.fault("Parameter number mismatch"));
        }
        // Arguments are evaluated before any local is bound.
        let mut bound_scalars = Vec::new();
        let mut bound_arrays = Vec::new();
        for (parameter, argument) in function.parameters.iter().zip(arguments) {
            match (parameter, argument) {
                (Local::Value(parameter), Argument::Value(expression)) => {
                    bound_scalars.push((parameter.clone(), self.value(expression)?));
                }
                (Local::Array(parameter, by_reference), Argument::Array(array)) => {
                    let source = self.array(array);
                    let bound = if *by_reference {
                        source
                    } else {
                        Rc::new(RefCell::new(source.borrow().clone()))
                    };
                    bound_arrays.push((parameter.clone(), bound));
                }
                _ => return Err(self.fault("Parameter type mismatch")),
            }
        }
        for local in &function.autos {
            match local {
                Local::Value(name) => bound_scalars.push((name.clone(), Number::zero())),
                Local::Array(name, _) => bound_arrays.push((name.clone(), Array::default())),
            }
        }
        let saved_scalars: Vec<_> = bound_scalars
            .into_iter()
            .map(|(name, value)| {
                let old = self.scalars.insert(name.clone(), value);
                (name, old)
            })
            .collect();
        let saved_arrays: Vec<_> = bound_arrays
            .into_iter()
            .map(|(name, array)| {
                let old = self.arrays.insert(name.clone(), array);
                (name, old)
            })
            .collect();
        self.calls.push(name.to_string());
        let flow = self.block(&function.body);
        self.calls.pop();
        // Restored in reverse, so a name bound twice gets its outer value back.
        for (name, old) in saved_scalars.into_iter().rev() {
            match old {
                Some(value) => self.scalars.insert(name, value),
                None => self.scalars.remove(&name),
            };
        }
        for (name, old) in saved_arrays.into_iter().rev() {
            match old {
                Some(array) => self.arrays.insert(name, array),
                None => self.arrays.remove(&name),
            };
        }
        let value = match flow? {
            Flow::Return(value) => value.unwrap_or_default(),
            _ => Number::zero(),
        };
        Ok((!function.void).then_some(value))
    }

    /// The functions of `bc -l`, unless the program defined its own of the name.
    fn library_call(
        &mut self,
        name: &str,
        arguments: &[Argument],
    ) -> Option<Result<Number, Fault>> {
        let wanted = if name == "j" { 2 } else { 1 };
        if !matches!(name, "s" | "c" | "a" | "l" | "e" | "j") {
            return None;
        }
        Some(self.run_library(name, arguments, wanted))
    }

    fn run_library(
        &mut self,
        name: &str,
        arguments: &[Argument],
        wanted: usize,
    ) -> Result<Number, Fault> {
        if arguments.len() != wanted {
            return Err(self.fault("Parameter number mismatch"));
        }
        let mut values = Vec::new();
        for argument in arguments {
            let Argument::Value(expression) = argument else {
                return Err(self.fault("Parameter type mismatch"));
            };
            values.push(self.value(expression)?);
        }
        let scale = self.scale;
        let result: Result<Number, ArithmeticError> = match name {
            "s" => mathlib::sine(&values[0], scale),
            "c" => mathlib::cosine(&values[0], scale),
            "a" => mathlib::arctangent(&values[0], scale),
            "l" => mathlib::logarithm(&values[0], scale),
            "e" => mathlib::exponential(&values[0], scale),
            _ => mathlib::bessel(&values[0], &values[1], scale),
        };
        result.map_err(|error| self.fault(error.message()))
    }
}

/// The escapes of `print`'s strings: `\a \b \f \n \r \q \t \\`.
fn unescape(text: &str) -> String {
    let mut result = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            result.push(c);
            continue;
        }
        match chars.next() {
            Some('a') => result.push('\x07'),
            Some('b') => result.push('\x08'),
            Some('f') => result.push('\x0c'),
            Some('n') => result.push('\n'),
            Some('r') => result.push('\r'),
            Some('q') => result.push('"'),
            Some('t') => result.push('\t'),
            Some('\\') => result.push('\\'),
            // GNU bc drops an escape it does not know, backslash and all.
            Some(_) => {}
            None => result.push('\\'),
        }
    }
    result
}
