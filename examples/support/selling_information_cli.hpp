// Command-line handling shared by the selling-information examples (004_7f70667d8c91100b.txt):
// --json, --csv FILE, --svg FILE, --fine, plus example-specific options. Not part of the library.
#ifndef MECHDESIGN_EXAMPLES_SUPPORT_SELLING_INFORMATION_CLI_HPP
#define MECHDESIGN_EXAMPLES_SUPPORT_SELLING_INFORMATION_CLI_HPP

#include <fmt/format.h>

#include <cstdlib>
#include <map>
#include <optional>
#include <string>

#include "support/cli.hpp"

namespace selling_information {

struct cli {
  bool json = false;
  bool fine = false;
  std::string csv, svg;
  std::map<std::string, std::string> values;  // --name VALUE for the example's own options

  // Parses argv with example::command_line; `options` maps the example's own "--name" options
  // that take a value to their defaults. Returns the status main() should return when it must
  // stop (--help: 0; a bad argument: 2, after printing the usage to stderr).
  std::optional<int> parse(int argc, char** argv, const std::string& program,
                           const std::string& summary,
                           const std::map<std::string, std::string>& options) {
    values = options;
    example::command_line line(program, summary);
    line.flag("--json", json, "print the results as one JSON object")
        .flag("--fine", fine, "use the finer grids of the paper's figures")
        .option("--csv", csv, "FILE", "write the figure's data as CSV")
        .option("--svg", svg, "FILE", "draw the figure as SVG");
    for (auto& [name, value] : values) {
      line.option("--" + name, value, "VALUE", "default " + value);
    }
    return line.parse(argc, argv);
  }
  double number(const std::string& name) const { return std::atof(values.at(name).c_str()); }
};

using example::write_file;

}  // namespace selling_information

#endif  // MECHDESIGN_EXAMPLES_SUPPORT_SELLING_INFORMATION_CLI_HPP
