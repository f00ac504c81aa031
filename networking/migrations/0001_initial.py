from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="NetworkingReport",
            fields=[("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID"))],
            options={
                "verbose_name": "Networking report",
                "permissions": [("view_networking_report", "Can see the Networking report")],
                "managed": False,
                "default_permissions": (),
            },
        ),
    ]
