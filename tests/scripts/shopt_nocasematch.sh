# nocasematch makes case and [[ == ]] ignore case.
shopt -s nocasematch
case HELLO in hello) echo "case matched" ;; esac
[[ ABC == abc ]] && echo "[[ matched"
[[ ABC =~ ^a ]] && echo "regex matched"
shopt -u nocasematch
[[ ABC == abc ]] || echo "case matters again"
