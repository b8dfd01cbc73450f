"""The project's URLs plus the benchmark's ceiling: the cheapest signed-in page."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import path

from config.urls import urlpatterns as project_urlpatterns


@login_required
def ceiling(request):
    """A one-line template through the same middleware: what any page costs at least."""
    return render(request, "benchmarks/ceiling.html")


urlpatterns = [path("bench/ceiling/", ceiling), *project_urlpatterns]
