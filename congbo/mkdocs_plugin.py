"""The MkDocs glue: load the data once, hand MkDocs the generated pages and files.

The only module of the package that imports MkDocs. Registered as the ``congbo`` plugin
through the package's ``mkdocs.plugins`` entry point.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from . import vi
from .errors import DataError
from .load import load_site
from .pages import render_pages
from .site import Site


class CongboConfig(Config):
    data_dir = c.Type(str, default="data")
    """Folder of the editors' YAML, relative to mkdocs.yml."""


class CongboPlugin(BasePlugin[CongboConfig]):
    site: Site | None = None

    def on_config(self, config):
        root = Path(config.config_file_path).parent
        today = vi.build_date()  # read once per build
        try:
            self.site = load_site(root, today=today, docs_dir=Path(config.docs_dir))
        except DataError as exc:
            raise PluginError(exc.report()) from None
        return config

    def on_files(self, files: Files, *, config) -> Files:
        for src_uri, content in render_pages(self.site).items():
            if files.get_file_from_path(src_uri) is not None:
                raise PluginError(f"docs/{src_uri}: trang này do hệ thống tạo từ dữ liệu; hãy xóa tệp viết tay trùng tên")
            files.append(File.generated(config, src_uri, content=content))
        return files
