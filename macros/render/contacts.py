"""The local front doors: where a practitioner makes a safeguarding referral. Pure functions."""
from __future__ import annotations

from ..model import FrontDoor

# Outcomes of the decision aid that send the reader to a front door.
URGENCIES_THAT_REFER = ("emergency", "refer-now")


def front_door_entry(door: FrontDoor) -> str:
    """One front door: who it is for, the service, its phone numbers once confirmed, and its web page.

    Phone numbers are shown only when the content owner has confirmed them: a wrong number in an
    emergency does harm, so until then the reader gets the partnership's page instead.
    """
    lines = [f"**{door.for_whom}** {door.name}."]
    if door.confirmed and door.phone:
        lines.append(f"Phone {door.phone}.")
    if door.confirmed and door.out_of_hours_phone:
        lines.append(f"Out of hours: {door.out_of_hours_phone}.")
    lines.append(f"[{door.link_text}]({door.url})")
    return " ".join(lines)


def front_doors_block(doors, heading_text: str = "Where to refer") -> str:
    """The front doors as a short list under a small heading, for the home page and the referral outcome."""
    items = "\n".join(f'<li markdown="span">{front_door_entry(door)}</li>' for door in doors)
    return (f'<div class="front-doors" markdown>\n<p class="front-doors-heading"><strong>{heading_text}</strong></p>\n'
            f'<ul markdown>\n{items}\n</ul>\n</div>')
