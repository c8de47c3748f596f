# `login_shell` tells whether the shell started as a login shell; setting it changes
# nothing and is no error.
shopt login_shell; echo "status $?"
shopt -s login_shell; echo "status $?"
shopt -p login_shell
bash -l -c 'shopt -p login_shell; shopt -u login_shell; shopt -q login_shell; echo "status $?"'
bash --login -c 'shopt login_shell'
