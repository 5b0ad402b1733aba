"""The data an editor writes, as frozen models.

One class per kind of record, a docstring under each field (shown to editors through the
JSON Schema), extra keys forbidden, closed vocabularies as Literals. The models check a
record on its own; `load` checks what records say about each other.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Any, ClassVar, Iterator, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    PlainSerializer,
    PlainValidator,
    Tag,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from . import vi
from .dates import PARTIAL_DATE_FORMS, PARTIAL_DATE_PATTERN, PartialDate
from .scalars import (
    MISSING,
    FIRST_YEAR,
    ID,
    LAST_YEAR,
    MISSING_HELP,
    Clock,
    Day,
    FileName,
    Id,
    Line,
    Missing,
    MissingValue,
    Moment,
    Text,
    BLANK,
    UNKNOWN_TOKEN,
    UNKNOWN,
    UnknownValue,
    Url,
    clean_line,
    clean_text,
    error,
    fact,
    is_known,
    refuse_placeholder,
    parse_id,
    to_missing,
)

MAX_EVENT_DAYS = 366
"""An event lasts at most a year (a longer undertaking is a document's activity)."""
MAX_PERIOD_YEARS = 10
"""An activity's period spans at most ten years: the longest horizon of a document (a strategy to 2030)."""
_PHONE = re.compile(r"^\+?[0-9]+(?:[ .-][0-9]+)*$")


def check_period(start: dt.date, end: dt.date) -> None:
    """An activity's period is at most `MAX_PERIOD_YEARS` long."""
    if end.year - start.year > MAX_PERIOD_YEARS:
        raise error(
            "vi_period",
            "thời gian thực hiện tối đa {years} năm, nhận được từ {start} đến {end}",
            years=MAX_PERIOD_YEARS,
            start=start.isoformat(),
            end=end.isoformat(),
        )


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", strict=True, use_attribute_docstrings=True)


# --- site -----------------------------------------------------------------------------


def check_email(value: str) -> str:
    if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", value):
        raise error("vi_email", "địa chỉ thư điện tử '{found}' không đúng dạng ten@mien.vn", found=value)
    return value


def check_phone(value: str) -> str:
    digits = sum(c.isdigit() for c in value)
    if not _PHONE.fullmatch(value) or not 8 <= digits <= 15:
        raise error(
            "vi_phone",
            "số điện thoại '{found}' không đúng dạng: chỉ gồm 8 đến 15 chữ số, có thể cách nhau bằng dấu cách, dấu chấm hoặc gạch ngang, "
            "ví dụ '0205 3812 345'",
            found=value,
        )
    return value


Email = Annotated[Text, AfterValidator(check_email)]
Phone = Annotated[Text, AfterValidator(check_phone)]


class Contact(Model):
    name: Line
    """Họ và tên người phụ trách liên hệ báo chí."""
    role: Line
    """Chức vụ, đơn vị."""
    phone: Phone
    """Số điện thoại, ví dụ '0205 3812 345'."""
    email: Email
    """Thư điện tử."""


class Category(Model):
    id: Id
    """Mã chuyên mục con, dùng trong địa chỉ trang và trong bài viết."""
    name: Line
    """Tên hiển thị."""
    description: Text
    """Một câu giới thiệu."""


class Column(Model):
    name: Line
    """Tên chuyên mục, ví dụ 'Dân số và phát triển'."""
    description: Text
    """Giới thiệu chuyên mục (hiện ở trang chuyên mục và trong nguồn tin)."""
    categories: list[Category] = Field(min_length=1)
    """Các chuyên mục con; mỗi bài viết thuộc một chuyên mục con."""
    reuse: Text
    """Điều kiện sử dụng lại bài viết, cho các cơ quan báo chí."""


_HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
_SITE_URL = re.compile(r"https?://[^\s/?#]+/(?:[^\s?#]*/)?")
_REPOSITORY = re.compile(r"https://[^\s/?#]+(?:/[^\s/?#]+){2,}(?<!/)(?<!\.git)")


def contrast_with_white(colour: str) -> float:
    """WCAG 2.1 contrast ratio of white text on a '#rrggbb' background (1 to 21)."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05)


class Colours(Model):
    primary: Text
    """Màu chủ đạo (thanh đầu trang, liên kết, tiêu đề), dạng '#rrggbb', ví dụ '#b3261e' (đỏ thẫm).
    Chữ trắng trên màu này và màu này trên nền trắng phải đạt tỉ lệ tương phản 4,5:1 (WCAG 2.1 AA)."""
    dark: Text
    """Màu đậm hơn, cho liên kết khi trỏ chuột vào và khi in đậm, dạng '#rrggbb', ví dụ '#8c1d18'."""

    @field_validator("primary", "dark")
    @classmethod
    def _check_colour(cls, value: str) -> str:
        if not _HEX_COLOUR.fullmatch(value):
            raise error("vi_colour", "màu '{found}' không đúng dạng '#rrggbb', ví dụ '#b3261e'", found=value)
        ratio = contrast_with_white(value)
        if ratio < 4.5:
            raise error(
                "vi_contrast",
                "màu '{found}' chỉ đạt tương phản {ratio}:1 với nền trắng; cần ít nhất 4,5:1 (hãy chọn màu đậm hơn)",
                found=value,
                ratio=f"{ratio:.2f}".replace(".", ","),
            )
        return value


class SiteInfo(Model):
    name: Line
    """Tên trang, hiện ở đầu mọi trang và trong nguồn tin, ví dụ 'Dân số và Phát triển Lạng Sơn'."""
    url: Text
    """Địa chỉ công khai của trang (tên miền), kết thúc bằng '/', ví dụ 'https://danso.langson.gov.vn/'."""
    description: Text
    """Trang này là gì, một đến hai câu."""
    owner: Id
    """Cơ quan chủ quản (mã trong organisations.yml); tên cơ quan hiện ở chân mọi trang."""
    logo: FileName
    """Tệp biểu trưng, đường dẫn tính từ thư mục docs/, ví dụ 'assets/logo.svg' (không dùng quốc huy)."""
    favicon: FileName
    """Tệp biểu tượng trên thẻ trình duyệt, đường dẫn tính từ docs/, ví dụ 'assets/favicon.svg'."""
    share_image: FileName
    """Ảnh hiện khi chia sẻ một trang không có ảnh riêng lên mạng xã hội (1200 × 630), đường dẫn tính từ docs/."""
    colours: Colours
    """Màu của trang."""
    contact: Contact | None = None
    """Đầu mối liên hệ cho báo chí (người, chức vụ, điện thoại, thư điện tử); bỏ trống cho đến khi cơ quan công bố: trang không tự điền."""
    column: Column
    """Chuyên mục bài viết."""
    repository: Text | None = None
    """Địa chỉ kho mã nguồn của trang, ví dụ 'https://github.com/<tài-khoản>/<tên-kho>': khi có, mọi trang có nút
    “Sửa trang này” mở đúng tệp cần sửa. Bỏ trống cho đến khi biết địa chỉ kho (không tự đặt)."""
    repository_branch: Text = "main"
    """Nhánh chính của kho (nơi trang được xuất bản), mặc định 'main'."""
    provinces: list[Province] = []
    """Các tỉnh, thành phố mà trang cần biết thêm, mỗi tỉnh ghi một lần: là tỉnh hay thành phố (để ghi tên cơ quan của tỉnh khác kèm tên
    tỉnh), và, với tỉnh đã được sắp xếp vào tỉnh khác, tỉnh nhận, ngày và nguồn. Mọi cơ quan của tỉnh ấy theo đó."""

    @field_validator("repository")
    @classmethod
    def _check_repository(cls, value: str) -> str:
        if not _REPOSITORY.fullmatch(value):
            raise error(
                "vi_repository",
                "địa chỉ kho '{found}' phải có dạng 'https://github.com/<tài-khoản>/<tên-kho>' (không có '/' hay '.git' ở cuối)",
                found=value,
            )
        return value

    @field_validator("url")
    @classmethod
    def _check_url(cls, value: str) -> str:
        if not _SITE_URL.fullmatch(value):
            raise error("vi_url", "địa chỉ trang '{found}' phải có dạng 'https://ten-mien.vn/' (kết thúc bằng '/')", found=value)
        return value


# --- organisations --------------------------------------------------------------------

ORGANISATION_KINDS = {
    "trung-uong": "Cơ quan trung ương",
    "dang": "Cơ quan Đảng",
    "hdnd": "Hội đồng nhân dân",
    "ubnd": "Ủy ban nhân dân",
    "so": "Sở, ban, ngành",
    "bao-chi": "Cơ quan báo chí",
    "mat-tran-doan-the": "Mặt trận, đoàn thể",
    "don-vi": "Đơn vị trực thuộc",
    "ban-chi-dao": "Ban chỉ đạo",
    "to-chuc-khac": "Tổ chức khác (quốc tế, phi chính phủ, doanh nghiệp)",
    "nhom": "Nhóm cơ quan",
}
"""The kinds of organisation, in the order the organisation index lists them, with its group headings. A
steering committee (Ban Chỉ đạo công tác dân số) issues plans of its own; an international or non-governmental
organisation co-organises events (a drawing competition with DKT International): neither is a state body."""
OrganisationKind = Literal[tuple(ORGANISATION_KINDS)]

LEVELS = {
    "trung-uong": "Trung ương",
    "tinh": "Cấp tỉnh",
    "huyen": "Cấp huyện (đến 30/6/2025)",
    "xa": "Cấp xã",
}
"""Administrative levels, in the order the organisation index lists them. The district level
(huyện, quận, thị xã, thành phố thuộc tỉnh) ended on 30/6/2025 (two-tier local government)."""
Level = Literal[tuple(LEVELS)]
DISTRICTS_END = dt.date(2025, 6, 30)


class Members(Model):
    """Which bodies a class of bodies stands for ('UBND các xã, phường' of a province)."""

    kind: OrganisationKind
    """Loại của các cơ quan trong nhóm, ví dụ ubnd."""
    level: Level
    """Cấp của các cơ quan trong nhóm, ví dụ xa (mọi xã, phường, đặc khu) hoặc huyen."""
    name: Line | None = None
    """Khi nhóm chỉ gồm một thứ cơ quan trong loại ấy: tên ngắn chung của chúng ('short_name'), ví dụ 'Sở Y tế' cho 'Sở Y tế các tỉnh,
    thành phố'; bỏ trống khi nhóm gồm mọi cơ quan cùng loại, cùng cấp."""


class Organisation(Model):
    id: Id
    """Mã cơ quan, không dấu, ví dụ 'so-y-te-lang-son'. Đặt một lần, không đổi."""
    name: Line
    """Tên đầy đủ chính thức, ví dụ 'Sở Y tế tỉnh Lạng Sơn'."""
    short_name: Line | None = None
    """Tên ngắn dùng trong bảng, ví dụ 'Sở Y tế'."""
    kind: OrganisationKind
    """Loại: trung-uong, dang, hdnd, ubnd, so, bao-chi, mat-tran-doan-the, don-vi, ban-chi-dao (ban chỉ đạo, như Ban Chỉ đạo công tác dân số
    tỉnh), to-chuc-khac (tổ chức quốc tế, phi chính phủ, doanh nghiệp: không phải cơ quan nhà nước), hoặc nhom (một nhóm cơ quan, như
    'UBND các huyện, thành phố')."""
    level: Level
    """Cấp: trung-uong, tinh, huyen (cấp huyện, chỉ có đến 30/6/2025) hoặc xa."""
    province: Text | None = None
    """Tỉnh, thành phố nơi cơ quan đặt trụ sở (bỏ trống với cơ quan trung ương), ví dụ 'Lạng Sơn'."""
    district: Text | None = None
    """Với cơ quan cấp huyện, cấp xã trước 01/7/2025: huyện, thị xã, thành phố thuộc tỉnh nơi cơ quan hoạt động, ví dụ 'Thành phố Long
    Xuyên'; với một nhóm cơ quan, nhóm chỉ gồm các cơ quan ở đó."""
    members: Members | None = None
    """Với một nhóm cơ quan (kind: nhom): loại và cấp của các cơ quan trong nhóm, ví dụ {kind: ubnd, level: xa} cho 'UBND các xã,
    phường'."""
    parent: Id | None = None
    """Cơ quan cấp trên trực tiếp (mã)."""
    heading: list[Text] = []
    """Tên cơ quan ở góc trái văn bản, mỗi dòng một mục (bắt buộc với cơ quan ban hành kế hoạch)."""
    valid_until: Day | None = None
    """Ngày cuối cùng cơ quan còn hoạt động, nếu đã giải thể hoặc sáp nhập."""
    successor: Id | None = None
    """Cơ quan kế thừa (mã), khi đã sáp nhập."""
    description: Text | None = None
    """Giới thiệu ngắn."""
    contact: OrgContact | None = None
    """Liên hệ công khai của cơ quan (cổng thông tin, địa chỉ, điện thoại, thư điện tử, giờ làm việc) và nguồn
    đã kiểm chứng; chỉ ghi điều đã kiểm chứng, không đoán."""

    @model_validator(mode="after")
    def _check_level(self) -> "Organisation":
        if self.level == "huyen" and (self.valid_until is None or self.valid_until > DISTRICTS_END):
            raise error(
                "vi_level", "cấp huyện chỉ có đến hết ngày 30/6/2025: ghi 'valid_until' (ngày cuối cùng hoạt động, muộn nhất 2025-06-30)"
            )
        if (self.members is not None) != (self.kind == "nhom"):
            raise error("vi_members", "'members' (loại và cấp của các cơ quan trong nhóm) ghi khi và chỉ khi kind là nhom")
        if self.level != "trung-uong" and self.province is None and self.kind != "nhom":
            raise error("vi_province", "cơ quan địa phương phải ghi 'province' (tỉnh, thành phố), ví dụ 'Lạng Sơn'")
        if self.kind == "nhom" and self.province is None and self.level != "trung-uong":
            self._check_national_class()
        if self.district is not None and self.level not in ("huyen", "xa"):
            raise error("vi_district", "'district' (huyện, thành phố thuộc tỉnh) chỉ ghi cho cơ quan cấp huyện hoặc cấp xã")
        return self

    def _check_national_class(self) -> None:
        """A class of bodies of every province ('Sở Y tế các tỉnh, thành phố'): local bodies, of the class's own level."""
        if self.members.level == "trung-uong":
            raise error(
                "vi_members",
                "nhóm cơ quan trung ương thì ghi 'level: trung-uong'; nhóm không ghi 'province' là nhóm cơ quan địa phương của mọi tỉnh, "
                "thành phố (members.level: tinh, huyen hoặc xa)",
            )
        if self.members.level != self.level:
            raise error(
                "vi_members",
                "nhóm cơ quan của mọi tỉnh, thành phố (không ghi 'province') có cùng cấp với các cơ quan trong nhóm: ghi 'level: {level}' "
                "như members.level, hoặc ghi 'province' nếu nhóm chỉ gồm cơ quan của một tỉnh",
                level=self.members.level,
            )
        if self.district is not None or self.parent is not None:
            raise error(
                "vi_members",
                "nhóm cơ quan của mọi tỉnh, thành phố (không ghi 'province') không ghi 'district' hay 'parent': các cơ quan trong nhóm "
                "ở khắp các tỉnh; nhóm của một huyện hay một cơ quan cấp trên thì ghi cả 'province'",
            )

    @property
    def label(self) -> str:
        return self.short_name or self.name

    @property
    def party(self) -> bool:
        """A Party body issues Party documents (Hướng dẫn 36-HD/VPTW), not State ones."""
        return self.kind == "dang"

    def belongs_to(self, group: "Organisation") -> bool:
        """Whether this body is one of those a class of bodies stands for: of the class's kind and level
        (and short name, when the class names one: 'Sở Y tế'), in its province (in any province when the
        class names none: 'Sở Y tế các tỉnh, thành phố'), in its district when the class names one ('các
        đoàn thể thành phố Long Xuyên'), and under its parent when the class names one ('các phòng thuộc Sở')."""
        members = group.members
        return (
            members is not None
            and self.kind == members.kind
            and self.level == members.level
            and members.name in (None, self.short_name)
            and group.province in (None, self.province)
            and group.district in (None, self.district)
            and group.parent in (None, self.parent)
        )

    def active_on(self, day: dt.date) -> bool:
        """Whether the body still existed on ``day`` (a body ended before a document cannot be assigned by it)."""
        return self.valid_until is None or day <= self.valid_until


# --- sources --------------------------------------------------------------------------

SOURCE_KINDS = {
    "toan-van": "toàn văn",
    "cong-thong-tin": "trang văn bản trên cổng thông tin chính thức",
    "ban-tin": "bản tin",
    "van-ban-dan": "văn bản dẫn tới",
}
"""Where a fact on the site comes from: the full text as issued (the issuer's original, or a full copy),
an official portal's page for the document, a news report, or another document on the site that cites
it. What the page says of a record follows from these (a record known only from reports says so)."""
SourceKind = Literal[tuple(SOURCE_KINDS)]
PRIMARY_SOURCES = ("toan-van", "cong-thong-tin")
"""The kinds that show the record itself; a record with none of them is known only through others."""


class Source(Model):
    """One place a record is known from (a document's, an event's, a year's theme)."""

    kind: SourceKind
    """toan-van (toàn văn: bản gốc của cơ quan ban hành, hoặc bản đăng lại đủ toàn văn), cong-thong-tin (trang văn bản trên cổng thông
    tin chính thức, như vanban.chinhphu.vn), ban-tin (bản tin của một cơ quan báo chí hoặc trang tin), van-ban-dan (một văn bản khác trên
    trang này dẫn tới nó)."""
    name: Line | None = None
    """Tên cơ quan báo chí, cổng hoặc trang đăng, ví dụ 'Báo Quảng Nam'; với toàn văn chưa rõ nơi đăng: cơ quan ban hành. Không ghi với
    van-ban-dan (tên lấy từ văn bản đó)."""
    url: Url | None = None
    """Địa chỉ trang hoặc tệp, bắt đầu bằng https:// hoặc http://; bỏ trống khi chưa rõ (không đoán địa chỉ)."""
    date: PartialDate | None = None
    """Ngày đăng NNNN-TT-NN (phần chưa rõ ghi '??', ví dụ 2024-07-??); bỏ trống khi chưa rõ."""
    title: Line | None = None
    """Tiêu đề bản tin hoặc trang, như nơi đăng ghi."""
    document: Id | None = None
    """Với van-ban-dan: mã của văn bản dẫn tới, trong data/plans/."""
    note: Line | None = None
    """Ghi chú của ban biên tập về nguồn này: đã kiểm tra được gì, chưa kiểm tra được gì."""

    @model_validator(mode="after")
    def _check_kind(self) -> "Source":
        if self.kind == "van-ban-dan":
            if self.document is None:
                raise error("vi_source", "nguồn 'van-ban-dan' ghi 'document': mã của văn bản dẫn tới, trong data/plans/")
            if self.name is not None or self.url is not None or self.date is not None or self.title is not None:
                raise error(
                    "vi_source",
                    "nguồn 'van-ban-dan' chỉ ghi 'document' (và 'note'): tên, ngày và địa chỉ lấy từ văn bản đó; bỏ 'name', 'url', "
                    "'date', 'title'",
                )
        else:
            if self.document is not None:
                raise error(
                    "vi_source",
                    "'document' chỉ ghi với nguồn 'van-ban-dan' (một văn bản trên trang dẫn tới); nguồn này ghi 'name' và 'url'",
                )
            if self.name is None:
                raise error("vi_source", "ghi 'name': tên cơ quan báo chí, cổng hoặc trang đăng, ví dụ 'Báo Quảng Nam'")
        return self

    @property
    def primary(self) -> bool:
        return self.kind in PRIMARY_SOURCES


# --- provinces ------------------------------------------------------------------------

PROVINCE_KINDS = {"tinh": "tỉnh", "thanh-pho": "thành phố"}
"""A province-level unit is a tỉnh or a centrally-run thành phố (Hà Nội, Đà Nẵng…): how its name is written."""


class Province(Model):
    """A province-level unit the site names, once: its kind, and its merger into another one (the 2025 reform:
    Nghị quyết số 202/2025/QH15 of the National Assembly, 12/6/2025; the merged provinces' local governments
    began work on 01/7/2025)."""

    name: Line
    """Tên tỉnh, thành phố đúng như ghi ở 'province' của cơ quan, ví dụ 'Bình Phước'."""
    kind: Literal[tuple(PROVINCE_KINDS)]
    """tinh (tỉnh) hoặc thanh-pho (thành phố trực thuộc trung ương, ví dụ Hà Nội, Đà Nẵng)."""
    merged_into: Line | None = None
    """Tỉnh, thành phố mà tỉnh này đã được sắp xếp vào (cũng ghi ở 'provinces'), ví dụ 'Đồng Nai'."""
    since: Day | None = None
    """Ngày chính quyền của tỉnh, thành phố sau sắp xếp bắt đầu hoạt động, ví dụ 2025-07-01: cơ quan cấp tỉnh của tỉnh cũ hoạt động đến
    ngày hôm trước (trang tự suy ra, không ghi ở từng cơ quan)."""
    basis: Line | None = None
    """Văn bản quyết định việc sắp xếp, như nguồn ghi, ví dụ 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội'."""
    sources: list[Source] = []
    """Nơi ban biên tập biết việc sắp xếp (bắt buộc khi ghi 'merged_into'), mỗi nguồn một mục như ở văn bản."""

    @model_validator(mode="after")
    def _check_merger(self) -> "Province":
        if (self.merged_into is None) != (self.since is None):
            raise error(
                "vi_province",
                "tỉnh đã được sắp xếp vào tỉnh khác ghi cả 'merged_into' (tỉnh nhận) và 'since' (ngày chính quyền tỉnh sau sắp xếp bắt "
                "đầu hoạt động, ví dụ 2025-07-01); tỉnh không sắp xếp thì bỏ cả hai",
            )
        if self.merged_into is None and (self.basis is not None or self.sources):
            raise error("vi_province", "'basis' và 'sources' là căn cứ và nguồn của việc sắp xếp: chỉ ghi cùng 'merged_into'")
        if self.merged_into is not None and not self.sources:
            raise error(
                "vi_province",
                "ghi 'sources': nơi ban biên tập biết việc sắp xếp tỉnh {name} (không ghi điều chưa có nguồn)",
                name=self.name,
            )
        if self.merged_into == self.name:
            raise error("vi_province", "tỉnh {name} không thể được sắp xếp vào chính nó", name=self.name)
        return self

    @property
    def title(self) -> str:
        """'tỉnh Bình Phước', 'thành phố Đà Nẵng'."""
        return f"{PROVINCE_KINDS[self.kind]} {self.name}"

    @property
    def last_day(self) -> dt.date | None:
        """The last day the merged province's own bodies worked (the day before the new province's government began)."""
        return self.since - dt.timedelta(days=1) if self.since else None


# --- observances ----------------------------------------------------------------------


class OrgContact(Model):
    """A body's public contact, as far as it is verified, with where it was verified."""

    portal: Url | None = None
    """Cổng thông tin điện tử chính thức của cơ quan, ví dụ 'https://soyt.langson.gov.vn/'."""
    address: Text | None = None
    """Địa chỉ trụ sở."""
    phone: Phone | None = None
    """Số điện thoại, ví dụ '0205 3812 345'."""
    email: Email | None = None
    """Thư điện tử."""
    hours: Line | None = None
    """Giờ làm việc, như cơ quan công bố."""
    sources: list[Source] = Field(min_length=1)
    """Nơi đã kiểm chứng các thông tin trên (ít nhất một nguồn)."""

    @model_validator(mode="after")
    def _something(self) -> "OrgContact":
        if not any((self.portal, self.address, self.phone, self.email, self.hours)):
            raise error("vi_contact", "ghi ít nhất một trong: portal, address, phone, email, hours (hoặc bỏ cả mục contact)")
        return self


class Basis(Model):
    document: Line
    """Văn bản hoặc sự kiện làm căn cứ, ví dụ 'Quyết định số 326-TTg'."""
    date: Day | None = None
    """Ngày của văn bản."""
    issuer: Line | None = None
    """Nơi ban hành, ví dụ 'Thủ tướng Chính phủ'."""
    note: Text | None = None
    """Nội dung chính của căn cứ."""


class Theme(Model):
    year: int = Field(ge=FIRST_YEAR, le=LAST_YEAR)
    """Năm."""
    theme: Text | None = None
    """Chủ đề của năm, như cơ quan có thẩm quyền công bố."""
    same_as: Id | None = None
    """Khi năm đó dùng chung chủ đề với một ngày kỷ niệm khác: mã ngày kỷ niệm đó (chủ đề chỉ ghi một lần, ở đó)."""
    source: Text | None = None
    """Cơ quan công bố chủ đề, ví dụ 'Bộ Y tế' (ai đặt chủ đề; nơi ban biên tập biết chủ đề ghi ở 'sources')."""
    sources: list[Source] = []
    """Nguồn ban biên tập biết chủ đề này (bản tin, văn bản…): mỗi nguồn ghi kind, name, url, date, title. Bỏ trống thì trang ghi 'chưa
    rõ nguồn'."""

    @model_validator(mode="after")
    def _one_source(self) -> "Theme":
        if (self.theme is None) == (self.same_as is None):
            raise error("vi_theme", "ghi 'theme' (chủ đề), hoặc 'same_as' (mã ngày kỷ niệm có cùng chủ đề năm đó), không ghi cả hai")
        if self.same_as is not None and self.sources:
            raise error(
                "vi_theme",
                "chủ đề dùng chung ghi nguồn một lần, ở ngày kỷ niệm '{other}' (nơi ghi chủ đề); bỏ 'sources' ở đây",
                other=self.same_as,
            )
        return self


class Observance(Model):
    id: Id
    """Mã ngày kỷ niệm, ví dụ 'ngay-dan-so-viet-nam'."""
    name: Line
    """Tên, ví dụ 'Ngày Dân số Việt Nam'."""
    month: int = Field(ge=1, le=12)
    """Tháng (1–12)."""
    day: int | None = Field(default=None, ge=1, le=31)
    """Ngày trong tháng; bỏ trống khi cả tháng là đợt hoạt động (Tháng hành động)."""
    first_year: int = Field(ge=FIRST_YEAR, le=LAST_YEAR)
    """Năm đầu tiên ngày này được tổ chức."""
    origin: Day | None = None
    """Mốc gốc dùng để tính số năm kỷ niệm (ví dụ 1961-12-26 cho Ngày Dân số Việt Nam)."""
    summary: Text
    """Một câu về ý nghĩa."""
    history: list[Text] = []
    """Lịch sử, mỗi đoạn một mục."""
    basis: list[Basis] = Field(min_length=1)
    """Căn cứ, với số và ngày quyết định."""
    themes: list[Theme] = []
    """Chủ đề từng năm."""

    @model_validator(mode="after")
    def _check_day(self) -> "Observance":
        if self.day is not None:
            try:
                dt.date(2000, self.month, self.day)  # a leap year, so 29/2 is allowed
            except ValueError:
                raise error("vi_date", "ngày {day}/{month} không có thật trên lịch", day=self.day, month=self.month) from None
        early = [t.year for t in self.themes if t.year < self.first_year]
        if early:
            raise error("vi_theme", "chủ đề năm {year} có trước năm đầu tiên tổ chức ({first})", year=early[0], first=self.first_year)
        return self

    @property
    def whole_month(self) -> bool:
        return self.day is None

    def theme_for(self, year: int) -> Theme | None:
        return next((t for t in self.themes if t.year == year), None)


# --- documents ------------------------------------------------------------------------

DOCUMENT_KINDS = {
    "KH": "Kế hoạch",
    "CV": "Công văn",
    "QĐ": "Quyết định",
    "TB": "Thông báo",
    "BC": "Báo cáo",
    "CT": "Chỉ thị",
    "HD": "Hướng dẫn",
    "NQ": "Nghị quyết",
}
"""The kinds of document (Nghị định 30/2020, Phụ lục III; Hướng dẫn 36-HD/VPTW), by their code."""
UNKNOWN_KIND = {"??": "chưa rõ loại"}
"""A document known from a report that does not name its kind: every original prints it, so it can be
not known to the editor, never blank."""
DocumentType = Literal[(*DOCUMENT_KINDS, *UNKNOWN_KIND)]
UNKNOWN_KIND_NAME = "Văn bản"
"""What the site calls a document whose kind is not known: the generic word, never a guessed kind."""


class Block(Model):
    """A paragraph, or a list of dash items, as in the document."""

    text: Text | None = None
    """Một đoạn văn."""
    items: list[Text] | None = None
    """Các ý gạch đầu dòng."""

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: object) -> object:
        return {"text": value} if isinstance(value, str) else value

    @model_validator(mode="after")
    def _one_kind(self) -> "Block":
        if (self.text is None) == (self.items is None):
            raise error("vi_block", "mỗi mục là một đoạn văn hoặc một bảng có 'items' (danh sách gạch đầu dòng)")
        return self

    def strings(self) -> list[str]:
        return [self.text] if self.text is not None else list(self.items or [])

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema, handler):
        return {"anyOf": [{"type": "string", "minLength": 1, "description": "Một đoạn văn."}, handler(core_schema)]}


class Section(Model):
    id: Id | None = None
    """Mã phần, để hoạt động và chú thích trỏ tới."""
    title: Text | None = None
    """Tiêu đề như trong văn bản (không ghi số thứ tự: số I, 1, a) được đánh tự động)."""
    body: list[Block] = []
    """Nội dung: đoạn văn, hoặc {items: [...]} cho các ý gạch đầu dòng."""
    sections: list["Section"] = []
    """Các mục con."""
    duties_of: list[Id] = []
    """Cơ quan được giao nhiệm vụ ở mục này (mã), để trang cơ quan liệt kê nhiệm vụ."""

    @model_validator(mode="after")
    def _not_empty(self) -> "Section":
        if not (self.title or self.body or self.sections):
            raise error("vi_section", "mục trống: cần 'title', 'body' hoặc 'sections'")
        return self


NumberFact = fact(lambda v: _positive(v), {"type": "integer", "minimum": 1})
TextFact = fact(clean_text, {"type": "string", "minLength": 1})
SymbolFact = fact(clean_text, {"type": "string", "minLength": 1}, blank=False)
"""A symbol ('KH-UBND'): every original prints it, a draft's too, so it is known or not known ('??')."""
DateFact = fact(PartialDate.parse, {"type": "string", "pattern": PARTIAL_DATE_PATTERN})
PlaceFact = fact(clean_line, {"type": "string", "minLength": 1, "pattern": "^[^\\t\\n\\r]*$"}, blank=False)
"""A document's place: every original prints it, a draft's too, so it is known or not known ('??')."""
UNKNOWN_LEAD_HELP = "chưa rõ đơn vị chủ trì (bản tin không nêu) thì ghi '??'"


def _lead(value: Any) -> str | Missing:
    """A lead's id, or '??'; any other value also says how an unknown lead is written."""
    state = to_missing(value)
    if state == UNKNOWN:
        return state
    if state == BLANK:
        raise error(
            "vi_missing", "không ghi '..' (bản gốc để trống) ở đơn vị chủ trì: ghi mã cơ quan chủ trì; {help}", help=UNKNOWN_LEAD_HELP
        )
    try:
        return parse_id(value)
    except PydanticCustomError as exc:
        raise error(exc.type, "{reason}; {help}", reason=exc.message(), help=UNKNOWN_LEAD_HELP) from None


LeadFact = Annotated[
    Any,
    PlainValidator(_lead),
    PlainSerializer(str, return_type=str),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": ID.pattern},
                {"type": "string", "enum": ["??"], "description": "'??': ban biên tập chưa rõ"},
            ]
        }
    ),
]
"""An activity's lead: a body's id, or '??' when the report that lists the activity does not name it."""


def _period_end(value: Any) -> PartialDate:
    """A period's end: a day, or a date short of its day (2025-12-??, 2025-??-??, ..2025-12-19); written without
    any digit ('?', 'chưa rõ'), the message also names the two states an end without a date can take."""
    try:
        return PartialDate.parse(value)
    except PydanticCustomError as exc:
        if re.search(r"\d", str(value)):
            raise
        raise error(
            exc.type,
            "{reason}; chưa có ngày kết thúc thì ghi '..' (bản gốc để trống) hoặc '??' (ban biên tập chưa rõ), kèm 'start'",
            reason=exc.message(),
        ) from None


EndFact = fact(_period_end, {"type": "string", "pattern": PARTIAL_DATE_PATTERN, "description": PARTIAL_DATE_FORMS})


def _texts(value: object) -> list[str]:
    if not isinstance(value, list) or not value:
        raise error("vi_list", "phải là một danh sách (mỗi mục bắt đầu bằng '- '), hoặc '??' khi chưa rõ")
    return [clean_text(v) for v in value]


_NUMBER_AND_SYMBOL = re.compile(r"\s*0*(\d+)\s*([/-])\s*(\S.*?)\s*")
"""A number written with its symbol: '11/2017/NQ-HĐND' (a normative resolution), '45/KH-UBND', '21-NQ/TW' (a Party one)."""


def _positive(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise error(
            "vi_number",
            "số văn bản là một số nguyên dương, hoặc {missing}; nhận được {found}{hint}",
            missing=MISSING_HELP,
            found=repr(value),
            hint=_number_hint(value),
        )
    return value


def _number_hint(value: object) -> str:
    """What to write instead of a number and symbol in one ('11/2017/NQ-HĐND'), or of a number in quotes."""
    if not isinstance(value, str):
        return ""
    if value.strip().isdigit() and int(value) > 0:
        return f"; ghi số không có ngoặc kép: number: {int(value)}"
    split = _NUMBER_AND_SYMBOL.fullmatch(value)
    if split is None:
        return ""
    number, joiner, symbol = split.groups()
    party = " bằng gạch ngang (văn bản của Đảng)" if joiner == "-" else ""
    return f'; số và ký hiệu ghi riêng: number: {int(number)} và symbol: "{symbol}"; trang tự nối số với ký hiệu{party}'


class LegalBasis(Model):
    type: Text
    """Loại văn bản, ví dụ 'Công văn', 'Nghị quyết', 'Luật'."""
    number: TextFact = None
    """Số, ký hiệu, ví dụ '5463/BYT-TCDS'; '??' khi ban biên tập chưa rõ; bỏ trường này với văn bản không trích số (một bộ luật)."""
    symbol: UnknownValue | None = None
    """'??' khi chỉ biết số, chưa rõ ký hiệu (một bản tin viết 'Công văn 3589 của Bộ Y tế'): khi đó 'number' chỉ ghi số, ví dụ '3589'."""
    date: DateFact
    """Ngày ban hành NNNN-TT-NN; phần chưa rõ ghi '??' (ví dụ 2020-10-?? hoặc 2015-??-??)."""
    issuer: Id
    """Cơ quan ban hành (mã)."""
    summary: Text | None = None
    """Trích yếu, như văn bản dẫn (ví dụ 'Về việc …'); bỏ trống với một bộ luật."""
    document: Id | None = None
    """Mã của văn bản này trên trang (nếu trang có), để dòng căn cứ dẫn tới nó."""

    @model_validator(mode="after")
    def _number_alone(self) -> "LegalBasis":
        if self.symbol is not None and not (isinstance(self.number, str) and self.number.isdigit()):
            raise error(
                "vi_symbol",
                "'symbol: \"??\"' (chưa rõ ký hiệu) đi kèm 'number' chỉ ghi số, ví dụ number: \"3589\"; nhận được number {found}",
                found=repr(str(self.number)) if self.number is not None else "trống",
            )
        return self


class Footnote(Model):
    id: int = Field(ge=1, le=99)
    """Số chú thích; trong văn bản đánh dấu bằng [^1]."""
    body: list[Block] = Field(min_length=1)
    """Nội dung chú thích."""


class EditorialNote(Model):
    at: Text
    """Đoạn chữ trong văn bản mà ghi chú nói tới (phải có đúng một lần trong văn bản)."""
    text: Text
    """Ghi chú của ban biên tập (không thuộc văn bản gốc)."""
    observance: Id | None = None
    """Ngày kỷ niệm liên quan (mã)."""


class ActivityTime(Model):
    """When an activity happens: one of deadline, a period, tied observances, or ongoing."""

    deadline: PartialDate | None = None
    """Hoàn thành trước ngày này (NNNN-TT-NN; chưa rõ ngày: 2025-12-??, 2025-??-?? hoặc ..2025-12-19)."""
    start: PartialDate | None = None
    """Bắt đầu (bỏ trống: từ ngày ban hành; chưa rõ ngày: 2025-12-??, 2025-??-?? hoặc ..2025-12-19)."""
    end: EndFact = None
    """Kết thúc (hết ngày này); khi đã biết ngày bắt đầu ('start') mà không có ngày kết thúc: '..' (bản gốc để trống, "đến ngày …") hoặc
    '??' (ban biên tập chưa rõ)."""
    observances: list[Id] = []
    """Tổ chức nhân các ngày kỷ niệm này (mã)."""
    ongoing: bool = False
    """Thường xuyên."""

    @model_validator(mode="after")
    def _one_kind(self) -> "ActivityTime":
        kinds = [self.deadline is not None, self.end is not None, bool(self.observances), self.ongoing]
        if sum(kinds) != 1:
            raise error(
                "vi_time", "ghi đúng một cách: 'deadline', hoặc 'end' (có thể kèm 'start'), hoặc 'observances', hoặc 'ongoing: true'"
            )
        if self.start is not None and self.end is None:
            raise error("vi_time", "'start' phải đi kèm 'end' (ngày kết thúc; '..' nếu bản gốc để trống, '??' nếu ban biên tập chưa rõ)")
        if self.open_end is not None and self.start is None:
            raise error(
                "vi_time",
                "'end: \"{token}\"' (chưa có ngày kết thúc) phải đi kèm 'start' (ngày bắt đầu): "
                "không có cả hai ngày thì ghi thời gian như văn bản viết ('observances' hoặc 'ongoing: true')",
                token=str(self.open_end),
            )
        if self.start is not None and self.end_day is not None and self.start.first_day > self.end_day:
            raise error("vi_period", "thời gian kết thúc {end} trước thời gian bắt đầu {start}", end=str(self.end), start=str(self.start))
        if self.start is not None and self.end_day is not None:
            check_period(self.start.first_day, self.end_day)
        return self

    @property
    def end_date(self) -> PartialDate | None:
        """The period's end as the document gives it, when it gives one (a day, or a date short of its day)."""
        return self.end if isinstance(self.end, PartialDate) else None

    @property
    def end_day(self) -> dt.date | None:
        """The period's last day, or, for an end short of its day, the latest day it can be."""
        return self.end.latest_day if isinstance(self.end, PartialDate) else None

    @property
    def deadline_day(self) -> dt.date | None:
        """The deadline's day, or, for a deadline short of its day, the latest day it can be."""
        return self.deadline.latest_day if self.deadline else None

    @property
    def open_end(self) -> Missing | None:
        """A period whose end the original leaves blank ('..') or the editors do not know ('??')."""
        return self.end if isinstance(self.end, Missing) else None

    @property
    def last_day(self) -> dt.date | None:
        """Its deadline, or the end of its period, when known (the latest day it can be)."""
        return self.deadline_day or self.end_day

    @property
    def last_date(self) -> PartialDate | None:
        """Its deadline, or the end of its period, as the document gives it."""
        return self.deadline or self.end_date


class Activity(Model):
    id: Id
    """Mã hoạt động, duy nhất trong kế hoạch."""
    name: Line
    """Tên ngắn của hoạt động."""
    section: Id | None = None
    """Mục của văn bản nói về hoạt động này (mã mục)."""
    lead: LeadFact
    """Đơn vị chủ trì (mã cơ quan); '??' khi ban biên tập chưa rõ (hoạt động biết qua bản tin không nêu đơn vị chủ trì): trang ghi “Chưa rõ
    đơn vị chủ trì”."""
    partners: list[Id] = []
    """Đơn vị phối hợp (mã cơ quan)."""
    time: ActivityTime
    """Thời gian thực hiện."""
    budget: Text | None = None
    """Nguồn kinh phí."""
    output: Text | None = None
    """Sản phẩm, kết quả dự kiến."""
    event: Id | None = None
    """Mã của mốc này khi nó đã được đăng là một sự kiện (giữ địa chỉ su-kien/<mã>/ và mã lịch đã công bố); ngày vẫn chỉ ghi ở 'time'."""

    @property
    def lead_known(self) -> bool:
        return is_known(self.lead)


RECIPIENT_ROLES = {"thuc-hien": "để thực hiện", "bao-cao": "để báo cáo", "de-biet": "để biết", "luu": "lưu"}
RecipientRole = Literal[tuple(RECIPIENT_ROLES)]


class Recipient(Model):
    text: Text
    """Dòng nơi nhận như trong văn bản, không kèm dấu chấm phẩy cuối dòng (dòng lưu: 'VT, KG-VX' hoặc 'Lưu: VT, KG-VX')."""
    role: RecipientRole
    """thuc-hien (để thực hiện), bao-cao (để báo cáo), de-biet (để biết), luu (lưu)."""
    organisation: Id | None = None
    """Cơ quan nhận (mã), nếu có trong danh mục."""


_AUTHORITY = re.compile(r"^(TM|KT|Q|TL|TUQ)\. \S")
_ACADEMIC = re.compile(r"^(GS|PGS|TS|ThS|BS|KS|CN|TSKH|Ths)\.", re.IGNORECASE)


class Signer(Model):
    authority: list[Text] = []
    """Thẩm quyền ký, từng dòng, ví dụ ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH']."""
    title: Text
    """Chức vụ người ký, ví dụ 'PHÓ CHỦ TỊCH'."""
    name: TextFact
    """Họ và tên (không ghi học hàm, học vị); '..' khi bản gốc chưa có tên người ký, '??' khi ban biên tập chưa rõ. Không ghi tên tạm."""

    @model_validator(mode="after")
    def _check(self) -> "Signer":
        for line in self.authority:
            if not _AUTHORITY.match(line):
                raise error("vi_authority", "dòng thẩm quyền '{found}' phải bắt đầu bằng TM., KT., Q., TL. hoặc TUQ.", found=line)
        if isinstance(self.name, str) and _ACADEMIC.match(self.name):
            raise error(
                "vi_signer", "không ghi học hàm, học vị trước tên người ký (Nghị định 30/2020/NĐ-CP), nhận được '{found}'", found=self.name
            )
        return self


# Tags of the signer's two forms; named so the error path skips them (as it skips pydantic's function- steps).
SIGNER_TAG, RECIPIENTS_TAG, MISSING_TAG = "function-signer", "function-recipients", "function-missing"


class Appendix(Model):
    """A phụ lục issued with the document (numbered PHỤ LỤC I, II… in order)."""

    summary: Text
    """Tên phụ lục, như trong văn bản."""
    body: list[Block] = []
    """Nội dung: đoạn văn hoặc {items: [...]}."""
    sections: list[Section] = []
    """Các mục của phụ lục (đánh số 1, 2, a) tự động)."""


TARGET_COMPARISONS = ("đạt", "tăng", "giảm", "không quá", "ít nhất", "trên", "dưới", "duy trì")
"""How a target is stated, in the words documents use: reach ('đạt 95%'), raise or lower by ('tăng 0,5 điểm
phần trăm', 'giảm 0,2 điểm phần trăm so với năm 2022'), a ceiling or a floor ('không quá', 'ít nhất'), a strict
bound ('trên 95%', 'dưới 10%'), keep ('duy trì')."""
TargetComparison = Literal[TARGET_COMPARISONS]


def _value_as_written(value: Any) -> Any:
    """A target's value as the document writes it ('1,8', '5.113.387', '≥ 95'): YAML would read 1.8 as a
    number and the page could not print it as written, so a number must be quoted."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise error(
            "vi_target",
            'ghi giá trị trong ngoặc kép, đúng như văn bản viết (ví dụ "1,8" hay "5.113.387"), nhận được số {found}: '
            "trang in giá trị như đã ghi, không làm tròn hay đổi cách viết",
            found=value,
        )
    text = clean_line(value)
    if not re.search(r"\d", text):
        raise error("vi_target", "giá trị chỉ tiêu phải có chữ số, như văn bản viết (ví dụ \"95\"), nhận được '{found}'", found=text)
    return text


TargetValue = Annotated[str, BeforeValidator(_value_as_written), WithJsonSchema({"type": "string", "pattern": r"\d"})]


class Baseline(Model):
    """What a target is measured against ('so với năm 2022')."""

    year: int = Field(ge=FIRST_YEAR, le=LAST_YEAR)
    """Năm làm mốc so sánh."""
    value: TargetValue | None = None
    """Giá trị của năm mốc, trong ngoặc kép, đúng như văn bản viết (kèm đơn vị nếu văn bản ghi, ví dụ "111,5 bé trai/100 bé gái"); bỏ
    trống khi văn bản không nêu."""


class Target(Model):
    """A numeric target of a document, as its text or a report states it."""

    indicator: Line
    """Chỉ tiêu, như văn bản viết, ví dụ 'Tỷ số giới tính khi sinh'."""
    comparison: TargetComparison
    """Cách văn bản nêu mức: đạt, tăng, giảm, không quá, ít nhất, dưới, duy trì."""
    value: TargetValue
    """Giá trị, trong ngoặc kép, đúng như văn bản viết, ví dụ "73,8" hay "5.113.387" (trang không làm tròn, không đổi cách viết)."""
    unit: Line | None = None
    """Đơn vị, ví dụ 'tuổi', '%', 'bé trai/100 bé gái', 'điểm phần trăm'; bỏ trống khi chỉ tiêu không có đơn vị."""
    year: int = Field(ge=FIRST_YEAR, le=LAST_YEAR)
    """Năm phải đạt chỉ tiêu."""
    baseline: Baseline | None = None
    """Mốc so sánh, khi văn bản nêu: {year, value}, ví dụ {year: 2022} cho 'so với năm 2022'."""
    note: Text | None = None
    """Ghi chú của ban biên tập về chỉ tiêu này (không thuộc văn bản)."""


class Related(Model):
    """Another document this one goes with ('liên quan', 'cùng thực hiện'), issued before or after it."""

    document: Id
    """Mã văn bản liên quan, trong data/plans/."""
    note: Line | None = None
    """Hai văn bản liên quan thế nào, viết sao cho đọc đúng ở trang của cả hai, ví dụ 'cùng thực hiện Nghị quyết 21-NQ/TW'."""


class Validity(Model):
    """When a document is in force (hiệu lực), as its text or an official portal says."""

    start: PartialDate
    """Có hiệu lực từ ngày NNNN-TT-NN (phần chưa rõ ghi '??', ví dụ 2017-??-??)."""
    end: DateFact
    """Hết hiệu lực sau ngày NNNN-TT-NN (hết ngày này); '..' khi văn bản không ghi ngày hết hiệu lực, '??' khi ban biên tập chưa rõ.
    Chỉ khi ghi ngày, trang mới có thể nói văn bản “còn hiệu lực”."""

    @model_validator(mode="after")
    def _in_order(self) -> "Validity":
        if isinstance(self.end, PartialDate) and self.end.last_day < self.start.first_day:
            raise error("vi_period", "ngày hết hiệu lực {end} trước ngày có hiệu lực {start}", end=str(self.end), start=str(self.start))
        return self

    def phase(self, day: dt.date) -> Literal["before", "open", "now", "after", "around"]:
        """Where ``day`` stands, claiming only what the dates allow: certainly before its start; in force
        ('now', from its start's latest possible day to its end's earliest, none for an end known only as 'on
        or before'); certainly after its end; 'open' when no end date is given or known (the page then claims
        nothing); else 'around', a day the dates leave in doubt."""
        earliest_start = self.start.earliest_day
        if earliest_start is not None and day < earliest_start:
            return "before"
        if not isinstance(self.end, PartialDate):
            return "open"
        if self.end.earliest_day is not None and self.start.latest_day <= day <= self.end.earliest_day:
            return "now"
        return "after" if day > self.end.latest_day else "around"


class Covers(Model):
    """The year or years a document is for ('Kế hoạch … năm 2022', 'giai đoạn 2021 - 2025'), as its own text says."""

    start: int = Field(ge=FIRST_YEAR, le=LAST_YEAR)
    """Năm đầu."""
    end: int = Field(ge=FIRST_YEAR, le=LAST_YEAR)
    """Năm cuối (bằng năm đầu khi văn bản cho một năm)."""

    @model_validator(mode="before")
    @classmethod
    def _from_year(cls, value: object) -> object:
        return {"start": value, "end": value} if isinstance(value, int) and not isinstance(value, bool) else value

    @model_validator(mode="after")
    def _in_order(self) -> "Covers":
        if self.end < self.start:
            raise error("vi_period", "năm cuối {end} trước năm đầu {start}", end=self.end, start=self.start)
        if self.end - self.start > MAX_PERIOD_YEARS:
            raise error(
                "vi_period",
                "văn bản áp dụng tối đa {years} năm, nhận được {start}–{end}",
                years=MAX_PERIOD_YEARS,
                start=self.start,
                end=self.end,
            )
        return self

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.start, 1, 1)

    @property
    def last_day(self) -> dt.date:
        return dt.date(self.end, 12, 31)

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema, handler):
        year = {"type": "integer", "minimum": FIRST_YEAR, "maximum": LAST_YEAR, "description": "Một năm, ví dụ 2025."}
        return {"anyOf": [year, handler(core_schema)]}


class Attachment(Model):
    file: FileName
    """Tệp đính kèm, đường dẫn tính từ thư mục docs/, ví dụ 'van-ban/ke-hoach-60-nam.pdf'."""
    title: Line
    """Tên hiển thị, ví dụ 'Bản gốc có chữ ký (PDF)'."""
    original: bool = False
    """true khi tệp là bản gốc đã ký, đúng như cơ quan phát hành (không lưu lại, không sửa)."""


class Document(Model):
    id: Id
    """Mã văn bản, dùng làm địa chỉ trang. Đặt một lần, không đổi."""
    type: DocumentType = "KH"
    """Loại văn bản: KH (Kế hoạch), CV (Công văn), QĐ (Quyết định), TB (Thông báo), BC (Báo cáo), CT (Chỉ thị), HD (Hướng dẫn), NQ (Nghị
    quyết); '??' khi ban biên tập chưa rõ loại (bản tin không gọi tên loại văn bản)."""
    number: NumberFact
    """Số văn bản (số nguyên), hoặc '..' khi bản gốc để trống số, '??' khi ban biên tập chưa rõ số."""
    symbol: SymbolFact
    """Ký hiệu, ví dụ 'KH-UBND'; với công văn không có tên loại: 'UBND-KGVX'; văn bản của Đảng: 'NQ/TW' (số và ký hiệu nối bằng gạch
    ngang); '??' khi ban biên tập chưa rõ."""
    issuer: Id
    """Cơ quan ban hành (mã)."""
    co_issuers: list[Id] = []
    """Các cơ quan cùng ban hành (văn bản liên tịch), theo thứ tự trong văn bản."""
    place: PlaceFact
    """Địa danh, ví dụ 'Lạng Sơn'; '??' khi ban biên tập chưa rõ (trang chỉ in ngày và ghi rõ chưa rõ địa danh). Không ghi '..': bản gốc
    nào, kể cả bản dự thảo, cũng in địa danh."""
    date: PartialDate
    """Ngày ban hành NNNN-TT-NN; phần không có ghi '..' (bản gốc để trống, ví dụ 2021-01-..) hoặc '??' (ban biên tập chưa rõ, ví dụ
    2015-??-??)."""
    summary: Line
    """Trích yếu (với công văn: nội dung sau 'V/v'; với quyết định: sau 'Về việc')."""
    enacting: Text | None = None
    """Quyết định: dòng thẩm quyền ban hành dưới tên loại, ví dụ 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN'."""
    addressees: fact(lambda v: _texts(v), {"type": "array", "items": {"type": "string", "minLength": 1}}) = []
    """Công văn: các dòng 'Kính gửi', mỗi cơ quan một mục; '??' khi ban biên tập chưa rõ."""
    observances: list[Id] = []
    """Các ngày kỷ niệm văn bản hướng tới (mã); trang văn bản hiện chủ đề năm của các ngày này."""
    theme: Text | None = None
    """Chủ đề riêng của văn bản (của địa phương), như văn bản ghi; chủ đề năm của ngày kỷ niệm ghi ở observances.yml."""
    occasions: list[Text] = []
    """Dịp, sự kiện văn bản hướng tới, ví dụ '30 năm thực hiện Chương trình hành động ICPD'."""
    preamble: list[Text] = []
    """Các đoạn mở đầu (lý do, 'Theo đề nghị của…'), như trong văn bản."""
    bases: list[LegalBasis] = []
    """Các văn bản làm căn cứ (quyết định: thành các dòng 'Căn cứ …;' đầu văn bản)."""
    sections: list[Section] = []
    """Nội dung văn bản: I, II, III… (quyết định: Điều 1, Điều 2…; công văn, thông báo, chỉ thị: 1, 2…). Bỏ trống khi ban biên tập chưa
    có toàn văn: trang nói rõ như vậy."""
    closing: Text | None = None
    """Câu kết thúc văn bản."""
    footnotes: list[Footnote] = []
    """Chú thích cuối trang."""
    notes: list[EditorialNote] = []
    """Ghi chú của ban biên tập."""
    activities: list[Activity] = []
    """Các hoạt động, để lập bảng phân công và lịch."""
    recipients: Annotated[
        Annotated[list[Recipient], Tag(RECIPIENTS_TAG)] | Annotated[UnknownValue, Tag(MISSING_TAG)],
        Discriminator(lambda v: MISSING_TAG if isinstance(v, Missing) else RECIPIENTS_TAG),
        BeforeValidator(to_missing),
    ] = []
    """Nơi nhận (bỏ trống khi ban biên tập chưa có toàn văn); '??' khi có toàn văn mà bản đã công bố không có phần nơi nhận."""
    signer: Annotated[
        Annotated[Signer, Tag(SIGNER_TAG)] | Annotated[MissingValue, Tag(MISSING_TAG)],
        Discriminator(lambda v: MISSING_TAG if isinstance(v, Missing) else SIGNER_TAG),
        BeforeValidator(to_missing),
    ]
    """Người ký; '??' khi ban biên tập chưa rõ cả chức vụ và tên."""
    co_signers: list[Signer] = []
    """Người ký của các cơ quan cùng ban hành, theo thứ tự 'co_issuers'."""
    superseded_by: Id | None = None
    """Văn bản thay thế văn bản này (mã trong data/plans/), khi đã có văn bản thay thế."""
    points: list[Text] = []
    """Các nội dung chính của văn bản như nguồn (bản tin, trang cổng thông tin) nêu, mỗi ý một mục: chỉ ghi khi chưa có toàn văn
    ('sections'); trang ghi rõ đây là nội dung theo nguồn, không phải nguyên văn."""
    targets: list[Target] = []
    """Các chỉ tiêu bằng số, như văn bản hoặc nguồn nêu: indicator, comparison, value, unit, year, baseline, note. Trang lập bảng; tệp
    van-ban.json đăng lại cho máy đọc."""
    related: list[Related] = []
    """Văn bản liên quan, cùng thực hiện (ban hành trước hay sau văn bản này), không phải căn cứ: mỗi cặp ghi một lần, ở một trong hai
    văn bản; trang của văn bản kia tự hiện liên kết ngược."""
    validity: Validity | None = None
    """Thời gian có hiệu lực, như văn bản hoặc cổng thông tin chính thức ghi: {start, end}; end là ngày, '..' (văn bản không ghi ngày
    hết hiệu lực) hoặc '??' (chưa rõ). Không suy từ tiêu đề."""
    covers: Covers | None = None
    """Năm văn bản áp dụng, khi chính văn bản (trích yếu, nội dung đã nhập) ghi như vậy: một năm (covers: 2022, cho 'Kế hoạch … năm
    2022') hoặc {start: 2021, end: 2025} (cho 'giai đoạn 2021 - 2025'). Không đoán từ ngày ban hành."""
    appendices: list[Appendix] = []
    """Phụ lục ban hành kèm theo văn bản."""
    attachments: list[Attachment] = []
    """Tệp đính kèm (bản gốc đã ký, bản PDF…), để tải về."""
    sources: list[Source] = []
    """Nguồn ban biên tập biết văn bản: toàn văn, trang trên cổng thông tin, bản tin, văn bản khác dẫn tới; mỗi nguồn ghi kind, name,
    url, date, title. Bỏ trống thì trang ghi 'chưa rõ nguồn'."""

    @model_validator(mode="after")
    def _check_kind(self) -> "Document":
        if self.enacting is not None and self.type != "QĐ":
            raise error("vi_kind", "'enacting' (dòng thẩm quyền ban hành) chỉ dùng cho quyết định (type: QĐ)")
        if self.addressees and self.type != "CV":
            raise error("vi_kind", "'addressees' (Kính gửi) chỉ dùng cho công văn (type: CV)")
        if self.type == "CV" and not self.addressees:
            raise error("vi_kind", "công văn phải có 'addressees' (các dòng Kính gửi), hoặc '??' khi chưa rõ")
        if bool(self.sections) != bool(self.recipients):
            raise error(
                "vi_text",
                "văn bản có toàn văn ('sections') thì có nơi nhận ('recipients', hoặc '??' khi bản đã công bố không có phần nơi nhận); "
                "chưa có toàn văn thì bỏ cả hai",
            )
        if len(self.co_signers) != len(self.co_issuers):
            raise error("vi_kind", "mỗi cơ quan cùng ban hành ('co_issuers') có một người ký trong 'co_signers', theo cùng thứ tự")
        return self

    @property
    def full_text(self) -> bool:
        return bool(self.sections)

    @property
    def signers(self) -> list:
        return [s for s in (self.signer, *self.co_signers) if isinstance(s, Signer)]

    @property
    def type_known(self) -> bool:
        return self.type in DOCUMENT_KINDS

    @property
    def kind_name(self) -> str:
        """'Kế hoạch', 'Công văn'…; 'Văn bản' when the kind is not known."""
        return DOCUMENT_KINDS.get(self.type, UNKNOWN_KIND_NAME)

    @property
    def title(self) -> str:
        """'Kế hoạch tổ chức …', 'Công văn về việc …', 'Quyết định về việc …': the kind, then the summary;
        'Văn bản về việc …' when the kind is not known."""
        summary = vi.lower_first(self.summary)
        if (self.type == "CV" or not self.type_known) and not summary.startswith("về việc"):
            summary = f"về việc {summary}"
        return f"{self.kind_name} {summary}"

    @property
    def number_known(self) -> bool:
        return is_known(self.number)

    @property
    def symbol_known(self) -> bool:
        return is_known(self.symbol)

    @property
    def known_recipients(self) -> list[Recipient]:
        """The recipient lines as written; none when they are not known ('??')."""
        return self.recipients if isinstance(self.recipients, list) else []

    @property
    def earliest_issue_day(self) -> dt.date:
        """The first day the document can have been issued: its date's first day, or, when its date is
        known only to the month or the year, the latest of the documents it cites if that is later
        (a document cites only what was issued before it; the loader checks the dates agree)."""
        cited = [b.date.first_day for b in self.bases if isinstance(b.date, PartialDate)]
        return max([self.date.first_day, *cited])

    @property
    def last_day(self) -> dt.date | None:
        """The last deadline or end date of its activities; None when no activity has one, or when an
        activity's period has no end date (blank in the original, or not known)."""
        if any(a.time.open_end for a in self.activities):
            return None
        ends = [a.time.last_day for a in self.activities if a.time.last_day]
        return max(ends) if ends else None

    @property
    def last_date(self) -> PartialDate | None:
        """The date giving `last_day`, as the document gives it (it may be short of its day): the one that can
        end latest (of two that can end the same day, the one known the least: the claim is then the weaker)."""
        if self.last_day is None:
            return None
        dates = [a.time.last_date for a in self.activities if a.time.last_day == self.last_day]
        return min(dates, key=lambda d: (d.exact, d.earliest_day or dt.date.min))

    def running_on(self, day: dt.date) -> bool | None:
        """Whether its activities certainly run on ``day`` (True), certainly ended before it (False), or
        neither is known (None: its last date is short of its day, and ``day`` may be past it or not);
        None as well when no activity has a last day."""
        last = self.last_date
        if last is None:
            return None
        if last.latest_day < day:
            return False
        return True if last.earliest_day is not None and last.earliest_day >= day else None

    def current_on(self, day: dt.date) -> bool:
        """Whether the data shows the document applies on ``day``: not superseded, and its validity (when
        entered, it alone decides; an end not given or not known never makes it current), else the years it
        covers include the day, or its activities' last deadline or end is certainly not past (`running_on`; a
        document in the data has been issued). Never guessed from its title or its issuer."""
        if self.superseded_by:
            return False
        if self.validity is not None:
            return self.validity.phase(day) == "now"
        if self.covers is not None and self.covers.first_day <= day <= self.covers.last_day:
            return True
        return self.running_on(day) is True

    def positioned_sections(self) -> Iterator[tuple[tuple[int, ...], Section]]:
        """Every section in reading order with its place in the tree: (4,) for IV, (4, 1, 2) for IV.1.b."""
        return positioned(self.sections)


def positioned(sections: list[Section]) -> Iterator[tuple[tuple[int, ...], Section]]:
    """The one walk over a tree of sections (a document's, an appendix's), in reading order."""
    stack = [((i,), s) for i, s in reversed(list(enumerate(sections, 1)))]
    while stack:
        position, section = stack.pop()
        yield position, section
        stack.extend((position + (i,), s) for i, s in reversed(list(enumerate(section.sections, 1))))


# --- events ---------------------------------------------------------------------------

EVENT_KINDS = {"su-kien": "sự kiện diễn ra vào ngày hoặc khoảng thời gian", "han": "mốc phải hoàn thành trước ngày"}
EventKind = Literal[tuple(EVENT_KINDS)]

EVENT_TYPES = {
    "hoi-nghi": "Hội nghị",
    "hoi-thao": "Hội thảo",
    "cuoc-thi": "Cuộc thi",
    "chien-dich": "Chiến dịch",
    "mit-tinh": "Mít tinh",
    "le": "Lễ, lễ kỷ niệm",
    "tap-huan": "Tập huấn",
    "truyen-thong": "Hoạt động truyền thông",
    "khac": "Khác",
}
"""What kind of gathering or undertaking an event is, as its source names it (never guessed from its name)."""
EventType = Literal[tuple(EVENT_TYPES)]


PHASE_KINDS = {"phat-dong": "Phát động", "han-nop": "Hạn nộp bài", "ket-qua": "Công bố kết quả", "khac": "Giai đoạn khác"}
"""The phases of a competition (cuộc thi): its launch, the deadline for entries, the results; any other named."""
PhaseKind = Literal[tuple(PHASE_KINDS)]


def _phase_date(value: Any) -> Any:
    """A phase's date: a date in any of its states, or '??' when the report does not date the phase at all."""
    refuse_placeholder(value)
    state = to_missing(value)
    if state == UNKNOWN:
        return state
    if state == BLANK:
        raise error("vi_date", "chưa rõ ngày của giai đoạn thì ghi '??'; biết một phần thì ghi 2025-12-??, 2025-??-?? hoặc ..2025-12-19")
    return PartialDate.parse(value)


PhaseDate = Annotated[
    Any,
    PlainValidator(_phase_date),
    PlainSerializer(str, return_type=str),
    WithJsonSchema({"anyOf": [{"type": "string", "pattern": PARTIAL_DATE_PATTERN}, {"type": "string", "enum": [UNKNOWN_TOKEN]}]}),
]


class Phase(Model):
    """One phase of a competition: launched, entries due, results announced, or another named one."""

    kind: PhaseKind
    """phat-dong (phát động), han-nop (hạn nộp bài), ket-qua (công bố kết quả), khac (giai đoạn khác: ghi 'name')."""
    name: Line | None = None
    """Tên giai đoạn (bắt buộc với 'khac'; với ba loại kia, bỏ trống thì trang ghi tên loại)."""
    date: PhaseDate
    """Ngày NNNN-TT-NN; chưa rõ ngày: 2025-12-??, 2025-??-??, ..2025-12-19 (chậm nhất ngày đó), hoặc '??' khi chưa rõ cả tháng, năm."""

    @model_validator(mode="after")
    def _named(self) -> "Phase":
        if self.kind == "khac" and self.name is None:
            raise error("vi_phase", "giai đoạn 'khac' phải có 'name' (tên giai đoạn), ví dụ name: \"Vòng chung khảo\"")
        return self

    @property
    def title(self) -> str:
        return self.name or PHASE_KINDS[self.kind]

    @property
    def key(self) -> str:
        """Stable within its event: the kind for the three named kinds (each once), the name's slug for 'khac'."""
        return self.kind if self.kind != "khac" else f"khac-{vi.slugify(self.name)}"

    @property
    def dated(self) -> PartialDate | None:
        return self.date if isinstance(self.date, PartialDate) else None


class Event(Model):
    RENAMED: ClassVar[dict[str, tuple[str, str]]] = {
        "organiser": ("organisers", "danh sách đơn vị tổ chức, đơn vị chủ trì ghi đầu tiên"),
    }
    """Keys events were once written with: the message names the key that replaced each, and how to write it."""

    id: Id
    """Mã sự kiện. Đặt một lần, không đổi."""
    name: Line
    """Tên sự kiện."""
    kind: EventKind = "su-kien"
    """su-kien (sự kiện diễn ra vào ngày/khoảng thời gian), han (mốc phải hoàn thành trước ngày)."""
    date: PartialDate
    """Ngày diễn ra NNNN-TT-NN; với 'han': ngày phải hoàn thành trước. Chưa rõ ngày: 2025-12-?? (biết tháng), 2025-??-?? (chỉ
    biết năm), ..2025-12-19 (chậm nhất ngày đó: bản tin ngày 19/12/2025 đưa tin đã tổ chức)."""
    end: Day | None = None
    """Ngày kết thúc, nếu sự kiện kéo dài nhiều ngày (chỉ khi biết đúng ngày bắt đầu)."""
    time: Clock | None = None
    """Giờ bắt đầu, ví dụ "08:00" (giờ Việt Nam; chỉ khi biết đúng ngày)."""
    place: Line | None = None
    """Địa điểm."""
    type: EventType | None = None
    """Loại sự kiện, như nguồn gọi: hoi-nghi (Hội nghị), hoi-thao (Hội thảo), cuoc-thi (Cuộc thi), chien-dich (Chiến dịch), mit-tinh
    (Mít tinh), le (Lễ, lễ kỷ niệm), tap-huan (Tập huấn), truyen-thong (Hoạt động truyền thông) hoặc khac (Khác). Bỏ trống khi nguồn
    không nói rõ (không đoán theo tên)."""
    organisers: list[Id] = []
    """Đơn vị tổ chức (mã cơ quan), mỗi mục một cơ quan, theo thứ tự nguồn ghi: cơ quan đầu tiên là đơn vị chủ trì, ví dụ
    [so-y-te-lang-son, so-vhttdl-lang-son]. Bỏ trống khi chưa rõ."""
    participants: list[Id] = []
    """Thành phần tham gia (mã cơ quan, hoặc mã nhóm cơ quan như ubnd-cac-huyen-lang-son), ngoài đơn vị tổ chức. Bỏ trống khi chưa rõ."""
    plan: Id | None = None
    """Kế hoạch có sự kiện này (mã)."""
    activity: Id | None = None
    """Hoạt động của kế hoạch (mã), nếu sự kiện là mốc của một hoạt động."""
    observances: list[Id] = []
    """Ngày kỷ niệm liên quan (mã)."""
    description: Text | None = None
    """Mô tả."""
    sources: list[Source] = []
    """Nguồn ban biên tập biết sự kiện (bản tin, văn bản…); mỗi nguồn ghi kind, name, url, date, title. Bỏ trống thì trang ghi 'chưa rõ
    nguồn'."""
    phases: list[Phase] = []
    """Các giai đoạn của một cuộc thi: mỗi giai đoạn ghi kind (phat-dong, han-nop, ket-qua, khac), name (bắt buộc với khac), date."""

    @field_validator("name", "place", mode="before")
    @classmethod
    def _no_state_token(cls, value: Any, info: ValidationInfo) -> Any:
        """'..' and '??' are states of a fact, not a name or a place: a place not known is left out (the page then
        says nothing of it), and an event is entered once its name is known."""
        if isinstance(value, str) and value.strip() in MISSING:
            what = (
                "bỏ trường 'place' khi chưa rõ địa điểm (trang không ghi gì về địa điểm)"
                if info.field_name == "place"
                else "ghi tên sự kiện như nguồn gọi"
            )
            raise error("vi_missing", "không ghi '{token}' ở trường này: {what}", token=value.strip(), what=what)
        return value

    @model_validator(mode="after")
    def _check_period(self) -> "Event":
        if not self.date.exact:
            for name, what in (("end", "ngày kết thúc"), ("time", "giờ bắt đầu")):
                if getattr(self, name) is not None:
                    raise error(
                        "vi_period",
                        "chỉ ghi '{name}' ({what}) khi biết đúng ngày diễn ra; 'date: {date}' chưa rõ ngày, nên bỏ '{name}'",
                        name=name,
                        what=what,
                        date=str(self.date),
                    )
            return self
        if self.end is not None and self.end < self.first_day:
            raise error(
                "vi_period", "ngày kết thúc {end} trước ngày bắt đầu {start}", end=self.end.isoformat(), start=self.first_day.isoformat()
            )
        if self.kind == "han" and self.end is not None:
            raise error("vi_deadline", "mốc hạn ('han') chỉ có một ngày; bỏ 'end' hoặc đổi 'kind' thành su-kien")
        if self.end is not None and (self.end - self.first_day).days >= MAX_EVENT_DAYS:
            raise error(
                "vi_period",
                "sự kiện kéo dài tối đa {days} ngày (từ {start} đến {end} là quá dài); việc dài hơn hãy ghi thành hoạt động của kế hoạch",
                days=MAX_EVENT_DAYS,
                start=self.first_day.isoformat(),
                end=self.end.isoformat(),
            )
        return self

    @property
    def exact(self) -> bool:
        """Whether its day is known (not only its month, its year, or a day it happened on or before)."""
        return self.date.exact

    @property
    def first_day(self) -> dt.date:
        """Its day; for a date short of its day, `PartialDate.first_day` (never later than it can be)."""
        return self.date.first_day

    @property
    def last_day(self) -> dt.date:
        """Its last day, or the latest day it can be."""
        return self.end or self.date.latest_day

    @property
    def type_name(self) -> str | None:
        """'Hội nghị', 'Cuộc thi'…; None when the sources do not say."""
        return EVENT_TYPES[self.type] if self.type else None


FOOTNOTE_REF = re.compile(r"\[\^(\d+)\]")
"""A footnote's mark in a document's text: '[^1]'."""


# --- articles -------------------------------------------------------------------------


class Image(Model):
    file: FileName
    """Tệp ảnh, đường dẫn tính từ thư mục docs/, ví dụ 'anh/le-ky-niem.jpg'."""
    caption: Text
    """Chú thích ảnh."""
    credit: Line
    """Tác giả hoặc nguồn ảnh."""
    width: int = Field(ge=1)
    """Chiều rộng của ảnh được đăng (điểm ảnh), sau khi xoay theo chiều chụp và thu nhỏ; khi sai, lỗi ghi sẵn số cần điền."""
    height: int = Field(ge=1)
    """Chiều cao của ảnh được đăng (điểm ảnh)."""


class Article(Model):
    id: Id
    """Mã bài cố định, đặt một lần khi đăng và không bao giờ đổi (dùng làm guid trong nguồn tin)."""
    title: Line
    """Tiêu đề."""
    date: Moment
    """Thời điểm đăng, có múi giờ, ví dụ 2024-07-11 08:00 +07:00."""
    author: Line
    """Tác giả."""
    category: Id
    """Chuyên mục con (mã trong site.yml)."""
    summary: Text
    """Sapo: một đến ba câu."""
    image: Image | None = None
    """Ảnh đại diện."""
    plans: list[Id] = []
    """Kế hoạch liên quan (mã)."""
    observances: list[Id] = []
    """Ngày kỷ niệm liên quan (mã)."""
    events: list[Id] = []
    """Sự kiện liên quan (mã)."""
    updated: Moment | None = None
    """Thời điểm sửa nội dung, nếu có."""


CHOICES: dict[str, str] = {
    **SOURCE_KINDS,
    **RECIPIENT_ROLES,
    **EVENT_KINDS,
    **EVENT_TYPES,
    **LEVELS,
    **ORGANISATION_KINDS,
    **DOCUMENT_KINDS,
    **UNKNOWN_KIND,
}
"""What each value of a closed list means, for the messages that list the choices (an id may sit in
two lists with one meaning: trung-uong is both a kind and a level)."""


@dataclass(frozen=True)
class ArticleRecord:
    """An article's validated front matter and where its page lives (its body: `read.read_article_body`)."""

    meta: Article
    src_uri: str
    image_bytes: int | None = None
    """The byte length of the article's image file (a feed enclosure states it)."""
    file: str = ""
    """The article's file from the project root, and the line its body starts on: for messages."""
    body_line: int = 1


Organisation.model_rebuild()  # its contact's model is written below it, beside Source
SiteInfo.model_rebuild()  # its provinces' model too


def names_province(text: str, province: str) -> bool:
    """Whether a body's name already says its province ('Sở Y tế tỉnh Quảng Nam' says Quảng Nam)."""
    return province.casefold() in text.casefold()


def needs_province(org: Organisation, home: str | None) -> bool:
    """Whether a body's name must be completed with its province: it is of another province than the
    site's own (``home``) and its full name does not say which."""
    return org.province is not None and org.province != home and not names_province(org.name, org.province)


def body_name(org: Organisation, home: str | None, provinces: dict[str, Province], *, short: bool = False) -> str:
    """A body's name as every page, feed and calendar shows it: a body of another province than the site's
    own (``home``) always with its province ('Chi cục Dân số - KHHGĐ tỉnh Bình Phước', 'Ủy ban nhân dân
    huyện Lộc Ninh (tỉnh Bình Phước cũ)' once Bình Phước is merged), never by a short name that would read
    as the site's own. ``short``: the short name where it is enough (the site's own bodies, central ones).
    The reproduction of a document (documents.py: a Quyết định's 'Căn cứ' lines, an appendix's 'Kèm theo'
    line) keeps the names as the document gives them, with no '(… cũ)' it could not have printed."""
    text = org.label if short else org.name
    if org.province is None or org.province == home or names_province(text, org.province):
        return text
    if not needs_province(org, home):
        return org.name
    province = provinces[org.province]  # the loader refuses such a body whose province is not in data/site.yml
    if province.merged_into is not None:
        return f"{org.name} ({province.title} cũ)"
    return f"{org.name}{', ' if org.level in ('huyen', 'xa') else ' '}{province.title}"
