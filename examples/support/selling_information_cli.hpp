// Command-line handling shared by the selling-information examples (004_7f70667d8c91100b.txt):
// --json, --csv FILE, --svg FILE, --fine, plus example-specific options. Not part of the library.
#ifndef MECHDESIGN_EXAMPLES_SUPPORT_SELLING_INFORMATION_CLI_HPP
#define MECHDESIGN_EXAMPLES_SUPPORT_SELLING_INFORMATION_CLI_HPP

#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <stdexcept>
#include <string>

namespace selling_information {

struct cli {
  bool json = false;
  bool fine = false;
  std::string csv, svg;
  std::map<std::string, std::string> values;  // --name VALUE for the example's own options

  // Parse argv; `options` lists the example's own "--name" options that take a value.
  // Returns false (after printing usage to stderr) on an unknown argument.
  bool parse(int argc, char** argv, const std::map<std::string, std::string>& options,
             const std::string& usage) {
    values = options;
    for (int k = 1; k < argc; ++k) {
      const std::string arg = argv[k];
      if (arg == "--json") {
        json = true;
      } else if (arg == "--fine") {
        fine = true;
      } else if (arg == "--csv" && k + 1 < argc) {
        csv = argv[++k];
      } else if (arg == "--svg" && k + 1 < argc) {
        svg = argv[++k];
      } else if (arg.rfind("--", 0) == 0 && values.count(arg.substr(2)) && k + 1 < argc) {
        values[arg.substr(2)] = argv[++k];
      } else {
        fmt::print(stderr, "usage: {}\n", usage);
        return false;
      }
    }
    return true;
  }
  double number(const std::string& name) const { return std::atof(values.at(name).c_str()); }
};

// Write text to a file or throw.
inline void write_file(const std::string& path, const std::string& text) {
  std::FILE* f = std::fopen(path.c_str(), "w");
  if (!f) throw std::runtime_error("cannot open " + path);
  std::fputs(text.c_str(), f);
  std::fclose(f);
}

}  // namespace selling_information

#endif  // MECHDESIGN_EXAMPLES_SUPPORT_SELLING_INFORMATION_CLI_HPP
