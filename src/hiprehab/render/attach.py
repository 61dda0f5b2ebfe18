"""Files embedded in the PDF (PDF 1.7 section 7.11.4): the plan carries its own JSON.

``hiprehab review`` reads the plan back from the printed PDF, so the PDF is all
a runner has to keep. ReportLab has no call for embedded files, so the file
specification and the catalogue's ``/Names /EmbeddedFiles`` tree are built from
its low-level PDF objects. No dates go in, so the same plan gives the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFStream, PDFString, PDFZCompress

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas


@dataclass(frozen=True)
class Attachment:
    """A file to embed: its name, bytes, media type and a one-line description."""

    name: str
    data: bytes
    media_type: str
    description: str


def _name(text: str) -> str:
    """A PDF name; ReportLab's leaves "/" as it is, which would end the name (PDF 1.7 7.3.5)."""
    name: str = PDFName(text)
    return "/" + name[1:].replace("/", "#2F")


def embed_files(canvas: Canvas, attachments: tuple[Attachment, ...]) -> None:
    """Add ``attachments`` to the document of ``canvas``; call it before ``canvas.save()``."""
    # ReportLab exposes no public handle on its PDF objects (nor do its type stubs).
    doc = canvas._doc  # type: ignore[attr-defined]  # noqa: SLF001
    names: list[object] = []
    for attachment in sorted(attachments, key=lambda a: a.name):
        stream = PDFStream(
            PDFDictionary(
                {
                    "Type": PDFName("EmbeddedFile"),
                    "Subtype": _name(attachment.media_type),
                    "Params": PDFDictionary({"Size": len(attachment.data)}),
                }
            ),
            attachment.data,
            filters=[PDFZCompress],
        )
        spec = PDFDictionary(
            {
                "Type": PDFName("Filespec"),
                "F": PDFString(attachment.name),
                "UF": PDFString(attachment.name),
                "Desc": PDFString(attachment.description),
                "AFRelationship": PDFName("Data"),
                "EF": PDFDictionary({"F": doc.Reference(stream)}),
            }
        )
        names += [PDFString(attachment.name), doc.Reference(spec)]
    doc.Catalog.Names = PDFDictionary({"EmbeddedFiles": PDFDictionary({"Names": PDFArray(names)})})
