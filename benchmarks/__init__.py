"""Throughput and memory benchmarks, run as ``python -m benchmarks``; figures are ratios against baselines measured
in the same run, never absolute timings."""
