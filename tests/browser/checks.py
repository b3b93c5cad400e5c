"""What a page may load: only addresses of the platform on this machine."""

from __future__ import annotations

from urllib.parse import urlsplit

# Inline content the page makes itself; no host is asked.
LOCAL_SCHEMES = ("data", "blob", "about")


def is_local_url(url: str) -> bool:
    """True for the state host and alliance hosts on this machine (localhost,
    *.localhost, 127.0.0.1) and for inline content; anything else is another host."""
    parts = urlsplit(url)
    if parts.scheme in LOCAL_SCHEMES:
        return True
    host = (parts.hostname or "").lower()
    return host in ("localhost", "127.0.0.1") or host.endswith(".localhost")


# How much wider than the window a page is (WCAG 1.4.10 reflow: above 0 is a finding).
EXTRA_WIDTH_JS = "document.documentElement.scrollWidth - window.innerWidth"


# ---------------------------------------------------------------- axe, once per structure

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
# The layout around every page's own content (templates/base.html): the same on every
# page a person sees, so axe reads it on their first page only.
CHROME = ("header.site-header", "nav.workspace-menu", "footer.site-footer")
# A table's rows come from one template: the first three stand for the rest (the colour
# contrast of a 50-row list is most of axe's time).
LATER_ROWS = ("main tbody > tr:nth-child(n+4)",)

# A page's structure as axe reads it: elements, their attributes, and whether each text
# is empty; record-specific values (addresses, form values, titles, ids' numbers) do not
# count, nor how often a row repeats. Two pages with one structure get the same axe
# findings (contrast comes from tags and classes, names from text being there, labels
# from ids), so axe reads each structure once. Returned as a short hash, with whether axe
# is in the page already.
_STRUCTURE_JS = """(exclude) => {
  const masked = new Set(['href', 'value', 'title', 'alt', 'placeholder', 'datetime',
                          'action', 'src', 'content', 'download']);
  const skipped = new Set(['SCRIPT', 'STYLE', 'TEMPLATE']);
  const selector = exclude.join(', ');
  const walk = (node) => {
    if (node.nodeType === Node.TEXT_NODE) return node.textContent.trim() ? 'T' : '';
    if (node.nodeType !== Node.ELEMENT_NODE || skipped.has(node.tagName)) return '';
    if (selector && node.matches(selector)) return '';
    const attributes = Array.from(node.attributes, (a) => a.name + '=' + (
      masked.has(a.name) ? (a.value ? 'V' : '') : a.value.replace(/[0-9]+/g, '0'))).sort();
    const children = [];
    for (const child of node.childNodes) {
      const part = walk(child);
      if (part && children[children.length - 1] !== part) children.push(part);
    }
    return '<' + node.tagName + ' ' + attributes.join(' ') + '>' + children.join('') + '>';
  };
  const html = document.documentElement;
  const text = 'lang=' + html.lang + ' title=' + (document.title.trim() ? 'T' : '') +
               walk(document.body);
  let h1 = 0xdeadbeef, h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  const hash = (h1 >>> 0).toString(16) + (h2 >>> 0).toString(16) + ':' + text.length;
  return [hash, typeof window.axe !== 'undefined'];
}"""


class AxeOnce:
    """axe-core (WCAG 2.1 A/AA) for the pages of one test module, each page structure
    read once: a confirmation page for one record and the next, or the same list
    for two people, are one structure."""

    def __init__(self, script: str):
        self.script = script
        self.seen: set[str] = set()
        self.runs = 0
        self.skipped = 0

    def prepare(self, context) -> None:
        """Every page of the browser ``context`` gets axe as it loads: cheaper than
        sending the half-megabyte script to each page that axe reads."""
        context.add_init_script(script=self.script)

    def violations(self, page, *, exclude: tuple[str, ...] = ()) -> list[dict]:
        """axe's violations on ``page`` without the parts ``exclude`` selects (CSS
        selectors); none when a page of this structure was read before."""
        structure, loaded = page.evaluate(_STRUCTURE_JS, list(exclude))
        if structure in self.seen:
            self.skipped += 1
            return []
        self.seen.add(structure)
        self.runs += 1
        if not loaded:
            page.evaluate(self.script)
        context = {"exclude": [[selector] for selector in exclude]} if exclude else None
        # Only the violations come back: axe's whole result (passes, inapplicable rules,
        # each with its descriptions) is some 30 KB of JSON a page through the browser's
        # protocol, a sixth of a run's time.
        return page.evaluate(
            "async ([context, options]) =>"
            " (await axe.run(context || document, options)).violations",
            [context, AXE_OPTIONS],
        )
