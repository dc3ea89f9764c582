"""A union-find whose roots are the smallest member: a component's label is its smallest
position, the same whichever order the unions come in."""


class UnionFind:
    """Disjoint sets of integers, created on first sight."""

    def __init__(self, members=()):
        self.parent = {m: m for m in members}

    def root(self, x):
        """The smallest member of `x`'s set (path halving)."""
        parent = self.parent
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a, b):
        """Joins the sets of `a` and `b`; the smaller root stays the root."""
        ra, rb = self.root(a), self.root(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def __contains__(self, x):
        return x in self.parent

    def __iter__(self):
        return iter(list(self.parent))
