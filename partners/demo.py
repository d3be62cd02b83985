"""Demo partners: every organisation named in the seed releases, with its first agreement.

Dates, places and scopes are facts from LINK-J's releases; the descriptions are our own words.
"""

from __future__ import annotations

import datetime
import io

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw, ImageFont

from linkj.demo import sync, sync_m2m

from .models import (
    Agreement,
    AgreementType,
    DatePrecision,
    FormerName,
    Kind,
    Partner,
    ScopeItem,
    Side,
    Signatory,
)

SCOPE_ITEMS = [
    (
        "exchange-information",
        "刊行物・資料・情報の交換",
        "Exchange of publications, materials and information",
    ),
    ("co-hosting", "プログラムやイベントの相互開催", "Co-hosting of programmes and events"),
    ("member-services", "双方の会員へのサービス提供", "Services to each other's members"),
    ("mutual-visits", "相互訪問", "Mutual visits"),
    (
        "co-sponsorship",
        "活動・イベント・プログラムの共催、協賛、告知での協力",
        "Co-sponsorship and announcement of activities, events and programmes",
    ),
    (
        "dissemination",
        "メールマガジンやウェブでの情報発信",
        "Sharing news through newsletters and the web",
    ),
    ("facilities", "施設の相互利用", "Mutual use of facilities"),
    ("cluster-links", "国内外のクラスターとの連携推進", "Links with clusters in Japan and abroad"),
    (
        "symposia",
        "著名な教授を招いた日本橋でのシンポジウム",
        "Symposia in Nihonbashi with invited professors",
    ),
    ("short-programmes", "特別な短期プログラムの提供", "Special short-term programmes"),
]

M = DatePrecision.MONTH
D = DatePrecision.DAY

# slug, reading of the Japanese name (よみがな: 五十音 order, legal forms such as 公益財団法人
# left out as dictionaries do), kind, country, names (ja, en), short names (ja, en), city (ja, en), website,
# description (ja, en), signed_on, precision, scope slugs, term in years, signatories
PARTNERS = [
    {
        "slug": "ucsd",
        "reading": "かりふぉるにあだいがくさんでぃえごこう",
        "kind": Kind.UNIVERSITY,
        "country": "US",
        "name": ("カリフォルニア大学サンディエゴ校", "University of California San Diego"),
        "short_name": ("UCSD", "UCSD"),
        "city": ("サンディエゴ", "San Diego"),
        "website": "https://ucsd.edu/",
        "description": (
            "米国西海岸を代表する研究大学のひとつ。LINK-J が最初に覚書を交わした提携先で、日本橋での教授招聘シンポジウムなどを通じて交流を続けています。",
            "A leading research university on the US West Coast and LINK-J's first partner. The two organise symposia in Nihonbashi with invited professors.",
        ),
        "signed": datetime.date(2016, 5, 1),
        "precision": M,
        "scope": ["exchange-information", "co-hosting", "symposia"],
    },
    {
        "slug": "biocom",
        "reading": "ばいおこむ",
        "kind": Kind.CLUSTER,
        "country": "US",
        "name": ("BIOCOM", "Biocom"),
        "short_name": ("BIOCOM", "BIOCOM"),
        "city": ("サンディエゴ", "San Diego"),
        "website": "https://www.biocom.org/",
        "description": (
            "サンディエゴを拠点とするライフサイエンス業界団体。UCSD と同じ月に提携し、会員向けサービスの相互提供を行っています。",
            "The San Diego life-science industry association. It joined in the same month as UCSD, and the two networks open their services to each other's members.",
        ),
        "signed": datetime.date(2016, 5, 1),
        "precision": M,
        "scope": ["member-services", "exchange-information", "co-hosting"],
    },
    {
        "slug": "eurobiomed",
        "reading": "ゆーろばいおめっど",
        "kind": Kind.CLUSTER,
        "country": "FR",
        "name": ("ユーロバイオメッド", "Eurobiomed"),
        "short_name": ("Eurobiomed", "Eurobiomed"),
        "city": ("南フランス", "Southern France"),
        "website": "https://www.eurobiomed.org/",
        "description": (
            "南フランスのヘルスケア・ライフサイエンス企業と研究機関をつなぐクラスター団体です。",
            "A cluster that brings together health and life-science companies and laboratories in the south of France.",
        ),
        "signed": datetime.date(2017, 6, 1),
        "precision": M,
        "scope": ["member-services", "exchange-information", "co-hosting"],
    },
    {
        "slug": "krp",
        "reading": "きょうとりさーちぱーくかぶしきがいしゃ",
        "kind": Kind.RESEARCH,
        "country": "JP",
        "name": ("京都リサーチパーク株式会社", "Kyoto Research Park Corp."),
        "short_name": ("KRP", "KRP"),
        "city": ("京都市", "Kyoto"),
        "website": "https://www.krp.co.jp/",
        "description": (
            "民間が運営するリサーチパークとして国内で最初に開設されました。関西での LINK-J の最初の提携先です。",
            "The first privately run research park in Japan, and LINK-J's first partner in the Kansai region.",
        ),
        "signed": datetime.date(2017, 7, 1),
        "precision": M,
        "scope": ["co-sponsorship", "exchange-information", "mutual-visits"],
    },
    {
        "slug": "one-nucleus",
        "reading": "わん・にゅーくりあす",
        "kind": Kind.CLUSTER,
        "country": "GB",
        "name": ("ワン・ニュークリアス", "One Nucleus"),
        "short_name": ("One Nucleus", "One Nucleus"),
        "city": ("ケンブリッジ", "Cambridge"),
        "website": "https://www.onenucleus.com/",
        "description": (
            "英国を拠点とする、欧州でも最大規模の会員制ライフサイエンス団体です。",
            "A UK membership organisation for life sciences and one of the largest of its kind in Europe.",
        ),
        "signed": datetime.date(2017, 12, 1),
        "precision": M,
        "scope": ["member-services", "exchange-information", "co-hosting"],
    },
    {
        # Sources disagree on the month: the foundation's own release and the history table
        # in the Osaka release say January 2018, the running text of two later releases says
        # February 2018. We keep January, the month of the announcement itself.
        "slug": "kobe-fbri",
        "reading": "こうべいりょうさんぎょうとしすいしんきこう",
        "kind": Kind.FOUNDATION,
        "country": "JP",
        "name": (
            "公益財団法人神戸医療産業都市推進機構",
            "Foundation for Biomedical Research and Innovation at Kobe",
        ),
        "short_name": ("神戸医療産業都市推進機構", "FBRI"),
        "former": (
            "公益財団法人先端医療振興財団",
            "Foundation for Biomedical Research and Innovation",
        ),
        "former_until": datetime.date(2018, 3, 31),
        "city": ("神戸市", "Kobe"),
        "website": "https://www.fbri-kobe.org/",
        "description": (
            "神戸市の医療産業クラスターで、国内でも最大規模の「神戸医療産業都市」を支える中核機関。LINK-J との提携は先端医療振興財団の名称で結び、2018 年に現在の名称になりました。",
            "The core body of the Kobe Biomedical Innovation Cluster, the city's biomedical cluster and one of Japan's largest. It signed with LINK-J as the Foundation for Biomedical Research and Innovation and took its present name later in 2018.",
        ),
        "signed": datetime.date(2018, 1, 1),
        "precision": M,
        "scope": ["co-sponsorship", "exchange-information", "mutual-visits"],
    },
    {
        "slug": "keio-iab",
        "reading": "けいおうぎじゅくだいがくせんたんせいめいかがくけんきゅうしょ",
        "kind": Kind.RESEARCH,
        "country": "JP",
        "name": (
            "慶應義塾大学先端生命科学研究所",
            "Institute for Advanced Biosciences, Keio University",
        ),
        "short_name": ("慶應 IAB", "Keio IAB"),
        "city": ("山形県鶴岡市", "Tsuruoka, Yamagata"),
        "website": "https://www.iab.keio.ac.jp/",
        "description": (
            "山形県鶴岡市にある慶應義塾大学の研究所で、メタボローム解析などの先端研究と、そこから生まれたベンチャーで知られています。",
            "Keio University's institute in Tsuruoka, Yamagata, known for metabolomics and the start-ups that grew out of its research.",
        ),
        "signed": datetime.date(2018, 4, 1),
        "precision": M,
        "scope": ["co-sponsorship", "exchange-information", "mutual-visits"],
    },
    {
        "slug": "medcity",
        "reading": "めどしてぃ",
        "kind": Kind.CLUSTER,
        "country": "GB",
        "name": ("メドシティ", "MedCity"),
        "short_name": ("MedCity", "MedCity"),
        "city": ("ロンドン", "London"),
        "website": "https://www.medcityhq.com/",
        "description": (
            "ロンドンを中心とする英国のライフサイエンス産業の振興機関です。",
            "The body that promotes the life-science industry of London and the surrounding region.",
        ),
        "signed": datetime.date(2018, 6, 1),
        "precision": M,
        "scope": ["exchange-information", "short-programmes", "mutual-visits", "co-sponsorship"],
    },
    {
        "slug": "kawasaki",
        "reading": "かわさきし",
        "kind": Kind.LOCAL_GOVERNMENT,
        "country": "JP",
        "name": ("川崎市", "City of Kawasaki"),
        "short_name": ("川崎市", "Kawasaki"),
        "city": ("神奈川県", "Kanagawa"),
        "website": "https://www.city.kawasaki.jp/",
        "description": (
            "殿町の国際戦略拠点「キングスカイフロント」を擁する市。LINK-J が最初に提携した自治体です。",
            "Home to the King Skyfront research district on Tokyo Bay, Kawasaki was the first local government to sign with LINK-J.",
        ),
        "signed": datetime.date(2018, 8, 1),
        "precision": M,
        "scope": [
            "co-sponsorship",
            "exchange-information",
            "dissemination",
            "mutual-visits",
            "facilities",
        ],
    },
    {
        "slug": "ucla",
        "reading": "かりふぉるにあだいがくろさんぜるすこう",
        "kind": Kind.UNIVERSITY,
        "country": "US",
        "name": ("カリフォルニア大学ロサンゼルス校", "University of California, Los Angeles"),
        "short_name": ("UCLA", "UCLA"),
        "city": ("ロサンゼルス", "Los Angeles"),
        "website": "https://www.ucla.edu/",
        "description": (
            "ロサンゼルスにある米国有数の総合研究大学。UCSD に続き、カリフォルニア大学の 2 校目の提携先です。",
            "One of the largest research universities in the United States, and LINK-J's second University of California campus after San Diego.",
        ),
        "signed": datetime.date(2019, 6, 1),
        "precision": M,
        "scope": ["exchange-information", "co-hosting", "symposia"],
    },
    {
        "slug": "yokohama",
        "reading": "よこはまし",
        "kind": Kind.LOCAL_GOVERNMENT,
        "country": "JP",
        "name": ("横浜市", "City of Yokohama"),
        "short_name": ("横浜市", "Yokohama"),
        "city": ("神奈川県", "Kanagawa"),
        "website": "https://www.city.yokohama.lg.jp/",
        "description": (
            "産学官金の連携組織「LIP.横浜」を通じて健康・医療分野のイノベーションを後押ししている市。2022 年にはニューヨークの米州事務所に LINK-J と共同のラウンジを開きました。",
            "The city supports health and medical innovation through its LIP. Yokohama platform of companies, universities, government and finance. In 2022 it opened a lounge with LINK-J in its Americas office in New York.",
        ),
        "signed": datetime.date(2019, 8, 30),
        "precision": D,
        "term": 5,
        "scope": ["co-sponsorship", "exchange-information", "dissemination", "cluster-links"],
        "signatories": [
            (
                "小澤 明夫",
                "Akio Ozawa",
                "経済局 ライフイノベーション・特区推進担当理事",
                "Executive Director for Life Innovation, Economic Affairs Bureau",
                Side.PARTNER,
            ),
            (
                "曾山 明彦",
                "Akihiko Soyama",
                "理事兼事務局長",
                "Director and Secretary General",
                Side.LINKJ,
            ),
        ],
    },
    {
        "slug": "oui",
        "reading": "おっくすふぉーどだいがくいのべーしょん",
        "kind": Kind.COMPANY,
        "country": "GB",
        "name": ("オックスフォード大学イノベーション", "Oxford University Innovation"),
        "short_name": ("OUI", "OUI"),
        "city": ("オックスフォード", "Oxford"),
        "website": "https://innovation.ox.ac.uk/",
        "description": (
            "オックスフォード大学の研究成果の事業化を担う技術移転会社です。",
            "The company that turns University of Oxford research into licences and start-ups.",
        ),
        "signed": datetime.date(2020, 7, 1),
        "precision": M,
        "scope": ["member-services", "exchange-information", "co-hosting"],
    },
    {
        "slug": "osaka",
        "reading": "おおさかふ",
        "kind": Kind.LOCAL_GOVERNMENT,
        "country": "JP",
        "name": ("大阪府", "Osaka Prefecture"),
        "short_name": ("大阪府", "Osaka"),
        "city": ("大阪", "Osaka"),
        "website": "https://www.pref.osaka.lg.jp/",
        "description": (
            "道修町の製薬企業や大学・研究機関の集積を生かし、彩都・健都・中之島で拠点づくりを進める府。LINK-J WEST の始動に合わせて提携しました。",
            "Building on the pharmaceutical companies of Doshomachi and its universities, the prefecture is developing life-science hubs in Saito, Kento and Nakanoshima. It signed as LINK-J WEST started work in Osaka.",
        ),
        "signed": datetime.date(2020, 9, 7),
        "precision": D,
        "scope": ["co-sponsorship", "exchange-information", "dissemination", "cluster-links"],
        "signatories": [
            ("山口 信彦", "Nobuhiko Yamaguchi", "副知事", "Vice Governor", Side.PARTNER),
            (
                "澤 芳樹",
                "Yoshiki Sawa",
                "副理事長（大阪大学大学院教授）",
                "Vice Chair (Professor, Osaka University)",
                Side.LINKJ,
            ),
        ],
    },
    {
        "slug": "kanagawa",
        "reading": "かながわけん",
        "kind": Kind.LOCAL_GOVERNMENT,
        "country": "JP",
        "name": ("神奈川県", "Kanagawa Prefecture"),
        "short_name": ("神奈川県", "Kanagawa"),
        "city": ("横浜市", "Yokohama"),
        "website": "https://www.pref.kanagawa.jp/",
        "description": (
            "ヘルスケア・ニューフロンティア政策を掲げる県。大阪府の 11 日後に提携しました。",
            "The prefecture behind the Healthcare New Frontier policy. It signed eleven days after Osaka.",
        ),
        "signed": datetime.date(2020, 9, 18),
        "precision": D,
        "scope": ["co-sponsorship", "exchange-information", "cluster-links"],
    },
    {
        # The 15th partnership is not named in any public source. It is recorded as a
        # confidential agreement: it counts in every number but is never shown by name.
        "slug": "undisclosed-15",
        "reading": "ひこうかいのていけいさき",
        "kind": Kind.OTHER,
        "country": "JP",
        "disclosed": False,
        "name": ("非公開の提携先（デモ）", "Undisclosed partner (demo)"),
        "short_name": ("", ""),
        "city": ("", ""),
        "website": "",
        "description": ("", ""),
        # No source gives its date: it falls between Kanagawa (September 2020) and Medicen
        # Paris Region (February 2021). The month is our estimate and pages say so.
        "signed": datetime.date(2020, 12, 1),
        "precision": M,
        "estimate": True,
        "scope": [],
    },
    {
        "slug": "mpr",
        "reading": "めでぃせん・ぱり・りーじょん",
        "kind": Kind.CLUSTER,
        "country": "FR",
        "name": ("メディセン・パリ・リージョン", "Medicen Paris Region"),
        "short_name": ("MPR", "MPR"),
        "city": ("パリ", "Paris"),
        "website": "https://medicen.org/en/",
        "description": (
            "パリを本拠とするヘルステックのクラスター（非営利団体）。企業、研究センター、大学、病院、自治体など 430 以上の会員を擁します。",
            "A Paris-based, not-for-profit health-technology cluster with more than 430 members: companies, research centres, universities, hospitals and local authorities.",
        ),
        "signed": datetime.date(2021, 2, 5),
        "precision": D,
        "term": 5,
        "scope": ["exchange-information", "cluster-links"],
        "signatories": [
            (
                "ジェシカ・レイグ",
                "Jessica Leygues",
                "最高経営責任者",
                "Chief Executive Officer",
                Side.PARTNER,
            ),
            (
                "曾山 明彦",
                "Akihiko Soyama",
                "理事兼事務局長",
                "Director and Secretary General",
                Side.LINKJ,
            ),
        ],
    },
]


def placeholder_logo(text: str, colour: tuple[int, int, int]) -> ContentFile:
    """A plain wordmark, so that demo pages show real logo renditions."""
    image = Image.new("RGB", (480, 200), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, 479, 199], outline=colour, width=8)
    font = ImageFont.load_default(size=64)
    box = draw.textbbox((0, 0), text, font=font)
    position = ((480 - (box[2] - box[0])) / 2, (200 - (box[3] - box[1])) / 2 - box[1])
    draw.text(position, text, fill=colour, font=font)
    out = io.BytesIO()
    image.save(out, "PNG")
    return ContentFile(out.getvalue(), name="logo.png")


LOGO_COLOURS = [(11, 92, 122), (120, 40, 40), (30, 90, 40), (80, 50, 120)]


def load(stdout=None) -> int:
    changed = 0
    scopes = {}
    for position, (slug, ja, en) in enumerate(SCOPE_ITEMS):
        scopes[slug], was_changed = sync(
            ScopeItem, {"slug": slug}, {"name_ja": ja, "name_en": en, "position": position}
        )
        changed += was_changed
    for index, data in enumerate(PARTNERS):
        values = {
            "kind": data["kind"],
            "country": data["country"],
            "name_ja": data["name"][0],
            "name_en": data["name"][1],
            "name_reading": data["reading"],
            "short_name_ja": data["short_name"][0],
            "short_name_en": data["short_name"][1],
            "city_ja": data["city"][0],
            "city_en": data["city"][1],
            "website": data["website"],
            "description_ja": data["description"][0],
            "description_en": data["description"][1],
            "is_disclosed": data.get("disclosed", True),
        }
        partner, was_changed = sync(Partner, {"slug": data["slug"]}, values)
        changed += was_changed
        if partner.is_disclosed and not partner.logo:
            colour = LOGO_COLOURS[index % len(LOGO_COLOURS)]
            partner.logo.save(
                f"{data['slug']}.png", placeholder_logo(data["short_name"][1], colour)
            )
            changed += 1
        if "former" in data:
            _former, was_changed = sync(
                FormerName,
                {"partner": partner, "name_ja": data["former"][0]},
                {"name_en": data["former"][1], "until": data.get("former_until")},
            )
            changed += was_changed
        agreement, was_changed = sync(
            Agreement,
            {"partner": partner, "signed_on": data["signed"]},
            {
                "date_precision": data["precision"],
                "agreement_type": data.get("type", AgreementType.MOU),
                "term_years": data.get("term"),
                "date_is_estimate": data.get("estimate", False),
            },
        )
        changed += was_changed
        changed += sync_m2m(agreement.scope_items, [scopes[slug] for slug in data["scope"]])
        for position, (name_ja, name_en, title_ja, title_en, side) in enumerate(
            data.get("signatories", [])
        ):
            _signatory, was_changed = sync(
                Signatory,
                {"agreement": agreement, "name_ja": name_ja},
                {
                    "name_en": name_en,
                    "title_ja": title_ja,
                    "title_en": title_en,
                    "side": side,
                    "position": position,
                },
            )
            changed += was_changed
    return changed
