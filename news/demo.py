"""Demo releases: the five seed press releases, retold in our own words in both languages.

What the signatories said is retold too, so each quote is stored as a summary of remarks and
shown without quotation marks. The numbers in subtitles ("11th partnership") are typed, as an
editor would type them; a test checks them against the partnership ledger.

Idempotent: each release is keyed on its slug and only written when something differs, so a
second run changes nothing and returns 0. Partners are looked up by slug; a missing partner
is skipped with a note, never an error.
"""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

from linkj.demo import sync, sync_m2m
from linkj.publishing import Status
from partners.models import Agreement, Partner

from .models import Category, Quote, QuoteKind, Release

TOKYO = ZoneInfo("Asia/Tokyo")


def _at(year: int, month: int, day: int, hour: int = 10) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, 0, tzinfo=TOKYO)


RELEASES = [
    {
        "slug": "kobe-fbri-mou",
        "date": datetime.date(2018, 1, 31),
        "category": Category.PRESS_RELEASE,
        "partners": ["kobe-fbri"],
        "agreement_partners": ["kobe-fbri"],
        "show_history_table": True,
        "title_ja": "LINK-J、神戸の先端医療振興財団と相互提携の覚書を締結",
        "title_en": "LINK-J and Kobe's Foundation for Biomedical Research and Innovation "
        "sign a partnership memorandum",
        "subtitle_ja": "神戸医療産業都市の中核機関と手を組み、日本橋と神戸の交流を広げます",
        "subtitle_en": "A link between Nihonbashi and the core institution of the Kobe "
        "Biomedical Innovation Cluster",
        "lead_ja": "LINK-Jは2018年1月、神戸医療産業都市を支える公益財団法人先端医療振興財団"
        "（現・神戸医療産業都市推進機構）と相互提携の覚書を結びました。LINK-Jにとって6件目の提携です。",
        "lead_en": "In January 2018 LINK-J signed a memorandum of mutual partnership with the "
        "Foundation for Biomedical Research and Innovation, the core body of the City of Kobe's "
        "Kobe Biomedical Innovation Cluster. (Later in 2018 the foundation was renamed the "
        "Foundation for Biomedical Research and Innovation at Kobe.) It is LINK-J's sixth "
        "partnership.",
        "body_ja": (
            "<h2>財団について</h2>"
            "<p>財団は神戸市が進める神戸医療産業都市の中心となる機関で、次世代医療の研究開発、"
            "地元企業や進出企業の事業化、海外クラスターとの協力、産官学の連携を支えています。"
            "この地区には理化学研究所などの研究機関、大学、専門病院、そして2018年1月末の時点で"
            "344を超える医療関連の企業・団体が集まっています。</p>"
            "<h2>提携で目指すこと</h2>"
            "<ul><li>イベントの共同開催と人的交流</li><li>情報の交換</li>"
            "<li>神戸市や神戸医療産業都市全体との連携</li></ul>"
            "<p>両者は提携に先立ち、2017年10月に日本橋で再生医療の産業化フォーラムを開き、"
            "2018年1月には神戸でUCSDのサンドリン・ミラー＝モンゴメリー博士のセミナーを行っています。</p>"
        ),
        "body_en": (
            "<h2>About the foundation</h2>"
            "<p>The foundation is the core body of the Kobe Biomedical Innovation Cluster promoted "
            "by the City of Kobe. It supports research towards next-generation medicine, helps "
            "local and newly arrived companies bring products to market, and builds links with "
            "clusters abroad. RIKEN and other institutes, universities, specialist hospitals and, "
            "at the end of January 2018, more than 344 medical companies and organisations were "
            "based there.</p>"
            "<h2>What the partnership covers</h2>"
            "<ul><li>Joint events and exchanges between people</li><li>Sharing information</li>"
            "<li>Working with the City of Kobe and the whole cluster</li></ul>"
            "<p>The two had already worked together: a regenerative-medicine forum in Nihonbashi "
            "in October 2017, and a seminar in Kobe by Dr Sandrine Miller-Montgomery of UC San "
            "Diego in January 2018.</p>"
        ),
        "quotes": [
            {
                "speaker_ja": "田宮 憲一",
                "speaker_en": "Kenichi Tamiya",
                "speaker_title_ja": "クラスター推進センター統括監",
                "speaker_title_en": "Director General, Cluster Promotion Center",
                "organisation_ja": "先端医療振興財団",
                "organisation_en": "Foundation for Biomedical Research and Innovation",
                "text_ja": "日本橋と神戸、二つのクラスターの行き来が増えることで、イノベーションが"
                "一層進むと考えています。LINK-Jとともに、神戸の存在感を国内外で高め、人材育成や"
                "国際展開にも力を入れていきます。",
                "text_en": "More traffic between the Nihonbashi and Kobe clusters should speed up "
                "innovation. Together with LINK-J we want to raise Kobe's profile at home and "
                "abroad, and invest in people and international reach.",
            },
            {
                "speaker_ja": "曾山 明彦",
                "speaker_en": "Akihiko Soyama",
                "speaker_title_ja": "理事兼事務局長",
                "speaker_title_en": "Director and Secretary General",
                "organisation_ja": "LINK-J",
                "organisation_en": "LINK-J",
                "text_ja": "国内最大級のバイオメディカルクラスターの中核機関と"
                "協力できることを喜んでいます。各地の団体が力を合わせることが、日本の国際競争力にもつながるはずです。",
                "text_en": "We are glad to work with the core institution of one of Japan's "
                "largest biomedical clusters. Organisations across the country joining forces "
                "will also make Japan more competitive internationally.",
            },
        ],
    },
    {
        "slug": "yokohama-mou",
        "date": datetime.date(2019, 8, 30),
        "category": Category.PRESS_RELEASE,
        "partners": ["yokohama"],
        "agreement_partners": ["yokohama"],
        "show_history_table": False,
        "title_ja": "LINK-J、横浜市とライフサイエンス分野の覚書を締結",
        "title_en": "LINK-J signs a life-science memorandum with the City of Yokohama",
        "subtitle_ja": "11件目の提携、自治体とは川崎市に次いで2件目",
        "subtitle_en": "LINK-J's 11th partnership, and its second with a local government "
        "after Kawasaki",
        "lead_ja": "LINK-Jは2019年8月30日、横浜市とライフサイエンス分野でのイノベーション創出を"
        "目的とする覚書を結びました。",
        "lead_en": "On 30 August 2019 LINK-J and the City of Yokohama signed a memorandum of "
        "understanding to create innovation together in the life sciences.",
        "body_ja": (
            "<p>横浜市は産学官金が連携する「横浜ライフイノベーションプラットフォーム（LIP.横浜）」を"
            "進め、1988年の金沢バイオパークの整備以来、研究機関の誘致や大学キャンパスの開設を通じて"
            "ライフサイエンス産業の土台を築いてきました。</p>"
            "<h2>5年間の協力内容</h2>"
            "<ol><li>活動やイベントの共催・協賛・告知</li>"
            "<li>メールマガジンやウェブでの情報交換と発信</li>"
            "<li>国内外のバイオクラスターとの連携</li></ol>"
        ),
        "body_en": (
            "<p>Yokohama runs the Life Innovation Platform Yokohama (LIP.Yokohama), which brings "
            "together industry, academia, government and finance. Since opening the Kanazawa "
            "Bio Park in 1988 the city has attracted research institutes and university "
            "campuses, building a life-science cluster of its own.</p>"
            "<h2>Five years of cooperation</h2>"
            "<ol><li>Co-hosting, sponsoring and promoting each other's events</li>"
            "<li>Exchanging news by newsletter and on the web</li>"
            "<li>Working with bio clusters in Japan and abroad</li></ol>"
        ),
        "quotes": [
            {
                "speaker_ja": "小澤 明夫",
                "speaker_en": "Akio Ozawa",
                "speaker_title_ja": "経済局 ライフイノベーション・特区推進担当理事",
                "speaker_title_en": "Executive Director for Life Innovation, Economic Bureau",
                "organisation_ja": "横浜市",
                "organisation_en": "City of Yokohama",
                "text_ja": "360を超える会員を持つLINK-Jとの連携で、"
                "LIP.横浜の取り組みを前に進められることに感謝します。会員同士が出会う場をつくり、オープンイノベーションを広げたいと"
                "考えています。",
                "text_en": "Working with LINK-J and its more than 360 members will move "
                "LIP.Yokohama forward. We hope to bring our members together and open up "
                "innovation further.",
            },
            {
                "speaker_ja": "曾山 明彦",
                "speaker_en": "Akihiko Soyama",
                "speaker_title_ja": "理事兼事務局長",
                "speaker_title_en": "Director and Secretary General",
                "organisation_ja": "LINK-J",
                "organisation_en": "LINK-J",
                "text_ja": "大学、研究機関、企業、医療機関が数多く集まる横浜市と提携できたことを"
                "嬉しく思います。11の提携先との関係を深め、業界全体を盛り上げていきます。",
                "text_en": "Yokohama gathers universities, institutes, companies and hospitals "
                "in great numbers, and we are pleased to partner with it. We will deepen our "
                "ties with all eleven partners for the good of the whole industry.",
            },
        ],
    },
    {
        "slug": "osaka-mou",
        "date": datetime.date(2020, 9, 7),
        "category": Category.PRESS_RELEASE,
        "partners": ["osaka"],
        "agreement_partners": ["osaka"],
        "show_history_table": True,
        "title_ja": "LINK-J、大阪府と相互提携の覚書を締結",
        "title_en": "LINK-J and Osaka Prefecture sign a mutual partnership memorandum",
        "subtitle_ja": "13件目の提携、自治体とは横浜市に次いで3件目",
        "subtitle_en": "LINK-J's 13th partnership, and its third with a local government",
        "lead_ja": "LINK-Jは2020年9月7日、健康・医療関連産業を成長分野に掲げる大阪府と、"
        "ライフサイエンス分野の相互提携の覚書を結びました。",
        "lead_en": "On 7 September 2020 LINK-J signed a memorandum of mutual partnership in the "
        "life sciences with Osaka Prefecture, which has made health and medical industries a "
        "pillar of its growth.",
        "body_ja": (
            "<p>大阪府は道修町の製薬企業や大学、研究機関の集積を生かし、彩都・健都・中之島での"
            "拠点づくりや海外企業との商談会などを通じてクラスター形成を進めています。</p>"
            "<p>大阪の拠点「LINK-J WEST」の取り組みを本格的に始めるのを機に、"
            "これまでのイベント協力を一歩進めることにしました。関西ではKRP、先端医療振興財団に"
            "続く提携です。</p>"
        ),
        "body_en": (
            "<p>Osaka builds on the pharmaceutical companies of Doshomachi and on its "
            "universities and institutes. It is developing hubs in Saito, Kento and Nakanoshima "
            "and hosts business meetings with companies from abroad.</p>"
            "<p>As LINK-J steps up its work in Osaka as LINK-J WEST, the two are taking their "
            "event cooperation further. In the Kansai region this follows the partnerships "
            "with KRP and the Kobe foundation.</p>"
        ),
        "quotes": [
            {
                "speaker_ja": "山口 信彦",
                "speaker_en": "Nobuhiko Yamaguchi",
                "speaker_title_ja": "副知事",
                "speaker_title_en": "Vice-Governor",
                "organisation_ja": "大阪府",
                "organisation_en": "Osaka Prefecture",
                "text_ja": "産学官が一体となって健康・医療関連産業を育てています。始動した"
                "LINK-J WESTと組み、新しいイノベーションが生まれることを期待しています。",
                "text_en": "Industry, academia and government are growing the health and "
                "medical industries together here. We look forward to new innovation with the "
                "newly launched LINK-J WEST.",
            },
            {
                "speaker_ja": "澤 芳樹",
                "speaker_en": "Yoshiki Sawa",
                "speaker_title_ja": "副理事長（大阪大学大学院教授）",
                "speaker_title_en": "Vice-Chair (Professor, Osaka University)",
                "organisation_ja": "LINK-J",
                "organisation_en": "LINK-J",
                "text_ja": "LINK-J WESTの始動に合わせて大阪府と提携できたことを喜んでいます。"
                "大阪と東京がお互いを高め合い、業界全体の発展に尽くします。",
                "text_en": "It is a pleasure to partner with Osaka just as LINK-J WEST begins. "
                "Osaka and Tokyo will push each other forward for the whole industry.",
            },
        ],
    },
    {
        "slug": "medicen-paris-region-mou",
        "date": datetime.date(2021, 2, 5),
        "category": Category.PRESS_RELEASE,
        "partners": ["mpr"],
        "agreement_partners": ["mpr"],
        "show_history_table": False,
        "title_ja": "LINK-J、Medicen Paris Regionと覚書を締結",
        "title_en": "LINK-J signs a memorandum with Medicen Paris Region",
        "subtitle_ja": "提携先は海外8団体を含む16団体に",
        "subtitle_en": "Sixteen partners, eight of them overseas",
        "lead_ja": "LINK-Jは2021年2月5日、パリを拠点とするヘルスケア技術のクラスター、"
        "Medicen Paris Region（MPR）と覚書を結びました。16件目の提携です。",
        "lead_en": "On 5 February 2021 LINK-J signed a memorandum with Medicen Paris Region "
        "(MPR), the Paris health-technology cluster. It is LINK-J's 16th partnership.",
        "body_ja": (
            "<p>MPRは430を超える企業、研究センター、大学、病院、自治体が参加する欧州有数の"
            "クラスターで、スタートアップの成長や資金調達を支えています。</p>"
            "<p>今回の覚書は特に日仏の協力を目的とし、今後5年間、研究成果を事業や産業に"
            "つなげるための協力の形を探ります。</p>"
        ),
        "body_en": (
            "<p>MPR is one of Europe's largest life-science clusters, with more than 430 "
            "companies, research centres, universities, hospitals and local authorities. It "
            "helps start-ups grow and raise funds.</p>"
            "<p>The memorandum focuses on cooperation between France and Japan: over five "
            "years the partners will explore how to turn research into business.</p>"
        ),
        "quotes": [
            {
                "speaker_ja": "曾山 明彦",
                "speaker_en": "Akihiko Soyama",
                "speaker_title_ja": "理事兼事務局長",
                "speaker_title_en": "Director and Secretary General",
                "organisation_ja": "LINK-J",
                "organisation_en": "LINK-J",
                "text_ja": "欧州最大級のクラスターであるMPRと提携できて嬉しく思います。"
                "16の提携先とのつながりを一層深め、業界の活性化に貢献します。",
                "text_en": "We are delighted to partner with MPR, one of Europe's largest "
                "clusters. We will strengthen our ties with all sixteen partners to energise "
                "the industry.",
            },
        ],
    },
    {
        "slug": "yokohama-lounge-nyc",
        "date": datetime.date(2022, 10, 6),
        "category": Category.PRESS_RELEASE,
        "partners": ["yokohama"],
        "agreement_partners": [],
        "show_history_table": False,
        "title_ja": "「横浜・LINK-J ライフサイエンス・ラウンジ@NYC」を開設",
        "title_en": "Yokohama-LINK-J Life Science Lounge @NYC opens in New York",
        "subtitle_ja": "横浜市米州事務所との協業を開始",
        "subtitle_en": "LINK-J begins working with the City of Yokohama's Americas office",
        "lead_ja": "LINK-Jは横浜市米州事務所（ニューヨーク）との協業を始め、2022年10月6日、"
        "同事務所内にラウンジを開きました。",
        "lead_en": "LINK-J has started working with the City of Yokohama's Americas office in "
        "New York, and on 6 October 2022 opened a lounge inside it.",
        "body_ja": (
            "<p>2019年8月の覚書に基づく具体的な取り組みの一つです。LINK-Jと特別会員は予約のうえ"
            "ラウンジを使え、米国進出を目指す企業や現地の日本人専門家と交流できます。</p>"
            "<p>ラウンジではセミナーも開き、ニューヨークやボストンなど米国東海岸の情報を"
            "日本にもオンラインで届けます。</p>"
        ),
        "body_en": (
            "<p>The lounge is one concrete result of the memorandum signed in August 2019. "
            "LINK-J and its special members can book it to meet companies heading for the US "
            "market and Japanese experts working there.</p>"
            "<p>Seminars held at the lounge will bring news from New York, Boston and the rest "
            "of the US East Coast to Japan, online.</p>"
        ),
        "quotes": [
            {
                "speaker_ja": "赤岡 謙",
                "speaker_en": "Ken Akaoka",
                "speaker_title_ja": "所長",
                "speaker_title_en": "Director",
                "organisation_ja": "横浜市米州事務所",
                "organisation_en": "City of Yokohama Americas Office",
                "text_ja": "企業の米国進出や誘致には、情報とネットワークが欠かせません。LINK-Jとの"
                "連携で情報を集めて届け、横浜と日本のエコシステムに貢献したいと考えています。",
                "text_en": "Helping companies into the US, and bringing others to Yokohama, "
                "depends on networks and information. With LINK-J we will gather and share both, "
                "for Yokohama's ecosystem and Japan's.",
            },
            {
                "speaker_ja": "高橋 俊一",
                "speaker_en": "Shunichi Takahashi",
                "speaker_title_ja": "事務局長",
                "speaker_title_en": "Secretary General",
                "organisation_ja": "LINK-J",
                "organisation_en": "LINK-J",
                "text_ja": "これまでの西海岸からの発信に東海岸が加わり、米国の東西両方の"
                "クラスターの動きをお伝えできるようになります。",
                "text_en": "Adding the East Coast to what we already share from the West Coast "
                "lets us follow life-science clusters right across the United States.",
            },
        ],
    },
]

RELEASE_FIELDS = [
    "date",
    "category",
    "show_history_table",
    "title_ja",
    "title_en",
    "subtitle_ja",
    "subtitle_en",
    "lead_ja",
    "lead_en",
    "body_ja",
    "body_en",
]


def load(stdout) -> int:
    changed = 0
    # The demo retells what people said in its own words: every quote is a summary of
    # remarks, never presented as the speaker's own words.
    for spec in RELEASES:
        for quote in spec["quotes"]:
            quote.setdefault("kind", QuoteKind.SUMMARY)
    for spec in RELEASES:
        values = {name: spec[name] for name in RELEASE_FIELDS}
        values["status"] = Status.PUBLISHED
        values["publish_at_ja"] = _at(spec["date"].year, spec["date"].month, spec["date"].day)
        values["publish_at_en"] = values["publish_at_ja"]
        release, was_changed = sync(Release, {"slug": spec["slug"]}, values)
        changed += was_changed
        changed += _sync_relations(release, spec, stdout)
        changed += _sync_quotes(release, spec["quotes"])
    return changed


def _sync_relations(release: Release, spec: dict, stdout) -> int:
    partners = []
    for slug in spec["partners"]:
        partner = Partner.objects.filter(slug=slug).first()
        if partner is None:
            stdout.write(f"news.demo: partner {slug!r} not found, skipped for {release.slug}")
        else:
            partners.append(partner)
    agreements = [
        agreement
        for slug in spec["agreement_partners"]
        if (agreement := Agreement.objects.filter(partner__slug=slug).order_by("signed_on").first())
    ]
    return sync_m2m(release.partners, partners) + sync_m2m(release.agreements, agreements)


def _sync_quotes(release: Release, quotes: list[dict]) -> int:
    existing = list(release.quotes.order_by("position", "pk"))
    wanted = [{**quote, "position": index} for index, quote in enumerate(quotes)]
    same = len(existing) == len(wanted) and all(
        all(getattr(quote, name) == value for name, value in data.items())
        for quote, data in zip(existing, wanted, strict=True)
    )
    if same:
        return 0
    release.quotes.all().delete()
    Quote.objects.bulk_create([Quote(release=release, **data) for data in wanted])
    return len(wanted)
