"""The lessons' data: the course's traces, MNIST, the review corpus and the talks' examples."""
