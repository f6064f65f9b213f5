#include <catch2/catch.hpp>
#include <mechdesign/catalog/persuasion.hpp>

using namespace mechdesign;

TEST_CASE("catalog: 000's instances have the paper's shapes and disagreement payoffs",
          "[catalog][persuasion][paper]") {
  const persuasion::problem e = catalog::electoral_campaign();
  CHECK(e.num_states() == 3);
  CHECK(e.num_actions() == 3);
  CHECK(e.num_agents() == 2);
  // 000 §1: full revelation gives 3 x 0.1 + 1 x 0.8 = 1.1 to each party.
  const Eigen::VectorXd d = persuasion::ex_ante_payoffs(e, persuasion::full_information(e));
  CHECK(d.isApprox(Eigen::Vector2d(1.1, 1.1), 1e-12));
  const persuasion::problem t = catalog::three_parties();
  CHECK(t.num_states() == 4);
  CHECK(t.num_agents() == 3);
  // 000 §3.2: full revelation gives the benchmark d = (0.375, -0.6, -4.55).
  const Eigen::VectorXd dt = persuasion::ex_ante_payoffs(t, persuasion::full_information(t));
  CHECK(dt.isApprox(Eigen::Vector3d(0.375, -0.6, -4.55), 1e-12));
  const persuasion::problem g = catalog::guessing_agents();
  CHECK_FALSE(g.is_state_independent());
  const persuasion::problem w =
      catalog::winner_takes_all(Eigen::Vector3d(0.2, 0.3, 0.5), Eigen::Vector3d(1.0, 2.0, 3.0));
  const Eigen::MatrixXd u = w.action_payoffs();
  REQUIRE(u.rows() == 3);
  REQUIRE(u.cols() == 3);
  for (index_t a = 0; a < 3; ++a)
    for (index_t i = 0; i < 3; ++i) CHECK(u(a, i) == (a == i ? static_cast<double>(a + 1) : 0.0));
}
