//! bc's grammar, as GNU bc reads it: a line of statements is one unit, run when its
//! newline is read; `define` starts a unit of its own; `quit` ends bc when it is read.
//! Precedence, lowest first: `||`, `&&`, `!`, relations, assignment, `+ -`, `* / %`, `^`,
//! unary minus, `++ --` (so `a = 3 < 5` compares the assigned 3, and `-2^2` is 4).

use crate::ast::{
    Argument, Expression, Function, Item, Local, Operator, Place, Printed, Relation, Statement,
};
use crate::lexer::{LexError, Lexer, Token};
use std::rc::Rc;

pub struct ParseError {
    pub line: usize,
    pub message: String,
    pub fatal: bool,
    /// Found at the end of the input: a last line without its newline.
    pub at_end: bool,
}

impl From<LexError> for ParseError {
    fn from(error: LexError) -> ParseError {
        ParseError {
            line: error.line,
            message: error.message,
            fatal: error.fatal,
            at_end: false,
        }
    }
}

type Parsed<T> = Result<T, ParseError>;

/// Why parsing stopped early, other than an error.
enum Stop {
    Error(ParseError),
    Quit,
}

impl<E: Into<ParseError>> From<E> for Stop {
    fn from(error: E) -> Stop {
        Stop::Error(error.into())
    }
}

pub struct Parser<'a> {
    lexer: &'a mut Lexer,
    in_function: bool,
    loops: usize,
}

impl<'a> Parser<'a> {
    pub fn new(lexer: &'a mut Lexer) -> Parser<'a> {
        Parser {
            lexer,
            in_function: false,
            loops: 0,
        }
    }

    /// The next unit of input, or `None` at its end.
    pub fn item(&mut self) -> Parsed<Option<Item>> {
        self.in_function = false;
        self.loops = 0;
        match self.unit() {
            Ok(item) => Ok(item),
            Err(Stop::Quit) => Ok(Some(Item::Quit)),
            Err(Stop::Error(error)) => Err(error),
        }
    }

    fn unit(&mut self) -> Result<Option<Item>, Stop> {
        while self.lexer.peek()? == &Token::Operator(";") {
            self.lexer.next()?;
        }
        if self.lexer.peek()? == &Token::Keyword("define") {
            return Ok(Some(Item::Define(Rc::new(self.function()?))));
        }
        let mut statements = Vec::new();
        loop {
            match self.lexer.next()? {
                Token::Newline => return Ok(Some(Item::Statements(statements))),
                // A last line without its newline is an error, as in GNU bc.
                Token::End if statements.is_empty() => return Ok(None),
                Token::End => return Err(self.syntax_error().into()),
                Token::Operator(";") => continue,
                token => {
                    statements.push(self.statement(token)?);
                    self.end_of_statement(false)?;
                }
            }
        }
    }

    fn syntax_error(&self) -> ParseError {
        self.error("syntax error")
    }

    fn error(&self, message: &str) -> ParseError {
        ParseError {
            line: self.lexer.line,
            message: message.into(),
            fatal: false,
            at_end: self.lexer.at_end(),
        }
    }

    /// What may follow a statement: `;`, a newline, the end, or `}` closing a block.
    fn end_of_statement(&mut self, in_block: bool) -> Result<(), Stop> {
        match self.lexer.peek()? {
            Token::Operator(";") | Token::Newline | Token::End => Ok(()),
            Token::Operator("}") if in_block => Ok(()),
            _ => Err(self.syntax_error().into()),
        }
    }

    fn expect(&mut self, operator: &str) -> Result<(), Stop> {
        match self.lexer.next()? {
            Token::Operator(found) if found == operator => Ok(()),
            _ => Err(self.syntax_error().into()),
        }
    }

    fn skip_newlines(&mut self) -> Result<(), Stop> {
        while self.lexer.peek()? == &Token::Newline {
            self.lexer.next()?;
        }
        Ok(())
    }

    fn function(&mut self) -> Result<Function, Stop> {
        self.lexer.next()?;
        let void = self.lexer.peek()? == &Token::Keyword("void");
        if void {
            self.lexer.next()?;
        }
        let Token::Name(name) = self.lexer.next()? else {
            return Err(self.syntax_error().into());
        };
        self.expect("(")?;
        let parameters = self.locals(")", true)?;
        self.expect(")")?;
        self.skip_newlines()?;
        self.expect("{")?;
        self.skip_newlines()?;
        let mut autos = Vec::new();
        if self.lexer.peek()? == &Token::Keyword("auto") {
            self.lexer.next()?;
            autos = self.locals("", false)?;
            match self.lexer.next()? {
                Token::Operator(";") | Token::Newline => {}
                _ => return Err(self.syntax_error().into()),
            }
        }
        self.in_function = true;
        let body = self.block_body()?;
        self.in_function = false;
        Ok(Function {
            name,
            parameters,
            autos,
            body,
            void,
        })
    }

    /// `a, b[], *c[]` up to `closing` (parameters) or the end of the `auto` list.
    fn locals(&mut self, closing: &str, parameters: bool) -> Result<Vec<Local>, Stop> {
        let mut locals = Vec::new();
        if matches!(self.lexer.peek()?, Token::Operator(op) if *op == closing) {
            return Ok(locals);
        }
        loop {
            let by_reference = parameters && self.lexer.peek()? == &Token::Operator("*");
            if by_reference {
                self.lexer.next()?;
            }
            let Token::Name(name) = self.lexer.next()? else {
                return Err(self.syntax_error().into());
            };
            if self.lexer.peek()? == &Token::Operator("[") {
                self.lexer.next()?;
                self.expect("]")?;
                locals.push(Local::Array(name, by_reference));
            } else if by_reference {
                return Err(self.syntax_error().into());
            } else {
                locals.push(Local::Value(name));
            }
            if self.lexer.peek()? != &Token::Operator(",") {
                return Ok(locals);
            }
            self.lexer.next()?;
        }
    }

    /// Statements up to the `}` that closes the block, which is read too.
    fn block_body(&mut self) -> Result<Vec<Statement>, Stop> {
        let mut statements = Vec::new();
        loop {
            match self.lexer.next()? {
                Token::Operator("}") => return Ok(statements),
                Token::Newline | Token::Operator(";") => continue,
                Token::End => return Err(self.syntax_error().into()),
                token => {
                    statements.push(self.statement(token)?);
                    self.end_of_statement(true)?;
                }
            }
        }
    }

    /// The statement `first` begins; the body of `if`, `while` and `for` may follow
    /// newlines.
    fn statement(&mut self, first: Token) -> Result<Statement, Stop> {
        Ok(match first {
            Token::Operator("{") => Statement::Block(self.block_body()?),
            Token::Str(text) => Statement::Text(text),
            Token::Keyword("quit") => return Err(Stop::Quit),
            Token::Keyword("halt") => Statement::Halt,
            Token::Keyword("limits") => Statement::Limits,
            Token::Keyword("break") if self.loops == 0 => {
                return Err(self.error("Break outside a for/while").into());
            }
            Token::Keyword("break") => Statement::Break,
            Token::Keyword("continue") if self.loops == 0 => {
                return Err(self.error("Continue outside a for").into());
            }
            Token::Keyword("continue") => Statement::Continue,
            Token::Keyword("return") => self.return_statement()?,
            Token::Keyword("print") => self.print()?,
            Token::Keyword("if") => {
                let condition = self.condition()?;
                let then = self.body()?;
                let otherwise = if self.lexer.peek()? == &Token::Keyword("else") {
                    self.lexer.next()?;
                    Some(Box::new(self.body()?))
                } else {
                    None
                };
                Statement::If(condition, Box::new(then), otherwise)
            }
            Token::Keyword("while") => {
                let condition = self.condition()?;
                self.loops += 1;
                let body = self.body();
                self.loops -= 1;
                Statement::While(condition, Box::new(body?))
            }
            Token::Keyword("for") => {
                self.expect("(")?;
                let start = self.optional_expression(";")?;
                self.expect(";")?;
                let condition = self.optional_expression(";")?;
                self.expect(";")?;
                let step = self.optional_expression(")")?;
                self.expect(")")?;
                self.loops += 1;
                let body = self.body();
                self.loops -= 1;
                Statement::For(start, condition, step, Box::new(body?))
            }
            token => Statement::Expression(self.expression_from(token)?),
        })
    }

    fn body(&mut self) -> Result<Statement, Stop> {
        self.skip_newlines()?;
        match self.lexer.next()? {
            Token::Operator(";") => Ok(Statement::Block(Vec::new())),
            Token::End => Err(self.syntax_error().into()),
            token => self.statement(token),
        }
    }

    fn condition(&mut self) -> Result<Expression, Stop> {
        self.expect("(")?;
        let condition = self.expression()?;
        self.expect(")")?;
        Ok(condition)
    }

    fn optional_expression(&mut self, closing: &str) -> Result<Option<Expression>, Stop> {
        if matches!(self.lexer.peek()?, Token::Operator(op) if *op == closing) {
            return Ok(None);
        }
        Ok(Some(self.expression()?))
    }

    fn return_statement(&mut self) -> Result<Statement, Stop> {
        let value = match self.lexer.peek()? {
            Token::Operator(";" | "}") | Token::Newline | Token::End => None,
            _ => Some(self.expression()?),
        };
        // Told once the statement is read, with what follows it, as GNU bc tells it.
        self.lexer.peek()?;
        if !self.in_function {
            return Err(self.error("Return outside of a function.").into());
        }
        Ok(Statement::Return(value))
    }

    fn print(&mut self) -> Result<Statement, Stop> {
        let mut items = Vec::new();
        loop {
            match self.lexer.next()? {
                Token::Str(text) => items.push(Printed::Text(text)),
                token => items.push(Printed::Value(self.expression_from(token)?)),
            }
            if self.lexer.peek()? != &Token::Operator(",") {
                return Ok(Statement::Print(items));
            }
            self.lexer.next()?;
        }
    }

    fn expression(&mut self) -> Result<Expression, Stop> {
        let first = self.lexer.next()?;
        self.expression_from(first)
    }

    /// An expression whose first token has been read already.
    fn expression_from(&mut self, first: Token) -> Result<Expression, Stop> {
        let mut left = self.and(first)?;
        while self.lexer.peek()? == &Token::Operator("||") {
            self.lexer.next()?;
            let next = self.lexer.next()?;
            left = Expression::Or(Box::new(left), Box::new(self.and(next)?));
        }
        Ok(left)
    }

    fn and(&mut self, first: Token) -> Result<Expression, Stop> {
        let mut left = self.not(first)?;
        while self.lexer.peek()? == &Token::Operator("&&") {
            self.lexer.next()?;
            let next = self.lexer.next()?;
            left = Expression::And(Box::new(left), Box::new(self.not(next)?));
        }
        Ok(left)
    }

    fn not(&mut self, first: Token) -> Result<Expression, Stop> {
        if first == Token::Operator("!") {
            let next = self.lexer.next()?;
            return Ok(Expression::Not(Box::new(self.not(next)?)));
        }
        self.relation(first)
    }

    fn relation(&mut self, first: Token) -> Result<Expression, Stop> {
        let mut left = self.assignment(first)?;
        loop {
            let relation = match self.lexer.peek()? {
                Token::Operator("<") => Relation::Less,
                Token::Operator("<=") => Relation::LessOrEqual,
                Token::Operator(">") => Relation::Greater,
                Token::Operator(">=") => Relation::GreaterOrEqual,
                Token::Operator("==") => Relation::Equal,
                Token::Operator("!=") => Relation::NotEqual,
                _ => return Ok(left),
            };
            self.lexer.next()?;
            let next = self.lexer.next()?;
            left = Expression::Compare(relation, Box::new(left), Box::new(self.assignment(next)?));
        }
    }

    fn assignment(&mut self, first: Token) -> Result<Expression, Stop> {
        let left = self.additive(first)?;
        let operator = match self.lexer.peek()? {
            Token::Operator("=") => None,
            Token::Operator("+=") => Some(Operator::Add),
            Token::Operator("-=") => Some(Operator::Subtract),
            Token::Operator("*=") => Some(Operator::Multiply),
            Token::Operator("/=") => Some(Operator::Divide),
            Token::Operator("%=") => Some(Operator::Remainder),
            Token::Operator("^=") => Some(Operator::Power),
            _ => return Ok(left),
        };
        let Expression::Load(place) = left else {
            return Err(self.syntax_error().into());
        };
        self.lexer.next()?;
        let next = self.lexer.next()?;
        let value = if next == Token::Operator("!") {
            self.not(next)?
        } else {
            self.assignment(next)?
        };
        Ok(Expression::Assign(place, operator, Box::new(value)))
    }

    fn additive(&mut self, first: Token) -> Result<Expression, Stop> {
        let mut left = self.multiplicative(first)?;
        loop {
            let operator = match self.lexer.peek()? {
                Token::Operator("+") => Operator::Add,
                Token::Operator("-") => Operator::Subtract,
                _ => return Ok(left),
            };
            self.lexer.next()?;
            let next = self.lexer.next()?;
            let right = self.multiplicative(next)?;
            left = Expression::Arithmetic(operator, Box::new(left), Box::new(right));
        }
    }

    fn multiplicative(&mut self, first: Token) -> Result<Expression, Stop> {
        let mut left = self.power(first)?;
        loop {
            let operator = match self.lexer.peek()? {
                Token::Operator("*") => Operator::Multiply,
                Token::Operator("/") => Operator::Divide,
                Token::Operator("%") => Operator::Remainder,
                _ => return Ok(left),
            };
            self.lexer.next()?;
            let next = self.lexer.next()?;
            let right = self.power(next)?;
            left = Expression::Arithmetic(operator, Box::new(left), Box::new(right));
        }
    }

    fn power(&mut self, first: Token) -> Result<Expression, Stop> {
        let base = self.unary(first)?;
        if self.lexer.peek()? != &Token::Operator("^") {
            return Ok(base);
        }
        self.lexer.next()?;
        let next = self.lexer.next()?;
        let exponent = self.power(next)?;
        Ok(Expression::Arithmetic(
            Operator::Power,
            Box::new(base),
            Box::new(exponent),
        ))
    }

    fn unary(&mut self, first: Token) -> Result<Expression, Stop> {
        match first {
            Token::Operator("-") => {
                let next = self.lexer.next()?;
                Ok(Expression::Negate(Box::new(self.unary(next)?)))
            }
            Token::Operator(step @ ("++" | "--")) => {
                let next = self.lexer.next()?;
                let place = self.place(next)?;
                Ok(Expression::PreStep(place, step == "++"))
            }
            first => {
                let operand = self.primary(first)?;
                if let Expression::Load(place) = &operand
                    && let Token::Operator(step @ ("++" | "--")) = *self.lexer.peek()?
                {
                    let place = place.clone();
                    self.lexer.next()?;
                    return Ok(Expression::PostStep(place, step == "++"));
                }
                Ok(operand)
            }
        }
    }

    /// A name, an element, or one of the special variables.
    fn place(&mut self, first: Token) -> Result<Place, Stop> {
        match self.primary(first)? {
            Expression::Load(place) => Ok(place),
            _ => Err(self.syntax_error().into()),
        }
    }

    fn primary(&mut self, first: Token) -> Result<Expression, Stop> {
        Ok(match first {
            Token::Number(digits) => Expression::Number(digits),
            Token::Operator("(") => {
                let inner = self.expression()?;
                self.expect(")")?;
                Expression::Group(Box::new(inner))
            }
            Token::Name(name) => match self.lexer.peek()? {
                Token::Operator("(") => {
                    self.lexer.next()?;
                    Expression::Call(name, self.arguments()?)
                }
                Token::Operator("[") => {
                    self.lexer.next()?;
                    let index = self.expression()?;
                    self.expect("]")?;
                    Expression::Load(Place::Element(name, Box::new(index)))
                }
                _ => Expression::Load(Place::Variable(name)),
            },
            Token::Keyword("scale") if self.lexer.peek()? == &Token::Operator("(") => {
                Expression::ScaleOf(Box::new(self.condition()?))
            }
            Token::Keyword("scale") => Expression::Load(Place::Scale),
            Token::Keyword("ibase") => Expression::Load(Place::InputBase),
            Token::Keyword("obase") => Expression::Load(Place::OutputBase),
            Token::Keyword("last") => Expression::Load(Place::Last),
            Token::Keyword("length") => Expression::Length(Box::new(self.condition()?)),
            Token::Keyword("sqrt") => Expression::SquareRoot(Box::new(self.condition()?)),
            Token::Keyword("read") => {
                self.expect("(")?;
                self.expect(")")?;
                Expression::Read
            }
            _ => return Err(self.syntax_error().into()),
        })
    }

    /// Call arguments after `(`, up to and including `)`.
    fn arguments(&mut self) -> Result<Vec<Argument>, Stop> {
        let mut arguments = Vec::new();
        if self.lexer.peek()? == &Token::Operator(")") {
            self.lexer.next()?;
            return Ok(arguments);
        }
        loop {
            let is_array = matches!(self.lexer.peek()?, Token::Name(_))
                && self.lexer.peek_at(1)? == &Token::Operator("[")
                && self.lexer.peek_at(2)? == &Token::Operator("]");
            if is_array && let Token::Name(name) = self.lexer.next()? {
                self.lexer.next()?;
                self.lexer.next()?;
                arguments.push(Argument::Array(name));
            } else {
                arguments.push(Argument::Value(self.expression()?));
            }
            match self.lexer.next()? {
                Token::Operator(",") => continue,
                Token::Operator(")") => return Ok(arguments),
                _ => return Err(self.syntax_error().into()),
            }
        }
    }
}
