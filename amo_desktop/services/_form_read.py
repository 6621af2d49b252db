"""A PDF form from outside, read as a boundary: only its form fields, within limits, nothing in
the file executed; a file that is damaged, too large, flattened, scripted or odd is refused.

JavaScript is refused, not ignored: the form we make has none, so a script means the file is
not the form we sent (FormScriptError says so in one line).
"""

from __future__ import annotations

import io
import logging
import os
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, NameObject

from amo_desktop.errors import (
    FormDamagedError,
    FormFlattenedError,
    FormOddError,
    FormScriptError,
    FormTooLargeError,
    InputUnreadableError,
    KnownError,
)
from amo_desktop.storage.inputs import read_input

# pypdf logs what it stumbles over with a snippet of the file, which may hold a pupil's name: its
# records go nowhere (not to stderr, where the command line promises one clear line per file).
_PYPDF_LOG = logging.getLogger("pypdf")
_PYPDF_LOG.addHandler(logging.NullHandler())
_PYPDF_LOG.propagate = False

MAX_BYTES = 5 * 1024 * 1024
MAX_PAGES = 12
MAX_FIELDS = 150
MAX_KIDS = 4  # widgets of one field
MAX_TEXT = 8000
MAX_NAME = 64
TEXT, CHOICE, BUTTON = "/Tx", "/Ch", "/Btn"
_RADIO_OR_PUSH = (1 << 15) | (1 << 16)
_MULTI_SELECT = 1 << 21


@dataclass(frozen=True)
class FormValue:
    """One field as found: its type (/Tx, /Ch, /Btn) and its value (text, or on/off)."""

    kind: str
    value: str | bool


@dataclass(frozen=True)
class FormFile:
    fields: dict[str, FormValue]
    keywords: str


def read_form_file(path: Path | str) -> FormFile:
    """The form fields of the PDF at path, or the KnownError that says why not."""
    try:
        raw = read_input(path, limit=MAX_BYTES)
    except InputUnreadableError:
        if _size(path) > MAX_BYTES:
            raise FormTooLargeError(detail="meer dan 5 MB", detail_en="more than 5 MB") from None
        raise
    if b"%PDF-" not in raw[:1024]:
        raise FormDamagedError()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # pypdf's PdfReadWarning: the same snippets
            return _read(raw)
    except KnownError:
        raise
    except Exception as exc:  # pypdf on a hostile file can raise nearly anything
        raise FormDamagedError() from exc


def _size(path: Path | str) -> int:
    """The file's size, or 0 when it cannot be seen (gone, no rights): its own error stands."""
    try:
        return Path(os.fspath(path)).expanduser().stat().st_size
    except OSError:
        return 0


def _read(raw: bytes) -> FormFile:
    reader = PdfReader(io.BytesIO(raw), strict=False)
    if reader.is_encrypted and not reader.decrypt(""):
        raise FormDamagedError()
    root = reader.root_object
    count = _resolve(_resolve(root.get("/Pages")).get("/Count"))
    if not isinstance(count, int) or count < 1:
        raise FormDamagedError()
    if count > MAX_PAGES:
        raise FormTooLargeError(
            detail=f"meer dan {MAX_PAGES} pagina's", detail_en=f"more than {MAX_PAGES} pages"
        )
    _refuse_scripts(root, reader)
    acro = _resolve(root.get("/AcroForm"))
    fields = _resolve(acro.get("/Fields")) if isinstance(acro, DictionaryObject) else None
    if not isinstance(fields, ArrayObject) or not fields:
        raise FormFlattenedError()
    if "/XFA" in acro:
        raise FormOddError(detail="XFA-formulier", detail_en="an XFA form")
    if len(fields) > MAX_FIELDS:
        raise FormOddError(detail="te veel velden", detail_en="too many fields")
    values: dict[str, FormValue] = {}
    for ref in fields:
        name, value = _field(_resolve(ref))
        if name in values:
            raise FormOddError(detail=f"veld {name} twee keer", detail_en=f"field {name} twice")
        values[name] = value
    info = reader.metadata
    keywords = info.get("/Keywords", "") if info is not None else ""
    return FormFile(values, keywords if isinstance(keywords, str) else "")


def _resolve(obj: Any) -> Any:
    return obj.get_object() if obj is not None and hasattr(obj, "get_object") else obj


def _is_script(action: Any) -> bool:
    action = _resolve(action)
    if isinstance(action, ArrayObject):
        return False  # an OpenAction destination: a page to show, not an action
    return isinstance(action, DictionaryObject) and (
        "/JS" in action or action.get("/S") == "/JavaScript"
    )


def _refuse_scripts(root: DictionaryObject, reader: PdfReader) -> None:
    """JavaScript anywhere a viewer would run it: the document, its pages, their annotations."""
    names = _resolve(root.get("/Names"))
    scripted = (
        "/AA" in root
        or _is_script(root.get("/OpenAction"))
        or (isinstance(names, DictionaryObject) and "/JavaScript" in names)
    )
    for number, page in enumerate(reader.pages):
        if scripted or number >= MAX_PAGES:
            break
        annots = _resolve(page.get("/Annots"))
        widgets = [_resolve(a) for a in annots] if isinstance(annots, ArrayObject) else []
        scripted = "/AA" in page or any(
            isinstance(w, DictionaryObject) and ("/AA" in w or _is_script(w.get("/A")))
            for w in widgets
        )
    if scripted:
        raise FormScriptError()


def _field(field: Any) -> tuple[str, FormValue]:
    """One top-level field: a name, a known type, widgets only below it, a plain value."""
    if not isinstance(field, DictionaryObject):
        raise FormOddError(detail="geen veld", detail_en="not a field")
    name = _resolve(field.get("/T"))
    if not isinstance(name, str) or not name or len(name) > MAX_NAME:
        raise FormOddError(detail="een veld zonder naam", detail_en="a field without a name")
    _check_kids(name, _resolve(field.get("/Kids")))
    if "/AA" in field or _is_script(field.get("/A")):
        raise FormScriptError()
    kind = _resolve(field.get("/FT"))
    flags = _resolve(field.get("/Ff")) or 0
    value = _resolve(field.get("/V"))
    if not isinstance(flags, int):
        raise FormOddError(detail=f"veld {name}", detail_en=f"field {name}")
    if kind == BUTTON and not flags & _RADIO_OR_PUSH and (value is None or _is_name(value)):
        return name, FormValue(BUTTON, value not in (None, "/Off", "/"))
    if kind in (TEXT, CHOICE) and not (kind == CHOICE and flags & _MULTI_SELECT):
        text = "" if value is None else value
        if isinstance(text, str) and not isinstance(text, NameObject) and len(text) <= MAX_TEXT:
            return name, FormValue(str(kind), str(text))
    raise FormOddError(detail=f"veld {name}", detail_en=f"field {name}")


def _check_kids(name: str, kids: Any) -> None:
    """Below a field only its few widgets: a field inside a field is refused."""
    if kids is None:
        return
    if not isinstance(kids, ArrayObject) or len(kids) > MAX_KIDS:
        raise FormOddError(detail=f"veld {name}", detail_en=f"field {name}")
    if any(not isinstance(_resolve(k), DictionaryObject) or "/T" in _resolve(k) for k in kids):
        raise FormOddError(detail=f"velden in veld {name}", detail_en=f"fields in field {name}")


def _is_name(value: Any) -> bool:
    return isinstance(value, NameObject)
