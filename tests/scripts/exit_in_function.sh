stop() { echo stopping; exit 7; }
echo before
stop
echo never
