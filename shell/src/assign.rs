//! Assignments (`x=1`, `a[i]=v`, `a=(x y)`, `m+=([k]=v)`) and the builtins that declare
//! variables: `declare`/`typeset`, `local`, `export` and `readonly`, with their flags.

use super::Shell;
use super::assoc::Assoc;
use super::builtin::deliver_before_error;
use super::elements::Element;
use super::expand::ExpandError;
use super::print::function_text;
use super::variables::Case;
use super::variables::{Subscript, Value, declaration};
use brush_parser::ast::{
    Assignment, AssignmentName, AssignmentValue, Command, CommandPrefixOrSuffixItem,
    CompoundListItem,
};
use indexmap::IndexMap;
use std::collections::BTreeMap;
use wasmix_kernel::file::Output;

/// An array assignment given to a declaration builtin (`declare -A m=([k]=v)`): its
/// elements are expanded with the command's words, and assigned once the flags are known
/// (the subscripts of `-A` are keys, not numbers).
#[derive(Clone, Debug)]
pub(super) struct DeclaredArray {
    pub name: String,
    pub append: bool,
    pub elements: Vec<Element>,
}

/// Which declaration builtin runs.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Declaring {
    Declare,
    Local,
    Export,
    Readonly,
}

/// The variables a declaring builtin's command line names, which keep the value a prefix
/// assignment gave them (`var=60 export var`), as in bash: those of `export` and
/// `readonly`, and of `declare` outside a function (inside, it makes locals).
pub(super) fn declared_by(argv: &[String], global: bool) -> Vec<String> {
    // `declare` keeps the variable only when it exports it or makes it read-only, as
    // bash does; `-p` lists and `-f` names functions.
    let options: String = argv[1..]
        .iter()
        .take_while(|arg| arg.starts_with('-') && *arg != "--")
        .flat_map(|arg| arg.chars().skip(1))
        .collect();
    let keeps = options.contains(['x', 'r']) && !options.contains(['p', 'f', 'F']);
    let declares = match argv[0].as_str() {
        "export" | "readonly" => true,
        "declare" | "typeset" => global && keeps,
        _ => false,
    };
    if !declares {
        return Vec::new();
    }
    operand_names(argv)
}

/// The variables `local`, `declare` or `typeset` in a function makes local: its operands,
/// unless it lists (`-p`), names functions or declares globals.
pub(super) fn localized_by(argv: &[String]) -> Vec<String> {
    let options: String = argv[1..]
        .iter()
        .take_while(|arg| arg.starts_with('-') && *arg != "--")
        .flat_map(|arg| arg.chars().skip(1))
        .collect();
    if !matches!(argv[0].as_str(), "local" | "declare" | "typeset")
        || options.contains(['p', 'f', 'F', 'g'])
    {
        return Vec::new();
    }
    operand_names(argv)
}

/// The names a declaring builtin's operands give (`a=1`, `b[2]=x`, `c+=y`, `d`).
fn operand_names(argv: &[String]) -> Vec<String> {
    argv[1..]
        .iter()
        .filter(|arg| !arg.starts_with(['-', '+']))
        .filter_map(|arg| arg.split(['=', '[']).next())
        .map(|name| name.trim_end_matches('+').to_string())
        .collect()
}

/// Whether `text` is a shell variable name.
pub(super) fn is_name(text: &str) -> bool {
    let mut chars = text.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Where the `=` of `name=value` or `name[subscript]=value` is: the first one outside
/// the subscript's brackets (`a[a[0]=1]=x`).
fn assignment_equals(operand: &str) -> Option<usize> {
    let equals = operand.find('=')?;
    let from = match operand.find('[') {
        Some(open) if open < equals => closing_bracket(operand)? + 1,
        _ => 0,
    };
    operand[from..].find('=').map(|at| at + from)
}

/// The index of the `]` that closes the first `[` of `text`, brackets nesting inside.
pub(super) fn closing_bracket(text: &str) -> Option<usize> {
    let mut depth = 0;
    for (at, c) in text.char_indices() {
        match c {
            '[' => depth += 1,
            ']' if depth == 1 => return Some(at),
            ']' => depth -= 1,
            _ => {}
        }
    }
    None
}

/// Splits `name[subscript]` into its parts; None for a plain name.
pub(super) fn split_subscript(text: &str) -> Option<(&str, &str)> {
    let (name, rest) = text.split_once('[')?;
    let subscript = rest.strip_suffix(']')?;
    Some((name, subscript))
}

/// Whether `text` is a name or an element a builtin may assign (`printf -v`): bash's
/// `valid_array_reference`, a subscript not empty and its brackets balanced.
pub(super) fn is_assignable(text: &str) -> bool {
    let Some((name, subscript)) = split_subscript(text) else {
        return is_name(text);
    };
    is_name(name) && !subscript.is_empty() && balanced(subscript)
}

/// Whether a subscript's brackets pair up outside quotes, and its quotes end, so that
/// its `]` is the one that ends it (bash's `skipsubscript`).
pub(super) fn balanced(subscript: &str) -> bool {
    let mut depth = 0usize;
    let mut chars = subscript.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '\'' | '"' if !chars.by_ref().any(|end| end == c) => return false,
            '[' => depth += 1,
            ']' if depth == 0 => return false,
            ']' => depth -= 1,
            _ => {}
        }
    }
    depth == 0
}

impl Shell {
    /// Assigns a name a builtin was given, a variable or an element (`read 'a[1]'`,
    /// `printf -v 'm[$k]'`), the subscript expanded as in an assignment.
    pub(super) async fn assign_name_or_element(
        &mut self,
        builtin: &str,
        name: &str,
        value: &str,
    ) -> Result<(), ExpandError> {
        // A nameref naming nothing yet takes the value as its name: the builtin says
        // when it is none.
        if self.names_nothing(name) && !super::variables::is_reference(value) {
            return Err(ExpandError::new(format!(
                "{builtin}: `{value}': not a valid identifier"
            )));
        }
        match split_subscript(name) {
            Some((array, text)) => {
                let subscript = self.subscript(array, text).await?;
                self.assign_element(array, subscript, value, false)
            }
            None => self.assign_scalar(name, value, false),
        }
    }

    /// The subscript of `name[text]`: a key for an associative array, else arithmetic.
    pub(super) async fn subscript(
        &mut self,
        name: &str,
        text: &str,
    ) -> Result<Subscript, ExpandError> {
        if self.is_associative(name) {
            let key = self.expand_operand(text, false, false).await?;
            return Ok(Subscript::Key(key));
        }
        // Only a subscript written empty is refused: blanks, or an expansion to
        // nothing, are index 0 as bash evaluates them.
        if text.is_empty() {
            return Err(ExpandError::aborting(format!(
                "{name}[]: bad array subscript"
            )));
        }
        let expression = self.expand_operand(text, true, false).await?;
        let index = self.evaluate_arithmetic(&expression);
        Ok(Subscript::Index(
            index.map_err(ExpandError::ending_the_line)?,
        ))
    }

    /// Runs an assignment of the shell's text.
    /// Performs an assignment; what it did as `set -x` shows it (`x+='a b'`, `a=(1 $x)`:
    /// a value expanded, a list as written).
    pub(super) async fn perform_assignment(
        &mut self,
        assignment: &Assignment,
    ) -> Result<String, ExpandError> {
        let operator = if assignment.append { "+=" } else { "=" };
        // bash keeps these as it made them: assigning one does nothing, and succeeds.
        let (AssignmentName::VariableName(name) | AssignmentName::ArrayElementName(name, _)) =
            &assignment.name;
        if matches!(name.as_str(), "FUNCNAME" | "GROUPS") {
            return Ok(format!("{}{operator}", assignment.name));
        }
        let utf8 = self.utf8_locale();
        let shown = |value: &str| {
            format!(
                "{}{operator}{}",
                assignment.name,
                super::options::traced_quoted(value, utf8)
            )
        };
        match (&assignment.name, &assignment.value) {
            (AssignmentName::VariableName(name), AssignmentValue::Scalar(word)) => {
                let value = self.expand_assigned(word).await?;
                self.assign_scalar(name, &value, assignment.append)?;
                Ok(shown(&value))
            }
            (AssignmentName::ArrayElementName(name, index), AssignmentValue::Scalar(word))
                if name == "DIRSTACK" =>
            {
                let subscript = self.subscript(name, index).await?;
                let value = self.expand_assigned(word).await?;
                self.set_stack_entry(&subscript, &value);
                Ok(shown(&value))
            }
            // A bad subscript ends the command line, as in bash.
            (AssignmentName::ArrayElementName(name, index), AssignmentValue::Scalar(_))
                if matches!(index.trim(), "@" | "*") && !self.is_associative(name) =>
            {
                Err(ExpandError::aborting(format!(
                    "{name}[{index}]: bad array subscript"
                )))
            }
            (AssignmentName::ArrayElementName(name, index), AssignmentValue::Scalar(word)) => {
                let subscript = self.subscript(name, index).await?;
                if matches!(&subscript, Subscript::Key(key) if key.is_empty()) {
                    return Err(ExpandError::aborting(format!(
                        "{name}[{index}]: bad array subscript"
                    )));
                }
                let value = self.expand_assigned(word).await?;
                if self.table_element_assigned(name, &subscript, &value) {
                    return Ok(shown(&value));
                }
                self.assign_element(name, subscript, &value, assignment.append)
                    .map_err(|e| ExpandError { aborts: true, ..e })?;
                Ok(shown(&value))
            }
            (AssignmentName::VariableName(name), AssignmentValue::Array(elements)) => {
                let written: Vec<String> = elements
                    .iter()
                    .map(|(key, value)| match key {
                        Some(key) => format!("[{}]={}", key.value, value.value),
                        None => value.value.clone(),
                    })
                    .collect();
                let elements = self.array_elements(name, elements, false).await?;
                self.assign_elements(name, elements, assignment.append)
                    .await?;
                Ok(format!("{name}{operator}({})", written.join(" ")))
            }
            (AssignmentName::ArrayElementName(name, index), AssignmentValue::Array(_)) => {
                Err(ExpandError::new(format!(
                    "{name}[{index}]: cannot assign list to array member"
                )))
            }
        }
    }

    /// An assignment word given to a declaration builtin, as the operand it receives:
    /// `name=value` expanded unsplit, or None for an array, which waits for the flags.
    pub(super) async fn declaration_argument(
        &mut self,
        assignment: &Assignment,
        associative: bool,
    ) -> Result<Option<String>, ExpandError> {
        let operator = if assignment.append { "+=" } else { "=" };
        match &assignment.value {
            AssignmentValue::Scalar(word) => {
                let value = self.expand_assigned(word).await?;
                Ok(Some(format!("{}{operator}{value}", assignment.name)))
            }
            AssignmentValue::Array(elements) => {
                let name = assignment.name.to_string();
                let elements = self.array_elements(&name, elements, associative).await?;
                self.declared_arrays.push(DeclaredArray {
                    name,
                    append: assignment.append,
                    elements,
                });
                Ok(None)
            }
        }
    }

    /// `unset [-f|-v] NAME...`: variables (or array elements, `NAME[I]`) and functions;
    /// without a flag a name that is no variable is tried as a function.
    pub(super) async fn unset_builtin(&mut self, args: &[String]) -> u8 {
        let mut flags = String::new();
        let mut names = args;
        while let Some(first) = names.first() {
            if first == "--" {
                names = &names[1..];
                break;
            }
            if !first.starts_with('-') || first.len() == 1 {
                break;
            }
            if let Some(bad) = first[1..].chars().find(|c| !"fvn".contains(*c)) {
                self.report(&format!("unset: -{bad}: invalid option"));
                self.say("unset: usage: unset [-f] [-v] [-n] [name ...]".into());
                return 2;
            }
            flags.push_str(&first[1..]);
            names = &names[1..];
        }
        if flags.contains('f') && flags.contains('v') {
            self.report("unset: cannot simultaneously unset a function and a variable");
            return 1;
        }
        let mode = ['f', 'v', 'n']
            .into_iter()
            .find(|&c| flags.contains(c))
            .unwrap_or(' ');
        let mut status = 0;
        for name in names {
            if self.readonly_functions.contains(name.as_str())
                && (mode == 'f' || (mode == ' ' && self.variable_entry(name).is_none()))
            {
                self.report(&format!("unset: {name}: cannot unset: readonly function"));
                status = 1;
                continue;
            }
            if mode == 'f' {
                self.functions.remove(name);
                self.exported_functions.remove(name.as_str());
                self.traced_functions.remove(name.as_str());
                continue;
            }
            let result = match split_subscript(name) {
                // `unset a[@]` empties an indexed array; an associative one loses the key.
                Some((array, "@" | "*")) if is_name(array) && !self.is_associative(array) => {
                    self.unset_elements(array)
                }
                Some((array, text)) if is_name(array) && !text.is_empty() => {
                    match self.subscript(array, text).await {
                        Ok(subscript) => self.unset_element(array, &subscript),
                        // A key that is a lone quote (`unset "a[$k]"` of the key `'`): bash's
                        // second expansion of it leaves it as it is.
                        Err(e)
                            if self.is_associative(array)
                                && e.message.contains("syntax error: unterminated") =>
                        {
                            self.unset_element(array, &Subscript::Key(text.to_string()))
                        }
                        Err(e) => Err(e),
                    }
                }
                // bash passes over a word that is no name, silently, unless told it names
                // a variable.
                _ if !is_name(name) => {
                    if mode == 'v' {
                        self.report(&format!("unset: `{name}': not a valid identifier"));
                        status = 1;
                    }
                    Ok(())
                }
                _ if mode == ' ' && self.variable_entry(name).is_none() => {
                    self.functions.remove(name);
                    self.exported_functions.remove(name.as_str());
                    self.traced_functions.remove(name.as_str());
                    Ok(())
                }
                _ if mode == 'n' => self.unset_itself(name),
                _ => self.unset_variable(name),
            };
            if let Err(e) = result {
                self.report(&format!("unset: {}", e.message));
                status = 1;
            }
        }
        status
    }

    /// `declare`, `typeset`, `local`, `export` and `readonly`.
    pub(super) async fn declaration_builtin(
        &mut self,
        kind: Declaring,
        argv: &[String],
        arrays: Vec<DeclaredArray>,
        stdout: &Output,
    ) -> Result<(u8, String), super::Flow> {
        let command = argv[0].as_str();
        if kind == Declaring::Local && self.locals.is_empty() {
            self.report("local: can only be used in a function");
            return Ok((1, String::new()));
        }
        let mut on = String::new();
        let mut off = String::new();
        let mut operands = Vec::new();
        let mut options_done = false;
        // `-I` (a new local inherits) is only the declaring builtins'.
        let letters = match kind {
            Declaring::Export | Declaring::Readonly => "aAcgfFilnprtux",
            _ => "aAcgfFIilnprtux",
        };
        for arg in &argv[1..] {
            // `export` and `readonly` take no `+` options: `+x` is an operand to them.
            let takes_plus = !matches!(kind, Declaring::Export | Declaring::Readonly);
            let flags = arg.strip_prefix('-').map(|f| (f, true)).or_else(|| {
                arg.strip_prefix('+')
                    .filter(|_| takes_plus)
                    .map(|f| (f, false))
            });
            match flags {
                Some(_) if options_done => operands.push(arg.clone()),
                Some(("-", true)) => options_done = true,
                Some((flags, sign))
                    if !flags.is_empty() && flags.chars().all(|c| letters.contains(c)) =>
                {
                    if sign {
                        on.push_str(flags)
                    } else {
                        off.push_str(flags)
                    }
                }
                Some((flags, _)) if !flags.is_empty() => {
                    let bad = flags.chars().find(|c| !letters.contains(*c)).unwrap_or('?');
                    self.report(&format!("{command}: -{bad}: invalid option"));
                    return Ok((2, String::new()));
                }
                _ => {
                    options_done = true;
                    operands.push(arg.clone());
                }
            }
        }
        match kind {
            Declaring::Export => on.push('x'),
            Declaring::Readonly => on.push('r'),
            _ => {}
        }
        // `export -n`: the opposite of export. `readonly -n` only assigns (bash cannot
        // take read-only away, and gives no nameref).
        if kind == Declaring::Export && on.contains('n') {
            on = on.replace(['x', 'n'], "");
            off.push('x');
        }
        if kind == Declaring::Readonly && on.contains('n') {
            on = on.replace('n', "");
            if !operands.is_empty() {
                on = on.replace('r', "");
                operands.retain(|operand| assignment_equals(operand).is_some());
                if operands.is_empty() {
                    return Ok((0, String::new()));
                }
            }
        }
        if on.contains('f') || on.contains('F') {
            // What bash refuses with `-f`: array and integer attributes, a value, and
            // taking read-only away.
            if let Some(bad) = on.chars().find(|c| matches!(c, 'a' | 'A' | 'i')) {
                self.report(&format!("{command}: -{bad}: invalid option"));
                return Ok((1, String::new()));
            }
            // (`export -f a=b` names a function, if there is one of that name.)
            if kind != Declaring::Export && operands.iter().any(|o| o.contains('=')) {
                self.report(&format!("{command}: cannot use `-f' to make functions"));
                return Ok((1, String::new()));
            }
            if off.contains('r') {
                let mut status = 0;
                for name in operands
                    .iter()
                    .filter(|n| self.readonly_functions.contains(*n))
                {
                    self.report(&format!("{command}: {name}: readonly function"));
                    status = 1;
                }
                return Ok((status, String::new()));
            }
            if (on.contains('t') || off.contains('t')) && !operands.is_empty() {
                let mut status = 0;
                // bash fails quietly on a name that is no function here.
                for name in &operands {
                    if !self.functions.contains_key(name) {
                        status = 1;
                    } else if on.contains('t') {
                        self.traced_functions.insert(name.clone());
                    } else {
                        self.traced_functions.remove(name);
                    }
                }
                return Ok((status, String::new()));
            }
            if (on.contains('x') || off.contains('x')) && !operands.is_empty() {
                let status = self.export_functions(command, &operands, on.contains('x'));
                return Ok((status, String::new()));
            }
            if on.contains('r') && !operands.is_empty() {
                return Ok(self.make_functions_readonly(command, &operands));
            }
            let attributes: String = on.chars().filter(|c| "rtx".contains(*c)).collect();
            // With `-p`, bash names each function it did not find, in operand order.
            let complaint = on.contains('p').then_some((command, stdout));
            return Ok(self.declared_functions(
                &operands,
                on.contains('F'),
                &attributes,
                complaint,
            ));
        }
        // `export -p NAME` and `readonly -p NAME` export and make read-only, as in bash:
        // only their `-p` alone lists.
        let names_given = !operands.is_empty() || !arrays.is_empty();
        let listing = match kind {
            Declaring::Export | Declaring::Readonly => !names_given,
            _ => on.contains('p') || !names_given,
        };
        if listing {
            return Ok(self.declarations(command, kind, &on, &operands, stdout));
        }
        let local = match kind {
            Declaring::Local => true,
            Declaring::Declare => !self.locals.is_empty() && !on.contains('g'),
            _ => false,
        };
        let mut status = 0;
        for operand in operands {
            // `local -`: the shell's options (`set`'s) are the function's own from here,
            // and come back as it returns, as in bash.
            if kind == Declaring::Local && operand == "-" {
                let depth = self.call_depth;
                if !self.options_to_restore.iter().any(|(at, _)| *at == depth) {
                    self.options_to_restore.push((depth, self.options));
                }
                continue;
            }
            let (target, value) = match assignment_equals(&operand) {
                Some(at) => (
                    operand[..at].to_string(),
                    Some(operand[at + 1..].to_string()),
                ),
                None => (operand.clone(), None),
            };
            let (target, append) = match target.strip_suffix('+') {
                Some(name) if value.is_some() => (name.to_string(), true),
                _ => (target, false),
            };
            let (name, subscript) = match split_subscript(&target) {
                Some((name, subscript)) => (name.to_string(), Some(subscript.to_string())),
                None => (target.clone(), None),
            };
            // `export a[7]=8`, `readonly a[7]=8`: bash takes no element here.
            let element =
                subscript.is_some() && matches!(kind, Declaring::Export | Declaring::Readonly);
            if !is_name(&name) || element || subscript.as_deref().is_some_and(|s| !balanced(s)) {
                self.report(&format!("{command}: `{operand}': not a valid identifier"));
                status = 1;
                continue;
            }
            // Attributes and values given through a nameref (`readonly ref`, `export ref`,
            // `declare -i ref=1`) go to the variable it names, as in bash, unless the
            // declaration is of the nameref itself (`-n`, `+n`) or makes a local.
            let name =
                match subscript.is_none() && !local && !on.contains('n') && !off.contains('n') {
                    true => self.resolve(&name).into_owned(),
                    false => name,
                };
            let shadow = on
                .contains('g')
                .then(|| self.expose_global(&name))
                .flatten();
            // `declare -a 'x=(1 2)'` (or `declare 'x=(1 2)'` of an array): the value is
            // read again as a compound assignment, as bash reads it.
            let array_now = matches!(
                self.variable_entry(&name).map(|v| &v.value),
                Some(Value::Indexed(_) | Value::Associative(_))
            );
            // With `-a` or `-A`, `declare -a 'x[3]=(1 2)'` is one too, the subscript
            // ignored.
            let compound = value
                .as_deref()
                .is_some_and(|v| v.starts_with('(') && v.ends_with(')'))
                && (on.contains(['a', 'A'])
                    || (subscript.is_none() && kind == Declaring::Declare && array_now));
            let result = match value {
                Some(value) if compound => {
                    let on_first = on.replace('r', "");
                    let mut result = self
                        .declare_one(&name, None, None, false, local, &on_first, &off)
                        .await;
                    if result.is_ok() {
                        result = self.assign_compound_text(&name, &value, append).await;
                    }
                    if result.is_ok() && on.contains('r') {
                        self.declared(&name).readonly = true;
                    }
                    result
                }
                value => {
                    self.declare_one(&name, subscript, value, append, local, &on, &off)
                        .await
                }
            };
            if let Some(shadow) = shadow {
                self.hide_global(&name, shadow);
            }
            // In a function, a nameref to its own name is let be, with bash's warnings (its
            // own, and the lookup's): it stands for the global of that name.
            let self_reference = on.contains('n') && !self.locals.is_empty();
            if result.is_ok() && self_reference && self.nameref_target(&name) == Some(&name) {
                self.report(&format!(
                    "{command}: warning: {name}: circular name reference"
                ));
                self.report(&format!("warning: {name}: circular name reference"));
            }
            if let Err(e) = result {
                if ends_the_line(&e) {
                    match e.in_expression {
                        true => self.report(&format!("{command}: {}", e.message)),
                        false => self.report(&e.message),
                    }
                    return Err(super::Flow::Abort(1));
                }
                // bash's `export` marks a read-only variable it could not assign.
                if kind == Declaring::Export && self.is_readonly(&name) {
                    self.declared(&name).exported = true;
                }
                // A compound value read from text fails as the builtin's own error.
                let message = match compound {
                    true => format!("{command}: {}", e.message),
                    false => self.declaration_error(kind, command, &e),
                };
                self.report(&message);
                status = 1;
            }
        }
        // A read-only array gets its elements first.
        let on_first = on.replace('r', "");
        for array in arrays {
            // As bash: `readonly a=(1 2)` of a read-only `a` is an assignment error, which
            // ends the command line (not for `local`, which makes a new variable).
            if kind != Declaring::Local && self.is_readonly(&array.name) {
                self.report(&format!("{}: readonly variable", array.name));
                return Err(super::Flow::Abort(1));
            }
            let shadow = on
                .contains('g')
                .then(|| self.expose_global(&array.name))
                .flatten();
            let result = match self
                .declare_one(&array.name, None, None, false, local, &on_first, &off)
                .await
            {
                Ok(()) => {
                    self.assign_elements(&array.name, array.elements, array.append)
                        .await
                }
                Err(e) => Err(e),
            };
            if result.is_ok() && on.contains('r') {
                self.declared(&array.name).readonly = true;
            }
            if let Some(shadow) = shadow {
                self.hide_global(&array.name, shadow);
            }
            if let Err(e) = result {
                if ends_the_line(&e) {
                    self.report(&e.message);
                    return Err(super::Flow::Abort(1));
                }
                self.report(&format!("{command}: {}", e.message));
                status = 1;
            }
        }
        Ok((status, String::new()))
    }

    /// bash's words for a declaration that failed: `export` and `readonly` assign as
    /// an assignment does, so a read-only variable is named without them; a subscript's
    /// fault is the expansion's, not the builtin's.
    fn declaration_error(&self, kind: Declaring, command: &str, error: &ExpandError) -> String {
        let message = &error.message;
        let assigning = matches!(kind, Declaring::Export | Declaring::Readonly);
        if (assigning && message.ends_with(": readonly variable"))
            || message.ends_with(": bad array subscript")
        {
            message.to_string()
        } else {
            format!("{command}: {message}")
        }
    }

    /// `declare -g` in a function whose scope hides the global behind a local: the
    /// global, which the outermost `local` saved, is put in place to be declared; what
    /// was there is kept for [`Shell::hide_global`].
    pub(super) fn expose_global(&mut self, name: &str) -> Option<HiddenGlobal> {
        let (frame, index) = self.saved_global(name)?;
        let current = match self.locals[frame][index].1.take() {
            Some(global) => self.variables.insert(name.to_string(), global),
            None => self.variables.remove(name),
        };
        Some(HiddenGlobal {
            frame,
            index,
            current,
        })
    }

    /// Puts the global declared back where the local saved it, and the local back.
    pub(super) fn hide_global(&mut self, name: &str, hidden: HiddenGlobal) {
        self.locals[hidden.frame][hidden.index].1 = self.variables.remove(name);
        if let Some(current) = hidden.current {
            self.variables.insert(name.to_string(), current);
        }
    }

    /// Where the outermost `local` of `name` saved the global value: (frame, entry).
    pub(super) fn saved_global(&self, name: &str) -> Option<(usize, usize)> {
        self.locals.iter().enumerate().find_map(|(frame, saved)| {
            saved
                .iter()
                .position(|(saved_name, _)| saved_name == name)
                .map(|index| (frame, index))
        })
    }

    /// Declares one variable: makes it local if asked, sets its attributes, assigns.
    #[allow(clippy::too_many_arguments)]
    async fn declare_one(
        &mut self,
        name: &str,
        subscript: Option<String>,
        value: Option<String>,
        append: bool,
        local: bool,
        on: &str,
        off: &str,
    ) -> Result<(), ExpandError> {
        // bash will not make a local of a read-only global variable (a calling
        // function's read-only local may be hidden by one).
        let someones_local = self.locals.iter().flatten().any(|(n, _)| n == name);
        if local && !someones_local && self.is_readonly(name) {
            return Err(ExpandError::new(format!("{name}: readonly variable")));
        }
        if local {
            let saved = self.raw_variable(name).cloned();
            let frame = self
                .locals
                .last_mut()
                .expect("local only inside a function");
            if !frame.iter().any(|(n, _)| n == name) {
                let temporary = saved.as_ref().is_some_and(|v| v.temporary);
                frame.push((name.to_string(), saved));
                // A new local starts unset, whatever the caller had, unless the call's
                // own prefix assignment set it (`x=1 f` copies into `local x`), or it
                // inherits (`local -I`, `shopt -s localvar_inherit`): then it starts
                // as a copy, but not a nameref.
                // An exported one stays exported, its value unset, as in bash.
                let inherit = on.contains('I') || self.shell_options.localvar_inherit;
                if let Some(variable) = self
                    .variables
                    .get_mut(name)
                    .filter(|_| temporary || inherit)
                {
                    variable.temporary = false;
                    variable.nameref = false;
                } else if self.variables.remove(name).is_some_and(|v| v.exported) {
                    self.declared(name).exported = true;
                }
            }
        }
        // A declaration of the nameref itself asks whether it, not its target, is
        // read-only.
        let readonly_before = match on.contains('n') || off.contains('n') {
            true => self.raw_variable(name).is_some_and(|v| v.readonly),
            false => self.is_readonly(name),
        };
        if readonly_before && (value.is_some() || off.contains('r')) {
            return Err(ExpandError::new(format!("{name}: readonly variable")));
        }
        if on.contains('n') && subscript.is_none() {
            self.check_nameref_value(name, value.as_deref())?;
        }
        // `declare b[256]`: an element named without a value makes an indexed array.
        let associative = on.contains('A') || self.is_associative(name);
        let on = match subscript.is_some() && value.is_none() && !associative {
            true => &format!("{on}a"),
            false => on,
        };
        // `declare +n ref=value`: the value goes where the reference points, and `ref`
        // is then a plain variable that holds the name, as in bash.
        let through_reference = off.contains('n')
            && subscript.is_none()
            && self.raw_variable(name).is_some_and(|v| v.nameref);
        let value = match value {
            Some(value) if through_reference => {
                self.assign_scalar(name, &value, append)?;
                None
            }
            value => value,
        };
        let conversion = match self.variable_entry(name).map(|v| &v.value) {
            Some(Value::Indexed(_)) if on.contains('A') => Some("indexed to associative"),
            Some(Value::Associative(_)) if on.contains('a') => Some("associative to indexed"),
            _ => None,
        };
        if let Some(conversion) = conversion {
            return Err(ExpandError::new(format!(
                "{name}: cannot convert {conversion} array"
            )));
        }
        let array = matches!(
            self.variable_entry(name).map(|v| &v.value),
            Some(Value::Indexed(_) | Value::Associative(_))
        );
        if array && (off.contains('a') || off.contains('A')) {
            return Err(ExpandError::new(format!(
                "{name}: cannot destroy array variables in this way"
            )));
        }
        // bash turns a global that exists (if only declared) into an array in a
        // smaller table than one it makes anew.
        let turned = !local && self.variables.contains_key(name);
        {
            let variable = self.declared(name);
            if matches!(variable.value, Value::Unset) && (on.contains('a') || on.contains('A')) {
                variable.declared_only = true;
            }
            // A nameref to nothing declared an array is an array, as in bash.
            if (on.contains('a') || on.contains('A')) && !on.contains('n') {
                variable.nameref = false;
            }
            if on.contains('A') && !matches!(variable.value, Value::Associative(_)) {
                // A string becomes element "0", as bash keeps it, in a table of the
                // size bash gives a variable turned into an array.
                let mut elements = IndexMap::new();
                if let Value::Scalar(text) = &variable.value {
                    elements.insert("0".to_string(), text.clone());
                }
                variable.value = Value::Associative(match turned {
                    true => Assoc::converted(elements),
                    false => Assoc::default(),
                });
            } else if on.contains('a') {
                variable.value = match std::mem::replace(&mut variable.value, Value::Unset) {
                    Value::Scalar(text) => Value::Indexed(BTreeMap::from([(0, text)])),
                    Value::Unset => Value::Indexed(BTreeMap::new()),
                    other => other,
                };
            }
            // A call's temporary variable exported or declared global is the shell's
            // from now on (bash propagates it when the function returns).
            if on.contains('x') || on.contains('g') {
                variable.temporary = false;
            }
            for (flags, set) in [(on, true), (off, false)] {
                if flags.contains('n') {
                    variable.nameref = set;
                }
                if flags.contains('x') {
                    variable.exported = set;
                }
                if flags.contains('i') {
                    variable.integer = set;
                }
                // -l, -u and -c exclude each other; turning one off clears it.
                for (letter, case) in [
                    ('l', Case::Lower),
                    ('u', Case::Upper),
                    ('c', Case::Capitalize),
                ] {
                    if flags.contains(letter) {
                        if set {
                            variable.case = Some(case);
                        } else if variable.case == Some(case) {
                            variable.case = None;
                        }
                    }
                }
            }
        }
        if let Some(value) = value {
            match subscript {
                // A nameref's own value is the name it stands for.
                None if on.contains('n') => self.set_variable_itself(name, &value),
                Some(text) => {
                    let subscript = self.subscript(name, &text).await?;
                    self.assign_element(name, subscript, &value, append)?;
                }
                None => self.assign_scalar(name, &value, append)?,
            }
        }
        if on.contains('r') {
            self.declared(name).readonly = true;
        }
        Ok(())
    }

    /// What bash refuses to make `name` a nameref to (the value given, or the one the
    /// variable has): an empty name, one that is neither a name nor an array element,
    /// and at the top level the variable itself; and an array it refuses to make one.
    fn check_nameref_value(&self, name: &str, value: Option<&str>) -> Result<(), ExpandError> {
        let existing = self.raw_variable(name).filter(|v| !v.nameref);
        if existing.is_some_and(|v| matches!(v.value, Value::Indexed(_) | Value::Associative(_))) {
            return Err(ExpandError::new(format!(
                "{name}: reference variable cannot be an array"
            )));
        }
        let target = match (value, existing.map(|v| &v.value)) {
            (Some(value), _) => value,
            (None, Some(Value::Scalar(text))) if !text.is_empty() => text.as_str(),
            _ => return Ok(()),
        };
        if target.is_empty() {
            return Err(ExpandError::new("`': not a valid identifier".to_string()));
        }
        if !super::variables::is_reference(target) {
            return Err(ExpandError::new(format!(
                "`{target}': invalid variable name for name reference"
            )));
        }
        if target == name && self.locals.is_empty() {
            return Err(ExpandError::new(format!(
                "{name}: nameref variable self references not allowed"
            )));
        }
        Ok(())
    }

    /// `declare -a 'x=(1 2)'`: a value in parentheses given to an array is read again as
    /// a compound assignment, as bash reads it (expansions and all).
    async fn assign_compound_text(
        &mut self,
        name: &str,
        value: &str,
        append: bool,
    ) -> Result<(), ExpandError> {
        let operator = if append { "+=" } else { "=" };
        let program = super::syntax::parse(&format!("{name}{operator}{value}"))
            .map_err(|e| ExpandError::new(e.message))?;
        let assignment = program.complete_commands.first().and_then(|list| {
            let CompoundListItem(and_or, _) = list.0.first()?;
            let Command::Simple(simple) = and_or.first.seq.first()? else {
                return None;
            };
            simple
                .prefix
                .iter()
                .flat_map(|p| &p.0)
                .find_map(|item| match item {
                    CommandPrefixOrSuffixItem::AssignmentWord(assignment, _) => Some(assignment),
                    _ => None,
                })
        });
        match assignment {
            Some(assignment) => self.perform_assignment(assignment).await.map(drop),
            None => self.assign_scalar(name, value, append),
        }
    }

    /// `declare -p [NAME...]`, and the listings of `export` and `readonly` alone.
    fn declarations(
        &mut self,
        command: &str,
        kind: Declaring,
        on: &str,
        names: &[String],
        stdout: &Output,
    ) -> (u8, String) {
        let mut text = String::new();
        if names.is_empty() {
            // `local` alone lists the variables local to the function running.
            let locals: Vec<&String> = self
                .locals
                .last()
                .map(|frame| frame.iter().map(|(name, _)| name).collect())
                .unwrap_or_default();
            // `declare -a` (`-i`, `-x`, ...) alone lists the variables with each of those
            // attributes, as `declare -p` prints them.
            let attributes: String = on.chars().filter(|c| "aAilnrtux".contains(*c)).collect();
            let posix = self.options.posix;
            let wanted = |name: &String, v: &super::Variable| match kind {
                // bash's `local -i` alone lists every local too.
                Declaring::Local => locals.contains(&name),
                _ => {
                    let flags = super::variables::attribute_flags(v);
                    attributes.chars().all(|c| flags.contains(c))
                }
            };
            let utf8 = self.utf8_locale();
            let lines: Vec<String> = self
                .sorted_variables()
                .into_iter()
                .filter(|(name, v)| wanted(name, v))
                .map(|(name, v)| (name, self.shown(name, v)))
                .map(|(name, v)| match kind {
                    Declaring::Declare if !on.contains('p') && attributes.is_empty() => {
                        super::variables::listing(name, &v, utf8).unwrap_or_else(|| name.clone())
                    }
                    Declaring::Export | Declaring::Readonly if posix => {
                        super::variables::posix_declaration(command, name, &v)
                    }
                    _ => declaration(name, &v),
                })
                .collect();
            for line in lines {
                text.push_str(&line);
                text.push('\n');
            }
            return (0, text);
        }
        let mut status = 0;
        for name in names {
            self.note_read(name);
            match self.raw_variable(name) {
                Some(variable) => {
                    text.push_str(&declaration(name, &self.shown(name, variable)));
                    text.push('\n');
                }
                None => {
                    // What is listed before it comes out first, as bash writes each.
                    deliver_before_error(&mut text, stdout);
                    self.report(&format!("{command}: {name}: not found"));
                    status = 1;
                }
            }
        }
        (status, text)
    }

    /// `declare -f` prints the functions as bash would print them back, `-F` their
    /// names only (`declare -f NAME` lines when no names are given).
    /// `declare -f`/`-F` (and `readonly -f` alone, which lists the read-only ones):
    /// functions' text or names, a read-only one marked `-fr`.
    fn declared_functions(
        &mut self,
        names: &[String],
        names_only: bool,
        attributes: &str,
        complaint: Option<(&str, &Output)>,
    ) -> (u8, String) {
        let mut text = String::new();
        let mut status = 0;
        let flags_of = |name: &String| {
            let mut flags = String::from("f");
            for (set, letter) in [
                (&self.readonly_functions, 'r'),
                (&self.traced_functions, 't'),
                (&self.exported_functions, 'x'),
            ] {
                if set.contains(name) {
                    flags.push(letter);
                }
            }
            flags
        };
        // Asked for attributes (`declare -xf`, `export -f`), bash lists the functions that
        // have any of them, each followed by its `declare` line.
        let listed: Vec<String> = if names.is_empty() {
            let mut all: Vec<String> = self
                .functions
                .keys()
                .filter(|name| {
                    attributes.is_empty() || attributes.chars().any(|a| flags_of(name).contains(a))
                })
                .cloned()
                .collect();
            all.sort();
            all
        } else {
            names.to_vec()
        };
        for name in &listed {
            let flags = flags_of(name);
            match self.functions.get(name) {
                Some(_) if names_only && names.is_empty() => {
                    text.push_str(&format!("declare -{flags} {name}\n"));
                }
                // With extdebug, as bash: where it was defined.
                Some(_) if names_only && self.shell_options.extdebug => {
                    let (line, file) = self
                        .function_origins
                        .get(name)
                        .map_or((0, ""), |origin| (origin.line, origin.file.as_str()));
                    text.push_str(&format!("{name} {line} {file}\n"));
                }
                Some(_) if names_only => text.push_str(&format!("{name}\n")),
                Some(body) => {
                    text.push_str(&(function_text(name, body) + "\n"));
                    if !attributes.is_empty() {
                        text.push_str(&format!("declare -{flags} {name}\n"));
                    }
                }
                None => {
                    if let Some((command, stdout)) = complaint {
                        deliver_before_error(&mut text, stdout);
                        self.report(&format!("{command}: {name}: not found"));
                    }
                    status = 1;
                }
            }
        }
        (status, text)
    }

    /// `readonly -f NAME...` (`declare -fr`): the functions can no longer change.
    fn make_functions_readonly(&mut self, command: &str, names: &[String]) -> (u8, String) {
        let mut status = 0;
        for name in names {
            if self.functions.contains_key(name) {
                self.readonly_functions.insert(name.clone());
            } else {
                self.report(&format!("{command}: {name}: not a function"));
                status = 1;
            }
        }
        (status, String::new())
    }
}

/// A global made visible for `declare -g` while a local hides it.
pub(super) struct HiddenGlobal {
    frame: usize,
    index: usize,
    current: Option<super::variables::Variable>,
}

/// Whether a declaration's error ends the command line, as bash's jump to its top level
/// after a bad subscript's or integer value's expression; other faults (a subscript
/// written empty, a bad name) only fail the declaration.
fn ends_the_line(error: &ExpandError) -> bool {
    error.aborts && error.from_expression
}
