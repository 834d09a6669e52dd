"""Latency histograms as edge-bench prints them: [[low_ns, high_ns, count], ...]."""
import math


def merge(histograms):
    counts = {}
    for histogram in histograms:
        for low, high, count in histogram:
            key = (low, high)
            counts[key] = counts.get(key, 0) + count
    return sorted([low, high, count] for (low, high), count in counts.items())


def percentile_ms(histogram, fraction):
    """The value at `fraction` of the counts is at most this (its bucket's top), ms."""
    total = sum(count for _, _, count in histogram)
    if total == 0:
        return None
    rank = max(1, math.ceil(fraction * total))
    seen = 0
    for _, high, count in histogram:
        seen += count
        if seen >= rank:
            return (high - 1) / 1e6
    return histogram[-1][1] / 1e6
