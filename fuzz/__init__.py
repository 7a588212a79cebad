"""Coverage-guided fuzzing harnesses for every reader (run with atheris; see fuzz/README.md)."""
