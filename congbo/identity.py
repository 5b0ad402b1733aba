"""Who publishes the site, for the theme: name, contact, colours and share image, all from data/site.yml."""

from __future__ import annotations

from . import urls
from .site import Site


COLOURS_CSS = "assets/colours.css"
"""The site's colours as a style sheet (a file, so the Content-Security-Policy needs no inline style)."""


def colours_css(site: Site) -> str:
    """Material's colour variables set to the site's colours (checked in the model: '#rrggbb', 4.5:1 on white)."""
    colours = site.info.colours
    return (
        ":root {\n"
        f"  --md-primary-fg-color: {colours.primary};\n"
        f"  --md-primary-fg-color--light: {colours.primary};\n"
        f"  --md-primary-fg-color--dark: {colours.dark};\n"
        f"  --md-accent-fg-color: {colours.dark};\n"
        f"  --md-typeset-a-color: {colours.primary};\n"
        "}\n"
    )


def feedback(site: Site) -> dict:
    """Where "Góp ý về trang này" goes: the repository's issue form when its address is known (GitHub's or
    GitLab's, with the page's title and address filled in by the footer), else a message to the owner's
    address, else the owner's contact on its page. ``fields``: the names the form gives title and text."""
    info = site.info
    owner = site.organisation[info.owner]
    if info.repository:
        if info.repository.split("/")[2] == "github.com":
            return {"kind": "form", "href": info.repository + "/issues/new", "fields": ("title", "body")}
        return {"kind": "form", "href": info.repository + "/-/issues/new", "fields": ("issue[title]", "issue[description]")}
    if owner.contact and owner.contact.email:
        return {"kind": "mail", "href": f"mailto:{owner.contact.email}", "fields": ("subject", "body")}
    return {"kind": "page", "href": urls.organisation(owner.id) + "#lien-he", "fields": None}


def theme_identity(site: Site) -> dict:
    """What every page's head and footer say about the body behind the site (templates read ``cb_identity``)."""
    info = site.info
    owner = site.organisation[info.owner]
    return {
        "name": info.name,
        "owner": owner.name,
        "owner_page": urls.organisation(owner.id),
        "owner_contact": owner.contact,
        "feedback": feedback(site),
        "contact": info.contact,
        "press": urls.PRESS,
        "share_image": info.share_image,
        "colours_css": COLOURS_CSS,
    }
