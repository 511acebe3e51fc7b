from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0002_search")]

    operations = [
        migrations.AddField(
            model_name="escorelease",
            name="digest",
            field=models.CharField(blank=True, default="", max_length=64),
            preserve_default=False,
        ),
    ]
