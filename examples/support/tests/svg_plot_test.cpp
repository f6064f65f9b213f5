// The examples' SVG plotter: structure of the document, escaping, tick placement, bad input.
#include "support/svg_plot.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <string>

namespace {

std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("svg_plot draws lines, points, cells and one legend entry per label", "[examples]") {
  svg_plot::figure f;
  f.title = "a < b & c";
  f.x_label = "x";
  f.y_label = "y";
  const double nan = std::numeric_limits<double>::quiet_NaN();
  f.line({0.0, 1.0, nan, 2.0, 3.0}, {0.0, 1.0, nan, 4.0, 9.0}, "squares");
  f.points({0.5, 1.5}, {0.25, 2.25}, "samples", "#000000");
  f.rect(0.0, 0.0, 1.0, 1.0, "#eeeeee", "region A");
  f.rect(1.0, 0.0, 2.0, 1.0, "#eeeeee", "region A");
  f.rect(2.0, 0.0, 3.0, 1.0, "#cccccc", "region B");
  const std::string svg = f.svg(640, 400);

  CHECK(svg.rfind("<svg ", 0) == 0);
  CHECK(svg.find("</svg>") != std::string::npos);
  CHECK(svg.find("a &lt; b &amp; c") != std::string::npos);
  CHECK(svg.find("a < b") == std::string::npos);
  // The NaN breaks the polyline into two pieces: two move-to commands in one path.
  CHECK(count(svg, "<path ") == 1);
  CHECK(count(svg, "M") >= 2);
  CHECK(count(svg, "<circle ") == 3);  // the two points, and the dot of "samples" in the legend
  // Three cells plus the legend boxes of "region A" and "region B" (once each), the frame, the
  // background and the clip rectangle.
  CHECK(count(svg, "fill=\"#eeeeee\"") == 3);
  CHECK(count(svg, "fill=\"#cccccc\"") == 2);
  CHECK(count(svg, ">region A<") == 1);
  CHECK(count(svg, ">squares<") == 1);
}

// The x where a legend label's text starts, and the document's width (parsed from the SVG).
double text_x(const std::string& svg, const std::string& label) {
  const auto end = svg.find(">" + label + "<");
  REQUIRE(end != std::string::npos);
  const auto at = svg.rfind("<text x=\"", end);
  return std::stod(svg.substr(at + 9));
}

double document_width(const std::string& svg) {
  return std::stod(svg.substr(svg.find("width=\"") + 7));
}

TEST_CASE("svg_plot legends fit: long labels widen the margin, points show dots", "[examples]") {
  for (const std::string& label : {std::string("symmetric endorsement rule (Proposition 6)"),
                                   std::string("welfare stationarity curve (Proposition 6)"),
                                   std::string("low none, high steering (Figure 8, LP)")}) {
    svg_plot::figure f;
    f.line({0.0, 1.0}, {0.0, 1.0}, label);
    f.points({0.5}, {0.5}, "points", "#000000");
    const std::string svg = f.svg(720, 480);
    const double right_end = text_x(svg, label) + svg_plot::figure::legend_char_width *
                                                      static_cast<double>(label.size());
    INFO(label);
    CHECK(right_end <= document_width(svg));
    CHECK(document_width(svg) >= 720.0);
    // the point series' legend entry is a circle, not a line
    const auto entry = svg.rfind("<circle ", svg.find(">points<"));
    CHECK(entry != std::string::npos);
    CHECK(svg.find("<line ", entry) > svg.find(">points<"));
  }
}

TEST_CASE("svg_plot ticks are round numbers inside the range", "[examples]") {
  const auto t = svg_plot::detail::ticks(-0.05, 1.05);
  REQUIRE(t.size() >= 3);
  CHECK(t.front() >= -0.05);
  CHECK(t.back() <= 1.05);
  CHECK(t.front() == Approx(0.0).margin(1e-12));
  CHECK(t.back() == Approx(1.0).margin(1e-12));
  for (std::size_t k = 1; k < t.size(); ++k) CHECK(t[k] - t[k - 1] == Approx(t[1] - t[0]));
}

TEST_CASE("svg_plot rejects mismatched series and empty ranges", "[examples]") {
  svg_plot::figure f;
  CHECK_THROWS_AS(f.line({0.0, 1.0}, {0.0}, "bad"), std::invalid_argument);
  CHECK_THROWS_AS(f.set_x_range(1.0, 1.0), std::invalid_argument);
  CHECK_THROWS_AS(f.save("/nonexistent-directory/figure.svg"), std::runtime_error);
  // With no data the figure still renders on the unit square.
  CHECK(svg_plot::figure{}.svg().find("</svg>") != std::string::npos);
}
