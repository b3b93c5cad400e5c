"""What a reader can work out from a published table: its cells as a linear system.

Statistical offices check small-number suppression this way (tau-ARGUS): every cell of
every published table is a variable, the relations between the tables (a total is the
sum of its parts, ...) are linear equations and inequalities, a published cell is a
constant, and a hidden cell lies within what its marker says. The least and the greatest
value the system allows a hidden cell is its *feasible interval*: everything a reader can
know about it from everything published. Counts are whole numbers, so the intervals are
those of the integer program (HiGHS through ``scipy.optimize.linprog`` with
``integrality``); a relaxed linear program could report an interval that no whole numbers
reach.

This module knows nothing of reports: ``regional.suppression`` says which cells and
relations a report has, which cells are hidden, and what hiding a cell costs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass

import numpy as np


def _linprog():
    """SciPy's solver, imported when a report needs it: importing scipy.optimize cost a
    quarter of a second of every web, worker and test process's start."""
    from scipy.optimize import linprog

    return linprog


Cell = Hashable
# An upper bound for every cell: counts of a state's partners, families or participants
# stay far below it, and a bounded program is never "unbounded" (HiGHS's integer solver
# reports unbounded and infeasible alike).
UPPER = 10**7
_TOLERANCE = 1e-6


@dataclass(frozen=True)
class Relation:
    """``sum(coefficient * cell) == 0`` (``equal``) or ``<= 0`` over the cells."""

    terms: tuple[tuple[Cell, int], ...]
    equal: bool

    def holds(self, values: dict[Cell, int]) -> bool:
        total = sum(coefficient * values[cell] for cell, coefficient in self.terms)
        return total == 0 if self.equal else total <= 0


class LinearSystem:
    """The relations between ``values`` (the true cells) as a reader sees them.

    ``bounds`` maps every hidden cell to the range its marker tells the reader, e.g.
    ``(1, 2)`` for "<3" and ``(3, UPPER)`` for "x"; every other cell of ``values`` is
    published and a constant. The true values always satisfy the system (relations
    that the values break are not taken: the caller passes only those that hold).
    """

    def __init__(self, values: dict[Cell, int], relations: Iterable[Relation]) -> None:
        self.values = values
        self.relations = [r for r in relations if all(cell in values for cell, _c in r.terms)]
        self._by_cell: dict[Cell, list[int]] = defaultdict(list)
        for index, relation in enumerate(self.relations):
            for cell, _coefficient in relation.terms:
                self._by_cell[cell].append(index)

    # ------------------------------------------------------------ building programs

    def _component(
        self, start: Cell, is_variable: Callable[[Cell], bool]
    ) -> tuple[list[Cell], list[int]]:
        """The variable cells linked to ``start`` by relations, and those relations."""
        cells, relation_ids = [start], []
        seen_cells, seen_relations = {start}, set()
        queue = [start]
        while queue:
            cell = queue.pop()
            for index in self._by_cell.get(cell, ()):
                if index in seen_relations:
                    continue
                seen_relations.add(index)
                relation_ids.append(index)
                for other, _coefficient in self.relations[index].terms:
                    if other not in seen_cells and is_variable(other):
                        seen_cells.add(other)
                        cells.append(other)
                        queue.append(other)
        return cells, sorted(relation_ids)

    def _rows(
        self, cells: list[Cell], relation_ids: list[int], width: int
    ) -> tuple[np.ndarray | None, np.ndarray | None, np.ndarray | None, np.ndarray | None]:
        """The relations as ``A_eq x = b_eq`` and ``A_ub x <= b_ub`` over ``cells``
        (columns 0..len(cells)-1 of ``width``); cells outside are constants."""
        column = {cell: index for index, cell in enumerate(cells)}
        eq_rows, eq_rhs, ub_rows, ub_rhs = [], [], [], []
        for index in relation_ids:
            relation = self.relations[index]
            row = np.zeros(width)
            constant = 0
            for cell, coefficient in relation.terms:
                if cell in column:
                    row[column[cell]] += coefficient
                else:
                    constant += coefficient * self.values[cell]
            if not row.any():
                continue  # only published cells: nothing to learn
            (eq_rows if relation.equal else ub_rows).append(row)
            (eq_rhs if relation.equal else ub_rhs).append(-constant)

        def stack(rows, rhs):
            return (np.array(rows), np.array(rhs, dtype=float)) if rows else (None, None)

        return (*stack(eq_rows, eq_rhs), *stack(ub_rows, ub_rhs))

    # ------------------------------------------------------------ what a reader knows

    def _solve(
        self,
        cell: Cell,
        bounds: dict[Cell, tuple[int, int]],
        *,
        fixed: int | None = None,
        objective: dict[Cell, int] | None = None,
    ) -> dict[Cell, int] | None:
        """A whole-number solution of the hidden cells linked to ``cell`` (``cell`` held at
        ``fixed`` if given) minimising ``objective``; None when there is none."""
        cells, relation_ids = self._component(cell, bounds.__contains__)
        n = len(cells)
        a_eq, b_eq, a_ub, b_ub = self._rows(cells, relation_ids, n)
        variable_bounds = [bounds[c] for c in cells]
        if fixed is not None:
            variable_bounds[0] = (fixed, fixed)
        costs = np.array([float((objective or {}).get(c, 0)) for c in cells])
        program = {
            "A_ub": a_ub,
            "b_ub": b_ub,
            "A_eq": a_eq,
            "b_eq": b_eq,
            "bounds": variable_bounds,
            "method": "highs",
        }
        # The relaxed program first (a few times faster): no solution there, none in
        # whole numbers; a whole-number optimum there is the optimum. Tables of sums
        # mostly give whole-number corners; only the others need the integer program.
        result = _linprog()(costs, **program)
        if result.status == 0 and not np.allclose(result.x, np.round(result.x), atol=_TOLERANCE):
            result = _linprog()(costs, **program, integrality=np.ones(n))
        if result.status != 0:
            return None
        return {c: round(x) for c, x in zip(cells, result.x, strict=True)}

    def interval(self, cell: Cell, bounds: dict[Cell, tuple[int, int]]) -> tuple[int, int]:
        """The least and the greatest value of the hidden ``cell`` given everything
        published and the markers' ``bounds`` (the true value lies within)."""
        low = self._solve(cell, bounds, objective={cell: 1})
        high = self._solve(cell, bounds, objective={cell: -1})
        if low is None or high is None:  # the true values do not fit the markers
            value = self.values[cell]
            return value, value
        return low[cell], high[cell]

    def witness(
        self,
        cell: Cell,
        value: int,
        bounds: dict[Cell, tuple[int, int]],
        wanted: dict[Cell, int] | None = None,
    ) -> dict[Cell, int] | None:
        """Values of the hidden cells, consistent with everything published, in which
        ``cell`` holds ``value``; None when it cannot.

        The solution leans every cell of ``wanted`` from its true value towards the value
        wanted for it, so that one solution shows many cells' values possible at once.
        """
        objective = {}
        for other, target in (wanted or {}).items():
            if other != cell and target != self.values[other]:
                objective[other] = 1 if target < self.values[other] else -1
        return self._solve(cell, bounds, fixed=value, objective=objective)

    def cover(
        self,
        cells: Iterable[Cell],
        values: Iterable[int],
        bounds: dict[Cell, tuple[int, int]],
        on_failure: Callable[[Cell, int], bool],
    ) -> None:
        """Show for each hidden cell of ``cells`` that it can hold each of ``values``.

        A value that a cell cannot hold is passed to ``on_failure(cell, value)``; when
        that returns True (it hid more cells) the value is tried again, else given up.
        Each solution found counts for every cell it holds (a solution stays valid when
        more cells are hidden: a hidden cell's range includes its published value).
        """
        wanted = {(c, v) for c in cells for v in values if v != self.values[c]}
        order = sorted(wanted, key=repr)
        for cell, value in order:
            while (cell, value) in wanted:
                lean = dict(sorted((pair for pair in wanted if pair[0] != cell), key=repr))
                solution = self.witness(cell, value, bounds, lean)
                if solution is not None:
                    wanted.difference_update(solution.items())
                    wanted.discard((cell, value))
                elif not on_failure(cell, value):
                    wanted.discard((cell, value))

    # ------------------------------------------------------------ choosing what to hide

    def cells_to_hide(
        self,
        cell: Cell,
        value: int,
        bounds: dict[Cell, tuple[int, int]],
        candidates: dict[Cell, tuple[tuple[int, int], float]],
    ) -> list[Cell]:
        """Cells whose (wider) hiding lets the hidden ``cell`` hold ``value``.

        ``candidates`` maps cells that may be hidden, or hidden more widely, to the range
        their marker would then say and the cost of that. A linear program lets each
        candidate leave the range it has now (its published value, or its marker's
        range) at that cost per unit, within the range it would then have, and finds the
        cheapest moves that give ``cell`` the value (the "attacker's" subproblem of the
        Fischetti-Salazar heuristic); the candidates that moved are to be hidden. Empty
        when no choice of candidates helps.
        """
        variable = lambda c: c in bounds or c in candidates  # noqa: E731
        cells, relation_ids = self._component(cell, variable)
        n = len(cells)
        moving = [index for index, c in enumerate(cells) if c in candidates and c != cell]
        # the cells, then per candidate: where it stays, a move up and a move down
        width = n + 3 * len(moving)
        a_eq, b_eq, a_ub, b_ub = self._rows(cells, relation_ids, width)
        move_rows = np.zeros((len(moving), width))
        objective = np.zeros(width)
        extra_bounds = []
        for k, index in enumerate(moving):
            c = cells[index]
            stay, up, down = n + 3 * k, n + 3 * k + 1, n + 3 * k + 2
            # cell = stay + up - down, stay within what the reader knows now
            move_rows[k, [index, stay, up, down]] = [1, -1, -1, 1]
            objective[up] = objective[down] = candidates[c][1]
            now = bounds.get(c, (self.values[c], self.values[c]))
            extra_bounds.extend([now, (0, None), (0, None)])
        if moving:
            zeros = np.zeros(len(moving))
            a_eq = move_rows if a_eq is None else np.vstack([a_eq, move_rows])
            b_eq = zeros if b_eq is None else np.concatenate([b_eq, zeros])
        variable_bounds = [candidates[c][0] if c in candidates else bounds[c] for c in cells]
        variable_bounds[0] = (value, value)
        result = _linprog()(
            objective,
            A_ub=a_ub,
            b_ub=b_ub,
            A_eq=a_eq,
            b_eq=b_eq,
            bounds=variable_bounds + extra_bounds,
            method="highs",
        )
        if result.status != 0:
            return []
        x = result.x
        return [
            cells[index]
            for k, index in enumerate(moving)
            if x[n + 3 * k + 1] + x[n + 3 * k + 2] > _TOLERANCE
        ]
