// Seeded random finite Bayesian problems for property tests.
#ifndef MECHDESIGN_TESTS_SUPPORT_RANDOM_PROBLEMS_HPP
#define MECHDESIGN_TESTS_SUPPORT_RANDOM_PROBLEMS_HPP

#include <mechdesign/mechdesign.hpp>
#include <optional>
#include <random>
#include <vector>

namespace test_support {

struct random_spec {
  int players = 2;
  int types = 2;      // per player
  int decisions = 3;  // in the grand coalition
  std::optional<mechdesign::budget_rule> money;
  bool correlated = false;
};

// A random distribution with every entry at least 0.05 / n before normalisation.
inline Eigen::VectorXd random_distribution(std::mt19937& rng, mechdesign::index_t n) {
  std::uniform_real_distribution<double> u(0.05, 1.0);
  Eigen::VectorXd v(n);
  for (mechdesign::index_t k = 0; k < n; ++k) v(k) = u(rng);
  return v / v.sum();
}

// Grand coalition with random utilities in [-10, 10]; every singleton gets decision 0 of the
// grand coalition ("status quo", utility 0 for all), so the problem is superadditive.
inline mechdesign::bayesian_problem<> random_problem(const random_spec& spec, unsigned seed) {
  std::mt19937 rng(seed);
  std::vector<mechdesign::index_t> sizes(static_cast<std::size_t>(spec.players), spec.types);
  mechdesign::type_space ts(sizes);
  mechdesign::prior<> p;
  if (spec.correlated) {
    p = mechdesign::prior<>::joint(ts, random_distribution(rng, ts.num_profiles()));
  } else {
    std::vector<Eigen::VectorXd> marginals;
    for (int i = 0; i < spec.players; ++i)
      marginals.push_back(random_distribution(rng, spec.types));
    p = mechdesign::prior<>::independent(marginals);
  }
  mechdesign::bayesian_problem<> problem(p);
  std::uniform_real_distribution<double> u(-10.0, 10.0);
  std::vector<std::string> labels;
  for (int d = 0; d < spec.decisions; ++d)
    labels.push_back(d == 0 ? "status quo" : fmt::format("d{}", d));
  std::vector<Eigen::MatrixXd> tables;
  for (int i = 0; i < spec.players; ++i) {
    Eigen::MatrixXd m(spec.decisions, ts.num_profiles());
    for (mechdesign::index_t j = 0; j < m.cols(); ++j) {
      m(0, j) = 0.0;
      for (mechdesign::index_t d = 1; d < m.rows(); ++d) m(d, j) = u(rng);
    }
    tables.push_back(m);
  }
  problem.set_decisions(mechdesign::coalition::grand(spec.players), labels, tables);
  for (int i = 0; i < spec.players; ++i) {
    problem.set_decisions(mechdesign::coalition{i}, {"status quo"},
                          {Eigen::MatrixXd::Zero(1, ts.num_profiles())});
  }
  if (spec.money) problem.set_money(*spec.money);
  return problem;
}

// A cooperative game with decisions for every coalition: each coalition R with |R| >= 2 owns
// `spec.decisions - 1` random decisions (utilities in [-10, 10] for its members, 0 for others);
// D_S is the status quo plus the decisions owned by every R within S. Singletons only have the
// status quo, so for up to three players D_R x D_{S\R} is contained in D_S (superadditive).
inline mechdesign::bayesian_problem<> random_cooperative_problem(const random_spec& spec,
                                                                 unsigned seed) {
  using namespace mechdesign;
  std::mt19937 rng(seed);
  std::vector<index_t> sizes(static_cast<std::size_t>(spec.players), spec.types);
  const type_space ts(sizes);
  std::vector<Eigen::VectorXd> marginals;
  for (int i = 0; i < spec.players; ++i) marginals.push_back(random_distribution(rng, spec.types));
  bayesian_problem<> problem(prior<>::independent(marginals));
  std::uniform_real_distribution<double> u(-10.0, 10.0);
  struct owned {
    coalition members;
    std::string label;
    std::vector<Eigen::VectorXd> utility;  // per player of N, over profiles of N
  };
  std::vector<owned> all;
  const std::uint64_t full = (std::uint64_t{1} << spec.players) - 1;
  for (std::uint64_t mask = 1; mask <= full; ++mask) {
    const coalition r = coalition::from_mask(mask);
    if (r.size() < 2) continue;
    for (int d = 1; d < spec.decisions; ++d) {
      owned o{r, fmt::format("{}:{}", r.to_string(), d), {}};
      for (int i = 0; i < spec.players; ++i) {
        Eigen::VectorXd v = Eigen::VectorXd::Zero(ts.num_profiles());
        if (r.contains(i)) {
          for (index_t j = 0; j < v.size(); ++j) v(j) = u(rng);
        }
        o.utility.push_back(v);
      }
      all.push_back(std::move(o));
    }
  }
  for (std::uint64_t mask = 1; mask <= full; ++mask) {
    const coalition s = coalition::from_mask(mask);
    std::vector<std::string> labels{"status quo"};
    std::vector<const owned*> mine;
    for (const auto& o : all) {
      if (o.members.subset_of(s)) {
        labels.push_back(o.label);
        mine.push_back(&o);
      }
    }
    std::vector<Eigen::MatrixXd> tables;
    for (int i : s.members()) {
      Eigen::MatrixXd m =
          Eigen::MatrixXd::Zero(static_cast<index_t>(labels.size()), ts.num_profiles());
      for (std::size_t d = 0; d < mine.size(); ++d) {
        m.row(static_cast<index_t>(d) + 1) =
            mine[d]->utility[static_cast<std::size_t>(i)].transpose();
      }
      tables.push_back(std::move(m));
    }
    problem.set_decisions(s, labels, tables);
  }
  if (spec.money) problem.set_money(*spec.money);
  return problem;
}

// Random strictly positive weights. With money, weights proportional to the marginals
// (λ_k(t) = c p_k(t)) keep the primal bounded: a dollar is worth the same to everyone.
inline mechdesign::type_vectors<> random_weights(const mechdesign::coalition_problem<>& g,
                                                 std::mt19937& rng) {
  std::uniform_real_distribution<double> u(0.1, 1.0);
  mechdesign::type_vectors<> lambda;
  for (int k = 0; k < g.num_members(); ++k) {
    if (g.money()) {
      lambda.push_back(g.beliefs().marginal(k));
    } else {
      Eigen::VectorXd l(g.num_types(k));
      for (mechdesign::index_t t = 0; t < l.size(); ++t) l(t) = u(rng);
      lambda.push_back(l);
    }
  }
  return lambda;
}

// The neutral procedural regression family (seeds 601–620 and beyond): 2 or 3 players by the
// seed's parity, 2 types, 3 decisions per coalition, ex-post balanced money on every third seed.
inline mechdesign::bayesian_problem<> nps_regression_game(unsigned seed) {
  random_spec spec;
  spec.players = 2 + static_cast<int>(seed % 2);
  spec.types = 2;
  spec.decisions = 3;
  if (seed % 3 == 0) spec.money = mechdesign::budget_rule::ex_post_balanced;
  return random_cooperative_problem(spec, seed);
}

}  // namespace test_support

#endif  // MECHDESIGN_TESTS_SUPPORT_RANDOM_PROBLEMS_HPP
