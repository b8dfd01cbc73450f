from core.management.commands.run_periodic import Command as RunPeriodic


class Command(RunPeriodic):
    help = (
        "The same as run_periodic (kept for cron lines written before it): run every "
        "periodic job once, reminders and session nudges among them. "
        + RunPeriodic.help.split(". ", 1)[1]
    )
