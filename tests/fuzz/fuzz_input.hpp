// A byte reader for the libFuzzer harnesses: every value is drawn from the input, and an
// exhausted input reads as zeros, so every byte string is a valid (if small) instance.
#ifndef MECHDESIGN_TESTS_FUZZ_FUZZ_INPUT_HPP
#define MECHDESIGN_TESTS_FUZZ_FUZZ_INPUT_HPP

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace fuzz_support {

class byte_reader {
 public:
  byte_reader(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}

  std::uint8_t byte() { return pos_ < size_ ? data_[pos_++] : 0; }
  // An integer in [lo, hi].
  int in_range(int lo, int hi) { return lo + byte() % (hi - lo + 1); }
  // A value on a grid of 1/8 in [-16, 16) (small integers and halves exercise ties and
  // degeneracies, which is where the solvers' edge cases are).
  double grid_value() { return (static_cast<int>(byte()) - 128) / 8.0; }
  // A positive weight in [1, 256].
  double weight() { return 1.0 + byte(); }
  bool flag() { return (byte() & 1U) != 0; }

 private:
  const std::uint8_t* data_;
  std::size_t size_;
  std::size_t pos_ = 0;
};

// A harness's own re-check failed: print and abort, so libFuzzer records the input.
[[noreturn]] inline void fail(const char* what, double a = 0.0, double b = 0.0) {
  std::fprintf(stderr, "fuzz re-check failed: %s (%.17g, %.17g)\n", what, a, b);
  std::abort();
}

}  // namespace fuzz_support

#endif  // MECHDESIGN_TESTS_FUZZ_FUZZ_INPUT_HPP
