"""Built-in code rules (rules that need more than a word list)."""
