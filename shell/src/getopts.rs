//! `getopts OPTSTRING NAME [ARGS]`: one option per call from the positional parameters
//! (or ARGS), with `OPTIND` and `OPTARG` as POSIX describes them.

use super::Shell;

const USAGE: &str = "getopts optstring name [arg ...]";

impl Shell {
    pub(super) fn getopts_builtin(&mut self, argv: &[String]) -> u8 {
        // getopts has no options of its own: bash refuses one, and skips a `--`.
        let mut argv = argv.to_vec();
        match argv.get(1) {
            Some(first) if first == "--" => {
                argv.remove(1);
            }
            Some(first) if first.len() > 1 && first.starts_with('-') => {
                let letter = first.chars().nth(1).unwrap_or('-');
                self.report(&format!("getopts: -{letter}: invalid option"));
                self.say(format!("getopts: usage: {USAGE}"));
                return 2;
            }
            _ => {}
        }
        let argv = &argv[..];
        let (Some(spec), Some(name)) = (argv.get(1), argv.get(2)) else {
            self.say(format!("getopts: usage: {USAGE}"));
            return 2;
        };
        let status = self.next_option(argv, spec, name);
        // As bash: the option is taken (OPTIND, OPTARG) even when NAME cannot be set.
        if !super::assign::is_name(name) {
            self.report(&format!("getopts: `{name}': not a valid identifier"));
            return 1;
        }
        // A read-only NAME fails the call, but not the end of the options.
        if status == 0 && self.is_readonly(name) {
            return 2;
        }
        status
    }

    /// Takes the next option into NAME, OPTIND and OPTARG; 1 at the end of the options.
    fn next_option(&mut self, argv: &[String], spec: &str, name: &str) -> u8 {
        let args: Vec<String> = if argv.len() > 3 {
            argv[3..].to_vec()
        } else {
            self.positional.clone()
        };
        // A leading `:` answers through OPTARG; OPTERR=0 only silences the complaints.
        let silent = spec.starts_with(':');
        let complain = !silent && self.opterr();
        let spec = spec.trim_start_matches(':');
        let mut index: usize = self
            .variable("OPTIND")
            .and_then(|v| v.parse().ok())
            .filter(|&n| n >= 1)
            .unwrap_or(1)
            // Past the end (left from other arguments), bash stops right after them.
            .min(args.len() + 1);
        // A script that sets OPTIND=1 starts over.
        if index != self.getopts_state.0 {
            self.getopts_state = (index, 0);
        }
        let finish = |shell: &mut Shell, index: usize| {
            shell.set_variable("OPTIND", &index.to_string(), false);
            shell.getopts_state = (index, 0);
        };
        let Some(word) = args.get(index - 1) else {
            finish(self, index);
            self.end_of_options(name);
            return 1;
        };
        let mut position = self.getopts_state.1;
        if position == 0 {
            if word == "--" {
                finish(self, index + 1);
                self.end_of_options(name);
                return 1;
            }
            if !word.starts_with('-') || word.len() < 2 {
                finish(self, index);
                self.end_of_options(name);
                return 1;
            }
            position = 1;
        }
        let chars: Vec<char> = word.chars().collect();
        let option = chars[position];
        position += 1;
        let at_end = position >= chars.len();
        let mut advance = |shell: &mut Shell, to_next: bool| {
            if to_next {
                index += 1;
                shell.set_variable("OPTIND", &index.to_string(), false);
                shell.getopts_state = (index, 0);
            } else {
                shell.getopts_state = (index, position);
            }
        };
        let script = self.script_name.clone();
        let Some(at) = spec.find(option).filter(|_| option != ':') else {
            if silent {
                self.set_optarg(&option.to_string());
            } else {
                if complain {
                    self.say(format!("{script}: illegal option -- {option}"));
                }
                self.unset_quietly("OPTARG");
            }
            self.set_option_name(name, "?");
            advance(self, at_end);
            return 0;
        };
        let takes_argument = spec[at + option.len_utf8()..].starts_with(':');
        if !takes_argument {
            self.declare_optarg_without_value();
            self.set_option_name(name, &option.to_string());
            advance(self, at_end);
            return 0;
        }
        let argument = if !at_end {
            Some(chars[position..].iter().collect::<String>())
        } else {
            index += 1;
            args.get(index - 1).cloned()
        };
        match argument {
            Some(argument) => {
                self.set_optarg(&argument);
                self.set_option_name(name, &option.to_string());
                finish(self, index + 1);
            }
            None => {
                if silent {
                    self.set_optarg(&option.to_string());
                    self.set_option_name(name, ":");
                } else {
                    if complain {
                        self.say(format!("{script}: option requires an argument -- {option}"));
                    }
                    self.unset_quietly("OPTARG");
                    self.set_option_name(name, "?");
                }
                finish(self, index);
            }
        }
        0
    }

    /// Whether OPTERR asks for complaints: as bash, unset or empty does, else the number
    /// C's `atoi` reads from it must not be 0.
    fn opterr(&self) -> bool {
        let Some(value) = self.variable("OPTERR").filter(|v| !v.is_empty()) else {
            return true;
        };
        let value = value.trim_start();
        let digits = value.strip_prefix(['-', '+']).unwrap_or(value);
        digits
            .bytes()
            .take_while(u8::is_ascii_digit)
            .any(|digit| digit != b'0')
    }

    /// NAME is `?` and OPTARG unset once the options are over.
    fn end_of_options(&mut self, name: &str) {
        self.set_option_name(name, "?");
        self.unset_quietly("OPTARG");
    }

    /// Sets NAME to the option found, unless NAME is no variable's name or read-only.
    fn set_option_name(&mut self, name: &str, value: &str) {
        if super::assign::is_name(name) && !self.refused_as_readonly(name) {
            self.set_variable(name, value, false);
        }
    }

    /// OPTARG, unless it is read-only (then bash says so and goes on).
    fn set_optarg(&mut self, value: &str) {
        if !self.refused_as_readonly("OPTARG") {
            self.set_variable("OPTARG", value, false);
        }
    }

    /// An option without an argument: bash binds OPTARG to no value, so it is declared
    /// but unset (`declare -- OPTARG`).
    fn declare_optarg_without_value(&mut self) {
        let name = self.resolve("OPTARG").into_owned();
        if !self.refused_as_readonly(&name) {
            self.declared(&name).value = super::variables::Value::Unset;
        }
    }

    fn refused_as_readonly(&mut self, name: &str) -> bool {
        let readonly = self.is_readonly(name);
        if readonly {
            self.report(&format!("{name}: readonly variable"));
        }
        readonly
    }

    /// As bash's getopts: the variable itself goes (a nameref not followed), even when
    /// read-only.
    fn unset_quietly(&mut self, name: &str) {
        self.unbind(name);
    }
}
