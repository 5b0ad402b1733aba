"""What the site publishes of each image file: upright, at most `MAX_WIDTH` wide, without metadata.

A phone photo is stored sideways with an EXIF orientation, weighs megabytes, and its EXIF says where it
was taken (GPS) and with which device. Every image the build publishes is read here with Pillow: one
that carries nothing but its pixels (and a colour profile) and is narrow enough goes out as it is, at
no cost; any other is re-encoded once, the orientation applied, shrunk to `MAX_WIDTH`, every metadata
block dropped but the ICC profile (colours, nothing about a person or a place; without it a
wide-gamut phone photo shows dull). The re-encoding is deterministic: the same file and the same Pillow
give the same bytes. A file too big to be a photo worth publishing is refused, saying how to shrink it.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from PIL import ExifTags, Image, ImageOps, features

MAX_WIDTH = 1600
"""Published images are at most this many pixels wide: the article column at twice a screen's density."""
MAX_BYTES = 20 * 1024 * 1024
MAX_PIXELS = 40_000_000
"""Larger files are refused rather than shrunk: a 48-megapixel phone photo saved at its best quality is
about 20 MB; past that the file is not a photo meant for the web, and decoding it costs the build."""

IMAGE_TYPES = {
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "gif": "image/gif",
    "webp": "image/webp",
    "avif": "image/avif",
}
"""File extension → media type: the image files docs/ may hold."""
_FORMATS = {"PNG": "image/png", "JPEG": "image/jpeg", "MPO": "image/jpeg", "GIF": "image/gif", "WEBP": "image/webp", "AVIF": "image/avif"}
"""Pillow's format → media type; MPO is a JPEG with more pictures after it (some phones write it)."""
_OPENED = ("PNG", "JPEG", "GIF", "WEBP", "AVIF")
"""The formats Pillow may read the files as (its JPEG reader opens an MPO file too)."""
_NAMES = {"image/png": "PNG", "image/jpeg": "JPEG", "image/gif": "GIF", "image/webp": "WebP", "image/avif": "AVIF"}

_SAVE = {
    "image/jpeg": ("JPEG", {"quality": 85, "optimize": True, "progressive": True}),
    "image/png": ("PNG", {}),
    "image/gif": ("GIF", {}),
    "image/webp": ("WEBP", {"quality": 85}),
    # One thread: libavif's threads give different bytes from one run to the next.
    "image/avif": ("AVIF", {"quality": 75, "speed": 8, "max_threads": 1}),
}
"""How each type is written again: the same settings every build."""

_PLAIN_INFO = frozenset(
    {
        "icc_profile",
        "dpi",
        "jfif",
        "jfif_version",
        "jfif_unit",
        "jfif_density",
        "adobe",
        "adobe_transform",
        "progressive",
        "progression",
        "gamma",
        "srgb",
        "chromaticity",
        "aspect",
        "transparency",
        "background",
        "version",
        "duration",
        "loop",
        "timestamp",
    }
)
"""What Pillow reports of a file that is not metadata; anything else (exif, xmp, comment, a PNG's text,
Photoshop's IPTC, MPO's pictures) has the file re-encoded."""
_PLAIN_SEGMENTS = {"APP0": b"JFIF\0", "APP2": b"ICC_PROFILE\0", "APP14": b"Adobe"}
"""The JPEG application segments that are not metadata (Pillow lists every segment in ``applist``)."""
_KEPT_INFO = ("icc_profile", "transparency")
"""What a re-encoded file keeps of the original's information."""
_TURNED = {5, 6, 7, 8}
"""EXIF orientations that turn the picture a quarter: its displayed width is its stored height."""

WIDTH_TEXT = f"{MAX_WIDTH:,}".replace(",", ".")
"""`MAX_WIDTH` as Vietnamese writes numbers (1.600)."""
HOW_TO_SHRINK = (
    f"hãy thu nhỏ ảnh còn rộng {WIDTH_TEXT} điểm ảnh (đủ cho trang web) rồi lưu lại, ví dụ bằng Paint (Resize)"
    " trên Windows, Xem trước (Preview) trên macOS hoặc mục chỉnh sửa ảnh của điện thoại, và đăng tệp mới"
)


@dataclass(frozen=True)
class PublishedImage:
    """An image file as published: its displayed size, media type, byte length and, when it had to be
    re-encoded, its new bytes (None: the file goes out as it is)."""

    width: int
    height: int
    mime: str
    length: int
    data: bytes | None = field(default=None, repr=False)


class ImageRefused(Exception):
    """The file cannot be published; the message (Vietnamese, for editors) says why and what to do."""


def published_image(path: Path) -> PublishedImage:
    """The file at ``path`` (with an extension of `IMAGE_TYPES`) as the site publishes it, or
    `ImageRefused`."""
    mime = IMAGE_TYPES[path.suffix.lower().lstrip(".")]
    if mime == "image/avif" and not features.check("avif"):
        raise ImageRefused("bản Pillow của máy dựng trang không đọc được ảnh AVIF; hãy lưu ảnh ở dạng JPEG, PNG hoặc WebP")
    length = path.stat().st_size
    if length > MAX_BYTES:
        raise ImageRefused(f"ảnh nặng {_megabytes(length)} MB, quá giới hạn {MAX_BYTES // 1024 // 1024} MB; {HOW_TO_SHRINK}")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)  # past Pillow's own limit: refused, not warned
            with Image.open(path, formats=_OPENED) as image:
                return _published(image, path, mime, length)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageRefused(f"ảnh có quá nhiều điểm ảnh (tối đa {MAX_PIXELS // 1_000_000} triệu); {HOW_TO_SHRINK}") from None
    except (OSError, ValueError, SyntaxError, EOFError):  # what Pillow raises on a file that is not a whole image
        raise ImageRefused(
            f"tệp không đọc được như một ảnh {_NAMES[mime]} (tệp hỏng hoặc không phải ảnh); hãy lưu lại ảnh rồi đăng lại"
        ) from None


def _published(image: Image.Image, path: Path, mime: str, length: int) -> PublishedImage:
    found = _FORMATS[image.format]
    if found != mime:
        raise ImageRefused(f"tệp là ảnh {_NAMES[found]} nhưng có đuôi '{path.suffix}'; hãy đặt lại đuôi tệp cho đúng")
    width, height = image.size
    if width * height > MAX_PIXELS:
        raise ImageRefused(
            f"ảnh rộng {width} × cao {height} điểm ảnh, quá giới hạn {MAX_PIXELS // 1_000_000} triệu điểm ảnh; {HOW_TO_SHRINK}"
        )
    if width <= MAX_WIDTH and not carries_metadata(image):
        return PublishedImage(width, height, mime, length)  # no orientation, nothing to strip: as it is
    if getattr(image, "n_frames", 1) > 1:
        raise ImageRefused(
            f"ảnh động (nhiều khung hình) chỉ được đăng khi rộng tối đa {WIDTH_TEXT} điểm ảnh và không kèm thông tin "
            "EXIF, XMP hay ghi chú; hãy thu nhỏ và xuất lại ảnh, hoặc dùng một ảnh tĩnh"
        )
    upright = upright_image(image)
    data = encode_image(upright, mime)
    return PublishedImage(upright.width, upright.height, mime, len(data), data)


def carries_metadata(image: Image.Image) -> bool:
    """Whether the opened file holds anything besides its pixels and colour profile. (A PNG's chunks
    after its image data are read only by decoding it: not looked at, the cost of every build.)"""
    if set(image.info) - _PLAIN_INFO:
        return True
    segments = getattr(image, "applist", [])
    return any(marker not in _PLAIN_SEGMENTS or not data.startswith(_PLAIN_SEGMENTS[marker]) for marker, data in segments)


def upright_image(image: Image.Image) -> Image.Image:
    """The picture as it is meant to be seen (its EXIF orientation applied), at most `MAX_WIDTH` wide,
    with only the information `_KEPT_INFO` names."""
    orientation = image.getexif().get(ExifTags.Base.Orientation, 1)
    shown_width = image.height if orientation in _TURNED else image.width
    if shown_width > MAX_WIDTH:
        if image.mode in ("1", "P"):  # Pillow resizes these pixel by pixel; in colour they shrink smoothly
            image = image.convert("RGBA" if image.has_transparency_data else "RGB")
        scale = MAX_WIDTH / shown_width
        image.thumbnail((round(image.width * scale), round(image.height * scale)), Image.Resampling.LANCZOS)
    upright = ImageOps.exif_transpose(image)
    upright.info = {key: image.info[key] for key in _KEPT_INFO if key in image.info}
    return upright


def encode_image(image: Image.Image, mime: str) -> bytes:
    """The image written as ``mime`` with fixed settings and no metadata but its ICC profile."""
    format_name, settings = _SAVE[mime]
    out = io.BytesIO()
    image.save(out, format_name, **settings)
    return out.getvalue()


def _megabytes(length: int) -> str:
    return f"{length / 1024 / 1024:.1f}".replace(".", ",")
