"""Checking uploaded documents before they are stored (board and regional attachments).

A file is accepted only if its name has an allowed extension AND its first bytes look
like that type, so a renamed executable is refused; and it is not larger than 20 MB.
"""

from __future__ import annotations

import os
import posixpath

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024
_ZIP = (b"PK\x03\x04",)
# Allowed file types: extension -> how the file's first bytes look.
ATTACHMENT_SIGNATURES: dict[str, tuple[bytes, ...]] = {
    "pdf": (b"%PDF-",),
    "docx": _ZIP,
    "xlsx": _ZIP,
    "odt": _ZIP,
    "ods": _ZIP,
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
}
ATTACHMENT_TYPES_LABEL = "PDF, DOCX, XLSX, ODT, ODS, PNG, JPG"


def _refuse_unless(
    file: UploadedFile,
    *,
    field: str,
    max_bytes: int,
    too_large: str,
    signatures: dict[str, tuple[bytes, ...]],
    wrong_type: str,
) -> None:
    """Refuse ``file`` (a message at ``field``) if it is larger than ``max_bytes`` or its
    extension is not one of ``signatures`` or its first bytes are not one of that type's."""
    if file.size is not None and file.size > max_bytes:
        raise ValidationError({field: too_large})
    extension = os.path.splitext(file.name or "")[1].lower().lstrip(".")
    if extension not in signatures:
        raise ValidationError({field: wrong_type})
    file.seek(0)
    head = file.read(16)
    file.seek(0)
    if not any(head.startswith(signature) for signature in signatures[extension]):
        raise ValidationError({field: wrong_type})


def attachment_check(file: UploadedFile) -> None:
    """Refuse files that are too large or not of an allowed type (by name and content)."""
    _refuse_unless(
        file,
        field="file",
        max_bytes=ATTACHMENT_MAX_BYTES,
        too_large=_("The file is larger than 20 MB. Please upload a smaller file."),
        signatures=ATTACHMENT_SIGNATURES,
        wrong_type=_("Only these file types can be uploaded: %(types)s.")
        % {"types": ATTACHMENT_TYPES_LABEL},
    )


def pdf_check(file: UploadedFile, *, field: str = "document") -> None:
    """Refuse anything but a PDF (by name and content) of at most 20 MB, for ``field``."""
    _refuse_unless(
        file,
        field=field,
        max_bytes=ATTACHMENT_MAX_BYTES,
        too_large=_("The file is larger than 20 MB. Please upload a smaller file."),
        signatures={"pdf": ATTACHMENT_SIGNATURES["pdf"]},
        wrong_type=_("Only PDF files can be uploaded here."),
    )


# ---------------------------------------------------------------- serving stored files

# Longer than any stored name (a FileField holds at most 255 characters): refused unread.
STORED_NAME_MAX_LENGTH = 1024


def stored_file_response(storage, name: str):
    """The stored file ``name`` as a download, or Http404.

    The one way the platform serves an upload (board and regional attachments, /media/).
    Only a regular file inside the storage is served: an empty or over-long name, a NUL
    character, a path that climbs out of the storage (SuspiciousFileOperation) or a
    folder (``/media/board/``, which open() would fail on with IsADirectoryError) is
    "not found", never an error page; so is a name that is not in normal form.
    """
    from django.core.exceptions import SuspiciousFileOperation
    from django.http import FileResponse, Http404

    if not name or "\x00" in name or len(name) > STORED_NAME_MAX_LENGTH:
        raise Http404
    # Stored names are normalised; one with "..", "//", "./" or a trailing slash was
    # typed by hand, even where it would land inside the storage.
    if posixpath.normpath(name) != name or name.startswith("/"):
        raise Http404
    try:
        if not os.path.isfile(storage.path(name)):
            raise Http404
        handle = storage.open(name, "rb")
    except (SuspiciousFileOperation, ValueError, OSError) as exc:
        raise Http404 from exc
    return FileResponse(handle, as_attachment=True, filename=name.rsplit("/", 1)[-1])


# ---------------------------------------------------------------- images shown publicly

# An alliance's logo: only raster images (SVG can carry scripts), small enough for a page.
IMAGE_MAX_BYTES = 1024 * 1024
IMAGE_MAX_PIXELS = 4000
IMAGE_SIGNATURES = {key: ATTACHMENT_SIGNATURES[key] for key in ("png", "jpg", "jpeg")}


def image_check(file: UploadedFile, *, field: str = "logo") -> None:
    """Refuse anything but a PNG or JPEG image (name, first bytes and a readable
    picture) of at most 1 MB and 4000 pixels a side."""
    refusal = _("Only PNG and JPEG images can be uploaded.")
    _refuse_unless(
        file,
        field=field,
        max_bytes=IMAGE_MAX_BYTES,
        too_large=_("The image is larger than 1 MB. Please upload a smaller one."),
        signatures=IMAGE_SIGNATURES,
        wrong_type=refusal,
    )
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(file) as image:
            image.verify()
            width, height = image.size
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError({field: refusal}) from error
    finally:
        file.seek(0)
    if max(width, height) > IMAGE_MAX_PIXELS:
        raise ValidationError(
            {field: _("The image is too large: at most 4000 pixels wide and high, please.")}
        )


def image_change(image: UploadedFile | None, *, remove: bool, field: str = "logo") -> dict:
    """What a record's image ``field`` becomes: ``{field: image}`` for a new image
    (checked with ``image_check``), ``{field: ""}`` when ``remove``d, else nothing."""
    if image is not None:
        image_check(image, field=field)
        return {field: image}
    return {field: ""} if remove else {}


def image_response(file):
    """A stored logo (a record's file field, checked at upload) shown inline, cached for
    an hour (each upload gets a new name); Http404 unless it is a PNG or JPEG on disk."""
    import mimetypes

    from django.http import FileResponse, Http404

    name = file.name if file else ""
    if not name or not file.storage.exists(name):
        raise Http404
    content_type = mimetypes.guess_type(name)[0]
    if content_type not in ("image/png", "image/jpeg"):
        raise Http404
    response = FileResponse(file.storage.open(name, "rb"), content_type=content_type)
    response["Cache-Control"] = "public, max-age=3600"
    return response


def image_bytes(file) -> bytes | None:
    """The bytes of a stored logo (a record's file field) for a letterhead; None if there
    is none or it is lost from the storage (the letterhead goes on without it)."""
    if not file:
        return None
    try:
        with file.open("rb") as stored:
            return stored.read()
    except OSError as error:
        import logging

        logging.getLogger(__name__).warning("logo not readable: %s", error)
        return None


# ---------------------------------------------------------------- files a record let go of


def _stored_files(instance) -> dict[str, tuple[object, str]]:
    """Field name -> (storage, stored name) of each file field of ``instance`` that holds one."""
    from django.db.models import FileField

    return {
        field.name: (
            getattr(instance, field.attname).storage,
            getattr(instance, field.attname).name,
        )
        for field in instance._meta.concrete_fields
        if isinstance(field, FileField) and getattr(instance, field.attname)
    }


def discard_released_files(before, after=None) -> None:
    """Once the transaction commits, remove the stored files ``before`` (a record as it
    was) held and ``after`` (the same record saved, or None: deleted) no longer holds.

    A replaced or cleared document, logo or attachment would otherwise stay on disk for
    ever, out of reach of the GDPR erasure. The files are removed in the schema the
    record was written in (each alliance's uploads lie in a folder of its own), and
    only after the commit, so a rolled-back change keeps its file.
    """
    from django.db import connection, transaction
    from django_tenants.utils import schema_context

    kept = {name for _storage, name in _stored_files(after).values()} if after else set()
    released = [(s, name) for s, name in _stored_files(before).values() if name not in kept]
    if not released:
        return
    schema = connection.schema_name

    def remove() -> None:
        with schema_context(schema):
            for storage, name in released:
                storage.delete(name)

    transaction.on_commit(remove)
