"""mechdesign: Bayesian mechanism design and information design.

The compiled core (``mechdesign._core``, pybind11) holds the whole C++ library. Core problems
and the 003 mechanism module live at the top level (``mechdesign.BayesianProblem``,
``mechdesign.solve_primal``, ...); the other papers' modules are submodules:
``mechdesign.persuasion`` (000), ``mechdesign.data_monetization`` (001),
``mechdesign.bargaining`` (002), ``mechdesign.pricing`` (004), ``mechdesign.lp`` and
``mechdesign.catalog`` (the 003 games of the papers; 000's are in ``persuasion``).

Every solver result has ``status`` (:class:`Status`), ``message`` and ``ok()``, plus the fields
of the C++ struct; ``repr()`` is the library's one-line report. Caller mistakes raise
:class:`InvalidArgument` (a ``ValueError``) or a subclass; an LP a function needed that ended
without a verified optimum raises :class:`SolverError` (a ``RuntimeError``); both derive from
:class:`Error`.
"""
import sys as _sys

from . import _core
from ._core import *  # noqa: F401,F403
from ._core import __version__  # noqa: F401

# Make `import mechdesign.persuasion` and `from mechdesign.pricing import ...` work: the
# submodules are attributes of the compiled module, registered here as real modules.
for _name in ("lp", "catalog", "persuasion", "bargaining", "pricing", "data_monetization"):
    _sub = getattr(_core, _name)
    _sys.modules[__name__ + "." + _name] = _sub
    globals()[_name] = _sub
del _name, _sub
