for stop in no no yes; do
  until true; do echo never; done
  echo $stop
done
