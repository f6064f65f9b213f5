// The examples' one command-line helper and file writer. Not part of the library.
//
//   bool json = false;
//   example::command_line cli("broker", "003 §2: the broker example");
//   cli.flag("--json", json, "print the results as JSON");
//   if (const auto exit_code = cli.parse(argc, argv)) return *exit_code;
//
// --help (or -h) prints the usage to stdout and ends with status 0; an unknown argument, a missing
// value or a malformed number prints the usage to stderr and ends with status 2.
#ifndef MECHDESIGN_EXAMPLES_SUPPORT_CLI_HPP
#define MECHDESIGN_EXAMPLES_SUPPORT_CLI_HPP

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace example {

class command_line {
 public:
  command_line(std::string program, std::string summary)
      : program_(std::move(program)), summary_(std::move(summary)) {}

  // A switch: present sets target to true.
  command_line& flag(const std::string& name, bool& target, const std::string& help) {
    entries_.push_back({name, "", help, [&target](const std::string&) {
                          target = true;
                          return true;
                        }});
    return *this;
  }

  // An option with a text value.
  command_line& option(const std::string& name, std::string& target, const std::string& metavar,
                       const std::string& help) {
    entries_.push_back({name, metavar, help, [&target](const std::string& v) {
                          target = v;
                          return true;
                        }});
    return *this;
  }

  // An option with a numeric value (the whole text must be a number).
  command_line& option(const std::string& name, double& target, const std::string& metavar,
                       const std::string& help) {
    entries_.push_back({name, metavar, help, [&target](const std::string& v) {
                          char* end = nullptr;
                          errno = 0;
                          const double x = std::strtod(v.c_str(), &end);
                          if (v.empty() || *end != '\0' || errno != 0) return false;
                          target = x;
                          return true;
                        }});
    return *this;
  }

  // An option with an integer value in [lo, hi].
  command_line& option(const std::string& name, long& target, const std::string& metavar,
                       const std::string& help, long lo, long hi) {
    entries_.push_back({name, metavar, help, [&target, lo, hi](const std::string& v) {
                          char* end = nullptr;
                          errno = 0;
                          const long x = std::strtol(v.c_str(), &end, 10);
                          if (v.empty() || *end != '\0' || errno != 0 || x < lo || x > hi) {
                            return false;
                          }
                          target = x;
                          return true;
                        }});
    return *this;
  }

  // Parses argv. Returns nothing to go on, or the status main() should return.
  std::optional<int> parse(int argc, char** argv) const {
    for (int k = 1; k < argc; ++k) {
      const std::string arg = argv[k];
      if (arg == "--help" || arg == "-h") {
        fmt::print("{}", usage());
        return 0;
      }
      const entry* e = find(arg);
      if (e == nullptr) return fail(fmt::format("unknown argument '{}'", arg));
      std::string value;
      if (!e->metavar.empty()) {
        if (k + 1 >= argc) return fail(fmt::format("{} needs a value ({})", arg, e->metavar));
        value = argv[++k];
      }
      if (!e->apply(value)) return fail(fmt::format("{}: bad value '{}'", arg, value));
    }
    return std::nullopt;
  }

  std::string usage() const {
    std::string head = "usage: " + program_;
    std::string body;
    for (const entry& e : entries_) {
      const std::string shown = e.metavar.empty() ? e.name : e.name + " " + e.metavar;
      head += " [" + shown + "]";
      body += fmt::format("  {:<22} {}\n", shown, e.help);
    }
    return fmt::format("{}\n{}\n\n{}  {:<22} {}\n", head, summary_, body, "--help",
                       "print this help and exit");
  }

 private:
  struct entry {
    std::string name, metavar, help;
    std::function<bool(const std::string&)> apply;
  };

  const entry* find(const std::string& name) const {
    for (const entry& e : entries_) {
      if (e.name == name) return &e;
    }
    return nullptr;
  }

  std::optional<int> fail(const std::string& why) const {
    fmt::print(stderr, "{}: {}\n{}", program_, why, usage());
    return 2;
  }

  std::string program_, summary_;
  std::vector<entry> entries_;
};

// The examples' one file writer: writes text to path or throws std::runtime_error.
inline void write_file(const std::string& path, const std::string& text) {
  std::FILE* f = std::fopen(path.c_str(), "w");
  if (f == nullptr) throw std::runtime_error("cannot open " + path + " for writing");
  const bool written = std::fputs(text.c_str(), f) >= 0;
  if (std::fclose(f) != 0 || !written) throw std::runtime_error("cannot write " + path);
}

}  // namespace example

#endif  // MECHDESIGN_EXAMPLES_SUPPORT_CLI_HPP
