package io.metasystem.mlcore.simulation;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;

/** PNG plot of a {@link BacktestReport} (XChart, headless). */
public final class BacktestCharts {
    private BacktestCharts() {}

    /** Cumulative expected conversions per policy over the days, as a share of the horizon optimum, averaged. */
    public static XYChart cumulative(BacktestReport report) {
        XYChart chart = new XYChartBuilder()
                .width(900)
                .height(560)
                .title("Cumulative expected conversions (" + report.scenarios() + " scenarios, seed " + report.seed()
                        + ")")
                .xAxisTitle("day")
                .yAxisTitle("share of the " + report.days() + "-day optimum")
                .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        double[] x = new double[report.days()];
        for (int t = 0; t < x.length; t++) {
            x[t] = t + 1;
        }
        String first = report.policies().get(0);
        XYSeries opt = chart.addSeries("day-by-day optimum", x, report.meanCumulativeOptimum(first));
        opt.setMarker(SeriesMarkers.NONE);
        opt.setLineStyle(
                new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        opt.setLineColor(Color.GRAY);
        Color[] palette = {
            new Color(0x1f77b4),
            new Color(0xff7f0e),
            new Color(0x2ca02c),
            new Color(0xd62728),
            new Color(0x9467bd),
            new Color(0x8c564b),
            new Color(0xe377c2),
            new Color(0x17becf)
        };
        int k = 0;
        for (String p : report.policies()) {
            XYSeries s = chart.addSeries(p, x, report.meanCumulativeShare(p));
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(palette[k++ % palette.length]);
        }
        return chart;
    }

    /** Writes {@link #cumulative} to {@code file} (PNG). */
    public static void writePng(BacktestReport report, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BitmapEncoder.saveBitmap(cumulative(report), file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
