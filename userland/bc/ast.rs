//! The program as the parser leaves it: statements and expressions of the bc language.

use std::rc::Rc;

/// Something a value can be stored in.
#[derive(Clone, Debug)]
pub enum Place {
    Variable(String),
    Element(String, Box<Expression>),
    Scale,
    InputBase,
    OutputBase,
    Last,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Operator {
    Add,
    Subtract,
    Multiply,
    Divide,
    Remainder,
    Power,
}

#[derive(Clone, Copy, Debug)]
pub enum Relation {
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Equal,
    NotEqual,
}

/// A function's argument: a value, or a whole array (`f(a[])`).
#[derive(Clone, Debug)]
pub enum Argument {
    Value(Expression),
    Array(String),
}

#[derive(Clone, Debug)]
pub enum Expression {
    /// A literal, kept as written: its value depends on `ibase` when it runs.
    Number(String),
    Load(Place),
    /// `(e)`: an assignment in parentheses prints its value.
    Group(Box<Expression>),
    Negate(Box<Expression>),
    Not(Box<Expression>),
    Arithmetic(Operator, Box<Expression>, Box<Expression>),
    Compare(Relation, Box<Expression>, Box<Expression>),
    And(Box<Expression>, Box<Expression>),
    Or(Box<Expression>, Box<Expression>),
    /// `place op= value`; `None` is plain `=`.
    Assign(Place, Option<Operator>, Box<Expression>),
    /// `++x` (true) or `--x`, the new value its result.
    PreStep(Place, bool),
    /// `x++` (true) or `x--`, the old value its result.
    PostStep(Place, bool),
    Call(String, Vec<Argument>),
    Length(Box<Expression>),
    ScaleOf(Box<Expression>),
    SquareRoot(Box<Expression>),
    Read,
}

/// An item of `print`.
#[derive(Clone, Debug)]
pub enum Printed {
    Text(String),
    Value(Expression),
}

#[derive(Clone, Debug)]
pub enum Statement {
    /// Printed unless it is an assignment.
    Expression(Expression),
    /// A string on its own, written as it is.
    Text(String),
    Print(Vec<Printed>),
    If(Expression, Box<Statement>, Option<Box<Statement>>),
    While(Expression, Box<Statement>),
    For(
        Option<Expression>,
        Option<Expression>,
        Option<Expression>,
        Box<Statement>,
    ),
    Block(Vec<Statement>),
    Break,
    Continue,
    Return(Option<Expression>),
    Halt,
    Limits,
}

/// A parameter or `auto` name: a value, or an array (`a[]`; `*a[]` by reference).
#[derive(Clone, Debug)]
pub enum Local {
    Value(String),
    Array(String, bool),
}

#[derive(Debug)]
pub struct Function {
    pub name: String,
    pub parameters: Vec<Local>,
    pub autos: Vec<Local>,
    pub body: Vec<Statement>,
    /// `define void f()`: the call has no value and prints nothing.
    pub void: bool,
}

/// What the parser hands over for each line of input.
pub enum Item {
    Statements(Vec<Statement>),
    Define(Rc<Function>),
    /// `quit`, which ends bc as soon as it is read, wherever it stands.
    Quit,
}
