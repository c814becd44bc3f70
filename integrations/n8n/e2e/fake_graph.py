#!/usr/bin/env python3
"""A tiny stand-in for graph.facebook.com on loopback, for running the n8n workflow end to end.

Serves one ad account (act_<digits>) with four ad sets and 28 days of daily ad-set insights ending yesterday
(UTC), the edges ML Core's sync reads (account, /adsets, /insights, with paging.next), and budget updates
(POST /<adset_id>), which it records. GET /_calls lists every call received (for the checks of run.sh).
Never use it for anything but tests: it accepts any token.
"""
import datetime
import json
import random
import sys
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

VERSION = "v23.0"
CALLS = []
RNG = random.Random(7)
ADSETS = {
    "23851000000000001": {"name": "Pre-save | Lookalike 1% | Reels", "budget": 4000, "cpa": 2.0},
    "23851000000000002": {"name": "Pre-save | Interests | Feed", "budget": 3000, "cpa": 3.2},
    "23851000000000003": {"name": "Pre-save | Broad | Stories", "budget": 3000, "cpa": 4.5},
    "23851000000000004": {"name": "Pre-save | Retargeting | Reels", "budget": 2000, "cpa": 9.0},
}
STATUS = {k: "ACTIVE" for k in ADSETS}


def insights():
    today = datetime.datetime.now(datetime.timezone.utc).date()
    rows = []
    for d in range(28, 0, -1):
        day = (today - datetime.timedelta(days=d)).isoformat()
        for adset_id, a in ADSETS.items():
            spend = a["budget"] / 100 * RNG.uniform(0.85, 1.0)
            conversions = max(0, round(RNG.gauss(spend / a["cpa"], (spend / a["cpa"]) ** 0.5)))
            rows.append({
                "account_id": "1234567890", "campaign_id": "120000000000001", "campaign_name": "Album launch",
                "adset_id": adset_id, "adset_name": a["name"], "date_start": day, "date_stop": day,
                "spend": f"{spend:.2f}", "impressions": str(int(spend * 90)), "clicks": str(int(spend * 1.6)),
                "actions": [{"action_type": "offsite_conversion.fb_pixel_purchase", "value": str(conversions)}],
                "action_values": [{"action_type": "offsite_conversion.fb_pixel_purchase",
                                   "value": f"{conversions * 3.4:.2f}"}],
            })
    return rows


INSIGHTS = insights()


class Handler(BaseHTTPRequestHandler):
    def log_message(self, fmt, *args):
        pass

    def answer(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("X-Ad-Account-Usage", '{"acc_id_util_pct":1.0,"reset_time_duration":0}')
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def page(self, items, query, path):
        offset = int(query.get("after", ["0"])[0])
        limit = 50
        body = {"data": items[offset:offset + limit]}
        if offset + limit < len(items):
            q = {k: v[0] for k, v in query.items()}
            q["after"] = str(offset + limit)
            q["access_token"] = "fake"
            body["paging"] = {"cursors": {"after": str(offset + limit)},
                              "next": f"http://{self.headers['Host']}{path}?{urllib.parse.urlencode(q)}"}
        return body

    def do_GET(self):
        url = urllib.parse.urlparse(self.path)
        query = urllib.parse.parse_qs(url.query)
        if url.path == "/_calls":
            return self.answer(200, CALLS)
        CALLS.append({"method": "GET", "path": url.path})
        rest = url.path.removeprefix(f"/{VERSION}/")
        if rest.endswith("/adsets"):
            items = [{"id": k, "name": a["name"], "status": STATUS[k], "effective_status": STATUS[k],
                      "daily_budget": str(a["budget"]),
                      "campaign": {"id": "120000000000001", "name": "Album launch", "objective": "OUTCOME_SALES"},
                      "targeting": {"age_min": 18, "age_max": 34, "genders": [2] if k.endswith("2") else [],
                                    "geo_locations": {"countries": ["ES"]},
                                    "publisher_platforms": ["instagram"]}}
                     for k, a in ADSETS.items()]
            return self.answer(200, self.page(items, query, url.path))
        if rest.endswith("/insights"):
            rows = INSIGHTS
            if "time_range" in query:
                window = json.loads(query["time_range"][0])
                rows = [r for r in rows if window["since"] <= r["date_start"] <= window["until"]]
            return self.answer(200, self.page(rows, query, url.path))
        if rest.startswith("act_"):
            return self.answer(200, {"id": rest, "account_id": rest[4:], "name": "Fake account", "currency": "EUR",
                                     "timezone_name": "Europe/Madrid", "account_status": 1})
        if "ids" in query:
            out = {}
            for i in query["ids"][0].split(","):
                if i in ADSETS:
                    out[i] = {"id": i, "daily_budget": str(ADSETS[i]["budget"]), "status": STATUS[i],
                              "effective_status": STATUS[i]}
            return self.answer(200, out)
        if rest in ADSETS:
            return self.answer(200, {"id": rest, "daily_budget": str(ADSETS[rest]["budget"]), "status": STATUS[rest],
                                     "effective_status": STATUS[rest]})
        return self.answer(400, {"error": {"message": "Unsupported get request", "type": "GraphMethodException",
                                           "code": 100, "fbtrace_id": "fake"}})

    def do_POST(self):
        url = urllib.parse.urlparse(self.path)
        length = int(self.headers.get("Content-Length", "0"))
        form = {k: v[0] for k, v in urllib.parse.parse_qs(self.rfile.read(length).decode()).items()}
        form.update({k: v[0] for k, v in urllib.parse.parse_qs(url.query).items()})
        CALLS.append({"method": "POST", "path": url.path, "params": {k: v for k, v in form.items() if k != "access_token"}})
        rest = url.path.removeprefix(f"/{VERSION}/")
        if rest in ADSETS:
            if "daily_budget" in form:
                ADSETS[rest]["budget"] = int(form["daily_budget"])
            if "status" in form:
                STATUS[rest] = form["status"]
            return self.answer(200, {"success": True})
        return self.answer(400, {"error": {"message": "Unsupported post request", "type": "GraphMethodException",
                                           "code": 100, "fbtrace_id": "fake"}})


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 18080
    ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
