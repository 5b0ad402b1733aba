"""Width, height and media type of an image file, read from its header (PNG, JPEG, GIF, WebP).

The column states each image's size in the front matter and in the feeds (Media RSS
width/height); the loader checks the stated size against the file with this.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path


IMAGE_TYPES = {"png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif", "webp": "image/webp"}
"""File extension → media type, for the formats read here."""


@dataclass(frozen=True)
class ImageInfo:
    width: int
    height: int
    mime: str


def read_image_info(path: Path) -> ImageInfo | None:
    """The image's size and type, or None when the file is not an image this module knows."""
    with open(path, "rb") as f:
        head = f.read(64)
        if head.startswith(b"\x89PNG\r\n\x1a\n") and head[12:16] == b"IHDR":
            width, height = struct.unpack(">II", head[16:24])
            return ImageInfo(width, height, "image/png")
        if head[:6] in (b"GIF87a", b"GIF89a"):
            width, height = struct.unpack("<HH", head[6:10])
            return ImageInfo(width, height, "image/gif")
        if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
            return _webp(head)
        if head[:2] == b"\xff\xd8":
            f.seek(2)
            return _jpeg(f)
    return None


def _webp(head: bytes) -> ImageInfo | None:
    chunk = head[12:16]
    if chunk == b"VP8 ":
        width, height = struct.unpack("<HH", head[26:30])
        return ImageInfo(width & 0x3FFF, height & 0x3FFF, "image/webp")
    if chunk == b"VP8L":
        bits = int.from_bytes(head[21:25], "little")
        return ImageInfo((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1, "image/webp")
    if chunk == b"VP8X":
        return ImageInfo(int.from_bytes(head[24:27], "little") + 1, int.from_bytes(head[27:30], "little") + 1, "image/webp")
    return None


# Start-of-frame markers carry the size (ITU T.81, table B.1); DHT, JPG and DAC share the range.
_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def _jpeg(f) -> ImageInfo | None:
    while True:
        byte = f.read(1)
        while byte == b"\xff":
            byte = f.read(1)
        if not byte:
            return None
        marker = byte[0]
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            continue
        length_bytes = f.read(2)
        if len(length_bytes) < 2:
            return None
        length = struct.unpack(">H", length_bytes)[0]
        if marker in _SOF:
            data = f.read(5)
            if len(data) < 5:
                return None
            height, width = struct.unpack(">HH", data[1:5])
            return ImageInfo(width, height, "image/jpeg")
        f.seek(length - 2, 1)
