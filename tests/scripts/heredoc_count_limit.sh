# bash lets a line wait for at most 16 here-documents: a 17th ends a script with
# status 2 after the commands before it have run.
{
  echo 'echo before'
  printf 'cat'; for i in $(seq 16); do printf ' <<E'; done; echo
  for i in $(seq 16); do echo "body $i"; echo E; done
  echo 'echo sixteen read'
} > sixteen.sh
bash sixteen.sh 2>&1
echo "status $?"
{
  echo 'echo before'
  printf 'cat'; for i in $(seq 17); do printf ' <<E'; done; echo
  for i in $(seq 17); do echo E; done
  echo 'echo not reached'
} > seventeen.sh
bash seventeen.sh 2>&1
echo "status $?"
bash -c "$(cat seventeen.sh)" name 2>&1
echo "status $?"
