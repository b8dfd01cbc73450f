"""/journal/skills/: the built-in named skills and the person's own (add, rename,
hide, show, remove)."""

import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from accounts.freshness import person_key
from core.http import posted_data
from journal.models import NamedSkill
from journal.skills import services
from journal.skills.catalogue import catalogue_for
from journal.skills.forms import NamedSkillForm, RenameForm

logger = logging.getLogger(__name__)


def get_named_skill_for_user(user, pk) -> NamedSkill:
    """The user's own named skill, or 404: someone else's looks like a missing one."""
    return get_object_or_404(NamedSkill.objects.for_user(user), pk=pk)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def skill_list(request):
    catalogue = catalogue_for(request.user, person_key(request))
    form = NamedSkillForm(posted_data(request), catalogue=catalogue)
    if request.method == "POST" and form.is_valid():
        try:
            skill = services.add(request.user, form)
        except services.TooMany:
            form.add_error("name", services.TOO_MANY_MESSAGE)
        else:
            logger.info("Named skill %s added by user %s", skill.pk, request.user.pk)
            messages.success(
                request,
                _("Added. It is offered when you log %(skill)s.")
                % {"skill": skill.get_family_display()},
            )
            return redirect("journal:skills")
    return _render(request, catalogue, form=form)


def _render(request, catalogue, *, form=None, rename=None):
    if form is None:
        form = NamedSkillForm(catalogue=catalogue)
    context = {
        "form": form,
        "families": catalogue.families_for_page(),
        "rename": rename,
    }
    return render(request, "journal/skills/list.html", context)


@login_required
@require_POST
def skill_rename(request, pk):
    skill = get_named_skill_for_user(request.user, pk)
    catalogue = catalogue_for(request.user, person_key(request))
    form = RenameForm(request.POST, instance=skill, catalogue=catalogue)
    if not form.is_valid():
        # The list again, this skill's rename form open with what was typed.
        return _render(request, catalogue, rename=form)
    services.rename(form)
    messages.success(request, _("Renamed. Entries that name it show the new name."))
    return redirect("journal:skills")


@login_required
@require_POST
def skill_hide(request, pk):
    services.set_hidden(get_named_skill_for_user(request.user, pk), True)
    messages.success(
        request,
        _(
            "Hidden: it is no longer offered when you log. Entries that name it "
            "keep it."
        ),
    )
    return redirect("journal:skills")


@login_required
@require_POST
def skill_show(request, pk):
    services.set_hidden(get_named_skill_for_user(request.user, pk), False)
    messages.success(request, _("It is offered again when you log."))
    return redirect("journal:skills")


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def skill_delete(request, pk):
    skill = get_named_skill_for_user(request.user, pk)
    if request.method == "POST":
        count = services.remove(skill)
        logger.info("Named skill %s removed by user %s", pk, request.user.pk)
        messages.success(
            request,
            ngettext(
                "Removed. The entry that named it keeps its skill.",
                "Removed. The %(count)d entries that named it keep their skill.",
                count,
            )
            % {"count": count}
            if count
            else _("Removed."),
        )
        return redirect("journal:skills")
    context = {"skill": skill, "uses": skill.entries.count()}
    return render(request, "journal/skills/confirm_delete.html", context)
