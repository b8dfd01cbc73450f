"""Your data: export it, import it, or erase your account."""

import csv
import json
import logging

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from journal import portability
from journal.erasure import erase_account
from journal.forms_accounts import DeleteAccountForm, ImportForm
from journal.models import Entry, WeeklyReflection, profile_for
from journal.views.helpers import posted_data, posted_files, user_today

logger = logging.getLogger(__name__)


def _download_name(extension: str) -> str:
    return f"between-sessions-{timezone.now().date().isoformat()}.{extension}"


class _Echo:
    """A file-like object whose write() hands the line straight back, for streaming."""

    def write(self, value):
        return value


@login_required
@require_safe
def export_csv(request):
    entries = Entry.objects.for_user(request.user).order_by(
        "practiced_on", "created_at"
    )
    writer = csv.writer(_Echo())

    def rows():
        # The byte-order mark lets spreadsheet programs read accents correctly.
        yield "\ufeff" + writer.writerow(portability.ENTRY_COLUMNS)
        for entry in entries.iterator():
            yield writer.writerow(portability.csv_row(entry))

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_download_name("csv")}"'
    logger.info("CSV export for user %s", request.user.pk)
    return response


@login_required
@require_safe
def export_json(request):
    user = request.user
    document = portability.export_document(
        profile_for(user),
        Entry.objects.for_user(user).order_by("practiced_on", "created_at"),
        WeeklyReflection.objects.for_user(user).order_by("week_of"),
        timezone.now(),
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
def import_data(request):
    form = ImportForm(posted_data(request), posted_files(request))
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            if upload.size > portability.MAX_IMPORT_BYTES:
                raise portability.ImportRefused(
                    _("This file is larger than 5 MB, so it was not imported.")
                )
            document = portability.read_document(upload.read())
            result = portability.import_document(
                request.user, document, user_today(request.user), timezone.now()
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
            return redirect("accounts-import")
    return render(request, "registration/data.html", {"form": form})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def delete_account(request):
    form = DeleteAccountForm(posted_data(request), user=request.user)
    if request.method == "POST" and form.is_valid():
        user_id = request.user.pk
        erase_account(request.user)
        logout(request)
        logger.info("Account %s erased", user_id)
        messages.success(
            request, _("Your account and everything in it have been erased. Take care.")
        )
        return redirect("home")
    context = {"form": form, "export_url": reverse("accounts-import")}
    return render(request, "registration/delete_account.html", context)
