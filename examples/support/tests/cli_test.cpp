// The examples' command-line helper: --help, typed values, and bad arguments.
#include "support/cli.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace {

// argv from a list of words (the program name first)
struct arguments {
  explicit arguments(std::vector<std::string> words) : storage(std::move(words)) {
    for (auto& w : storage) pointers.push_back(w.data());
  }
  int argc() { return static_cast<int>(pointers.size()); }
  char** argv() { return pointers.data(); }
  std::vector<std::string> storage;
  std::vector<char*> pointers;
};

}  // namespace

TEST_CASE("cli: flags and typed options are parsed", "[examples][cli]") {
  bool json = false;
  std::string csv;
  double phi = 0.25;
  long grid = 59;
  example::command_line cli("demo", "a demonstration");
  cli.flag("--json", json, "JSON")
      .option("--csv", csv, "FILE", "CSV")
      .option("--phi", phi, "PHI", "a number")
      .option("--grid", grid, "N", "an integer", 1, 100);
  arguments a({"demo", "--json", "--csv", "out.csv", "--phi", "0.5", "--grid", "7"});
  CHECK_FALSE(cli.parse(a.argc(), a.argv()).has_value());
  CHECK(json);
  CHECK(csv == "out.csv");
  CHECK(phi == 0.5);
  CHECK(grid == 7);
  CHECK(cli.usage().rfind("usage: demo [--json] [--csv FILE] [--phi PHI] [--grid N]", 0) == 0);
}

TEST_CASE("cli: --help ends with 0, bad arguments with 2", "[examples][cli]") {
  double phi = 0.25;
  long grid = 59;
  example::command_line cli("demo", "a demonstration");
  cli.option("--phi", phi, "PHI", "a number").option("--grid", grid, "N", "an integer", 1, 100);
  for (const auto& words :
       std::vector<std::vector<std::string>>{{"demo", "--help"}, {"demo", "-h"}}) {
    arguments a(words);
    CHECK(cli.parse(a.argc(), a.argv()) == std::optional<int>(0));
  }
  for (const auto& words : std::vector<std::vector<std::string>>{{"demo", "--nope"},
                                                                 {"demo", "--phi"},
                                                                 {"demo", "--phi", "abc"},
                                                                 {"demo", "--phi", "1e999"},
                                                                 {"demo", "--grid", "0"},
                                                                 {"demo", "--grid", "2.5"},
                                                                 {"demo", "positional"}}) {
    arguments a(words);
    INFO(words.back());
    CHECK(cli.parse(a.argc(), a.argv()) == std::optional<int>(2));
  }
  CHECK(phi == 0.25);  // nothing was assigned from a bad value
  CHECK(grid == 59);
}

TEST_CASE("cli: write_file writes, and throws when it cannot", "[examples][cli]") {
  const std::string path = "cli_test_output.txt";
  example::write_file(path, "hello\n");
  std::FILE* f = std::fopen(path.c_str(), "r");
  REQUIRE(f != nullptr);
  char buffer[16] = {};
  CHECK(std::fgets(buffer, sizeof buffer, f) != nullptr);
  std::fclose(f);
  std::remove(path.c_str());
  CHECK(std::string(buffer) == "hello\n");
  CHECK_THROWS_AS(example::write_file("/nonexistent-folder/x.txt", "x"), std::runtime_error);
}
