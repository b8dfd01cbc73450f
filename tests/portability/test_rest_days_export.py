"""Rest days go out in the export (version 2 on) and come back on import."""

import datetime
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from journal.models import RestDay

D = datetime.date


@pytest.mark.django_db
def test_rest_days_go_out_and_come_back(owner_client, owner):
    RestDay.objects.create(owner=owner, day=D(2026, 11, 18), reason="Rest")
    exported = json.loads(
        b"".join([owner_client.get("/accounts/export/json/").content])
    )
    RestDay.objects.all().delete()

    owner_client.post(
        "/accounts/import/",
        {"file": SimpleUploadedFile("e.json", json.dumps(exported).encode())},
    )

    assert exported["version"] >= 2  # rest days arrived in version 2
    assert exported["rest_days"] == [{"day": "2026-11-18", "reason": "Rest"}]
    assert [(r.day, r.reason) for r in RestDay.objects.all()] == [
        (D(2026, 11, 18), "Rest")
    ]


@pytest.mark.django_db
def test_a_version_1_export_still_imports(owner_client, owner):
    document = {
        "format": "between-sessions-export",
        "version": 1,
        "entries": [],
        "reflections": [],
    }

    response = owner_client.post(
        "/accounts/import/",
        {"file": SimpleUploadedFile("e.json", json.dumps(document).encode())},
    )

    assert response.status_code == 302
