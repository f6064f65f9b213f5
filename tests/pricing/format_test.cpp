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
  CHECK(fmt::format("{}", menu_result{}).find("not_computed") != std::string::npos);
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
  CHECK(fmt::format("{}", model_thresholds(p)).find("tau^l = ") == 0);
  CHECK(fmt::format("{}", binary_type_menu{}).find("not_computed") != std::string::npos);
  CHECK(fmt::format("{}", continuous_menu{}).find("not_computed") != std::string::npos);
  // Typed binding constraints print as the LP's row names.
  const menu_result r = solve_optimal_menu(env);
  REQUIRE(r.ok());
  REQUIRE_FALSE(r.binding.empty());
  for (const menu_constraint& b : r.binding) CHECK(fmt::format("{}", b) == b.label());
  menu_constraint ic;
  ic.what = menu_constraint::kind::truthfulness;
  ic.type = 2;
  ic.other = 1;
  CHECK(fmt::format("{}", ic) == "IC[2->1]");
  menu_constraint ob;
  ob.what = menu_constraint::kind::obedience;
  ob.type = 0;
  ob.action = 1;
  ob.other = 0;
  CHECK(fmt::format("{}", ob) == "obedience[0: 1->0]");
  // A menu that fails its check evaluates to numerical_issue and says where.
  pricing::menu bad = r.menu;
  bad.prices(0) = -1.0;
  const menu_result e = evaluate_menu(env, bad);
  CHECK(e.status == mechdesign::status::numerical_issue);
  CHECK(fmt::format("{}", e).find("menu check FAILED") != std::string::npos);
  CHECK(fmt::format("{}", evaluate_menu(env, r.menu)).find("menu check passed") !=
        std::string::npos);
  CHECK(fmt::format("{}", r.check).find("menu check passed") == 0);
}
