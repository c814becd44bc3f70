#!/usr/bin/env python3
"""Checks what the n8n end-to-end run left behind (files written by run.sh). Exit 1 if any check fails."""
import json
import sys

mode, work = sys.argv[1], sys.argv[2]


def load(name):
    with open(f"{work}/{name}") as f:
        return json.load(f)


def items(doc):
    return doc["items"] if isinstance(doc, dict) else doc


outbox, audit, adsets = items(load("outbox.json")), items(load("audit.json")), load("adsets.json")
calls, notes = load("graph-calls.json"), load("notifications.json")
alerts = load("alerts.json")["alerts"]
texts = [n.get("body", {}).get("text", "") for n in notes]
writes = [c for c in calls if c["method"] == "POST"]
checks = [
    ("sync stored the 4 ad sets", adsets["total"] == 4),
    ("the workflow notified the apply result", any(t.startswith("ML Core apply of") for t in texts)),
    ("audit lists one change per ad set", len(audit) >= 4),
    ("a recommendation.created event was recorded", any(e["event_type"] == "recommendation.created" for e in outbox)),
    ("the scan after the import opened the CTR-drop alert",
     any(a["metric"] == "ctr" and a["kind"] == "level_shift" and a["state"] == "firing" for a in alerts)),
    ("an alert.firing event was recorded", any(e["event_type"] == "alert.firing" for e in outbox)),
]
if mode == "live":
    checks += [
        ("budget writes reached the Graph API", len(writes) >= 1),
        ("each write is in the audit, not a dry run", all(not a["dry_run"] for a in audit)),
        ("signed events reached n8n, were verified and forwarded",
         any(t.startswith("ML Core recommendation.applied") for t in texts)),
        ("every outbox event was sent", all(e["status"] == "sent" for e in outbox)),
        ("the alert reached n8n and went out as Slack text naming the CTR drop",
         any(t.startswith("Alert in ML Core, account 4567890123") and "CTR" in t for t in texts)),
    ]
else:
    checks += [
        ("no write reached the Graph API", not writes),
        ("every audited change is a dry run", all(a["dry_run"] for a in audit)),
        ("events recorded as dry runs only", all(e["status"] == "dry_run" for e in outbox)),
        ("no event reached n8n", not any(t.startswith(("ML Core recommendation", "Alert in ML Core")) for t in texts)),
    ]
failed = 0
for name, ok in checks:
    print(("ok   " if ok else "FAIL ") + name)
    failed += not ok
print(f"{len(checks) - failed} passed, {failed} failed")
sys.exit(1 if failed else 0)
