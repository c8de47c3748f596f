# Aliases are not expanded in scripts unless asked
alias hi="echo alias-ran"
hi 2>/dev/null || echo "not expanded: $?"
