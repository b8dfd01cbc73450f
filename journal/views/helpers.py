"""Small pieces every view uses."""


def posted_data(request):
    """The POST data to bind a form to, or None on GET.

    ``request.POST or None`` would treat an empty POST as a GET and silently show a
    blank form; a POST always binds, so an empty one gets its "required" messages.
    """
    return request.POST if request.method == "POST" else None


def posted_files(request):
    return request.FILES if request.method == "POST" else None
