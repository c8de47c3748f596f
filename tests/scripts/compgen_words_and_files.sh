# compgen: the completions of a word from a word list, files, directories, functions,
# variables, keywords and builtins, with -P/-S decoration and -X filters.
compgen -W "zeta alpha beta alpha" a; echo "status $?"
compgen -W "x y" q; echo "status $?"
compgen -W "one two three" -- t
compgen -W "a1 a2 b1" -P "<" -S ">" a
compgen -W "a1 a2 b1" -X "a1"
compgen -W "a1 a2 b1" -X "!a*"
compgen -W "$HOME 'two words' a\ b" ; echo "status $?"
mkdir -p area && cd area && mkdir -p dir1 dir2 && touch file1 file2 .hidden
compgen -f | sort
compgen -d | sort
compgen -f fi | sort
compgen -f . | sort
compgen -d dir | sort
compgen -G 'file*' | sort
compgen -f nothing; echo "status $?"
compgen -A function; echo "status $?"
helper_one() { :; }; helper_two() { :; }
compgen -A function helper
my_var_a=1; export my_var_b=2
compgen -v my_var
compgen -e my_var
compgen -k | head -5
compgen -A keyword th
compgen -b ec
compgen -z; echo "status $?"
compgen -A nonsense; echo "status $?"
