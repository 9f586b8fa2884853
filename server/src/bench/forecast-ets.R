# R's forecast::ets on the series the forecast bench generated (one a line: id,y1,y2,...).
# Usage: Rscript forecast-ets.R <input.csv> <horizon> <frequency>
# Prints one line per series: id, milliseconds, the chosen model, then the h means, the h
# 80% lower and the h 80% upper bounds, all space-separated.
suppressMessages(library(forecast))
args <- commandArgs(TRUE)
h <- as.integer(args[2])
freq <- as.integer(args[3])
for (ln in readLines(args[1])) {
  parts <- strsplit(ln, ",")[[1]]
  y <- as.numeric(parts[-1])
  started <- proc.time()[["elapsed"]]
  fit <- ets(ts(y, frequency = freq))
  fc <- forecast(fit, h = h, level = 80)
  ms <- (proc.time()[["elapsed"]] - started) * 1000
  cat(parts[1], ms, gsub("[ ,]", "", fit$method),
      c(fc$mean), c(fc$lower), c(fc$upper), "\n")
}
