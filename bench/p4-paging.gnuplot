# P4's chart (docs/performance.md): median latency of a page of 50 parts by name at each depth — keyset through the
# service, the same keyset query in raw SQL, that query with a redundant name >= @last (the seek), and OFFSET — without
# and with the (name, public_id) index, one panel per provider. Drawn by bench/p4-paging.sh from the CSV PagingFigures writes:
#   gnuplot -e "csv='docs/images/p4-paging.csv'; png='docs/images/p4-paging.png'" bench/p4-paging.gnuplot
# Both axes are logarithmic; the first page (depth 0, which a log axis cannot show) is drawn at 100.

set terminal pngcairo size 1500,720 font "DejaVu Sans,11"
set output png
set termoption noenhanced
set datafile separator whitespace
set logscale xy
set xrange [60:1.6e6]
set xtics ("first" 100, "1k" 1e3, "10k" 1e4, "100k" 1e5, "500k" 5e5, "1M" 1e6)
set format y "%g"
set xlabel "page depth (parts before the page)"
set ylabel "p50 latency, ms"
set grid xtics ytics mytics lc rgb "#dddddd"
set key below box font ",10" maxrows 4 width -4

# One (depth, p50) series from the CSV: provider,name_index,method,depth,samples,p50_ms,…
series(provider, index, method) = sprintf("< awk -F, '$1 == \"%s\" && $2 == \"%s\" && $3 == \"%s\" { print ($4 == 0 ? 100 : $4), $6 }' '%s'", provider, index, method, csv)

set style line 1 lc rgb "#c0392b" lw 2 pt 7 ps 1.1
set style line 2 lc rgb "#e67e22" lw 2 pt 5 ps 1.0
set style line 3 lc rgb "#2c3e90" lw 2 pt 9 ps 1.2
set style line 4 lc rgb "#c0392b" lw 2 pt 6 ps 1.1 dt 2
set style line 5 lc rgb "#e67e22" lw 2 pt 4 ps 1.0 dt 2
set style line 6 lc rgb "#2c3e90" lw 2 pt 8 ps 1.2 dt 2
set style line 7 lc rgb "#27ae60" lw 3 pt 13 ps 1.3

set multiplot layout 1,2 title "P4 — a page of 50 parts by name in a catalog of 1 000 000 (2 shared cores: a guide)" font ",13"
do for [provider in "Postgres Sqlite"] {
    set title (provider eq "Postgres" ? "PostgreSQL 15" : "SQLite 3 (Microsoft.Data.Sqlite)")
    plot series(provider, "with", "keyset-service") with linespoints ls 1 title "keyset, service (as shipped: seek form) — with index", \
         series(provider, "with", "keyset-raw") with linespoints ls 2 title "keyset, raw SQL, OR form only — with index", \
         series(provider, "with", "keyset-seek-raw") with linespoints ls 7 title "keyset + seek (name >= @last), raw SQL — with index", \
         series(provider, "with", "offset-raw") with linespoints ls 3 title "OFFSET, raw SQL — with index", \
         series(provider, "without", "keyset-service") with linespoints ls 4 title "keyset, service — no index", \
         series(provider, "without", "keyset-raw") with linespoints ls 5 title "keyset, raw SQL, OR form only — no index", \
         series(provider, "without", "offset-raw") with linespoints ls 6 title "OFFSET, raw SQL — no index"
}
unset multiplot
