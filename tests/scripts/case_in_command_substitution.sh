# `case` inside `$(...)`: a pattern's `)` does not end the substitution (brush-parser's tokenizer ended it there).
x=b
echo $(case $x in a) echo A;; b) echo B;; esac)
echo "$(case $x in a|b) echo AB;; *) echo other;; esac)"
y=$(case x in
  x) echo one
     ;;
  *) echo two ;;
esac)
echo "$y"
echo $(case a in (a) echo paren;; esac)
echo $(case q in a) echo no;; esac; echo after)
echo $(case z in z) echo $(case w in w) echo nested;; esac);; esac)
f() { echo $(case $1 in [0-9]) echo digit;; ?) echo char;; *) echo long;; esac); }
f 5; f x; f xyz
echo $(echo case in a\) ok)
echo "$(case "a)" in "a)") echo quoted;; esac)"
echo $(case x in x) echo fall;& y) echo through;; esac)
echo `case k in k) echo back;; esac`
echo $(case $x in
  # comment a)
  b) echo commented;;
esac)
# `esac` right after a pattern's `)` or after a subshell ends the `case` there too.
echo $(case x in (x) esac) empty
echo $(case x in (x) ;; (y) esac) second
echo $(case x in (x) (echo sub) esac) subshell
echo $(case x in x) (echo esac) esac) word
