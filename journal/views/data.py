"""Your data: export everything, or import an export.

Erasing the account is the account's own (accounts/views.py).
"""

import csv
import json
import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from accounts.models import profile_for
from accounts.sudo import sudo_required
from core.http import posted_data, posted_files
from core.uploads import upload_too_large
from journal.forms import ImportForm
from journal.models import ActivityPlan, Entry, RestDay, WeeklyReflection
from journal.services import portability

logger = logging.getLogger(__name__)


def _download_name(extension: str) -> str:
    return f"between-sessions-{timezone.now().date().isoformat()}.{extension}"


class _Echo:
    """A file-like object whose write() hands the line straight back, for streaming."""

    def write(self, value):
        return value


@login_required
@require_safe
@sudo_required(is_download=True)
def export_csv(request):
    entries = Entry.objects.for_user(request.user).order_by(
        "practiced_on", "created_at"
    )
    writer = csv.writer(_Echo())

    def rows():
        # The byte-order mark lets spreadsheet programs read accents correctly.
        yield "\ufeff" + writer.writerow(portability.ENTRY_COLUMNS)
        starred_for = portability.starred_for_cells(request.user)
        for entry in entries.iterator():
            yield writer.writerow(portability.csv_row(entry, starred_for))

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_download_name("csv")}"'
    logger.info("CSV export for user %s", request.user.pk)
    return response


@login_required
@require_safe
@sudo_required(is_download=True)
def export_json(request):
    user = request.user
    document = portability.export_document(
        profile_for(user),
        Entry.objects.for_user(user).order_by("practiced_on", "created_at"),
        WeeklyReflection.objects.for_user(user).order_by("week_of"),
        timezone.now(),
        RestDay.objects.for_user(user).order_by("day"),
        ActivityPlan.objects.for_user(user).select_related("entry").order_by("pk"),
        portability.session_data(user),
    )
    response = HttpResponse(
        json.dumps(document, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{_download_name("json")}"'
    logger.info("JSON export for user %s", user.pk)
    return response


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def your_data(request):
    """The "Your data" page: downloads, the import form, and the way to erasure."""
    files = posted_files(request)  # reading them runs the size-limited upload
    form = ImportForm(posted_data(request), files, too_large=upload_too_large(request))
    if request.method == "POST" and form.is_valid():
        try:
            document = portability.read_document(form.cleaned_data["file"].read())
            result = portability.import_document(
                request.user,
                document,
                profile_for(request.user).today(),
                timezone.now(),
            )
        except portability.ImportRefused as refusal:
            form.add_error("file", str(refusal))
        else:
            logger.info(
                "Import for user %s: %s entries added, %s skipped",
                request.user.pk,
                result.entries_added,
                result.entries_skipped,
            )
            messages.success(
                request,
                _(
                    "Import finished: %(added)d entries added, %(skipped)d already "
                    "here; %(radded)d reflections added, %(rskipped)d already here."
                )
                % {
                    "added": result.entries_added,
                    "skipped": result.entries_skipped,
                    "radded": result.reflections_added,
                    "rskipped": result.reflections_skipped,
                },
            )
            return redirect("journal:your-data")
    return render(request, "journal/data.html", {"form": form})
