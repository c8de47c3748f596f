# Padded and negative sequences
echo {-05..5..5}
echo {003..1}
echo {9..11}
echo {a..c}{01..02}
