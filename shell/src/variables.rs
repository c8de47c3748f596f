//! Shell variables: scalars, indexed arrays and associative arrays, with the attributes
//! `declare` gives them (exported, read-only, integer). A scalar is element 0 of an
//! indexed array, as in bash: `x=a; x[1]=b` makes `x` an array whose `$x` is still `a`.

use super::Shell;
use super::assoc::Assoc;
use super::expand::ExpandError;
use rustc_hash::FxBuildHasher;
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

#[derive(Clone, Debug)]
pub(super) enum Value {
    /// Declared (`local x`, `declare -i n`) but given no value: unset, with attributes.
    Unset,
    Scalar(String),
    Indexed(BTreeMap<i64, String>),
    /// Kept in the order keys were first set; listed in bash's order (`assoc.rs`).
    Associative(Assoc),
}

impl Value {
    /// What `$NAME` gives: the scalar, or element 0 (key "0").
    pub fn first(&self) -> Option<&str> {
        match self {
            Value::Unset => None,
            Value::Scalar(text) => Some(text),
            Value::Indexed(elements) => elements.get(&0).map(String::as_str),
            Value::Associative(elements) => elements.get("0").map(String::as_str),
        }
    }

    /// Every element's value, in index (or key) order.
    pub fn values(&self) -> Vec<String> {
        match self {
            Value::Unset => Vec::new(),
            Value::Scalar(text) => vec![text.clone()],
            Value::Indexed(elements) => elements.values().cloned().collect(),
            Value::Associative(elements) => elements
                .in_bash_order()
                .into_iter()
                .map(|(_, v)| v.clone())
                .collect(),
        }
    }

    /// Every element's index or key (`${!a[@]}`).
    pub fn keys(&self) -> Vec<String> {
        match self {
            Value::Unset => Vec::new(),
            Value::Scalar(_) => vec!["0".into()],
            Value::Indexed(elements) => elements.keys().map(i64::to_string).collect(),
            Value::Associative(elements) => elements
                .in_bash_order()
                .into_iter()
                .map(|(k, _)| k.clone())
                .collect(),
        }
    }
}

#[derive(Clone, Debug)]
pub(super) struct Variable {
    pub value: Value,
    pub exported: bool,
    pub readonly: bool,
    /// `declare -i`: assignments are evaluated as arithmetic.
    pub integer: bool,
    /// `declare -n`: the value names the variable this one stands for.
    pub nameref: bool,
    /// `declare -l` / `declare -u`: values assigned are folded to this case.
    pub case: Option<Case>,
    /// An array `declare -a`/`-A` made without assigning it (bash's invisible
    /// variable): `declare -p` shows no `=()` until something is assigned.
    pub declared_only: bool,
    /// Made by a prefix assignment (`x=1 command`) for that command only: a `local` of
    /// its name in the function it calls starts as a copy of it, as in bash.
    pub temporary: bool,
    /// One of bash's dynamic variables, its value computed when read
    /// (`dynamic.rs`).
    pub dynamic: bool,
}

/// The case `declare -l` and `declare -u` fold assigned values to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Case {
    Lower,
    Upper,
    /// `declare -c`: the first character upper case, the rest lower.
    Capitalize,
}

impl Case {
    fn fold(self, text: String) -> String {
        match self {
            Case::Lower => super::value_ops::lower(&text),
            Case::Upper => super::value_ops::upper(&text),
            Case::Capitalize => {
                let mut chars = text.chars();
                match chars.next() {
                    Some(first) => {
                        super::value_ops::upper(&first.to_string())
                            + &super::value_ops::lower(chars.as_str())
                    }
                    None => text,
                }
            }
        }
    }
}

impl Variable {
    fn new(value: Value) -> Variable {
        Variable {
            value,
            exported: false,
            readonly: false,
            integer: false,
            nameref: false,
            case: None,
            declared_only: false,
            temporary: false,
            dynamic: false,
        }
    }
}

/// Where an element goes: an index of an indexed array or a key of an associative one.
#[derive(Clone, Debug)]
pub(super) enum Subscript {
    Index(i64),
    Key(String),
}

/// Where a chain of namerefs ends when it is not at a variable.
pub(super) enum NamerefEnd {
    Element(String, String),
    Circular,
}

/// How many namerefs a name may go through, as bash limits them (a loop ends).
const NAMEREF_HOPS: usize = 8;

/// The shell's variables by name. They are looked up at every expansion and assignment,
/// so they are hashed (FxHash: the fastest on short names); what lists them sorts them.
pub(super) type VariableTable = HashMap<String, Variable, FxBuildHasher>;

impl Shell {
    /// The variables in the order bash lists them: by name, byte by byte.
    pub(super) fn sorted_variables(&self) -> Vec<(&String, &Variable)> {
        let mut all: Vec<_> = self.variables.iter().collect();
        all.sort_unstable_by(|a, b| a.0.cmp(b.0));
        all
    }

    /// The variable a name stands for: itself, or what its namerefs (`declare -n`) lead to.
    pub(super) fn resolve<'a>(&self, name: &'a str) -> Cow<'a, str> {
        let mut resolved = Cow::Borrowed(name);
        for _ in 0..NAMEREF_HOPS {
            match self.nameref_target(&resolved) {
                Some(target) if super::assign::is_name(target) => {
                    resolved = Cow::Owned(target.to_string())
                }
                _ => break,
            }
        }
        resolved
    }

    /// Where a nameref leads when it does not end at a variable: an array element
    /// (`declare -n r='a[2]'`, as `(array, subscript)`), or nowhere (a loop of namerefs).
    pub(super) fn nameref_end(&self, name: &str) -> Option<NamerefEnd> {
        let mut current = name.to_string();
        for _ in 0..NAMEREF_HOPS {
            let target = self.nameref_target(&current)?;
            if super::assign::is_name(target) {
                current = target.to_string();
                continue;
            }
            let (array, subscript) = super::assign::split_subscript(target)?;
            return super::assign::is_name(array)
                .then(|| NamerefEnd::Element(array.to_string(), subscript.to_string()));
        }
        Some(NamerefEnd::Circular)
    }

    /// The subscript of a nameref's element: a key, or a number (a literal or a
    /// variable's value) for an indexed array.
    fn nameref_subscript(&self, array: &str, text: &str) -> Subscript {
        if self.is_associative(array) {
            return Subscript::Key(text.to_string());
        }
        let text = text.trim();
        match text.parse() {
            Ok(index) => Subscript::Index(index),
            Err(_) => Subscript::Index(
                self.variable(text)
                    .and_then(|v| v.trim().parse().ok())
                    .unwrap_or(0),
            ),
        }
    }

    /// Whether `name` is, or leads to, a nameref that names nothing yet.
    pub(super) fn names_nothing(&self, name: &str) -> bool {
        let resolved = self.resolve(name);
        self.variables.get(&*resolved).is_some_and(|v| v.nameref)
            && self.nameref_target(&resolved).is_none()
    }

    /// The name a nameref holds; None for any other variable.
    pub(super) fn nameref_target(&self, name: &str) -> Option<&str> {
        self.variables
            .get(name)
            .filter(|v| v.nameref)
            .and_then(|v| v.value.first())
            .filter(|target| !target.is_empty())
    }

    /// Whether the shell's locale (LC_ALL, LC_CTYPE or LANG, the first set and not empty)
    /// is UTF-8, as bash asks when it writes a `\u` escape.
    pub(super) fn utf8_locale(&self) -> bool {
        ["LC_ALL", "LC_CTYPE", "LANG"]
            .iter()
            .find_map(|name| self.variable(name).filter(|value| !value.is_empty()))
            .is_some_and(|value| {
                let value = value.to_ascii_lowercase();
                value.contains("utf-8") || value.contains("utf8")
            })
    }

    /// A variable's value as `$NAME` gives it; None when unset.
    pub(super) fn variable(&self, name: &str) -> Option<String> {
        let variable = self.variables.get(name)?;
        if variable.dynamic {
            return self.dynamic_value(name);
        }
        if !variable.nameref {
            return variable.value.first().map(str::to_string);
        }
        match self.nameref_end(name) {
            Some(NamerefEnd::Element(array, text)) => {
                self.element(&array, &self.nameref_subscript(&array, &text))
            }
            Some(NamerefEnd::Circular) => {
                self.report(&format!("warning: {name}: circular name reference"));
                self.circular_global(name)
            }
            None => self
                .variable_entry(name)
                .and_then(|v| v.value.first().map(str::to_string)),
        }
    }

    /// What a name whose namerefs loop stands for, as bash reads it: in a function whose
    /// local it is, the global of its name (not followed if a nameref); elsewhere nothing.
    fn circular_global(&self, name: &str) -> Option<String> {
        let (frame, index) = self.saved_global(name)?;
        let global = self.locals[frame][index].1.as_ref()?;
        (!global.nameref)
            .then(|| global.value.first().map(str::to_string))
            .flatten()
    }

    /// The variable `name` stands for; None when unset, or when its namerefs end at an
    /// array element or in a loop (bash's `${ref[@]}` of `declare -n ref='a[1]'` is
    /// empty).
    pub(super) fn variable_entry(&self, name: &str) -> Option<&Variable> {
        match self.variables.get(name) {
            Some(variable) if variable.nameref => match self.nameref_end(name) {
                Some(_) => None,
                None => self.variables.get(&*self.resolve(name)),
            },
            other => other,
        }
    }

    /// Whether the variable `name` stands for (through namerefs) is read-only.
    pub(super) fn is_readonly(&self, name: &str) -> bool {
        self.variable_entry(name).is_some_and(|v| v.readonly)
    }

    /// The variable itself, a nameref not followed (for `declare -p`).
    pub(super) fn raw_variable(&self, name: &str) -> Option<&Variable> {
        self.variables.get(name)
    }

    /// An indexed or associative array.
    pub(super) fn is_array(&self, name: &str) -> bool {
        matches!(
            self.variable_entry(name).map(|v| &v.value),
            Some(Value::Indexed(_) | Value::Associative(_))
        )
    }

    pub(super) fn is_associative(&self, name: &str) -> bool {
        matches!(
            self.variable_entry(name).map(|v| &v.value),
            Some(Value::Associative(_))
        )
    }

    /// Sets a variable the shell itself maintains (`PWD`, `OPTIND`, `read`'s names):
    /// read-only ones included, as bash's internal assignments do.
    pub(super) fn set_variable(&mut self, name: &str, value: &str, export: bool) {
        let resolved = self.resolve(name);
        let variable = self.declared(&resolved);
        variable.exported |= export;
        variable.declared_only = false;
        match &mut variable.value {
            Value::Unset => variable.value = Value::Scalar(value.to_string()),
            Value::Scalar(text) => *text = value.to_string(),
            Value::Indexed(elements) => {
                elements.insert(0, value.to_string());
            }
            Value::Associative(elements) => {
                elements.insert("0".into(), value.to_string());
            }
        }
    }

    /// `NAME=value command`: NAME for the command only, a new exported variable that
    /// hides what NAME was (a nameref, an array, its attributes), as in bash's temporary
    /// environment.
    pub(super) fn set_temporary(&mut self, name: &str, value: &str) {
        let mut variable = Variable::new(Value::Scalar(value.to_string()));
        variable.exported = true;
        variable.temporary = true;
        self.variables.insert(name.to_string(), variable);
    }

    /// Puts variables back as they were before a command's assignments or a function's
    /// `local`s (the first state of a name saved twice wins).
    pub(super) fn restore_variables(&mut self, saved: Vec<(String, Option<Variable>)>) {
        for (name, before) in saved.into_iter().rev() {
            // `set -o ignoreeof` is on while IGNOREEOF is set: a local of it going away
            // turns it back as the variable comes back, as bash's hook does.
            if name == "IGNOREEOF" {
                self.options.ignoreeof = before
                    .as_ref()
                    .is_some_and(|v| !matches!(v.value, Value::Unset));
            }
            match before {
                Some(variable) => {
                    self.variables.insert(name, variable);
                }
                None => {
                    self.variables.remove(&name);
                }
            }
        }
    }

    /// Sets a nameref's own value, the name it stands for.
    pub(super) fn set_variable_itself(&mut self, name: &str, target: &str) {
        self.declared(name).value = Value::Scalar(target.to_string());
    }

    /// The error for changing a read-only variable, or None.
    fn refuse_readonly(&self, name: &str) -> Result<(), ExpandError> {
        if super::options::is_option_list(name) {
            return Err(ExpandError::aborting(format!("{name}: readonly variable")));
        }
        match self.variable_entry(name) {
            Some(variable) if variable.readonly => {
                let message = format!("{name}: readonly variable");
                // As bash: the rest of the command line is not run; in POSIX mode a
                // script ends.
                Err(
                    if self.options.posix && !matches!(self.origin, super::Origin::Prompt) {
                        ExpandError::fatal_failure(message)
                    } else {
                        ExpandError::aborting(message).exiting_under_errexit()
                    },
                )
            }
            _ => Ok(()),
        }
    }

    /// `NAME=value` and `NAME+=value` as a script writes them: read-only variables refuse,
    /// integer ones evaluate the value.
    pub(super) fn assign_scalar(
        &mut self,
        name: &str,
        value: &str,
        append: bool,
    ) -> Result<(), ExpandError> {
        match self.nameref_end(name) {
            Some(NamerefEnd::Element(array, text)) => {
                // Evaluated now, as bash does at each assignment through the nameref.
                let subscript = match self.is_associative(&array) {
                    true => Subscript::Key(text),
                    false => Subscript::Index(self.evaluate_arithmetic(&text)?),
                };
                return self.assign_element(&array, subscript, value, append);
            }
            Some(NamerefEnd::Circular) => {
                let warning = format!("warning: {name}: circular name reference");
                // As bash: in a function, a local whose namerefs lead back to it stands
                // for the global of its name; elsewhere the assignment fails and the
                // rest of the command line is dropped.
                let Some(hidden) = self.expose_global(name) else {
                    return Err(ExpandError::aborting(warning));
                };
                self.report(&warning);
                let result = match self.variables.get(name) {
                    Some(global) if global.nameref => Ok(()),
                    _ => self.assign_scalar(name, value, append),
                };
                self.hide_global(name, hidden);
                return result;
            }
            None => {}
        }
        // A nameref that names nothing yet takes the value as its name, if it is one.
        if self.names_nothing(name) && !is_reference(value) {
            return Err(ExpandError::aborting(format!(
                "`{value}': not a valid identifier"
            )));
        }
        let resolved = self.resolve(name);
        let name = &*resolved;
        self.refuse_readonly(name)?;
        let integer = self.variables.get(name).is_some_and(|v| v.integer);
        let value = match (integer, append) {
            (_, true) => self.appended(name, value)?,
            (true, false) => self.integer_value(value)?.to_string(),
            (false, false) => value.to_string(),
        };
        let value = self.fold_case(name, value);
        self.set_variable(name, &value, self.options.allexport);
        if name.starts_with("HIST") {
            self.history_limit_changed(name);
        }
        // Setting `OPTIND` starts getopts at the beginning of a word, as in bash;
        // setting `BASH_ARGV0` sets `$0`.
        match name {
            "HOSTFILE" => self.host_names.read = false,
            "OPTIND" => self.getopts_state.1 = 0,
            "BASH_ARGV0" => self.script_name = value,
            "POSIXLY_CORRECT" => self.posixly_correct_changed(true),
            "RANDOM" | "SECONDS" => self.dynamic_assigned(name, &value),
            "IGNOREEOF" => self.options.ignoreeof = true,
            _ => {}
        }
        Ok(())
    }

    /// The number an integer variable takes for `value`, evaluated as an expression; a
    /// fault in it ends the command line, as bash's jump to its top level.
    fn integer_value(&mut self, value: &str) -> Result<i64, ExpandError> {
        self.evaluate_arithmetic(value).map_err(|e| ExpandError {
            aborts: !e.fatal,
            from_expression: true,
            ..e
        })
    }

    /// What `name+=value` makes: the sum for an integer variable, else the joined text.
    pub(super) fn appended(&mut self, name: &str, value: &str) -> Result<String, ExpandError> {
        let before = self.variable(name).unwrap_or_default();
        if self.variables.get(name).is_some_and(|v| v.integer) {
            let sum = self
                .integer_value(or_zero(&before))?
                .wrapping_add(self.integer_value(value)?);
            return Ok(sum.to_string());
        }
        Ok(before + value)
    }

    /// `value` as `declare -l`/`-u` on `name` keeps it.
    fn fold_case(&self, name: &str, value: String) -> String {
        match self.variables.get(name).and_then(|v| v.case) {
            Some(case) => case.fold(value),
            None => value,
        }
    }

    /// `NAME[SUBSCRIPT]=value` (and `+=`).
    pub(super) fn assign_element(
        &mut self,
        name: &str,
        subscript: Subscript,
        value: &str,
        append: bool,
    ) -> Result<(), ExpandError> {
        // `ref[0]=x` where ref stands for an element: bash takes the element for a name.
        if let Some(NamerefEnd::Element(array, text)) = self.nameref_end(name) {
            let message = format!("`{array}[{text}]': not a valid identifier");
            return Err(ExpandError::aborting(message));
        }
        // An element of a nameref that names nothing is no one's, as bash says.
        if self.names_nothing(name) {
            return Err(ExpandError::aborting(
                "`': not a valid identifier".to_string(),
            ));
        }
        let resolved = self.resolve(name);
        let name = &*resolved;
        // A negative index before the first element is reported before a read-only
        // array is, as in bash.
        if let Subscript::Index(index @ ..0) = subscript {
            let end = match self.variables.get(name).map(|v| &v.value) {
                Some(Value::Indexed(elements)) => elements.keys().next_back().map_or(0, |l| l + 1),
                Some(Value::Scalar(_)) => 1,
                Some(Value::Associative(_)) => i64::MAX,
                _ => 0,
            };
            if end.saturating_add(index) < 0 {
                return Err(ExpandError::new(format!(
                    "{name}[{index}]: bad array subscript"
                )));
            }
        }
        self.refuse_readonly(name)?;
        let integer = self.variables.get(name).is_some_and(|v| v.integer);
        let before = self.element(name, &subscript);
        let value = match (integer, append) {
            (true, _) => {
                let added = self.integer_value(value)?;
                match (append, before) {
                    (true, Some(before)) => {
                        self.integer_value(or_zero(&before))?.wrapping_add(added)
                    }
                    _ => added,
                }
                .to_string()
            }
            (false, true) => before.unwrap_or_default() + value,
            (false, false) => value.to_string(),
        };
        let value = self.fold_case(name, value);
        let variable = self.declared(name);
        variable.declared_only = false;
        match &variable.value {
            Value::Scalar(text) => {
                variable.value = Value::Indexed(BTreeMap::from([(0, text.clone())]))
            }
            Value::Unset => variable.value = Value::Indexed(BTreeMap::new()),
            _ => {}
        }
        match (&mut variable.value, subscript) {
            (Value::Indexed(elements), Subscript::Index(index)) => {
                let Some(resolved) = from_end(elements, index) else {
                    return Err(ExpandError::new(format!(
                        "{name}[{index}]: bad array subscript"
                    )));
                };
                elements.insert(resolved, value);
            }
            (Value::Associative(elements), Subscript::Key(key)) => {
                elements.insert(key, value);
            }
            (Value::Associative(elements), Subscript::Index(index)) => {
                elements.insert(index.to_string(), value);
            }
            (Value::Indexed(elements), Subscript::Key(key)) => {
                elements.insert(key.parse().unwrap_or(0), value);
            }
            (Value::Scalar(_) | Value::Unset, _) => unreachable!("made an array above"),
        }
        Ok(())
    }

    /// `NAME=(...)` or `NAME+=(...)`: elements with optional subscripts.
    pub(super) fn assign_array(
        &mut self,
        name: &str,
        elements: Vec<(Option<Subscript>, String)>,
        append: bool,
    ) -> Result<(), ExpandError> {
        let resolved = self.resolve(name);
        let name = &*resolved;
        self.refuse_readonly(name)?;
        // As bash: a nameref to nothing given a list (`mapfile`, `read -a`) becomes an
        // array.
        if self.names_nothing(name) {
            self.report(&format!("warning: {name}: removing nameref attribute"));
            self.declared(name).nameref = false;
        }
        let associative = self.is_associative(name);
        let mut variable = self
            .variables
            .get(name)
            .cloned()
            .unwrap_or(Variable::new(Value::Unset));
        let mut value = match (&variable.value, append) {
            (Value::Associative(map), false) => Value::Associative(map.emptied()),
            (Value::Associative(map), true) => Value::Associative(map.clone()),
            (Value::Indexed(map), true) => Value::Indexed(map.clone()),
            (Value::Scalar(text), true) => Value::Indexed(BTreeMap::from([(0, text.clone())])),
            _ => Value::Indexed(BTreeMap::new()),
        };
        let mut next = match &value {
            Value::Indexed(map) => map.keys().next_back().map_or(0, |last| last + 1),
            _ => 0,
        };
        for (subscript, text) in elements {
            // `declare -i a; a=(1+1)`: each element is evaluated.
            let text = match variable.integer {
                true => self.evaluate_arithmetic(&text)?.to_string(),
                false => text,
            };
            let text = match variable.case {
                Some(case) => case.fold(text),
                None => text,
            };
            match &mut value {
                Value::Indexed(map) => {
                    let index = match subscript {
                        Some(Subscript::Index(index)) => index,
                        Some(Subscript::Key(key)) => key.parse().unwrap_or(0),
                        None => next,
                    };
                    map.insert(index, text);
                    next = index + 1;
                }
                Value::Associative(map) => match subscript {
                    Some(Subscript::Key(key)) => {
                        map.insert(key, text);
                    }
                    Some(Subscript::Index(index)) => {
                        map.insert(index.to_string(), text);
                    }
                    None => {
                        return Err(ExpandError::new(format!(
                            "{name}: {text}: must use subscript when assigning associative array"
                        )));
                    }
                },
                Value::Scalar(_) | Value::Unset => unreachable!("arrays only"),
            }
        }
        debug_assert!(associative == matches!(value, Value::Associative(_)));
        variable.value = value;
        variable.declared_only = false;
        self.variables.insert(name.to_string(), variable);
        Ok(())
    }

    /// One element's value; None when unset.
    pub(super) fn element(&self, name: &str, subscript: &Subscript) -> Option<String> {
        let variable = self.variable_entry(name)?;
        if variable.dynamic && matches!(subscript, Subscript::Index(0 | -1)) {
            return self.dynamic_value(name);
        }
        match (&variable.value, subscript) {
            (Value::Scalar(text), Subscript::Index(0 | -1)) => Some(text.clone()),
            (Value::Scalar(_) | Value::Unset, _) => None,
            (Value::Indexed(elements), Subscript::Index(index)) => {
                elements.get(&from_end(elements, *index)?).cloned()
            }
            (Value::Indexed(elements), Subscript::Key(key)) => {
                elements.get(&key.parse().ok()?).cloned()
            }
            (Value::Associative(elements), Subscript::Key(key)) => elements.get(key).cloned(),
            (Value::Associative(elements), Subscript::Index(index)) => {
                elements.get(&index.to_string()).cloned()
            }
        }
    }

    /// Whether the variable is an array with at least one element.
    pub(super) fn is_nonempty_array(&self, name: &str) -> bool {
        self.variable_entry(name)
            .is_some_and(|variable| match &variable.value {
                Value::Indexed(elements) => !elements.is_empty(),
                Value::Associative(elements) => !elements.is_empty(),
                Value::Unset | Value::Scalar(_) => false,
            })
    }

    /// Whether `subscript` is negative and names no element: it reaches before the start
    /// of an indexed array, or the variable is no array (bash counts from the end of
    /// indexed arrays only). bash reports it as a bad subscript and reads nothing.
    pub(super) fn before_the_start(&self, name: &str, subscript: &Subscript) -> bool {
        let Subscript::Index(index @ ..0) = *subscript else {
            return false;
        };
        match self.variable_entry(name) {
            Some(variable) if variable.dynamic => false,
            Some(Variable {
                value: Value::Indexed(elements),
                ..
            }) => from_end(elements, index).is_none(),
            Some(Variable {
                value: Value::Associative(_),
                ..
            }) => false,
            _ => true,
        }
    }

    /// `unset NAME[SUBSCRIPT]`.
    pub(super) fn unset_element(
        &mut self,
        name: &str,
        subscript: &Subscript,
    ) -> Result<(), ExpandError> {
        let resolved = self.resolve(name);
        let name = &*resolved;
        self.refuse_readonly(name)?;
        let Some(variable) = self.variables.get_mut(name) else {
            return Ok(());
        };
        match (&mut variable.value, subscript) {
            (Value::Scalar(_), Subscript::Index(0)) => {
                self.variables.remove(name);
            }
            (Value::Scalar(_), _) => {
                return Err(ExpandError::new(format!("{name}: not an array variable")));
            }
            (Value::Indexed(elements), Subscript::Index(index)) => {
                match from_end(elements, *index) {
                    Some(index) => {
                        elements.remove(&index);
                    }
                    // bash's `unset` names the subscript alone here.
                    None => {
                        return Err(ExpandError::new(format!("[{index}]: bad array subscript")));
                    }
                }
            }
            (Value::Associative(elements), Subscript::Key(key)) => {
                elements.shift_remove(key);
            }
            (Value::Associative(elements), Subscript::Index(index)) => {
                elements.shift_remove(&index.to_string());
            }
            _ => {}
        }
        Ok(())
    }

    /// Where an index of the indexed array `name` is: a negative one counts from the
    /// end; None when it reaches before the start.
    pub(super) fn index_from_end(&self, name: &str, index: i64) -> Option<i64> {
        match self.variable_entry(name).map(|v| &v.value) {
            Some(Value::Indexed(elements)) => from_end(elements, index),
            _ => (index >= 0).then_some(index),
        }
    }

    /// `unset NAME[@]`: every element of an indexed array, which stays an array.
    pub(super) fn unset_elements(&mut self, name: &str) -> Result<(), ExpandError> {
        let resolved = self.resolve(name);
        let name = &*resolved;
        self.refuse_readonly(name)?;
        match self.variables.get_mut(name).map(|v| &mut v.value) {
            Some(Value::Indexed(elements)) => elements.clear(),
            Some(Value::Scalar(_)) => {
                return Err(ExpandError::new(format!("{name}: not an array variable")));
            }
            _ => {}
        }
        Ok(())
    }

    /// `unset NAME`: refused for read-only variables, as bash does. A variable some
    /// calling function made local comes back with the value it had before that
    /// function's `local` (bash's dynamic scoping); one local here is simply unset.
    pub(super) fn unset_variable(&mut self, name: &str) -> Result<(), ExpandError> {
        let resolved = self.resolve(name);
        let name = &*resolved;
        self.unset_itself(name)?;
        match name {
            "POSIXLY_CORRECT" => self.posixly_correct_changed(false),
            "IGNOREEOF" => self.options.ignoreeof = false,
            "HOSTFILE" => self.host_names = Default::default(),
            _ => {}
        }
        Ok(())
    }

    /// `unset -n NAME`: the variable itself, a nameref not followed.
    pub(super) fn unset_itself(&mut self, name: &str) -> Result<(), ExpandError> {
        if self.variables.get(name).is_some_and(|v| v.readonly) {
            return Err(ExpandError::new(format!(
                "{name}: cannot unset: readonly variable"
            )));
        }
        self.unbind(name);
        Ok(())
    }

    /// Removes the variable itself, read-only or not (bash's `makunbound`, which
    /// getopts uses on OPTARG): a caller's local comes back as in `unset`.
    pub(super) fn unbind(&mut self, name: &str) {
        // `shopt -s localvar_unset`: a caller's local stays the one seen, unset.
        let stays_local = self.shell_options.localvar_unset;
        let local_here = self
            .locals
            .last()
            .is_some_and(|frame| frame.iter().any(|(n, _)| n == name));
        let caller_frame = self.locals.iter_mut().rev().skip(1).find_map(|frame| {
            frame
                .iter()
                .position(|(n, _)| n == name)
                .map(|at| (frame, at))
        });
        match caller_frame {
            Some((frame, at)) if !local_here && !stays_local => match frame.remove(at).1 {
                Some(before) => {
                    self.variables.insert(name.to_string(), before);
                }
                None => {
                    self.variables.remove(name);
                }
            },
            // A local of this function stays declared here, unset (`declare -- v`),
            // exported when it hid a prefix assignment's variable (`v=t f`), as in bash.
            _ if local_here => {
                let over_temporary = self
                    .locals
                    .last()
                    .and_then(|frame| frame.iter().find(|(n, _)| n == name))
                    .and_then(|(_, hidden)| hidden.as_ref())
                    .is_some_and(|hidden| hidden.temporary);
                self.variables.remove(name);
                self.declared(name).exported = over_temporary;
            }
            _ => {
                self.variables.remove(name);
            }
        }
    }

    /// The variable, created empty if need be, for `declare` to change its attributes.
    pub(super) fn declared(&mut self, name: &str) -> &mut Variable {
        // Looked up first: an entry would take the name as a new string every time.
        if !self.variables.contains_key(name) {
            self.variables
                .insert(name.to_string(), Variable::new(Value::Unset));
        }
        self.variables.get_mut(name).expect("inserted above")
    }

    /// Exported variables, for the environment of programs (arrays are not exported).
    pub(super) fn environment(&self) -> Vec<(String, String)> {
        let mut exported: Vec<(String, String)> = self
            .sorted_variables()
            .into_iter()
            .filter(|(_, v)| v.exported)
            .filter_map(|(name, v)| match &v.value {
                // `export SHELLOPTS`: the children get the options as they are now.
                _ if v.dynamic => Some((name.clone(), self.dynamic_value(name)?)),
                Value::Scalar(text) => Some((name.clone(), text.clone())),
                _ => None,
            })
            .collect();
        // A local without a value (`local V`, or unset since) hides nothing from the
        // environment: bash builds it from the exported variables that have one, in the
        // innermost scope that has one.
        if self.locals.is_empty() {
            exported.extend(self.function_environment());
            return exported;
        }
        let mut shown: std::collections::BTreeSet<&str> =
            exported.iter().map(|(name, _)| name.as_str()).collect();
        let mut from_outer = Vec::new();
        for (name, saved) in self.locals.iter().rev().flatten() {
            let valueless = self
                .variables
                .get(name)
                .is_none_or(|v| matches!(v.value, Value::Unset));
            if let Some(Variable {
                value: Value::Scalar(text),
                exported: true,
                ..
            }) = saved
                && valueless
                && shown.insert(name)
            {
                from_outer.push((name.clone(), text.clone()));
            }
        }
        if !from_outer.is_empty() {
            exported.extend(from_outer);
            exported.sort_by(|a, b| a.0.cmp(&b.0));
        }
        exported.extend(self.function_environment());
        exported
    }
}

/// `declare -p`'s text for a variable: `declare -a a=([0]="x")`.
pub(super) fn declaration(name: &str, variable: &Variable) -> String {
    let mut flags = attribute_flags(variable);
    if flags.is_empty() {
        flags.push('-');
    }
    match assigned_value(variable, double_quoted) {
        Some(value) => format!("declare -{flags} {name}={value}"),
        None => format!("declare -{flags} {name}"),
    }
}

/// A line of `export -p` or `readonly -p` in POSIX mode: the command's name, and of the
/// attributes only an array's (`readonly -a a=(...)`), as bash prints them there.
pub(super) fn posix_declaration(command: &str, name: &str, variable: &Variable) -> String {
    let array = match variable.value {
        Value::Indexed(_) => " -a",
        Value::Associative(_) => " -A",
        _ => "",
    };
    match assigned_value(variable, double_quoted) {
        Some(value) => format!("{command}{array} {name}={value}"),
        None => format!("{command}{array} {name}"),
    }
}

/// The variable's attributes as `declare` letters (`${x@a}`).
pub(super) fn attribute_flags(variable: &Variable) -> String {
    let mut flags = String::new();
    match variable.value {
        Value::Indexed(_) => flags.push('a'),
        Value::Associative(_) => flags.push('A'),
        _ => {}
    }
    // bash's order (`var_attribute_string`): a A i n r x, then the case flags c l u.
    for (set, flag) in [
        (variable.integer, 'i'),
        (variable.nameref, 'n'),
        (variable.readonly, 'r'),
        (variable.exported, 'x'),
        (variable.case == Some(Case::Capitalize), 'c'),
        (variable.case == Some(Case::Lower), 'l'),
        (variable.case == Some(Case::Upper), 'u'),
    ] {
        if set {
            flags.push(flag);
        }
    }
    flags
}

/// `set`'s line for a variable: `x='a b'`, `a=([0]="x")`; None when unset.
pub(super) fn listing(name: &str, variable: &Variable, utf8: bool) -> Option<String> {
    let value = assigned_value(variable, |text| super::options::listed_quoted(text, utf8))?;
    Some(format!("{name}={value}"))
}

/// `${x@A}`: the assignment (or `declare`) that recreates the variable.
pub(super) fn assignment(name: &str, variable: &Variable) -> Option<String> {
    let flags = attribute_flags(variable);
    let value = assigned_value(variable, super::options::quoted_always);
    match value {
        Some(value) if flags.is_empty() => Some(format!("{name}={value}")),
        Some(value) => Some(format!("declare -{flags} {name}={value}")),
        // Declared but never assigned: the `declare` alone, when it has attributes.
        None => (!flags.is_empty()).then(|| format!("declare -{flags} {name}")),
    }
}

/// The right-hand side of an assignment that recreates the value.
fn assigned_value(variable: &Variable, scalar_quote: impl Fn(&str) -> String) -> Option<String> {
    let elements = |pairs: Vec<(String, String)>, trailing: &str| {
        let inner: Vec<String> = pairs
            .iter()
            .map(|(key, value)| format!("[{}]={}", subscript_quoted(key), double_quoted(value)))
            .collect();
        let trailing = if inner.is_empty() { "" } else { trailing };
        format!("({}{trailing})", inner.join(" "))
    };
    let pairs = keys_and_values(&variable.value);
    Some(match &variable.value {
        Value::Unset => return None,
        Value::Scalar(text) => scalar_quote(text),
        _ if variable.declared_only && pairs.as_ref().is_some_and(Vec::is_empty) => return None,
        // bash ends an associative array's list with a blank.
        Value::Indexed(_) => elements(pairs.unwrap_or_default(), ""),
        Value::Associative(_) => elements(pairs.unwrap_or_default(), " "),
    })
}

/// An array's keys and values, in the order bash lists them (`${a[@]@k}`); None for
/// what is not an array.
pub(super) fn keys_and_values(value: &Value) -> Option<Vec<(String, String)>> {
    match value {
        Value::Indexed(map) => Some(
            map.iter()
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect(),
        ),
        Value::Associative(map) => Some(
            map.in_bash_order()
                .into_iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
        ),
        _ => None,
    }
}

/// `${a[@]@K}`: each key and its value, quoted to be read back, as bash writes them (an
/// associative array's list ends with a blank, as bash's does); None when empty.
pub(super) fn key_value_text(value: &Value) -> Option<String> {
    let pairs = keys_and_values(value)?;
    if pairs.is_empty() {
        return None;
    }
    let associative = matches!(value, Value::Associative(_));
    let mut text = String::new();
    for (key, value) in pairs {
        let key = match associative {
            true if key == "@" => double_quoted(&key),
            true => subscript_quoted(&key),
            false => key,
        };
        text.push_str(&format!("{key} {} ", double_quoted(&value)));
    }
    if !associative {
        text.pop();
    }
    Some(text)
}

/// `"text"` with `"`, `$`, `` ` `` and `\` escaped, as `declare -p` quotes.
/// A key as bash writes it in `declare -p` and `set`: in double quotes when the shell
/// would read it otherwise (blanks, quotes, globbing and control operators, a leading `#`
/// or `~`).
fn subscript_quoted(key: &str) -> String {
    let mut before = None;
    let mut special = |c: char| match before.replace(c) {
        // As bash's `sh_contains_shell_metas`: `~` where a tilde would expand.
        previous if c == '~' => matches!(previous, None | Some('=' | ':')),
        None if c == '#' => true,
        _ => matches!(
            c,
            ' ' | '\t'
                | '\n'
                | '"'
                | '$'
                | '*'
                | '\\'
                | '\''
                | ';'
                | '['
                | ']'
                | '{'
                | '}'
                | '!'
                | '^'
                | '|'
                | '&'
                | '<'
                | '>'
                | '('
                | ')'
                | '?'
                | '`'
        ),
    };
    // `@` alone would stand for every element.
    if key == "@"
        || key.chars().any(&mut special)
        || key.chars().any(wasmix_printf_format::needs_ansi_c)
    {
        double_quoted(key)
    } else {
        key.to_string()
    }
}

fn double_quoted(text: &str) -> String {
    // Control characters are shown as bash shows them, in `$'...'`.
    if text.chars().any(wasmix_printf_format::needs_ansi_c) {
        return wasmix_printf_format::ansi_c_quote(text);
    }
    let mut out = String::from('"');
    for c in text.chars() {
        if matches!(c, '"' | '$' | '`' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}

/// An index as bash reads it: a negative one counts back from one past the highest
/// index set; None when that falls before 0.
fn from_end(elements: &BTreeMap<i64, String>, index: i64) -> Option<i64> {
    if index >= 0 {
        return Some(index);
    }
    let end = elements.keys().next_back().map_or(0, |last| last + 1);
    (end + index >= 0).then_some(end + index)
}

fn or_zero(text: &str) -> &str {
    if text.trim().is_empty() { "0" } else { text }
}

/// Whether a nameref may hold `target`: a variable's name or an array element's.
pub(super) fn is_reference(target: &str) -> bool {
    super::assign::is_name(target)
        || super::assign::split_subscript(target).is_some_and(|(array, subscript)| {
            super::assign::is_name(array) && !subscript.is_empty()
        })
}
