"""KubeStash's backup and restore hooks: reading the objects and laying out their timelines."""

from lifecycle.kubestash.model import KubeStashInventory, Problem
from lifecycle.kubestash.reading import read_inventory, read_problems
from lifecycle.kubestash.timelines import UnknownSession, timeline

__all__ = [
    "KubeStashInventory",
    "Problem",
    "UnknownSession",
    "read_inventory",
    "read_problems",
    "timeline",
]
