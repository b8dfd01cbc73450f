"""Uploads over the limit are refused while they arrive, never read in full.

Django would otherwise receive a whole file (to memory or a temporary file) before
any form could look at its size. This handler runs first: it refuses a body whose
Content-Length is too large before reading a byte of it, and stops reading a body
that turns out too large as it streams (a chunked upload has no Content-Length).
The view learns of it through ``request.upload_too_large``.
"""

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import QueryDict
from django.utils.datastructures import MultiValueDict

# Room for the other form fields and the multipart boundaries around the file.
MULTIPART_OVERHEAD = 64 * 1024


def upload_too_large(request) -> bool:
    return getattr(request, "upload_too_large", False)


class SizeLimitedUploadHandler(FileUploadHandler):
    def handle_raw_input(
        self, input_data, META, content_length, boundary, encoding=None
    ):
        self.received = 0
        if content_length > settings.MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD:
            # Answer "handled, nothing in it" before reading a byte of the body.
            self.request.upload_too_large = True
            return QueryDict(encoding=encoding), MultiValueDict()
        return None

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > settings.MAX_UPLOAD_BYTES:
            self.request.upload_too_large = True
            # connection_reset: stop here, without reading the rest of the body.
            raise StopUpload(connection_reset=True)
        return raw_data

    def file_complete(self, file_size):
        return None
