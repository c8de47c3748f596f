//! `BASH_ALIASES` and `BASH_CMDS`: the alias table and the table of remembered programs
//! as associative arrays, as bash shows them. They are brought up to date before each
//! command once text the shell runs names one of them (a script that never does pays
//! nothing), and assigning an element changes the table itself (unsetting one does
//! not, as in bash).

use super::Shell;
use super::assoc::Assoc;
use super::hash::PROGRAM_BUCKETS;
use super::variables::{Subscript, Value};

/// The buckets of bash's alias table (`ALIAS_HASH_BUCKETS`).
const ALIAS_BUCKETS: usize = 64;

const ALIASES: &str = "BASH_ALIASES";
const COMMANDS: &str = "BASH_CMDS";

impl Shell {
    /// Makes the two arrays, empty, at the shell's start, each in a hash table as
    /// large as bash's table of what it shows (so that it lists them in bash's order).
    pub(super) fn declare_tables(&mut self) {
        for (name, buckets) in [(ALIASES, ALIAS_BUCKETS), (COMMANDS, PROGRAM_BUCKETS)] {
            self.declared(name).value = Value::Associative(Assoc::with_buckets(buckets));
        }
    }

    /// Starts keeping the arrays up to date once `text` names one of them.
    pub(super) fn notice_tables(&mut self, text: &str) {
        if !self.shows_tables && (text.contains(ALIASES) || text.contains(COMMANDS)) {
            self.shows_tables = true;
        }
    }

    /// Brings the arrays up to date with the tables, if anything asked for them (an array
    /// unset is left alone: it lost its meaning, as in bash).
    pub(super) fn publish_tables(&mut self) {
        if !self.shows_tables {
            return;
        }
        let aliases: Vec<_> = self
            .aliases
            .iter()
            .map(|(name, text)| (name.clone(), text.clone()))
            .collect();
        let commands = self.remembered_programs();
        for (array, table) in [(ALIASES, aliases), (COMMANDS, commands)] {
            if self.is_associative(array) {
                let elements = table
                    .into_iter()
                    .map(|(key, value)| (Some(Subscript::Key(key)), value))
                    .collect();
                let _ = self.assign_array(array, elements, false);
            }
        }
    }

    /// `BASH_ALIASES[name]=text` defines an alias, `BASH_CMDS[name]=path` remembers a
    /// program; false for any other element.
    pub(super) fn table_element_assigned(
        &mut self,
        array: &str,
        subscript: &Subscript,
        value: &str,
    ) -> bool {
        let Subscript::Key(key) = subscript else {
            return false;
        };
        match array {
            ALIASES if self.is_associative(ALIASES) => {
                self.define_alias(key, value);
            }
            COMMANDS if self.is_associative(COMMANDS) => {
                if !self.refused_program_path("", value) {
                    self.set_hashed(key, value.to_string());
                }
            }
            _ => return false,
        }
        true
    }
}
