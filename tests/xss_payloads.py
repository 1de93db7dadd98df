"""Hostile text that members might send, to check it is shown as text everywhere.

Each payload, if it ever ran, would set window.__pwned or create an element marked
data-pwned; tests assert neither happens and that the text reads back unchanged.
"""

PAYLOADS = [
    "<script>window.__pwned = 1</script>",
    '<img src=x onerror="window.__pwned=1" data-pwned>',
    "<svg onload=window.__pwned=1 data-pwned>",
    '"><script>window.__pwned=1</script>',
    "'><img src=x onerror=window.__pwned=1 data-pwned>",
    "</textarea><script>window.__pwned=1</script>",
    "</title><script>window.__pwned=1</script>",
    '<a href="javascript:window.__pwned=1" data-pwned>click me</a>',
    "javascript:window.__pwned=1",
    '<iframe srcdoc="<script>parent.__pwned=1</script>" data-pwned></iframe>',
    "<details open ontoggle=window.__pwned=1 data-pwned>",
    "<body onload=window.__pwned=1>",
    '<input autofocus onfocus="window.__pwned=1" data-pwned>',
    "<math><mtext><table><mglyph><style><img src=x onerror=window.__pwned=1 data-pwned>",
    "<style>body{display:none}</style>",
    '<div style="background:url(javascript:window.__pwned=1)" data-pwned>x</div>',
    'www.example.com/"onmouseover="window.__pwned=1',
    'https://example.com/"><script>window.__pwned=1</script>',
    "http://example.com/?q=<img src=x onerror=window.__pwned=1>",
    "{{ 7|add:7 }} {% now 'Y' %}",
    "${alert(1)} #{7*7}",
    "&lt;script&gt;window.__pwned=1&lt;/script&gt;",
    "<scr<script>ipt>window.__pwned=1</scr</script>ipt>",
    '<object data="javascript:window.__pwned=1" data-pwned></object>',
    '<embed src="javascript:window.__pwned=1" data-pwned>',
    "<form action=javascript:window.__pwned=1 data-pwned><button>go</button></form>",
    '<base href="javascript:/" data-pwned>',
    '<meta http-equiv="refresh" content="0;url=javascript:window.__pwned=1">',
    "<template><script>window.__pwned=1</script></template>",
    "\u202eevil\u202c <b data-pwned>bold</b>",
    '<noscript><p title="</noscript><img src=x onerror=window.__pwned=1 data-pwned>">',
    "<!--<img src=x onerror=window.__pwned=1 data-pwned>-->",
]
