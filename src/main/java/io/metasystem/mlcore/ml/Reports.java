package io.metasystem.mlcore.ml;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Validation table (text, Markdown, JSON) and calibration plot (PNG). */
public final class Reports {
    private static final Color[] PALETTE = {new Color(0x7f7f7f), new Color(0x1f77b4), new Color(0xd62728)};

    private Reports() {}

    /** Fixed-width validation table for the terminal. */
    public static String table(Validation.Result r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s, target %s; %s%n", r.dataset(), r.target(), r.protocol()));
        sb.append(String.format(
                Locale.ROOT,
                "%-16s %7s %12s %12s %10s %6s %9s %8s %8s%n",
                "model",
                "units",
                "dev/unit",
                "dev/unit(clk)",
                "CPA MAE",
                "n_cpa",
                "pred/obs",
                "V",
                "weight"));
        for (Validation.ModelScore s : r.scores()) {
            sb.append(scoreRow("%-16s %7d %12.4f %12.4f %10.3f %6d %9.3f %8.4f %8.1f%n", s));
        }
        return sb.toString();
    }

    /** One model's held-out score in {@code format}: deviances, CPA MAE, calibration ratio, overdispersion, weight. */
    private static String scoreRow(String format, Validation.ModelScore s) {
        return String.format(
                Locale.ROOT,
                format,
                s.model(),
                s.units(),
                s.poissonDeviance(),
                s.clickPoissonDeviance(),
                s.cpaMae(),
                s.cpaUnits(),
                s.predictedTotal() / s.observedTotal(),
                s.overdispersion(),
                s.priorWeight());
    }

    /** Markdown report: table, calibration by decile, data notes. */
    public static String markdown(FeatureTable table, Validation.Result r, Provenance p) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Validation: ")
                .append(r.dataset())
                .append(" (")
                .append(r.target())
                .append(")\n\n");
        sb.append("- Protocol: ")
                .append(r.protocol())
                .append(" (")
                .append(String.join("; ", r.foldLabels()))
                .append(")\n");
        sb.append("- Rows: ")
                .append(table.rows().size())
                .append(" (dropped ")
                .append(table.droppedRows())
                .append(" zero-spend rows with ")
                .append(fmt(table.droppedConversions()))
                .append(" conversions)\n");
        sb.append("- Data window: ")
                .append(table.window())
                .append("; source sha256 `")
                .append(table.sha256())
                .append("`\n");
        sb.append("- Model: `")
                .append(p.modelId())
                .append("`, artifact sha256 `")
                .append(p.artifactSha256())
                .append("`\n\n");
        sb.append("| model | units | Poisson deviance / unit (spend) | Poisson deviance / unit (clicks) | CPA MAE "
                + "| units in CPA MAE | predicted / observed | overdispersion V | prior weight |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Validation.ModelScore s : r.scores()) {
            sb.append(scoreRow("| %s | %d | %.4f | %.4f | %.3f | %d | %.3f | %.4f | %.1f |%n", s));
        }
        sb.append("\nCalibration by decile of predicted conversions (observed / predicted):\n\n| decile |");
        r.scores().forEach(s -> sb.append(' ').append(s.model()).append(" |"));
        sb.append("\n|---:|");
        r.scores().forEach(s -> sb.append("---:|"));
        sb.append('\n');
        for (int d = 0; d < 10; d++) {
            sb.append("| ").append(d + 1).append(" |");
            for (Validation.ModelScore s : r.scores()) {
                Metrics.Decile dec = s.calibration().get(d);
                sb.append(String.format(Locale.ROOT, " %.1f / %.1f |", dec.observed(), dec.predicted()));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Observed vs predicted conversions per unit, by decile, log-log, one series per model, and y = x. */
    public static XYChart calibrationChart(Validation.Result r) {
        XYChart chart = new XYChartBuilder()
                .width(760)
                .height(560)
                .title("Calibration, " + r.dataset() + " (" + r.target() + "), held out")
                .xAxisTitle("predicted conversions per unit (decile mean)")
                .yAxisTitle("observed conversions per unit (decile mean)")
                .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        double lo = Double.MAX_VALUE;
        double hi = 0;
        int k = 0;
        for (Validation.ModelScore s : r.scores()) {
            double[] x = new double[10];
            double[] y = new double[10];
            for (int d = 0; d < 10; d++) {
                Metrics.Decile dec = s.calibration().get(d);
                x[d] = dec.predicted() / Math.max(1, dec.n());
                y[d] = Math.max(dec.observed(), 1e-3) / Math.max(1, dec.n());
                lo = Math.min(lo, Math.min(x[d], y[d]));
                hi = Math.max(hi, Math.max(x[d], y[d]));
            }
            XYSeries series = chart.addSeries(s.model(), x, y);
            series.setMarker(SeriesMarkers.CIRCLE);
            series.setLineColor(PALETTE[k % PALETTE.length]);
            series.setMarkerColor(PALETTE[k++ % PALETTE.length]);
        }
        XYSeries diag = chart.addSeries("y = x", new double[] {lo, hi}, new double[] {lo, hi});
        diag.setMarker(SeriesMarkers.NONE);
        diag.setLineColor(Color.BLACK);
        diag.setLineStyle(
                new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f));
        return chart;
    }

    /** Writes report.md, report.json and calibration.png into {@code out}. */
    public static void write(FeatureTable table, Validation.Result r, Provenance p, Path out) throws IOException {
        Files.createDirectories(out);
        Files.writeString(out.resolve("report.md"), markdown(table, r, p), StandardCharsets.UTF_8);
        Files.write(
                out.resolve("report.json"),
                ModelArtifact.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(r));
        System.setProperty("java.awt.headless", "true");
        BitmapEncoder.saveBitmap(
                calibrationChart(r), out.resolve("calibration.png").toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
