# nocasematch: case and [[ ]] ignore case
shopt -s nocasematch
case HELLO in hello) echo "case matched" ;; esac
[[ Foo == foo ]] && echo "pattern matched"
[[ ABC =~ ^a ]] && echo "regex matched"
shopt -u nocasematch
[[ Foo == foo ]] || echo "case matters again"
