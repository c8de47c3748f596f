# printf's %(fmt)T formats in the zone of TZ when it is exported, not before.
TZ=Asia/Tokyo
export TZ
printf '%(%Y-%m-%d %H:%M:%S %Z %z %a %j %p %I)T\n' 1557978599
TZ=US/Eastern printf '%(%F %T %Z)T\n' 1557978599
export TZ=EST5EDT
printf '%(%F %T %Z %u %V)T\n' 1557978599
export TZ=:Europe/Lisbon
printf '%(%c)T\n' 0
printf '%(%x %X %r %D %h %%c %R %T %s %y %C %G %g %U %W %w %k %l %n%t|)T\n' 1557978599
