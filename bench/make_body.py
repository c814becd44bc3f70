#!/usr/bin/env python3
"""Writes a stateless optimize request: N ad sets with DAYS daily rows each (seeded, reproducible).

usage: python3 bench/make_body.py N [DAYS] [SEED] > body.json
       python3 bench/make_body.py 10000 0 > totals.json   # totals only (metrics, no daily rows)
"""
import json
import random
import sys
from datetime import date, timedelta


def body(n, days, seed):
    rnd = random.Random(seed)
    start = date(2026, 10, 1)
    adsets = []
    for i in range(n):
        budget = round(rnd.uniform(10, 200), 2)
        cpa = rnd.uniform(2, 20)
        cvr = rnd.uniform(0.01, 0.08)
        a = {"id": str(23850000000000000 + i), "name": f"Ad set {i} | audience {i % 17} | placement {i % 5}",
             "status": "ACTIVE", "current_budget": budget}
        rows = []
        for d in range(days):
            spend = round(budget * rnd.uniform(0.8, 1.05), 2)
            conv = max(0, int(rnd.gauss(spend / cpa, (spend / cpa) ** 0.5 + 0.1)))
            clicks = max(conv, int(conv / cvr)) if conv else int(spend * rnd.uniform(1, 5))
            rows.append({"date": (start + timedelta(days=d)).isoformat(), "spend": spend,
                         "impressions": clicks * rnd.randint(40, 120), "clicks": clicks,
                         "conversions": conv, "revenue": round(conv * rnd.uniform(2, 6), 2)})
        if days:
            a["daily"] = rows
        else:
            spend = round(budget * 28 * rnd.uniform(0.8, 1.05), 2)
            conv = max(0, int(spend / cpa))
            a["metrics"] = {"spend": spend, "impressions": int(spend * 300), "clicks": int(spend * 3),
                            "conversions": conv, "revenue": round(conv * 4.0, 2)}
        adsets.append(a)
    total = round(sum(a["current_budget"] for a in adsets), 2)
    return {"objective": "conversions", "currency": "EUR",
            "budget": {"total": total, "max_change_ratio": 0.3},
            "targets": {"cpa": 10}, "seed": 42, "adsets": adsets}


if __name__ == "__main__":
    n = int(sys.argv[1])
    days = int(sys.argv[2]) if len(sys.argv) > 2 else 28
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 42
    json.dump(body(n, days, seed), sys.stdout, separators=(",", ":"))
