"""Who publishes the site, for the theme: name, contact, colours and share image, all from data/site.yml."""

from __future__ import annotations

from . import urls
from .site import Site


def theme_identity(site: Site) -> dict:
    """What every page's head and footer say about the body behind the site (templates read ``cb_identity``)."""
    info = site.info
    return {
        "name": info.name,
        "owner": site.organisation[info.owner].name,
        "address": info.address,
        "phone": info.phone,
        "email": info.email,
        "contact": info.contact,
        "press": urls.PRESS,
        "share_image": info.share_image,
        "colours": info.colours,
        "sections": urls.SECTIONS,
    }
