"""Nothing reaches out: no API call opens a file or a socket, whatever the page points at.

A Python audit hook (run in a child process, since hooks cannot be removed) records every
`open` and `socket` event while pages full of external references go through every public
function. The Rust core has no network or file-system code at all (see Cargo.toml); this
test guards the Python layer and the dependencies it calls into.
"""

from __future__ import annotations

import subprocess
import sys

CHILD = r"""
import sys
import nuqta

page = '''<html><head><link rel="stylesheet" href="http://example.invalid/a.css">
<script src="https://example.invalid/x.js"></script>
<meta http-equiv="refresh" content="0; url=http://example.invalid/">
<base href="file:///etc/"></head><body>
<img src="http://example.invalid/p.png"><iframe src="file:///etc/passwd"></iframe>
<object data="http://example.invalid/o"></object>
<h1>عنوان الخبر</h1><p>قال الرئيس في القاهرة إن 300 شخص حضروا يوم 5 مايو 2024 في الساعة 10:30.</p>
<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><p>&e;</p>
</body></html>'''
text = "زار الرئيس القاهرة http://example.invalid/x و file:///etc/passwd يوم 5 مايو"
# Warm everything up (imports, the model) before listening.
nuqta.analyze(page); nuqta.analyze(text)
events = []
sys.addaudithook(lambda event, args: events.append(event)
                 if event in ("open", "socket.connect", "socket.getaddrinfo",
                              "urllib.Request", "subprocess.Popen", "os.system") else None)
nuqta.normalize(text); nuqta.Normalizer().normalize_batch([text, page])
nuqta.clean(page); nuqta.clean(page, html=True); nuqta.clean(text)
nuqta.numbers(text); nuqta.entities(text); nuqta.entities_batch([text, page])
nuqta.analyze(page); nuqta.analyze_batch([page, text], errors="collect")
cleaner = nuqta.Cleaner(); cleaner.learn([page, text]); cleaner.clean(page)
print(sorted(set(events)))
"""


def test_no_file_or_socket_is_touched() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]", result.stdout
