from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("issuing", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="bulkjob",
            name="task_id",
            field=models.CharField(blank=True, max_length=64),
        ),
    ]
