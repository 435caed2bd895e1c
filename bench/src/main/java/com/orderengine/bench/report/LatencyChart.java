package com.orderengine.bench.report;

import com.orderengine.bench.checkout.CheckoutCall;
import com.orderengine.bench.results.StepResult;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * latency.png: checkout p50 and p99 against concurrency, engine and baseline, both axes logarithmic (clients
 * double and latencies span orders of magnitude). Drawn off screen; the JVM runs headless.
 */
public final class LatencyChart {

    private static final Color ENGINE = new Color(0x1f, 0x77, 0xb4);
    private static final Color BASELINE = new Color(0xff, 0x7f, 0x0e);

    private LatencyChart() {}

    public static void write(List<StepResult> steps, Path png) throws IOException {
        XYChart chart = new XYChartBuilder()
                .width(900)
                .height(560)
                .title("Checkout latency, closed loop (each client waits for its answer)")
                .xAxisTitle("concurrent clients")
                .yAxisTitle("latency (ms)")
                .build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        // Ticks at 2, 3, … 9 of each decade too: a run rarely spans more than two decades.
        chart.getStyler().setXAxisLogarithmicDecadeOnly(false);
        chart.getStyler().setYAxisLogarithmicDecadeOnly(false);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setYAxisDecimalPattern("0.#");
        boolean any = false;
        any |= series(
                chart,
                steps,
                StepResult.ENGINE,
                "engine p50",
                step -> step.latency().p50(),
                ENGINE,
                false);
        any |= series(
                chart,
                steps,
                StepResult.ENGINE,
                "engine p99",
                step -> step.latency().p99(),
                ENGINE,
                true);
        any |= series(
                chart,
                steps,
                StepResult.BASELINE,
                "baseline p50",
                step -> step.latency().p50(),
                BASELINE,
                false);
        any |= series(
                chart,
                steps,
                StepResult.BASELINE,
                "baseline p99",
                step -> step.latency().p99(),
                BASELINE,
                true);
        if (!any) {
            chart.addSeries("no checkout measured", new double[] {1}, new double[] {1});
        }
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static boolean series(
            XYChart chart,
            List<StepResult> steps,
            String system,
            String name,
            ToDoubleFunction<StepResult> value,
            Color color,
            boolean dashed) {
        List<StepResult> points = steps.stream()
                .filter(step -> step.step().equals(CheckoutCall.METRIC)
                        && step.system().equals(system)
                        && step.latency().count() > 0)
                .toList();
        if (points.isEmpty()) {
            return false;
        }
        double[] x = points.stream().mapToDouble(StepResult::concurrency).toArray();
        // A log axis cannot show 0; anything under a microsecond is drawn at one.
        double[] y = points.stream()
                .mapToDouble(step -> Math.max(0.001, value.applyAsDouble(step)))
                .toArray();
        XYSeries series = chart.addSeries(name, x, y);
        series.setLineColor(color);
        series.setMarkerColor(color);
        series.setMarker(dashed ? SeriesMarkers.DIAMOND : SeriesMarkers.CIRCLE);
        if (dashed) {
            series.setLineStyle(
                    new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        }
        return true;
    }
}
