#!/usr/bin/env python3
"""Fail when a score on a shared gold set falls below its ratchet.

usage: ratchet.py RATCHET.json DIR   (DIR holds SET.json, the scorer's --json summary per set)
"""
import json, os, sys

ratchet = json.load(open(sys.argv[1]))
bad = []
for name, mins in sorted(ratchet.items()):
    path = os.path.join(sys.argv[2], name + ".json")
    try:
        got = json.load(open(path))
    except (OSError, ValueError):
        bad.append(f"{name}: no scores (did sitrep fail on it?)")
        continue
    for metric, floor in sorted(mins.items()):
        val = got.get(metric)
        if val is None or val + 1e-9 < floor:
            bad.append(f"{name}: {metric} = {val}, below the ratchet {floor}")
for b in bad:
    print("ratchet:", b)
if bad:
    sys.exit(1)
print(f"ratchet: {sum(len(m) for m in ratchet.values())} minimum scores hold")
