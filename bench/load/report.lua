-- wrk reporter for bench/load/run.sh: after the run, one machine-readable line
--   LOAD requests=N seconds=S rps=R p50_ms=A p95_ms=B p99_ms=C errors=E non2xx=F
-- (latency percentiles from wrk's own histogram; errors are socket errors and timeouts, non2xx answers that were not
-- 2xx or 3xx). Headers come from the command line (-H), so one script serves every route.
done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("LOAD requests=%d seconds=%.3f rps=%.1f p50_ms=%.3f p95_ms=%.3f p99_ms=%.3f errors=%d non2xx=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    errors, summary.errors.status))
end
