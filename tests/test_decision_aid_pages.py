"""The "Should I share?" decision aid, checked against content/decision-aid.yml: the layout, and the built pages."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from urllib.parse import urljoin

import pytest

from macros.loading import load_content
from macros.render.decision_aid import BOX_WIDTH, CHARACTERS_PER_LINE, flowchart_svg, layout, steps_in_order
from macros.render.guide import address_book

from .conftest import ROOT
from .helpers import built_address, decision_paths, plain_text, squeeze, visible_text

CONTENT = load_content(ROOT)
AID = CONTENT.decision_aid
BOOK = address_book(CONTENT.guide)
QUESTIONS, OUTCOMES = AID.questions, AID.outcomes
NODES = [*QUESTIONS, *OUTCOMES]
STEP_PAGE = f"{AID.id}/"
PRINT_PAGE = f"{AID.id}-print/"
RECORD_PAGE = f"{AID.record.id}/"
SVG = "http://www.w3.org/2000/svg"


def label(node) -> str:
    return plain_text(getattr(node, "question", None) or node.title)


# ---- The flowchart's layout, without MkDocs ----

def test_every_answer_leads_down_the_flowchart_and_no_boxes_overlap():
    """Each answer's box is below its question's, and no two boxes share any space."""
    boxes, width, height = layout(AID)
    by_id = {box.node.id: box for box in boxes}
    for box in boxes:
        assert 0 <= box.x and box.x + BOX_WIDTH <= width and 0 <= box.y and box.y + box.height <= height
        for answer in getattr(box.node, "answers", ()):
            assert by_id[answer.next].y > box.y + box.height, f"{answer.next} is not below {box.node.id}"
    for first in boxes:
        for second in boxes:
            if first is not second:
                apart = (first.x + BOX_WIDTH <= second.x or second.x + BOX_WIDTH <= first.x
                         or first.y + first.height <= second.y or second.y + second.height <= first.y)
                assert apart, f"{first.node.id} and {second.node.id} overlap"


def test_the_questions_run_down_the_left_of_the_flowchart_with_outcomes_to_their_right():
    """Every question is in the first column, so a narrow screen shows the questions first; each outcome that shares
    a row with a question is to its right."""
    boxes = layout(AID)[0]
    questions = [box for box in boxes if hasattr(box.node, "answers")]
    assert {box.x for box in questions} == {min(box.x for box in boxes)}
    for outcome in (box for box in boxes if not hasattr(box.node, "answers")):
        beside = [question for question in questions if question.y == outcome.y]
        assert all(outcome.x > question.x for question in beside), outcome.node.id


@pytest.mark.parametrize("node", NODES, ids=lambda node: node.id)
def test_each_label_is_wrapped_to_fit_its_box_without_losing_words(node):
    """A question or outcome is broken into lines short enough for its box, with every word kept in order."""
    box = next(box for box in layout(AID)[0] if box.node is node)
    assert all(len(line) <= CHARACTERS_PER_LINE for line in box.lines), box.lines
    assert label(node) in " ".join(box.lines)


def test_the_flowchart_is_well_formed_svg_with_a_title_and_a_description():
    """The SVG parses as XML, is an image to screen readers, and is labelled by its own title and description."""
    svg = ElementTree.fromstring(flowchart_svg(AID))
    assert svg.get("role") == "img"
    title, description = svg.find(f"{{{SVG}}}title"), svg.find(f"{{{SVG}}}desc")
    assert svg.get("aria-labelledby") == f"{title.get('id')} {description.get('id')}"
    assert plain_text(AID.title) in title.text and label(AID.nodes()[AID.start]) in description.text


def test_the_flowchart_draws_in_the_text_colour_at_its_natural_size():
    """No fixed colours (so the dark scheme works); its width and height are its viewBox's, one unit a pixel, so its
    text is at full size unless the page's styles fit it to a wide column."""
    svg = ElementTree.fromstring(flowchart_svg(AID))
    assert svg.get("viewBox") == f"0 0 {svg.get('width')} {svg.get('height')}"
    for element in svg.iter():
        for attribute in ("fill", "stroke"):
            assert element.get(attribute) in (None, "none", "currentColor"), f"{element.tag} {attribute}"


def test_the_steps_start_with_the_first_question_and_include_every_node_once():
    """Without scripts, the steps are read from the first question, and each question and outcome appears once."""
    order = [node.id for node in steps_in_order(AID)]
    assert order[0] == AID.start
    assert sorted(order) == sorted(node.id for node in NODES)


# ---- The built pages ----

@pytest.mark.parametrize("address", [STEP_PAGE, PRINT_PAGE])
def test_each_page_says_it_supports_judgement_and_to_call_999_in_an_emergency(site, address):
    """Both pages open with the warning that the aid never replaces judgement and procedures, and the 999 line."""
    notice = site.page(address).select_one("article .decision-judgement")
    text = visible_text(notice)
    assert plain_text(AID.judgement) in text and plain_text(AID.emergency) in text
    assert "never replaces" in text and "999" in text


@pytest.mark.parametrize("node", NODES, ids=lambda node: node.id)
def test_every_question_and_outcome_is_a_step_with_its_own_anchor(site, node):
    """Each question and outcome is a section whose id is its YAML id and whose heading is its words."""
    section = site.page(STEP_PAGE).find("section", id=node.id)
    assert section is not None, f"no section with id {node.id}"
    heading = section.find("h3")
    assert section["aria-labelledby"] == heading["id"]
    expected = label(node) if hasattr(node, "answers") else f"What to do: {label(node)}"
    assert visible_text(heading) == expected
    if hasattr(node, "answers") and node.help:
        assert plain_text(node.help) in visible_text(section)
    if not hasattr(node, "answers"):
        assert plain_text(node.text) in visible_text(section)


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda node: node.id)
def test_every_answer_is_a_link_to_the_step_it_leads_to(site, question):
    """Without scripts, each answer is a link whose words are the answer and whose target is the next step."""
    links = site.page(STEP_PAGE).find("section", id=question.id).select(".decision-answers a")
    assert [(visible_text(link), link["href"]) for link in links] == [
        (plain_text(answer.answer), f"#{answer.next}") for answer in question.answers]


@pytest.mark.parametrize("outcome", OUTCOMES, ids=lambda node: node.id)
@pytest.mark.parametrize("address", [STEP_PAGE, PRINT_PAGE])
def test_every_outcome_links_to_its_golden_rules_and_key_messages(site, address, outcome):
    """Each outcome links, by title, to the golden rules and key messages it names, at anchors that exist."""
    links = site.page(address).find("section", id=outcome.id).select(".see-also a")
    expected = [*outcome.rules, *outcome.messages]
    assert [visible_text(link) for link in links] == [plain_text(BOOK[ident][1]) for ident in expected]
    for link, ident in zip(links, expected):
        target = urljoin(f"http://site.test/{address}", link["href"])
        assert target == f"http://site.test/{built_address(BOOK[ident][0])}#{ident}"
        assert site.page(built_address(BOOK[ident][0])).find(id=ident) is not None


def test_every_outcome_rests_on_at_least_one_golden_rule():
    """The content links every outcome to a golden rule, as the validation demands."""
    rules = {rule.id for rule in CONTENT.guide.key_messages.golden_rules.rules}
    for outcome in OUTCOMES:
        assert rules & set(outcome.rules), outcome.id


@pytest.mark.parametrize("address", [STEP_PAGE, PRINT_PAGE])
def test_the_flowchart_on_each_page_has_every_question_and_outcome_label(site, address):
    """The picture's text holds every question and every outcome, and every answer label."""
    svg = site.page(address).select_one("article svg.decision-flowchart")
    assert svg is not None and svg["role"] == "img"
    texts = [squeeze(" ".join(span.get_text() for span in text.find_all("tspan"))) for text in svg.find_all("text")]
    for node in NODES:
        assert any(label(node) in text for text in texts), f"{node.id} is not in the flowchart"
    answers = [plain_text(answer.answer) for question in QUESTIONS for answer in question.answers]
    assert sorted(text for text in texts if text in answers) == sorted(answers)


def test_each_outcome_box_in_the_flowchart_names_its_urgency_in_words(site):
    """The picture says how urgent each outcome is in words, above what to do, not by its border's colour alone."""
    svg = site.page(STEP_PAGE).select_one("article svg.decision-flowchart")
    for outcome in OUTCOMES:
        box = next(group for group in svg.select("g.flowchart-outcome") if label(outcome) in squeeze(group.get_text(" ")))
        assert squeeze(box.get_text(" ")).startswith(f"{AID.urgency_words.word(outcome.urgency)} What to do:"), outcome.id


def test_the_flowchart_links_to_its_text_version(site):
    """Under the picture, a caption links to the whole flowchart written as lists."""
    caption = site.page(STEP_PAGE).select_one("article figure.decision-figure figcaption")
    link = caption.find("a")
    assert link is not None and urljoin(f"http://site.test/{STEP_PAGE}", link["href"]) == f"http://site.test/{PRINT_PAGE}"


@pytest.mark.parametrize("path", decision_paths(AID), ids=lambda path: path[1].id)
def test_the_printable_list_sets_out_every_path_to_its_outcome(site, path):
    """In the numbered list, question 1 is the first question; following each answer on the path, by the question
    number it names, reaches the next question, and the last answer links to the outcome."""
    taken, outcome = path
    page = site.page(PRINT_PAGE)
    numbered = page.select_one("article h2#questions-and-answers").find_next_sibling("ol").find_all("li", recursive=False)
    item = numbered[0]
    for index, (question, answer) in enumerate(taken):
        assert visible_text(item.find("strong")) == label(question), visible_text(item)
        choice = next(li for li in item.find("ul").find_all("li", recursive=False)
                      if visible_text(li.find("strong")) == f"{plain_text(answer.answer)}:")
        following = taken[index + 1][0] if index + 1 < len(taken) else outcome
        assert label(following) in visible_text(choice)
        if index + 1 < len(taken):
            number = int(re.search(r"go to question (\d+)", visible_text(choice)).group(1))
            item = numbered[number - 1]
            assert choice.find("a")["href"] == f"#{item.find('span')['id']}"
    assert choice.find("a")["href"] == f"#{outcome.id}"
    heading = page.find("section", id=outcome.id).find("h3")
    assert visible_text(heading) == f"What to do: {label(outcome)}"


def test_the_home_page_has_a_card_for_the_decision_aid(site):
    """The home page offers the decision aid, by title and summary, linking to its page."""
    home = site.page("")
    link = next(link for link in home.select("article .grid.cards a") if visible_text(link) == plain_text(AID.title))
    assert link["href"] == STEP_PAGE
    assert plain_text(AID.summary) in visible_text(link.find_parent("li"))


def test_only_the_decision_aid_pages_load_its_script_and_stylesheet(site):
    """The step-through's script loads on its page alone, and the aid's stylesheet on its three pages alone (the
    printable records show each outcome's urgency as the aid does)."""
    for address in site.addresses():
        page = site.page(address)
        scripts = [tag["src"] for tag in page.select("script[src]") if tag["src"].endswith("assets/decision-aid.js")]
        styles = [tag["href"] for tag in page.select("link[rel=stylesheet]")
                  if tag["href"].endswith("assets/decision-aid.css")]
        assert len(scripts) == (address == f"{STEP_PAGE}index.html"), address
        assert len(styles) == (address in (f"{STEP_PAGE}index.html", f"{PRINT_PAGE}index.html",
                                           f"{RECORD_PAGE}index.html")), address


def test_no_answer_line_runs_through_a_box():
    """Each answer's line, from its question to where it leads, crosses no other question or outcome: a line that
    skips down past questions takes the lane on the left."""
    import re

    from macros.render.decision_aid import draw_answer

    boxes = layout(AID)[0]
    by_id = {box.node.id: box for box in boxes}
    for parent in (box for box in boxes if hasattr(box.node, "answers")):
        for answer in parent.node.answers:
            child = by_id[answer.next]
            path = re.search(r'd="([^"]+)"', draw_answer(parent, child, "x", boxes)).group(1)
            x, y, points = 0.0, 0.0, []
            for command, value in re.findall(r"([MHV])\s*([-\d.]+(?:\s+[-\d.]+)?)", path):
                numbers = [float(number) for number in value.split()]
                x, y = (numbers if command == "M" else (numbers[0], y) if command == "H" else (x, numbers[0]))
                points.append((x, y))
            for (x1, y1), (x2, y2) in zip(points, points[1:]):
                for box in boxes:
                    if box in (parent, child):
                        continue
                    inside_x = min(x1, x2) < box.x + BOX_WIDTH and max(x1, x2) > box.x
                    inside_y = min(y1, y2) < box.y + box.height and max(y1, y2) > box.y
                    assert not (inside_x and inside_y), f"{parent.node.id} -> {child.node.id} crosses {box.node.id}"
