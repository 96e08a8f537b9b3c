"""The quiz in GIFT, the plain-text question format Moodle and several other LMSs import.

One block per question, blocks separated by a blank line. Text is Markdown (GIFT's [markdown] format);
GIFT's own marks (~ = # { } :) and the backslash are escaped, and line breaks are written as \\n so that
a paragraph break in the YAML does not end the question early.
"""
from __future__ import annotations

from ..model import Quiz, QuizQuestion
from . import answer_fractions, question_markdown

GIFT_SPECIAL = "~=#{}:"


def gift_escape(text: str) -> str:
    """Text safe inside a GIFT question: special marks backslash-escaped, newlines written as \\n."""
    text = text.replace("\\", "\\\\")
    for mark in GIFT_SPECIAL:
        text = text.replace(mark, "\\" + mark)
    return text.replace("\n", "\\n")


def gift_question(question: QuizQuestion, number: int) -> str:
    """One question as a GIFT block: title, text, then its answers with feedback and the general feedback."""
    head = f"// {number}. {question.type}\n::{gift_escape(question.id)}::[markdown]{gift_escape(question_markdown(question))}"
    general = f"\t####{gift_escape(question.explanation)}"
    if question.type == "true-false":
        right = next(option for option in question.options if option.correct)
        wrong = next(option for option in question.options if not option.correct)
        # GIFT gives a true-false question two feedbacks: for the wrong answer first, then for the right one.
        answer = "TRUE" if right.text == "True" else "FALSE"
        body = f"\t{answer}#{gift_escape(wrong.feedback)}#{gift_escape(right.feedback)}"
        return f"{head} {{\n{body}\n{general}\n}}"
    lines = []
    for option, fraction in zip(question.options, answer_fractions(question)):
        if question.type == "multiple":
            mark = f"~%{fraction}%"
        else:
            mark = "=" if option.correct else "~"
        lines.append(f"\t{mark}{gift_escape(option.text)}#{gift_escape(option.feedback)}")
    return f"{head} {{\n" + "\n".join(lines) + f"\n{general}\n}}"


def gift(quiz: Quiz, category: str) -> str:
    """Every question of the quiz in GIFT, filed under `category` when imported."""
    blocks = [f"// {quiz.title}: {len(quiz.questions)} questions, pass mark {quiz.pass_mark}.\n"
              f"$CATEGORY: $course$/top/{category}"]
    blocks += [gift_question(question, number) for number, question in enumerate(quiz.questions, 1)]
    return "\n\n".join(blocks) + "\n"
