"""Rich text: the Markdown subset contributors write, and the HTML it becomes."""

import pytest

from generator.render.richtext import to_html

CASES = [
    ("paragraph", "Plain text.", "<p>Plain text.</p>"),
    ("emphasis", "**Strong** and *em*.", "<p><strong>Strong</strong> and <em>em</em>.</p>"),
    ("list without a blank line before it", "Steps:\n- one\n- two",
     "<p>Steps:</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>"),
    # Python-Markdown, used before, read "2016." as a new numbered item and dropped the year
    # (it happened in two records).
    ("wrapped line that begins with a year", "- Support since\n  2016. Then more.",
     "<ul>\n<li>Support since\n2016. Then more.</li>\n</ul>"),
    ("link", "[Ministry](https://www.gob.mx/)",
     '<p><a href="https://www.gob.mx/" rel="noopener noreferrer nofollow">Ministry</a></p>'),
    ("javascript link loses its target", "[x](javascript:alert(1))", '<p><a rel="noopener noreferrer nofollow">x</a></p>'),
    ("raw inline HTML: tag dropped, text kept", "a <span onclick=alert(1)>b</span> c", "<p>a b c</p>"),
    ("raw HTML block: tag dropped, text kept", "<div>kept text</div>", "kept text"),
    ("script dropped with its content", "<script>alert(1)</script>", ""),
    ("image refused", "![x](https://www.gob.mx/a.png)", "<p></p>"),
    ("heading is not in the subset", "# Title", "Title"),
]


@pytest.mark.parametrize(("markdown", "expected"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_rich_text_becomes_the_expected_html(markdown: str, expected: str) -> None:
    assert to_html(markdown) == expected
