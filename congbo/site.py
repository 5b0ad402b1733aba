"""The validated site: every record, indexed, and the relations between them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from .models import Activity, Article, Event, Observance, Organisation, Plan, SiteInfo


@dataclass(frozen=True)
class ArticleRecord:
    """An article's validated front matter, where its page lives, and its Markdown body."""

    meta: Article
    src_uri: str
    body: str


@dataclass(frozen=True)
class Site:
    info: SiteInfo
    organisations: tuple[Organisation, ...]
    observances: tuple[Observance, ...]
    plans: tuple[Plan, ...]
    events: tuple[Event, ...]
    articles: tuple[ArticleRecord, ...] = field(default=())
    today: dt.date = field(default_factory=dt.date.today)
    """The build date: what is upcoming and what is past is decided against it."""

    @cached_property
    def organisation(self) -> dict[str, Organisation]:
        return {o.id: o for o in self.organisations}

    @cached_property
    def observance(self) -> dict[str, Observance]:
        return {o.id: o for o in self.observances}

    @cached_property
    def plan(self) -> dict[str, Plan]:
        return {p.id: p for p in self.plans}

    @cached_property
    def event(self) -> dict[str, Event]:
        return {e.id: e for e in self.events}

    @cached_property
    def published_articles(self) -> tuple[ArticleRecord, ...]:
        """Articles dated on or before the build date, newest first; later ones wait for their day."""
        ready = [a for a in self.articles if a.meta.date.date() <= self.today]
        return tuple(sorted(ready, key=lambda a: (a.meta.date, a.meta.id), reverse=True))

    def events_of_plan(self, plan_id: str) -> list[Event]:
        return sorted((e for e in self.events if e.plan == plan_id), key=lambda e: (e.date, e.id))

    def articles_about(self, *, plan: str | None = None, observance: str | None = None, event: str | None = None) -> list[ArticleRecord]:
        return [
            a for a in self.published_articles
            if (plan and plan in a.meta.plans) or (observance and observance in a.meta.observances) or (event and event in a.meta.events)
        ]

    def activities_of(self, org_id: str) -> list[tuple[Plan, Activity, str]]:
        """Every activity an organisation leads or supports: (plan, activity, 'lead' | 'partner')."""
        found = []
        for plan in self.plans:
            for activity in plan.activities:
                if activity.lead == org_id:
                    found.append((plan, activity, "lead"))
                elif org_id in activity.partners:
                    found.append((plan, activity, "partner"))
        return found

    def plan_issuer(self, plan: Plan) -> Organisation:
        return self.organisation[plan.issuer]
