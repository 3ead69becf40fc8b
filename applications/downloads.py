from django.http import FileResponse

from portal.uploads import BY_CONTENT_TYPE, PDF, safe_filename

from .models import Attachment
from .services import attachment_downloaded


def attachment_response(attachment: Attachment, *, by) -> FileResponse:
    # Any stored file with `file`, `original_name` and `content_type` (applications' attachments,
    # change projects' documents) is sent the same way.
    """Send a private attachment as a download, never shown inline nor cached, and record who took it.

    The name's extension comes from the type detected at upload (older rows included), never
    from what the uploader called the file. Callers check permissions first.
    """
    filetype = BY_CONTENT_TYPE.get(attachment.content_type, PDF)
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=safe_filename(attachment.original_name, filetype),
        content_type=filetype.content_type,
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    attachment_downloaded(attachment=attachment, by=by)
    return response
