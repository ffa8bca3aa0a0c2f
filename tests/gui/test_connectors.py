"""Connectors between every pair of accounts that has links, neighbours or not."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from comparer.core.formats.sources import source_from_text

A = (
    "Bridge closed\n\n"
    "The old river bridge at Denholm was closed on Tuesday after engineers found cracks in two piers.\n\n"
    "The ferry service will run every twenty minutes until repairs are finished."
)
B = (
    "Traffic diverted\n\n"
    "Engineers found cracks in two piers of the Denholm river bridge, which closed on Tuesday.\n\n"
    "Drivers face a detour of eleven miles through Pellow."
)
C = (
    "Repairs begin\n\n"
    "A ferry service will run every twenty minutes while the bridge is repaired.\n\n"
    "Engineers found cracks in two piers of the old bridge at Denholm, closed on Tuesday."
)


def _three(window):
    window.set_sources(
        [
            source_from_text(text, source_id=sid, path=f"{sid}.txt", title=text.split("\n")[0])
            for sid, text in (("a", A), ("b", B), ("c", C))
        ]
    )
    comp = window.comparison
    assert comp is not None
    return comp


def test_a_link_between_the_first_and_third_account_crosses_both_gutters(window, qtbot):
    comp = _three(window)
    source_of = {c.id: c.source for c in comp.claims}
    far = [lk for lk in comp.links if {source_of[lk.a], source_of[lk.b]} == {"a", "c"}]
    assert far, "the ferry sentence links a and c"
    left, right = window.area.gutters
    for gutter in (left, right):
        crossing = {c.link_id for c in gutter.connectors if c.far}
        assert {lk.id for lk in far} <= crossing
    near_left = {c.link_id for c in left.connectors if not c.far}
    assert all({source_of[lk.a], source_of[lk.b]} == {"a", "b"} for lk in comp.links if lk.id in near_left)
    # In the left gutter the far band starts at a's claim and ends on the right at c's claim.
    band = next(c for c in left.connectors if c.link_id == far[0].id)
    assert band.right_pane is window.pane("c")
    assert band.left_pane is None


def test_a_far_band_can_be_clicked_and_hovered(window, qtbot):
    comp = _three(window)
    source_of = {c.id: c.source for c in comp.claims}
    far = {lk.id for lk in comp.links if {source_of[lk.a], source_of[lk.b]} == {"a", "c"}}
    gutter = window.area.gutters[0]
    gutter.repaint()
    qtbot.waitUntil(lambda: any(link_id in far for link_id, _path in gutter._drawn), timeout=2000)
    link_id, path = next((lid, p) for lid, p in gutter._drawn if lid in far)
    box = path.boundingRect()
    points = (
        QPoint(x, y)
        for x in range(1, gutter.width() - 1, 2)
        for y in range(int(box.top()), int(box.bottom()) + 1, 2)
    )
    target = next((pt for pt in points if gutter.link_at(pt.toPointF()) == link_id), None)
    assert target is not None, "some of the far band is not under a neighbour's band"
    with qtbot.waitSignal(window.session.currentLinkChanged, timeout=2000) as chosen:
        qtbot.mouseClick(gutter, Qt.MouseButton.LeftButton, pos=target)
    assert chosen.args == [link_id]
    assert gutter.current == link_id
    assert f"link {link_id}" in gutter.describe(link_id)
