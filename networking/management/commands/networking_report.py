"""manage.py networking_report [--months N] [--country SE] [--community KEY]: the Networking report as text.

The same counts as /admin/reports/networking/ (networking.report), for the README and for operators.
"""

from django.core.management.base import BaseCommand, CommandError
from django_countries import countries

from networking import report

LABELS = {
    "shown": "Shown",
    "opened": "Opened",
    "requested": "Contact requested",
    "accepted": "Accepted",
    "replied": "Replies on both sides",
    "joint": "Joint project or adaptation",
}


def _pct(value):
    return "" if value is None else f" ({100 * value:.0f} %)"


class Command(BaseCommand):
    help = "Print the Networking report (passive suggestions against active search) as a text table."

    def add_arguments(self, parser):
        parser.add_argument("--months", type=int, default=6)
        parser.add_argument("--country", default="")
        parser.add_argument("--community", default="", help="a community's translation key")

    def handle(self, *args, months, country, community, **options):
        if not 1 <= months <= 120:
            raise CommandError("--months is between 1 and 120")
        if country and country not in dict(countries):
            raise CommandError(f"Unknown country {country!r}")
        chosen = sorted(report.recent_months(months))
        total = report.funnels(chosen, community, country)[None]
        passive, active, other = total[report.PASSIVE], total[report.ACTIVE], total[report.OTHER]
        rows = [("Stage", "Passive (suggestions)", "Active (search)", "Other (profile)")]
        for stage in report.STAGES:
            cells = []
            for side, funnel in ((report.PASSIVE, passive), (report.ACTIVE, active), (report.OTHER, other)):
                if side == report.OTHER and stage not in report.CONTACT_STAGES:
                    cells.append("–")
                    continue
                cell = f"{funnel.counts[stage]}{_pct(funnel.rate(stage))}"
                cells.append(cell)
            rows.append((LABELS[stage], *cells))
        for stage in ("requested", "joint"):
            rows.append(
                (
                    f"{LABELS[stage]} per 1,000 shown",
                    *(
                        "–" if f.per_thousand_shown(stage) is None else f"{f.per_thousand_shown(stage):.1f}"
                        for f in (passive, active)
                    ),
                    "–",
                )
            )
        for kind, label in (("cross_border", "Cross-border"), ("cross_language", "Cross-language")):
            for stage in ("requested", "joint"):
                rows.append(
                    (
                        f"{label} share of {LABELS[stage].lower()}",
                        *(f"{getattr(f, kind)[stage]}{_pct(f.share(kind, stage))}" for f in (passive, active, other)),
                    )
                )
        widths = [max(len(r[i]) for r in rows) for i in range(4)]
        scope = (
            f"{chosen[0]:%Y-%m} to {chosen[-1]:%Y-%m}, {country or 'all countries'}, {community or 'all communities'}"
        )
        self.stdout.write(f"Networking, {scope}")
        for i, row in enumerate(rows):
            self.stdout.write("| " + " | ".join(cell.ljust(widths[j]) for j, cell in enumerate(row)) + " |")
            if i == 0:
                self.stdout.write("|" + "|".join("-" * (w + 2) for w in widths) + "|")
