#!/usr/bin/env python3
"""html_check.py — checks a crossread story page (or a browser's dump of
its DOM) for what must hold whatever the input was:

  * a Content-Security-Policy meta tag that forbids scripts and remote
    loads comes first in <head>;
  * no element that runs or loads anything (script, iframe, img, link,
    base, form, object, embed, math, refresh meta, ...), no event-handler
    or loading attribute (on*, src, action, xlink:href, style), no second
    <style>;
  * every href is either "#id" naming an element of the page, or an
    absolute http(s) URL;
  * ids are unique; no payload marker ("PWNED" title, id="pwned");
  * the markup is balanced (every non-void element closed in order);
  * --expect-text T: T appears in the page's text (a payload shown as text).

Usage: html_check.py [--dom] [--expect-text T]... [--expect-file F] FILE
(--expect-file: one expected text per line)
--dom relaxes the balance check (a browser's serialization is balanced
by construction but adds <tbody> and the like).  Prints one line per
problem and exits 1 if there is any.  Python 3 standard library only."""
import html.parser
import sys

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
        "meta", "source", "track", "wbr"}
FORBIDDEN = {"script", "iframe", "frame", "frameset", "object", "embed",
             "img", "image", "link", "base", "form", "input", "button",
             "textarea", "select", "math", "audio", "video", "source",
             "track", "applet", "portal", "foreignobject", "use",
             "animate", "set", "noscript", "template", "plaintext", "xmp"}
BAD_ATTRS = {"src", "srcset", "action", "formaction", "xlink:href",
             "style", "background", "poster", "data", "ping"}
# SVG elements the page draws with; svg <a> shares the html name.
SVG_OK = {"svg", "g", "rect", "text", "tspan", "title"}


class Page(html.parser.HTMLParser):
    def __init__(self, dom):
        super().__init__(convert_charrefs=True)
        self.dom = dom
        self.problems = []
        self.stack = []
        self.ids = {}
        self.hrefs = []
        self.styles = 0
        self.csp = None
        self.head_elements = []
        self.in_title = False
        self.titles = 0
        self.title = ""
        self.text = []

    def bad(self, msg):
        self.problems.append(msg)

    def handle_starttag(self, tag, attrs):
        self.start(tag, attrs)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.start(tag, attrs)

    def start(self, tag, attrs):
        a = dict(attrs)
        if "head" in self.stack and "charset" not in a:
            self.head_elements.append((tag, a))
        if tag in FORBIDDEN:
            self.bad(f"forbidden element <{tag}>")
        if tag == "style":
            self.styles += 1
        if tag == "title" and "svg" not in self.stack:
            self.titles += 1
            self.in_title = self.titles == 1  # document.title is the first
        if tag == "meta":
            equiv = (a.get("http-equiv") or "").lower()
            if equiv == "content-security-policy":
                if self.csp is not None:
                    self.bad("two CSP meta tags")
                self.csp = a.get("content") or ""
                # only the charset may come before it: a policy protects
                # what follows it, nothing earlier
                self.csp_first = len(self.head_elements) == 1
            elif equiv:
                self.bad(f"meta http-equiv={equiv}")
        for name, value in attrs:
            if name.startswith("on"):
                self.bad(f"event handler attribute {name} on <{tag}>")
            if name in BAD_ATTRS:
                self.bad(f"loading attribute {name} on <{tag}>")
            if name == "id":
                if value in self.ids:
                    self.bad(f"duplicate id {value!r}")
                self.ids[value] = tag
                if value and value.lower() == "pwned":
                    self.bad("payload marker element id=pwned")
            if name == "href":
                self.hrefs.append(value or "")

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if tag == "title":
            self.in_title = False
        if not self.stack or self.stack[-1] != tag:
            if not self.dom:
                self.bad(f"unbalanced </{tag}> (open: {'/'.join(self.stack[-3:])})")
            while self.stack and self.stack[-1] != tag:
                self.stack.pop()
        if self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if self.in_title and "svg" not in self.stack:
            self.title += data
        if "style" not in self.stack:
            self.text.append(data)


def check(path, dom, expect):
    with open(path, encoding="utf-8") as f:
        src = f.read()
    p = Page(dom)
    p.feed(src)
    p.close()
    if p.stack and not dom:
        p.bad(f"unclosed elements at end: {p.stack}")
    if p.csp is None:
        p.bad("no Content-Security-Policy meta tag")
    else:
        pol = {d.strip().split(" ")[0]: d.strip() for d in p.csp.split(";") if d.strip()}
        if pol.get("default-src") != "default-src 'none'":
            p.bad(f"CSP default-src is not 'none': {p.csp}")
        for d in ("script-src", "connect-src", "img-src", "frame-src", "object-src"):
            if d in pol:
                p.bad(f"CSP allows {d}: {pol[d]}")
        for d in ("base-uri", "form-action"):
            if pol.get(d) != f"{d} 'none'":
                p.bad(f"CSP does not close {d}")
        if "unsafe-eval" in p.csp:
            p.bad("CSP allows unsafe-eval")
        if not getattr(p, "csp_first", False):
            p.bad("CSP meta tag is not before the other head elements")
    if p.styles != 1:
        p.bad(f"{p.styles} <style> elements (want exactly the page's own)")
    # a payload that ran sets the title to exactly this; the escaped
    # headline may well contain the word as text
    if p.title.strip() == "PWNED":
        p.bad("payload changed the title to PWNED")
    for h in p.hrefs:
        if h.startswith("#"):
            if h[1:] not in p.ids:
                p.bad(f"dangling anchor {h}")
        elif not (h.lower().startswith("http://") or h.lower().startswith("https://")):
            p.bad(f"href that is neither an anchor nor a web URL: {h!r}")
    text = "".join(p.text)
    for t in expect:
        if t not in text:
            p.bad(f"expected text not shown: {t!r}")
    anchors = sum(1 for h in p.hrefs if h.startswith("#"))
    for msg in p.problems:
        print(f"{path}: {msg}")
    print(f"{path}: {len(p.ids)} ids, {anchors} anchor links, "
          f"{len(p.hrefs) - anchors} web links, {len(p.problems)} problems")
    return not p.problems


def main(argv):
    dom, expect, files = False, [], []
    i = 0
    while i < len(argv):
        if argv[i] == "--dom":
            dom = True
        elif argv[i] == "--expect-text":
            i += 1
            expect.append(argv[i])
        elif argv[i] == "--expect-file":
            i += 1
            with open(argv[i], encoding="utf-8") as f:
                expect += [line.rstrip("\n") for line in f if line.strip()]
        else:
            files.append(argv[i])
        i += 1
    if not files:
        print(__doc__, file=sys.stderr)
        return 2
    ok = all([check(f, dom, expect) for f in files])
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
