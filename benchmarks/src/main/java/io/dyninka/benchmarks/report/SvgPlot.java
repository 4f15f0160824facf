package io.dyninka.benchmarks.report;

import io.dyninka.benchmarks.run.SystemUnderTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Throughput and p99 latency against workers, one line per system and keep-alive mode, as a
 * self-contained SVG: no plotting tool to install, and it renders on GitHub and in any browser.
 */
final class SvgPlot {

  private static final int PANEL_W = 440;
  private static final int PANEL_H = 300;
  private static final int LEFT = 64;
  private static final int LEGEND_COLUMNS = 3;
  private static final int LEGEND_WIDTH = 320;
  private static final int GAP = 90;
  private static final String[] COLORS = {
    "#1f77b4", "#9467bd", "#2ca02c", "#d62728", "#8c564b", "#ff7f0e", "#17becf", "#e377c2",
    "#7f7f7f"
  };

  private SvgPlot() {}

  static String render(Results results) {
    List<Integer> workers = results.settings.workers();
    List<SystemUnderTest> systems = results.settings.systems();
    StringBuilder svg = new StringBuilder();
    int width = LEFT + 2 * PANEL_W + GAP + 30;
    int top = top(systems);
    int height = top + PANEL_H + 60;
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">\n",
            width,
            height));
    svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    svg.append(
        text(
            LEFT,
            20,
            String.join(" and ", results.settings.flows().stream().map(f -> f.label()).toList())
                + ": throughput and p99 latency against hey workers",
            14,
            "start"));
    legend(svg, systems);
    panel(
        svg,
        results,
        top,
        LEFT,
        "throughput (2xx req/s)",
        false,
        workers,
        systems,
        l -> l.report().okRps());
    panel(
        svg,
        results,
        top,
        LEFT + PANEL_W + GAP,
        "p99 latency (ms, log scale)",
        true,
        workers,
        systems,
        l -> l.report().p99Ms());
    svg.append("</svg>\n");
    return svg.toString();
  }

  /** Three entries a row: each system, then the two line styles. */
  private static void legend(StringBuilder svg, List<SystemUnderTest> systems) {
    List<String[]> entries = new ArrayList<>();
    for (SystemUnderTest system : systems) {
      entries.add(new String[] {system.fullLabel(), COLORS[system.ordinal() % COLORS.length], ""});
    }
    entries.add(new String[] {"keep-alive on", "#555", ""});
    entries.add(new String[] {"keep-alive off", "#555", "dashed"});
    for (int i = 0; i < entries.size(); i++) {
      int x = LEFT + (i % LEGEND_COLUMNS) * LEGEND_WIDTH;
      int y = 44 + (i / LEGEND_COLUMNS) * 18;
      String[] e = entries.get(i);
      svg.append(line(x, y, x + 24, y, e[1], !e[2].isEmpty()));
      svg.append(text(x + 30, y + 4, e[0], 12, "start"));
    }
  }

  /** Where the panels start: below the title and the legend's rows. */
  private static int top(List<SystemUnderTest> systems) {
    int rows = (systems.size() + 2 + LEGEND_COLUMNS - 1) / LEGEND_COLUMNS;
    return 44 + rows * 18 + 28;
  }

  private static void panel(
      StringBuilder svg,
      Results results,
      int top,
      int x0,
      String title,
      boolean log,
      List<Integer> workers,
      List<SystemUnderTest> systems,
      ToDoubleFunction<Results.Load> metric) {
    double max = 0;
    double min = Double.MAX_VALUE;
    for (Results.Load load : results.loads) {
      double v = metric.applyAsDouble(load);
      if (v > 0 && !Double.isNaN(v)) {
        max = Math.max(max, v);
        min = Math.min(min, v);
      }
    }
    if (max == 0) {
      max = 1;
      min = 0.1;
    }
    Scale y = log ? Scale.log(min, max) : Scale.linear(max);
    int y0 = top + PANEL_H;
    svg.append(text(x0 + PANEL_W / 2, top - 12, title, 13, "middle"));
    svg.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>\n",
            x0,
            top,
            PANEL_W,
            PANEL_H));
    for (double tick : y.ticks()) {
      double py = y0 - y.position(tick) * PANEL_H;
      svg.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>\n",
              x0,
              py,
              x0 + PANEL_W,
              py));
      svg.append(text(x0 - 6, py + 4, label(tick), 11, "end"));
    }
    for (int i = 0; i < workers.size(); i++) {
      double px = xPosition(x0, i, workers.size());
      svg.append(text(px, y0 + 18, Integer.toString(workers.get(i)), 11, "middle"));
    }
    svg.append(text(x0 + PANEL_W / 2, y0 + 38, "concurrent workers", 12, "middle"));
    for (SystemUnderTest system : systems) {
      String color = COLORS[system.ordinal() % COLORS.length];
      for (boolean keepAlive : new boolean[] {true, false}) {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < workers.size(); i++) {
          int index = i;
          results.loads.stream()
              .filter(
                  l ->
                      l.system() == system
                          && l.profile().keepAlive() == keepAlive
                          && l.profile().workers() == workers.get(index))
              .findFirst()
              .ifPresent(
                  l -> {
                    double v = metric.applyAsDouble(l);
                    if (v > 0 && !Double.isNaN(v)) {
                      points.add(
                          new double[] {
                            xPosition(x0, index, workers.size()), y0 - y.position(v) * PANEL_H
                          });
                    }
                  });
        }
        polyline(svg, points, color, !keepAlive);
      }
    }
  }

  private static double xPosition(int x0, int index, int count) {
    return x0 + 30 + (PANEL_W - 60) * (count == 1 ? 0.5 : (double) index / (count - 1));
  }

  private static void polyline(
      StringBuilder svg, List<double[]> points, String color, boolean dashed) {
    if (points.isEmpty()) {
      return;
    }
    StringBuilder coords = new StringBuilder();
    for (double[] p : points) {
      coords.append(String.format(Locale.ROOT, "%.1f,%.1f ", p[0], p[1]));
    }
    svg.append(
        String.format(
            Locale.ROOT,
            "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s/>\n",
            coords.toString().trim(),
            color,
            dashed ? " stroke-dasharray=\"6,4\"" : ""));
    for (double[] p : points) {
      svg.append(
          String.format(
              Locale.ROOT,
              "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>\n",
              p[0],
              p[1],
              color));
    }
  }

  private static String line(int x1, int y1, int x2, int y2, String color, boolean dashed) {
    return String.format(
        Locale.ROOT,
        "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"%s/>\n",
        x1,
        y1,
        x2,
        y2,
        color,
        dashed ? " stroke-dasharray=\"6,4\"" : "");
  }

  private static String text(double x, double y, String content, int size, String anchor) {
    return String.format(
        Locale.ROOT,
        "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" text-anchor=\"%s\">%s</text>\n",
        x,
        y,
        size,
        anchor,
        content.replace("&", "&amp;").replace("<", "&lt;"));
  }

  private static String label(double tick) {
    if (tick == 0) {
      return "0";
    }
    if (tick >= 1000) {
      return String.format(Locale.ROOT, "%.0fk", tick / 1000).replace(".0k", "k");
    }
    return tick >= 1
        ? String.format(Locale.ROOT, "%.0f", tick)
        : String.format(Locale.ROOT, "%.1f", tick);
  }

  /** Maps a value to 0..1 of the panel's height. */
  private interface Scale {
    double position(double value);

    List<Double> ticks();

    static Scale linear(double max) {
      double step = niceStep(max / 5);
      double top = Math.ceil(max * 1.05 / step) * step;
      return new Scale() {
        @Override
        public double position(double value) {
          return value / top;
        }

        @Override
        public List<Double> ticks() {
          List<Double> ticks = new ArrayList<>();
          for (double t = 0; t <= top + step / 2; t += step) {
            ticks.add(t);
          }
          return ticks;
        }
      };
    }

    static Scale log(double min, double max) {
      double low = Math.floor(Math.log10(min));
      double high = Math.max(low + 1, Math.ceil(Math.log10(max)));
      return new Scale() {
        @Override
        public double position(double value) {
          return (Math.log10(value) - low) / (high - low);
        }

        @Override
        public List<Double> ticks() {
          List<Double> ticks = new ArrayList<>();
          for (double e = low; e <= high; e++) {
            ticks.add(Math.pow(10, e));
          }
          return ticks;
        }
      };
    }

    private static double niceStep(double raw) {
      double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-9))));
      double n = raw / magnitude;
      return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10) * magnitude;
    }
  }
}
