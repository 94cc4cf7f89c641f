#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Independent computations of TagLens's statistics, for the engine's tests to compare against.

Reads one JSON object on stdin and writes one on stdout. Written from the papers, not from the
C++: numpy and scipy do the arithmetic (Debian's /usr/bin/python3 has both).

  fightin-words      {"a": {label: images}, "b": {...}, "project": {...}, "nA", "nB", "nProject", "a0"}
                     -> {"terms": {label: {"delta", "se", "z", "p", "q"}}}
  cluster-bootstrap  {"clusters": [[size, [label, ...]], ...], "labels": [...], "replicates", "seed", "level"}
                     -> {"intervals": {label: [low, high]}, "linearised_se": {label: se},
                         "zero_upper": the exact bound for a share of 0 in len(clusters) trials}
"""
import json
import sys

import numpy as np
from scipy import stats


def fightin_words(q):
    labels = sorted(set(q["a"]) | set(q["b"]))
    n_a, n_b, n_p, a0 = float(q["nA"]), float(q["nB"]), float(q["nProject"]), float(q["a0"])
    y_a = np.array([q["a"].get(w, 0) for w in labels], dtype=float)
    y_b = np.array([q["b"].get(w, 0) for w in labels], dtype=float)
    alpha = a0 * np.array([q["project"].get(w, 0) for w in labels], dtype=float) / n_p
    # Monroe, Colaresi & Quinn (2008), eq. 16 (the log-odds with the prior) and 19 (its variance).
    omega_a = (y_a + alpha) / (n_a + a0 - y_a - alpha)
    omega_b = (y_b + alpha) / (n_b + a0 - y_b - alpha)
    delta = np.log(omega_a) - np.log(omega_b)
    se = np.sqrt(1.0 / (y_a + alpha) + 1.0 / (y_b + alpha))
    z = delta / se
    p = 2.0 * stats.norm.sf(np.abs(z))
    # Benjamini & Hochberg (1995), step-up, written out rather than taken from a library.
    m = len(p)
    order = np.argsort(p, kind="stable")
    ranked = p[order] * m / np.arange(1, m + 1)
    q_sorted = np.minimum.accumulate(ranked[::-1])[::-1]
    q_values = np.empty(m)
    q_values[order] = np.minimum(q_sorted, 1.0)
    return {"terms": {w: {"delta": delta[i], "se": se[i], "z": z[i], "p": p[i], "q": q_values[i]}
                      for i, w in enumerate(labels)}}


def cluster_bootstrap(q):
    labels = q["labels"]
    clusters = [c for c in q["clusters"] if c[0] > 0]
    sizes = np.array([c[0] for c in clusters], dtype=float)
    counts = np.array([[c[1].count(w) for w in labels] for c in clusters], dtype=float)
    rng = np.random.default_rng(q["seed"])
    n = len(clusters)
    draws = rng.integers(0, n, size=(q["replicates"], n))
    weights = np.stack([np.bincount(d, minlength=n) for d in draws])  # how often each cluster is drawn
    shares = (weights @ counts) / (weights @ sizes)[:, None]
    tail = (1.0 - q["level"]) / 2.0
    low = np.percentile(shares, 100 * tail, axis=0)
    high = np.percentile(shares, 100 * (1 - tail), axis=0)
    # The ratio estimator's linearised (sandwich) standard error with clusters as units
    # (Cochran 1977, ch. 6): var = n / (n - 1) * sum((y_c - r * m_c)^2) / M^2.
    total = sizes.sum()
    ratio = counts.sum(axis=0) / total
    residual = counts - ratio[None, :] * sizes[:, None]
    se = np.sqrt(n / (n - 1) * (residual ** 2).sum(axis=0)) / total if n > 1 else None
    return {"intervals": {w: [low[i], high[i]] for i, w in enumerate(labels)},
            "linearised_se": {w: (se[i] if se is not None else None) for i, w in enumerate(labels)},
            # Clopper & Pearson (1934): the upper bound for 0 successes in n trials.
            "zero_upper": stats.beta.ppf(1 - tail, 1, n)}


def main():
    command = sys.argv[1]
    query = json.load(sys.stdin)
    answer = {"fightin-words": fightin_words, "cluster-bootstrap": cluster_bootstrap}[command](query)
    json.dump(answer, sys.stdout, default=float)


if __name__ == "__main__":
    main()
