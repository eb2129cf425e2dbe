"""The clean stage: an ``InputItem`` in, a ``Document`` (or a ``RejectedInput``) out.

Order of checks, cheapest first, so that a 50 MB page costs a length test and a
binary file a look at its first bytes:

    size ─► magic bytes / NULs / control chars ─► decoding ─► kind (HTML or text)
         ─► main text (trafilatura, or the line classifier) ─► length ─► language
         ─► cut at settings.max_chars ─► Document

Reject reasons (``RejectedInput.reason``): ``unreadable``, ``too-large``, ``empty``,
``binary``, ``not-utf8``, ``no-text``, ``not-english``, ``bad-metadata``; from the sources
also ``not-found``, ``not-regular`` (a FIFO, socket or device), ``not-json``, ``bad-meta``;
and ``clean-failed`` when a library fails on one input (``pipeline.clean_checked``).

    >>> from claimgraph.model import InputItem
    >>> from claimgraph.settings import Settings
    >>> item = InputItem(origin="memo.txt", data=b"Skip to content\\n\\nThe navy said a drone "
    ...                  b"boat was destroyed near the coast on Sunday night.\\n\\nShare it on")
    >>> clean_item(item, Settings()).text
    'The navy said a drone boat was destroyed near the coast on Sunday night.'
"""

from __future__ import annotations

import re
import unicodedata

from claimgraph.clean.html import HtmlText, extract_html
from claimgraph.clean.language import detect_language
from claimgraph.clean.meta import (
    MAX_BYLINE_CHARS,
    MAX_OUTLET_CHARS,
    MAX_TITLE_CHARS,
    MAX_URL_CHARS,
    bounded,
    check_published,
    parse_byline,
    parse_dateline,
    sane_published,
)
from claimgraph.clean.text import CleanText, classify_lines, clean_text, normalise_text
from claimgraph.errors import RejectedInput
from claimgraph.model import Document, InputItem, content_hash
from claimgraph.settings import Settings

__all__ = [
    "CleanText",
    "HtmlText",
    "classify_lines",
    "clean_item",
    "clean_text",
    "decode_bytes",
    "detect_language",
    "extract_html",
    "parse_byline",
    "parse_dateline",
    "sniff_kind",
]

# File signatures of formats that are never articles.
BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"PK\x03\x04", "ZIP archive (or DOCX/XLSX/EPUB)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!", "RAR archive"),
    (b"\x7fELF", "ELF executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\xd0\xcf\x11\xe0", "MS Office document"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
    (b"RIFF", "RIFF media (WAV/AVI/WebP)"),
    (b"\x00\x00\x01\x00", "icon"),
    (b"wOFF", "web font"),
    (b"wOF2", "web font"),
)
# Share of C0 control characters (other than tab, newlines, form feed) above which
# bytes are not text; real articles have none, mojibake rarely more than a few.
CONTROL_SHARE = 0.05
SNIFF_BYTES = 8192
# A UTF-8 text with at most this share of broken sequences is UTF-8 with a few
# damaged bytes (as on 4 of the 181 benchmark pages), decoded with U+FFFD for them.
UTF8_MAX_BROKEN_SHARE = 0.001
# Share of characters that must be letters, digits, spaces or common punctuation for
# a non-UTF-8 decoding to count as plausible text.
PLAUSIBLE_SHARE = 0.9
# charset-normalizer's mess ratio and language coherence: a real Russian paragraph in
# cp1251 or KOI8-R scores chaos 0.0 / coherence 0.64; random high bytes score coherence 0.
MAX_CHAOS = 0.2
MIN_COHERENCE = 0.1
HTML_SNIFF_RE = re.compile(r"<(?:!doctype\s+html|html|head|body|p|div|article|meta|title|span|br)\b", re.I)


def clean_item(item: InputItem, settings: Settings) -> Document:
    """Turn one input into a Document, or raise ``RejectedInput(reason, detail)``.

    :param item: what a source yielded (bytes in ``data`` or a str in ``text``).
    :param settings: ``max_bytes``, ``min_chars``, ``max_chars`` and ``languages`` apply.
    """
    if item.error:
        raise RejectedInput(*reject_of_error(item.error))
    published_given = checked_published(item.published)
    notes: list[str] = []
    raw = read_text(item, settings)
    kind = sniff_kind(raw, item.kind, item.path or item.url)
    raw = bound_raw(raw, kind, settings.max_chars, notes)
    own_headline = None
    if kind == "html":
        page = extract_html(raw, url=item.url)
        if not page.text.strip():
            raise RejectedInput("no-text", "the HTML page has no extractable article text")
        body, title, byline, published, outlet = page.text, page.title, page.byline, page.published, page.sitename
    else:
        cleaned = clean_text(raw, known_title=item.title, url=item.url)
        body, title, byline, published, outlet = cleaned.body, cleaned.title, cleaned.byline, cleaned.published, None
        title = unslugged(title) if title and not item.title else title  # a live blog's first update
        if title and len(title) <= MAX_TITLE_CHARS and (not item.title or not body.strip() or cleaned.headed_by_title):
            # (a text that is only its headline, "Gunmen kill 5 in market attack", says what it says;
            # so does a headline line the text opens with, though it repeats the title supplied beside it)
            own_headline = bounded(title, MAX_TITLE_CHARS)  # as the title is stored, whitespace folded
    dateline = WIRE_DATELINE_RE.match(body.strip()) or colon_dateline(body.strip())
    dateline_day = (dateline.group("date") or "").strip(" ,") if dateline else ""
    # "KYIV (Reuters) -": a text that came without its outlet names it in the dateline
    outlet = outlet or ((dateline.group("agency") or "").strip(" ()") if dateline else "") or None
    body = "\n\n".join(unslugged(paragraph) for paragraph in
                         strip_place_dateline(strip_colon_dateline(body.strip())).split("\n\n"))
    text = headed(body, own_headline)
    if len(text) < settings.min_chars:
        raise RejectedInput(
            "empty", f"only {len(text)} characters of article text after cleaning (minimum {settings.min_chars})"
        )
    language = check_language(body or text, settings)
    if len(body) > settings.max_chars:
        notes.append(f"article text cut to about {settings.max_chars:,} of its {len(body):,} characters "
                     "(max_chars)")
    body = cut_at_paragraph(body, settings.max_chars)
    return Document(
        id=content_hash(normalise_for_id(body or text)),
        text=headed(body, own_headline),
        path=item.path,
        url=item.url if item.url is None or len(item.url) <= MAX_URL_CHARS else None,
        outlet=bounded(item.outlet or outlet, MAX_OUTLET_CHARS),
        title=bounded(item.title or title, MAX_TITLE_CHARS),
        byline=bounded(byline, MAX_BYLINE_CHARS),
        published=published_given or sane_published(published),
        language=language,
        raw_hash=item.raw_hash(),
        notes=notes,
        dateline_day=dateline_day or None,
    )


def headed(body: str, headline: str | None) -> str:
    """The text an analyst reads: a plain-text article's own headline line is something the
    article says (often its only line naming the whole happening), so it opens the text as a
    paragraph and claims made in it point into the text like any other. A title the source
    supplied beside the text (meta.json, JSON Lines, an HTML <title>) is no part of it, unless
    the text itself opens with it."""
    headline = (headline or "").strip()
    if not headline or body.startswith(headline):
        return body
    if not body:
        return headline  # a text that is only its headline
    return f"{headline}\n\n{body}"


def checked_published(value: str | None) -> str | None:
    """A supplied publication date (CLI, JSONL, meta.json, API), or a ``bad-metadata`` reject:
    a date the caller vouches for that is no day, or no plausible one, is refused, not guessed."""
    if value is None:
        return None
    try:
        return check_published(value)
    except ValueError as exc:
        raise RejectedInput("bad-metadata", f"published {value[:40]!r} is {exc}") from None


# Beyond this many characters per character kept (max_chars), what a page holds is not an
# article: the line classifier and trafilatura would spend minutes and a gigabyte on it.
RAW_CHARS_PER_KEPT = 5
SCRIPT_RE = re.compile(r"<(script|style|svg|noscript|template)\b.*?</\1\s*>", re.I | re.S)
DATA_URI_RE = re.compile(r"data:[\w/+.-]+;base64,[A-Za-z0-9+/=\s]{200,}")


# The line classifier judges a text line by line: a real article, even hard-wrapped at 70
# characters with blank lines between paragraphs, has a few thousand lines at max_chars;
# 250,000 one-character lines cost it a minute.
MAX_TEXT_LINES = 10_000


def bound_raw(raw: str, kind: str, max_chars: int, notes: list[str]) -> str:
    """What cleaning reads, cut to ``RAW_CHARS_PER_KEPT * max_chars`` characters (scripts, styles
    and inline images of a big HTML page go first) and a text to ``MAX_TEXT_LINES`` lines; a
    note says what was cut."""
    limit = RAW_CHARS_PER_KEPT * max_chars
    size = len(raw)
    if size > limit:
        if kind == "html":
            raw = DATA_URI_RE.sub("data:,", SCRIPT_RE.sub("", raw))
        if len(raw) > limit:
            cut = raw.rfind("\n", limit // 2, limit)
            raw = raw[: cut if cut > 0 else limit]
            notes.append(f"only the first {len(raw):,} of {size:,} characters of the input were read "
                         f"({RAW_CHARS_PER_KEPT} x max_chars)")
    if kind == "text" and raw.count("\n") > MAX_TEXT_LINES:
        lines = raw.count("\n") + 1
        raw = "\n".join(raw.split("\n", MAX_TEXT_LINES)[:MAX_TEXT_LINES])
        notes.append(f"only the first {MAX_TEXT_LINES:,} of {lines:,} lines of the input were read")
    return raw


# "KYIV, March 5 (Reuters) - ", "WASHINGTON (AP) — ": the agency's dateline is furniture, and
# left in it becomes the grammatical subject of the first sentence.
WIRE_DATELINE_RE = re.compile(
    r"\A[A-Z][A-Z'.\-]{2,}(?:[ /][A-Z][A-Z'.\-]{2,})*(?:, [A-Z][A-Za-z'. ]{1,30})?,?"
    r"(?P<date> [A-Z][a-z]{2,8}\.? \d{1,2},?)?(?P<agency> \([A-Za-z][\w .&/-]{0,30}\))? ?[-\u2013\u2014]+ ?"
)


def strip_wire_dateline(body: str) -> str:
    """Drop a wire dateline in front of the first paragraph.

    >>> strip_wire_dateline("SEOUL, March 13 (PWS) - The army said.")
    'The army said.'
    >>> strip_wire_dateline("KYIV (Reuters) \u2014 Drones hit the port.")
    'Drones hit the port.'
    >>> strip_wire_dateline("DUBAI, Oct 14 - Drones hit a tanker.")
    'Drones hit a tanker.'
    >>> strip_wire_dateline("SANAA/ADEN - Jets struck the port.")
    'Jets struck the port.'
    >>> strip_wire_dateline("NATO (the alliance) said.")
    'NATO (the alliance) said.'
    """
    match = WIRE_DATELINE_RE.match(body)
    if match is None:
        return body
    rest = body[match.end():]
    # an all-caps place alone before a dash is a dateline only when prose follows it
    if not (match.group("date") or match.group("agency")) and not rest[:1].isupper():
        return body
    return rest


# "Deir el-Balah, Gaza - ", "Beirut, Lebanon – ", "Addis Abeba – ": a dateline some outlets write
# in title case, a place (and its country or region) before a dash, opening the first paragraph
_PLACE_WORD = r"(?:(?:al|el|ad|as|ash|de|du|es|la|le)[-'’])?[A-Z][\w'’.\-]*"  # "el-Balah", "Ras al-Ain"
PLACE_DATELINE_RE = re.compile(
    rf"\A{_PLACE_WORD}(?: (?:{_PLACE_WORD}|al|el|de|du|es|la|le)){{0,3}}"
    rf"(?:, {_PLACE_WORD}(?: {_PLACE_WORD}){{0,2}})? [-\u2013\u2014] (?=[A-Z\"“‘'])"
)


def strip_place_dateline(body: str) -> str:
    """Drop a title-case dateline in front of the first paragraph (only there: later in an
    article two capitalised words before a dash are prose).

    >>> strip_place_dateline("Deir el-Balah, Gaza - Two men were killed.")
    'Two men were killed.'
    >>> strip_place_dateline("Beirut, Lebanon \u2013 Jets struck the south.")
    'Jets struck the south.'
    >>> strip_place_dateline("Addis Abeba \u2013 Armed men kidnapped 25 passengers.")
    'Armed men kidnapped 25 passengers.'
    >>> strip_place_dateline("In Gaza, Hamas - the group that rules it - said.")
    'In Gaza, Hamas - the group that rules it - said.'
    """
    match = PLACE_DATELINE_RE.match(body)
    return body[match.end():] if match else body


# "SRINAGAR, March 19: ", "Poonch, Mar 17 (PTI): ", "ISLAMABAD: ": the South Asian press ends its
# dateline with a colon; a title-case place passes for one only with its date or agency
# ("Officials: ..." opens no dateline), and only in front of the first paragraph (later a
# word before a colon is a transcript's speaker: "RAMOS: Secretary Clinton, ...")
COLON_DATELINE_RE = re.compile(
    rf"\A(?P<place>{_PLACE_WORD}(?: {_PLACE_WORD}){{0,3}})(?:, {_PLACE_WORD}(?: {_PLACE_WORD}){{0,2}})??"
    r"(?:,(?P<date> [A-Z][a-z]{2,8}\.? \d{1,2}))?(?P<agency> \([A-Za-z][\w .&/-]{0,30}\))?: (?=[A-Z\"“‘'])"
)


def colon_dateline(body: str) -> re.Match | None:
    """The colon dateline opening ``body``, if it has one.

    >>> colon_dateline("SRINAGAR, March 19: Two militants were killed.").group("date")
    ' March 19'
    >>> colon_dateline("Poonch, Mar 17: Five soldiers were killed.").group("place")
    'Poonch'
    >>> colon_dateline("ISLAMABAD: Security forces killed six.").group("place")
    'ISLAMABAD'
    >>> colon_dateline("Officials: The toll rose.") is None
    True
    """
    match = COLON_DATELINE_RE.match(body)
    if match is None or not (match.group("date") or match.group("agency") or match.group("place").isupper()):
        return None
    return match


def strip_colon_dateline(body: str) -> str:
    """Drop a colon dateline in front of the first paragraph.

    >>> strip_colon_dateline("Poonch, Mar 17 (PTI): Five soldiers were killed.")
    'Five soldiers were killed.'
    """
    match = colon_dateline(body)
    return body[match.end():] if match else body


# a live blog's update time before a dash: "06:15 GMT - ", "Thursday 22:10 GMT – ", "09:30 - "
TIME_STAMP_RE = re.compile(
    r"\A(?P<stamp>(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,? )?\d{1,2}[:.]\d{2}"
    r"(?: ?(?:GMT|UTC|BST|CET|CEST|EET|EEST|MSK|IST|ET|EST|EDT|PT|PST|PDT|[AaPp]\.?[Mm]\.?|local time))?)"
    r" [-\u2013\u2014]+ "
)


def unslugged(paragraph: str) -> str:
    """A bulletin's or live blog's paragraph without the slug the parser would take for a name:
    a wire dateline ("GUANAJUATO - Cartel gunmen ..."), and the dash after an update's time
    ("06:15 GMT - Russia launched ..." reads "06:15 GMT: Russia launched ...", the time kept).

    >>> unslugged("06:15 GMT - Russia launched drones.")
    '06:15 GMT: Russia launched drones.'
    >>> unslugged("KIDAL - Gunmen attacked a convoy.")
    'Gunmen attacked a convoy.'
    """
    stamp = TIME_STAMP_RE.match(paragraph)
    if stamp is not None:
        return f"{stamp.group('stamp')}: {paragraph[stamp.end():]}"
    return strip_wire_dateline(paragraph)


def reject_of_error(error: str) -> tuple[str, str]:
    """(reason, detail) from a source's ``error``, written "reason: detail" by ingest.

    >>> reject_of_error("too-large: 9 bytes > 5"), reject_of_error("connection reset")
    (('too-large', '9 bytes > 5'), ('unreadable', 'connection reset'))
    """
    reason, sep, detail = error.partition(":")
    if sep and re.fullmatch(r"[a-z0-9-]+", reason.strip()):
        return reason.strip(), detail.strip() or error
    return "unreadable", error


# --- decoding -----------------------------------------------------------------------


def read_text(item: InputItem, settings: Settings) -> str:
    """The item's text, after the size, emptiness and binary checks."""
    if item.text is not None:
        if len(item.text) > settings.max_bytes:
            raise RejectedInput("too-large", too_large_detail(len(item.text), settings.max_bytes, "characters"))
        text = item.text
    elif item.data is not None:
        if len(item.data) > settings.max_bytes:
            raise RejectedInput("too-large", too_large_detail(len(item.data), settings.max_bytes, "bytes"))
        text = decode_bytes(item.data)
    else:
        raise RejectedInput("empty", "the input has no content")
    if not text.strip():
        raise RejectedInput("empty", "the input is empty or only whitespace")
    if "\x00" in text:
        raise RejectedInput("binary", "the text contains NUL characters")
    return text


def too_large_detail(size: int, limit: int, unit: str) -> str:
    return f"{size:,} {unit}, more than max_bytes={limit:,}; raise the max_bytes setting to accept it"


def decode_bytes(data: bytes) -> str:
    """Decode article bytes, or raise ``RejectedInput`` ("empty", "binary", "not-utf8").

    UTF-8 (with or without BOM) first, UTF-16/32 with a BOM, then cp1252 if that reads
    as plausible text, then charset-normalizer's best guess if plausible.

    >>> decode_bytes("Caf\\u00e9 owners said the shelling stopped.".encode("cp1252"))
    'Café owners said the shelling stopped.'
    """
    if not data.strip():
        raise RejectedInput("empty", "the input is empty or only whitespace")
    check_binary(data)
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"),
                       (b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise RejectedInput("not-utf8", f"starts with a {codec} byte-order mark but does not decode: {exc}") from exc
    if looks_like_utf16(data):
        raise RejectedInput(
            "not-utf8", "looks like UTF-16 without a byte-order mark; re-save the file as UTF-8"
        )
    if b"\x00" in data[:SNIFF_BYTES]:
        raise RejectedInput("binary", "contains NUL bytes")
    text = decode_utf8_leniently(data)
    if text is not None:
        return text
    for candidate in (decode_cp1252(data), decode_detected(data)):
        if candidate is not None and is_plausible_text(candidate):
            return candidate
    raise RejectedInput(
        "not-utf8", "not valid UTF-8 and no other encoding gives readable text; re-save the file as UTF-8"
    )


def check_binary(data: bytes) -> None:
    head = data[:SNIFF_BYTES]
    for magic, name in BINARY_MAGIC:
        if head.startswith(magic):
            raise RejectedInput("binary", f"this is a {name}, not an article")
    if head[4:8] == b"ftyp":
        raise RejectedInput("binary", "this is an MP4/MOV video, not an article")
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 0))
    if controls > CONTROL_SHARE * len(head):
        raise RejectedInput("binary", f"{controls} control bytes in the first {len(head)} bytes")


def looks_like_utf16(data: bytes) -> bool:
    """ASCII-range text stored as UTF-16: every other byte is NUL."""
    head = data[:SNIFF_BYTES]
    if len(head) < 4:
        return False
    even_nul = head[0::2].count(0) / len(head[0::2])
    odd_nul = head[1::2].count(0) / len(head[1::2])
    return max(even_nul, odd_nul) > 0.4 and min(even_nul, odd_nul) < 0.05


def decode_utf8_leniently(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    has_multibyte = any(ord(ch) > 127 and ch != "\ufffd" for ch in text)
    if has_multibyte and broken <= max(3, UTF8_MAX_BROKEN_SHARE * len(text)):
        return text
    return None


def decode_cp1252(data: bytes) -> str | None:
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return None  # one of the five bytes cp1252 leaves undefined


def decode_detected(data: bytes) -> str | None:
    """charset-normalizer's reading, if it is coherent text in some language.

    Coherence 0 means the letters form no language's usual patterns: random high bytes
    decode "cleanly" in some code page (Cyrillic soup in cp1125) but are not text.
    """
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding.startswith(("utf_16", "utf_32")):
        return None
    if best.chaos > MAX_CHAOS or best.coherence < MIN_COHERENCE:
        return None
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def is_plausible_text(text: str) -> bool:
    """Mostly letters, digits, spaces and ordinary punctuation; no C1 controls or symbols soup."""
    sample = text[:SNIFF_BYTES]
    if not sample:
        return False
    ok = sum(1 for ch in sample if ch.isalnum() or ch.isspace() or unicodedata.category(ch)[0] == "P")
    controls = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and not ch.isspace())
    return controls == 0 and ok >= PLAUSIBLE_SHARE * len(sample)


def sniff_kind(text: str, declared: str | None = None, name: str | None = None) -> str:
    """"html" or "text": the declared kind wins, then the file name, then the markup.

    >>> sniff_kind("<!DOCTYPE html><html><body><p>Hi</p></body></html>"), sniff_kind("Plain words.")
    ('html', 'text')
    """
    if declared in ("html", "text"):
        return declared
    if name and re.search(r"\.(?:html?|xhtml|php|aspx?)(?:[?#]|$)", name, re.I):
        return "html"
    head = text[:2000].lstrip()
    if head.startswith("<") and HTML_SNIFF_RE.search(head):
        return "html"
    return "html" if len(HTML_SNIFF_RE.findall(head)) >= 3 else "text"


# --- the cleaned body ---------------------------------------------------------------


def check_language(body: str, settings: Settings) -> str | None:
    accepted = tuple(code.strip() for code in settings.languages.split(",") if code.strip())
    language = detect_language(body, accepted)
    if accepted and language not in accepted:
        raise RejectedInput(
            "not-english",
            f"the text reads as '{language}', not {', '.join(accepted)}; add it to the languages setting to accept it",
        )
    return language


def cut_at_paragraph(body: str, max_chars: int) -> str:
    """``body`` cut to at most ``max_chars`` at the last paragraph (or sentence) end."""
    if len(body) <= max_chars:
        return body
    head = body[:max_chars]
    for boundary in ("\n\n", ". ", "\n", " "):
        cut = head.rfind(boundary)
        if cut > max_chars // 2:
            return head[: cut + (1 if boundary == ". " else 0)].rstrip()
    return head


def normalise_for_id(body: str) -> str:
    """The form of the text the document id hashes: NFC, single spaces."""
    return " ".join(unicodedata.normalize("NFC", normalise_text(body)).split())
