# umask decides the modes of new files and directories.
umask 022
touch f1; mkdir d1
stat -c '%a %n' f1 d1
umask 077
touch f2; mkdir d2
stat -c '%a %n' f2 d2
umask -S
umask u=rwx,g=rx,o=
umask
(umask 000; touch f3; stat -c '%a %n' f3)
umask
