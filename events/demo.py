"""Demo venues and events, in both languages, written for this site from the press releases.

Idempotent: objects are keyed on slugs and saved only when a value differs, so a second run
returns 0 and touches nothing. Upcoming examples have fixed dates in 2027 and say "Example"
(「サンプル」) in their titles, so the upcoming list is never empty in a demo.
"""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

from linkj.demo import sync, sync_m2m
from linkj.publishing import Status
from news.models import Release
from partners.models import Partner

from .models import (
    Category,
    Event,
    EventLanguage,
    EventStatus,
    Format,
    OrganiserRole,
    Speaker,
    TimePrecision,
    Venue,
    VenueKind,
)
from .timezones import whole_days, whole_months

TOKYO = ZoneInfo("Asia/Tokyo")
NEW_YORK = ZoneInfo("America/New_York")
PUBLISHED_FROM = datetime.datetime(2017, 1, 1, tzinfo=TOKYO)

VENUES = {
    "nihonbashi": {
        "name_ja": "LINK-J 日本橋",
        "name_en": "LINK-J Nihonbashi",
        "city_ja": "東京",
        "city_en": "Tokyo",
        "kind": VenueKind.OFFICE,
        "time_zone": "Asia/Tokyo",
        "address_ja": "東京都中央区日本橋室町",
        "address_en": "Nihonbashi-Muromachi, Chuo-ku, Tokyo, Japan",
        "description_ja": (
            "<p>LINK-Jの本拠地。製薬企業が集まる日本橋で、セミナーや交流会を開いています。</p>"
        ),
        "description_en": (
            "<p>LINK-J’s home base, in the Nihonbashi district where many pharmaceutical "
            "companies have their offices. Seminars and networking evenings take place here.</p>"
        ),
        "position": 1,
    },
    "linkj-west": {
        "name_ja": "LINK-J WEST（大阪）",
        "name_en": "LINK-J WEST (Osaka)",
        "city_ja": "大阪",
        "city_en": "Osaka",
        "kind": VenueKind.OFFICE,
        "time_zone": "Asia/Tokyo",
        "address_ja": "大阪府大阪市",
        "address_en": "Osaka, Japan",
        "description_ja": (
            "<p>関西でのLINK-Jの拠点です。西日本の研究者や企業との交流の場になっています。</p>"
        ),
        "description_en": (
            "<p>LINK-J’s base in the Kansai region, where researchers and companies from "
            "western Japan meet.</p>"
        ),
        "position": 2,
    },
    "nyc-lounge": {
        "name_ja": "横浜・LINK-J ライフサイエンス・ラウンジ@NYC",
        "name_en": "Yokohama-LINK-J Life Science Lounge @NYC",
        "city_ja": "ニューヨーク",
        "city_en": "New York",
        "kind": VenueKind.LOUNGE,
        "time_zone": "America/New_York",
        "address_ja": "米国ニューヨーク市（横浜市米州事務所内）",
        "address_en": "Inside the City of Yokohama Americas Office, New York, NY, USA",
        "description_ja": (
            "<p>横浜市とLINK-Jが2022年10月、横浜市米州事務所の中に開いたラウンジです。"
            "2019年に結んだ連携の覚書にもとづく取り組みの一つで、米国のライフサイエンス"
            "ビジネスの情報を集め、人が出会う場をつくります。</p>"
            "<p>ラウンジで開くセミナーは日本にもオンラインで配信します。ニューヨーク近郊に"
            "加え、ボストンの話題も取り上げる予定です。</p>"
        ),
        "description_en": (
            "<p>A lounge that the City of Yokohama and LINK-J opened in October 2022 inside "
            "the city’s Americas office in New York. It grew out of the partnership the two "
            "signed in 2019, and gathers news of the US life-science business while giving "
            "people a place to meet.</p>"
            "<p>Seminars held at the lounge are streamed online to Japan. Besides New York "
            "and its surroundings, they will also cover Boston.</p>"
        ),
        "usage_ja": (
            "<p>ラウンジを一時的に使えるのは、LINK-JとLINK-J特別会員です（予約制）。"
            "打ち合わせの場所としてだけでなく、米国進出を目指す企業や現地で働く日本人"
            "専門家と知り合う場としてもご利用ください。</p>"
            "<p>特別会員の方は、このページの「ラウンジを予約する」からご予約いただけます。"
            "ご不明な点はLINK-J事務局までお問い合わせください。</p>"
        ),
        "usage_en": (
            "<p>LINK-J itself and LINK-J’s special members may use the lounge for short "
            "stays, by reservation. Use it for meetings, or to meet companies heading for the "
            "US market and Japanese experts working locally.</p>"
            "<p>Special members book online with “Book the lounge” on this page; for anything "
            "else, please contact the LINK-J office.</p>"
        ),
        "position": 3,
    },
    "kobe": {
        "name_ja": "神戸医療産業都市（神戸）",
        "name_en": "Kobe Biomedical Innovation Cluster (Kobe)",
        "city_ja": "神戸",
        "city_en": "Kobe",
        "kind": VenueKind.HALL,
        "time_zone": "Asia/Tokyo",
        "address_ja": "兵庫県神戸市",
        "address_en": "Kobe, Hyogo, Japan",
        "position": 4,
    },
    "online": {
        "name_ja": "オンライン",
        "name_en": "Online",
        "city_ja": "",
        "city_en": "",
        "kind": VenueKind.ONLINE,
        "time_zone": "Asia/Tokyo",
        "position": 5,
    },
}

CATEGORIES = {
    "seminar": {"name_ja": "セミナー", "name_en": "Seminar", "position": 1},
    "forum": {"name_ja": "フォーラム", "name_en": "Forum", "position": 2},
    "networking": {"name_ja": "交流会", "name_en": "Networking", "position": 3},
}


def _at(tz, *args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=tz)


def _days(zone: str, first: datetime.date) -> dict:
    starts_at, ends_at = whole_days(first, first, zone)
    return {"time_precision": TimePrecision.DAY, "starts_at": starts_at, "ends_at": ends_at}


def _month(zone: str, first: datetime.date) -> dict:
    starts_at, ends_at = whole_months(first, first, zone)
    return {"time_precision": TimePrecision.MONTH, "starts_at": starts_at, "ends_at": ends_at}


EVENTS = [
    {
        "slug": "nyc-lounge-opening-seminar-2022",
        "venue": "nyc-lounge",
        "category": "seminar",
        "partners": ["yokohama"],
        "releases": ["yokohama-lounge-nyc"],
        "values": {
            # The release gives this (tentative) title; the English is our translation.
            "title_ja": "米国の最新ライフサイエンス事情～創薬のトレンドやVCの活動を中心に～",
            "title_en": "The latest in US life science: drug-discovery trends and venture capital",
            "title_is_tentative": True,
            "summary_ja": (
                "ラウンジ開設を記念する第1回セミナー。ニューヨークからライブで、米国の"
                "創薬の流れとVCの投資動向をお伝えします。"
            ),
            "summary_en": (
                "The first seminar at the new lounge, live from New York: where US drug "
                "discovery is heading and what venture capital investors are doing."
            ),
            "body_ja": "<p>詳しい内容は決まり次第お知らせします。</p>",
            "body_en": "<p>Further details will be announced as soon as they are settled.</p>",
            # The release says "the evening of the 15th in New York, the morning of the 16th
            # in Japan" and gives no hours: the page shows the date only.
            **_days("America/New_York", datetime.date(2022, 12, 15)),
            "status": EventStatus.SCHEDULED,
            "format": Format.HYBRID,
            "online_info_ja": "日本からはオンラインでライブ視聴できます（日本時間12月16日の朝）。",
            "online_info_en": (
                "Viewers in Japan can watch the live stream online "
                "(the morning of 16 December, Japan time)."
            ),
            "language": EventLanguage.JAPANESE,
            "organiser_role": OrganiserRole.CO_HOSTED,
            "organiser_note_ja": "横浜市米州事務所とLINK-Jの協業開始を記念して開催",
            "organiser_note_en": "Marks the start of LINK-J’s work with Yokohama’s Americas office",
        },
    },
    {
        "slug": "regenerative-medicine-forum-2017",
        "venue": "nihonbashi",
        "category": "forum",
        "partners": ["kobe-fbri"],
        "values": {
            "title_ja": "再生医療産業化フォーラム",
            "title_en": "Regenerative Medicine Industrialisation Forum",
            "title_is_tentative": False,
            "summary_ja": "神戸市が日本橋で開いた、再生医療の事業化をテーマとするフォーラムです。",
            "summary_en": (
                "A forum the City of Kobe held in Nihonbashi on turning regenerative "
                "medicine into businesses."
            ),
            # The sources give only the month.
            **_month("Asia/Tokyo", datetime.date(2017, 10, 1)),
            "status": EventStatus.CLOSED,
            "format": Format.IN_PERSON,
            "language": EventLanguage.JAPANESE,
            "organiser_role": OrganiserRole.CO_HOSTED,
            "organiser_note_ja": "主催：神戸市　共催：先端医療振興財団、LINK-J",
            "organiser_note_en": (
                "Organised by the City of Kobe, co-hosted by the Foundation for Biomedical "
                "Research and Innovation and LINK-J"
            ),
        },
    },
    {
        "slug": "ucsd-seminar-kobe-2018",
        "venue": "kobe",
        "category": "seminar",
        "partners": ["ucsd", "kobe-fbri"],
        "speakers": [
            {
                "name_ja": "サンドリン・ミラー＝モンゴメリー博士",
                "name_en": "Dr Sandrine Miller-Montgomery",
                "affiliation_ja": "カリフォルニア大学サンディエゴ校（UCSD）",
                "affiliation_en": "University of California San Diego (UCSD)",
            }
        ],
        "values": {
            # No source gives the seminar's title or day: the title only describes it.
            "title_ja": "UCSDの研究者を迎えた神戸でのセミナー",
            "title_en": "Seminar in Kobe with a speaker from UC San Diego",
            "title_is_tentative": False,
            "title_is_descriptive": True,
            "summary_ja": "LINK-Jの提携先であるUCSDから講師を招き、神戸で開いたセミナーです。",
            "summary_en": (
                "A seminar in Kobe with a guest speaker from UCSD, one of LINK-J’s partners."
            ),
            **_month("Asia/Tokyo", datetime.date(2018, 1, 1)),
            "status": EventStatus.CLOSED,
            "format": Format.IN_PERSON,
            "language": EventLanguage.ENGLISH,
            "organiser_role": OrganiserRole.CO_HOSTED,
        },
    },
    {
        "slug": "example-nyc-lounge-seminar-2027",
        "venue": "nyc-lounge",
        "category": "seminar",
        "partners": ["yokohama"],
        "values": {
            "title_ja": "【サンプル】ラウンジセミナー：ボストンのバイオ企業の今",
            "title_en": "Example: lounge seminar on Boston’s biotech companies",
            "title_is_tentative": False,
            "summary_ja": (
                "デモ用のサンプルイベントです。ニューヨークの夜、日本では翌朝に視聴できます。"
            ),
            "summary_en": (
                "A sample event for the demo. Evening in New York, next morning in Japan."
            ),
            "starts_at": _at(NEW_YORK, 2027, 3, 18, 18, 0),
            "ends_at": _at(NEW_YORK, 2027, 3, 18, 19, 30),
            "status": EventStatus.REGISTRATION_OPEN,
            "format": Format.HYBRID,
            "online_info_ja": "オンライン配信あり（日本時間の朝）。",
            "online_info_en": "Streamed online (morning in Japan).",
            "language": EventLanguage.JAPANESE,
            "organiser_role": OrganiserRole.CO_HOSTED,
        },
    },
    {
        "slug": "example-osaka-networking-2027",
        "venue": "linkj-west",
        "category": "networking",
        "values": {
            "title_ja": "【サンプル】LINK-J WEST 交流会",
            "title_en": "Example: networking evening at LINK-J WEST",
            "title_is_tentative": False,
            "summary_ja": "デモ用のサンプルイベントです。関西の研究者と企業が集まる交流会。",
            "summary_en": "A sample event for the demo: researchers and companies in Kansai meet.",
            "starts_at": _at(TOKYO, 2027, 2, 9, 18, 0),
            "ends_at": _at(TOKYO, 2027, 2, 9, 20, 0),
            "status": EventStatus.SCHEDULED,
            "format": Format.IN_PERSON,
            "language": EventLanguage.JAPANESE,
            "organiser_role": OrganiserRole.HOSTED,
        },
    },
    {
        "slug": "example-online-webinar-2027",
        "venue": "online",
        "category": "seminar",
        "values": {
            "title_ja": "【サンプル】昼のオンライン勉強会",
            "title_en": "Example: lunchtime online study session",
            "title_is_tentative": True,
            "summary_ja": "デモ用のサンプルイベントです。詳細は後日お知らせします。",
            "summary_en": "A sample event for the demo. Details to follow.",
            "starts_at": _at(TOKYO, 2027, 5, 20, 12, 0),
            "ends_at": _at(TOKYO, 2027, 5, 20, 13, 0),
            "status": EventStatus.TBA,
            "format": Format.ONLINE,
            "online_info_ja": "視聴方法は参加登録の方にお知らせします。",
            "online_info_en": "Viewing details will be sent to registered participants.",
            "language": EventLanguage.JAPANESE,
            "organiser_role": OrganiserRole.HOSTED,
        },
    },
]


def load(stdout) -> int:
    changes = 0
    venues = {}
    for slug, values in VENUES.items():
        values = {"address_ja": "", "address_en": "", "description_ja": "", "description_en": "",
                  "usage_ja": "", "usage_en": "", **values}  # fmt: skip
        venues[slug], changed = sync(Venue, {"slug": slug}, values)
        changes += changed
        if changed and venues[slug].events.exists():
            venues[slug].events.refresh_local_dates()
    categories = {}
    for slug, values in CATEGORIES.items():
        categories[slug], changed = sync(Category, {"slug": slug}, values)
        changes += changed
    for spec in EVENTS:
        values = {
            "venue": venues[spec["venue"]],
            "category": categories[spec["category"]],
            "publication": Status.PUBLISHED,
            "publish_at": PUBLISHED_FROM,
            **spec["values"],
        }
        event, changed = sync(Event, {"slug": spec["slug"]}, values)
        changes += changed
        wanted = set(Partner.objects.filter(slug__in=spec.get("partners", [])))
        missing = set(spec.get("partners", [])) - {partner.slug for partner in wanted}
        if missing:
            names = ", ".join(sorted(missing))
            stdout.write(f"events.demo: partner(s) not found, skipped: {names}")
        changes += sync_m2m(event.partners, wanted)
        releases = Release.objects.filter(slug__in=spec.get("releases", []))
        changes += sync_m2m(event.related_releases, list(releases))
        for position, speaker in enumerate(spec.get("speakers", [])):
            _obj, changed = sync(Speaker, {"event": event, "position": position}, speaker)
            changes += changed
    return changes
