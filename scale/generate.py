"""Synthetic content at production scale, for measuring pages and the admin (not a demo).

Every generated row has a slug starting with ``scale-``, and each row is derived from its own
index with a seeded random generator: a second run with the same numbers finds the rows it
made and only tops up what is missing. Rows are written with ``bulk_create`` in batches, each
batch in its own transaction (a partner with its agreements, an event with its speakers), so
an interrupted run leaves whole rows behind and the next run completes it. No image or PDF
file is written; the page code paths for files are covered by the demo content.
"""

from __future__ import annotations

import datetime
import random
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.db import connection, models, transaction
from django.utils import timezone

from events.models import Category as EventCategory
from events.models import (
    Event,
    EventLanguage,
    EventStatus,
    Format,
    OrganiserRole,
    Speaker,
    Venue,
    VenueKind,
)
from linkj.kana import to_hiragana
from linkj.publishing import Status
from news.models import Category as ReleaseCategory
from news.models import Quote, Release
from partners.models import (
    Agreement,
    AgreementType,
    DatePrecision,
    FormerName,
    Kind,
    Partner,
    ScopeItem,
)
from search import documents as search_documents
from search.models import Kind as SearchKind

PREFIX = "scale-"
TOKYO = ZoneInfo("Asia/Tokyo")
YEARS_BACK = 10

# (country, city in Japanese, city in English); Japan weighs most, as in LINK-J's own list.
CITIES = [
    ("JP", "東京", "Tokyo"),
    ("JP", "大阪", "Osaka"),
    ("JP", "京都", "Kyoto"),
    ("JP", "神戸", "Kobe"),
    ("JP", "横浜", "Yokohama"),
    ("JP", "川崎", "Kawasaki"),
    ("JP", "福岡", "Fukuoka"),
    ("JP", "札幌", "Sapporo"),
    ("JP", "仙台", "Sendai"),
    ("JP", "名古屋", "Nagoya"),
    ("JP", "つくば", "Tsukuba"),
    ("JP", "広島", "Hiroshima"),
    ("US", "ボストン", "Boston"),
    ("US", "サンディエゴ", "San Diego"),
    ("US", "サンフランシスコ", "San Francisco"),
    ("US", "ニューヨーク", "New York"),
    ("US", "シアトル", "Seattle"),
    ("GB", "ロンドン", "London"),
    ("GB", "ケンブリッジ", "Cambridge"),
    ("FR", "パリ", "Paris"),
    ("FR", "マルセイユ", "Marseille"),
    ("DE", "ベルリン", "Berlin"),
    ("DE", "ミュンヘン", "Munich"),
    ("CH", "バーゼル", "Basel"),
    ("NL", "ライデン", "Leiden"),
    ("SE", "ストックホルム", "Stockholm"),
    ("DK", "コペンハーゲン", "Copenhagen"),
    ("FI", "ヘルシンキ", "Helsinki"),
    ("IE", "ダブリン", "Dublin"),
    ("BE", "ゲント", "Ghent"),
    ("ES", "バルセロナ", "Barcelona"),
    ("IT", "ミラノ", "Milan"),
    ("CA", "トロント", "Toronto"),
    ("AU", "メルボルン", "Melbourne"),
    ("SG", "シンガポール", "Singapore"),
    ("KR", "ソウル", "Seoul"),
    ("TW", "台北", "Taipei"),
    ("IN", "ベンガルール", "Bengaluru"),
    ("IL", "テルアビブ", "Tel Aviv"),
    ("BR", "サンパウロ", "São Paulo"),
]
JAPANESE_CITIES = [city for city in CITIES if city[0] == "JP"]
# Readings (よみがな) of the kanji in generated partner names; kana read as written.
KANJI_READINGS = {
    "東京": "とうきょう",
    "大阪": "おおさか",
    "京都": "きょうと",
    "神戸": "こうべ",
    "横浜": "よこはま",
    "川崎": "かわさき",
    "福岡": "ふくおか",
    "札幌": "さっぽろ",
    "仙台": "せんだい",
    "名古屋": "なごや",
    "広島": "ひろしま",
    "台北": "たいぺい",
    "先端医科学": "せんたんいかがく",
    "再生医療": "さいせいいりょう",
    "医療": "いりょう",
    "創薬": "そうやく",
    "免疫": "めんえき",
}

FIELDS = [
    ("ライフサイエンス", "Life Science"),
    ("医療", "Medical"),
    ("バイオ", "Bio"),
    ("先端医科学", "Advanced Medical Science"),
    ("創薬", "Drug Discovery"),
    ("再生医療", "Regenerative Medicine"),
    ("ゲノム", "Genomics"),
    ("ヘルスケア", "Healthcare"),
    ("デジタルヘルス", "Digital Health"),
    ("免疫", "Immunology"),
]

# How each kind of organisation is named: (Japanese, English) templates.
NAMES = {
    Kind.UNIVERSITY: ("{city}{field}大学", "{city} University of {field}"),
    Kind.RESEARCH: ("{city}{field}研究所", "{city} {field} Research Institute"),
    Kind.CLUSTER: ("{city}{field}クラスター", "{city} {field} Cluster"),
    Kind.LOCAL_GOVERNMENT: ("{city}市{field}推進室", "City of {city} {field} Office"),
    Kind.FOUNDATION: ("{city}{field}振興財団", "{city} {field} Foundation"),
    Kind.COMPANY: ("{field}{city}株式会社", "{city} {field} Inc."),
    Kind.OTHER: ("{city}{field}協議会", "{city} {field} Council"),
}
# The readings of the Japanese name patterns above.
NAME_READINGS = {
    Kind.UNIVERSITY: "{city}{field}だいがく",
    Kind.RESEARCH: "{city}{field}けんきゅうしょ",
    Kind.CLUSTER: "{city}{field}くらすたー",
    Kind.LOCAL_GOVERNMENT: "{city}し{field}すいしんしつ",
    Kind.FOUNDATION: "{city}{field}しんこうざいだん",
    Kind.COMPANY: "{field}{city}かぶしきがいしゃ",
    Kind.OTHER: "{city}{field}きょうぎかい",
}
KIND_WEIGHTS = {
    Kind.UNIVERSITY: 30,
    Kind.RESEARCH: 15,
    Kind.CLUSTER: 15,
    Kind.LOCAL_GOVERNMENT: 8,
    Kind.FOUNDATION: 8,
    Kind.COMPANY: 20,
    Kind.OTHER: 4,
}

SCOPE_ITEMS = [
    ("exchange", "情報交換", "Exchange of information"),
    ("events", "イベントの共催", "Co-hosted events"),
    ("visits", "相互訪問", "Mutual visits"),
    ("facilities", "施設の相互利用", "Mutual use of facilities"),
    ("members", "会員へのサービス", "Services to members"),
    ("research", "共同研究の推進", "Joint research"),
]
VENUES = [
    ("tokyo", "日本橋ホール", "Nihonbashi Hall", "東京", "Tokyo", "Asia/Tokyo", VenueKind.HALL),
    ("osaka", "大阪オフィス", "Osaka office", "大阪", "Osaka", "Asia/Tokyo", VenueKind.OFFICE),
    (
        "new-york",
        "ニューヨーク・ラウンジ",
        "New York lounge",
        "ニューヨーク",
        "New York",
        "America/New_York",
        VenueKind.LOUNGE,
    ),
    (
        "london",
        "ロンドン・オフィス",
        "London office",
        "ロンドン",
        "London",
        "Europe/London",
        VenueKind.OFFICE,
    ),
    ("online", "オンライン配信", "Online stream", "", "", "Asia/Tokyo", VenueKind.ONLINE),
]
EVENT_CATEGORIES = [
    ("seminar", "セミナー", "Seminar"),
    ("forum", "フォーラム", "Forum"),
    ("networking", "交流会", "Networking"),
    ("pitch", "ピッチイベント", "Pitch event"),
]
EVENT_KINDS = [
    ("{field}セミナー", "Seminar on {field}"),
    ("{city}{field}フォーラム", "{city} {field} forum"),
    ("{field}交流会", "{field} networking evening"),
    ("{city}発 {field}ピッチ", "{field} pitches from {city}"),
]
RELEASE_TITLES = {
    ReleaseCategory.PRESS_RELEASE: (
        "{partner}と連携に関する覚書を締結",
        "LINK-J signs a memorandum with {partner}",
    ),
    ReleaseCategory.NEWS: ("{city}の{field}拠点に関するお知らせ", "News from {city}: {field}"),
    ReleaseCategory.EVENT_REPORT: (
        "{field}セミナーを開催しました",
        "Report: a seminar on {field}",
    ),
}


@dataclass(frozen=True)
class Counts:
    partners: int
    releases: int
    events: int


@dataclass
class Row:
    """An unsaved object, the unsaved rows that point to it (with the name of their foreign
    key) and its many-to-many links (through model, the other side's column and value)."""

    obj: models.Model
    children: list[tuple[str, Row]] = field(default_factory=list)
    links: list[tuple[type[models.Model], dict]] = field(default_factory=list)


def _save(model: type[models.Model], rows: Sequence[Row]) -> None:
    """Insert the objects, then their children (recursively) and links, one INSERT per table."""
    model.objects.bulk_create([row.obj for row in rows])  # sets primary keys in place
    children: dict[type[models.Model], list[Row]] = defaultdict(list)
    links: dict[type[models.Model], list[models.Model]] = defaultdict(list)
    own_column = f"{model._meta.model_name}_id"
    for row in rows:
        for foreign_key, child in row.children:
            setattr(child.obj, foreign_key, row.obj)
            children[type(child.obj)].append(child)
        for through, values in row.links:
            links[through].append(through(**{own_column: row.obj.pk}, **values))
    for child_model, child_rows in children.items():
        _save(child_model, child_rows)
    for through, objs in links.items():
        through.objects.bulk_create(objs)


def _rng(seed: int, kind: str, index: int) -> random.Random:
    # One generator per row: a row's content depends on its index only, never on how many
    # rows were made before it in this run.
    return random.Random(f"{seed}:{kind}:{index}")


def _weighted(rng: random.Random, weights: dict):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _slug(kind: str, index: int) -> str:
    return f"{PREFIX}{kind}-{index:06d}"


def generated(model: type[models.Model]) -> models.QuerySet:
    return model.objects.filter(slug__startswith=PREFIX)


def demo_slugs() -> dict[type[models.Model], set[str]]:
    from events.demo import EVENTS
    from news.demo import RELEASES
    from partners.demo import PARTNERS

    return {
        Partner: {item["slug"] for item in PARTNERS},
        Release: {item["slug"] for item in RELEASES},
        Event: {item["slug"] for item in EVENTS},
    }


def real_content() -> dict[str, int]:
    """How many partners, releases and events are neither generated nor demo content."""
    found = {}
    for model, slugs in demo_slugs().items():
        count = model.objects.exclude(slug__startswith=PREFIX).exclude(slug__in=slugs).count()
        if count:
            found[str(model._meta.verbose_name_plural)] = count
    return found


def missing(counts: Counts) -> Counts:
    return Counts(
        partners=max(0, counts.partners - generated(Partner).count()),
        releases=max(0, counts.releases - generated(Release).count()),
        events=max(0, counts.events - generated(Event).count()),
    )


def _missing_indexes(model: type[models.Model], kind: str, target: int) -> list[int]:
    existing = set(generated(model).values_list("slug", flat=True))
    wanted = max(0, target - len(existing))
    indexes = []
    index = 0
    while len(indexes) < wanted:
        if _slug(kind, index) not in existing:
            indexes.append(index)
        index += 1
    return indexes


def _batches(items: Sequence[int], size: int) -> Iterator[Sequence[int]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _day_in_window(rng: random.Random, today: datetime.date, *, ahead_days: int = 0):
    span = YEARS_BACK * 365 + ahead_days
    return today - datetime.timedelta(days=YEARS_BACK * 365 - rng.randrange(span))


# Taxonomies: a few named rows, created once.


def _terms(model, items, *, extra: Callable[[int, tuple], dict] | None = None) -> list:
    rows = []
    for position, item in enumerate(items):
        slug, name_ja, name_en = item[:3]
        values = {"name_ja": name_ja, "name_en": name_en, "position": 100 + position}
        if extra:
            values.update(extra(position, item))
        row, _created = model.objects.get_or_create(slug=f"{PREFIX}{slug}", defaults=values)
        rows.append(row)
    return rows


def scope_items() -> list[ScopeItem]:
    return _terms(ScopeItem, SCOPE_ITEMS)


def venues() -> list[Venue]:
    def extra(position, item):
        _slug_, _ja, _en, city_ja, city_en, zone, kind = item
        return {"city_ja": city_ja, "city_en": city_en, "time_zone": zone, "kind": kind}

    return _terms(Venue, VENUES, extra=extra)


def event_categories() -> list[EventCategory]:
    return _terms(EventCategory, EVENT_CATEGORIES)


# Partners, with one to three agreements each.


def reading(word: str) -> str:
    """The reading of a city or field name: from KANJI_READINGS, or the kana themselves."""
    return to_hiragana(KANJI_READINGS.get(word, word))


def _partner(index: int, seed: int, today: datetime.date, scopes: Sequence[ScopeItem]) -> Row:
    rng = _rng(seed, "partner", index)
    kind = _weighted(rng, KIND_WEIGHTS)
    country, city_ja, city_en = rng.choice(
        JAPANESE_CITIES if rng.random() < 0.4 or kind == Kind.LOCAL_GOVERNMENT else CITIES
    )
    field_ja, field_en = rng.choice(FIELDS)
    name_ja, name_en = NAMES[kind]
    english = rng.random() > 0.1  # some partners have no English name yet
    partner = Partner(
        slug=_slug("partner", index),
        kind=kind,
        country=country,
        name_ja=name_ja.format(city=city_ja, field=field_ja),
        name_reading=NAME_READINGS[kind].format(city=reading(city_ja), field=reading(field_ja)),
        name_en=name_en.format(city=city_en, field=field_en) if english else "",
        short_name_en=f"{city_en[:3].upper()}{field_en[:1]}{index}",
        city_ja=city_ja,
        city_en=city_en,
        website=f"https://www.example.org/{index}" if rng.random() < 0.7 else "",
        description_ja=f"{city_ja}を拠点とする{field_ja}の組織です。",
        description_en=f"A {field_en.lower()} organisation based in {city_en}." if english else "",
        is_disclosed=rng.random() > 0.02,
    )
    row = Row(partner)
    first = _day_in_window(rng, today)
    signed = first
    for number in range(rng.choice([1, 1, 1, 2, 2, 3])):
        if number:
            signed = signed + datetime.timedelta(days=rng.randrange(180, 1100))
            if signed > today:
                break
        precision = rng.choices(
            [DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR], weights=[85, 12, 3]
        )[0]
        day = signed
        if precision == DatePrecision.MONTH:
            day = signed.replace(day=1)
        elif precision == DatePrecision.YEAR:
            day = signed.replace(month=1, day=1)
        agreement = Agreement(
            signed_on=day,
            date_precision=precision,
            agreement_type=rng.choice(AgreementType.values),
            term_years=rng.choice([None, 1, 2, 3, 5]),
            notes_ja="更新の覚書" if number else "",
            notes_en="Renewal" if number else "",
        )
        scope_links = [
            (Agreement.scope_items.through, {"scopeitem_id": scopes[pick].pk})
            for pick in rng.sample(range(len(scopes)), rng.randint(1, 3))
        ]
        row.children.append(("partner", Row(agreement, links=scope_links)))
    if rng.random() < 0.05:
        former = FormerName(
            name_ja=f"旧{partner.name_ja}", name_en=f"Former {partner.name_en or city_en}"
        )
        row.children.append(("partner", Row(former)))
    return row


def make_partners(indexes: Sequence[int], *, seed: int, today: datetime.date, scopes) -> None:
    with transaction.atomic():
        rows = [_partner(index, seed, today, scopes) for index in indexes]
        _save(Partner, rows)
        # bulk_create sends no signal: the search documents are written here.
        search_documents.index(SearchKind.PARTNER, [row.obj.pk for row in rows])


# Releases: both languages mostly, some Japanese only, drafts, embargoes and take-downs.


def _at_tokyo(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=TOKYO)


def _release(index: int, seed: int, today: datetime.date, partners: Sequence[tuple]) -> Row:
    rng = _rng(seed, "release", index)
    category = rng.choices(list(RELEASE_TITLES), weights=[50, 35, 15])[0]
    day = _day_in_window(rng, today, ahead_days=30)
    _country, city_ja, city_en = rng.choice(CITIES)
    field_ja, field_en = rng.choice(FIELDS)
    about = rng.sample(partners, rng.choice([0, 1, 1, 2])) if partners else []
    partner_ja = about[0][2] if about else f"{city_ja}の{field_ja}団体"
    partner_en = (about[0][3] or about[0][2]) if about else f"a {field_en.lower()} group"
    title_ja, title_en = RELEASE_TITLES[category]
    english = rng.random() < 0.8
    words = {"city": city_en, "field": field_en, "partner": partner_en}
    status = rng.choices(
        [Status.PUBLISHED, Status.DRAFT, Status.REVIEW, Status.WITHDRAWN], weights=[88, 5, 4, 3]
    )[0]
    publish_ja = publish_en = unpublish = None
    if status == Status.PUBLISHED:
        publish_ja = _at_tokyo(day, rng.randint(9, 17), rng.choice([0, 15, 30, 45]))
        if english:
            publish_en = publish_ja + datetime.timedelta(days=rng.choice([0, 0, 0, 1, 3]))
        if rng.random() < 0.02:
            unpublish = max(publish_ja, publish_en or publish_ja) + datetime.timedelta(days=90)
    release = Release(
        slug=_slug("release", index),
        date=day,
        category=category,
        title_ja=title_ja.format(city=city_ja, field=field_ja, partner=partner_ja),
        title_en=title_en.format(**words) if english else "",
        subtitle_ja=f"{field_ja}分野での取り組み" if rng.random() < 0.3 else "",
        subtitle_en=f"Working together on {field_en.lower()}" if english else "",
        lead_ja=f"LINK-Jは{city_ja}で{field_ja}に関する取り組みを発表しました。",
        lead_en=f"LINK-J announced new work on {field_en.lower()} in {city_en}." if english else "",
        body_ja=f"<p>{city_ja}における{field_ja}の連携について、詳細をお知らせします。</p>",
        body_en=f"<p>Details of the {field_en.lower()} work in {city_en}.</p>" if english else "",
        status=status,
        publish_at_ja=publish_ja,
        publish_at_en=publish_en,
        unpublish_at=unpublish,
    )
    quote = None
    if rng.random() < 0.1:
        quote = Quote(
            speaker_ja="山田 花子",
            speaker_en="Hanako Yamada",
            organisation_ja="LINK-J",
            organisation_en="LINK-J",
            text_ja="大変うれしく思います。",
            text_en="We are delighted." if english else "",
        )
    row = Row(release)
    row.links = [(Release.partners.through, {"partner_id": pk}) for pk, *_rest in about]
    if about and about[0][1] and category == ReleaseCategory.PRESS_RELEASE:
        row.links.append((Release.agreements.through, {"agreement_id": about[0][1]}))
    if quote is not None:
        row.children.append(("release", Row(quote)))
    return row


def make_releases(indexes: Sequence[int], *, seed: int, today: datetime.date, partners) -> None:
    with transaction.atomic():
        rows = [_release(index, seed, today, partners) for index in indexes]
        _save(Release, rows)
        # bulk_create sends no signal: the search documents are written here.
        search_documents.index(SearchKind.RELEASE, [row.obj.pk for row in rows])


# Events: ten years back, one year ahead, at venues in three time zones.


def _event(index: int, seed: int, today: datetime.date, context: dict) -> Row:
    rng = _rng(seed, "event", index)
    venue = rng.choice(context["venues"])
    day = _day_in_window(rng, today, ahead_days=365)
    _country, city_ja, city_en = rng.choice(CITIES)
    field_ja, field_en = rng.choice(FIELDS)
    title_ja, title_en = rng.choice(EVENT_KINDS)
    # Wall-clock hours at the venue, never in a daylight-saving gap (those are at night).
    starts = datetime.datetime(
        day.year, day.month, day.day, rng.randint(9, 18), rng.choice([0, 30]), tzinfo=venue.tzinfo
    ).astimezone(datetime.UTC)
    if rng.random() < 0.03:
        ends = starts + datetime.timedelta(days=rng.randint(1, 2), hours=2)
    else:
        ends = starts + datetime.timedelta(minutes=rng.choice([60, 90, 120, 180]))
    english = rng.random() < 0.75
    words = {"city": city_en, "field": field_en}
    event = Event(
        slug=_slug("event", index),
        title_ja=title_ja.format(city=city_ja, field=field_ja),
        title_en=title_en.format(**words) if english else "",
        summary_ja=f"{field_ja}の最新動向を{city_ja}からお届けします。",
        summary_en=f"The latest in {field_en.lower()}, from {city_en}." if english else "",
        body_ja=f"<p>{field_ja}について議論します。</p>",
        body_en=f"<p>A discussion of {field_en.lower()}.</p>" if english else "",
        venue=venue,
        starts_at=starts,
        ends_at=ends,
        status=rng.choices(
            [
                EventStatus.SCHEDULED,
                EventStatus.REGISTRATION_OPEN,
                EventStatus.CLOSED,
                EventStatus.FULL,
                EventStatus.CANCELLED,
                EventStatus.POSTPONED,
                EventStatus.TBA,
            ],
            weights=[40, 20, 25, 5, 4, 3, 3],
        )[0],
        format=Format.ONLINE if venue.kind == VenueKind.ONLINE else rng.choice(Format.values),
        language=rng.choices(EventLanguage.values, weights=[70, 10, 20])[0],
        organiser_role=rng.choice(OrganiserRole.values),
        category=rng.choice(context["categories"]) if rng.random() < 0.9 else None,
        publication=Status.PUBLISHED if rng.random() < 0.95 else Status.DRAFT,
        publish_at=starts - datetime.timedelta(days=rng.randint(14, 60)),
    )
    event.fill_local_dates()
    row = Row(event)
    for position in range(rng.choice([0, 0, 1, 2])):
        speaker = Speaker(
            name_ja=f"講演者 {position + 1}", name_en=f"Speaker {position + 1}", position=position
        )
        row.children.append(("event", Row(speaker)))
    if context["partners"] and rng.random() < 0.3:
        partner_pk = rng.choice(context["partners"])[0]
        row.links.append((Event.partners.through, {"partner_id": partner_pk}))
    if context["releases"] and rng.random() < 0.05:
        release_pk = rng.choice(context["releases"])
        row.links.append((Event.related_releases.through, {"release_id": release_pk}))
    return row


def make_events(indexes: Sequence[int], *, seed: int, today: datetime.date, context: dict):
    with transaction.atomic():
        rows = [_event(index, seed, today, context) for index in indexes]
        _save(Event, rows)
        # bulk_create sends no signal: the search documents are written here.
        search_documents.index(SearchKind.EVENT, [row.obj.pk for row in rows])


def partner_choices() -> list[tuple]:
    """Generated disclosed partners: (pk, first agreement pk, name ja, name en), by slug."""
    firsts = {}
    for partner_id, agreement_id in (
        Agreement.objects.filter(partner__slug__startswith=PREFIX)
        .order_by("partner_id", "signed_on", "pk")
        .values_list("partner_id", "pk")
    ):
        firsts.setdefault(partner_id, agreement_id)
    return [
        (pk, firsts.get(pk), name_ja, name_en)
        for pk, name_ja, name_en in generated(Partner)
        .filter(is_disclosed=True)
        .order_by("slug")
        .values_list("pk", "name_ja", "name_en")
    ]


def generate(
    counts: Counts,
    *,
    seed: int = 7,
    batch_size: int = 2000,
    progress: Callable[[str, int, int], None] | None = None,
) -> Counts:
    """Top generated partners, releases and events up to `counts`; returns what was added."""
    today = timezone.localdate()
    report = progress or (lambda label, done, total: None)
    scopes = scope_items()
    added = {}

    indexes = _missing_indexes(Partner, "partner", counts.partners)
    for done, batch in enumerate(_batches(indexes, max(1, batch_size // 2))):
        make_partners(batch, seed=seed, today=today, scopes=scopes)
        report("partners", min(len(indexes), (done + 1) * max(1, batch_size // 2)), len(indexes))
    added["partners"] = len(indexes)

    partners = partner_choices()
    indexes = _missing_indexes(Release, "release", counts.releases)
    for done, batch in enumerate(_batches(indexes, batch_size)):
        make_releases(batch, seed=seed, today=today, partners=partners)
        report("releases", min(len(indexes), (done + 1) * batch_size), len(indexes))
    added["releases"] = len(indexes)

    indexes = _missing_indexes(Event, "event", counts.events)
    if indexes:
        context = {
            "venues": venues(),
            "categories": event_categories(),
            "partners": partners,
            "releases": list(
                generated(Release)
                .filter(status=Status.PUBLISHED)
                .order_by("slug")[:2000]
                .values_list("pk", flat=True)
            ),
        }
        for done, batch in enumerate(_batches(indexes, batch_size)):
            make_events(batch, seed=seed, today=today, context=context)
            report("events", min(len(indexes), (done + 1) * batch_size), len(indexes))
    added["events"] = len(indexes)

    if connection.vendor == "postgresql" and any(added.values()):
        # Fresh statistics, so the planner picks the indexes the pages were designed for;
        # VACUUM (impossible inside a transaction) also fills the visibility map that lets
        # counts use index-only scans.
        command = "ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE"
        with connection.cursor() as cursor:
            for model in (
                Partner,
                Agreement,
                Release,
                Event,
                Release.partners.through,
                search_documents.Document,
            ):
                cursor.execute(f"{command} {connection.ops.quote_name(model._meta.db_table)}")
    return Counts(**added)
