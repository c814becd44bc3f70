#!/usr/bin/env python3
"""A minimal stand-in for graph.facebook.com for bench/replicas.sh (the suite's FakeGraphApi is a test class).

Serves what a sync reads, in Meta's documented shapes: GET /v23.0/act_<id> (the account), GET /v23.0/act_<id>/adsets
and GET /v23.0/act_<id>/insights (one row per ad set and day of time_range, deterministic values), and what an apply
needs: GET /v23.0/?ids=… and POST /v23.0/<adset_id>. Counts the requests
per path in COUNTS_FILE on exit (SIGTERM). usage: fake_graph.py PORT COUNTS_FILE
"""
import datetime
import json
import signal
import sys
import threading
from collections import Counter
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler
from urllib.parse import urlparse, parse_qs

ADSETS = [("238519000000000%02d" % i, "Replica ad set %d" % i, 2000 + 500 * i) for i in range(1, 4)]
state = {a: {"id": a, "name": name, "status": "ACTIVE", "effective_status": "ACTIVE", "daily_budget": str(budget),
             "campaign": {"id": "23850900000000001", "name": "Replicas"}} for a, name, budget in ADSETS}
counts = Counter()
lock = threading.Lock()


def rows(account, since, until):
    day = datetime.date.fromisoformat(since)
    end = datetime.date.fromisoformat(until)
    out = []
    while day <= end:
        for n, (adset, name, _) in enumerate(ADSETS, start=1):
            out.append({"account_id": account, "campaign_id": "23850900000000001", "campaign_name": "Replicas",
                        "adset_id": adset, "adset_name": name, "date_start": day.isoformat(),
                        "date_stop": day.isoformat(), "spend": "%.2f" % (10 + n + day.day / 10),
                        "impressions": str(1000 * n + day.day), "clicks": str(20 * n),
                        "actions": [{"action_type": "offsite_conversion.fb_pixel_purchase", "value": str(n)}],
                        "action_values": [{"action_type": "offsite_conversion.fb_pixel_purchase",
                                           "value": "%.2f" % (15.0 * n)}]})
        day += datetime.timedelta(days=1)
    return out


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def answer(self, body):
        raw = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        self.wfile.write(raw)

    def do_GET(self):
        url = urlparse(self.path)
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        parts = url.path.strip("/").split("/")
        with lock:
            counts["GET /" + "/".join(parts[1:])] += 1
        if len(parts) == 2 and parts[1].startswith("act_"):
            account = parts[1][4:]
            return self.answer({"id": parts[1], "account_id": account, "name": "Replica account",
                                "currency": "EUR", "timezone_name": "Europe/Berlin"})
        if len(parts) == 1 and "ids" in query:
            with lock:
                return self.answer({a: dict(state[a]) for a in query["ids"].split(",") if a in state})
        if len(parts) == 3 and parts[2] == "adsets":
            with lock:
                return self.answer({"data": [dict(v) for v in state.values()], "paging": {}})
        if len(parts) == 3 and parts[2] == "insights":
            window = json.loads(query["time_range"])
            return self.answer({"data": rows(parts[1][4:], window["since"], window["until"]), "paging": {}})
        self.send_response(400)
        self.end_headers()

    def do_POST(self):
        """POST /v23.0/<adset_id> (apply): daily_budget or status, answered {"success": true}."""
        parts = urlparse(self.path).path.strip("/").split("/")
        length = int(self.headers.get("Content-Length") or 0)
        form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
        with lock:
            counts["POST /" + "/".join(parts[1:])] += 1
            if len(parts) == 2 and parts[1] in state:
                for field in ("daily_budget", "status"):
                    if field in form:
                        state[parts[1]][field] = form[field]
                return self.answer({"success": True})
        self.send_response(400)
        self.end_headers()


def main():
    server = ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler)

    def stop(*_):
        with open(sys.argv[2], "w") as f:
            json.dump(counts, f, indent=1, sort_keys=True)
        threading.Thread(target=server.shutdown).start()

    signal.signal(signal.SIGTERM, stop)
    server.serve_forever()


if __name__ == "__main__":
    main()
