// Runner of the tests of the examples' own helpers (examples/support/). Prints nothing itself.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
