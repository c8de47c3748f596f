# An interactive shell has a history file unless told otherwise, with `-c` too; a
# non-interactive one has none.
bash --norc -i -c 'echo "interactive: ${HISTFILE##*_}"' 2>/dev/null
bash -c 'echo "not interactive: [${HISTFILE-unset}]"'
HISTFILE=mine bash --norc -i -c 'echo "given: $HISTFILE"' 2>/dev/null
