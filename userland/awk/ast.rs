//! The parsed program. Names are resolved while parsing: a variable is a global slot or a
//! slot of the running function's frame, so running never looks a name up.

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Var {
    Global(usize),
    Local(usize),
}

#[derive(Debug)]
pub enum Expr {
    Num(f64),
    Str(std::rc::Rc<str>),
    /// `/re/` alone: a match against `$0`.
    Regex(usize),
    Var(Var),
    Field(Box<Expr>),
    Index(Var, Vec<Expr>),
    In(Vec<Expr>, Var),
    Assign(Box<Expr>, Option<Binary>, Box<Expr>),
    Binary(Binary, Box<Expr>, Box<Expr>),
    Compare(Compare, Box<Expr>, Box<Expr>),
    Concat(Box<Expr>, Box<Expr>),
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
    Not(Box<Expr>),
    Negate(Box<Expr>),
    Plus(Box<Expr>),
    /// `x ~ y` (or `!~` when the flag is false).
    Match(bool, Box<Expr>, Box<Expr>),
    Ternary(Box<Expr>, Box<Expr>, Box<Expr>),
    /// `++x`, `x--`: (the lvalue, the step, whether the value is the one before).
    IncDec(Box<Expr>, f64, bool),
    Call(usize, Vec<Expr>),
    Builtin(&'static str, Vec<Expr>),
    Getline(Getline, Option<Box<Expr>>),
    /// `(a, b)` where only `in` or print's list may follow; alone it is an error.
    Group(Vec<Expr>),
}

#[derive(Debug)]
pub enum Getline {
    Input,
    File(Box<Expr>),
    Command(Box<Expr>),
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Binary {
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Pow,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Compare {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

#[derive(Debug)]
pub enum Redirect {
    File(Expr),
    Append(Expr),
    Pipe(Expr),
}

#[derive(Debug)]
pub enum Stmt {
    Expr(Expr),
    Print(Vec<Expr>, Option<Redirect>),
    Printf(Vec<Expr>, Option<Redirect>),
    If(Expr, Box<Stmt>, Option<Box<Stmt>>),
    While(Expr, Box<Stmt>),
    Do(Box<Stmt>, Expr),
    For(
        Option<Box<Stmt>>,
        Option<Expr>,
        Option<Box<Stmt>>,
        Box<Stmt>,
    ),
    ForIn(Var, Var, Box<Stmt>),
    Block(Vec<Stmt>),
    Next,
    NextFile,
    Exit(Option<Expr>),
    Return(Option<Expr>),
    Break,
    Continue,
    Delete(Var, Option<Vec<Expr>>),
}

#[derive(Debug)]
pub enum Pattern {
    Begin,
    End,
    All,
    Expr(Expr),
    /// `a, b`: the index of the rule's "in range" flag comes with it.
    Range(Expr, Expr, usize),
}

#[derive(Debug)]
pub struct Rule {
    pub pattern: Pattern,
    /// None: `{ print }`.
    pub action: Option<Vec<Stmt>>,
}

#[derive(Debug, Default)]
pub struct Function {
    pub name: String,
    pub params: usize,
    pub body: Vec<Stmt>,
    pub defined: bool,
}

#[derive(Debug, Default)]
pub struct Program {
    pub rules: Vec<Rule>,
    pub functions: Vec<Function>,
    pub globals: Vec<String>,
    pub regexes: Vec<String>,
    pub ranges: usize,
}
