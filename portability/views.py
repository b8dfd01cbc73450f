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
from portability.document import ImportRefused, read_document
from portability.exporting import csv_rows, document_for
from portability.forms import ImportForm
from portability.importing import import_document

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
    writer = csv.writer(_Echo())

    def lines():
        rows = csv_rows(request.user)
        # The byte-order mark lets spreadsheet programs read accents correctly.
        yield "\ufeff" + writer.writerow(next(rows))
        for row in rows:
            yield writer.writerow(row)

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_download_name("csv")}"'
    logger.info("CSV export for user %s", request.user.pk)
    return response


@login_required
@require_safe
@sudo_required(is_download=True)
def export_json(request):
    document = document_for(request.user, timezone.now())
    response = HttpResponse(
        json.dumps(document, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{_download_name("json")}"'
    logger.info("JSON export for user %s", request.user.pk)
    return response


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def your_data(request):
    """The "Your data" page: downloads, the import form, and the way to erasure."""
    files = posted_files(request)  # reading them runs the size-limited upload
    form = ImportForm(posted_data(request), files, too_large=upload_too_large(request))
    if request.method == "POST" and form.is_valid():
        try:
            result = import_document(
                request.user,
                read_document(form.cleaned_data["file"].read()),
                profile_for(request.user).today(),
                timezone.now(),
            )
        except ImportRefused as refusal:
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
            if result.safety_plan_added is not None:
                messages.info(
                    request,
                    _("The safety plan in the file was added.")
                    if result.safety_plan_added
                    else _(
                        "You already have a safety plan, so yours was kept and the "
                        "one in the file was not imported."
                    ),
                )
            return redirect("portability:your-data")
    return render(request, "portability/your_data.html", {"form": form})
