# printf's number formats as GNU and bash print them.
printf '%d %i %5d %-5d| %05d %+d %x %#x %o %#o\n' 42 42 42 42 42 42 255 255 8 8
printf '%.4x %.3d %u %c %%\n' 42 7 3000000000 xyz
printf '%e %.2e %g %G %.3g\n' 12345.678 0.000123 100000 1e-10 3.14159
printf '%f %.1f %10.3f|%-10.2f|\n' 3.14159 2.25 1.5 -1.5
printf '%s %s %s\n' a b c d e
printf '%d\n' 0x1F 010 "'A" -5
printf '[%*d] [%-*s] [%.*s]\n' 6 42 6 ab 2 abcdef
