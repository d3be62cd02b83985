"""Demo standing pages, in our own words. Facts come from LINK-J's releases (a general
incorporated association with its head office in Nihonbashi-Muromachi, Chuo-ku, Tokyo, and
LINK-J WEST in Osaka); anything they do not give (a street number, a telephone number, fees,
the wording of a policy) is marked on the page as an example."""

from __future__ import annotations

import datetime

from linkj.demo import sync
from linkj.publishing import Status

from .models import Navigation, Page

LIVE_FROM = datetime.datetime(2024, 4, 1, 0, 0, tzinfo=datetime.UTC)

PAGES = [
    {
        "slug": "link-j",
        "navigation": Navigation.HEADER,
        "position": 10,
        "title_ja": "LINK-Jについて",
        "title_en": "About LINK-J",
        "nav_title_ja": "LINK-Jとは",
        "nav_title_en": "About",
        "summary_ja": "ライフサイエンス分野の人と技術をつなぎ、新しい事業が生まれる場をつくる一般社団法人です。",
        "summary_en": "A general incorporated association that brings people and technologies in the life sciences together so that new ventures can start.",
        "body_ja": (
            "<h2>私たちの役割</h2>"
            "<p>LINK-J（ライフサイエンス・イノベーション・ネットワーク・ジャパン）は、大学や研究機関、"
            "企業、自治体、国内外のクラスターを結ぶネットワークの事務局として活動しています。</p>"
            "<ul><li>研究者と企業が出会う交流会やセミナーの開催</li>"
            "<li>国内外の団体との連携協定にもとづく共同プログラム</li>"
            "<li>起業を目指すチームへの相談の場の提供</li></ul>"
            "<h2>拠点</h2>"
            "<p>東京・日本橋室町の本部に加え、大阪にLINK-J WESTを置いています。"
            'ニューヨークのラウンジについては<a href="/ja/events/venues/nyc-lounge/">会場のページ</a>をご覧ください。</p>'
        ),
        "body_en": (
            "<h2>What we do</h2>"
            "<p>LINK-J (Life Science Innovation Network Japan) runs the office of a network "
            "that links universities, research institutes, companies, local governments and "
            "life-science clusters in Japan and abroad.</p>"
            "<ul><li>Meet-ups and seminars where researchers and companies find each other</li>"
            "<li>Joint programmes under partnership agreements at home and overseas</li>"
            "<li>A place where teams planning a start-up can ask for advice</li></ul>"
            "<h2>Where we are</h2>"
            "<p>Our head office is in Nihonbashi-Muromachi, Tokyo, and LINK-J WEST is in Osaka. "
            'For the lounge in New York, see <a href="/en/events/venues/nyc-lounge/">its venue page</a>.</p>'
        ),
    },
    {
        "slug": "access",
        "navigation": Navigation.HEADER,
        "position": 20,
        "title_ja": "アクセス",
        "title_en": "Access",
        "nav_title_ja": "",
        "nav_title_en": "",
        "summary_ja": "東京・日本橋室町の本部と、大阪のLINK-J WESTへの行き方です。",
        "summary_en": "How to reach the head office in Nihonbashi-Muromachi, Tokyo, and LINK-J WEST in Osaka.",
        "body_ja": (
            "<h2>本部（東京）</h2>"
            "<p>〒103-0000（例）東京都中央区日本橋室町 0-0-0（番地は例示です）</p>"
            "<p>電話：03-0000-0000（例示の番号です。実際の番号ではありません）</p>"
            "<p>最寄り駅からの道順は、来訪の前に事務局へお問い合わせください。</p>"
            "<h2>LINK-J WEST（大阪）</h2>"
            "<p>大阪府大阪市（詳しい所在地はこのデモでは例示として省略しています）</p>"
            "<p>ご来訪の際は、事前にお問い合わせフォームからご連絡ください。</p>"
        ),
        "body_en": (
            "<h2>Head office (Tokyo)</h2>"
            "<p>0-0-0 Nihonbashi-Muromachi, Chuo-ku, Tokyo 103-0000, Japan "
            "(street number and postcode are examples)</p>"
            "<p>Telephone: +81 3-0000-0000 (an example, not a real number)</p>"
            "<p>Please ask the office for directions from the nearest station before you visit.</p>"
            "<h2>LINK-J WEST (Osaka)</h2>"
            "<p>Osaka, Japan (the full address is left out of this demo as an example)</p>"
            "<p>Please write to us through the contact form before visiting.</p>"
        ),
    },
    {
        "slug": "membership",
        "navigation": Navigation.HEADER,
        "position": 30,
        "title_ja": "会員制度のご案内",
        "title_en": "Membership",
        "nav_title_ja": "会員制度",
        "nav_title_en": "",
        "summary_ja": "LINK-Jの会員になると、交流の場や連携先のネットワークを活用できます。",
        "summary_en": "Members of LINK-J take part in its events and use its network of partners.",
        "body_ja": (
            "<h2>会員になるメリット</h2>"
            "<ul><li>会員向けイベントやセミナーへの参加</li>"
            "<li>国内外の提携先との交流プログラムへの参加</li>"
            "<li>メールマガジンによるライフサイエンス関連情報の受け取り</li></ul>"
            "<h2>会費と手続き</h2>"
            "<p>会員の種類や会費はこのデモでは例示です：法人会員 年額 00,000円（例）、"
            "個人会員 年額 0,000円（例）。入会のご相談はお問い合わせフォームからどうぞ。</p>"
        ),
        "body_en": (
            "<h2>Why join</h2>"
            "<ul><li>Events and seminars for members</li>"
            "<li>Exchange programmes with our partners in Japan and abroad</li>"
            "<li>Life-science news by e-mail newsletter</li></ul>"
            "<h2>Fees and how to apply</h2>"
            "<p>Membership types and fees on this demo are examples: corporate members "
            "¥00,000 a year (example), individual members ¥0,000 a year (example). To ask "
            "about joining, please use the contact form.</p>"
        ),
    },
    {
        "slug": "privacy",
        "navigation": Navigation.FOOTER,
        "position": 40,
        "title_ja": "個人情報の取り扱い",
        "title_en": "Privacy policy",
        "nav_title_ja": "",
        "nav_title_en": "",
        "summary_ja": "お問い合わせやメールマガジンでお預かりする個人情報の扱いについて（例文）。",
        "summary_en": "How we handle the personal data you give us through enquiries and the newsletter (sample text).",
        "body_ja": (
            "<p><strong>このページはデモ用の例文です。LINK-Jの実際の方針ではありません。</strong></p>"
            "<h2>お預かりする情報</h2>"
            "<p>お問い合わせフォームでは、お名前、所属、メールアドレス、お問い合わせ内容をお預かりします。"
            "メールマガジンでは、メールアドレスと希望する言語をお預かりします。</p>"
            "<h2>利用の目的</h2>"
            "<p>お問い合わせへの回答と、お申し込みいただいたメールマガジンの配信にのみ使います。"
            "ご本人の同意なく第三者に提供することはありません。</p>"
            "<h2>配信の停止と削除</h2>"
            "<p>メールマガジンは、各号に記載したリンクからいつでも停止できます。"
            "記録の削除をご希望の場合はお問い合わせください。</p>"
        ),
        "body_en": (
            "<p><strong>This page is sample text for the demo, not LINK-J's actual policy.</strong></p>"
            "<h2>What we keep</h2>"
            "<p>The contact form keeps your name, organisation, e-mail address and message. "
            "The newsletter keeps your e-mail address and the language you chose.</p>"
            "<h2>What we use it for</h2>"
            "<p>Only to answer your enquiry and to send the newsletter you asked for. We do "
            "not pass it to anyone else without your consent.</p>"
            "<h2>Stopping and deleting</h2>"
            "<p>Every newsletter carries a link that stops it at once. To have your records "
            "deleted, please contact us.</p>"
        ),
    },
    {
        "slug": "terms",
        "navigation": Navigation.FOOTER,
        "position": 50,
        "title_ja": "サイトのご利用条件",
        "title_en": "Terms of use",
        "nav_title_ja": "ご利用条件",
        "nav_title_en": "Terms",
        "summary_ja": "このウェブサイトを利用する際の条件です（例文）。",
        "summary_en": "The terms for using this website (sample text).",
        "body_ja": (
            "<p><strong>このページはデモ用の例文です。LINK-Jの実際の規約ではありません。</strong></p>"
            "<h2>掲載内容</h2>"
            "<p>掲載している文章、写真、ロゴの権利は、LINK-Jまたは各権利者に帰属します。"
            "報道目的での引用は、出典を明記のうえご利用ください。</p>"
            "<h2>リンク</h2>"
            "<p>このサイトへのリンクは自由です。外部サイトの内容についてLINK-Jは責任を負いません。</p>"
        ),
        "body_en": (
            "<p><strong>This page is sample text for the demo, not LINK-J's actual terms.</strong></p>"
            "<h2>Content</h2>"
            "<p>Texts, photos and logos on this site belong to LINK-J or to their owners. "
            "The press may quote them with the source named.</p>"
            "<h2>Links</h2>"
            "<p>You may link to any page of this site. LINK-J is not responsible for the "
            "content of other sites.</p>"
        ),
    },
]


def load(stdout) -> int:
    changed = 0
    for spec in PAGES:
        values = {name: value for name, value in spec.items() if name != "slug"}
        values.update(status=Status.PUBLISHED, publish_at_ja=LIVE_FROM, publish_at_en=LIVE_FROM)
        _page, was_changed = sync(Page, {"slug": spec["slug"]}, values)
        changed += was_changed
    return changed
