# GLOBIGNORE: colons inside bracket expressions do not split it; . and .. never match.
mkdir globs && cd globs || exit
touch _testing.py pyproject.toml 20231114.log .env 'has space.docx' .hidden
GLOBIGNORE='[[:alnum:]]*'; echo *.*
GLOBIGNORE='[![:alnum:]]*'; echo *.*
GLOBIGNORE='*[[:space:]]*'; echo *.*
GLOBIGNORE='[[:digit:]_.]*'; echo *.*
GLOBIGNORE='*.py:[[:digit:]]*'; echo *
GLOBIGNORE='*.txt'; echo .*; shopt -u globskipdots; echo .*
GLOBIGNORE='a\:b:*.log'; echo *
