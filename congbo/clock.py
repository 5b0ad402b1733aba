"""The build's one reading of the time: SOURCE_DATE_EPOCH when set (reproducible builds), else the clock.

Read once per build by the caller (the plugin, the command line) and handed down; nothing else in the
package asks the clock."""

from __future__ import annotations

import datetime as dt
import os
import time

from .scalars import VN_TZ


def build_date(environ: dict | None = None) -> dt.date:
    """The build's 'today' in Vietnam."""
    return build_moment(environ).date()


def build_moment(environ: dict | None = None) -> dt.datetime:
    environ = os.environ if environ is None else environ
    epoch = environ.get("SOURCE_DATE_EPOCH")
    seconds = int(epoch) if epoch and epoch.strip().isdigit() else int(time.time())
    return dt.datetime.fromtimestamp(seconds, VN_TZ)
