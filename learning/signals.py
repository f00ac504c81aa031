"""A deleted account takes its course with it: enrolments, progress, reflections and certificates."""

from django.db.models.signals import post_save


def on_person_saved(sender, instance, **kwargs):
    if instance.is_former_member:
        from .models import Certificate, Enrolment

        # Reflections are personal data and a certificate names the learner: erased, not kept for a credit.
        Enrolment.objects.filter(person=instance).delete()
        # A trainer who leaves is no longer named on the certificates of their cohorts.
        Certificate.objects.filter(enrolment__cohort__trainer=instance).update(trainer_name="")


def connect():
    from communities.models import Person

    post_save.connect(on_person_saved, sender=Person, dispatch_uid="learning_person_saved")
