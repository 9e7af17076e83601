"""The instructor's nbgrader course: the course folder, the notebooks, grading them with
the kit's engine (``grade course regrade``), stubs generated from the solutions, GitHub Classroom."""
