target=value
name=target
echo ${!name}
