"""The starter sub-theme list: the 30 sub-themes every organisation's list begins with, each with a short description
and the People Promise element it usually belongs to. The OD team then adds, renames, merges and retires its own."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class StarterSubTheme:
    name: str
    description: str
    element_code: str | None


STARTER_SUB_THEMES: tuple[StarterSubTheme, ...] = tuple(StarterSubTheme(*row) for row in (
    ("communication", "How news, decisions and changes reach staff, and whether they are listened to.", "PP3"),
    ("workload", "The amount of work against the time and people there are to do it.", "PP4"),
    ("staffing levels", "Vacancies, sickness cover, skill mix and safe numbers on shift.", "PP4"),
    ("equipment and IT", "Kit, systems, logins and devices that help or get in the way.", "PP7"),
    ("estates and space", "Buildings, rooms, desks, heating and the places staff work in.", "PP4"),
    ("parking and transport", "Getting to work: parking, permits, buses, cycling, travel costs.", "PP2"),
    ("visibility of leaders", "Senior leaders being seen, approachable and present on the floor.", "PP3"),
    ("protected time", "Time set aside for training, supervision, breaks or improvement work.", "PP5"),
    ("psychological safety", "Feeling safe to speak up, ask for help or admit a mistake.", "PP3"),
    ("recognition", "Thanks, praise and being noticed for the work done.", "PP2"),
    ("pay and reward", "Pay, banding, overtime, expenses and benefits.", "PP2"),
    ("career progression", "Routes to promotion, secondments and developing a career here.", "PP5"),
    ("training access", "Getting onto courses, mandatory training and study leave.", "PP5"),
    ("appraisals", "Appraisal quality, timeliness and whether they lead anywhere.", "PP5"),
    ("line management", "Support, fairness and contact from a direct manager.", "PP7"),
    ("teamwork", "How well a team and neighbouring teams work together.", "PP7"),
    ("wellbeing", "Support for physical and mental health at work.", "PP4"),
    ("burnout", "Exhaustion, stress and feeling worn out by work.", "PP4"),
    ("violence and aggression", "Abuse, threats or violence from patients, relatives or the public.", "PP4"),
    ("bullying and harassment", "Bullying, harassment or incivility from colleagues or managers.", "PP1"),
    ("discrimination", "Unfair treatment because of who someone is.", "PP1"),
    ("inclusion", "Belonging, respect for difference and fair chances for everyone.", "PP1"),
    ("flexible working", "Requests for flexible hours, patterns or part-time work.", "PP6"),
    ("working from home", "Remote and hybrid working arrangements.", "PP6"),
    ("rostering", "How rotas are made, published and changed, and shift patterns.", "PP6"),
    ("raising concerns", "Speaking up about safety or wrongdoing, and what happens after.", "PP3"),
    ("decision making", "Who decides, how staff are involved, and how decisions are explained.", "PP3"),
    ("change fatigue", "Too many changes, restructures or initiatives at once.", "PP4"),
    ("rest facilities", "Places to rest, eat, get food and drink, and take breaks.", "PP4"),
    ("carers", "Support for staff with caring responsibilities outside work.", "PP6"),
))
STARTER_NAMES: tuple[str, ...] = tuple(theme.name for theme in STARTER_SUB_THEMES)
