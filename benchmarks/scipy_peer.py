#!/usr/bin/env python3
"""The scipy peer of benchmarks/lp_engines (issue 15, item 5).

Reads the instance files lp_engines wrote (DIR/*.mdlp, format documented in
benchmarks/mdlp_writer.hpp), solves each LP with scipy.optimize.linprog(method="highs"), and, when
DIR/mechdesign.tsv is present, prints one Markdown table with mechdesign's times, scipy's times,
the ratio scipy / mechdesign and the issue's targets.

    /usr/bin/python3 benchmarks/scipy_peer.py DIR [--reps N]

Only the linprog calls are timed: parsing and building the sparse matrices happen before the
clock starts. The sweep is a Python loop of linprog calls over its LPs (cold: linprog has no
warm start). Each objective is compared with mechdesign's, so a mismatch of instances shows.
"""

import argparse
import csv
import math
import os
import statistics
import sys
import time

import numpy as np
import scipy
import scipy.sparse as sp
from scipy.optimize import linprog


def read_mdlp(path):
    """Yield (name, lp) for every LP in an mdlp file."""
    with open(path) as f:
        tok = f.read().split()
    i = 0
    while i < len(tok):
        assert tok[i] == "lp", f"{path}: expected 'lp' at token {i}"
        name = tok[i + 1]
        assert tok[i + 2] == "sense"
        maximize = tok[i + 3] == "max"
        assert tok[i + 4] == "dims"
        m, n, nnz = int(tok[i + 5]), int(tok[i + 6]), int(tok[i + 7])
        assert tok[i + 8] == "constant"
        constant = float(tok[i + 9])
        i += 10
        assert tok[i] == "cols"
        cols = np.array(tok[i + 1 : i + 1 + 3 * n], dtype=float).reshape(n, 3)
        i += 1 + 3 * n
        assert tok[i] == "rows"
        rows = np.array(tok[i + 1 : i + 1 + 2 * m], dtype=float).reshape(m, 2)
        i += 1 + 2 * m
        assert tok[i] == "matrix"
        mat = np.array(tok[i + 1 : i + 1 + 3 * nnz], dtype=float).reshape(nnz, 3)
        i += 1 + 3 * nnz
        assert tok[i] == "end", f"{path}: LP {name} is not terminated by 'end'"
        i += 1
        a = sp.csr_matrix(
            (mat[:, 2], (mat[:, 0].astype(np.int64), mat[:, 1].astype(np.int64))), shape=(m, n)
        )
        yield name, to_linprog(maximize, constant, cols, rows, a)


def to_linprog(maximize, constant, cols, rows, a):
    """lower <= A x <= upper, bounds on x  ->  linprog's A_ub x <= b_ub, A_eq x = b_eq."""
    lo, up = rows[:, 0], rows[:, 1]
    eq = lo == up
    has_up = np.isfinite(up) & ~eq
    has_lo = np.isfinite(lo) & ~eq
    a_ub = sp.vstack([a[has_up], -a[has_lo]]).tocsr()
    b_ub = np.concatenate([up[has_up], -lo[has_lo]])
    c = -cols[:, 2] if maximize else cols[:, 2]
    args = dict(c=c, bounds=cols[:, :2], method="highs")
    if a_ub.shape[0] > 0:
        args.update(A_ub=a_ub, b_ub=b_ub)
    if eq.any():
        args.update(A_eq=a[eq].tocsr(), b_eq=lo[eq])
    sign = -1.0 if maximize else 1.0
    return args, sign, constant, a.shape


def solve(problem):
    args, sign, constant, _ = problem
    res = linprog(**args)
    if res.status != 0:
        raise RuntimeError(f"linprog: {res.message}")
    return sign * res.fun + constant


def median_time(reps, f):
    times, value = [], None
    for _ in range(reps):
        t0 = time.perf_counter()
        value = f()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), value


def run_scipy(directory, reps):
    out = {}
    for fname in sorted(os.listdir(directory)):
        if not fname.endswith(".mdlp"):
            continue
        key = fname[: -len(".mdlp")]
        lps = [p for _, p in read_mdlp(os.path.join(directory, fname))]
        shape = lps[0][3]
        big = shape[1] > 5000
        r = 1 if big else reps
        seconds, value = median_time(r, lambda: sum(solve(p) for p in lps))
        out[key] = dict(seconds=seconds, lps=len(lps), objective=value, rows=shape[0],
                        cols=shape[1])
        print(f"scipy_peer: {key}: {len(lps)} LP(s), {seconds:.4g} s", file=sys.stderr)
    return out


def pretty(s):
    if s >= 1.0:
        return f"{s:.2f} s"
    if s >= 1e-3:
        return f"{1e3 * s:.1f} ms"
    return f"{1e6 * s:.1f} us"


def target_of(key):
    """(text, test) of the issue's target for a row, or None."""
    if key == "primal_4_5_40":  # "the big primal"
        return ">= 5x faster than scipy", lambda ratio, per_lp_us: ratio >= 5.0
    if key == "menu_512":
        return ">= 3x faster than scipy", lambda ratio, per_lp_us: ratio >= 3.0
    if key.startswith("sweep_"):
        return (">= 50x faster than scipy, <= 20 us/LP",
                lambda ratio, per_lp_us: ratio >= 50.0 and per_lp_us <= 20.0)
    return None


def combined_table(directory, scipy_rows):
    path = os.path.join(directory, "mechdesign.tsv")
    with open(path, newline="") as f:
        md = list(csv.DictReader(f, delimiter="\t"))
    print(f"scipy {scipy.__version__} (HiGHS via linprog), numpy {np.__version__}, "
          f"Python {sys.version.split()[0]}\n")
    print("| case | engine | columns x rows | mechdesign | per LP | scipy-HiGHS | per LP | "
          "scipy / mechdesign | target | met | objective agreement |")
    print("|---|---|---|---:|---:|---:|---:|---:|---|---|---:|")
    hand = {}
    for r in md:
        if r["engine"] == "glpk-c-api":
            hand[r["key"]] = float(r["seconds"])
    for r in md:
        key, seconds, lps = r["key"], float(r["seconds"]), int(r["lps"])
        per_lp = 1e6 * seconds / lps
        per_lp_text = f"{per_lp:.1f} us" if lps > 1 else ""
        size = f"{r['cols']} x {r['rows']}"
        base = key
        for suffix in ("_final_dual", "_final", "_dual"):
            if base.endswith(suffix):
                base = base[: -len(suffix)]
                break
        s = scipy_rows.get(base)
        if key.startswith("warm_"):
            # adapter overhead against the hand-written GLPK calls (no scipy counterpart)
            if r["engine"] == "glpk-c-api":
                cells = ["—"] * 6
            else:
                over = 100.0 * (seconds / hand[key] - 1.0)
                met = "yes" if over <= 15.0 and r["engine"] == "glpk" else "no"
                if r["engine"] != "glpk":
                    met = "n/a (vs GLPK calls)"
                cells = ["—", "—", f"overhead {over:+.0f} %", "<= 15 % over hand-written", met, "—"]
            print(f"| {r['label']} | {r['engine']} | {size} | {pretty(seconds)} | {per_lp_text} | "
                  + " | ".join(cells) + " |")
            continue
        if s is None:
            print(f"| {r['label']} | {r['engine']} | {size} | {pretty(seconds)} | {per_lp_text} "
                  f"| (no instance) | | | | | |")
            continue
        ratio = s["seconds"] / seconds
        s_per = f"{1e6 * s['seconds'] / s['lps']:.1f} us" if s["lps"] > 1 else ""
        mdo, so = float(r["objective"]), s["objective"]
        agree = abs(mdo - so) / (1.0 + abs(so))
        t = target_of(key)
        target, met = ("—", "—") if t is None else (t[0], "yes" if t[1](ratio, per_lp) else "no")
        print(f"| {r['label']} | {r['engine']} | {size} | {pretty(seconds)} | {per_lp_text} | "
              f"{pretty(s['seconds'])} | {s_per} | {ratio:.2f}x | {target} | {met} | "
              f"{agree:.1e} |")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("directory")
    ap.add_argument("--reps", type=int, default=5)
    a = ap.parse_args()
    rows = run_scipy(a.directory, max(1, a.reps))
    with open(os.path.join(a.directory, "scipy.tsv"), "w") as f:
        f.write("key\tlps\tseconds\tobjective\n")
        for k, v in rows.items():
            f.write(f"{k}\t{v['lps']}\t{v['seconds']:.9g}\t{v['objective']:.17g}\n")
    if os.path.exists(os.path.join(a.directory, "mechdesign.tsv")):
        combined_table(a.directory, rows)


if __name__ == "__main__":
    main()
