// Timing of the neutral procedural solution (003_c8f96a2253701fcb.txt Definition 4) on seeded
// random Bayesian cooperative games of growing size.
//
// A game of n players with k types each: every coalition S with at least two members owns
// `decisions` random decisions (each member's utility uniform in [-10, 10] at every type profile),
// and D_S is the status quo (0 for everyone) plus the decisions owned by the coalitions inside S,
// capped at `decisions` for the grand coalition's own list. Types are independent with random
// marginals. For every size the table gives the processor and wall time of
// neutral_procedural_solution(), and how many coalitions (|S| >= 2) end with each outcome
// (coalition_solution::outcome, its chain of threats included): certified (NPS1-NPS2 at ε = 0
// with λ > 0), degenerate_certified (the limit of a path of ε-certificates with λ → 0 on some
// type), epsilon_certified (NPS1-NPS2 at the --epsilon target with λ > 0) and undecided; then
// the restarts the search needed and the largest ε of Definition 4 that an undecided coalition
// reached with its returned scales.
//
// Progress (coalition, stage, residual) goes to stderr through nps_options::progress: the start
// and the end of every coalition's search, each restart, and otherwise at most one line a second.
//
// Usage: nps_benchmark [--json] [--full] [--seeds N] [--epsilon X]
//   default    a quick table (2-3 players, 2-3 types, up to 10 decisions; about a second)
//   --full     players 2-4, types 2-4 per player, decisions 10 and 50 per coalition (minutes)
//   --seeds    games per size (default 2, with --full 3)
//   --epsilon  nps_options::epsilon, the relative ε of an epsilon_certified outcome (default
//              1e-6; 0 disables that outcome)
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdlib>
#include <ctime>
#include <limits>
#include <mechdesign/mechdesign.hpp>
#include <memory>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "support/cli.hpp"
#include "support/json.hpp"

namespace {

using namespace mechdesign;

struct size_spec {
  int players;
  int types;
  int decisions;
};

// The random game described in the file comment.
bayesian_problem<> random_game(const size_spec& spec, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> marginal(0.1, 1.0), utility(-10.0, 10.0);
  std::vector<Eigen::VectorXd> marginals;
  for (int i = 0; i < spec.players; ++i) {
    Eigen::VectorXd p(spec.types);
    for (index_t t = 0; t < p.size(); ++t) p(t) = marginal(rng);
    marginals.push_back(p / p.sum());
  }
  bayesian_problem<> problem(prior<>::independent(marginals));
  const index_t profiles = problem.types().num_profiles();

  // Each coalition's own decisions: utilities of its members at every grand profile.
  const int n = spec.players;
  std::vector<std::pair<coalition, std::vector<Eigen::MatrixXd>>> own;  // per decision: n × T
  for (std::uint64_t mask = 1; mask < (std::uint64_t{1} << n); ++mask) {
    const coalition s = coalition::from_mask(mask);
    if (s.size() < 2) continue;
    std::vector<Eigen::MatrixXd> decisions;
    for (int d = 0; d < spec.decisions; ++d) {
      Eigen::MatrixXd u = Eigen::MatrixXd::Zero(n, profiles);
      for (int i : s.members()) {
        for (index_t j = 0; j < profiles; ++j) u(i, j) = utility(rng);
      }
      decisions.push_back(std::move(u));
    }
    own.emplace_back(s, std::move(decisions));
  }
  // D_S: the status quo, then S's own decisions, then those of sub-coalitions while the list
  // is shorter than `decisions` (so the grand coalition has exactly `decisions` + 1).
  for (std::uint64_t mask = 1; mask < (std::uint64_t{1} << n); ++mask) {
    const coalition s = coalition::from_mask(mask);
    std::vector<std::string> labels{"status quo"};
    std::vector<const Eigen::MatrixXd*> picked;
    for (auto it = own.rbegin(); it != own.rend(); ++it) {  // larger masks first: S itself first
      if ((it->first.mask() & ~mask) != 0) continue;
      for (std::size_t d = 0; d < it->second.size(); ++d) {
        if (static_cast<int>(picked.size()) == spec.decisions) break;
        picked.push_back(&it->second[d]);
        labels.push_back(fmt::format("{}:{}", it->first.to_string(), d));
      }
    }
    // Utilities u_i(d, t) at every full profile t (the restriction to S averages over the
    // outsiders' types with p(t_{-S} | t_S)).
    std::vector<Eigen::MatrixXd> tables;
    for (int i : s.members()) {
      Eigen::MatrixXd table = Eigen::MatrixXd::Zero(static_cast<index_t>(labels.size()), profiles);
      for (std::size_t d = 0; d < picked.size(); ++d) {
        table.row(static_cast<index_t>(d) + 1) = picked[d]->row(i);
      }
      tables.push_back(std::move(table));
    }
    problem.set_decisions(s, labels, tables);
  }
  return problem;
}

struct row {
  size_spec size;
  index_t profiles = 0;
  double seconds_mean = 0.0, seconds_max = 0.0;  // wall clock
  double cpu_mean = 0.0;                         // processor time of this process
  int coalitions = 0, restarts = 0;
  std::array<int, 4> outcomes{};  // coalitions per nps_outcome, indexed by its value
  // the largest ε over undecided coalitions; NaN when none is undecided
  double worst_epsilon = std::numeric_limits<double>::quiet_NaN();

  // The coalitions whose outcome is o.
  int count(nps_outcome o) const { return outcomes[static_cast<std::size_t>(o)]; }
};

// Options whose progress callback reports to stderr (stdout keeps the table or the JSON).
nps_options progress_to_stderr(const size_spec& size, int game, double epsilon) {
  nps_options options;
  options.epsilon = epsilon;
  auto last =
      std::make_shared<std::chrono::steady_clock::time_point>(std::chrono::steady_clock::now());
  options.progress = [size, game, last](const coalition& s, std::string_view stage,
                                        double residual) {
    const auto now = std::chrono::steady_clock::now();
    const bool milestone = stage == "start" || stage == "restart" || stage == "done";
    if (milestone || now - *last >= std::chrono::seconds(1)) {
      *last = now;
      fmt::print(stderr, "[{}x{}x{} game {}] coalition {}: {} (residual {:.3g})\n", size.players,
                 size.types, size.decisions, game, s.to_string(), stage, residual);
    }
    return true;  // never stop: the benchmark times the whole search
  };
  return options;
}

row run(const size_spec& size, int seeds, double epsilon) {
  row r;
  r.size = size;
  for (int k = 0; k < seeds; ++k) {
    const auto problem = random_game(size, 1000u * static_cast<unsigned>(size.players) +
                                               100u * static_cast<unsigned>(size.types) +
                                               static_cast<unsigned>(size.decisions + k));
    r.profiles = problem.types().num_profiles();
    const auto start = std::chrono::steady_clock::now();
    const std::clock_t cpu_start = std::clock();
    const nps_result solution =
        neutral_procedural_solution(problem, progress_to_stderr(size, k, epsilon));
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    r.cpu_mean += static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC / seeds;
    r.seconds_mean += seconds / seeds;
    r.seconds_max = std::max(r.seconds_max, seconds);
    for (const auto& c : solution.coalitions) {
      if (c.members.size() < 2) continue;
      ++r.coalitions;
      r.restarts += c.restarts;
      ++r.outcomes[static_cast<std::size_t>(c.outcome)];
      if (c.outcome == nps_outcome::undecided) {
        r.worst_epsilon =
            std::isnan(r.worst_epsilon) ? c.epsilon : std::max(r.worst_epsilon, c.epsilon);
      }
    }
  }
  return r;
}

// The table as JSON (support/json.hpp), one object per size.
void print_json(const std::vector<row>& rows, long seeds, double epsilon) {
  using example_json::number;
  example_json::json results;
  results["seeds"] = seeds;
  results["epsilon"] = number(epsilon);
  results["rows"] = example_json::json::array();
  for (const row& r : rows) {
    example_json::json item;
    item["players"] = r.size.players;
    item["types"] = r.size.types;
    item["decisions"] = r.size.decisions;
    item["profiles"] = r.profiles;
    item["cpu_seconds_mean"] = number(r.cpu_mean);
    item["seconds_mean"] = number(r.seconds_mean);
    item["seconds_max"] = number(r.seconds_max);
    item["certified"] = r.count(nps_outcome::certified);
    item["degenerate_certified"] = r.count(nps_outcome::degenerate_certified);
    item["epsilon_certified"] = r.count(nps_outcome::epsilon_certified);
    item["undecided"] = r.count(nps_outcome::undecided);
    item["coalitions"] = r.coalitions;
    item["restarts"] = r.restarts;
    item["worst_epsilon"] = number(r.worst_epsilon);  // null: no undecided coalition
    results["rows"].push_back(std::move(item));
  }
  example_json::print(example_json::document("003_c8f96a2253701fcb.txt Definition 4",
                                             "neutral procedural solution on random games",
                                             results));
}

}  // namespace

int main(int argc, char** argv) {
  bool json = false, full = false;
  long seeds = 0;
  double epsilon = nps_options{}.epsilon;
  example::command_line cli("nps_benchmark",
                            "003 Definition 4: the neutral procedural solution on random games");
  cli.flag("--json", json, "print the table as JSON")
      .flag("--full", full, "every size up to 4 players (default: the small sizes)")
      .option("--seeds", seeds, "N", "games per size (1 to 1000; default 2, or 3 with --full)", 1,
              1000)
      .option("--epsilon", epsilon, "X",
              "relative epsilon of an epsilon_certified outcome, in [0, 1] (default 1e-6)");
  if (const auto exit_code = cli.parse(argc, argv)) return *exit_code;
  if (!(epsilon >= 0.0 && epsilon <= 1.0)) {
    fmt::print(stderr, "nps_benchmark: --epsilon must be in [0, 1], not {}\n", epsilon);
    return 2;
  }
  if (seeds == 0) seeds = full ? 3 : 2;
  std::vector<size_spec> sizes;
  if (full) {
    for (int players = 2; players <= 4; ++players) {
      for (int types = 2; types <= 4; ++types) {
        for (int decisions : {10, 50}) sizes.push_back({players, types, decisions});
      }
    }
  } else {
    sizes = {{2, 2, 3}, {2, 3, 10}, {3, 2, 3}};
  }
  std::vector<row> rows;
  try {
    for (const auto& s : sizes) {
      rows.push_back(run(s, static_cast<int>(seeds), epsilon));
      if (!json) {
        const row& r = rows.back();
        if (rows.size() == 1) {
          fmt::print("Neutral procedural solution on random games ({} per size, epsilon {:g})\n\n",
                     seeds, epsilon);
          fmt::print(
              "{:>7} {:>5} {:>9} {:>8} {:>8} {:>8} {:>9} {:>10} {:>7} {:>9} {:>10} {:>8} "
              "{:>10}\n",
              "players", "types", "decisions", "profiles", "cpu s", "max s", "certified",
              "degenerate", "epsilon", "undecided", "coalitions", "restarts", "worst eps");
        }
        const std::string worst =
            std::isnan(r.worst_epsilon) ? "-" : fmt::format("{:.3g}", r.worst_epsilon);
        fmt::print(
            "{:>7} {:>5} {:>9} {:>8} {:>8.3f} {:>8.3f} {:>9} {:>10} {:>7} {:>9} {:>10} {:>8} "
            "{:>10}\n",
            r.size.players, r.size.types, r.size.decisions, r.profiles, r.cpu_mean, r.seconds_max,
            r.count(nps_outcome::certified), r.count(nps_outcome::degenerate_certified),
            r.count(nps_outcome::epsilon_certified), r.count(nps_outcome::undecided), r.coalitions,
            r.restarts, worst);
        std::fflush(stdout);
      }
    }
  } catch (const mechdesign::error& e) {
    fmt::print(stderr, "nps_benchmark: {}\n", e.what());
    return 1;
  }
  if (json) {
    print_json(rows, seeds, epsilon);
  } else {
    fmt::print(
        "\ncpu s: mean processor time per game; max s: the longest wall clock of a game (other "
        "load\non the machine inflates it); certified, degenerate, epsilon, undecided: "
        "coalitions (|S| >= 2, all\ngames) by outcome, their threats' included: certified "
        "(NPS1-NPS2 at epsilon = 0, lambda > 0),\ndegenerate_certified (the limit of "
        "epsilon-certificates as some lambda -> 0), epsilon_certified\n(NPS1-NPS2 at the "
        "epsilon above, relative to max(1, max |u|)), undecided;\nworst eps: the largest "
        "epsilon of Definition 4 reached by an undecided coalition with its\nreturned scales "
        "(-: none undecided; inf: singular warrant equations).\n");
  }
  return 0;
}
