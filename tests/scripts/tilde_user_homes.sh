# ~NAME is the home /etc/passwd gives NAME, wherever a tilde is expanded.
HOME=/home/bar
echo ~root ~root/x ~nosuchuser
x=~
echo ${x//~/~root}
xx=~root:~:~ env | grep xx=
echo {~,~root}/pwd
