"""Spend alerts sent to a webhook in Alertmanager's webhook format, so any receiver that takes
Alertmanager's notifications (a chat bridge, an incident tool) takes these too."""
import datetime
from typing import Dict, Optional

import httpx


class WebhookAlerts:
    def __init__(self, url: Optional[str] = None):
        self.url = url
        self.sent = 0
        self.last_error: Optional[str] = None

    def send(self, alertname: str, labels: Dict[str, str], summary: str) -> bool:
        """POST one firing alert; never raises: a broken receiver must not fail the user's request."""
        if not self.url:
            return False
        body = {"version": "4", "status": "firing", "receiver": "llm-cost-controls",
                "alerts": [{"status": "firing", "labels": {"alertname": alertname, **labels},
                            "annotations": {"summary": summary},
                            "startsAt": datetime.datetime.now(datetime.timezone.utc).isoformat()}]}
        try:
            httpx.post(self.url, json=body, timeout=2).raise_for_status()
        except httpx.HTTPError as error:
            self.last_error = str(error)
            return False
        self.sent += 1
        return True
