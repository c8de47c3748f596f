shopt -s expand_aliases
alias e=echo
A=1 e after-assign
>/dev/null e after-redirect-hidden
e e two
alias ee='echo '
ee e three
alias LEFT='{'
LEFT echo four; }
alias FOR='for '
FOR i in 1 2; do echo $i; done
alias ls='ls -d'
ls /tmp
alias a1='a2' a2='a1'
a1
alias semi='echo five;'
semi echo six
f() { e in-func; }
f
type f
alias hi='echo hi'; hi same-line
hi next-line
{ alias h2='echo h2'
h2 inside-brace; }
h2 after
echo $(e comsub)
x=$(e comsub2); echo $x
case e in e) e incase;; esac
while e w; do break; done
! e bang
e | cat
true && e andand
alias ttt='true '
ttt e
\e quoted
'e' quoted2
alias dq='echo "dq  x"'
dq
alias nl='echo one
echo two'
nl
alias foo='echo ' bar=baz baz='quux ' x=EXPANDED quux=Q
foo bar x
alias b1='b2 ' b2='echo ' 
b1 x x
alias c1='echo ' c2='c3 ' c3='c4' c4=C4
c1 c2 x
alias d1='echo ' d2='d2 '
d1 d2 d2 x
alias e1='echo ' 
e1 e1 e1 x
alias sp=' ' 
sp echo sp x
alias em=''
em echo em x
em
echo $?
alias lp='echo ('
alias x=EXPANDED quux=Q
alias b1='b2' b2='echo '
b1 x
alias f1='echo ' f2='f3 ' f3='f4' f4='echo '
f1 f2 x x
alias g1='echo ' g2='g3' g3='g4 ' g4='Q'
g1 g2 x
# An alias defined in a function counts once the function has run, on the next line.
g() { alias late='echo late'; }
g; late same-line 2>/dev/null || echo not-yet
late next-line
# `unalias` takes effect on the next line too.
unalias late; late gone 2>/dev/null || echo gone
# Defining a function with an alias's name expands the alias first (bash's gotcha).
alias word='echo'
eval 'word() { echo fn; }' 2>&1 | sed 's/^.*line [0-9]*: //'
