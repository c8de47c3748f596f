# Without `shopt extglob`, `!(` is `!` before a subshell, and `[[ !(...) ]]` a negated
# group; the pattern after `==` in `[[` is read with extglob forms either way.
a=false
if !($a && true); then echo negated-subshell; fi
empty='' str=x
[[ !($empty) ]] && echo empty-is-empty
[[ !($str) ]] || echo str-is-not-empty
[[ ab == @(a|ab) ]] && echo pattern-read
[[ ab != !(ab) ]] && echo negated-pattern-read
shopt -s extglob
[[ !($empty) ]] && echo glob-now
[[ !($str) ]] && echo glob-now-too
case ab in @(x|ab)) echo case-pattern ;; esac
