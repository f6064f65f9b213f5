#ifndef MECHDESIGN_IO_JSON_HPP
#define MECHDESIGN_IO_JSON_HPP

/// \file
/// \brief Models as files: a finite Bayesian problem (003 §3.1), a persuasion problem (000 §2)
/// and a selling-information environment (004 §2) to and from JSON, so a model can be shared and
/// re-run. Opt-in, like core/rational.hpp: it needs nlohmann/json (Debian nlohmann-json3-dev,
/// header-only) and is not part of the umbrella header.
///
/// Matrices are arrays of rows. A Bayesian problem is
/// {"format": "mechdesign.bayesian_problem", "version": 1, "types": [|T_1|, ...],
///  "prior": {"independent": [[p_1(t_1) ...], ...]} or {"joint": [p(t) per profile]},
///  "money": null or "ex_post_balanced" | "ex_post_no_deficit" | "ex_ante_balanced" |
///           "ex_ante_no_deficit",
///  "coalitions": [{"members": [i, ...], "decisions": [label, ...],
///                  "utilities": [one |D_S| × |T_N| matrix per member]}, ...]}.
/// Reading validates everything through the library's own constructors, so a malformed file
/// raises the same typed errors as malformed arguments (plus model_error for a wrong format),
/// each message prefixed with the io function called. Files are read strictly: text that is
/// not JSON (NaN, Infinity, numbers that overflow a double) and an object with two members of
/// the same name are refused with model_error; a coalition listing a player twice is too.

#include <fmt/format.h>

#include <Eigen/Core>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "mechdesign/core/coalition.hpp"
#include "mechdesign/core/error.hpp"
#include "mechdesign/core/prior.hpp"
#include "mechdesign/core/problem.hpp"
#include "mechdesign/core/validate.hpp"
#include "mechdesign/persuasion/problem.hpp"
#include "mechdesign/pricing/environment.hpp"

namespace mechdesign::io {

namespace detail {

inline nlohmann::json matrix_json(const Eigen::MatrixXd& m) {
  nlohmann::json rows = nlohmann::json::array();
  for (index_t r = 0; r < m.rows(); ++r) {
    nlohmann::json row = nlohmann::json::array();
    for (index_t c = 0; c < m.cols(); ++c) row.push_back(m(r, c));
    rows.push_back(std::move(row));
  }
  return rows;
}

inline nlohmann::json vector_json(const Eigen::VectorXd& v) {
  nlohmann::json out = nlohmann::json::array();
  for (index_t k = 0; k < v.size(); ++k) out.push_back(v(k));
  return out;
}

inline const nlohmann::json& field(const nlohmann::json& j, const char* key, const char* where) {
  if (!j.is_object() || !j.contains(key)) {
    throw model_error(fmt::format("{}: the JSON has no field \"{}\"", where, key));
  }
  return j.at(key);
}

inline double number(const nlohmann::json& j, const char* where) {
  if (!j.is_number())
    throw model_error(fmt::format("{}: expected a number, got {}", where, j.dump()));
  return j.get<double>();
}

inline Eigen::VectorXd vector_of(const nlohmann::json& j, const char* where) {
  if (!j.is_array()) throw model_error(fmt::format("{}: expected an array of numbers", where));
  Eigen::VectorXd v(static_cast<index_t>(j.size()));
  for (std::size_t k = 0; k < j.size(); ++k) v(static_cast<index_t>(k)) = number(j[k], where);
  return v;
}

inline Eigen::MatrixXd matrix_of(const nlohmann::json& j, const char* where) {
  if (!j.is_array()) throw model_error(fmt::format("{}: expected an array of rows", where));
  const index_t rows = static_cast<index_t>(j.size());
  const index_t cols = rows == 0 ? 0 : static_cast<index_t>(j[0].is_array() ? j[0].size() : 0);
  Eigen::MatrixXd m(rows, cols);
  for (index_t r = 0; r < rows; ++r) {
    const auto& row = j[static_cast<std::size_t>(r)];
    if (!row.is_array() || static_cast<index_t>(row.size()) != cols) {
      throw dimension_error(fmt::format("{}: row {} does not have {} entries", where, r, cols));
    }
    for (index_t c = 0; c < cols; ++c) m(r, c) = number(row[static_cast<std::size_t>(c)], where);
  }
  return m;
}

inline void check_format(const nlohmann::json& j, const char* format, const char* where) {
  const auto& f = field(j, "format", where);
  if (!f.is_string() || f.get<std::string>() != format) {
    throw model_error(fmt::format("{}: the JSON is not a {} (format {})", where, format, f.dump()));
  }
  const auto& v = field(j, "version", where);
  if (!v.is_number_integer() || v.get<int>() != 1) {
    throw model_error(fmt::format("{}: unsupported version {}", where, v.dump()));
  }
}

inline const char* budget_name(budget_rule r) {
  switch (r) {
    case budget_rule::ex_post_balanced:
      return "ex_post_balanced";
    case budget_rule::ex_post_no_deficit:
      return "ex_post_no_deficit";
    case budget_rule::ex_ante_balanced:
      return "ex_ante_balanced";
    case budget_rule::ex_ante_no_deficit:
      return "ex_ante_no_deficit";
  }
  return "unknown";
}

/// A SAX pass that refuses an object with two members of the same name (nlohmann/json would
/// silently keep the last one) and, through the parser, any malformed text.
class duplicate_key_check : public nlohmann::json_sax<nlohmann::json> {
 public:
  std::string duplicate;     ///< the first repeated member name, if any
  std::string syntax_error;  ///< the parser's message for malformed text

  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override {
    keys_.emplace_back();
    return true;
  }
  bool key(string_t& k) override {
    if (!keys_.back().insert(k).second) {
      duplicate = k;
      return false;
    }
    return true;
  }
  bool end_object() override {
    keys_.pop_back();
    return true;
  }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) override {
    syntax_error = e.what();
    return false;
  }

 private:
  std::vector<std::set<std::string>> keys_;
};

inline nlohmann::json parse_file(const std::string& path, const char* where) {
  std::ifstream in(path);
  if (!in) throw error(fmt::format("{}: cannot open {}", where, path));
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  duplicate_key_check check;
  if (!nlohmann::json::sax_parse(text, &check)) {
    if (!check.duplicate.empty()) {
      throw model_error(fmt::format("{}: {} has two members named \"{}\" in one object", where,
                                    path, check.duplicate));
    }
    throw model_error(
        fmt::format("{}: {} is not valid JSON ({})", where, path, check.syntax_error));
  }
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {
    throw model_error(fmt::format("{}: {} is not valid JSON ({})", where, path, e.what()));
  }
}

inline void write_file(const std::string& path, const nlohmann::json& j, const char* where) {
  std::ofstream out(path);
  if (!out) throw error(fmt::format("{}: cannot open {} for writing", where, path));
  out << j.dump(2) << '\n';
  if (!out) throw error(fmt::format("{}: cannot write {}", where, path));
}

}  // namespace detail

/// \brief A finite Bayesian problem as JSON (format in the file comment; 003 §3.1). Coalitions
/// are listed by increasing bit mask; callables were evaluated into tables when registered.
/// \param g a problem with at most 20 players (the coalitions are enumerated).
/// \throws dimension_error for more than 20 players.
inline nlohmann::json to_json(const bayesian_problem<double>& g) {
  const int n = g.num_players();
  if (n > 20) throw dimension_error("io::to_json: more than 20 players");
  nlohmann::json j;
  j["format"] = "mechdesign.bayesian_problem";
  j["version"] = 1;
  nlohmann::json types = nlohmann::json::array();
  for (int i = 0; i < n; ++i) types.push_back(g.types().num_types(i));
  j["types"] = types;
  if (g.beliefs().is_independent()) {
    nlohmann::json marginals = nlohmann::json::array();
    for (int i = 0; i < n; ++i) marginals.push_back(detail::vector_json(g.beliefs().marginal(i)));
    j["prior"] = {{"independent", marginals}};
  } else {
    j["prior"] = {{"joint", detail::vector_json(g.beliefs().table())}};
  }
  j["money"] = g.money() ? nlohmann::json(detail::budget_name(*g.money())) : nlohmann::json();
  nlohmann::json coalitions = nlohmann::json::array();
  for (std::uint64_t mask = 1; mask < (std::uint64_t{1} << n); ++mask) {
    const coalition s = coalition::from_mask(mask);
    if (!g.has_decisions(s)) continue;
    nlohmann::json c;
    c["members"] = s.members();
    c["decisions"] = g.decision_labels(s);
    nlohmann::json u = nlohmann::json::array();
    for (int k = 0; k < s.size(); ++k) u.push_back(detail::matrix_json(g.utility_table(s, k)));
    c["utilities"] = u;
    coalitions.push_back(std::move(c));
  }
  j["coalitions"] = coalitions;
  return j;
}

namespace detail {

inline bayesian_problem<double> bayesian_problem_of(const nlohmann::json& j, const char* where) {
  detail::check_format(j, "mechdesign.bayesian_problem", where);
  const auto& types = detail::field(j, "types", where);
  if (!types.is_array() || types.empty()) throw model_error(fmt::format("{}: no types", where));
  std::vector<index_t> sizes;
  for (const auto& t : types) {
    if (!t.is_number_integer())
      throw model_error(fmt::format("{}: a type count is not an integer", where));
    sizes.push_back(t.get<index_t>());
  }
  const auto& pj = detail::field(j, "prior", where);
  prior<double> beliefs;
  if (pj.is_object() && pj.contains("independent")) {
    const auto& m = pj.at("independent");
    if (!m.is_array()) throw model_error(fmt::format("{}: the marginals are not an array", where));
    std::vector<Eigen::VectorXd> marginals;
    for (const auto& v : m) marginals.push_back(detail::vector_of(v, where));
    beliefs = prior<double>::independent(std::move(marginals));
    if (beliefs.types().sizes() != sizes) {
      throw dimension_error(fmt::format("{}: the marginals do not match \"types\"", where));
    }
  } else if (pj.is_object() && pj.contains("joint")) {
    beliefs = prior<double>::joint(type_space(sizes), detail::vector_of(pj.at("joint"), where));
  } else {
    throw model_error(fmt::format("{}: the prior is neither \"independent\" nor \"joint\"", where));
  }
  bayesian_problem<double> g(std::move(beliefs));
  const auto& money = detail::field(j, "money", where);
  if (!money.is_null()) {
    const std::string rule = money.is_string() ? money.get<std::string>() : money.dump();
    bool found = false;
    for (budget_rule r : {budget_rule::ex_post_balanced, budget_rule::ex_post_no_deficit,
                          budget_rule::ex_ante_balanced, budget_rule::ex_ante_no_deficit}) {
      if (rule == detail::budget_name(r)) {
        g.set_money(r);
        found = true;
      }
    }
    if (!found) throw model_error(fmt::format("{}: unknown budget rule {}", where, rule));
  }
  const auto& coalitions = detail::field(j, "coalitions", where);
  if (!coalitions.is_array())
    throw model_error(fmt::format("{}: \"coalitions\" is not an array", where));
  for (const auto& c : coalitions) {
    std::uint64_t mask = 0;
    for (const auto& i : detail::field(c, "members", where)) {
      // read as 64 bits: get<int>() would wrap 2^32 to player 0
      const std::int64_t member = i.is_number_integer() ? i.get<std::int64_t>() : -1;
      if (member < 0 || member >= g.num_players()) {
        throw index_error(fmt::format("{}: member {} is not a player", where, i.dump()));
      }
      if (mask & (std::uint64_t{1} << member)) {
        throw model_error(
            fmt::format("{}: player {} is listed twice in \"members\"", where, member));
      }
      mask |= std::uint64_t{1} << member;
    }
    const auto& labels = detail::field(c, "decisions", where);
    if (!labels.is_array())
      throw model_error(fmt::format("{}: \"decisions\" is not an array", where));
    std::vector<std::string> names;
    for (const auto& l : labels) {
      if (!l.is_string())
        throw model_error(fmt::format("{}: a decision label is not a string", where));
      names.push_back(l.get<std::string>());
    }
    std::vector<Eigen::MatrixXd> tables;
    for (const auto& u : detail::field(c, "utilities", where))
      tables.push_back(detail::matrix_of(u, where));
    g.set_decisions(coalition::from_mask(mask), std::move(names), std::move(tables));
  }
  return g;
}

}  // namespace detail

/// \brief The Bayesian problem described by \p j (the inverse of to_json).
/// \throws model_error (wrong format or version, missing fields, wrong JSON types, a coalition
/// member listed twice), index_error (a member that is not a player), and the typed errors of
/// prior, type_space and bayesian_problem for inconsistent data, re-thrown with this function's
/// name.
inline bayesian_problem<double> bayesian_problem_from_json(const nlohmann::json& j) {
  const char* where = "io::bayesian_problem_from_json";
  return mechdesign::detail::with_entry(where,
                                        [&] { return detail::bayesian_problem_of(j, where); });
}

/// \brief A persuasion problem as JSON: {"format": "mechdesign.persuasion_problem", "version": 1,
/// "prior": [...], "receiver": |A| × |Ω|, "agents": [|A| × |Ω| per agent]} (000 §2).
inline nlohmann::json to_json(const persuasion::problem& p) {
  nlohmann::json j;
  j["format"] = "mechdesign.persuasion_problem";
  j["version"] = 1;
  j["prior"] = detail::vector_json(p.prior());
  j["receiver"] = detail::matrix_json(p.receiver());
  nlohmann::json agents = nlohmann::json::array();
  for (int i = 0; i < p.num_agents(); ++i) agents.push_back(detail::matrix_json(p.agent(i)));
  j["agents"] = agents;
  return j;
}

/// \brief The persuasion problem described by \p j (the inverse of to_json).
/// \throws model_error for a wrong format, and the errors of persuasion::problem.
inline persuasion::problem persuasion_problem_from_json(const nlohmann::json& j) {
  const char* where = "io::persuasion_problem_from_json";
  return mechdesign::detail::with_entry(where, [&] {
    detail::check_format(j, "mechdesign.persuasion_problem", where);
    std::vector<Eigen::MatrixXd> agents;
    const auto& a = detail::field(j, "agents", where);
    if (!a.is_array()) throw model_error(fmt::format("{}: \"agents\" is not an array", where));
    for (const auto& u : a) agents.push_back(detail::matrix_of(u, where));
    return persuasion::problem(detail::vector_of(detail::field(j, "prior", where), where),
                               detail::matrix_of(detail::field(j, "receiver", where), where),
                               std::move(agents));
  });
}

/// \brief A selling-information environment as JSON: {"format": "mechdesign.pricing_environment",
/// "version": 1, "seller_belief", "buyer_payoff", "externality", "type_beliefs",
/// "type_probabilities"} (004 §2).
inline nlohmann::json to_json(const pricing::environment& e) {
  nlohmann::json j;
  j["format"] = "mechdesign.pricing_environment";
  j["version"] = 1;
  j["seller_belief"] = detail::vector_json(e.seller_belief);
  j["buyer_payoff"] = detail::matrix_json(e.buyer_payoff);
  j["externality"] = detail::matrix_json(e.externality);
  j["type_beliefs"] = detail::matrix_json(e.type_beliefs);
  j["type_probabilities"] = detail::vector_json(e.type_probabilities);
  return j;
}

/// \brief The selling-information environment described by \p j, validated (pricing::validate).
/// \throws model_error for a wrong format, and the errors of pricing::validate.
inline pricing::environment pricing_environment_from_json(const nlohmann::json& j) {
  const char* where = "io::pricing_environment_from_json";
  return mechdesign::detail::with_entry(where, [&] {
    detail::check_format(j, "mechdesign.pricing_environment", where);
    pricing::environment e;
    e.seller_belief = detail::vector_of(detail::field(j, "seller_belief", where), where);
    e.buyer_payoff = detail::matrix_of(detail::field(j, "buyer_payoff", where), where);
    e.externality = detail::matrix_of(detail::field(j, "externality", where), where);
    e.type_beliefs = detail::matrix_of(detail::field(j, "type_beliefs", where), where);
    e.type_probabilities = detail::vector_of(detail::field(j, "type_probabilities", where), where);
    pricing::validate(e, where);
    return e;
  });
}

/// \brief Writes any model above to \p path as indented JSON.
/// \throws mechdesign::error if the file cannot be written.
template <class Model>
void save(const Model& model, const std::string& path) {
  detail::write_file(path, to_json(model), "io::save");
}

/// \brief Reads a Bayesian problem saved by save(). \throws as bayesian_problem_from_json,
/// model_error for text that is not JSON or an object with a repeated member name, and
/// mechdesign::error if the file cannot be read.
inline bayesian_problem<double> load_bayesian_problem(const std::string& path) {
  return bayesian_problem_from_json(detail::parse_file(path, "io::load_bayesian_problem"));
}

/// \brief Reads a persuasion problem saved by save(). \throws as persuasion_problem_from_json,
/// and as load_bayesian_problem for the file.
inline persuasion::problem load_persuasion_problem(const std::string& path) {
  return persuasion_problem_from_json(detail::parse_file(path, "io::load_persuasion_problem"));
}

/// \brief Reads a selling-information environment saved by save().
/// \throws as pricing_environment_from_json, and as load_bayesian_problem for the file.
inline pricing::environment load_pricing_environment(const std::string& path) {
  return pricing_environment_from_json(detail::parse_file(path, "io::load_pricing_environment"));
}

}  // namespace mechdesign::io

#endif  // MECHDESIGN_IO_JSON_HPP
