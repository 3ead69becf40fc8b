"""Selection: reviewers, conflicts of interest, scores on the rubric, ranking and decisions."""
