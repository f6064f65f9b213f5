// Models as files (io/json.hpp): round trips keep every number, the re-loaded models give the
// papers' results again, and malformed files raise typed errors.
#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <mechdesign/catalog/bilateral_trade.hpp>
#include <mechdesign/catalog/persuasion.hpp>
#include <mechdesign/io/json.hpp>
#include <mechdesign/mechanism/primal.hpp>
#include <mechdesign/persuasion/bargaining_set.hpp>
#include <string>

using namespace mechdesign;
using namespace mechdesign::catalog;

namespace {

void check_same_problem(const bayesian_problem<>& a, const bayesian_problem<>& b) {
  REQUIRE(a.num_players() == b.num_players());
  CHECK(a.types().sizes() == b.types().sizes());
  CHECK(a.beliefs().is_independent() == b.beliefs().is_independent());
  CHECK(a.beliefs().table() == b.beliefs().table());  // bit for bit: JSON keeps 17 digits
  CHECK(a.money() == b.money());
  for (std::uint64_t mask = 1; mask < (std::uint64_t{1} << a.num_players()); ++mask) {
    const coalition s = coalition::from_mask(mask);
    REQUIRE(a.has_decisions(s) == b.has_decisions(s));
    if (!a.has_decisions(s)) continue;
    CHECK(a.decision_labels(s) == b.decision_labels(s));
    for (int k = 0; k < s.size(); ++k) CHECK(a.utility_table(s, k) == b.utility_table(s, k));
  }
}

}  // namespace

TEST_CASE("io: a Bayesian problem round-trips and gives 003's numbers again", "[io][json]") {
  for (const bool money : {true, false}) {
    INFO((money ? "money model" : "price-lottery model"));
    const auto original = money ? bilateral_trade::with_money() : bilateral_trade::price_lottery();
    const std::string path = "io_test_problem.json";
    io::save(original, path);
    const auto loaded = io::load_bayesian_problem(path);
    std::remove(path.c_str());
    check_same_problem(original, loaded);
    // 003 Table 2.1: the seller-dictator plan is worth 72 to the seller
    const auto r = solve_primal(loaded.grand(), bilateral_trade::dictator_weights(1),
                                bilateral_trade::dictator_participation(1));
    REQUIRE(r.ok());
    CHECK(r.objective == Approx(72.0).margin(1e-9));
  }
}

TEST_CASE("io: persuasion problems and pricing environments round-trip", "[io][json]") {
  const auto p = electoral_campaign();
  const auto q = io::persuasion_problem_from_json(io::to_json(p));
  CHECK(q.prior() == p.prior());
  CHECK(q.receiver() == p.receiver());
  REQUIRE(q.num_agents() == p.num_agents());
  for (int i = 0; i < p.num_agents(); ++i) CHECK(q.agent(i) == p.agent(i));
  const Eigen::Vector2d w(1.0, 1.0);
  CHECK(persuasion::support_point(q, w).value ==
        Approx(persuasion::support_point(p, w).value).margin(1e-12));

  const auto e =
      pricing::binary_environment(0.3, 0.6, Eigen::Vector2d(0.2, 0.9), Eigen::Vector2d(0.5, 0.5));
  const std::string path = "io_test_environment.json";
  io::save(e, path);
  const auto f = io::load_pricing_environment(path);
  std::remove(path.c_str());
  CHECK(f.seller_belief == e.seller_belief);
  CHECK(f.buyer_payoff == e.buyer_payoff);
  CHECK(f.externality == e.externality);
  CHECK(f.type_beliefs == e.type_beliefs);
  CHECK(f.type_probabilities == e.type_probabilities);
}

TEST_CASE("io: malformed models raise typed errors", "[io][json]") {
  nlohmann::json j = io::to_json(bilateral_trade::with_money());
  nlohmann::json wrong = j;
  wrong["format"] = "something else";
  CHECK_THROWS_AS(io::bayesian_problem_from_json(wrong), model_error);
  nlohmann::json missing = j;
  missing.erase("coalitions");
  CHECK_THROWS_AS(io::bayesian_problem_from_json(missing), model_error);
  nlohmann::json not_a_distribution = j;
  not_a_distribution["prior"]["independent"][0][0] = 0.5;  // (0.5, 0.2) sums to 0.7
  CHECK_THROWS_AS(io::bayesian_problem_from_json(not_a_distribution), distribution_error);
  nlohmann::json text_number = j;
  text_number["coalitions"][0]["utilities"][0][0][0] = "ninety";
  CHECK_THROWS_AS(io::bayesian_problem_from_json(text_number), model_error);
  nlohmann::json ragged = j;
  ragged["coalitions"][0]["utilities"][0][0].push_back(1.0);
  CHECK_THROWS_AS(io::bayesian_problem_from_json(ragged), dimension_error);
  nlohmann::json outsider = j;
  outsider["coalitions"][0]["members"][0] = 7;
  CHECK_THROWS_AS(io::bayesian_problem_from_json(outsider), index_error);
  {
    std::ofstream bad("io_test_bad.json");
    bad << "{ not json";
  }
  CHECK_THROWS_AS(io::load_bayesian_problem("io_test_bad.json"), model_error);
  std::remove("io_test_bad.json");
  CHECK_THROWS_AS(io::load_bayesian_problem("/nonexistent-folder/x.json"), mechdesign::error);
  CHECK_THROWS_AS(io::persuasion_problem_from_json(j), model_error);  // a Bayesian problem
}
