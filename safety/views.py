"""The help page: what to do now, for visitors and signed-in people alike."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from core import pwa


@require_safe
@pwa.kept_offline
def help_page(request):
    return render(request, "safety/help.html")
