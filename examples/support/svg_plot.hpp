// A small SVG plotter for the examples' figures (lines, point clouds, filled cells, legend,
// axes with ticks). It exists so that rendering a figure needs no dependency beyond the
// standard library; it is not part of the library.
//
//   svg_plot::figure f;
//   f.title = "Pareto frontier";
//   f.x_label = "u_1";
//   f.line(xs, ys, "frontier");
//   f.save("frontier.svg");
#ifndef MECHDESIGN_EXAMPLES_SUPPORT_SVG_PLOT_HPP
#define MECHDESIGN_EXAMPLES_SUPPORT_SVG_PLOT_HPP

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include "support/cli.hpp"

namespace svg_plot {

namespace detail {

inline const char* palette(std::size_t k) {
  static const char* const colors[] = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e",
                                       "#9467bd", "#8c564b", "#e377c2", "#17becf"};
  return colors[k % (sizeof(colors) / sizeof(colors[0]))];
}

// Characters of a label as shown (UTF-8 continuation bytes do not count).
inline std::size_t text_length(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

inline std::string escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// About five round tick values covering [lo, hi].
inline std::vector<double> ticks(double lo, double hi) {
  const double span = hi - lo;
  const double raw = span / 5.0;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  double step = magnitude;
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    step = m * magnitude;
    if (span / step <= 6.0) break;
  }
  std::vector<double> out;
  for (double t = std::ceil(lo / step - 1e-9) * step; t <= hi + 1e-9 * span; t += step) {
    out.push_back(std::abs(t) < 1e-12 * span ? 0.0 : t);
  }
  return out;
}

}  // namespace detail

/// A two-dimensional figure: add series, then render with svg() or save().
class figure {
 public:
  std::string title;
  std::string x_label;
  std::string y_label;

  /// A polyline through (xs[k], ys[k]); non-finite points break the line.
  void line(const std::vector<double>& xs, const std::vector<double>& ys, const std::string& label,
            const std::string& color = "") {
    add(xs, ys, label, color, kind::line);
  }

  /// Markers at (xs[k], ys[k]).
  void points(const std::vector<double>& xs, const std::vector<double>& ys,
              const std::string& label, const std::string& color = "") {
    add(xs, ys, label, color, kind::points);
  }

  /// A filled axis-aligned cell [x0, x1] × [y0, y1]; cells with the same label share a legend
  /// entry (for region maps).
  void rect(double x0, double y0, double x1, double y1, const std::string& color,
            const std::string& label = "") {
    cells_.push_back(
        {std::min(x0, x1), std::min(y0, y1), std::max(x0, x1), std::max(y0, y1), color, label});
  }

  void set_x_range(double lo, double hi) { set_range(x_range_, lo, hi); }
  void set_y_range(double lo, double hi) { set_range(y_range_, lo, hi); }

  /// The figure as an SVG document of the given size in pixels.
  /// Estimated width of one legend character, in px (12 px sans-serif averages about 6.5).
  static constexpr double legend_char_width = 7.0;

  /// The SVG document: \p width is widened when the legend needs it (see the legend below).
  std::string svg(int width = 720, int height = 480) const {
    const range xr = resolved(x_range_, true);
    const range yr = resolved(y_range_, false);
    // The right margin holds the legend: wide enough for its longest label (text width estimated
    // at legend_char_width per character, generous for 12 px sans-serif), so no label is cut at
    // the document's edge; the document widens if the plot would otherwise get narrower than
    // half the requested width.
    std::size_t longest = 0;
    for (const series& s : series_) longest = std::max(longest, detail::text_length(s.label));
    for (const cell& c : cells_) longest = std::max(longest, detail::text_length(c.label));
    const double left = 70, top = 40, bottom = 55;
    const double right = longest == 0 ? 30.0 : 15.0 + 20.0 + legend_char_width * longest + 15.0;
    const double pw = std::max(width - left - right, 0.5 * width);
    width = static_cast<int>(std::ceil(left + pw + right));
    const double ph = height - top - bottom;
    auto px = [&](double x) { return left + (x - xr.lo) / (xr.hi - xr.lo) * pw; };
    auto py = [&](double y) { return top + (yr.hi - y) / (yr.hi - yr.lo) * ph; };

    std::string out = fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" "
        "viewBox=\"0 0 {} {}\" font-family=\"sans-serif\" font-size=\"12\">\n"
        "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n",
        width, height, width, height);
    out += fmt::format(
        "<clipPath id=\"plot\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>"
        "</clipPath>\n<g clip-path=\"url(#plot)\">\n",
        left, top, pw, ph);
    for (const cell& c : cells_) {
      out += fmt::format(
          "<rect x=\"{:.2f}\" y=\"{:.2f}\" width=\"{:.2f}\" height=\"{:.2f}\" fill=\"{}\"/>\n",
          px(c.x0), py(c.y1), px(c.x1) - px(c.x0), py(c.y0) - py(c.y1), detail::escape(c.color));
    }
    for (const series& s : series_) {
      if (s.type == kind::line) {
        std::string path;
        bool pen_down = false;
        for (std::size_t k = 0; k < s.xs.size(); ++k) {
          if (!std::isfinite(s.xs[k]) || !std::isfinite(s.ys[k])) {
            pen_down = false;
            continue;
          }
          path += fmt::format("{}{:.2f},{:.2f} ", pen_down ? "L" : "M", px(s.xs[k]), py(s.ys[k]));
          pen_down = true;
        }
        out += fmt::format("<path d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\"/>\n",
                           path, s.color);
      } else {
        for (std::size_t k = 0; k < s.xs.size(); ++k) {
          if (!std::isfinite(s.xs[k]) || !std::isfinite(s.ys[k])) continue;
          out += fmt::format("<circle cx=\"{:.2f}\" cy=\"{:.2f}\" r=\"3.5\" fill=\"{}\"/>\n",
                             px(s.xs[k]), py(s.ys[k]), s.color);
        }
      }
    }
    out += "</g>\n";

    // Frame, ticks, labels.
    out += fmt::format(
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"none\" stroke=\"black\"/>\n",
        left, top, pw, ph);
    for (double t : detail::ticks(xr.lo, xr.hi)) {
      out += fmt::format(
          "<line x1=\"{0:.2f}\" y1=\"{1}\" x2=\"{0:.2f}\" y2=\"{2}\" stroke=\"black\"/>"
          "<text x=\"{0:.2f}\" y=\"{3}\" text-anchor=\"middle\">{4:g}</text>\n",
          px(t), top + ph, top + ph + 5, top + ph + 18, t);
    }
    for (double t : detail::ticks(yr.lo, yr.hi)) {
      out += fmt::format(
          "<line x1=\"{0}\" y1=\"{1:.2f}\" x2=\"{2}\" y2=\"{1:.2f}\" stroke=\"black\"/>"
          "<text x=\"{3}\" y=\"{1:.2f}\" text-anchor=\"end\" dominant-baseline=\"middle\">{4:g}"
          "</text>\n",
          left - 5, py(t), left, left - 8, t);
    }
    out +=
        fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"15\">{}</text>\n",
                    left + pw / 2, top - 15, detail::escape(title));
    out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n", left + pw / 2,
                       height - 15, detail::escape(x_label));
    out += fmt::format(
        "<text x=\"18\" y=\"{0}\" text-anchor=\"middle\" transform=\"rotate(-90 18 {0})\">{1}"
        "</text>\n",
        top + ph / 2, detail::escape(y_label));

    // Legend: series, then distinct cell labels.
    double ly = top + 10;
    enum class legend_mark { line, dot, box };
    auto legend = [&](const std::string& label, const std::string& color, legend_mark mark) {
      if (label.empty()) return;
      const double lx = left + pw + 15;
      if (mark == legend_mark::box) {
        out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"14\" height=\"10\" fill=\"{}\"/>", lx,
                           ly - 5, detail::escape(color));
      } else if (mark == legend_mark::dot) {  // point series: a dot, not a line
        out +=
            fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"3.5\" fill=\"{}\"/>", lx + 7, ly, color);
      } else {
        out += fmt::format(
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"3\"/>", lx,
            ly, lx + 14, ly, color);
      }
      out += fmt::format("<text x=\"{}\" y=\"{}\" dominant-baseline=\"middle\">{}</text>\n",
                         lx + 20, ly, detail::escape(label));
      ly += 18;
    };
    for (const series& s : series_) {
      legend(s.label, s.color, s.type == kind::line ? legend_mark::line : legend_mark::dot);
    }
    std::vector<std::string> seen;
    for (const cell& c : cells_) {
      if (c.label.empty() || std::find(seen.begin(), seen.end(), c.label) != seen.end()) continue;
      seen.push_back(c.label);
      legend(c.label, c.color, legend_mark::box);
    }
    out += "</svg>\n";
    return out;
  }

  /// Write svg(width, height) to path; throws std::runtime_error when the file cannot be written.
  void save(const std::string& path, int width = 720, int height = 480) const {
    example::write_file(path, svg(width, height));
  }

 private:
  enum class kind { line, points };
  struct series {
    std::vector<double> xs, ys;
    std::string label, color;
    kind type;
  };
  struct cell {
    double x0, y0, x1, y1;
    std::string color, label;
  };
  struct range {
    double lo = std::numeric_limits<double>::quiet_NaN();
    double hi = std::numeric_limits<double>::quiet_NaN();
  };

  void add(const std::vector<double>& xs, const std::vector<double>& ys, const std::string& label,
           const std::string& color, kind type) {
    if (xs.size() != ys.size()) throw std::invalid_argument("svg_plot: xs and ys differ in size");
    series_.push_back(
        {xs, ys, label, color.empty() ? detail::palette(series_.size()) : color, type});
  }

  static void set_range(range& r, double lo, double hi) {
    if (!(std::isfinite(lo) && std::isfinite(hi) && lo < hi)) {
      throw std::invalid_argument("svg_plot: a range needs finite lo < hi");
    }
    r.lo = lo;
    r.hi = hi;
  }

  // The set range, or the data's range padded by 5 % (a unit range around a single value).
  range resolved(const range& fixed, bool x) const {
    if (std::isfinite(fixed.lo)) return fixed;
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (const series& s : series_) {
      for (double v : x ? s.xs : s.ys) {
        if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
      }
    }
    for (const cell& c : cells_) {
      lo = std::min(lo, x ? c.x0 : c.y0);
      hi = std::max(hi, x ? c.x1 : c.y1);
    }
    if (!std::isfinite(lo)) return {0.0, 1.0};
    if (hi - lo < 1e-12 * std::max(1.0, std::abs(lo))) return {lo - 0.5, hi + 0.5};
    const double pad = 0.05 * (hi - lo);
    return {lo - pad, hi + pad};
  }

  std::vector<series> series_;
  std::vector<cell> cells_;
  range x_range_, y_range_;
};

}  // namespace svg_plot

#endif  // MECHDESIGN_EXAMPLES_SUPPORT_SVG_PLOT_HPP
