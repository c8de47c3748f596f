# bash expands ~ after = and : in an argument that looks like an assignment
HOME=/home/someone
echo x=~ x=~/a --prefix=~ a:~ y=a:~ ~ "x=~" 1x=~ z=~:~/b:c~
