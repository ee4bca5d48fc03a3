"""Criteria authoring: a criteria set as the annex table a decision publishes, and back.

* :mod:`.method` writes the plain-language scoring method of a rule (Vietnamese and English);
* :mod:`.export` writes the annex workbook (``pari criteria export``);
* :mod:`.parse` and :mod:`.importing` draft a set from an annex (``pari criteria import``);
* :mod:`.todos` finds the ``todo:`` notes a draft still holds (``pari validate`` refuses them);
* :mod:`.compare` and :mod:`.diff` compare two sets (the round trip, ``pari diff``).

See docs/authoring.md.
"""
