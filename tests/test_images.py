"""Images go out upright, at most 1,600 px wide and without their metadata (GPS, device), re-encoded the
same way every build; the page and the feeds state the published file; absurd files are refused."""

from __future__ import annotations

import filecmp
import io
from pathlib import Path

import pytest
from lxml import etree, html
from PIL import ExifTags, Image, PngImagePlugin

from congbo import feeds, images
from congbo.errors import DataError
from congbo.images import ImageRefused, published_image
from congbo.load import load_site
from conftest import FIXTURE, TEST_TODAY, copy_project, mkdocs_build, replace, where

RED, BLUE = (220, 30, 30), (30, 30, 220)
ARTICLE = "docs/chuyen-muc/2024/ngay-dan-so-the-gioi.md"
ARTICLE_URL = "bai-viet/ngay-dan-so-the-gioi-11-7/"
PHOTO = "chuyen-muc/anh/dien-thoai.jpg"
IN_BODY = "chuyen-muc/anh/trong-bai.jpg"
SHARE = "chuyen-muc/anh/chia-se.png"
NS = {"media": feeds.MEDIA_NS, "atom": "http://www.w3.org/2005/Atom"}


def phone_exif(orientation: int = 6) -> Image.Exif:
    """What a phone writes: the orientation, the device, and where the photo was taken."""
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.Make] = "Samsung"
    exif[ExifTags.Base.Model] = "Galaxy A55"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef], gps[ExifTags.GPS.GPSLatitude] = "N", (21.0, 51.0, 12.0)
    gps[ExifTags.GPS.GPSLongitudeRef], gps[ExifTags.GPS.GPSLongitude] = "E", (106.0, 45.0, 30.0)
    return exif


def sideways(size=(4000, 3000)) -> Image.Image:
    """A picture stored as a phone stores a portrait photo: its left half (the top once turned by
    orientation 6) red, its right half blue."""
    picture = Image.new("RGB", size, BLUE)
    picture.paste(RED, (0, 0, size[0] // 2, size[1]))
    return picture


def write_photo(path: Path, **save) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    sideways().save(path, "JPEG", quality=92, exif=phone_exif(), **save)
    return path


def png_text(key: str, value: str) -> PngImagePlugin.PngInfo:
    """A PNG text chunk, as editing programs write."""
    info = PngImagePlugin.PngInfo()
    info.add_text(key, value)
    return info


def assert_no_metadata(data: bytes) -> None:
    with Image.open(io.BytesIO(data)) as image:
        exif = image.getexif()
        assert len(exif) == 0 and exif.get_ifd(ExifTags.IFD.GPSInfo) == {}
        assert not {"exif", "xmp", "comment", "Comment", "XML:com.adobe.xmp"} & set(image.info)
        assert all(marker in ("APP0", "APP2", "APP14") for marker, _ in getattr(image, "applist", []))


def colour(image: Image.Image, xy: tuple[int, int]) -> str:
    r, g, b = image.convert("RGB").getpixel(xy)[:3]
    return "red" if r > 150 > b else "blue" if b > 150 > r else f"({r}, {g}, {b})"


# --- the core: images.published_image ---------------------------------------------------


def test_a_phone_photo_is_published_upright_shrunk_and_without_its_exif(tmp_path):
    published = published_image(write_photo(tmp_path / "photo.jpg"))
    assert (published.width, published.height, published.mime, published.length) == (1600, 2133, "image/jpeg", len(published.data))
    assert_no_metadata(published.data)
    with Image.open(io.BytesIO(published.data)) as image:
        assert image.size == (1600, 2133)  # the portrait it was taken as, not the landscape it was stored as
        assert colour(image, (800, 400)) == "red" and colour(image, (800, 1700)) == "blue"


def test_the_same_file_is_re_encoded_to_the_same_bytes(tmp_path):
    photo = write_photo(tmp_path / "photo.jpg")
    assert published_image(photo).data == published_image(photo).data


def test_a_plain_image_within_the_width_is_published_as_it_is(tmp_path):
    """No orientation, nothing to strip, narrow enough: no work, the file goes out unchanged."""
    path = tmp_path / "plain.png"
    sideways((1600, 900)).save(path)
    assert published_image(path) == images.PublishedImage(1600, 900, "image/png", path.stat().st_size, None)
    assert published_image(FIXTURE / "docs" / SHARE).data is None


@pytest.mark.parametrize(
    ("name", "save"),
    [
        ("a.jpg", {"format": "JPEG", "comment": b"Samsung Galaxy A55", "xmp": b"<x:xmpmeta>GPS</x:xmpmeta>"}),
        ("a.png", {"format": "PNG", "exif": phone_exif(1), "pnginfo": png_text("Comment", "Samsung Galaxy A55")}),
        ("a.webp", {"format": "WEBP", "exif": phone_exif(1), "xmp": b"<x:xmpmeta>GPS</x:xmpmeta>"}),
        ("a.gif", {"format": "GIF", "comment": b"Samsung Galaxy A55"}),
        pytest.param(
            "a.avif",
            {"format": "AVIF", "exif": phone_exif(1)},
            marks=pytest.mark.skipif(not images.features.check("avif"), reason="this Pillow reads no AVIF"),
        ),
    ],
)
def test_metadata_is_stripped_in_every_format(tmp_path, name, save):
    path = tmp_path / name
    sideways((800, 600)).save(path, **save)
    published = published_image(path)
    assert published.data is not None and (published.width, published.height) == (800, 600)
    assert_no_metadata(published.data)


def test_files_too_big_or_not_images_are_refused_saying_what_to_do(tmp_path, monkeypatch):
    heavy = write_photo(tmp_path / "nang.jpg")
    with heavy.open("ab") as handle:  # a real photo, 21 MB on disk
        handle.write(bytes(21 * 1024 * 1024))
    with pytest.raises(ImageRefused, match=r"^ảnh nặng 21,\d MB, quá giới hạn 20 MB; hãy thu nhỏ ảnh còn rộng 1\.600 điểm ảnh"):
        published_image(heavy)
    huge = tmp_path / "lon.png"
    Image.new("1", (8000, 6000)).save(huge)
    with pytest.raises(ImageRefused, match=r"^ảnh rộng 8000 × cao 6000 điểm ảnh, quá giới hạn 40 triệu điểm ảnh; hãy thu nhỏ"):
        published_image(huge)
    named_wrong = tmp_path / "anh.png"
    write_photo(named_wrong)
    with pytest.raises(ImageRefused, match=r"^tệp là ảnh JPEG nhưng có đuôi '\.png'; hãy đặt lại đuôi tệp cho đúng$"):
        published_image(named_wrong)
    broken = tmp_path / "hong.jpg"
    broken.write_bytes(write_photo(tmp_path / "x.jpg").read_bytes()[:5000])
    with pytest.raises(ImageRefused, match=r"^tệp không đọc được như một ảnh JPEG"):
        published_image(broken)
    monkeypatch.setattr(images.features, "check", lambda feature: False)
    with pytest.raises(ImageRefused, match="không đọc được ảnh AVIF; hãy lưu ảnh ở dạng JPEG, PNG hoặc WebP"):
        published_image(tmp_path / "anh.avif")


# --- the loader: every image the build publishes, the stated size ------------------------


@pytest.fixture()
def project(tmp_path):
    return copy_project(tmp_path / "p")


def problems(project: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_site(project, today=TEST_TODAY, docs_dir=project / "docs")
    return [str(p) for p in caught.value.problems]


def use_photo(project: Path, width: int, height: int) -> str:
    write_photo(project / "docs" / PHOTO)
    replace(project, ARTICLE, "file: chuyen-muc/anh/11-7-ngay-dan-so-the-gioi.png", f"file: {PHOTO}")
    return replace(project, ARTICLE, "  width: 1200\n  height: 630\n", f"  width: {width}\n  height: {height}\n")


@pytest.mark.parametrize(("width", "height"), [(4000, 3000), (3000, 4000)])
def test_the_stated_size_is_the_published_one_and_the_message_gives_it(project, width, height):
    """The stored size and the upright original size are both wrong: the page shows 1600 × 2133."""
    text = use_photo(project, width, height)
    assert problems(project) == [
        f"{ARTICLE}:{where(text, 'width:')}: image.width: ảnh docs/{PHOTO} được đăng rộng 1600 × cao 2133 điểm ảnh "
        f"(đã xoay theo chiều chụp và thu nhỏ nếu rộng quá 1.600), nhưng ghi width: {width}, height: {height}; "
        "hãy ghi width: 1600, height: 2133"
    ]


def test_the_article_records_the_published_byte_length(project):
    use_photo(project, 1600, 2133)
    site = load_site(project, today=TEST_TODAY, docs_dir=project / "docs")
    record = next(a for a in site.articles if a.meta.image and a.meta.image.file == PHOTO)
    assert record.image_bytes == len(site.images[PHOTO]) < (project / "docs" / PHOTO).stat().st_size
    assert SHARE not in site.images, "a plain image is not re-encoded"


def test_every_published_image_is_checked_not_only_articles_images(project):
    heavy = project / "docs/chuyen-muc/anh/trong-bai.jpg"
    write_photo(heavy)
    with heavy.open("ab") as handle:
        handle.write(bytes(21 * 1024 * 1024))
    Image.new("1", (8000, 6000)).save(project / "docs/assets/lon.png")
    Image.new("RGB", (80, 60)).save(project / "docs/huong-dan/vi-du/docs/assets/khong-dang.png", "JPEG")  # not published
    found = problems(project)
    assert [p.split(": ", 1)[0] for p in found] == ["docs/assets/lon.png:1:1", "docs/chuyen-muc/anh/trong-bai.jpg:1:1"]
    assert all("hãy thu nhỏ ảnh còn rộng 1.600 điểm ảnh" in p for p in found)


# --- the build: the published files, the page, the feeds --------------------------------


@pytest.fixture(scope="module")
def photo_build(tmp_path_factory):
    """A project whose article has a phone photo and whose body shows another, built twice."""
    project = copy_project(tmp_path_factory.mktemp("photo") / "p")
    use_photo(project, 1600, 2133)
    write_photo(project / "docs" / IN_BODY, comment=b"Samsung Galaxy A55")
    replace(project, ARTICLE, "## Từ “Ngày Năm tỷ”\n", "![Ảnh chụp bằng điện thoại](../anh/trong-bai.jpg)\n\n## Từ “Ngày Năm tỷ”\n")
    built = []
    for name in ("site", "again"):
        result = mkdocs_build(project, project.parent / name)
        assert result.returncode == 0, result.stderr
        built.append(project.parent / name)
    return project, *built


def test_the_build_publishes_photos_upright_shrunk_and_stripped(photo_build):
    project, built, _ = photo_build
    for name in (PHOTO, IN_BODY):
        data = (built / name).read_bytes()
        assert data == published_image(project / "docs" / name).data
        assert_no_metadata(data)
        with Image.open(built / name) as image:
            assert image.size == (1600, 2133)
            assert colour(image, (800, 400)) == "red"
    assert (built / SHARE).read_bytes() == (project / "docs" / SHARE).read_bytes(), "a plain image goes out as it is"


def test_the_page_and_the_feeds_state_the_published_file(photo_build):
    _, built, _ = photo_build
    length = str((built / PHOTO).stat().st_size)
    page = html.fromstring((built / ARTICLE_URL / "index.html").read_bytes())
    img = page.xpath("//figure[contains(@class, 'cb-article__image')]//img")[0]
    assert (img.get("width"), img.get("height")) == ("1600", "2133")
    rss = etree.parse(str(built / "rss.xml"))
    item = next(i for i in rss.iter("item") if i.findtext("link").endswith(ARTICLE_URL))
    assert item.find("enclosure").get("length") == length
    media = item.find("media:content", NS)
    assert (media.get("width"), media.get("height"), media.get("fileSize")) == ("1600", "2133", length)
    atom = etree.parse(str(built / "atom.xml"))
    enclosures = [e for e in atom.iterfind(".//atom:link[@rel='enclosure']", NS) if e.get("href").endswith(PHOTO)]
    assert [e.get("length") for e in enclosures] == [length]


def test_two_builds_with_photos_are_byte_identical(photo_build):
    _, built, again = photo_build
    files = sorted(p.relative_to(built).as_posix() for p in built.rglob("*") if p.is_file())
    assert PHOTO in files and IN_BODY in files
    _, mismatch, errors = filecmp.cmpfiles(built, again, files, shallow=False)
    assert mismatch == [] and errors == []
