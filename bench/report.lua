-- wrk reporting: one machine-readable line per run, read by bench/run.
-- wrk itself counts responses with a status of 400 or more (summary.errors.status); socket errors are
-- connect, read, write and timeout errors. Latency percentiles come from wrk's own HdrHistogram, in microseconds.
done = function(summary, latency, requests)
  local errors = summary.errors
  local socket_errors = errors.connect + errors.read + errors.write + errors.timeout
  local seconds = summary.duration / 1000000
  io.write(string.format("BENCH requests=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f socket_errors=%d status_errors=%d bytes=%d\n",
    summary.requests, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    socket_errors, errors.status, summary.bytes))
end
