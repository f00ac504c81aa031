"""manage.py rebuild_recommendations: re-encode and re-index everything, with a progress bar."""

import sys

from django.core.management.base import BaseCommand, CommandError

from recommender import conf
from recommender.encoders.base import EncoderError
from recommender.rebuild import rebuild


class Command(BaseCommand):
    help = "Rebuild the recommender's vectors and index (only changed texts are re-encoded)."

    def add_arguments(self, parser):
        parser.add_argument("--resume", action="store_true", help="Continue an interrupted rebuild.")
        parser.add_argument("--batch-size", type=int, default=64)

    def handle(self, *args, **options):
        encoder = conf.get_encoder()
        self.stdout.write(f"Encoder: {encoder.alias} ({encoder.model_id}); index: {conf.get_index().alias}")
        tty = sys.stdout.isatty()

        def progress(phase, done, total):
            width = 30
            filled = int(width * done / total) if total else width
            line = f"{phase:<20} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}"
            if tty:
                self.stdout.write("\r" + line, ending="")
                if done >= total:
                    self.stdout.write("")
            elif done >= total or done % (options["batch_size"] * 20) < options["batch_size"]:
                self.stdout.write(line)

        try:
            figures = rebuild(progress=progress, resume=options["resume"], batch_size=options["batch_size"])
        except EncoderError as exc:
            raise CommandError(f"The encoder failed: {exc}. Run again with --resume once it is fixed.") from exc
        rate = figures["encoded_texts"] / figures["encode_seconds"] if figures["encode_seconds"] else 0
        self.stdout.write(
            self.style.SUCCESS(
                f"Indexed {figures['documents']} documents; encoded {figures['encoded_texts']} new or changed texts "
                f"({rate:.1f}/s); {figures['seconds']:.1f}s in all."
            )
        )
