"""The local front doors: where a practitioner makes a safeguarding referral. Pure functions."""
from __future__ import annotations

from ..model import FrontDoor

# Outcomes of the decision aid that send the reader to a front door.
URGENCIES_THAT_REFER = ("emergency", "refer-now")


def tel_address(number: str) -> str:
    """A phone number as a tap-to-call address in international form: '0121 788 4300' -> 'tel:+441217884300'.

    Numbers are UK numbers as people write them (the content check allows only digits, spaces and a leading +).
    """
    digits = number.replace(" ", "")
    return f"tel:{digits}" if digits.startswith("+") else f"tel:+44{digits.removeprefix('0')}"


def phone_link(number: str) -> str:
    return f"[{number}]({tel_address(number)})"


def front_door_entry(door: FrontDoor) -> str:
    """One front door: who it is for, the service, its numbers and hours once confirmed, and its web page.

    Phone numbers are shown only when the content owner has confirmed them: a wrong number in an
    emergency does harm, so until then the reader gets the partnership's page instead.
    """
    lines = [f"**{door.for_whom}** {door.name}."]
    if door.confirmed:
        hours = f" ({door.hours})" if door.hours else ""
        lines.append(f"Phone {phone_link(door.phone)}{hours}.")
        if door.out_of_hours_phone:
            who = f" ({door.out_of_hours_name})" if door.out_of_hours_name else ""
            lines.append(f"Out of hours{who}: {phone_link(door.out_of_hours_phone)}.")
        if door.secure_email:
            lines.append(f"Secure email: [{door.secure_email}](mailto:{door.secure_email}).")
    lines.append(f"[{door.link_text}]({door.url})")
    return " ".join(lines)


def front_doors_block(doors, when_closed: str, heading_text: str = "Where to refer") -> str:
    """The front doors as a short list under a small heading, and what to do when they cannot be reached: for the
    home page and the referral outcomes, where they come before anything else."""
    items = "\n".join(f'<li markdown="span">{front_door_entry(door)}</li>' for door in doors)
    return (f'<div class="front-doors" markdown>\n<p class="front-doors-heading"><strong>{heading_text}</strong></p>\n'
            f'<ul markdown>\n{items}\n</ul>\n<p class="front-doors-closed" markdown="span">{when_closed}</p>\n</div>')
