"""manage.py evaluate_recommender FILE.json: recall@1, MRR, recall@k and nDCG@k on a labelled set, and cosine alone."""

from django.core.management.base import BaseCommand, CommandError

from recommender.evaluation import LabelledSetError, evaluate, load_labelled_set


class Command(BaseCommand):
    help = "Measure the recommender on a labelled set; the site and its index are left unchanged."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--k", type=int, default=None)
        parser.add_argument(
            "--encoder", default=None, help="Encoder alias from settings.KOLLEGA_RECOMMENDER['ENCODERS']."
        )
        parser.add_argument("--show-misses", action="store_true")
        parser.add_argument(
            "--distractors",
            action="store_true",
            default=None,
            help="Also index the records no label names (the set's own 'distractors' key otherwise decides).",
        )

    def handle(self, *args, **options):
        try:
            data = load_labelled_set(options["file"])
            report = evaluate(
                data, k=options["k"], encoder_alias=options["encoder"], distractors=options["distractors"]
            )
        except LabelledSetError as exc:
            raise CommandError(str(exc)) from exc
        except Exception as exc:
            from resources.importer import ImportFileError

            if isinstance(exc, ImportFileError):
                raise CommandError(str(exc)) from exc
            raise
        for line in report.lines():
            self.stdout.write(line)
        if options["show_misses"]:
            for item, missed in report.misses:
                self.stdout.write(f"  missed: {item} -> {missed}")
