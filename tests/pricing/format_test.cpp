#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <mechdesign/pricing/format.hpp>
#include <string>

using namespace mechdesign;
using namespace mechdesign::pricing;

TEST_CASE("pricing: one-line reports of the results", "[pricing][format]") {
  const auto env = binary_environment(0.0, 0.5, Eigen::Vector3d(0.2, 0.5, 0.8),
                                      Eigen::Vector3d(1.0 / 3, 1.0 / 3, 1.0 / 3));
  const std::string menu = fmt::format("{}", solve_optimal_menu(env));
  CHECK(menu.find("profit ") == 0);
  CHECK(menu.find("menu check passed") != std::string::npos);
  CHECK(fmt::format("{}", menu_result{}).find("not_solved") != std::string::npos);
  const std::string c = fmt::format("{}", solve_continuous(type_distribution::uniform(), 0.0, 0.5));
  CHECK(c.find("uniform, tau = 0, v_s = 0.5: full information on [0.25, 0.75] at price 0.25") == 0);
  CHECK(fmt::format("{}", solve_continuous(type_distribution::uniform(), 2.0, 0.5))
            .find("no information sold") != std::string::npos);
  binary_types p;
  p.tau = 0.0;
  p.seller_belief = 0.3;
  p.phi = 0.25;
  CHECK(fmt::format("{}", solve_binary_types(p)).find("low: full") == 0);
  CHECK(fmt::format("{}", offer::steering) == "steering");
}
