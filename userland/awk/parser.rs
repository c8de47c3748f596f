//! awk's grammar (POSIX, with the common extensions: `**`, `nextfile`, `delete a`, `fflush`),
//! by recursive descent. The two context rules live in flags: inside `print`'s list an
//! unparenthesized `>` redirects instead of comparing, and `|` followed by `getline` reads
//! from a command.

use crate::ast::*;
use crate::lexer::{Lexer, Token};
use std::collections::HashMap;

/// The variables awk defines, in the order of their global slots.
pub const SPECIALS: [&str; 16] = [
    "NR", "NF", "FNR", "FS", "OFS", "ORS", "RS", "FILENAME", "SUBSEP", "RSTART", "RLENGTH",
    "CONVFMT", "OFMT", "ENVIRON", "ARGC", "ARGV",
];

pub struct Parser<'a> {
    lexer: Lexer<'a>,
    token: Token,
    ahead: Option<Token>,
    program: Program,
    globals: HashMap<String, usize>,
    functions: HashMap<String, usize>,
    /// The parameters of the function being parsed.
    locals: Vec<String>,
    in_print: bool,
}

type Parsed<T> = Result<T, String>;

impl<'a> Parser<'a> {
    pub fn parse(text: &'a str) -> Parsed<Program> {
        let mut parser = Parser {
            lexer: Lexer::new(text),
            token: Token::Newline,
            ahead: None,
            program: Program::default(),
            globals: HashMap::new(),
            functions: HashMap::new(),
            locals: Vec::new(),
            in_print: false,
        };
        for name in SPECIALS {
            parser.global(name);
        }
        parser.advance()?;
        parser.program_items()?;
        if let Some(f) = parser.program.functions.iter().find(|f| !f.defined) {
            return Err(format!("calling undefined function {}", f.name));
        }
        Ok(parser.program)
    }

    fn global(&mut self, name: &str) -> usize {
        if let Some(&slot) = self.globals.get(name) {
            return slot;
        }
        let slot = self.program.globals.len();
        self.program.globals.push(name.to_string());
        self.globals.insert(name.to_string(), slot);
        slot
    }

    fn variable(&mut self, name: &str) -> Var {
        match self.locals.iter().position(|l| l == name) {
            Some(i) => Var::Local(i),
            None => Var::Global(self.global(name)),
        }
    }

    fn function(&mut self, name: &str) -> usize {
        if let Some(&i) = self.functions.get(name) {
            return i;
        }
        let i = self.program.functions.len();
        self.program.functions.push(Function {
            name: name.to_string(),
            ..Function::default()
        });
        self.functions.insert(name.to_string(), i);
        i
    }

    fn advance(&mut self) -> Parsed<Token> {
        let next = match self.ahead.take() {
            Some(t) => t,
            None => self.lexer.next_token()?,
        };
        Ok(std::mem::replace(&mut self.token, next))
    }

    fn peek_ahead(&mut self) -> Parsed<&Token> {
        if self.ahead.is_none() {
            self.ahead = Some(self.lexer.next_token()?);
        }
        Ok(self.ahead.as_ref().expect("just filled"))
    }

    fn error<T>(&self) -> Parsed<T> {
        let near = match &self.token {
            Token::Number(n) => n.to_string(),
            Token::Str(s) => format!("\"{s}\""),
            Token::Regex(r) => format!("/{r}/"),
            Token::Name(n) | Token::FuncName(n) => n.clone(),
            Token::Builtin(b) | Token::Keyword(b) | Token::Punct(b) => b.to_string(),
            Token::Newline => "end of line".into(),
            Token::End => "end of file".into(),
        };
        Err(format!(
            "syntax error at source line {} near {near}",
            self.lexer.line
        ))
    }

    fn is(&self, punct: &str) -> bool {
        matches!(&self.token, Token::Punct(p) if *p == punct)
    }

    fn is_keyword(&self, word: &str) -> bool {
        matches!(&self.token, Token::Keyword(k) if *k == word)
    }

    fn eat(&mut self, punct: &str) -> Parsed<bool> {
        if self.is(punct) {
            self.advance()?;
            return Ok(true);
        }
        Ok(false)
    }

    fn expect(&mut self, punct: &str) -> Parsed<()> {
        if self.eat(punct)? {
            Ok(())
        } else {
            self.error()
        }
    }

    fn skip_newlines(&mut self) -> Parsed<()> {
        while self.token == Token::Newline {
            self.advance()?;
        }
        Ok(())
    }

    fn skip_terminators(&mut self) -> Parsed<()> {
        while self.token == Token::Newline || self.is(";") {
            self.advance()?;
        }
        Ok(())
    }

    fn program_items(&mut self) -> Parsed<()> {
        loop {
            self.skip_terminators()?;
            match &self.token {
                Token::End => return Ok(()),
                Token::Keyword("function") => self.function_definition()?,
                Token::Keyword("BEGIN") => {
                    self.advance()?;
                    let action = self.block_body()?;
                    self.program.rules.push(Rule {
                        pattern: Pattern::Begin,
                        action: Some(action),
                    });
                }
                Token::Keyword("END") => {
                    self.advance()?;
                    let action = self.block_body()?;
                    self.program.rules.push(Rule {
                        pattern: Pattern::End,
                        action: Some(action),
                    });
                }
                _ => {
                    let pattern = if self.is("{") {
                        Pattern::All
                    } else {
                        let first = self.expr()?;
                        if self.eat(",")? {
                            self.skip_newlines()?;
                            let last = self.expr()?;
                            self.program.ranges += 1;
                            Pattern::Range(first, last, self.program.ranges - 1)
                        } else {
                            Pattern::Expr(first)
                        }
                    };
                    let action = if self.is("{") {
                        Some(self.block_body()?)
                    } else {
                        None
                    };
                    self.program.rules.push(Rule { pattern, action });
                }
            }
        }
    }

    fn function_definition(&mut self) -> Parsed<()> {
        self.advance()?;
        let name = match self.advance()? {
            Token::Name(n) | Token::FuncName(n) => n,
            _ => return self.error(),
        };
        if self.globals.contains_key(&name) {
            return Err(format!(
                "function name {name} previously defined as a variable"
            ));
        }
        let index = self.function(&name);
        if self.program.functions[index].defined {
            return Err(format!("function {name} redefined"));
        }
        self.expect("(")?;
        let mut params = Vec::new();
        while !self.is(")") {
            match self.advance()? {
                Token::Name(p) if params.contains(&p) => {
                    return Err(format!("function {name}: duplicate parameter {p}"));
                }
                Token::Name(p) => params.push(p),
                _ => return self.error(),
            }
            if !self.is(")") {
                self.expect(",")?;
                self.skip_newlines()?;
            }
        }
        self.advance()?;
        self.skip_newlines()?;
        self.locals = params;
        let body = self.block_body()?;
        let function = &mut self.program.functions[index];
        function.params = self.locals.len();
        function.body = body;
        function.defined = true;
        self.locals.clear();
        Ok(())
    }

    fn block_body(&mut self) -> Parsed<Vec<Stmt>> {
        self.expect("{")?;
        let mut statements = Vec::new();
        loop {
            self.skip_terminators()?;
            if self.eat("}")? {
                return Ok(statements);
            }
            statements.push(self.statement()?);
        }
    }

    /// Ends a simple statement: `;`, a newline, or (unconsumed) `}`.
    fn end_simple(&mut self) -> Parsed<()> {
        if self.is(";") || self.token == Token::Newline {
            self.advance()?;
            return Ok(());
        }
        if self.is("}") || self.token == Token::End {
            return Ok(());
        }
        self.error()
    }

    fn statement(&mut self) -> Parsed<Stmt> {
        let keyword = match &self.token {
            Token::Keyword(k) => *k,
            Token::Punct("{") => return Ok(Stmt::Block(self.block_body()?)),
            Token::Punct(";") => {
                self.advance()?;
                return Ok(Stmt::Block(Vec::new()));
            }
            _ => "",
        };
        match keyword {
            "if" => {
                self.advance()?;
                let condition = self.condition()?;
                let then = self.statement()?;
                self.skip_terminators()?;
                let otherwise = if self.is_keyword("else") {
                    self.advance()?;
                    self.skip_newlines()?;
                    Some(Box::new(self.statement()?))
                } else {
                    None
                };
                Ok(Stmt::If(condition, Box::new(then), otherwise))
            }
            "while" => {
                self.advance()?;
                let condition = self.condition()?;
                Ok(Stmt::While(condition, Box::new(self.statement()?)))
            }
            "do" => {
                self.advance()?;
                self.skip_newlines()?;
                let body = self.statement()?;
                self.skip_terminators()?;
                if !self.is_keyword("while") {
                    return self.error();
                }
                self.advance()?;
                self.expect("(")?;
                let condition = self.expr()?;
                self.expect(")")?;
                self.end_simple()?;
                Ok(Stmt::Do(Box::new(body), condition))
            }
            "for" => self.for_statement(),
            _ => {
                let statement = self.simple_statement()?;
                self.end_simple()?;
                Ok(statement)
            }
        }
    }

    fn condition(&mut self) -> Parsed<Expr> {
        self.expect("(")?;
        let condition = self.expr()?;
        self.expect(")")?;
        self.skip_newlines()?;
        Ok(condition)
    }

    fn for_statement(&mut self) -> Parsed<Stmt> {
        self.advance()?;
        self.expect("(")?;
        let init = if self.is(";") {
            None
        } else {
            Some(self.simple_statement()?)
        };
        if let Some(Stmt::Expr(Expr::In(keys, array))) = &init
            && self.is(")")
            && let [Expr::Var(key)] = keys.as_slice()
        {
            let (key, array) = (*key, *array);
            self.advance()?;
            self.skip_newlines()?;
            return Ok(Stmt::ForIn(key, array, Box::new(self.statement()?)));
        }
        self.expect(";")?;
        self.skip_newlines()?;
        let condition = if self.is(";") {
            None
        } else {
            Some(self.expr()?)
        };
        self.expect(";")?;
        self.skip_newlines()?;
        let step = if self.is(")") {
            None
        } else {
            Some(Box::new(self.simple_statement()?))
        };
        self.expect(")")?;
        self.skip_newlines()?;
        let body = self.statement()?;
        Ok(Stmt::For(
            init.map(Box::new),
            condition,
            step,
            Box::new(body),
        ))
    }

    fn simple_statement(&mut self) -> Parsed<Stmt> {
        let keyword = match &self.token {
            Token::Keyword(k) => *k,
            _ => return Ok(Stmt::Expr(self.expr()?)),
        };
        let ends =
            |p: &Parser| p.is(";") || p.is("}") || matches!(p.token, Token::Newline | Token::End);
        match keyword {
            "print" | "printf" => {
                self.advance()?;
                self.print(keyword == "printf")
            }
            "next" | "nextfile" | "break" | "continue" => {
                self.advance()?;
                Ok(match keyword {
                    "next" => Stmt::Next,
                    "nextfile" => Stmt::NextFile,
                    "break" => Stmt::Break,
                    _ => Stmt::Continue,
                })
            }
            "exit" | "return" => {
                self.advance()?;
                let value = if ends(self) { None } else { Some(self.expr()?) };
                Ok(if keyword == "exit" {
                    Stmt::Exit(value)
                } else {
                    Stmt::Return(value)
                })
            }
            "delete" => {
                self.advance()?;
                let Token::Name(name) = self.advance()? else {
                    return self.error();
                };
                let array = self.variable(&name);
                if self.eat("[")? {
                    let keys = self.expr_list("]")?;
                    return Ok(Stmt::Delete(array, Some(keys)));
                }
                Ok(Stmt::Delete(array, None))
            }
            _ => Ok(Stmt::Expr(self.expr()?)),
        }
    }

    fn print(&mut self, formatted: bool) -> Parsed<Stmt> {
        let mut args = Vec::new();
        let ends = |p: &Parser| {
            p.is(";")
                || p.is("}")
                || p.is(">")
                || p.is(">>")
                || p.is("|")
                || matches!(p.token, Token::Newline | Token::End)
        };
        if !ends(self) {
            let outer = std::mem::replace(&mut self.in_print, true);
            let first = self.expr();
            self.in_print = outer;
            match first? {
                Expr::Group(list) if ends(self) => args = list,
                first => {
                    args.push(first);
                    while self.eat(",")? {
                        self.skip_newlines()?;
                        let outer = std::mem::replace(&mut self.in_print, true);
                        let next = self.expr();
                        self.in_print = outer;
                        args.push(next?);
                    }
                }
            }
        }
        let redirect = match &self.token {
            Token::Punct(">") => {
                self.advance()?;
                Some(Redirect::File(self.concatenation()?))
            }
            Token::Punct(">>") => {
                self.advance()?;
                Some(Redirect::Append(self.concatenation()?))
            }
            Token::Punct("|") => {
                self.advance()?;
                Some(Redirect::Pipe(self.concatenation()?))
            }
            _ => None,
        };
        if formatted {
            if args.is_empty() {
                return self.error();
            }
            Ok(Stmt::Printf(args, redirect))
        } else {
            Ok(Stmt::Print(args, redirect))
        }
    }

    /// A list up to `close`, where `>` compares again even inside `print`.
    fn expr_list(&mut self, close: &str) -> Parsed<Vec<Expr>> {
        let outer = std::mem::replace(&mut self.in_print, false);
        let list = self.expr_list_inner(close);
        self.in_print = outer;
        list
    }

    fn expr_list_inner(&mut self, close: &str) -> Parsed<Vec<Expr>> {
        let mut list = Vec::new();
        self.skip_newlines()?;
        while !self.is(close) {
            list.push(self.expr()?);
            self.skip_newlines()?;
            if !self.is(close) {
                self.expect(",")?;
                self.skip_newlines()?;
            }
        }
        self.advance()?;
        Ok(list)
    }

    pub fn expr(&mut self) -> Parsed<Expr> {
        let left = self.ternary()?;
        let op = match &self.token {
            Token::Punct("=") => None,
            Token::Punct("+=") => Some(Binary::Add),
            Token::Punct("-=") => Some(Binary::Sub),
            Token::Punct("*=") => Some(Binary::Mul),
            Token::Punct("/=") => Some(Binary::Div),
            Token::Punct("%=") => Some(Binary::Mod),
            Token::Punct("^=") | Token::Punct("**=") => Some(Binary::Pow),
            _ => return Ok(left),
        };
        if !is_lvalue(&left) {
            return Ok(left);
        }
        self.advance()?;
        self.skip_newlines()?;
        let right = self.expr()?;
        Ok(Expr::Assign(Box::new(left), op, Box::new(right)))
    }

    fn ternary(&mut self) -> Parsed<Expr> {
        let condition = self.or()?;
        if !self.eat("?")? {
            return Ok(condition);
        }
        self.skip_newlines()?;
        let yes = self.expr()?;
        self.skip_newlines()?;
        self.expect(":")?;
        self.skip_newlines()?;
        let no = self.expr()?;
        Ok(Expr::Ternary(
            Box::new(condition),
            Box::new(yes),
            Box::new(no),
        ))
    }

    fn or(&mut self) -> Parsed<Expr> {
        let mut left = self.and()?;
        while self.eat("||")? {
            self.skip_newlines()?;
            left = Expr::Or(Box::new(left), Box::new(self.and()?));
        }
        Ok(left)
    }

    fn and(&mut self) -> Parsed<Expr> {
        let mut left = self.membership()?;
        while self.eat("&&")? {
            self.skip_newlines()?;
            left = Expr::And(Box::new(left), Box::new(self.membership()?));
        }
        Ok(left)
    }

    fn membership(&mut self) -> Parsed<Expr> {
        let mut left = self.matching()?;
        while self.is_keyword("in") {
            self.advance()?;
            let Token::Name(name) = self.advance()? else {
                return self.error();
            };
            let keys = match left {
                Expr::Group(list) => list,
                single => vec![single],
            };
            left = Expr::In(keys, self.variable(&name));
        }
        Ok(left)
    }

    fn matching(&mut self) -> Parsed<Expr> {
        let mut left = self.comparison()?;
        loop {
            let positive = match &self.token {
                Token::Punct("~") => true,
                Token::Punct("!~") => false,
                _ => return Ok(left),
            };
            self.advance()?;
            let right = self.comparison()?;
            left = Expr::Match(positive, Box::new(left), Box::new(right));
        }
    }

    fn comparison(&mut self) -> Parsed<Expr> {
        let left = self.concatenation()?;
        let op = match &self.token {
            Token::Punct("<") => Compare::Lt,
            Token::Punct("<=") => Compare::Le,
            Token::Punct("==") => Compare::Eq,
            Token::Punct("!=") => Compare::Ne,
            Token::Punct(">") if !self.in_print => Compare::Gt,
            Token::Punct(">=") => Compare::Ge,
            _ => return Ok(left),
        };
        self.advance()?;
        let right = self.concatenation()?;
        Ok(Expr::Compare(op, Box::new(left), Box::new(right)))
    }

    fn starts_operand(&self) -> bool {
        match &self.token {
            Token::Number(_)
            | Token::Str(_)
            | Token::Regex(_)
            | Token::Name(_)
            | Token::FuncName(_)
            | Token::Builtin(_) => true,
            Token::Punct(p) => ["$", "(", "!", "-", "+", "++", "--"].contains(p),
            _ => false,
        }
    }

    fn concatenation(&mut self) -> Parsed<Expr> {
        let mut left = self.additive()?;
        loop {
            if self.is("|") && self.peek_ahead()? == &Token::Keyword("getline") {
                self.advance()?;
                self.advance()?;
                let target = self.optional_lvalue()?;
                left = Expr::Getline(Getline::Command(Box::new(left)), target);
                continue;
            }
            // `-` and `+` continue the sum and `!` is not an operand start here.
            if !self.starts_operand() || self.is("-") || self.is("+") || self.is("!") {
                return Ok(left);
            }
            let right = self.additive()?;
            left = Expr::Concat(Box::new(left), Box::new(right));
        }
    }

    fn additive(&mut self) -> Parsed<Expr> {
        let mut left = self.multiplicative()?;
        loop {
            let op = match &self.token {
                Token::Punct("+") => Binary::Add,
                Token::Punct("-") => Binary::Sub,
                _ => return Ok(left),
            };
            self.advance()?;
            left = Expr::Binary(op, Box::new(left), Box::new(self.multiplicative()?));
        }
    }

    fn multiplicative(&mut self) -> Parsed<Expr> {
        let mut left = self.unary()?;
        loop {
            let op = match &self.token {
                Token::Punct("*") => Binary::Mul,
                Token::Punct("/") => Binary::Div,
                Token::Punct("%") => Binary::Mod,
                _ => return Ok(left),
            };
            self.advance()?;
            left = Expr::Binary(op, Box::new(left), Box::new(self.unary()?));
        }
    }

    fn unary(&mut self) -> Parsed<Expr> {
        match &self.token {
            Token::Punct("!") => {
                self.advance()?;
                Ok(Expr::Not(Box::new(self.unary()?)))
            }
            Token::Punct("-") => {
                self.advance()?;
                Ok(Expr::Negate(Box::new(self.unary()?)))
            }
            Token::Punct("+") => {
                self.advance()?;
                Ok(Expr::Plus(Box::new(self.unary()?)))
            }
            _ => self.power(),
        }
    }

    fn power(&mut self) -> Parsed<Expr> {
        let base = self.postfix()?;
        if self.is("^") || self.is("**") {
            self.advance()?;
            // Right-associative, and the exponent may carry its own sign: 2^-1.
            let exponent = match &self.token {
                Token::Punct("-") | Token::Punct("+") | Token::Punct("!") => self.unary()?,
                _ => self.power()?,
            };
            return Ok(Expr::Binary(
                Binary::Pow,
                Box::new(base),
                Box::new(exponent),
            ));
        }
        Ok(base)
    }

    fn postfix(&mut self) -> Parsed<Expr> {
        if self.is("++") || self.is("--") {
            let step = if self.advance()? == Token::Punct("++") {
                1.0
            } else {
                -1.0
            };
            let target = self.postfix()?;
            if !is_lvalue(&target) {
                return self.error();
            }
            return Ok(Expr::IncDec(Box::new(target), step, false));
        }
        let operand = self.primary()?;
        if is_lvalue(&operand) && (self.is("++") || self.is("--")) {
            let step = if self.advance()? == Token::Punct("++") {
                1.0
            } else {
                -1.0
            };
            return Ok(Expr::IncDec(Box::new(operand), step, true));
        }
        Ok(operand)
    }

    fn optional_lvalue(&mut self) -> Parsed<Option<Box<Expr>>> {
        match &self.token {
            Token::Punct("$") | Token::Name(_) => Ok(Some(Box::new(self.primary()?))),
            _ => Ok(None),
        }
    }

    fn primary(&mut self) -> Parsed<Expr> {
        match self.advance()? {
            Token::Number(n) => Ok(Expr::Num(n)),
            Token::Str(s) => Ok(Expr::Str(s.into())),
            Token::Regex(r) => {
                self.program.regexes.push(r);
                Ok(Expr::Regex(self.program.regexes.len() - 1))
            }
            Token::Punct("$") => {
                let index = match &self.token {
                    Token::Punct("++") | Token::Punct("--") => self.postfix()?,
                    Token::Punct("-") | Token::Punct("+") | Token::Punct("!") => self.unary()?,
                    _ => self.primary()?,
                };
                Ok(Expr::Field(Box::new(index)))
            }
            Token::Punct("(") => {
                let mut list = self.expr_list(")")?;
                match list.len() {
                    0 => self.error(),
                    1 => Ok(list.pop().expect("one")),
                    _ => Ok(Expr::Group(list)),
                }
            }
            Token::Punct("-") => Ok(Expr::Negate(Box::new(self.unary()?))),
            Token::Punct("!") => Ok(Expr::Not(Box::new(self.unary()?))),
            Token::Name(name) => {
                let var = self.variable(&name);
                if self.eat("[")? {
                    let keys = self.expr_list("]")?;
                    return Ok(Expr::Index(var, keys));
                }
                Ok(Expr::Var(var))
            }
            Token::FuncName(name) => {
                let index = self.function(&name);
                self.expect("(")?;
                Ok(Expr::Call(index, self.expr_list(")")?))
            }
            Token::Builtin(name) => {
                if self.is("(") {
                    self.advance()?;
                    let args = self.expr_list(")")?;
                    return Ok(Expr::Builtin(name, args));
                }
                if name == "length" {
                    return Ok(Expr::Builtin(name, Vec::new()));
                }
                self.error()
            }
            Token::Keyword("getline") => {
                let target = self.optional_lvalue()?;
                if self.eat("<")? {
                    let file = self.postfix()?;
                    return Ok(Expr::Getline(Getline::File(Box::new(file)), target));
                }
                Ok(Expr::Getline(Getline::Input, target))
            }
            _ => {
                // Put nothing back: the error names the token that could not start an operand.
                Err(format!("syntax error at source line {}", self.lexer.line))
            }
        }
    }
}

fn is_lvalue(expr: &Expr) -> bool {
    matches!(expr, Expr::Var(_) | Expr::Field(_) | Expr::Index(..))
}
