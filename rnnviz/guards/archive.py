"""The entries of an uploaded zip archive, read with a cap on what each one unpacks to.

A zip header states each entry's size, but a crafted header can lie, and a few hundred
kilobytes of deflated zeros unpack to gigabytes. So only the expected entry names are
accepted, only stored or deflated ones (bzip2 and lzma decompress a whole input block at
once, unbounded), and each is read in bounded chunks that stop one byte past its cap.
"""
from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Mapping

from rnnviz.guards.problems import InputProblem

CHUNK = 64 * 1024
METHODS = {zipfile.ZIP_STORED: "stored", zipfile.ZIP_DEFLATED: "deflated"}


def read_entries(data: bytes, limits: Mapping[str, int]) -> dict[str, bytes]:
    """Every entry of the archive `data`, which must hold exactly the names in `limits`, each
    unpacking to at most its limit in bytes. Refusals are InputProblems:
    `train.problem.upload_corrupt` (not a zip, damaged, encrypted), `upload.entries`,
    `upload.packing` and `upload.unpacks_too_big`."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise InputProblem("train.problem.upload_corrupt") from exc
    names = [info.filename for info in infos]
    if sorted(names) != sorted(limits):
        shown = ", ".join(names[:6]) + (" …" if len(names) > 6 else "")
        raise InputProblem("upload.entries", found=shown or "-", expected=", ".join(limits))
    entries: dict[str, bytes] = {}
    for info in infos:
        if info.compress_type not in METHODS or info.flag_bits & 0x1:
            raise InputProblem("upload.packing", name=info.filename)
        limit = limits[info.filename]
        if info.file_size > limit:
            raise InputProblem("upload.unpacks_too_big", name=info.filename, limit=limit // 1024)
        entries[info.filename] = _read_capped(archive, info, limit)
    return entries


def _read_capped(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    parts: list[bytes] = []
    size = 0
    try:
        with archive.open(info) as entry:
            while chunk := entry.read(CHUNK):
                size += len(chunk)
                if size > limit:
                    raise InputProblem("upload.unpacks_too_big", name=info.filename,
                                       limit=limit // 1024)
                parts.append(chunk)
    except InputProblem:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, ValueError, EOFError,
            OSError) as exc:  # a bad CRC, a broken deflate stream, a truncated archive
        raise InputProblem("train.problem.upload_corrupt") from exc
    return b"".join(parts)
