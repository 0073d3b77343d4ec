"""The guards every page puts between what a visitor sends and what the app shows or runs.

One of each, so every page escapes, cleans and explains the same way: `markdown.literal`
for Markdown, `labels.plotly_safe` for plotly text, `cleaner.clean` for typed text, and
`problems.InputProblem` / `problems.say` for input the app refuses with a sentence.
"""
