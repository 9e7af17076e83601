"""The learner's loop: the report, watch mode, where one stands in the course, hints,
history, reset and drills, training pictures and replays."""
