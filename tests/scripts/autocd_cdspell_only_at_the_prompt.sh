# autocd and cdspell are options of the prompt: a script keeps them set but runs a
# directory's name as a command that cannot run, and cd takes names as they are.
shopt -s autocd cdspell
/tmp 2>/dev/null; echo "status $?"
cd /ect 2>/dev/null; echo "status $?"
shopt autocd cdspell
shopt -p autocd cdspell
