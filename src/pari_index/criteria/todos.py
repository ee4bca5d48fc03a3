"""The ``todo:`` notes of a drafted criteria set.

``pari criteria import`` writes a ``todo:`` wherever it could not read the annex (a method it did
not recognise, a maximum missing, the decision's particulars). A set that still holds one is a
draft: :func:`todo_problems` lists every one with its YAML line, and loading refuses the set
until each is resolved and deleted.
"""

from __future__ import annotations

import yaml

from pari_index.errors import Problem

TODO_KEY = "todo"
HINT = "do what the note says, then delete the todo: line (docs/authoring.md)"


def _notes(value: yaml.Node) -> list[tuple[str, yaml.Node]]:
    if isinstance(value, yaml.SequenceNode):
        return [(str(item.value), item) for item in value.value if isinstance(item, yaml.ScalarNode)]
    if isinstance(value, yaml.ScalarNode):
        return [(str(value.value), value)]
    return []  # a mapping under "todo" is something else (an input named todo), not a note


def todo_problems(root: yaml.Node | None, file: str) -> list[Problem]:
    """One problem per ``todo:`` note anywhere in the document, in document order."""
    problems: list[Problem] = []
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode) and key.value == TODO_KEY:
                    for text, at in _notes(value):
                        problems.append(
                            Problem(
                                "todo",
                                f"unresolved todo: {text}",
                                file=file,
                                line=at.start_mark.line + 1,
                                column=at.start_mark.column + 1,
                                hint=HINT,
                                params={"text": text},
                            )
                        )
            stack.extend(value for _, value in reversed(node.value))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(reversed(node.value))
    return sorted(problems, key=lambda p: (p.line or 0, p.column or 0))


__all__ = ["TODO_KEY", "todo_problems"]
