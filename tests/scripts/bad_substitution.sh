# A bad substitution ends the command line, not the script
echo before
echo ${a&}; echo "same line, not run"
echo "next line runs: $?"
